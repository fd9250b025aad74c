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
  const kept = () => cards.evaluateAll((els) => els.filter((el) => el.seenBefore).map((el) => el.dataset.measure));

  // Open every per-member checklist, and tag every card element (a property: only the same
  // element still has it).
  const checklists = result.getByTestId("member-conditions");
  const opened = await checklists.count();
  expect(opened).toBeGreaterThan(0);
  for (let i = 0; i < opened; i++) await checklists.nth(i).locator("summary").click();
  await expect(result.locator("details[data-testid=member-conditions][open]")).toHaveCount(opened);
  await cards.evaluateAll((els) => els.forEach((el) => (el.seenBefore = true)));

  // A keystroke that changes the case but no decision: the result is recomputed (a new
  // fingerprint), every card is the same element, the checklists are still open.
  const fingerprint = await result.getByTestId("hh-fingerprint").textContent();
  await page.locator("#hh-form").getByLabel("所在村").fill("城川村一社");
  await expect(result.getByTestId("hh-fingerprint")).not.toHaveText(fingerprint);
  expect(await kept()).toHaveLength(total);
  await expect(result.locator("details[data-testid=member-conditions][open]")).toHaveCount(opened);

  // A keystroke that changes decisions (the 低保 among them): each changed card says what the
  // engine now says; the others are the same elements; the opened checklists stay open.
  const decisions = (c) => page.evaluate(async (c) => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    return e.evaluateHousehold(c, { detail: "full" }).decisions;
  }, c);
  const before = await decisions(await draftOf(page, "household"));
  await page.locator("#hh-form").getByLabel("工资性收入").fill("60000");
  await expect(result.locator('[data-measure="dibao"]').getByTestId("outcome")).toHaveText("不符合");
  const after = await decisions(await draftOf(page, "household"));
  const same = after.filter((d) => JSON.stringify(d) === JSON.stringify(before.find((b) => b.measure === d.measure))).map((d) => d.measure);
  const changed = after.filter((d) => !same.includes(d.measure));
  expect(same.length).toBeGreaterThan(0);
  expect(changed.map((d) => d.measure)).toContain("dibao");
  for (const d of changed) await expect(result.locator(`article.card[data-measure="${d.measure}"]`).getByTestId("reason")).toHaveText(d.reason);
  expect(await kept()).toEqual(expect.arrayContaining(same));
  await expect(result.locator("details[data-testid=member-conditions][open]")).toHaveCount(opened);
  await expect(page.getByTestId("verdicts").locator('[data-measure="dibao"] .badge')).toHaveText("不符合");
});
