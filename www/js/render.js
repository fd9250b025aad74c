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

/** Opens the dialog with the full text of a clause of the seed. */
export function showClause(id, excerpt) {
  const c = engineRef?.clause(id);
  if (!c) return;
  const dlg = document.getElementById("clause-dialog");
  dlg.querySelector("#clause-dialog-title").textContent = `${c.id} ${c.title}`;
  dlg.querySelector("#clause-dialog-part").textContent = c.part;
  const text = dlg.querySelector("#clause-dialog-text");
  text.replaceChildren();
  const at = excerpt ? c.text.indexOf(excerpt) : -1;
  if (at >= 0) {
    text.append(c.text.slice(0, at), h("mark", {}, excerpt), c.text.slice(at + excerpt.length));
  } else {
    text.textContent = c.text;
  }
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
    onclick: () => showClause(c.clause, c.excerpt),
  }, `依据 ${c.clause} ${c.title}`);
}

/** A parameter value: money as yuan when its unit is in 元, otherwise the plain decimal. */
export function yuanOrValue(value, unit) {
  return String(unit ?? "").startsWith("元") ? yuan(value) : String(value);
}

/** Renders a thrown engine error: every field problem with its path. */
export function errorList(err, title = "输入有误，请修改后自动重新计算：") {
  const errors = err?.errors?.length ? err.errors : [{ path: "", message: String(err?.message ?? err) }];
  return h("div", { class: "errors", role: "alert" },
    h("p", {}, title),
    h("ul", {}, errors.map((e) => h("li", { "data-path": e.path }, e.message))));
}
