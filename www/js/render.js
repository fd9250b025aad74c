// Small DOM helpers shared by every view: building elements, money, citations, the clause dialog.
// Views render into the page or into a custom element's shadow root (elements.js), so nothing here
// looks a node up by a page-wide id: the clause dialog lives in the root of the button that opens it.

// Elements given a listener by h(): morph() replaces them rather than keep an old listener.
const listening = new WeakSet();

/** Creates an element: h("p", { class: "x" }, "text", child, …). */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v == null) continue;
    if (k === "class") el.className = v;
    else if (k.startsWith("on")) {
      el.addEventListener(k.slice(2), v);
      listening.add(el);
    } else el.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children.flat()) {
    if (c == null || c === false) continue;
    el.append(c instanceof Node ? c : String(c));
  }
  return el;
}

/**
 * Makes the node `old` (on screen) show what `now` (freshly built, not on screen) shows, changing
 * only what differs: a text, an attribute, a child added or removed. The browser then lays out and
 * paints only those, where replacing the whole node would redo all of it. A node built with a
 * listener is replaced whole (its listener may say something the old one does not); so is one of
 * another kind. What the user set is kept: a <details> stays open or closed as they left it.
 * Returns the node now on screen.
 */
export function morph(old, now) {
  if (old.nodeType !== now.nodeType || old.nodeName !== now.nodeName || listening.has(old) || listening.has(now)) {
    old.replaceWith(now);
    return now;
  }
  if (old.nodeType !== Node.ELEMENT_NODE) {
    if (old.nodeValue !== now.nodeValue) old.nodeValue = now.nodeValue;
    return old;
  }
  // By name (attribute nodes would be made for every attribute just to be compared).
  for (const name of now.getAttributeNames()) {
    const value = now.getAttribute(name);
    if (old.getAttribute(name) !== value) old.setAttribute(name, value);
  }
  for (const name of old.getAttributeNames()) {
    if (!now.hasAttribute(name) && !(name === "open" && old.nodeName === "DETAILS")) old.removeAttribute(name);
  }
  // Children are paired in order; a child with a test id is paired with the old child of the same
  // id, so a paragraph appearing above an opened checklist does not make the checklist a new one.
  const kids = [...now.childNodes];
  let at = old.firstChild;
  kids.forEach((kid, i) => {
    if (at && !sameKind(at, kid)) {
      const k = keyOf(kid);
      let match = k ? at.nextSibling : null;
      while (match && keyOf(match) !== k) match = match.nextSibling;
      if (match) {
        // Old children before the one that matches are gone.
        while (at !== match) {
          const next = at.nextSibling;
          at.remove();
          at = next;
        }
      } else if (keyOf(at) && kids.slice(i + 1).some((later) => keyOf(later) === keyOf(at))) {
        // The old child is further down: this one is new, and goes before it.
        old.insertBefore(kid, at);
        return;
      }
    }
    if (!at) {
      old.append(kid);
      return;
    }
    const next = at.nextSibling;
    morph(at, kid);
    at = next;
  });
  while (at) {
    const next = at.nextSibling;
    at.remove();
    at = next;
  }
  return old;
}

/** A child's identity among its siblings, when it has one: its tag and test id. */
const keyOf = (n) => (n.nodeType === Node.ELEMENT_NODE && n.hasAttribute("data-testid") ? `${n.nodeName}#${n.getAttribute("data-testid")}` : null);
const sameKind = (a, b) => a.nodeName === b.nodeName && keyOf(a) === keyOf(b);

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
