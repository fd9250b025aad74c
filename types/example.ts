// How a portal uses the engine, type-checked against the declarations by `make test`.
import init, { checkDibaoIncome, paramsInForce, type DibaoIncomeCheck, type EngineError, type ParamStatus } from "./jingning_policy";
import { catalogue, evaluateHousehold, evaluateHouseholds, householdChoices, householdSweep, parseIdNumber, type Catalogue, type HouseholdCase, type HouseholdResult, type Sweep } from "./jingning_policy";
import { clause, documents, type Citation, type PolicyDocument } from "./jingning_policy";

export async function perCapitaForDibao(wage: string, size: number): Promise<string> {
  await init();
  try {
    const r: DibaoIncomeCheck = checkDibaoIncome(
      { assessment_date: "2024-06-30", household_size: size, incomes: { wage, scholarship: 500 } },
      { overrides: { "dibao.standard_annual": "5600" } },
    );
    const excluded = r.ledger.lines.filter((l) => !l.counted_for_dibao).map((l) => l.label);
    return `${r.ledger.per_capita_dibao}（未计入：${excluded.join("、")}）${r.threshold.explanation}`;
  } catch (e) {
    const err = e as EngineError;
    return err.errors.map((x) => `${x.path} ${x.message}`).join("\n");
  }
}

/** The parameters panel of a portal: each value in force, flagged when unverified or overridden. */
export function unverifiedInForce(date: string): string[] {
  const list: ParamStatus[] = paramsInForce(date, { region: "静宁县", overrides: { "dibao.standard_annual": "5600" } });
  return list
    .filter((p) => p.in_force !== null && (!p.in_force.verified || p.in_force.overridden))
    .map((p) => `${p.label}：${p.in_force?.value}${p.unit}${p.in_force?.overridden ? "（本地覆盖）" : "（未核实）"}`);
}

import { assessVillage, rankVillages, defaultIndicatorSystem, validateIndicatorSystem, type VillageAssessment, type Ranking, type VillageInput } from "./jingning_policy";

/** A scorecard line per dimension and the three indicators to fix first. */
export function scorecard(village: VillageInput): string[] {
  const r: VillageAssessment = assessVillage(village, { county_averages: { poverty_income_growth: "9.5" } });
  const lines = r.dimensions.map((d) => `${d.name} ${d.points}/${d.max_points}（${d.rate ?? "—"}%）`);
  lines.push(`总分 ${r.total} ${r.grade}（${r.grade_reason}）；建议：${r.classification.label}（${r.classification.criterion}）`);
  for (const v of r.vetoes) lines.push(`否决：${v.reason}`);
  for (const s of r.shortfalls.slice(0, 3)) lines.push(s.advice);
  for (const m of r.missing) lines.push(`${m.path} ${m.effect}（${r.missing_rule_label}）`);
  return lines;
}

/** Township league table with ties, using a county-edited indicator system. */
export function league(villages: VillageInput[]): string[] {
  const system = validateIndicatorSystem({ ...defaultIndicatorSystem(), missing_rule: "exclude" });
  const ranking: Ranking = rankVillages({ villages }, { indicator_system: system });
  const rows = ranking.rows.map((row) => `${row.rank}. ${row.village_name} ${row.total} ${row.grade} ${row.class_label}`);
  const lagging = ranking.dimensions.map((d) => `${d.name} 落后：${d.laggards.map((l) => l.village_name).join("、")}`);
  return [...rows, ...lagging];
}

// The household engine: build the form's selects from the engine, auto-fill from the ID number,
// evaluate, and list what applies with its reason and the inputs still needed.

export function labourOptions(): string[] {
  return householdChoices()["labour_capacity"].map((c) => `${c.code}:${c.label}`);
}

export function autoFill(id: string, on: string): string {
  const r = parseIdNumber(id, on);
  return r.valid ? `${r.birth_date} ${r.sex} ${r.age ?? ""}岁` : (r.error ?? "");
}

export function summarise(): string[] {
  const c: HouseholdCase = {
    schema: "jingning.household/1",
    assessment_date: "2024-06-30",
    household_type: "poverty_exited",
    members: [{ name: "甲", relation: "head", id_number: "34052419800101001X", labour_capacity: "full", medical_out_of_pocket: "0" }],
    incomes: { wage: "7000", scholarship: 500 },
    last_year_total_income: 9000,
  };
  const r = evaluateHousehold(c, { overrides: { "dibao.standard_annual": "5600" }, detail: "full" });
  if (r.detail !== "full") throw new Error("asked for the full result");
  const lines = r.decisions
    .filter((d) => d.outcome === "applies")
    .map((d) => `${d.title}：${d.reason}（${d.citations.map((x) => x.label).join("、")}）${d.thresholds.map((t) => t.explanation).join("；")}`);
  return lines.concat(r.missing.map((m) => `待补：${m.label} ${m.path}`), [`指纹 ${r.fingerprint}`, `未核实参数：${r.unverified.join("、")}`]);
}

/** Where each measure flips as the wage moves (the trainer's slider): "农村低保（整户）：17000.00 起 does_not_apply". */
export function wageFlips(c: HouseholdCase): string[] {
  const sw: Sweep = householdSweep(c, "$.incomes.wage", "0", "40000", undefined);
  return sw.measures.flatMap((m) => m.segments.slice(1).map((s) => `${m.title}：${s.from} 起 ${s.outcome}`));
}

/** A citation with the document it rests on and the full text of its clause or passage. */
/** The compact result (the default): verdicts, with clause texts looked up in the catalogue by id. */
export function verdicts(c: HouseholdCase): string[] {
  const cat: Catalogue = catalogue();
  const r = evaluateHousehold(c, {});
  if (r.detail !== "compact") throw new Error("compact is the default");
  return r.decisions.map((d) => {
    const measure = cat.measures.find((m) => m.code === d.measure);
    const ids = d.citations ?? measure?.citations ?? [];
    const cites = ids.map((id) => cat.citations.find((x) => x.id === id)?.label ?? id);
    return `${measure?.title}：${cat.outcomes.find((o) => o.code === d.outcome)?.label} ${d.reason}（${cites.join("、")}）${d.provisional ? "（暂定）" : ""}`;
  });
}

/** Many households in one call: a failed one is an item with `error`, the others are evaluated. */
export function manyVerdicts(cases: HouseholdCase[]): string[] {
  return evaluateHouseholds(cases, { detail: "compact" }).map((r, i) => ("error" in r ? `第 ${i + 1} 户：${r.error.message}` : r.fingerprint));
}

export function explainCitation(c: Citation): string {
  const doc: PolicyDocument = c.document;
  const text = clause(c.clause, doc.id)?.text ?? "";
  return `${c.label}：“${c.excerpt}”${c.verbatim ? "" : "（要点）"}，出自${doc.cite_as}。全文：${text}`;
}

/** Every document the engine cites, by 文号 where one was found. */
export function documentNumbers(): string[] {
  return documents().map((d) => (d.number.startsWith("未找到") ? `${d.short}（文号未找到）` : `${d.short} ${d.number}`));
}
