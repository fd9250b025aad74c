// The rules every peer implements, twice here: as plain JavaScript over floating-point yuan (what a
// hand-written portal would do) and as the exact reference over integer fen. Four outputs per
// household, the same for every engine:
//   pc_net      家庭年人均纯收入, every item counted, rounded to the fen (half away from zero)
//   pc_dibao    低保计算人均收入: the excluded items (基础养老金, 优待抚恤金, 计划生育奖励与扶助金,
//               奖学金, 见义勇为等奖励性补助, 社会救助款物) left out, the employment cost deducted up
//               to the wage (实施意见 五(十二)), rounded to the fen
//   dibao       "dibao" below the 低保 standard, "edge" not below it but below 1.5 × it (低保边缘),
//               else "none" — judged on the exact per-capita income, not the rounded one
//   monitoring  "unstable" (脱贫户) / "edge" (一般农户) when the per-capita net income is below the
//               monitoring line (实施意见 二(二)), else "none"
// The lines come from the project's parameter files (run.mjs reads them through paramsInForce).
import { COUNTED, EXCLUDED, yuan } from "./generate.mjs";

/** Plain JS, floats: the fast baseline. `h` holds yuan as numbers (see `asYuan`). */
export function plain(h, L) {
  const i = h.incomes;
  const counted = i.wage + i.business_net + i.property_net + i.transfer_net;
  const excluded = i.basic_pension + i.special_care + i.family_planning + i.scholarship + i.heroism_award + i.social_assistance;
  const net = counted + excluded;
  const dibaoTotal = counted - Math.min(h.employment_costs, i.wage);
  const pcNet = net / h.size;
  const pcDibao = dibaoTotal / h.size;
  return {
    pc_net: Math.round(pcNet * 100) / 100,
    pc_dibao: Math.round(pcDibao * 100) / 100,
    dibao: pcDibao < L.standard ? "dibao" : pcDibao < L.standard * L.edge ? "edge" : "none",
    monitoring: pcNet < L.monitoring ? (h.type === "poverty_exited" ? "unstable" : "edge") : "none",
  };
}

/** The household with yuan as floating-point numbers, as a JS portal would hold them. */
export function asYuan(h) {
  const incomes = {};
  for (const [k, v] of Object.entries(h.incomes)) incomes[k] = v / 100;
  return { size: h.size, type: h.type, incomes, employment_costs: h.employment_costs / 100 };
}

/** Integer division rounded half away from zero. */
function roundDiv(a, b) {
  const q = Math.trunc(a / b);
  const r = a - q * b;
  return 2 * Math.abs(r) >= b ? q + Math.sign(a) : q;
}

/** The exact reference: integer fen throughout, lines compared as totals (no division). */
export function exact(h, F) {
  const i = h.incomes;
  const counted = COUNTED.reduce((s, k) => s + i[k], 0);
  const excluded = EXCLUDED.reduce((s, k) => s + i[k], 0);
  const net = counted + excluded;
  const dibaoTotal = counted - Math.min(h.employment_costs, i.wage);
  for (const v of [net, dibaoTotal, F.standard * h.size * F.edgeNum]) if (!Number.isSafeInteger(v)) throw new Error(`${h.id}: out of exact range`);
  const below = dibaoTotal < F.standard * h.size;
  const belowEdge = dibaoTotal * F.edgeDen < F.standard * h.size * F.edgeNum;
  return {
    pc_net: yuan(roundDiv(net, h.size)),
    pc_dibao: yuan(roundDiv(dibaoTotal, h.size)),
    dibao: below ? "dibao" : belowEdge ? "edge" : "none",
    monitoring: net < F.monitoring * h.size ? (h.type === "poverty_exited" ? "unstable" : "edge") : "none",
  };
}

/** An engine's money output in fen: a number (already rounded to the fen) or a decimal string, read exactly. */
export function fenOf(x) {
  if (typeof x === "number") return Math.round(x * 100);
  const m = /^(-?)(\d+)(?:\.(\d*))?$/.exec(String(x).trim());
  if (!m) return NaN;
  const frac = (m[3] ?? "").replace(/0+$/, "");
  if (frac.length > 2) return NaN; // not rounded to the fen: never equal to the reference
  const fen = Number(m[2]) * 100 + Number(frac.padEnd(2, "0"));
  return m[1] ? -fen : fen;
}

/** Whether an engine's four outputs equal the reference's. */
export function agrees(got, want) {
  return yuan(fenOf(got.pc_net)) === want.pc_net && yuan(fenOf(got.pc_dibao)) === want.pc_dibao && got.dibao === want.dibao && got.monitoring === want.monitoring;
}
