// Browser benchmark, run on demand only: BATCH_BENCH=1 npx playwright test batch-bench
// Opens 100,000 generated households as CSV and as xlsx and times file → results table.
// Files are made by `make bench-batch-files` (scripts/gen-batch-csv.py and examples/csv_to_xlsx.rs).
// Prints the figures; asserts nothing about time.
import { test, expect } from "@playwright/test";
import { existsSync } from "node:fs";

const N = 100_000;
// BATCH_BENCH_PREFIX: where the files are (default /tmp/jingning-bench), e.g. to keep one's own copy.
const PREFIX = process.env.BATCH_BENCH_PREFIX ?? "/tmp/jingning-bench";
const FILES = [`${PREFIX}-${N}.csv`, `${PREFIX}-${N}.xlsx`];

test.skip(!process.env.BATCH_BENCH, "browser benchmark: set BATCH_BENCH=1");
test.setTimeout(600_000);

for (const file of FILES) {
  test(`end to end: ${file}`, async ({ page }) => {
    test.skip(!existsSync(file), `${file} missing: run make bench-batch-files`);
    await page.goto("./");
    await expect(page.locator("body[data-batch-ready=true]")).toBeAttached();
    await page.getByRole("tab", { name: "批量核查" }).click();
    await page.locator("#batch-date").fill("2024-06-30");
    const t0 = Date.now();
    await page.locator("#batch-file").setInputFiles(file);
    await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 600_000 });
    await expect(page.locator("#batch-table tbody tr").first()).toBeVisible();
    const seconds = (Date.now() - t0) / 1000;
    const facts = await page.locator("#batch-facts").textContent();
    const cores = await page.evaluate(() => navigator.hardwareConcurrency);
    console.log(`${file}: ${seconds.toFixed(1)} s, ${Math.round(N / seconds)} households/s, hardwareConcurrency ${cores} — ${facts}`);
    expect(facts).toContain(`共 ${N} 户`);
  });
}
