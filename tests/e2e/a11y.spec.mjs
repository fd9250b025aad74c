// Accessible and responsive: axe-core finds no serious or critical violation in any view or the
// parameters panel; the page is usable with the keyboard alone and on a 390×844 phone.
import { test, expect } from "@playwright/test";
import { createRequire } from "node:module";
import { ready, fillDibao, openTab } from "./helpers.mjs";

const axePath = createRequire(import.meta.url).resolve("axe-core/axe.min.js");

// axe is injected as an inline script, which the page's own CSP rightly refuses.
test.use({ bypassCSP: true });

async function seriousViolations(page) {
  await page.addScriptTag({ path: axePath });
  const result = await page.evaluate(() => window.axe.run(document, { resultTypes: ["violations"] }));
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

test("axe-core: no serious or critical violation in any view", async ({ page }) => {
  await ready(page);
  await fillDibao(page);
  await page.getByRole("button", { name: "参数设置", exact: true }).click();
  expect(await seriousViolations(page)).toEqual([]);
  for (const tab of ["农户核查", "村级考核", "批量核查"]) {
    await openTab(page, tab);
    expect(await seriousViolations(page), tab).toEqual([]);
  }
  // The batch results (summary, table, the errors-first view) and the printed sheet too.
  await page.locator("#batch-date").fill("2024-06-30");
  await page.locator("#batch-file").setInputFiles("tests/batch/township.csv");
  await expect(page.locator("body[data-batch=done]")).toBeAttached({ timeout: 20_000 });
  await page.locator("#batch-only-errors").check();
  expect(await seriousViolations(page), "batch results").toEqual([]);
  await openTab(page, "农户核查");
  await page.locator('[data-member="0"]').getByLabel("姓名").fill("李富贵");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  expect(await seriousViolations(page), "print view").toEqual([]);
  await page.emulateMedia({ media: "screen" });
});

test("the skip link is visible on a desktop and is the first Tab stop; the next one leads to the results", async ({ page }) => {
  await ready(page);
  const skip = page.getByRole("link", { name: "跳到主要内容" });
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Tab");
  await expect(skip).toBeFocused();
  await expect(page.getByRole("link", { name: "跳到核查结果" })).toBeVisible();
  await page.getByRole("link", { name: "跳到核查结果" }).click();
  await expect(page.locator("#hh-verdicts")).toBeFocused();
});

test("keyboard only: switch views with the arrow keys and fill the form with Tab", async ({ page }) => {
  await ready(page);
  await page.getByRole("tab", { selected: true }).focus();
  await page.keyboard.press("End");
  await expect(page.getByRole("tab", { name: "低保收入速算" })).toBeFocused();
  await expect(page.getByRole("tab", { name: "低保收入速算" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowRight");
  await expect(page.getByRole("tab", { name: "农户核查" })).toHaveAttribute("aria-selected", "true");
  await page.keyboard.press("ArrowLeft");
  await expect(page.getByRole("tab", { name: "低保收入速算" })).toHaveAttribute("aria-selected", "true");

  // Tab walks the form in order; typing updates the result.
  await page.locator("#dq-form").getByLabel("家庭人口数").focus();
  await page.keyboard.press("Control+A");
  await page.keyboard.type("2");
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(page.locator("#dq-form").getByLabel("工资性收入")).toBeFocused();
  await page.keyboard.type("3000");
  await expect(page.getByTestId("dq-per-capita")).toHaveText("¥1,500.00");

  // The clause dialog opens and closes from the keyboard.
  await page.locator("#dq-result button.cite").first().focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("#clause-dialog")).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(page.locator("#clause-dialog")).toBeHidden();
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("on a 390×844 phone nothing overflows sideways and the quick check works", async ({ page }) => {
    await ready(page);
    await expect(page.getByRole("button", { name: "清除本机数据" })).toBeInViewport();
    await expect(page.locator("#privacy-note")).toBeInViewport();
    await fillDibao(page);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole("button", { name: "参数设置", exact: true }).click();
    await expect(page.getByTestId("params-table")).toBeVisible();
    const overflow2 = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow2).toBeLessThanOrEqual(0);
    expect(await seriousViolations(page)).toEqual([]);
    for (const tab of ["农户核查", "村级考核", "批量核查"]) {
      await openTab(page, tab);
      const sideways = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(sideways, tab).toBeLessThanOrEqual(0);
    }
  });

  test("on a phone every control of the household tab is at least 44 px tall", async ({ page }) => {
    await ready(page);
    await openTab(page, "农户核查");
    await page.getByRole("button", { name: "添加成员" }).click();
    const small = await page.evaluate(() => {
      const sel = "button, a[href], select, input[type=text], input[type=date], input[type=search], summary, label.check, .seg span, [role=tab]";
      return [...document.querySelectorAll(sel)]
        .filter((el) => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden" && !el.closest("[hidden], .print-sheet, dialog:not([open])"))
        .map((el) => [el, el.getBoundingClientRect()])
        .filter(([, r]) => r.height > 0 && r.height < 44)
        .map(([el, r]) => `${el.tagName.toLowerCase()}「${(el.textContent || el.getAttribute("aria-label") || el.name || "").trim().slice(0, 20)}」${Math.round(r.height)}px`);
    });
    expect(small).toEqual([]);
  });
});

test("axe-core: no serious or critical violation in trainer mode (library, votes, reveal, slider, projector)", async ({ page }) => {
  await ready(page);
  await page.getByRole("button", { name: "培训", exact: true }).click();
  expect(await seriousViolations(page), "案例库").toEqual([]);
  await page.locator('#trainer-library [data-scenario="07-sudden-medical-expense"]').click();
  await page.getByTestId("vote-monitoring-applies").click();
  expect(await seriousViolations(page), "投票").toEqual([]);
  await page.getByTestId("trainer-reveal").click();
  await page.getByTestId("income-slider").fill("0");
  await expect(page.getByTestId("whatif-table")).toBeVisible();
  expect(await seriousViolations(page), "揭晓与滑块").toEqual([]);
  await page.getByTestId("projector-toggle").click();
  expect(await seriousViolations(page), "投影模式").toEqual([]);
});
