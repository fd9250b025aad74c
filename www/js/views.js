// The views that need engines beyond the foundation (household, village): mounted only when this
// build of the engine exports them. The household check is the page's <jn-household-check>
// element (elements.js), given the page's context; the village view renders into the page.
import { createVillageView } from "./village.js";

export async function optionalViews(engine, ctx) {
  const views = {};
  if (typeof engine.evaluateHousehold === "function") {
    const el = document.getElementById("household-check");
    el.host = ctx;
    views.household = await el.ready;
  }
  if (typeof engine.assessVillage === "function") {
    views.village = createVillageView(engine, document.getElementById("village-root"), ctx);
  }
  return views;
}
