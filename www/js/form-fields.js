// Building form fields that map one-to-one onto JSON paths of an engine input
// (`$.members[0].labour_capacity`), and reading them back. Empty means unknown: the field is left
// out of the input, and the engine says which decisions need it.
import { h, errorList } from "./render.js";

let seq = 0;
const YESNO = [["true", "是"], ["false", "否"]];

/**
 * One labelled field. kind: text | date | money | int | yesno | choice | grade.
 * `options` are [code, label] pairs for choice; `hint` is a short explanation in the policy's terms.
 */
export function field(path, label, kind, { options = [], hint, wide = false } = {}) {
  const id = `f${++seq}`;
  const hintId = hint ? `${id}-hint` : null;
  const msgId = `${id}-msg`;
  const common = { id, "data-path": path, "data-kind": kind, name: path, "aria-describedby": [hintId, msgId].filter(Boolean).join(" ") };
  let control;
  if (kind === "yesno" || kind === "choice" || kind === "grade") {
    const opts = kind === "yesno" ? YESNO : kind === "grade" ? [["1", "一级"], ["2", "二级"], ["3", "三级"], ["4", "四级"]] : options;
    control = h("select", common, h("option", { value: "" }, "未填"), opts.map(([v, l]) => h("option", { value: v }, l)));
  } else {
    const type = kind === "date" ? "date" : "text";
    const inputmode = kind === "money" ? "decimal" : kind === "int" ? "numeric" : null;
    control = h("input", { ...common, type, inputmode, autocomplete: "off", spellcheck: "false" });
  }
  return h("div", { class: `field${wide ? " wide" : ""}` },
    h("label", { for: id }, label),
    control,
    hint ? h("small", { class: "hint", id: hintId }, hint) : null,
    h("small", { class: "field-msg", id: msgId, "aria-live": "polite" }));
}

/** A group of checkboxes filling an array of codes; none checked = unknown (left out). */
export function multi(path, legend, options, hint) {
  return h("fieldset", { class: "multi", "data-path": path, "data-kind": "multi" },
    h("legend", {}, legend),
    options.map(([v, l]) => h("label", { class: "check" }, h("input", { type: "checkbox", value: v, name: `${path}[]` }), l)),
    hint ? h("small", { class: "hint" }, hint) : null);
}

/** Reads every field under `root` into a fresh object, setting each non-empty one at its path. */
export function readFields(root, target = {}) {
  for (const el of root.querySelectorAll("[data-path][data-kind]")) {
    const kind = el.dataset.kind;
    let v;
    if (kind === "multi") {
      const codes = [...el.querySelectorAll("input:checked")].map((c) => c.value);
      if (!codes.length) continue;
      v = codes;
    } else {
      const raw = el.value.trim();
      if (raw === "") continue;
      v = kind === "yesno" ? raw === "true" : kind === "int" || kind === "grade" ? (/^-?\d+$/.test(raw) ? Number(raw) : raw) : raw;
    }
    setPath(target, el.dataset.path, v);
  }
  return target;
}

/** Puts the values of `source` back into the fields under `root` (absent → empty). */
export function writeFields(root, source) {
  for (const el of root.querySelectorAll("[data-path][data-kind]")) {
    const v = getPath(source, el.dataset.path);
    if (el.dataset.kind === "multi") {
      const set = new Set(Array.isArray(v) ? v : []);
      for (const c of el.querySelectorAll("input")) c.checked = set.has(c.value);
    } else {
      el.value = v == null ? "" : typeof v === "boolean" ? String(v) : String(v);
    }
  }
}

function tokens(path) {
  return [...path.replace(/^\$\.?/, "").matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

export function setPath(obj, path, value) {
  const ts = tokens(path);
  let cur = obj;
  ts.forEach((t, i) => {
    if (i === ts.length - 1) cur[t] = value;
    else cur = cur[t] ??= typeof ts[i + 1] === "number" ? [] : {};
  });
}

export function getPath(obj, path) {
  return tokens(path).reduce((cur, t) => (cur == null ? undefined : cur[t]), obj);
}

/** The field for an engine path: exact, else the first field under it (`$.incomes` → first income). */
export function fieldFor(root, path) {
  const all = [...root.querySelectorAll("[data-path]")];
  return all.find((el) => el.dataset.path === path)
    ?? all.find((el) => el.dataset.path.startsWith(path + ".") || el.dataset.path.startsWith(path + "["));
}

/** Shows (or clears) a message under a field and marks it invalid. */
export function setFieldMessage(el, message) {
  const msg = el && document.getElementById(`${el.id}-msg`);
  if (!el) return;
  if (message) el.setAttribute("aria-invalid", "true");
  else el.removeAttribute("aria-invalid");
  if (msg) msg.textContent = message ?? "";
}

/** A thrown engine error: the full list in `out`, and each message beside the field it names. */
export function showEngineErrors(out, form, err) {
  out.replaceChildren(errorList(err));
  for (const e of err?.errors ?? []) setFieldMessage(fieldFor(form, e.path), e.message);
}
