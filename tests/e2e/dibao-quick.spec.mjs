// The 低保收入速算 form end to end: fill incomes in the page, read the engine's verdict back.
import { test, expect } from "@playwright/test";
import { ready, openTab } from "./helpers.mjs";

test.beforeEach(async ({ page }) => {
  await ready(page);
  await openTab(page, "低保收入速算");
});

test("excluded incomes are shown but not counted, and the verdict cites 五(十二)", async ({ page }) => {
  const form = page.locator("#dq-form");
  await form.getByLabel("核查日期").fill("2024-06-30");
  await form.getByLabel("家庭人口数").fill("3");
  await form.getByLabel("工资性收入").fill("9000");
  await form.getByLabel("城乡居民基本养老保险基础养老金").fill("1200");
  await form.getByLabel("奖学金").fill("500");
  await form.getByLabel("必要的就业成本").fill("1200");

  const decision = page.getByTestId("dq-decision");
  // (9000 − 1200) / 3 = 2600; the pension and scholarship are listed but left out.
  await expect(decision.getByTestId("dq-per-capita")).toHaveText("¥2,600.00");
  await expect(decision.getByTestId("dq-verdict")).toHaveText("低于低保标准");
  const ledger = decision.getByTestId("dq-ledger");
  await expect(ledger.locator("tr[data-item=basic_pension] td").nth(1)).toHaveText("不计入");
  await expect(ledger.locator("tr[data-item=scholarship] td").nth(1)).toHaveText("不计入");
  await expect(ledger.locator("tr[data-item=wage] td").nth(1)).toHaveText("计入");
  await expect(ledger.locator("tr[data-item=employment_cost] td").nth(0)).toHaveText("−¥1,200.00");
  await expect(decision).toContainText("未核实的参数：农村低保标准");

  // The clause opens with its text from the seed.
  await decision.locator("button.cite", { hasText: "五(十二)" }).first().click();
  const dialog = page.locator("#clause-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("不计入低保家庭收入");
});

test("a standard typed in overrides the parameter and flips the verdict", async ({ page }) => {
  const form = page.locator("#dq-form");
  await form.getByLabel("核查日期").fill("2024-06-30");
  await form.getByLabel("家庭人口数").fill("2");
  await form.getByLabel("工资性收入").fill("11000");
  const decision = page.getByTestId("dq-decision");
  await expect(decision.getByTestId("dq-verdict")).toHaveText("不低于低保标准");
  await form.getByLabel("农村低保标准").fill("5600");
  await expect(decision.getByTestId("dq-verdict")).toHaveText("低于低保标准");
  await expect(decision.getByTestId("dq-distance")).toHaveText("低保计算人均收入：临界值 ¥5,600，本户 ¥5,500（低于 ¥100）");
});

test("bad input is named field by field, in Chinese", async ({ page }) => {
  const form = page.locator("#dq-form");
  await form.getByLabel("工资性收入").fill("-5");
  await expect(page.locator("#dq-result .errors")).toContainText("「工资性收入」不能为负数");
  await form.getByLabel("工资性收入").fill("abc");
  await expect(page.locator("#dq-result .errors")).toContainText("「工资性收入」应为数值");
});
