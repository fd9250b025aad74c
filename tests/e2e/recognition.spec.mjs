// Recorded status and found eligibility, as a cadre sees them: a lone 72-year-old with no income and
// no supporter is found to meet the 特困 conditions; 医保资助 says what follows once recognised (not
// "不属资助对象"), 低保 gives way to 特困, and the card shows the checklist of conditions. The print
// sheet carries the same 认定后 text.
import { test, expect } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { ready, openTab, openCase } from "./helpers.mjs";

const loneElderly = {
  schema: "jingning.household/1", assessment_date: "2024-06-30", head_name: "王秀兰", village: "城川村", household_type: "ordinary",
  status: { dibao: false, tekun: false, monitored: false, returned_to_poverty: false },
  members: [{ name: "王秀兰", relation: "head", birth_date: "1952-03-01", sex: "female", labour_capacity: "none", has_disability: false,
    serious_illness: false, chronic_illness: false, schooling: "finished", medical_insurance: true, pension_insurance: true,
    family_planning_two_certificates: false, working_away: false, orphan: false, supporter: "none", medical_out_of_pocket: "0" }],
  incomes: { wage: "0", business_net: "0", property_net: "0", transfer_net: "0", basic_pension: "0", special_care: "0", family_planning: "0",
    scholarship: "0", heroism_award: "0", social_assistance: "0" },
  employment_costs: "0", last_year_total_income: "0",
  expenses: { education: "0", disability_rehab: "0", disaster_loss: "0", accident_loss: "0" },
  assets: { within_dibao_rules: true }, housing: "safe", drinking_water: "safe", food_clothing_secure: true,
};

test("a benefit that follows a recognition says what applies once recognised, and 特困 comes before 低保", async ({ page }, info) => {
  await page.addInitScript(() => { window.print = () => {}; });
  await ready(page);
  await openTab(page, "农户核查");
  const path = info.outputPath("lone-elderly.json");
  writeFileSync(path, JSON.stringify(loneElderly));
  await openCase(page, path);

  const medical = page.locator('article.card[data-measure="medical_insurance"]');
  await expect(medical.getByTestId("outcome")).toHaveText("待认定");
  await expect(medical).toHaveClass(/outcome-once_recognised/);
  await expect(medical.getByTestId("once-recognised")).toContainText("认定为特困人员后全额资助");
  await expect(medical).not.toContainText("不属资助对象");
  await expect(page.getByTestId("verdicts").locator('[data-measure="medical_insurance"]')).toContainText("待认定");

  const tekun = page.locator('article.card[data-measure="tekun"]');
  await expect(tekun.getByTestId("outcome")).toHaveText("符合");
  await tekun.getByText("逐人核对条件").click();
  await expect(tekun.getByTestId("member-conditions")).toContainText("无劳动能力：无劳动能力（年满 60 周岁）");
  await expect(tekun.getByTestId("member-conditions")).toContainText("无法定义务人或义务人无履行能力");

  const dibao = page.locator('article.card[data-measure="dibao"]');
  await expect(dibao.getByTestId("outcome")).toHaveText("不符合");
  await expect(dibao.getByTestId("reason")).toContainText("特困优先于低保");
  await expect(dibao.getByTestId("conditions")).toContainText("低保计算人均收入低于农村低保标准");

  await page.getByRole("button", { name: "打印核查表" }).click();
  await page.emulateMedia({ media: "print" });
  const sheet = page.locator("#print-sheet");
  await expect(sheet).toContainText("医保参保资助：待认定");
  await expect(sheet).toContainText("认定后：王秀兰认定为特困人员后全额资助");
});
