// 培训 (trainer mode): a county trainer opens a scenario of the library in one click from the
// toolbar, the room votes per measure while the verdicts are hidden, the reveal shows the engine's
// verdict, reason, clause and deciding conditions; changes are what-ifs (before and after side by
// side); the income slider shows where each measure flips, exact to the fen; the projector view at
// 1280×720 shows form and verdicts without page scrolling; every scenario's handout is one page.
import { test, expect } from "@playwright/test";
import { ready, pdfPages } from "./helpers.mjs";

async function openScenario(page, id) {
  await page.getByRole("button", { name: "培训", exact: true }).click();
  await page.locator(`#trainer-library [data-scenario="${id}"]`).click();
  await expect(page.locator("#trainer-panel")).toBeVisible();
}

test("a trainer opens a scenario, the room votes, the reveal names the deciding input, the slider shows the flips", async ({ page }) => {
  await ready(page);
  await openScenario(page, "03-employment-cost");
  await expect(page.getByTestId("trainer-title")).toHaveText("外出务工的必要就业成本要扣减");
  await expect(page.getByTestId("trainer-story")).toContainText("路费");
  // The household is in the form; the verdicts are hidden until the reveal.
  await expect(page.locator('[data-path="$.incomes.wage"]')).toHaveValue("16000");
  await expect(page.locator("#hh-verdicts")).toBeHidden();
  await expect(page.locator("#hh-result")).toBeHidden();
  await expect(page.getByTestId("answer-dibao")).toHaveText("？");
  await expect(page.getByTestId("trainer-slider")).toHaveCount(0);

  await page.getByTestId("vote-dibao-applies").click();
  await page.getByTestId("vote-dibao-applies").click();
  await page.getByTestId("vote-dibao-does_not_apply").click();
  await expect(page.getByTestId("vote-dibao-applies")).toHaveText("符合 2");
  await expect(page.getByTestId("vote-dibao-does_not_apply")).toHaveText("不符合 1");

  await page.getByTestId("trainer-reveal").click();
  await expect(page.getByTestId("answer-dibao")).toHaveText("符合");
  await expect(page.locator('#trainer-panel tr[data-measure="dibao"] td.correct')).toContainText("符合 2");
  await expect(page.locator('.reveal-item[data-measure="dibao"]')).toContainText("全场 3 票中 2 票猜对");
  // The reason is the engine's: the same words as the household view's own card.
  await expect(page.locator("#hh-result")).toBeVisible();
  // textContent: the card may be out of view, where the page does not render it (innerText is then empty).
  const cardReason = await page.locator('#card-dibao [data-testid="reason"]').textContent();
  await expect(page.getByTestId("reason-dibao")).toHaveText(cardReason);
  await expect(page.getByTestId("deciding-dibao")).toContainText("临界值 ¥5,000");
  await expect(page.locator('.reveal-item[data-measure="dibao"] .cites')).toContainText("五(十二)");

  // The slider: 低保 flips where (wage − 2000) ÷ 3 reaches 5000, at a wage of exactly 17000.00.
  await expect(page.getByTestId("flip-dibao")).toContainText("¥0.00–¥16,999.99 符合");
  await expect(page.getByTestId("flip-dibao")).toContainText("¥17,000.00 起 不符合");
  const slider = page.getByTestId("income-slider");
  await slider.fill("1699999");
  await expect(page.locator('[data-path="$.incomes.wage"]')).toHaveValue("16999.99");
  await expect(page.getByTestId("slider-outcome-dibao")).toHaveText("符合");
  await expect(page.locator('#hh-verdicts a[data-measure="dibao"] .badge')).toHaveText("符合");
  await expect(page.getByTestId("whatif-inputs")).toContainText("工资性收入 16000 → 16999.99");
  await slider.fill("1700000");
  await expect(page.getByTestId("slider-outcome-dibao")).toHaveText("不符合");
  await expect(page.locator('#hh-verdicts a[data-measure="dibao"] .badge')).toHaveText("不符合");
  const row = page.locator('[data-testid="whatif-table"] tr.changed[data-measure="dibao"]');
  await expect(row.locator("td").nth(0)).toContainText("符合");
  await expect(row.locator("td").nth(1)).toContainText("不符合");
  // A flip point is one click away.
  await page.locator('[data-testid="flip-dibao"] button[data-flip="17000.00"]').click();
  await expect(page.locator('[data-path="$.incomes.wage"]')).toHaveValue("17000");
  await expect(page.getByTestId("slider-outcome-dibao")).toHaveText("不符合");
  // One fen back, by button (a keyboard or a presenter's clicker): 低保 applies again.
  await page.getByRole("button", { name: "− 1 分" }).click();
  await expect(page.locator('[data-path="$.incomes.wage"]')).toHaveValue("16999.99");
  await expect(page.getByTestId("slider-outcome-dibao")).toHaveText("符合");
  await expect(page.locator('#hh-verdicts a[data-measure="dibao"] .badge')).toHaveText("符合");

  // Any input is a what-if: no employment costs deducted, 低保 no longer applies at 16000.
  await page.getByRole("button", { name: "恢复原案例" }).click();
  await expect(page.locator('[data-path="$.incomes.wage"]')).toHaveValue("16000");
  await page.locator('[data-path="$.employment_costs"]').fill("0");
  await expect(page.getByTestId("whatif-inputs")).toContainText("必要的就业成本 2000 → 0");
  await expect(page.locator('[data-testid="whatif-table"] tr.changed[data-measure="dibao"] td').nth(1)).toContainText("不符合");
  // The flips moved with it: now at (wage − 0) ÷ 3 = 5000.
  await expect(page.getByTestId("flip-dibao")).toContainText("¥15,000.00 起 不符合");
});

