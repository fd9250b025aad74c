// How a portal uses the engine, type-checked against the declarations by `make test`.
import init, { checkDibaoIncome, type DibaoIncomeCheck, type EngineError } from "./jingning_policy";

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

// The household engine: build the form's selects from the engine, auto-fill from the ID number,
// evaluate, and list what applies with its reason and the inputs still needed.
import { evaluateHousehold, householdChoices, parseIdNumber, type HouseholdCase, type HouseholdResult } from "./jingning_policy";

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
  const r: HouseholdResult = evaluateHousehold(c, { overrides: { "dibao.standard_annual": "5600" } });
  const lines = r.decisions
    .filter((d) => d.outcome === "applies")
    .map((d) => `${d.title}：${d.reason}（${d.citations.map((x) => x.clause).join("、")}）${d.thresholds.map((t) => t.explanation).join("；")}`);
  return lines.concat(r.missing.map((m) => `待补：${m.label} ${m.path}`), [`指纹 ${r.fingerprint}`, `未核实参数：${r.unverified.join("、")}`]);
}
