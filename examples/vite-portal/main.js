// A portal's own script: the package's elements and its low-level API, bundled by Vite.
import init, { checkDibaoIncome } from "jingning-policy";
import "jingning-policy/elements";
import household from "./household.json";

const el = document.getElementById("hh");
el.addEventListener("jn-result", (e) => {
  const { result, case: c } = e.detail;
  const applies = result.decisions.filter((d) => d.outcome === "applies").map((d) => d.title);
  document.getElementById("summary").textContent =
    `${c.head_name ?? c.members[0]?.name}户 指纹 ${result.fingerprint}；符合：${applies.join("、") || "无"}`;
});
el.value = household;

// The API directly: init() fetches the wasm the package carries (copied by Vite).
await init();
const r = checkDibaoIncome({ assessment_date: "2024-06-30", household_size: 3, incomes: { wage: "9000" }, employment_costs: "1200" }, {});
document.getElementById("api").textContent = r.ledger.per_capita_dibao;
