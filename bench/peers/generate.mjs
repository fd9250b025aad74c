// Deterministic generator of synthetic households for the peer benchmark (bench/peers/run.mjs).
//
// Every household is one plain record: money in integer fen (so the exact reference never rounds),
// the same record written as the township sheet (CSV, template headers, one row per member) for the
// native CLI and as a `jingning.household/1` case for the JS API. About a quarter of the households
// sit exactly on a line or one fen either side of it (低保 standard × size, 1.5 × that, the
// monitoring line × size): where floating-point yuan go wrong and where an exact engine must not.
// No real person: names are 户主N / 成员N.

/** mulberry32: a small seeded PRNG, the same sequence on every machine and Node version. */
export function rng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Income items: counted for 低保 or excluded from it (实施意见 五(十二); src/case/incomes.rs). */
export const COUNTED = ["wage", "business_net", "property_net", "transfer_net"];
export const EXCLUDED = ["basic_pension", "special_care", "family_planning", "scholarship", "heroism_award", "social_assistance"];
export const HEADERS = {
  wage: "工资性收入", business_net: "家庭经营净收入", property_net: "财产净收入", transfer_net: "其他转移净收入",
  basic_pension: "基础养老金", special_care: "优待抚恤金", family_planning: "计划生育奖励与扶助金", scholarship: "奖学金",
  heroism_award: "见义勇为等奖励性补助", social_assistance: "社会救助款物",
};
export const DATE = "2024-06-30";

/**
 * `n` households for the lines in force (`lines`: { standard, edgeNum, edgeDen, monitoring }, all
 * in fen except the multiplier as a fraction), from `seed`.
 */
export function households(n, lines, seed = 20240630) {
  const r = rng(seed);
  const int = (lo, hi) => lo + Math.floor(r() * (hi - lo + 1));
  const pick = (xs) => xs[Math.floor(r() * xs.length)];
  const out = new Array(n);
  for (let h = 0; h < n; h++) {
    const size = pick([1, 2, 2, 3, 3, 3, 4, 4, 5, 6]);
    // Excluded items: often zero, sometimes with fen.
    const excluded = {};
    for (const k of EXCLUDED) excluded[k] = r() < 0.35 ? int(0, 300_000) : 0;
    let excludedSum = EXCLUDED.reduce((s, k) => s + excluded[k], 0);
    // The counted 低保 total (after the employment-cost deduction) aimed at: on a line, a fen
    // either side, or anywhere up to 15,000 元 a head.
    const edge = Math.floor((lines.standard * size * lines.edgeNum) / lines.edgeDen);
    const kind = r();
    let dibaoTotal;
    let cost = r() < 0.5 ? int(0, 400_000) : 0;
    let capped = r() < 0.1;
    if (kind < 0.08) dibaoTotal = lines.standard * size + int(-1, 1);
    else if (kind < 0.16) dibaoTotal = edge + int(-1, 1);
    else if (kind < 0.25) {
      // Whole net income on the monitoring line or a fen either side: no deduction, so
      // net = counted + excluded.
      const net = lines.monitoring * size + int(-1, 1);
      if (excludedSum > net) {
        for (const k of EXCLUDED) excluded[k] = 0;
        excludedSum = 0;
      }
      dibaoTotal = net - excludedSum;
      cost = 0;
      capped = false;
    } else dibaoTotal = int(0, 1_500_000) * size;
    // Split the counted total into items; the employment cost is deducted up to the wage.
    const others = { business_net: 0, property_net: 0, transfer_net: 0 };
    let rest = dibaoTotal;
    for (const k of ["business_net", "property_net", "transfer_net"]) {
      const v = r() < 0.5 ? int(0, Math.floor(rest / 2)) : 0;
      others[k] = v;
      rest -= v;
    }
    let wage, declared;
    if (capped) {
      // Cost above the wage: the whole wage is deducted, the rest of the counted total is the
      // other items.
      others.transfer_net += rest;
      wage = int(0, 300_000);
      declared = wage + int(1, 100_000);
    } else {
      wage = rest + cost;
      declared = cost;
    }
    const incomes = { wage, ...others, ...excluded };
    const type = r() < 0.5 ? "poverty_exited" : "ordinary";
    const members = [];
    for (let m = 0; m < size; m++) {
      const year = m === 0 ? int(1945, 1985) : int(1945, 2015);
      members.push({ name: m === 0 ? `户主${h + 1}` : `成员${h + 1}-${m}`, relation: m === 0 ? "head" : m === 1 ? "spouse" : "child", birth: `${year}-${String(int(1, 12)).padStart(2, "0")}-${String(int(1, 28)).padStart(2, "0")}`, labour: year > 2008 || year < 1954 ? "none" : "full" });
    }
    const net = COUNTED.reduce((s, k) => s + incomes[k], 0) + excludedSum;
    out[h] = { id: `H${String(h + 1).padStart(7, "0")}`, size, type, incomes, employment_costs: declared, last_year: Math.max(net, 0), members };
  }
  return out;
}

