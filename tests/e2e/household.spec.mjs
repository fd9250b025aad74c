// The 农户核查 form end to end: fill a household through the page and read every decision card;
// 身份证号 auto-fill and a bad check digit; missing inputs lead back to their fields.
import { test, expect } from "@playwright/test";
import { ready, openTab, choose, draftOf } from "./helpers.mjs";

test.beforeEach(async ({ page }) => {
  await ready(page);
  test.skip(await page.getByTestId("household-pending").count() > 0, "this build's engine has no household evaluation");
  await openTab(page, "农户核查");
});

/** Three generations: a 78-year-old grandmother, her son who works away, a grandson at junior school. */
async function fillHousehold(page) {
  const form = page.locator("#hh-form");
  await form.getByLabel("核查日期").fill("2024-06-30");
  await form.getByLabel("户主姓名").fill("王秀英");
  await form.getByLabel("所在村").fill("城川村");
  await choose(form, "农户类型", "脱贫户");
  await choose(form, "住房安全", "安全");
  await choose(form, "饮水安全", "安全");
  await choose(form, "不愁吃、不愁穿", "是");

  const members = [
    { name: "王秀英", relation: "户主", id: "620826194601150049", labour: "无劳力", chronic: "是", school: "已毕业/不在校", med: "2400", away: "否" },
    { name: "李建国", relation: "子女", id: "620826197503120018", labour: "全劳力", chronic: "否", school: "已毕业/不在校", med: "0", away: "是" },
    { name: "李小明", relation: "孙子女/外孙子女", id: "620826201009010031", labour: "无劳力", chronic: "否", school: "初中", med: "0", away: "否" },
  ];
  for (const [i, m] of members.entries()) {
    if (i > 0) await page.getByRole("button", { name: "添加成员" }).click();
    const f = page.locator(`[data-member="${i}"]`);
    await f.getByLabel("姓名").fill(m.name);
    await choose(f, "与户主关系", m.relation);
    await f.getByLabel("身份证号").fill(m.id);
    await choose(f, "劳动能力", m.labour);
    await choose(f, "是否残疾", "否");
    await choose(f, "患重病（大病）", "否");
    await choose(f, "患慢性病", m.chronic);
    // Asked by age (from the 身份证号): schooling under 25, pension and work away from 16, orphan under 18.
    if (i === 2) await choose(f, "在校情况", m.school);
    await choose(f, "参加城乡居民医保", "是");
    if (i < 2) await choose(f, "参加城乡居民养老保险", "是");
    await choose(f, "计划生育“两证户”", "否");
    if (i < 2) await choose(f, "外出务工", m.away);
    if (i === 2) await choose(f, "孤儿或事实无人抚养儿童", "否");
    await choose(f, "法定义务人情况", "有义务人且有履行能力");
    await f.getByLabel("医疗自付费用").fill(m.med);
  }
  for (const [label, value] of [["低保户", "否"], ["特困供养户", "否"], ["监测对象", "否"], ["返贫致贫人口", "否"]]) {
    await choose(form, label, value);
  }
  await form.getByLabel("工资性收入").fill("9000");
  await form.getByLabel("城乡居民基本养老保险基础养老金").fill("1500");
  for (const label of ["家庭经营净收入", "财产净收入", "其他转移净收入", "优待抚恤金", "计划生育奖励与扶助金", "奖学金", "见义勇为等奖励性补助", "政府发放的各类社会救助款物"]) {
    await form.getByLabel(label).fill("0");
  }
  await form.getByLabel("必要的就业成本").fill("1200");
  await form.getByLabel("上年度家庭总收入").fill("11000");
  for (const label of ["教育支出", "残疾康复支出", "自然灾害损失", "意外事故损失"]) await form.getByLabel(label).fill("0");
  await choose(form, "财产状况符合低保规定", "是");
}

