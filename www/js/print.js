// The printed case sheet: one A4 page with the summary, every decision with its reason and clause,
// the parameters used and the date, the result's fingerprint, and blank signature lines. It shows
// only what the engine returned (the view's printModel()).
import { h, yuanOrValue, citeLabel } from "./render.js";

/**
 * A decision's citations, the document named once before its clauses: with excerpts, “实施意见
 * 五(十二) 分层分类实施社会救助“…””; compact (a sheet of a dozen decisions must stay one page),
 * the clauses only, “实施意见 二(二)、五(十五)”, their titles and documents listed under 引用文件.
 */
function citedBy(citations, withExcerpts) {
  const byDoc = new Map();
  for (const c of citations) {
    const doc = c.document?.short ?? "";
    const item = !c.document ? citeLabel(c)
      : withExcerpts ? `${c.clause} ${c.title}“${c.excerpt}”${c.verbatim === false ? "（要点）" : ""}` : c.clause;
    if (!byDoc.has(doc)) byDoc.set(doc, new Set());
    byDoc.get(doc).add(item);
  }
  return [...byDoc].map(([doc, items]) => `${doc ? `${doc} ` : ""}${[...items].join(withExcerpts ? "；" : "、")}`).join("；");
}

/**
 * Every document the decisions cite (title, issuer, 文号, date, “二手来源”), and for the compact form
 * the title of each clause cited, so a clause id on the sheet can be looked up.
 */
function documentsCited(decisions, withExcerpts) {
  const docs = new Map();
  for (const c of decisions.flatMap((d) => d.citations ?? [])) {
    if (!c.document) continue;
    if (!docs.has(c.document.id)) docs.set(c.document.id, { doc: c.document, clauses: new Map() });
    docs.get(c.document.id).clauses.set(c.clause, c.title);
  }
  if (!docs.size) return null;
  const clauses = (m) => withExcerpts ? "" : `：${[...m].map(([id, title]) => `${id} ${title}`).join("，")}`;
  return h("p", { class: "sheet-docs" }, "引用文件：", [...docs.values()].map(({ doc, clauses: m }) => `${doc.short} = ${doc.cite_as}${clauses(m)}`).join("；"),
    [...docs.values()].some(({ doc }) => doc.excerpts_only) ? "。“要点”为资料归纳，不是文件原话。" : "");
}

export function fillPrintSheet(sheet, model, meta) {
  if (!model) {
    sheet.replaceChildren(h("p", {}, "当前没有可打印的结果：请先在页面上完成填写，直至显示结论。"));
    return;
  }
  sheet.replaceChildren(
    h("header", {},
      h("h2", {}, model.title),
      h("p", { class: "sheet-meta" },
        `核查日期 ${model.date} · 地区 ${meta.region} · 参数按 ${String(model.date).slice(0, 4)} 年取值 · 规则引擎 ${meta.engineVersion} · 打印于 ${meta.printedAt}`),
      h("p", { class: "sheet-meta" }, "结果指纹 ",
        h("strong", { "data-testid": "print-fingerprint" }, model.fingerprint ?? "（本结果未提供指纹）"),
        "：相同的输入和规则重新计算得到相同指纹，可据此核对打印件。"),
      model.note ? h("p", { class: "sheet-warn", "data-testid": "print-note" }, model.note) : null,
      meta.localChanges ? h("p", { class: "sheet-warn" }, `注意：本次计算使用了本地参数覆盖（${meta.localChanges} 项），见下表。`) : null),
    h("section", {}, h("h3", {}, model.summaryTitle ?? "概况"),
      h("dl", { class: "sheet-summary" }, model.summary.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))),
    h("section", {}, h("h3", {}, "结论"),
      h("ol", { class: "sheet-decisions" }, model.decisions.map((d) => h("li", { "data-outcome": d.outcome },
        h("strong", {}, `${d.title}：${d.verdict}`),
        d.who ? ` （${d.who}）` : "",
        h("br"), d.reason,
        d.citations?.length ? [" ", h("span", { class: "sheet-cite" }, "依据：", citedBy(d.citations, model.citeExcerpts !== false))] : null)))),
    documentsCited(model.decisions, model.citeExcerpts !== false),
    h("section", {}, h("h3", {}, "使用的参数"), !model.params_used.length ? h("p", {}, "本结果不使用政策参数（评分依据见概况中的指标体系）。") :
      // Two tables side by side once the list is long (eighteen measures read some twenty
      // parameters): one column of them no longer fits the sheet's single A4 page.
      h("div", { class: "sheet-params-pair" }, halves(model.params_used, 8).map((rows) => h("table", { class: "sheet-params" },
        h("thead", {}, h("tr", {}, ["参数", "值", "来源", "状态"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, rows.map((p) => h("tr", {},
          h("td", {}, p.label),
          h("td", {}, `${yuanOrValue(p.value, p.unit)} ${p.unit}`),
          h("td", {}, p.overridden ? p.source : `${p.region}，${p.from} 起`),
          h("td", {}, p.overridden ? "县里的数值（本地填入）" : p.verified ? "已核实" : "未核实")))))))),
    h("section", { class: "signatures" },
      h("p", {}, "经办人（签字）：", h("span", { class: "line" }), "日期：", h("span", { class: "line short" })),
      h("p", {}, "审核人（签字）：", h("span", { class: "line" }), "日期：", h("span", { class: "line short" }))),
    h("p", { class: "sheet-foot" }, "本表由静宁县政策核对工具在本机生成，数据未离开本机。结论为规则辅助核对意见，以审核意见为准。"));
}

/** The list in two halves (the first the longer) when it has more than `n` items, else whole. */
function halves(list, n) {
  if (list.length <= n) return [list];
  const k = Math.ceil(list.length / 2);
  return [list.slice(0, k), list.slice(k)];
}
