// Small DOM helpers shared by every view: building elements, money, citations, the clause dialog.

/** Creates an element: h("p", { class: "x" }, "text", child, …). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/** "12345.6" → "¥12,345.60" (the engine sends decimal strings; no float arithmetic here). */
export function yuan(s) {
  if (s == null || s === "") return "—";
  const [int, frac = ""] = String(s).replace(/^-/, "").split(".");
  const neg = String(s).startsWith("-") ? "-" : "";
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  return `${neg}¥${grouped}.${(frac + "00").slice(0, 2)}`;
}

let engineRef;
export function setEngine(engine) {
  engineRef = engine;
}

/** Opens the dialog with the full text of a clause of the seed, the words relied on marked. */
export function showClause(id, excerpts = []) {
  const c = engineRef?.clause(id);
  if (!c) return;
  const dlg = document.getElementById("clause-dialog");
  dlg.querySelector("#clause-dialog-title").textContent = `${c.id} ${c.title}`;
  dlg.querySelector("#clause-dialog-part").textContent = c.part;
  const text = dlg.querySelector("#clause-dialog-text");
  text.replaceChildren();
  // Every excerpt found in the clause, in reading order, without overlaps.
  const spans = [...new Set([excerpts].flat().filter(Boolean))]
    .map((e) => [c.text.indexOf(e), e.length]).filter(([at]) => at >= 0).sort((a, b) => a[0] - b[0]);
  let pos = 0;
  for (const [at, len] of spans) {
    if (at < pos) continue;
    text.append(c.text.slice(pos, at), h("mark", {}, c.text.slice(at, at + len)));
    pos = at + len;
  }
  text.append(c.text.slice(pos));
  dlg.querySelector("#clause-dialog-source").textContent =
    "出自《关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的实施意见》（静宁县，2021年）";
  dlg.showModal();
}

/** A citation as a button that opens its clause. */
export function citation(c) {
  return h("button", {
    type: "button",
    class: "cite",
    title: "查看条款原文",
    onclick: () => showClause(c.clause, [c.excerpt]),
  }, `依据 ${c.clause} ${c.title}`);
}

/** One button per clause cited, each opening the clause with all the words relied on marked. */
export function citations(list) {
  const byClause = new Map();
  for (const c of list ?? []) {
    if (!byClause.has(c.clause)) byClause.set(c.clause, { ...c, excerpts: [] });
    byClause.get(c.clause).excerpts.push(c.excerpt);
  }
  return [...byClause.values()].map((c) => h("button", {
    type: "button",
    class: "cite",
    title: "查看条款原文",
    onclick: () => showClause(c.clause, c.excerpts),
  }, `依据 ${c.clause} ${c.title}`));
}

/** A parameter value: money as yuan when its unit is in 元, otherwise the plain decimal. */
export function yuanOrValue(value, unit) {
  return String(unit ?? "").startsWith("元") ? yuan(value) : String(value);
}

/** Renders a thrown engine error: every field problem with its path. */
export function errorList(err, title = "输入有误，请修改后自动重新计算：", { showPaths = false, testId = null } = {}) {
  const errors = err?.errors?.length ? err.errors : [{ path: showPaths ? "$" : "", message: String(err?.message ?? err) }];
  // A file's errors name where in the file they are; a form's errors sit next to their fields.
  const item = (e) => showPaths ? [h("code", {}, e.path), "：", e.message] : e.message;
  return h("div", { class: "errors", role: "alert", "data-testid": testId },
    h("p", {}, title),
    h("ul", {}, errors.map((e) => h("li", { "data-path": e.path }, item(e)))));
}
