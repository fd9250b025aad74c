// A case survives what happens at a desk: saved to a file and reopened unchanged, an accidental
// reload, and "clear" removes every trace of it.
import { test, expect } from "@playwright/test";
import { readFileSync, writeFileSync } from "node:fs";
import { ready, fillDibao, saveCase, openCase, openTab } from "./helpers.mjs";

async function formValues(page) {
  return page.locator("#dq-form").evaluate((f) =>
    Object.fromEntries([...f.elements].filter((e) => e.name).map((e) => [e.name, e.value])));
}

test("a case saved to a file reopens unchanged", async ({ page }) => {
  await ready(page);
  await fillDibao(page);
  await page.locator("#dq-form").getByLabel("农村低保标准").fill("5600");
  const before = await formValues(page);
  const verdictBefore = await page.getByTestId("dq-decision").textContent();

  const file = await saveCase(page);
  expect(file.name).toBe("jingning-dibao-2024-06-30.json");
  const saved = JSON.parse(readFileSync(file.path, "utf8"));
  expect(saved).toMatchObject({
    format: "静宁县政策核对·案例", version: 1, view: "dibao",
    data: { input: { assessment_date: "2024-06-30", household_size: 3, incomes: { wage: "9000", basic_pension: "1200", scholarship: "500" }, employment_costs: "1200" },
      overrides: { "dibao.standard_annual": "5600" } },
  });

  // A fresh tab (its own, empty sessionStorage: no draft) opens the file to the same form and
  // result. (Clearing this tab's storage and reloading would not do: the page writes its draft
  // again as it is left, www/js/app.js.)
  const fresh = await page.context().newPage();
  await ready(fresh);
  await openTab(fresh, "低保收入速算");
  expect(await formValues(fresh)).not.toEqual(before);
  await openCase(fresh, file.path);
  await expect(fresh.locator("#toast")).toContainText("已打开案例");
  expect(await formValues(fresh)).toEqual(before);
  await expect(fresh.getByTestId("dq-decision")).toHaveText(verdictBefore);
});

test("a file that is not a case is refused with a reason", async ({ page }, info) => {
  await ready(page);
  const path = info.outputPath("not-a-case.json");
  writeFileSync(path, JSON.stringify({ hello: 1 }));
  await openCase(page, path);
  await expect(page.locator("#toast")).toContainText("无法打开");
});

test("a reload keeps the draft, and clear removes every trace of it", async ({ page }) => {
  await ready(page);
  await fillDibao(page);
  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  // The tab and every field come back after the reload.
  await expect(page.getByRole("tab", { name: "低保收入速算" })).toHaveAttribute("aria-selected", "true");
  await expect(page.locator("#dq-form").getByLabel("工资性收入")).toHaveValue("9000");
  await expect(page.getByTestId("dq-per-capita")).toHaveText("¥2,600.00");
  expect(await page.evaluate(() => Object.keys(sessionStorage))).toContain("jn.draft.dibao");

  // Cancelling the confirmation keeps everything.
  await page.getByRole("button", { name: "清除本机数据" }).click();
  await page.getByRole("button", { name: "取消" }).click();
  await expect(page.locator("#dq-form").getByLabel("工资性收入")).toHaveValue("9000");

  await page.getByRole("button", { name: "清除本机数据" }).click();
  await expect(page.getByRole("dialog", { name: "清除本机上的案例数据？" })).toBeVisible();
  await page.getByRole("button", { name: "确定清除" }).click();
  await expect(page.locator("#toast")).toContainText("已清除");
  await expect(page.locator("#dq-form").getByLabel("工资性收入")).toHaveValue("");
  const traces = await page.evaluate(async () => ({
    session: Object.keys(sessionStorage),
    local: Object.keys(localStorage).filter((k) => k !== "jn.options"),
    caches: (await caches.keys()).filter((n) => !n.startsWith("jn-static-")),
  }));
  expect(traces).toEqual({ session: [], local: [], caches: [] });

  await page.reload();
  await expect(page.locator("body[data-ready=true]")).toBeVisible();
  await openTab(page, "低保收入速算");
  await expect(page.locator("#dq-form").getByLabel("工资性收入")).toHaveValue("");
});
