// The printable handout of a training scenario: one A4 page with the story, the household, the
// verdicts the scenario teaches (the engine's outcome, reason and clauses) and the rule to remember.
// Printed from its own sheet (#handout-sheet), so the page's case sheet (#print-sheet, filled on
// every `beforeprint`) is left alone; `body.print-handout` selects which one goes on paper.
import { h, yuan } from "./render.js";

function sheet() {
  let el = document.getElementById("handout-sheet");
  if (!el) {
    el = h("article", { id: "handout-sheet", class: "handout-sheet", "aria-label": "培训讲义" });
    document.body.append(el);
  }
  return el;
}

const label = (choices, key, code) => (choices[key] ?? []).find((c) => c.code === code)?.label ?? code;

/** Household lines for the handout: members, incomes that are not zero, status and living conditions. */
function householdLines(state, result, choices) {
  const members = (state.members ?? []).map((m, i) => {
    const facts = [label(choices, "relation", m.relation), m.birth_date ? `${m.birth_date} 生` : null,
      m.labour_capacity ? label(choices, "labour_capacity", m.labour_capacity) : null,
      m.has_disability && m.disability ? `残疾（${label(choices, "disability_kind", m.disability.kind) ?? ""}${m.disability.grade ? ` ${m.disability.grade} 级` : ""}）` : null,
      m.serious_illness ? "重病" : null, m.orphan ? "孤儿" : null,
      m.schooling ? label(choices, "schooling", m.schooling) : null,
      m.supporter ? `赡养抚养人：${label(choices, "supporter", m.supporter)}` : null,
      m.medical_out_of_pocket && m.medical_out_of_pocket !== "0" ? `医疗自付 ${yuan(m.medical_out_of_pocket)}` : null].filter(Boolean);
    return `${m.name ?? `成员${i + 1}`}（${facts.join("，")}）`;
  });
  const ledger = result.ledger?.lines ?? [];
  const incomes = Object.entries(state.incomes ?? {}).filter(([, v]) => v && v !== "0").map(([k, v]) => `${ledgerLabel(ledger, k)} ${yuan(v)}`);
  const status = Object.entries(state.status ?? {}).filter(([, v]) => v === true).map(([k]) => ({ dibao: "低保户", tekun: "特困供养", monitored: "监测对象", returned_to_poverty: "返贫" }[k] ?? k));
  return [
    ["核查日期", state.assessment_date],
    ["农户类型", label(choices, "household_type", state.household_type) ?? "未填"],
    ["当前身份", status.join("、") || "无"],
    ["成员", members.join("；")],
    ["收入（近 12 个月）", incomes.join("，") || "无"],
    ["就业成本 / 上年收入", `${yuan(state.employment_costs)} / ${yuan(state.last_year_total_income)}`],
    ["住房 / 饮水", `${label(choices, "housing", state.housing) ?? "未填"} / ${label(choices, "drinking_water", state.drinking_water) ?? "未填"}`],
    ["人均纯收入 / 低保计算人均", `${yuan(result.per_capita_net)} / ${yuan(result.per_capita_dibao)}`],
  ];
}

function ledgerLabel(items, code) {
  const it = items.find((x) => x.item === code);
  return it?.label ?? code;
}

/** Fills the handout and prints it; the sheet stays selected until the print dialog closes. */
export function printHandout({ scenario: s, result, state, choices, outcomeLabel, clause }) {
  const decisions = s.verdicts.map((v) => result.decisions.find((d) => d.measure === v.measure)).filter(Boolean);
  const cited = decisions.flatMap((d) => d.citations).find((c) => c.clause === s.clause) ?? null;
  sheet().replaceChildren(
    h("header", {}, h("h2", {}, `培训讲义：${s.title}`),
      h("p", { class: "sheet-meta" }, `${s.topic} · 静宁县有效衔接政策核对 培训案例 ${s.id}`)),
    h("section", {}, h("h3", {}, "案例"), h("p", {}, s.story)),
    h("section", {}, h("h3", {}, "家庭情况"),
      h("dl", { class: "sheet-summary" }, householdLines(state, result, choices).flatMap(([k, v]) => [h("dt", {}, k), h("dd", {}, v)]))),
    h("section", {}, h("h3", {}, "结论（规则引擎）"),
      h("ol", { class: "sheet-decisions" }, decisions.map((d) => h("li", {},
        h("strong", {}, `${d.title}：${outcomeLabel(d.outcome)}${d.category_label ? `（${d.category_label}）` : ""}`), h("br"), d.reason,
        d.once_recognised ? `。认定后：${d.once_recognised}` : "",
        h("br"), h("span", { class: "sheet-cite" }, "依据：", [...new Set(d.citations.map((c) => c.label))].join("；")))))),
    h("section", {}, h("h3", {}, "要点"), h("p", {}, s.lesson)),
    h("section", {}, h("h3", {}, "条款"),
      h("p", {}, clause ? `${clause.document.cite_as ?? clause.document.title} ${clause.id} ${clause.title}` : s.clause),
      cited ? h("blockquote", {}, `“${cited.excerpt}”`) : null),
    h("p", { class: "sheet-foot" }, "本讲义由静宁县政策核对工具生成；案例为培训虚构，结论为规则辅助核对意见。"));
  document.body.classList.add("print-handout");
  const done = () => {
    document.body.classList.remove("print-handout");
    window.removeEventListener("afterprint", done);
  };
  window.addEventListener("afterprint", done);
  window.print();
}