test("training households stay out of “最近的户”", async ({ page }) => {
  await ready(page);
  await openScenario(page, "15-tekun-before-dibao");
  await page.getByTestId("trainer-reveal").click();
  await expect(page.locator("#hh-recent")).toBeHidden();
});

/** Opens a scenario in the projector view, reveals it, and checks that a wheel over the form
 * scrolls the form column while the page itself stays where it was. */
async function revealInProjector(page, scenario) {
  await ready(page);
  await openScenario(page, scenario);
  await page.getByTestId("projector-toggle").click();
  await page.getByTestId("trainer-reveal").click();
  const y = await page.evaluate(() => window.scrollY);
  await page.mouse.move(100, 200);
  await page.mouse.wheel(0, 3000);
  await expect.poll(() => page.locator("#household-check .hh-form-col").evaluate((el) => el.scrollTop)).toBeGreaterThan(0);
  expect(await page.evaluate(() => window.scrollY)).toBe(y);
}

test.describe("projector", () => {
  test.use({ viewport: { width: 1280, height: 720 } });
  test("at 1280×720 the form and the verdicts are side by side, in large type, without page scrolling", async ({ page }) => {
    await revealInProjector(page, "23-monitoring-edge");
    const form = await page.locator("#hh-form").boundingBox();
    const votes = await page.getByTestId("trainer-votes").boundingBox();
    const answer = await page.getByTestId("answer-monitoring").boundingBox();
    expect(form.x + form.width).toBeLessThanOrEqual(votes.x);
    for (const box of [votes, answer]) expect(box.y + box.height).toBeLessThanOrEqual(720);
    expect(form.y).toBeLessThan(720);
    await expect(page.getByTestId("answer-monitoring")).toContainText("符合");
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.getElementById("household-check").shadowRoot.querySelector("#hh-form input")).fontSize));
    expect(size).toBeGreaterThanOrEqual(18);
  });
});

test.describe("projector at 150 % zoom", () => {
  // 1280×720 at 150 %: the page sees 853×480 CSS pixels.
  test.use({ viewport: { width: 853, height: 480 }, deviceScaleFactor: 1.5 });
  test("form and verdicts still side by side without page scrolling", async ({ page }) => {
    await revealInProjector(page, "03-employment-cost");
    const form = await page.locator("#hh-form").boundingBox();
    const answer = await page.getByTestId("answer-dibao").boundingBox();
    expect(form.x + form.width).toBeLessThanOrEqual(answer.x);
    expect(answer.y + answer.height).toBeLessThanOrEqual(480);
    expect(form.y).toBeLessThan(480);
  });
});

test("every scenario's handout prints on one A4 page with its story, verdicts and clause", async ({ page }) => {
  test.setTimeout(120_000);
  await ready(page);
  await page.evaluate(() => { window.print = () => {}; });
  const ids = await page.locator("#trainer-library [data-scenario]").evaluateAll((els) => els.map((e) => e.dataset.scenario));
  expect(ids.length).toBeGreaterThanOrEqual(20);
  for (const id of ids) {
    await openScenario(page, id);
    await page.getByTestId("handout").click();
    const sheet = page.locator("#handout-sheet");
    await expect(sheet).toContainText(await page.getByTestId("trainer-story").innerText());
    await expect(sheet).toContainText("结论（规则引擎）");
    await expect(sheet).toContainText("依据：");
    await page.emulateMedia({ media: "print" });
    const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
    expect(pdfPages(pdf), id).toBe(1);
    await page.emulateMedia({ media: "screen" });
  }
});

test("the flips follow the parameters in use: a county 低保 standard of 6000 moves 低保's flip to a wage of 20000.00", async ({ page }) => {
  await ready(page);
  await page.evaluate(() => localStorage.setItem("jn.options", JSON.stringify({ overrides: { "dibao.standard_annual": "6000" } })));
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await openScenario(page, "03-employment-cost");
  await page.getByTestId("trainer-reveal").click();
  await expect(page.getByTestId("flip-dibao")).toContainText("¥20,000.00 起 不符合");
});
