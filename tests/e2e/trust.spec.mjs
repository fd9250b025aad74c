// What a recorded "no" and a checked "no risk" do on the page. An ordinary household recorded as
// not monitored, income per head ¥7,600 (under the 2024 monitoring line of ¥7,800, above the 低保
// edge line), no risk entered, a daughter in 中职: monitoring waits for the risk check, and the
// measures that follow it say so (需补充, the risk asked for by name, what would follow) instead of
// "不属…对象". Ticking 已核实无风险 settles monitoring (不符合, resting on the check); ticking a risk
// after it clears it (the two are exclusive) and monitoring identifies the household.
import { test, expect } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { ready, openTab, openCase } from "./helpers.mjs";

const member = (over) => ({
  relation: "child", sex: "male", labour_capacity: "full", has_disability: false, serious_illness: false, chronic_illness: false,
  schooling: "finished", medical_insurance: true, pension_insurance: true, family_planning_two_certificates: false, working_away: false,
  orphan: false, supporter: "able", medical_out_of_pocket: "0", ...over,
});

const unchecked = {
  schema: "jingning.household/1", assessment_date: "2024-06-30", head_name: "王建军", village: "城川村", household_type: "ordinary",
  status: { dibao: false, tekun: false, monitored: false, returned_to_poverty: false, relocated: false },
  members: [
    member({ name: "王建军", relation: "head", birth_date: "1980-01-01" }),
    member({ name: "刘桂花", relation: "spouse", sex: "female", birth_date: "1982-01-01", labour_capacity: "half" }),
    member({ name: "王小燕", sex: "female", birth_date: "2008-09-01", labour_capacity: "none", schooling: "vocational", pension_insurance: false }),
  ],
  incomes: { wage: "22800", business_net: "0", property_net: "0", transfer_net: "0", basic_pension: "0", special_care: "0",
    family_planning: "0", scholarship: "0", heroism_award: "0", social_assistance: "0" },
  employment_costs: "0", last_year_total_income: "22800", last_year_net_income: "22800",
  expenses: { education: "0", disability_rehab: "0", disaster_loss: "0", accident_loss: "0" },
  assets: { within_dibao_rules: true }, housing: "safe", drinking_water: "safe", food_clothing_secure: true,
};

test("a recorded 非监测对象 with the risk unchecked is asked about, and 已核实无风险 settles it", async ({ page }, info) => {
  await ready(page);
  await openTab(page, "农户核查");
  const path = info.outputPath("unchecked.json");
  writeFileSync(path, JSON.stringify(unchecked));
  await openCase(page, path);
  const card = (code) => page.locator(`article.card[data-measure="${code}"]`);

  const monitoring = card("monitoring");
  await expect(monitoring.getByTestId("outcome")).toHaveText("需补充");
  await expect(monitoring.getByTestId("reason")).toContainText("须核实是否存在返贫致贫风险");

  // 教育资助 does not tell the 中职 student 不属: it names the open check, what it needs and what would follow.
  const education = card("education_aid");
  await expect(education.getByTestId("outcome")).toHaveText("需补充");
  await expect(education.getByTestId("who-open")).toContainText("王小燕：记录为非监测对象，但“防止返贫监测对象识别”尚需补充");
  await expect(education.getByTestId("who-open")).toContainText("补充后如符合条件，可享受家庭经济困难学生资助、雨露计划职业教育补助");
  await expect(education.getByTestId("missing").getByRole("button", { name: "返贫致贫风险" })).toBeVisible();
  await expect(education.getByTestId("reason")).not.toContainText("不属");
  await expect(card("microcredit").getByTestId("outcome")).toHaveText("需补充");
  await expect(card("microcredit").getByTestId("conditions")).toContainText("记录为非监测对象");

  // The risk question offers the checked answer; ticking it decides monitoring.
  const risks = page.locator('fieldset[data-path="$.risks"]');
  await expect(risks).toContainText("入户核实后确无风险的");
  await risks.getByRole("checkbox", { name: "已核实无风险" }).check();
  await expect(monitoring.getByTestId("outcome")).toHaveText("不符合");
  await expect(monitoring.getByTestId("reason")).toContainText("¥7,600 低于当年监测范围 ¥7,800，但经入户核实无返贫致贫风险");
  await expect(monitoring.getByTestId("reason")).toContainText("此结论以入户核实为准");
  await expect(monitoring.getByTestId("conditions")).toContainText("已入户核实无返贫致贫风险");
  await expect(education.getByTestId("outcome")).toHaveText("不符合");

  // A risk and "checked: none" cannot both stand: ticking one clears the other.
  await risks.getByRole("checkbox", { name: "因务工就业不稳" }).check();
  await expect(risks.getByRole("checkbox", { name: "已核实无风险" })).not.toBeChecked();
  await expect(monitoring.getByTestId("outcome")).toHaveText("符合");
  await expect(education.getByTestId("outcome")).toHaveText("待认定");
  await risks.getByRole("checkbox", { name: "已核实无风险" }).check();
  await expect(risks.getByRole("checkbox", { name: "因务工就业不稳" })).not.toBeChecked();
  await expect(monitoring.getByTestId("outcome")).toHaveText("不符合");
});
