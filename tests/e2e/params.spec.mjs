// The parameters panel: year and region in force, unverified values named, a local override that is
// flagged everywhere while in use, kept across reloads, exported and imported as a file.
import { test, expect } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { ready, fillDibao } from "./helpers.mjs";

test("an override is validated, flagged, used by every evaluation, and survives a reload", async ({ page }) => {
  await ready(page);
  await fillDibao(page);
  await expect(page.getByTestId("param-status")).toHaveText(/静宁县 · 2024 年（按核查日期 2024-06-30）· \d+ 项在用值未核实/);
  await expect(page.getByTestId("overrides-banner")).toBeHidden();

  await page.getByRole("button", { name: "参数设置", exact: true }).click();
  await expect(page.getByRole("button", { name: "参数设置", exact: true })).toHaveAttribute("aria-expanded", "true");
  const table = page.getByTestId("params-table");
  const row = table.locator("tr[data-param='dibao.standard_annual']");
  await expect(row).toContainText("¥5,000.00");
  await expect(row).toContainText("未核实");

  // A bad value is refused with the engine's message and nothing is kept.
  const field = page.getByLabel("农村低保标准本地覆盖值");
  await field.fill("abc");
  await field.press("Tab");
  await expect(page.locator("#params-errors")).toContainText("未保存");
  await expect(page.getByTestId("overrides-banner")).toBeHidden();

  await field.fill("2500");
  await field.press("Tab");
  await expect(row).toContainText("本地覆盖");
  await expect(page.getByTestId("overrides-banner")).toContainText("农村低保标准 = 2500");
  // The quick check now compares with the overridden standard: 2600 ≥ 2500.
  await expect(page.getByTestId("dq-verdict")).toHaveText("不低于低保标准");
  await expect(page.getByTestId("dq-standard")).toHaveText("¥2,500.00");

  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await expect(page.getByTestId("overrides-banner")).toContainText("农村低保标准 = 2500");
  await expect(page.getByTestId("dq-verdict")).toHaveText("不低于低保标准");

  await page.getByRole("button", { name: "参数设置", exact: true }).click();
  await page.getByRole("button", { name: "全部恢复内置值" }).click();
  await expect(page.getByTestId("overrides-banner")).toBeHidden();
  await expect(page.getByTestId("dq-verdict")).toHaveText("低于低保标准");
});

test("settings export to a file and import back; a bad file is refused with its errors", async ({ page }, info) => {
  await ready(page);
  await page.getByRole("button", { name: "参数设置", exact: true }).click();
  await page.getByLabel("农村低保标准本地覆盖值").fill("5600");
  await page.getByLabel("农村低保标准本地覆盖值").press("Tab");
  await expect(page.getByTestId("overrides-banner")).toBeVisible();

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "导出参数设置" }).click()]);
  const exported = JSON.parse(readFileSync(await download.path(), "utf8"));
  expect(exported).toMatchObject({ format: "静宁县政策核对·参数设置", overrides: { "dibao.standard_annual": "5600" } });

  await page.getByRole("button", { name: "全部恢复内置值" }).click();
  await expect(page.getByTestId("overrides-banner")).toBeHidden();

  const importFile = async (path) => {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "导入参数设置" }).click()]);
    await chooser.setFiles(path);
  };
  const bad = info.outputPath("bad-params.json");
  writeFileSync(bad, JSON.stringify({ region: "静宁县", overrides: { "no.such.param": "1", "dibao.standard_annual": "-x" } }));
  await importFile(bad);
  await expect(page.locator("#params-errors")).toContainText("未导入");
  await expect(page.getByTestId("overrides-banner")).toBeHidden();

  await importFile(await download.path());
  await expect(page.locator("#params-errors")).toContainText("已导入");
  await expect(page.getByTestId("overrides-banner")).toContainText("农村低保标准 = 5600");
});
