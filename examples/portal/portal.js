// The example portal: loads the elements from the tool's origin (`?tool=`), gives them cases,
// listens for their results, and talks to the whole page in an iframe by postMessage.
const params = new URLSearchParams(location.search);
const tool = new URL(params.get("tool") ?? "http://127.0.0.1:8080/");
// The iframe page accepts cases only from the origins it is told (here: this page's own).
const frameOrigins = params.get("frameOrigins") ?? location.origin;

/** A household as a portal would hold it (jingning.household/1). */
const HOUSEHOLD = {
  schema: "jingning.household/1",
  assessment_date: "2024-06-30",
  village: "城川村",
  household_type: "poverty_exited",
  status: { dibao: false, tekun: false, monitored: false, returned_to_poverty: false },
  members: [
    { name: "王建国", relation: "head", birth_date: "1958-03-02", sex: "male", labour_capacity: "weak", has_disability: false, serious_illness: true, chronic_illness: true,
      medical_insurance: true, pension_insurance: true, family_planning_two_certificates: false, medical_out_of_pocket: "8000", supporter: "able" },
    { name: "李秀英", relation: "spouse", birth_date: "1960-07-15", sex: "female", labour_capacity: "half", has_disability: false, serious_illness: false,
      medical_insurance: true, pension_insurance: true, family_planning_two_certificates: false, medical_out_of_pocket: "0", supporter: "able" },
  ],
  incomes: { wage: "6000", business_net: "2500", property_net: "0", transfer_net: "0", basic_pension: "2400" },
  employment_costs: "800",
  last_year_total_income: "11000",
  expenses: { education: "0", disability_rehab: "0", disaster_loss: "0", accident_loss: "0" },
  assets: { within_dibao_rules: true },
  housing: "safe",
  drinking_water: "safe",
  food_clothing_secure: true,
  risks: [],
};

const VILLAGE = {
  schema: "jingning.village-input/1", id: "620826100001", name: "示例村", township: "城川镇", year: 2024,
  values: { sanitary_toilet_rate: "96.5", lighting_full_coverage: true },
};

// For the tests (tests/e2e/portal.spec.mjs), which check the results against the engine.
window.portalCases = { household: HOUSEHOLD, village: VILLAGE };
window.portalEvents = [];
window.frameMessages = [];
const log = document.getElementById("log");
for (const type of ["jn-ready", "jn-result", "jn-error"]) {
  // The events are composed: the document hears every element's.
  document.addEventListener(type, (e) => {
    const who = e.target.id;
    const d = e.detail ?? {};
    window.portalEvents.push({ type, target: who, tag: e.target.localName, result: d.result ?? null, case: d.case ?? null, errors: d.errors ?? null });
    const li = document.createElement("li");
    li.textContent = `${who} ${type}${d.result?.fingerprint ? ` 指纹 ${d.result.fingerprint}` : ""}${d.errors ? ` ${d.errors.map((x) => x.message).join("；")}` : ""}`;
    log.append(li);
  });
}

const frame = document.getElementById("frame");
window.addEventListener("message", (e) => {
  if (e.origin !== tool.origin || e.source !== frame.contentWindow) return;
  window.frameMessages.push(e.data);
  if (e.data?.type === "jn:ready") {
    frame.contentWindow.postMessage({ type: "jn:evaluate", id: "hh-1", case: HOUSEHOLD, options: {} }, tool.origin);
  } else if (e.data?.type === "jn:result") {
    const r = e.data.result;
    document.getElementById("frame-result").textContent =
      `${e.data.view}（${e.data.source}）指纹 ${r.fingerprint}：${r.decisions.map((d) => `${d.title} ${d.outcome}`).join("，")}`;
  } else if (e.data?.type === "jn:error") {
    document.getElementById("frame-result").textContent = `错误：${e.data.errors.map((x) => x.message).join("；")}`;
  }
});
frame.src = new URL(`index.html?embed=1&view=household&origins=${encodeURIComponent(frameOrigins)}`, tool).href;

await import(new URL("js/elements.js", tool).href);
document.getElementById("hh").value = HOUSEHOLD;
document.getElementById("vl").value = VILLAGE;
