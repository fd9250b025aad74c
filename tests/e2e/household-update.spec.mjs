// Updating the 农户核查 result as the user types (issue 18, the page's keystroke): each measure's
// card is kept while its decision is the same — the same element, so a checklist the user opened
// stays open — and only a card whose decision changed is drawn anew, with the engine's new words.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { ready, seedSession, draftOf } from "./helpers.mjs";

const three = JSON.parse(readFileSync("tests/e2e/fixtures/household-three-generations.json", "utf8"));

test("typing keeps unchanged cards and the checklists opened on them; a changed card shows the engine's new decision", async ({ page }) => {
  await ready(page);
  await seedSession(page, { "jn.draft.household": JSON.stringify(three), "jn.view": "household" });
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  const result = page.getByTestId("hh-result");
  const cards = result.locator("article.card");
  await expect(cards.first()).toBeVisible();
  const total = await cards.count();
  expect(total).toBeGreaterThan(10);

  // Open the per-member checklist of the first card that has one, and tag every card element.
  const measure = await cards.filter({ has: page.getByTestId("member-conditions") }).first().getAttribute("data-measure");
  const opened = result.locator(`article.card[data-measure="${measure}"]`);
  await opened.getByTestId("member-conditions").locator("summary").click();
  await expect(opened.getByTestId("member-conditions")).toHaveAttribute("open", "");
  await cards.evaluateAll((els) => els.forEach((el) => (el.dataset.seen = "1")));

  // A keystroke that changes the case but no decision: the result is recomputed (a new
  // fingerprint), every card is the same element, the checklist is still open.
  const fingerprint = await result.getByTestId("hh-fingerprint").textContent();
  await page.locator("#hh-form").getByLabel("所在村").fill("城川村一社");
  await expect(result.getByTestId("hh-fingerprint")).not.toHaveText(fingerprint);
  await expect(result.locator("article.card[data-seen]")).toHaveCount(total);
  await expect(opened.getByTestId("member-conditions")).toHaveAttribute("open", "");

  // A keystroke that changes the 低保 decision: that card is drawn anew and says what the engine
  // now says; the cards whose decision did not change are still the same elements.
  const before = await page.evaluate(async (c) => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    return e.evaluateHousehold(c, { detail: "full" }).decisions;
  }, await draftOf(page, "household"));
  await page.locator("#hh-form").getByLabel("工资性收入").fill("60000");
  const dibao = result.locator('[data-measure="dibao"]');
  await expect(dibao.getByTestId("outcome")).toHaveText("不符合");
  const after = await page.evaluate(async (c) => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    return e.evaluateHousehold(c, { detail: "full" }).decisions;
  }, await draftOf(page, "household"));
  const same = after.filter((d) => JSON.stringify(d) === JSON.stringify(before.find((b) => b.measure === d.measure))).map((d) => d.measure);
  expect(same.length).toBeGreaterThan(0);
  expect(same).not.toContain("dibao");
  await expect(dibao.getByTestId("reason")).toHaveText(after.find((d) => d.measure === "dibao").reason);
  await expect(dibao).not.toHaveAttribute("data-seen", "1");
  for (const m of same) await expect(result.locator(`article.card[data-measure="${m}"]`)).toHaveAttribute("data-seen", "1");
  await expect(page.getByTestId("verdicts").locator('[data-measure="dibao"] .badge')).toHaveText("不符合");
});
