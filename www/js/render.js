// Small DOM helpers shared by every view: building elements, money, citations, the clause dialog.
// Views render into the page or into a custom element's shadow root (elements.js), so nothing here
// looks a node up by a page-wide id: the clause dialog lives in the root of the button that opens it.

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

/** How a citation is named wherever it is shown: document, clause and title (the engine's label). */
export function citeLabel(c) {
  return c.label ?? `${c.clause} ${c.title}`;
}

/**
 * The clause dialog of a root (the page, or one element's shadow root), made on first use: two
 * elements on one page each open their own, and a page without one needs no markup for it.
 */
function clauseDialog(root) {
  const scope = root instanceof ShadowRoot ? root : document;
  let dlg = scope.querySelector("dialog.clause-dialog");
  if (dlg) return dlg;
  dlg = h("dialog", { id: "clause-dialog", class: "clause-dialog", "aria-labelledby": "clause-dialog-title" },
    h("h3", { id: "clause-dialog-title" }),
    h("p", { class: "part", id: "clause-dialog-part" }),
    h("blockquote", { id: "clause-dialog-text" }),
    h("p", { class: "source", id: "clause-dialog-source" }),
    h("form", { method: "dialog" }, h("button", {}, "关闭")));
  (scope === document ? document.body : scope).append(dlg);
  return dlg;
}

/**
 * Opens the dialog with the full text of a clause (of the seed, or a passage of another document's
 * excerpts when `documentId` is given), the words relied on marked, and the document it is from.
 * `from` is the node that asked (the dialog opens in its root); without it, the page's.
 */
export function showClause(id, excerpts = [], documentId = undefined, from = undefined) {
  const c = engineRef?.clause(id, documentId);
  if (!c) return;
  const dlg = clauseDialog(from?.getRootNode?.() ?? document);
  dlg.querySelector("#clause-dialog-title").textContent = c.document.excerpts_only ? `${c.document.short} · ${c.title}` : `${c.id} ${c.title}`;
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
  const d = c.document;
  dlg.querySelector("#clause-dialog-source").textContent = [
    `出自${d.cite_as}`,
    d.excerpts_only ? "本工具只收录该文件的摘录，不是全文" : null,
    c.source ? `这段文字见于：${c.source}` : null,
    d.url && !d.url.startsWith("未找到") ? `网址：${d.url}` : null,
  ].filter(Boolean).join("。");
  dlg.showModal();
}

/** A citation as a button that opens its clause. */
export function citation(c) {
  return h("button", {
    type: "button",
    class: "cite",
    title: c.document ? `${c.document.cite_as}：查看条款原文` : "查看条款原文",
    onclick: (e) => showClause(c.clause, [c.excerpt], c.document?.id, e.currentTarget),
  }, `依据 ${citeLabel(c)}`);
}

/** One button per clause cited, each opening the clause with all the words relied on marked. */
export function citations(list) {
  const byClause = new Map();
  for (const c of list ?? []) {
    const key = `${c.document?.id ?? ""}|${c.clause}`;
    if (!byClause.has(key)) byClause.set(key, { ...c, excerpts: [] });
    byClause.get(key).excerpts.push(c.excerpt);
  }
  return [...byClause.values()].map((c) => h("button", {
    type: "button",
    class: "cite",
    title: c.document ? `${c.document.cite_as}：查看条款原文` : "查看条款原文",
    onclick: (e) => showClause(c.clause, c.excerpts, c.document?.id, e.currentTarget),
  }, `依据 ${citeLabel(c)}`));
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
