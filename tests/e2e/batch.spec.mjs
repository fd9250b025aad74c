// 批量核查 end to end: open a township CSV and an xlsx in the page, evaluation in the worker,
// summary and results table (filter, sort), exports, template, and a refused file.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { isolatedPage } from "./helpers.mjs";

const CSV = "tests/batch/township.csv";
const XLSX = "tests/batch/township-results.xlsx"; // an earlier export: its 【核查】 columns are ignored

test.beforeEach(async ({ page }) => {
  await page.goto("./");
  await expect(page.locator("body[data-batch-ready=true]")).toBeAttached();
});

async function showBatch(page) {
  const tab = page.getByRole("tab", { name: "批量核查" });
  await tab.click();
  await expect(tab).toHaveAttribute("aria-selected", "true");
}

async function openFile(page, path) {
  await showBatch(page);
  await page.locator("#batch-date").fill("2024-06-30");
  await page.locator("#batch-file").setInputFiles(path);
  await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 20_000 });
}

test("the page itself fetches the spreadsheet module only when a spreadsheet is opened", async ({ page }) => {
  // (The service worker keeps a copy at install, off the page's own loading: offline.spec.mjs.)
  const fetched = [];
  page.on("request", (r) => { if (!r.serviceWorker()) fetched.push(r.url()); });
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeAttached();
  expect(fetched.filter((u) => u.includes("pkg-sheet"))).toEqual([]);
  await openFile(page, CSV);
  expect(fetched.some((u) => u.endsWith("jingning_sheet_bg.wasm"))).toBe(true);
  // Nothing ever leaves the page's own origin.
  expect(fetched.filter((u) => !u.startsWith("http://127.0.0.1:") && !u.startsWith("blob:"))).toEqual([]);
});

test("a CSV is evaluated household by household, with row errors, summary, filter and sort", async ({ page }) => {
  await openFile(page, CSV);
  await expect(page.locator("#batch-facts")).toContainText("共 3 户 5 人；已核查 2 户，有错误未核查 1 户；单人户 1 户");
  await expect(page.locator("#batch-columns")).toContainText("未能识别、已忽略的列（1）：备注");
  const rows = page.locator("#batch-table tbody tr");
  await expect(rows).toHaveCount(3);
  await expect(page.locator("#batch-table tbody tr.err")).toContainText("第 6 行「出生日期」");
  await page.locator("#batch-filter").fill("城川村");
  await expect(rows).toHaveCount(2);
  await page.locator("#batch-filter").fill("");
  await page.locator("#batch-only-errors").check();
  await expect(rows).toHaveCount(1);
  await page.locator("#batch-only-errors").uncheck();
  // Sort by 户编号, descending on the second click.
  const keyHeader = page.locator("#batch-table th", { hasText: "户编号" });
  await keyHeader.click();
  await keyHeader.click();
  await expect(rows.first().locator("td").nth(1)).toHaveText("H003");
  await expect(page.locator("#batch-summary")).toContainText("防止返贫监测对象识别");
});

test("an xlsx opens too, and both exports download with the result columns", async ({ page }) => {
  await openFile(page, XLSX);
  await expect(page.locator("#batch-facts")).toContainText("共 3 户 5 人");
  // The earlier result columns are recognised as results, not listed as unknown.
  await expect(page.locator("#batch-columns")).not.toContainText("【核查】");

  const [csvDl] = await Promise.all([page.waitForEvent("download"), page.locator("#batch-export-csv").click()]);
  expect(csvDl.suggestedFilename()).toBe("township-results-核查结果.csv");
  const csv = readFileSync(await csvDl.path(), "utf8");
  expect(csv.startsWith("\uFEFF户编号,所在村,姓名")).toBe(true);
  expect(csv).toContain("【核查】农村低保（整户）");

  const [xlsxDl] = await Promise.all([page.waitForEvent("download"), page.locator("#batch-export-xlsx").click()]);
  const bytes = readFileSync(await xlsxDl.path());
  expect(bytes.subarray(0, 2).toString()).toBe("PK");
});

test("the template downloads, and comparing two dates lists the households that change", async ({ page }) => {
  await showBatch(page);
  const [dl] = await Promise.all([page.waitForEvent("download"), page.locator("#batch-template").click()]);
  expect(dl.suggestedFilename()).toBe("农户台账模板.xlsx");
  await openFile(page, CSV);
  await page.locator("#batch-compare-date").fill("2025-06-30");
  await page.locator("#batch-compare").click();
  await expect(page.locator("#batch-changes")).toContainText("按核查日期 2025-06-30 重新核查");
});

