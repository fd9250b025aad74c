// The same four outputs (rules.mjs) in two rule engines, as their users would write them:
// json-rules-engine 7 (facts computed in JS, rules as JSON conditions, async run per household) and
// GoRules ZEN (a JDM graph: two expression nodes in ZEN's expression language, which computes in
// decimals, then a decision table for the monitoring category; evaluated with many requests in flight).
import { Engine } from "json-rules-engine";
import { ZenEngine } from "@gorules/zen-engine";

/** json-rules-engine: `run(h)` → Promise of the four outputs; `h` as from rules.asYuan. */
export function jsonRulesEngine(L) {
  const engine = new Engine([], { allowUndefinedFacts: false });
  const rule = (name, conditions, priority = 1) => engine.addRule({ name, priority, conditions, event: { type: name } });
  rule("dibao", { all: [{ fact: "pcDibao", operator: "lessThan", value: L.standard }] }, 3);
  rule("dibao_edge", { all: [{ fact: "pcDibao", operator: "greaterThanInclusive", value: L.standard }, { fact: "pcDibao", operator: "lessThan", value: L.standard * L.edge }] }, 2);
  rule("unstable", { all: [{ fact: "pcNet", operator: "lessThan", value: L.monitoring }, { fact: "type", operator: "equal", value: "poverty_exited" }] });
  rule("edge", { all: [{ fact: "pcNet", operator: "lessThan", value: L.monitoring }, { fact: "type", operator: "notEqual", value: "poverty_exited" }] });
  return async (h) => {
    const i = h.incomes;
    const counted = i.wage + i.business_net + i.property_net + i.transfer_net;
    const net = counted + i.basic_pension + i.special_care + i.family_planning + i.scholarship + i.heroism_award + i.social_assistance;
    const pcNet = net / h.size;
    const pcDibao = (counted - Math.min(h.employment_costs, i.wage)) / h.size;
    const { events } = await engine.run({ pcNet, pcDibao, type: h.type });
    const has = (t) => events.some((e) => e.type === t);
    return {
      pc_net: Math.round(pcNet * 100) / 100,
      pc_dibao: Math.round(pcDibao * 100) / 100,
      dibao: has("dibao") ? "dibao" : has("dibao_edge") ? "edge" : "none",
      monitoring: has("unstable") ? "unstable" : has("edge") ? "edge" : "none",
    };
  };
}

/** The JDM graph. Inputs: { size, type, incomes: {…}, employment_costs } (numbers in yuan). */
export function jdm(L) {
  const pos = { x: 0, y: 0 };
  const expr = (id, list) => ({ id, type: "expressionNode", name: id, position: pos, content: { passThrough: true, expressions: list.map(([key, value], k) => ({ id: `${id}${k}`, key, value })) } });
  return {
    nodes: [
      { id: "in", type: "inputNode", name: "Request", position: pos },
      expr("totals", [
        ["counted", "incomes.wage + incomes.business_net + incomes.property_net + incomes.transfer_net"],
        ["excluded", "incomes.basic_pension + incomes.special_care + incomes.family_planning + incomes.scholarship + incomes.heroism_award + incomes.social_assistance"],
        ["deducted", "min([employment_costs, incomes.wage])"],
      ]),
      expr("per_capita", [
        ["pcNetExact", "(counted + excluded) / size"],
        ["pcDibaoExact", "(counted - deducted) / size"],
        ["pc_net", "round(((counted + excluded) / size) * 100) / 100"],
        ["pc_dibao", "round(((counted - deducted) / size) * 100) / 100"],
        ["dibao", `(counted - deducted) / size < ${L.standardText} ? 'dibao' : ((counted - deducted) / size < ${L.standardText} * ${L.edgeText} ? 'edge' : 'none')`],
      ]),
      {
        id: "category", type: "decisionTableNode", name: "monitoring", position: pos,
        content: {
          hitPolicy: "first", passThrough: true,
          inputs: [{ id: "pc", name: "人均纯收入", field: "pcNetExact" }, { id: "t", name: "农户类型", field: "type" }],
          outputs: [{ id: "m", name: "监测类别", field: "monitoring" }],
          rules: [
            { _id: "r1", pc: `< ${L.monitoringText}`, t: '"poverty_exited"', m: '"unstable"' },
            { _id: "r2", pc: `< ${L.monitoringText}`, t: "", m: '"edge"' },
            { _id: "r3", pc: "", t: "", m: '"none"' },
          ],
        },
      },
      { id: "out", type: "outputNode", name: "Response", position: pos },
    ],
    edges: [["in", "totals"], ["totals", "per_capita"], ["per_capita", "category"], ["category", "out"]].map(([sourceId, targetId], k) => ({ id: `e${k}`, sourceId, targetId, type: "edge" })),
  };
}

/** GoRules ZEN: `{ evaluate(h) → Promise, dispose() }`. */
export function zen(L) {
  const engine = new ZenEngine();
  const decision = engine.createDecision(jdm(L));
  return {
    evaluate: async (h) => {
      const { result } = await decision.evaluate(h);
      return { pc_net: result.pc_net, pc_dibao: result.pc_dibao, dibao: result.dibao, monitoring: result.monitoring };
    },
    dispose: () => engine.dispose(),
  };
}