test("a portal in the browser: compact results by default, the catalogue beside the page, many households in one call", async ({ page }) => {
  await page.goto("./");
  const r = await page.evaluate(async () => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    const example = await (await fetch("./catalogue.json")).json();
    const c = { schema: "jingning.household/1", assessment_date: "2024-06-30", members: [{ name: "甲", relation: "head", birth_date: "1980-01-01", sex: "male" }], incomes: { wage: "3000" } };
    const one = e.evaluateHousehold(c);
    const many = e.evaluateHouseholds([c, { schema: "jingning.household/1" }, c], { detail: "full" });
    const ids = one.decisions.flatMap((d) => d.citations ?? example.measures.find((m) => m.code === d.measure).citations);
    return {
      detail: one.detail,
      resolved: ids.every((id) => example.citations.some((x) => x.id === id)),
      sameCatalogue: JSON.stringify(e.catalogue()) === JSON.stringify(example),
      many: many.map((x) => (x.error ? x.error.kind : x.detail)),
      sameVerdicts: JSON.stringify(many[0].decisions.map((d) => [d.outcome, d.reason])) === JSON.stringify(one.decisions.map((d) => [d.outcome, d.reason])),
    };
  });
  expect(r).toEqual({ detail: "compact", resolved: true, sameCatalogue: true, many: ["full", "invalid", "full"], sameVerdicts: true });
});

test("a household filled in the form gets one card per measure, each with outcome, reason and clause", async ({ page }) => {
  await fillHousehold(page);
  const result = page.getByTestId("hh-result");
  // (9000 − 1200) / 3 = 2600 counted for 低保; the 1500 pension is left out (五(十二)).
  await expect(result.getByTestId("hh-per-capita-dibao")).toHaveText("¥2,600.00");
  await expect(result.getByTestId("hh-per-capita-net")).toHaveText("¥3,500.00");
  await expect(result.getByTestId("hh-fingerprint")).toHaveText(/^[0-9a-f]{12}$/);

  // Every card shows exactly what the engine returns for the same case.
  const state = await draftOf(page, "household");
  const expected = await page.evaluate(async (c) => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    return e.evaluateHousehold(c, { detail: "full" }).decisions.map((d) => ({ measure: d.measure, outcome: d.outcome, reason: d.reason, clauses: new Set(d.citations.map((x) => x.clause)).size }));
  }, state);
  const cards = result.locator("article.card");
  await expect(cards).toHaveCount(expected.length);
  const label = { applies: "符合", once_recognised: "待认定", does_not_apply: "不符合", cannot_decide: "需补充" };
  for (const d of expected) {
    const card = result.locator(`article.card[data-measure="${d.measure}"]`);
    await expect(card.getByTestId("outcome")).toHaveText(label[d.outcome]);
    await expect(card.getByTestId("reason")).toHaveText(d.reason);
    await expect(card.locator("button.cite")).toHaveCount(d.clauses); // one button per clause cited
    expect(d.clauses).toBeGreaterThan(0);
  }

  // The policy's own answers for this household.
  const dibao = result.locator('[data-measure="dibao"]');
  await expect(dibao.getByTestId("outcome")).toHaveText("符合");
  await expect(dibao.getByTestId("amount")).toContainText("¥600.00");
  const monitoring = result.locator('[data-measure="monitoring"]');
  await expect(monitoring.getByTestId("outcome")).toHaveText("符合");
  await expect(monitoring.locator(".category")).toHaveText("脱贫不稳定户");
  await expect(result.locator('[data-measure="medical_insurance"]').getByTestId("who")).toContainText("王秀英");
  await expect(result.locator('[data-measure="schooling"]').getByTestId("outcome")).toHaveText("不符合");

  // The ledger shows each item counted or not.
  const ledger = result.getByTestId("hh-ledger");
  await expect(ledger.locator("tr[data-item=basic_pension] td").nth(1)).toHaveText("不计入");
  await expect(ledger.locator("tr[data-item=wage] td").nth(1)).toHaveText("计入");

  // A clause opens with its text from the seed.
  await result.locator('[data-measure="dibao"] button.cite').first().click();
  await expect(page.locator("#clause-dialog")).toBeVisible();
  await expect(page.locator("#clause-dialog-text")).toContainText("低保");
  // The words the decision relies on are marked in the clause.
  expect(await page.locator("#clause-dialog-text mark").count()).toBeGreaterThan(0);
  await page.keyboard.press("Escape");

  // Results follow the fields: no submit button.
  await expect(page.locator("#hh-form button[type=submit], #hh-form input[type=submit]")).toHaveCount(0);
  await page.locator("#hh-form").getByLabel("工资性收入").fill("60000");
  await expect(result.locator('[data-measure="dibao"]').getByTestId("outcome")).toHaveText("不符合");
});

