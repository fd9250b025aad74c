// The printed case sheet: one A4 page with the summary, each decision with reason and clause, the
// parameters and date, the fingerprint line, and blank signature lines.
import { test, expect } from "@playwright/test";
import { ready, fillDibao, pdfPages } from "./helpers.mjs";

test("the print view is one A4 page with decisions, clauses, parameters and signature lines", async ({ page }) => {
  await page.addInitScript(() => {
    window.print = () => { window.__printed = (window.__printed ?? 0) + 1; };
  });
  await ready(page);
  await fillDibao(page);
  await page.getByRole("button", { name: "打印核查表" }).click();
  expect(await page.evaluate(() => window.__printed)).toBe(1);

  await page.emulateMedia({ media: "print" });
  const sheet = page.locator("#print-sheet");
  await expect(sheet).toBeVisible();
  await expect(page.locator("#main")).toBeHidden();
  await expect(page.locator(".bar")).toBeHidden();
  await expect(sheet.getByRole("heading", { level: 2 })).toHaveText("低保收入速算核查表");
  await expect(sheet).toContainText("核查日期 2024-06-30");
  await expect(sheet).toContainText("低保计算人均收入¥2,600.00");
  await expect(sheet.locator(".sheet-decisions li")).toHaveCount(1);
  await expect(sheet.locator(".sheet-decisions li")).toContainText("是否低于农村低保标准：低于低保标准");
  await expect(sheet.locator(".sheet-decisions li")).toContainText("依据：实施意见 五(十二)");
  // The document cited is named with its issuer and 文号 (or that none was found).
  await expect(sheet.locator(".sheet-docs")).toContainText("实施意见 = 《关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的实施意见》（中共静宁县委办公室、静宁县人民政府办公室，文号未找到");
  await expect(sheet.locator(".sheet-params-pair")).toContainText("农村低保标准");
  await expect(sheet.locator(".sheet-params-pair")).toContainText("未核实");
  await expect(sheet.getByTestId("print-fingerprint")).toBeVisible();
  await expect(sheet.locator(".signatures")).toContainText("经办人（签字）");
  await expect(sheet.locator(".signatures")).toContainText("审核人（签字）");

  const pdf = await page.pdf({ format: "A4", preferCSSPageSize: true });
  expect(pdfPages(pdf)).toBe(1);
});

test("a local override is named on the printout", async ({ page }) => {
  await ready(page);
  await page.getByRole("button", { name: "参数设置", exact: true }).click();
  await page.getByLabel("农村低保标准本地覆盖值").fill("5600");
  await page.getByLabel("农村低保标准本地覆盖值").press("Enter");
  await expect(page.getByTestId("overrides-banner")).toBeVisible();
  await fillDibao(page);
  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator(".sheet-warn")).toContainText("本地参数覆盖（1 项）");
  await expect(page.locator(".sheet-params-pair")).toContainText("本地覆盖");
});
