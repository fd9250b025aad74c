// A placeholder's "填入县里的…" prompt (issue 13, parameters): the county's figure is entered with the
// document it comes from, kept in this browser, and the card and the print sheet then show the
// figure with its document instead of 暂定.
import { test, expect } from "@playwright/test";
import { ready, openTab } from "./helpers.mjs";

const DOC = "静民发〔2024〕12号 关于提高城乡低保标准的通知";

test("entering the county's figure from a 暂定 card records its document, persists, and replaces 暂定 on the card and the sheet", async ({ page }) => {
  await ready(page);
  await openTab(page, "农户核查");
  const form = page.locator("#hh-form");
  await form.getByLabel("核查日期").fill("2024-06-30");
  await page.locator('[data-member="0"]').getByLabel("姓名").fill("李富贵");
  await form.getByLabel("工资性收入").fill("12205");

  const dibao = page.locator('article.card[data-measure="dibao"]');
  await expect(dibao.getByTestId("provisional")).toContainText("暂定");
  await expect(dibao.getByTestId("local-figures")).toHaveCount(0);
  await dibao.getByTestId("provisional").getByRole("button", { name: "填入县里的「农村低保标准」" }).click();

  // The figure, then its document, in the row the prompt opened.
  const row = page.locator('#params-root tr[data-param="dibao.standard_annual"]');
  const value = row.getByLabel("农村低保标准本地覆盖值");
  await expect(value).toBeFocused();
  await value.fill("5600");
  await value.press("Tab");
  await expect(row).toContainText("请写明依据文件");
  const doc = row.getByLabel("农村低保标准的依据文件（文号或名称）");
  await expect(doc).toBeFocused();
  await doc.fill(DOC);
  await doc.press("Tab");
  await expect(row).toContainText(`依据：${DOC}`);
  await expect(row).not.toContainText("请写明依据文件");

  // The card: no 暂定, the county figure with its document.
  await expect(dibao.getByTestId("provisional")).toHaveCount(0);
  await expect(page.locator('a.verdict[data-measure="dibao"] .provisional-mark')).toHaveCount(0);
  await expect(dibao.getByTestId("local-figures")).toContainText(`农村低保标准 ¥5,600`);
  await expect(dibao.getByTestId("local-figures")).toContainText(`依据 ${DOC}`);

  // The print sheet: the 低保 line carries the figure and document, not 暂定; the table names it.
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const line = page.locator("#print-sheet .sheet-decisions li").filter({ hasText: "农村低保（整户）" });
  await expect(line).toContainText(`县里的数值：农村低保标准 ¥5,600.00，依据 ${DOC}`);
  await expect(line).not.toContainText("暂定");
  await expect(page.locator("#print-sheet .sheet-params-pair")).toContainText(`依据：${DOC}`);

  // Kept in this browser: after a reload the figure and its document are still in use.
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await openTab(page, "农户核查");
  await expect(page.locator('article.card[data-measure="dibao"]').getByTestId("local-figures")).toContainText(`依据 ${DOC}`);
  const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("jn.options")));
  expect(stored).toEqual({ overrides: { "dibao.standard_annual": "5600" }, override_sources: { "dibao.standard_annual": DOC } });
});
