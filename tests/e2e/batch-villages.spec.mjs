// 批量核查 of a township's village indicator sheet, and workbooks of several sheets, end to end:
// the sheet's kind recognised from its headers (and the 表格类型 switch), the villages' ranking
// with row errors, filter and sort, exports that read back to the same results, the village
// template, the choice of sheet, and households whose rows are not adjacent.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";

const VILLAGES = "tests/batch/villages.csv";
const WORKBOOK = "tests/batch/township-workbook.xlsx"; // sheets 说明, 台账 (rows of a household apart), 村级指标

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await expect(page.locator("body[data-batch-ready=true]")).toBeAttached();
  const tab = page.getByRole("tab", { name: "批量核查" });
  await tab.click();
  await expect(tab).toHaveAttribute("aria-selected", "true");
  await page.locator("#batch-date").fill("2024-06-30");
});

async function openFile(page, file) {
  await page.locator("#batch-file").setInputFiles(file);
  await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 20_000 });
}

const rows = (page) => page.locator("#batch-table tbody tr");
const cellTexts = (page, column) => page.locator(`#batch-table tbody tr td:nth-child(${column})`).allTextContents();

test("a village indicator sheet is recognised, scored and ranked, with the bad cell at its row and column", async ({ page }) => {
  await openFile(page, VILLAGES);
  await expect(page.locator("#batch-kind-read")).toContainText("读作村级指标表（每行一个村）");
  await expect(page.locator("#batch-facts")).toContainText("共 4 个村；已评分排名 3 个，有错误未评分 1 个");
  await expect(page.locator("#batch-summary")).toContainText("三类村庄建议");
  await expect(page.locator("#batch-columns")).toContainText("未能识别、已忽略的列（1）：备注");
  await expect(page.locator("#batch-compare-box")).toBeHidden();
  await expect(rows(page)).toHaveCount(4);
  // Rank order (here also the sheet order): 城川村 1st; 高家岔村 vetoed, after it; 李店村 in error, last.
  const first = rows(page).first();
  await expect(first.locator("td").nth(1)).toHaveText("1");
  await expect(first.locator("td").nth(3)).toHaveText("城川村");
  // Its values all meet their targets: 100 over the weight assessed (the rest is not assessed).
  await expect(first.locator("td").nth(5)).toHaveText("100.00");
  await expect(rows(page).nth(1).locator("td").nth(9)).toContainText("分");
  await expect(rows(page).nth(2).locator("td").nth(7)).toContainText("发生规模性返贫");
  await expect(page.locator("#batch-table tbody tr.err")).toContainText("第 6 行「无害化卫生户厕普及率」");

  // Sort by 总分: ascending puts the village in error first, descending the best.
  const total = page.locator("#batch-table th", { hasText: "总分" });
  await total.click();
  await expect(rows(page).first().locator("td").nth(3)).toHaveText("李店村");
  await total.click();
  expect(await cellTexts(page, 6)).toEqual(["100.00", "85.29", "64.56", ""]);
  // Filter and errors only.
  await page.locator("#batch-filter").fill("南坪");
  await expect(rows(page)).toHaveCount(1);
  await page.locator("#batch-filter").fill("");
  await page.locator("#batch-only-errors").check();
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator("#batch-count")).toHaveText("符合条件 1 个村");
});