/** Fen as a decimal yuan string without trailing zeros ("1234.5", "-0.01", "7800"). */
export function yuan(fen) {
  const neg = fen < 0;
  const a = Math.abs(fen);
  let s = `${Math.floor(a / 100)}`;
  const f = a % 100;
  if (f) s += `.${String(f).padStart(2, "0")}`.replace(/0$/, "");
  return neg ? `-${s}` : s;
}

/** The household as a `jingning.household/1` case (docs/household-case.md). */
export function toCase(h) {
  const incomes = {};
  for (const [k, v] of Object.entries(h.incomes)) incomes[k] = yuan(v);
  return {
    schema: "jingning.household/1",
    assessment_date: DATE,
    household_type: h.type,
    status: { dibao: false, tekun: false, monitored: false, returned_to_poverty: false },
    members: h.members.map((m) => ({
      name: m.name, relation: m.relation, birth_date: m.birth, labour_capacity: m.labour,
      has_disability: false, serious_illness: false, medical_out_of_pocket: "0",
    })),
    incomes,
    employment_costs: yuan(h.employment_costs),
    last_year_total_income: yuan(h.last_year),
    last_year_net_income: yuan(h.last_year),
    expenses: { education: "0", disability_rehab: "0", disaster_loss: "0", accident_loss: "0" },
    assets: { within_dibao_rules: true },
    housing: "safe",
    drinking_water: "safe",
    food_clothing_secure: true,
    // The peers' monitoring rule is income against the line; the engine also needs a risk of
    // returning to or falling into poverty (issue 13, item 5), so every household declares one.
    risks: ["unstable_job"],
  };
}

const RELATION = { head: "户主", spouse: "配偶", child: "子女" };
const LABOUR = { full: "全劳力", none: "无劳力" };
const TYPE = { poverty_exited: "脱贫户", ordinary: "一般农户" };

/** The households as a township sheet (CSV text, template headers; household columns on the head's row). */
export function toCsv(hs) {
  const money = [...COUNTED, ...EXCLUDED];
  const head = ["户编号", "姓名", "与户主关系", "出生日期", "劳动能力", "是否残疾", "患重病", "医疗自付费用", "农户类型", "低保户", "特困供养户",
    "监测对象", "返贫致贫人口", ...money.map((k) => HEADERS[k]), "必要的就业成本", "上年度家庭总收入", "上年度家庭纯收入", "返贫致贫风险", "教育支出", "残疾康复支出", "自然灾害损失",
    "意外事故损失", "财产状况符合低保规定", "住房安全", "饮水安全", "不愁吃不愁穿"];
  const lines = [head.join(",")];
  for (const h of hs) {
    h.members.forEach((m, i) => {
      const member = [h.id, m.name, RELATION[m.relation], m.birth, LABOUR[m.labour], "否", "否", "0"];
      const household = i === 0
        ? [TYPE[h.type], "否", "否", "否", "否", ...money.map((k) => yuan(h.incomes[k])), yuan(h.employment_costs), yuan(h.last_year), yuan(h.last_year), "因务工就业不稳", "0", "0", "0", "0", "是", "安全", "安全", "是"]
        : new Array(head.length - member.length).fill("");
      lines.push([...member, ...household].join(","));
    });
  }
  return lines.join("\n") + "\n";
}