test("a 身份证号 fills birth date, sex and age; a wrong check digit is flagged at once", async ({ page }) => {
  const m = page.locator('[data-member="0"]');
  await page.locator("#hh-form").getByLabel("核查日期").fill("2024-06-30");
  await m.getByLabel("身份证号").fill("620826197503120018");
  await expect(m.getByLabel("出生日期")).toHaveValue("1975-03-12");
  await expect(m.getByLabel("性别").getByRole("radio", { name: "男" })).toBeChecked();
  await expect(page.getByTestId("id-derived-0")).toHaveText("由身份证号得出：出生日期 1975-03-12，男，49 岁");
  await expect(m.getByLabel("身份证号")).not.toHaveAttribute("aria-invalid", "true");

  await m.getByLabel("身份证号").fill("620826197503120017");
  await expect(m.getByLabel("身份证号")).toHaveAttribute("aria-invalid", "true");
  await expect(m.locator('.field:has([data-path$=".id_number"]) .field-msg')).toContainText("校验码不符（第 18 位应为 8，收到 7）");
  // The rest of the result stays visible while the number is corrected.
  await expect(page.getByTestId("hh-result")).toContainText("身份证号有误，暂按未填计算");

  // Typing is not an error until the number is complete.
  await m.getByLabel("身份证号").fill("6208261975");
  await expect(m.getByLabel("身份证号")).not.toHaveAttribute("aria-invalid", "true");
  await expect(page.getByTestId("id-derived-0")).toHaveText("已输入 10 位");
});

test("cannot-decide cards name the missing fields and lead to them", async ({ page }) => {
  const card = page.locator('article.card[data-measure="housing"]');
  await expect(card.getByTestId("outcome")).toHaveText("需补充");
  const ask = card.getByTestId("missing").getByRole("button", { name: "住房安全" });
  await expect(ask).toBeVisible();
  const field = page.locator("#hh-form").getByLabel("住房安全");
  await expect(field).toHaveClass(/wanted/);
  // From the keyboard: Enter on the named input takes the focus to the field.
  await ask.focus();
  await page.keyboard.press("Enter");
  await expect(field.getByRole("radio", { name: "未填" })).toBeFocused();
  await choose(page.locator("#hh-form"), "住房安全", "安全");
  await expect(card.getByTestId("outcome")).not.toHaveText("需补充");
  await expect(field).not.toHaveClass(/wanted/);
});

test("members can be added and removed", async ({ page }) => {
  await page.getByRole("button", { name: "添加成员" }).click();
  await expect(page.locator("[data-member]")).toHaveCount(2);
  await expect(page.locator('[data-member="1"]').getByLabel("姓名")).toBeFocused();
  await page.locator('[data-member="1"]').getByLabel("姓名").fill("乙");
  await page.getByRole("button", { name: "添加成员" }).click();
  await page.locator('[data-member="2"]').getByLabel("姓名").fill("丙");
  await page.getByRole("button", { name: "删除成员 2" }).click();
  await expect(page.locator("[data-member]")).toHaveCount(2);
  await expect(page.locator('[data-member="1"]').getByLabel("姓名")).toHaveValue("丙");
  await expect(page.getByTestId("hh-result")).toContainText("2 人");
});

test("a household case saved, cleared and reopened prints unchanged with the same fingerprint", async ({ page }) => {
  await fillHousehold(page);
  const fp = await page.getByTestId("hh-fingerprint").textContent();
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "保存案例" }).click()]);
  const path = await download.path();
  await page.getByRole("button", { name: "清除本机数据" }).click();
  await page.getByRole("button", { name: "确定清除" }).click();
  await expect(page.locator("#hh-form").getByLabel("户主姓名")).toHaveValue("");
  const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "打开案例" }).click()]);
  await chooser.setFiles(path);
  await expect(page.locator("#hh-form").getByLabel("户主姓名")).toHaveValue("王秀英");
  await expect(page.locator('[data-member="2"]').getByLabel("身份证号")).toHaveValue("620826201009010031");
  await expect(page.getByTestId("hh-fingerprint")).toHaveText(fp);

  await page.emulateMedia({ media: "print" });
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  const sheet = page.locator("#print-sheet");
  await expect(sheet.getByRole("heading", { level: 2 })).toHaveText("农户政策核查表");
  await expect(sheet.getByTestId("print-fingerprint")).toHaveText(fp);
  await expect(sheet.locator(".sheet-decisions li")).toHaveCount(await page.locator("article.card").count());
  await expect(sheet).toContainText("王秀英");
  const { pdfPages } = await import("./helpers.mjs");
  expect(pdfPages(await page.pdf({ format: "A4", preferCSSPageSize: true }))).toBe(1);
});
