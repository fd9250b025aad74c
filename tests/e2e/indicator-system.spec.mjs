// A county's own village indicator system in the page: exported as a starting point, imported
// (validated by the engine, every error with its JSON path, the current system kept on error),
// flagged while in use, kept across a reload and "清除本机数据", named in saved cases and the
// print sheet, used by the 批量核查 village sheet, and restored to the default.
import { test, expect } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { ready, openTab, saveCase, openCase } from "./helpers.mjs";

test.beforeEach(async ({ page }) => {
  await ready(page);
  test.skip(await page.getByTestId("village-pending").count() > 0, "this build's engine has no village assessment");
  await openTab(page, "村级考核");
});

/** The county's system: the exported default with two weights moved (toilets 8 → 10, featured
 * industry 5 → 3; the total stays 100), a dimension renamed, its own name and year, and missing
 * values scored zero (the county's choice; the default leaves them "not assessed"). */
function countySystem(base) {
  const s = structuredClone(base);
  s.id = "jingning-county-2025";
  s.name = "静宁县村级考核指标体系（测试）";
  s.year = 2025;
  s.missing_rule = "zero";
  s.indicators.find((i) => i.id === "sanitary_toilet_rate").weight = "10";
  s.indicators.find((i) => i.id === "featured_industry_households").weight = "3";
  s.dimensions.find((d) => d.name === "生态宜居").name = "人居环境";
  return s;
}

async function importSystem(page, path) {
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "导入指标体系" }).click()]);
  await chooser.setFiles(path);
}

async function exportSystem(page) {
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出当前指标体系" }).click()]);
  return JSON.parse(readFileSync(await download.path(), "utf8"));
}

test("an imported system rebuilds the form, changes the total, is flagged, survives reload and clear, and is restored", async ({ page }, info) => {
  const form = page.locator("#vl-form");
  const name = page.getByTestId("indicator-system-name");
  await expect(name).toContainText("内置默认");
  await expect(page.getByTestId("indicators-banner")).toBeHidden();
  await expect(page.getByRole("button", { name: "恢复默认" })).toBeDisabled();

  await form.getByLabel("村庄编号").fill("620826100201");
  await form.getByLabel("村名").fill("城川村");
  await form.getByLabel("无害化卫生户厕普及率（%）").fill("100");
  await form.getByLabel("有村规民约").selectOption({ label: "是" });
  // The default scores over the weight assessed: both filled indicators at target → 100.
  await expect(page.getByTestId("vl-total")).toHaveText("100.00");

  // The export is the engine's system, and reads back as one.
  const exported = await exportSystem(page);
  expect(exported).toMatchObject({ schema: "jingning.indicator-system/1", name: expect.any(String) });
  const file = info.outputPath("county-system.json");
  writeFileSync(file, JSON.stringify(countySystem(exported), null, 2));
  await importSystem(page, file);

  await expect(page.locator("#indicator-messages")).toContainText("已导入指标体系");
  await expect(name).toContainText("静宁县村级考核指标体系（测试）（2025 年度");
  await expect(name).toContainText("本县导入");
  await expect(page.getByTestId("indicators-banner")).toContainText("村级考核使用本县导入的指标体系：静宁县村级考核指标体系（测试）（2025）");
  // The form follows the system: the renamed dimension, the new weight in the hint; values entered are kept.
  await expect(form.locator('fieldset[data-dimension="ecology"] legend').filter({ hasText: "人居环境" })).toHaveCount(1);
  await expect(form.locator("fieldset.dimension legend").filter({ hasText: "生态宜居" })).toHaveCount(0);
  await expect(form.getByLabel("无害化卫生户厕普及率（%）")).toHaveValue("100");
  await expect(page.getByText("目标：≥ 95% · 10 分")).toBeVisible();
  await expect(page.getByTestId("vl-total")).toHaveText("13.00"); // 10 + 3, the rest scored zero
  await expect(page.getByTestId("vl-dimensions")).toContainText("人居环境");

  // The saved case and the print sheet name the system used.
  const savedPath = (await saveCase(page)).path;
  const saved = JSON.parse(readFileSync(savedPath, "utf8"));
  expect(saved.indicator_system).toEqual({ id: "jingning-county-2025", name: "静宁县村级考核指标体系（测试）", year: 2025, builtin: false });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator("#print-sheet")).toContainText("静宁县村级考核指标体系（测试）（2025，本县导入）");

  // Kept across a reload (localStorage) and across 清除本机数据 (settings, not personal data).
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await expect(page.getByTestId("indicators-banner")).toBeVisible();
  await expect(page.getByTestId("vl-total")).toHaveText("13.00");
  await page.getByRole("button", { name: "清除本机数据" }).click();
  await page.getByRole("button", { name: "确定清除" }).click();
  await expect(form.getByLabel("村名")).toHaveValue("");
  await expect(name).toContainText("本县导入");
  expect(await page.evaluate(() => localStorage.getItem("jn.indicators"))).toContain("jingning-county-2025");

  await page.getByRole("button", { name: "恢复默认" }).click();
  await expect(name).toContainText("内置默认");
  await expect(page.getByTestId("indicators-banner")).toBeHidden();
  await expect(form.locator("fieldset.dimension legend").filter({ hasText: "生态宜居" })).toHaveCount(1);
  expect(await page.evaluate(() => localStorage.getItem("jn.indicators"))).toBeNull();

  // The case saved with the county's system reopens under the default: said so, scored with the default.
  await openCase(page, savedPath);
  await expect(page.locator("#toast")).toContainText("该案例保存时使用的指标体系为“静宁县村级考核指标体系（测试）（2025，本县导入）”");
  await expect(form.getByLabel("村名")).toHaveValue("城川村");
  await expect(page.getByTestId("vl-total")).toHaveText("100.00");
});

