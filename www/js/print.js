// The printed case sheet: one A4 page with the summary, every decision with its reason and clause,
// the parameters used and the date, the result's fingerprint, and blank signature lines. It shows
// only what the engine returned (the view's printModel()).
import { h, yuanOrValue, citeLabel } from "./render.js";

const OUTCOME = { applies: "适用", does_not_apply: "不适用", cannot_decide: "无法判断" };

/** One line naming every document the decisions cite: title, issuer, 文号, date (and “二手来源”). */
function documentsCited(decisions) {
  const docs = new Map();
  for (const c of decisions.flatMap((d) => d.citations ?? [])) if (c.document) docs.set(c.document.id, c.document);
  if (!docs.size) return null;
  return h("p", { class: "sheet-docs" }, "引用文件：", [...docs.values()].map((d) => `${d.short} = ${d.cite_as}`).join("；"),
    [...docs.values()].some((d) => d.excerpts_only) ? "。“要点”为资料归纳，不是文件原话。" : "");
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
      meta.localChanges ? h("p", { class: "sheet-warn" }, `注意：本次计算使用了本地参数覆盖（${meta.localChanges} 项），见下表。`) : null),
    h("section", {}, h("h3", {}, model.summaryTitle ?? "概况"),
      h("dl", { class: "sheet-summary" }, model.summary.flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))),
    h("section", {}, h("h3", {}, "结论"),
      h("ol", { class: "sheet-decisions" }, model.decisions.map((d) => h("li", { "data-outcome": d.outcome },
        h("strong", {}, `${d.title}：${d.verdict ?? OUTCOME[d.outcome] ?? d.outcome}`),
        d.who ? ` （${d.who}）` : "",
        h("br"), d.reason,
        d.citations?.length ? [" ", h("span", { class: "sheet-cite" },
          "依据：", [...new Set(d.citations.map((c) => model.citeExcerpts === false ? citeLabel(c) : `${citeLabel(c)}“${c.excerpt}”${c.verbatim === false ? "（要点）" : ""}`))].join("；"))] : null)))),
    documentsCited(model.decisions),
    h("section", {}, h("h3", {}, "使用的参数"), !model.params_used.length ? h("p", {}, "本结果不使用政策参数（评分依据见概况中的指标体系）。") :
      h("table", { class: "sheet-params" },
        h("thead", {}, h("tr", {}, ["参数", "值", "来源", "状态"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, model.params_used.map((p) => h("tr", {},
          h("td", {}, p.label),
          h("td", {}, `${yuanOrValue(p.value, p.unit)} ${p.unit}`),
          h("td", {}, p.overridden ? "本地覆盖" : `${p.region}，${p.from} 起`),
          h("td", {}, p.overridden ? "本地覆盖" : p.verified ? "已核实" : "未核实")))))),
    h("section", { class: "signatures" },
      h("p", {}, "经办人（签字）：", h("span", { class: "line" }), "日期：", h("span", { class: "line short" })),
      h("p", {}, "审核人（签字）：", h("span", { class: "line" }), "日期：", h("span", { class: "line short" }))),
    h("p", { class: "sheet-foot" }, "本表由静宁县政策核对工具在本机生成，数据未离开本机。结论为规则辅助核对意见，以审核意见为准。"));
}