test("village results export as .csv and .xlsx and each reads back to the same ranking", async ({ page }) => {
  await openFile(page, VILLAGES);
  const ranks = await cellTexts(page, 2);
  const totals = await cellTexts(page, 6);

  const [csvDl] = await Promise.all([page.waitForEvent("download"), page.locator("#batch-export-csv").click()]);
  expect(csvDl.suggestedFilename()).toBe("villages-考核结果.csv");
  const csvPath = await csvDl.path();
  const csv = readFileSync(csvPath, "utf8");
  // The title row and the original columns unchanged, the 【考核】 columns added.
  expect(csv.startsWith("\uFEFF城川镇2024年村级考核指标")).toBe(true);
  expect(csv).toContain("村庄绿化覆盖率,备注,【考核】名次,【考核】总分,【考核】等级");

  const [xlsxDl] = await Promise.all([page.waitForEvent("download"), page.locator("#batch-export-xlsx").click()]);
  expect(xlsxDl.suggestedFilename()).toBe("villages-考核结果.xlsx");
  const xlsxPath = await xlsxDl.path();
  expect(readFileSync(xlsxPath).subarray(0, 2).toString()).toBe("PK");

  for (const [path, name, mimeType] of [[csvPath, "again.csv", "text/csv"], [xlsxPath, "again.xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"]]) {
    await page.locator("#batch-file").setInputFiles({ name, mimeType, buffer: readFileSync(path) });
    await expect(page.locator("#batch-status")).toContainText("村级指标表评分完成：4 个村", { timeout: 20_000 });
    await expect(page.locator("#batch-columns")).not.toContainText("【考核】");
    expect(await cellTexts(page, 2)).toEqual(ranks);
    expect(await cellTexts(page, 6)).toEqual(totals);
  }
});

test("the 表格类型 switch overrides what the headers suggest, and re-reads the same file", async ({ page }) => {
  await openFile(page, VILLAGES);
  await page.locator("#batch-kind").selectOption("household");
  await expect(page.locator("#batch-error")).toContainText("表头中没有可识别的成员列");
  await page.locator("#batch-kind").selectOption("auto");
  await expect(page.locator("#batch-status")).toContainText("村级指标表评分完成：4 个村", { timeout: 20_000 });
  await expect(page.locator("#batch-error")).toBeHidden();
});

test("the village template downloads with its 填写说明 sheet and reads back as header only", async ({ page }) => {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator("#batch-village-template").click()]);
  expect(dl.suggestedFilename()).toBe("村级指标表模板.xlsx");
  const bytes = readFileSync(await dl.path());
  await page.locator("#batch-file").setInputFiles({ name: "村级指标表模板.xlsx", mimeType: "application/octet-stream", buffer: bytes });
  await expect(page.locator("#batch-error")).toContainText("表中只有表头，没有数据行");
  // Two sheets: the one read is listed with the other.
  await expect(page.locator("#batch-sheet option")).toHaveText(["村级指标", "填写说明"]);
});

test("a workbook opens at its first recognisable sheet, and another sheet can be chosen", async ({ page }) => {
  await openFile(page, WORKBOOK);
  const select = page.locator("#batch-sheet");
  await expect(page.locator("#batch-sheet-box")).toBeVisible();
  await expect(select.locator("option")).toHaveText(["说明", "台账", "村级指标"]);
  await expect(select).toHaveValue("台账");
  await expect(page.locator("#batch-columns")).toContainText("读取的是工作表「台账」；其他工作表：说明、村级指标");
  await expect(page.locator("#batch-columns")).toContainText("已跳过工作表「说明」（没有可识别的表头）");
  // A001 (rows 2, 4) and A002 (rows 3, 6) are joined by 户编号, in order of first appearance.
  await expect(page.locator("#batch-columns")).toContainText("2 户的成员行不相邻，已按户编号合并为一户");
  await expect(page.locator("#batch-facts")).toContainText("共 3 户 5 人；已核查 3 户");
  expect(await cellTexts(page, 2)).toEqual(["A001", "A002", "A003"]);
  expect(await cellTexts(page, 5)).toEqual(["2", "2", "1"]);

  await select.selectOption("村级指标");
  await expect(page.locator("#batch-status")).toContainText("村级指标表评分完成：4 个村", { timeout: 20_000 });
  await expect(select).toHaveValue("村级指标");

  await select.selectOption("说明");
  await expect(page.locator("#batch-error")).toContainText("读到的表头");
  await expect(page.locator("#batch-sheet-box")).toBeVisible();
  await select.selectOption("台账");
  await expect(page.locator("#batch-status")).toContainText("核查完成：3 户", { timeout: 20_000 });
});
