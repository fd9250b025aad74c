// A portal's use of the elements and the iframe messages, type-checked against
// jingning_embed.d.ts (scripts/check-types.sh).
import type { HouseholdCase } from "./jingning_policy.js";
import type { JnEvaluateMessage, JnPageMessage } from "./jingning_embed.js";

declare const household: HouseholdCase;

const el = document.createElement("jn-household-check");
el.value = household;
el.readOnly = true;
el.overrides = { "monitoring.income_threshold": "7800" };
el.addEventListener("jn-result", (e) => {
  const fingerprint: string = e.detail.result.fingerprint;
  const members: number = e.detail.case.members.length;
  console.log(fingerprint, members);
});
el.addEventListener("jn-error", (e) => console.log(e.detail.errors.map((x) => `${x.path}：${x.message}`)));

const dq = document.querySelector("jn-dibao-quick");
dq?.addEventListener("jn-result", (e) => console.log(e.detail.result.ledger.per_capita_dibao));

const frame = document.querySelector("iframe")!;
const ask: JnEvaluateMessage = { type: "jn:evaluate", id: 1, case: household, options: { region: "静宁县" } };
window.addEventListener("message", (e: MessageEvent<JnPageMessage>) => {
  const m = e.data;
  if (m.type === "jn:ready") frame.contentWindow?.postMessage(ask, "https://tool.example");
  else if (m.type === "jn:result" && m.view === "household") console.log(m.result.decisions.length, m.source);
  else if (m.type === "jn:error") console.log(m.errors);
});
