// Screenshots of the main views for the README (docs/screenshots/). Not part of `make test`:
// run with `make screenshots` (SCREENSHOTS=1).
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { ready, servePortal, seedSession } from "./helpers.mjs";

test.skip(!process.env.SCREENSHOTS, "set SCREENSHOTS=1 (make screenshots) to refresh docs/screenshots/");

const OUT = "docs/screenshots";
const household = JSON.parse(readFileSync("tests/e2e/fixtures/household-three-generations.json", "utf8"));
const village = JSON.parse(readFileSync("tests/e2e/fixtures/village-sample.json", "utf8"));

async function load(page, view, data) {
  await ready(page);
  await seedSession(page, { [`jn.draft.${view}`]: JSON.stringify(data), "jn.view": view });
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
}

test("household view", async ({ page }) => {
  await load(page, "household", household);
  await page.screenshot({ path: `${OUT}/household.png` });
});

test("village view", async ({ page }) => {
  await load(page, "village", village);
  await page.locator("#vl-result").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/village.png` });
});

test("print sheet", async ({ page }) => {
  await load(page, "household", household);
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.setViewportSize({ width: 794, height: 1123 }); // A4 at 96 dpi
  await page.screenshot({ path: `${OUT}/print.png`, fullPage: true });
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
  test("phone view", async ({ page }) => {
    await load(page, "household", household);
    await page.evaluate(() => { document.querySelector("jn-household-check").shadowRoot.getElementById("hh-verdicts").scrollIntoView({ block: "start" }); window.scrollBy(0, -70); });
    await page.screenshot({ path: `${OUT}/phone.png` });
  });
});

test("a portal on another origin with the elements and the iframe", async ({ page, baseURL }) => {
  const portal = await servePortal("examples/portal");
  try {
    await page.setViewportSize({ width: 1366, height: 900 });
    await page.goto(`${portal.origin}/index.html?tool=${encodeURIComponent(baseURL)}`);
    await expect(page.locator("#dq-b").getByTestId("dq-per-capita")).toBeVisible();
    await expect(page.getByTestId("frame-result")).toContainText("request");
    // The portal's red theme on the right-hand element, the tool's own colours on the left.
    await page.locator("#dq-a").getByTestId("dq-decision").evaluate((e) => { e.scrollIntoView({ block: "start" }); window.scrollBy(0, -330); });
    await page.screenshot({ path: `${OUT}/portal-elements.png` });
    await page.locator("#frame").scrollIntoViewIfNeeded();
    await page.locator("section", { has: page.locator("#frame") }).screenshot({ path: `${OUT}/portal-iframe.png` });
  } finally {
    portal.stop();
  }
});

/** 培训: a scenario after the room's votes and the reveal, the slider moved past a flip. */
async function trainer(page, projector) {
  await ready(page);
  await page.getByRole("button", { name: "培训", exact: true }).click();
  await page.locator('#trainer-library [data-scenario="03-employment-cost"]').click();
  if (projector) await page.getByTestId("projector-toggle").click();
  for (const [o, n] of [["applies", 5], ["does_not_apply", 9], ["once_recognised", 1]]) {
    for (let i = 0; i < n; i++) await page.getByTestId(`vote-dibao-${o}`).click();
  }
  await page.getByTestId("trainer-reveal").click();
  await page.getByTestId("income-slider").fill("1750000");
  await expect(page.getByTestId("whatif-table")).toBeVisible();
}

test("trainer mode", async ({ page }) => {
  await trainer(page, false);
  await page.getByTestId("trainer-slider").scrollIntoViewIfNeeded();
  await page.screenshot({ path: `${OUT}/trainer.png` });
});

test.describe("projector", () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test("projector view", async ({ page }) => {
    await trainer(page, true);
    await page.locator("#trainer-panel").evaluate((el) => { el.closest(".hh-result-col").scrollTop = 0; });
    await page.screenshot({ path: `${OUT}/projector.png` });
  });
});