test("an indicator that changes between yes/no and a number drops its old value; the others keep theirs", async ({ page }, info) => {
  const form = page.locator("#vl-form");
  const base = await exportSystem(page);
  const rules = base.indicators.find((i) => i.id === "village_rules");
  const tap = base.indicators.find((i) => i.id === "tap_water_rate");
  await form.getByLabel(rules.name, { exact: true }).selectOption({ label: "是" });
  await form.getByLabel(`${tap.name}（${tap.unit}）`).fill("90");
  // The county counts 村规民约 as a coverage rate instead of yes/no.
  const s = structuredClone(base);
  s.id = "rules-as-rate";
  s.name = "村规民约按覆盖率（测试）";
  Object.assign(s.indicators.find((i) => i.id === "village_rules"), { target: "100", unit: "%", method: { kind: "linear", floor: "0" } });
  const file = info.outputPath("rules-as-rate.json");
  writeFileSync(file, JSON.stringify(s, null, 2));
  await importSystem(page, file);
  await expect(page.locator("#indicator-messages")).toContainText("已导入指标体系");
  // "是" is no rate: the field starts empty rather than holding a value the engine must reject.
  await expect(form.getByLabel(`${rules.name}（%）`)).toHaveValue("");
  await expect(form.getByLabel(`${tap.name}（${tap.unit}）`)).toHaveValue("90");
  // Only tap water (90 % of 85) is assessed, at target: 100 over the weight assessed.
  await expect(page.getByTestId("vl-total")).toHaveText("100.00");
  await expect(page.getByTestId("vl-coverage")).toContainText("已评 3/");
});

test("a broken system is refused with every error at its JSON path, and the system in use is kept", async ({ page }, info) => {
  const good = countySystem(await exportSystem(page));
  const goodFile = info.outputPath("good.json");
  writeFileSync(goodFile, JSON.stringify(good));
  await importSystem(page, goodFile);
  await expect(page.getByTestId("indicator-system-name")).toContainText("本县导入");

  const broken = structuredClone(good);
  broken.name = "坏的体系";
  const toilet = broken.indicators.findIndex((i) => i.id === "sanitary_toilet_rate");
  broken.indicators[toilet].weight = "20"; // the weights no longer add up to 100
  broken.indicators[toilet].method = { kind: "magic" }; // unknown scoring method
  broken.indicators[0].dimension = "no_such_dimension";
  const badFile = info.outputPath("broken.json");
  writeFileSync(badFile, JSON.stringify(broken));
  await importSystem(page, badFile);

  const errors = page.getByTestId("indicator-errors");
  await expect(errors).toContainText("未导入");
  await expect(errors.locator(`li[data-path^="$.indicators[${toilet}].method"]`)).not.toHaveCount(0);
  await expect(errors.locator('li[data-path^="$.indicators[0].dimension"]')).toHaveCount(1);
  await expect(errors).toContainText("100"); // the weight total
  // Each error shows its path, in Chinese.
  await expect(errors.locator("li code").first()).toHaveText(/^\$/);
  // Nothing changed: still the county's good system.
  await expect(page.getByTestId("indicator-system-name")).toContainText("静宁县村级考核指标体系（测试）");
  await expect(page.getByTestId("indicators-banner")).not.toContainText("坏的体系");

  // Not JSON at all: one error at $.
  const notJson = info.outputPath("not.json");
  writeFileSync(notJson, "{ weights: ");
  await importSystem(page, notJson);
  await expect(errors).toContainText("不是有效的 JSON");
  await expect(page.getByTestId("indicator-system-name")).toContainText("本县导入");
});

test("the 批量核查 village sheet is ranked with the imported system and its summary names it", async ({ page }, info) => {
  const file = info.outputPath("county-system.json");
  writeFileSync(file, JSON.stringify(countySystem(await exportSystem(page))));
  await importSystem(page, file);
  await expect(page.getByTestId("indicator-system-name")).toContainText("本县导入");

  await openTab(page, "批量核查");
  await page.locator("#batch-date").fill("2024-06-30");
  await page.locator("#batch-file").setInputFiles("tests/batch/villages.csv");
  await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 20_000 });
  await expect(page.locator("#batch-facts")).toContainText("指标体系：静宁县村级考核指标体系（测试）（2025，本县导入）");
  // 城川村: the county's system scores what is missing as zero: 10 + 10 + 4 + 6 + 3 + 3 = 36.00
  // (the default scores it over the weight assessed: 100.00).
  const first = page.locator("#batch-table tbody tr").first();
  await expect(first.locator("td").nth(3)).toHaveText("城川村");
  await expect(first.locator("td").nth(5)).toHaveText("36.00");

  // Back to the default: the sheet on show is scored again with it.
  await openTab(page, "村级考核");
  await page.getByRole("button", { name: "恢复默认" }).click();
  await openTab(page, "批量核查");
  await expect(page.locator("#batch-facts")).toContainText("内置默认", { timeout: 20_000 });
  await expect(page.locator("#batch-table tbody tr").first().locator("td").nth(5)).toHaveText("100.00");
});
