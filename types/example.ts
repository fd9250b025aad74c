// How a portal uses the engine, type-checked against the declarations by `make test`.
import init, { checkDibaoIncome, paramsInForce, type DibaoIncomeCheck, type EngineError, type ParamStatus } from "./jingning_policy";

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
