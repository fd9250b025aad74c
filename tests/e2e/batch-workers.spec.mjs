// 批量核查 with several Web Workers (issue 18): a sheet of more than 4,000 households is split into
// contiguous ranges, one worker each; the results table, the summary and the exported file must be
// exactly those of one worker. The number of cores is what the page reads from
// navigator.hardwareConcurrency, set here before the page loads.
import { test, expect } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { isolatedPage, countSheetFetches } from "./helpers.mjs";

const HOUSEHOLDS = 4500;

/** A township CSV: households of one to three members, some with a bad date (row errors), one
 * household's rows far apart (grouped by 户编号), incomes around the 低保 and monitoring lines. */
function sheet(path) {
  const lines = ["户编号,所在村,姓名,与户主关系,出生日期,劳动能力,农户类型,工资性收入,基础养老金,必要的就业成本"];
  for (let i = 0; i < HOUSEHOLDS; i++) {
    const id = `H${String(i).padStart(5, "0")}`;
    const birth = i % 97 === 5 ? "1960-13-01" : `19${50 + (i % 40)}-0${1 + (i % 9)}-1${i % 9}`;
    lines.push(`${id},${["城川村", "南坪村", "李店村"][i % 3]},户主${i},户主,${birth},${i % 4 ? "全劳力" : "无劳力"},${i % 2 ? "脱贫户" : "一般农户"},${(i * 137) % 30000},${i % 5 ? 0 : 1500},${i % 7 ? 0 : 800}`);
    for (let m = 1; m <= i % 3; m++) lines.push(`${id},,成员${i}-${m},子女,20${10 + m}-05-01,无劳力,,,,`);
  }
  lines.push("H00007,,迟到的成员,配偶,1961-02-03,弱劳力,,,,");
  writeFileSync(path, lines.join("\n") + "\n");
}

/** Opens the sheet with `cores` reported; returns the workers started, what the page shows, and the export. */
async function run(browser, path, cores) {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.addInitScript((n) => Object.defineProperty(navigator, "hardwareConcurrency", { get: () => n }), cores);
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  await page.goto("./");
  await expect(page.locator("body[data-batch-ready=true]")).toBeAttached();
  await page.getByRole("tab", { name: "批量核查" }).click();
  await page.locator("#batch-date").fill("2024-06-30");
  await page.locator("#batch-file").setInputFiles(path);
  await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 120_000 });
  const shown = {
    facts: await page.locator("#batch-facts").innerText(),
    summary: await page.locator("#batch-summary").innerText(),
    table: await page.locator("#batch-table").innerText(),
  };
  // Sorted by the last result column, so rows from every range are on show.
  await page.locator("#batch-table th").nth(-2).click();
  shown.sorted = await page.locator("#batch-table").innerText();
  const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#batch-export-csv").click()]);
  const exported = readFileSync(await download.path(), "utf8");
  await context.close();
  return { workers: workers.filter((u) => u.includes("batch-worker")).length, shown, exported };
}

test("three workers give the table, summary and export of one, in sheet order", async ({ browser }, info) => {
  test.setTimeout(300_000);
  const path = info.outputPath("township-4500.csv");
  sheet(path);
  const one = await run(browser, path, 1);
  const three = await run(browser, path, 3);
  expect(one.workers).toBe(1);
  expect(three.workers).toBe(3);
  expect(one.shown.facts).toContain(`共 ${HOUSEHOLDS} 户`);
  expect(one.shown.facts).toContain("有错误未核查");
  expect(three.shown).toEqual(one.shown);
  expect(three.exported).toEqual(one.exported);
  expect(one.exported.split("\n").length).toBeGreaterThan(HOUSEHOLDS);
});

test("the helpers of a large file start reading it with the first worker, not after it", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const path = info.outputPath("township-4500.csv");
  sheet(path);
  const { context, page } = await isolatedPage(browser, { cores: 3 });
  const workers = [];
  page.on("worker", (w) => workers.push(w.url()));
  // The spreadsheet module is held back: while it is, no worker can have read the file.
  let release;
  const held = new Promise((resolve) => (release = resolve));
  await context.route("**/jingning_sheet_bg.wasm", async (route) => {
    await held;
    await route.continue();
  });
  await page.goto("./");
  await expect(page.locator("body[data-batch-ready=true]")).toBeAttached();
  await page.getByRole("tab", { name: "批量核查" }).click();
  await page.locator("#batch-date").fill("2024-06-30");
  await page.locator("#batch-file").setInputFiles(path);
  await expect.poll(() => workers.filter((u) => u.includes("batch-worker")).length, { timeout: 10_000 }).toBe(3);
  release();
  await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 60_000 });
  await expect(page.locator("#batch-facts")).toContainText(`共 ${HOUSEHOLDS} 户`);
  await expect(page.locator("#batch-progress-text")).toContainText("3 个线程");
  await context.close();
});

test("the spreadsheet module is fetched and compiled once for all the workers and files of a page", async ({ browser }, info) => {
  test.setTimeout(120_000);
  const path = info.outputPath("township-4500.csv");
  sheet(path);
  const { context, page } = await isolatedPage(browser, { cores: 3 });
  const sheetModule = await countSheetFetches(context);
  await page.goto("./");
  await expect(page.locator("body[data-batch-ready=true]")).toBeAttached();
  await page.getByRole("tab", { name: "批量核查" }).click();
  await page.locator("#batch-date").fill("2024-06-30");
  // Two files, three workers each (every file gets fresh workers).
  for (let round = 0; round < 2; round++) {
    await page.evaluate(() => delete document.body.dataset.batch);
    await page.locator("#batch-file").setInputFiles([]);
    await page.locator("#batch-file").setInputFiles(path);
    await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 60_000 });
    await expect(page.locator("#batch-progress-text")).toContainText("3 个线程");
    await expect(page.locator("#batch-facts")).toContainText(`共 ${HOUSEHOLDS} 户`);
  }
  expect(sheetModule.fetched).toBe(1);
  await context.close();
});
