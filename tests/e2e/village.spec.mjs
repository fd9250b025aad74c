// The 村级考核 scorecard: indicators grouped by dimension, score, grade and veto live, a radar chart
// of the dimensions and the shortfall list.
import { test, expect } from "@playwright/test";
import { ready, openTab, draftOf } from "./helpers.mjs";

test.beforeEach(async ({ page }) => {
  await ready(page);
  test.skip(await page.getByTestId("village-pending").count() > 0, "this build's engine has no village assessment");
  await openTab(page, "村级考核");
});

test("the scorecard scores live, shows the radar and the shortfalls, and a veto fixes the grade", async ({ page }) => {
  const form = page.locator("#vl-form");
  await expect(form.locator("fieldset.dimension")).toHaveCount(6);
  await form.getByLabel("村庄编号").fill("620826100201");
  await form.getByLabel("村名").fill("城川村");
  await form.getByLabel("乡镇").fill("城川镇");
  await form.getByLabel("发生规模性返贫").selectOption({ label: "否" });
  await form.getByLabel("监测户落实帮扶责任人且有帮扶措施的比例（%）").fill("100");
  await form.getByLabel("无害化卫生户厕普及率（%）").fill("90");
  await form.getByLabel("有村规民约").selectOption({ label: "是" });
  await form.getByLabel("村社亮化全覆盖").selectOption({ label: "是" });

  const result = page.getByTestId("vl-result");
  // Same numbers as the engine for the same input.
  const input = await draftOf(page, "village");
  const a = await page.evaluate(async (v) => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    return e.assessVillage(v, undefined);
  }, input);
  expect(input.values).toEqual({ large_scale_return_to_poverty: false, monitored_support_coverage: "100", sanitary_toilet_rate: "90", village_rules: true, lighting_full_coverage: true });
  await expect(result.getByTestId("vl-total")).toHaveText(a.total);
  await expect(result.getByTestId("vl-grade")).toHaveText(a.grade);
  await expect(result.getByTestId("vl-class")).toContainText(a.classification.label);
  for (const d of a.dimensions) {
    await expect(result.locator(`[data-testid=vl-dimensions] tr[data-dimension="${d.id}"] td`).first()).toHaveText(d.points);
    await expect(page.getByTestId(`dim-score-${d.id}`)).toContainText(`得分 ${d.points} / ${d.max_points}`);
  }
  // The radar has one vertex per dimension.
  const shape = result.getByTestId("radar-shape");
  await expect(shape).toBeVisible();
  expect((await shape.getAttribute("points")).trim().split(/\s+/)).toHaveLength(6);
  await expect(result.locator("svg.radar desc")).toContainText("生态宜居");
  // Shortfalls in the engine's order, most points to win back first.
  const items = result.getByTestId("vl-shortfalls").locator("li");
  await expect(items).toHaveCount(a.shortfalls.length);
  await expect(items.first()).toHaveAttribute("data-indicator", a.shortfalls[0].indicator);
  // 90% against a 95% target: the indicator says how it was scored.
  await expect(page.getByTestId("ind-sanitary_toilet_rate")).toContainText("分");

  // A shortfall leads to its field.
  await items.first().getByRole("button").click();
  await expect(form.locator(`[data-path="$.values.${a.shortfalls[0].indicator}"]`)).toBeFocused();

  // A veto fixes the grade whatever the score.
  await form.getByLabel("发生规模性返贫").selectOption({ label: "是" });
  await expect(result.getByTestId("vl-vetoes")).toContainText("发生规模性返贫");
  await expect(result.getByTestId("vl-grade")).toHaveText("不合格");
});

test("a village input saved to a file reopens unchanged", async ({ page }) => {
  const form = page.locator("#vl-form");
  await form.getByLabel("村庄编号").fill("620826100202");
  await form.getByLabel("村名").fill("李店村");
  await form.getByLabel("村集体经济收入（万元）").fill("12.5");
  const total = await page.getByTestId("vl-total").textContent();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "保存案例" }).click()]);
  await page.getByRole("button", { name: "清除本机数据" }).click();
  await page.getByRole("button", { name: "确定清除" }).click();
  await expect(form.getByLabel("村名")).toHaveValue("");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "打开案例" }).click()]);
  await chooser.setFiles(await download.path());
  await expect(form.getByLabel("村名")).toHaveValue("李店村");
  await expect(form.getByLabel("村集体经济收入（万元）")).toHaveValue("12.5");
  await expect(page.getByTestId("vl-total")).toHaveText(total);
});
