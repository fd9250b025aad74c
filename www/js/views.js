// The views that need engines beyond the foundation (household, village): mounted only when this
// build of the engine exports them.
import { createHouseholdView } from "./household.js";
import { createVillageView } from "./village.js";

export async function optionalViews(engine, ctx) {
  const views = {};
  if (typeof engine.evaluateHousehold === "function") {
    views.household = createHouseholdView(engine, document.getElementById("household-root"), ctx);
  }
  if (typeof engine.assessVillage === "function") {
    views.village = createVillageView(engine, document.getElementById("village-root"), ctx);
  }
  return views;
}