test("a file that is not a spreadsheet gets a message, not a crash", async ({ page }) => {
  await showBatch(page);
  await page.locator("#batch-file").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.7 …") });
  await expect(page.locator("#batch-error")).toContainText("这是 PDF 文件，不是表格");
  // The worker is still usable afterwards.
  await openFile(page, CSV);
  await expect(page.locator("#batch-facts")).toContainText("共 3 户");
});

test("清除本机数据 also drops a township's spreadsheet and every result shown", async ({ page }) => {
  await openFile(page, CSV);
  await expect(page.locator("#batch-table tbody tr")).toHaveCount(3);
  await page.getByRole("button", { name: "清除本机数据" }).click();
  await page.getByRole("button", { name: "确定清除" }).click();
  await expect(page.locator("#toast")).toContainText("已清除");
  await expect(page.locator("#batch-results")).toBeHidden();
  await expect(page.locator("#batch-table tbody tr")).toHaveCount(0);
  await expect(page.locator("#batch-summary")).toBeEmpty();
  // The export buttons have nothing left to export: the worker holding the sheet is gone.
  expect(await page.evaluate(() => document.body.dataset.batch ?? "none")).toBe("none");
});

/** One 脱贫户 of one person at ¥7,000 a year, with its own 核查日期 column (2024: under the ¥7,800 line). */
const DATED = [
  "户编号,所在村,姓名,与户主关系,出生日期,核查日期,劳动能力,是否残疾,患重病,医疗自付费用,参加城乡居民医保,参加城乡居民养老保险,农户类型,低保户,特困供养户,监测对象,工资性收入（元）,家庭经营净收入,其他转移净收入,基础养老金,必要的就业成本,上年度家庭总收入,上年度家庭纯收入,教育支出,残疾康复支出,自然灾害损失,意外事故损失,财产状况符合低保规定,住房安全,饮水安全,不愁吃不愁穿,返贫致贫风险",
  "H9,城川村,赵六,户主,1980-01-01,2024-06-30,全劳力,否,否,0,是,是,脱贫户,否,否,否,7000,0,0,0,0,7000,7000,0,0,0,0,是,安全,安全,是,因务工就业不稳",
].join("\n");

test("comparing with another date uses that date even when the sheet has its own 核查日期 column", async ({ page }) => {
  await showBatch(page);
  await page.locator("#batch-file").setInputFiles({ name: "dated.csv", mimeType: "text/csv", buffer: Buffer.from(DATED) });
  await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 20_000 });
  // 2022: the monitoring line was ¥6,000, so ¥7,000 is above it and the household's result changes.
  await page.locator("#batch-compare-date").fill("2022-06-30");
  await page.locator("#batch-compare").click();
  await expect(page.locator("#batch-changes")).toContainText("按核查日期 2022-06-30 重新核查（所有户一律按此日期，表中的「核查日期」列不用于对比），1 户的结论有变化");
  await expect(page.locator("#batch-change-list")).toContainText("防止返贫监测对象识别");
});

test("with only rows with errors shown, the 错误 column comes first", async ({ page }) => {
  await openFile(page, CSV);
  await expect(page.locator("#batch-table thead th").first()).toHaveText("行");
  await page.locator("#batch-only-errors").check();
  await expect(page.locator("#batch-table thead th").first()).toHaveText("错误");
  await expect(page.locator("#batch-table tbody tr").first().locator("td").first()).toContainText("第 6 行「出生日期」");
  await page.locator("#batch-only-errors").uncheck();
  await expect(page.locator("#batch-table thead th").last()).toHaveText("错误");
});

test("a spreadsheet module that cannot load is reported in words", async ({ browser }) => {
  const { context, page } = await isolatedPage(browser);
  await context.route(/pkg-sheet\//, (route) => route.abort());
  await page.goto("./");
  await expect(page.locator("body[data-batch-ready=true]")).toBeAttached();
  await showBatch(page);
  await page.locator("#batch-file").setInputFiles(CSV);
  await expect(page.locator("#batch-error")).toContainText("批量核查模块（表格读写程序）未能加载");
  await expect(page.locator("#batch-error")).not.toContainText("[object");
  await context.close();
});
