// The printed sheet's text compared with a committed snapshot (tests/e2e/__snapshots__/*.txt), so a
// change of any wording on the paper a township cadre signs shows up as a diff to review. The print
// time is fixed with Playwright's clock; the engine version and fingerprint are masked (they change
// with every engine release and say nothing about the wording).
// Update after an intended change: UPDATE_SNAPSHOTS=1 npx playwright test print-snapshot
// (or `--update-snapshots`), then review `git diff tests/e2e/__snapshots__`.
import { test, expect } from "@playwright/test";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { ready, fillDibao, seedSession } from "./helpers.mjs";

const DIR = "tests/e2e/__snapshots__";
const household = JSON.parse(readFileSync("tests/e2e/fixtures/household-three-generations.json", "utf8"));

async function sheetText(page) {
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const sheet = page.locator("#print-sheet");
  await expect(sheet).toBeVisible();
  // Only a fingerprint is masked; a sheet without one keeps its "（本结果未提供指纹）".
  const fingerprint = await sheet.getByTestId("print-fingerprint").innerText();
  const text = await sheet.innerText();
  return (/^[0-9a-f]{12}$/.test(fingerprint) ? text.replaceAll(fingerprint, "<指纹>") : text)
    .replace(/规则引擎 \S+/, "规则引擎 <版本>")
    .replace(/[ \t]+\n/g, "\n")
    .trimEnd() + "\n";
}

function matchSnapshot(name, text) {
  const file = `${DIR}/${name}.txt`;
  const update = process.env.UPDATE_SNAPSHOTS === "1" || ["all", "changed"].includes(test.info().config.updateSnapshots);
  if (update) {
    mkdirSync(DIR, { recursive: true });
    writeFileSync(file, text);
    return;
  }
  expect(existsSync(file), `${file} is missing: run UPDATE_SNAPSHOTS=1 npx playwright test print-snapshot`).toBe(true);
  expect(text, `the printed sheet differs from ${file}`).toBe(readFileSync(file, "utf8"));
}

test.beforeEach(async ({ page }) => {
  await page.clock.setFixedTime(new Date("2024-07-01T09:30:00+08:00"));
});

test("household print sheet (three-generation fixture)", async ({ page }) => {
  await ready(page);
  await seedSession(page, { "jn.draft.household": JSON.stringify(household), "jn.view": "household" });
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  matchSnapshot("print-household-three-generations", await sheetText(page));
});

test("低保收入速算 print sheet", async ({ page }) => {
  await ready(page);
  await fillDibao(page);
  matchSnapshot("print-dibao-quick", await sheetText(page));
});
