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
