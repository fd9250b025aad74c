// 农户核查 at a township desk and on a phone (issue 16): the verdict strip, questions asked only
// when they matter, "其余未填" shortcuts, member names in every missing prompt, neutral distances,
// provisional results, 新建下一户 and the recent list, and the local date before 08:00.
import { test, expect } from "@playwright/test";
import { ready, openTab, choose, idNumber, draftOf } from "./helpers.mjs";

const form = (page) => page.locator("#hh-form");
const member = (page, i) => page.locator(`[data-member="${i}"]`);

async function start(page) {
  await ready(page);
  await openTab(page, "农户核查");
  await form(page).getByLabel("核查日期").fill("2024-06-30");
}

/** An elderly couple; the wife unnamed, so prompts must say 成员2. */
async function couple(page) {
  await member(page, 0).getByLabel("姓名").fill("李富贵");
  await member(page, 0).getByLabel("身份证号").fill(idNumber("19520315", "011"));
  await page.getByRole("button", { name: "添加成员" }).click();
  await choose(member(page, 1), "与户主关系", "配偶");
}

test("the verdict strip sits above the fold at 1366×768, in the engine's words, and stays in view", async ({ page }) => {
  await start(page);
  const strip = page.getByTestId("verdicts");
  await expect(strip).toBeInViewport();
  const labels = await page.evaluate(async () => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    return e.householdChoices().outcome.map((o) => o.label);
  });
  expect(labels).toEqual(["符合", "待认定", "不符合", "需补充"]);
  const lines = strip.locator("a.verdict");
  await expect(lines).toHaveCount(await page.locator("article.card").count());
  for (const badge of await lines.locator(".badge").allTextContents()) expect(labels).toContain(badge);
  // While the cadre works far down the form, the strip is still on screen.
  await form(page).getByLabel("意外事故损失").scrollIntoViewIfNeeded();
  await expect(strip).toBeInViewport();
  // A line opens its card.
  await lines.filter({ hasText: "农村危房改造" }).click();
  await expect(page.locator('article.card[data-measure="housing"]')).toBeFocused();
  // Only the strip's changes are announced; the result itself is not a live region.
  await expect(page.locator("#hh-result")).not.toHaveAttribute("aria-live", /.+/);
  await expect(page.locator("#view-household").locator("[aria-live], [role=status]")).toHaveCount(1);
  // (A C/D house decides nothing yet on an empty form: only six priority groups are renovation objects.)
  await choose(form(page), "住房安全", "安全");
  await expect(page.locator("#hh-announce")).toContainText("农村危房改造：需补充 → 不符合");
});

test("questions appear when they matter, and 其余未填 states 否 / 0 for a section at once", async ({ page }) => {
  await start(page);
  await couple(page);
  const m0 = member(page, 0);
  // All 18 digits of the 身份证号 show at 1366 px.
  expect(await m0.getByLabel("身份证号").evaluate((e) => e.scrollWidth <= e.clientWidth)).toBe(true);
  // 残疾类别 and 等级 only after 是否残疾 = 是.
  await expect(m0.getByLabel("残疾类别")).toBeHidden();
  await choose(m0, "是否残疾", "是");
  await expect(m0.getByLabel("残疾类别")).toBeVisible();
  await choose(m0, "是否残疾", "否");
  await expect(m0.getByLabel("残疾类别")).toBeHidden();
  // Schooling and orphanhood by age from the 身份证号 (72 on the 核查日期); pension from 16.
  await expect(m0.getByLabel("在校情况")).toBeHidden();
  await expect(m0.getByLabel("孤儿或事实无人抚养儿童")).toBeHidden();
  await expect(m0.getByLabel("参加城乡居民养老保险")).toBeVisible();
  await expect(member(page, 1).getByLabel("在校情况")).toBeVisible(); // age unknown: asked
  // Monitoring details only for a monitored household.
  await expect(form(page).getByLabel("纳入监测日期")).toBeHidden();
  await choose(form(page), "监测对象", "是");
  await expect(form(page).getByLabel("纳入监测日期")).toBeVisible();
  await choose(form(page), "监测对象", "否");
  await expect(form(page).getByLabel("纳入监测日期")).toBeHidden();

  await m0.getByRole("button", { name: /^其余未填/ }).click();
  for (const label of ["患重病（大病）", "患慢性病", "计划生育“两证户”", "外出务工"]) {
    await expect(m0.getByLabel(label, { exact: true }).getByRole("radio", { name: "否" })).toBeChecked();
  }
  await expect(m0.getByLabel("医疗自付费用")).toHaveValue("0");
  // Insurance is not a "none": left for the cadre.
  await expect(m0.getByLabel("参加城乡居民医保").getByRole("radio", { name: "未填" })).toBeChecked();
  await form(page).getByRole("button", { name: "其余未填的支出均为 0" }).click();
  await expect(form(page).getByLabel("教育支出")).toHaveValue("0");
  const state = await draftOf(page, "household");
  expect(state.members[0]).toMatchObject({ has_disability: false, serious_illness: false, medical_out_of_pocket: "0" });
  expect(state.members[0].disability).toBeUndefined();
  expect(state.expenses).toEqual({ education: "0", disability_rehab: "0", disaster_loss: "0", accident_loss: "0" });
});

test("every missing prompt about a member names the member, on the cards and on the print sheet", async ({ page }) => {
  await start(page);
  await couple(page);
  const prompts = page.locator('[data-testid="missing"] button[data-path*="members["]');
  await expect(prompts.first()).toBeVisible();
  for (const p of await prompts.all()) {
    const path = await p.getAttribute("data-path");
    const who = path.startsWith("$.members[0]") ? "李富贵：" : "成员2：";
    await expect(p).toHaveText(new RegExp(`^${who}`));
  }
  await expect(page.locator('[data-testid="missing"] button', { hasText: "成员2：是否残疾" }).first()).toBeVisible();
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator("#print-sheet")).toContainText("李富贵：是否残疾");
  await expect(page.locator("#print-sheet")).toContainText("成员2：是否残疾");
});

test("distances are neutral, and a decision on an unverified figure says so with a way to enter the county's", async ({ page }) => {
  await start(page);
  await member(page, 0).getByLabel("姓名").fill("李富贵");
  await form(page).getByLabel("工资性收入").fill("12205");
  const monitoring = page.locator('article.card[data-measure="monitoring"]');
  await expect(monitoring.locator(".distance").first()).toHaveText("家庭年人均纯收入：临界值 ¥7,800，本户 ¥12,205（高出 ¥4,405）");
  await expect(page.locator("#hh-result")).not.toContainText("即可符合");
  await expect(page.locator("#hh-result")).not.toContainText("将不再符合");

  // The 低保 standard is a placeholder: the 低保 card is provisional and links to the parameter.
  const dibao = page.locator('article.card[data-measure="dibao"]');
  await expect(dibao.getByTestId("provisional")).toContainText("未核实");
  await expect(page.locator('a.verdict[data-measure="dibao"] .provisional-mark')).toHaveText("暂定");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  await expect(page.locator("#print-sheet .sheet-decisions")).toContainText("（暂定）");
  const link = dibao.getByTestId("provisional").getByRole("button").first();
  const param = await link.getAttribute("data-param");
  await link.click();
  const input = page.locator(`#params-root tr[data-param="${param}"] input[name^="override."]`);
  await expect(input).toBeFocused();
  await input.fill("5600");
  await input.press("Enter");
  await input.blur();
  await expect(dibao.getByTestId("provisional")).toHaveCount(0);
});

test("新建下一户 keeps the date and village; recent households reopen; 清除本机数据 forgets them", async ({ page }) => {
  await start(page);
  await form(page).getByLabel("所在村").fill("城川村");
  await member(page, 0).getByLabel("姓名").fill("李富贵");
  await page.getByRole("button", { name: "添加成员" }).click();
  const fp = await page.getByTestId("hh-fingerprint").textContent();
  await page.getByRole("button", { name: "新建下一户" }).click();
  await expect(form(page).getByLabel("核查日期")).toHaveValue("2024-06-30");
  await expect(form(page).getByLabel("所在村")).toHaveValue("城川村");
  await expect(member(page, 0).getByLabel("姓名")).toHaveValue("");
  await expect(page.locator("[data-member]")).toHaveCount(1);
  await expect(member(page, 0).getByLabel("姓名")).toBeFocused();

  await member(page, 0).getByLabel("姓名").fill("张孤老");
  const recent = page.getByTestId("recent-list");
  await page.locator("#hh-recent summary").click();
  await expect(recent).toContainText("李富贵（城川村） · 2 人 · 2024-06-30");
  await expect(recent).toContainText(`指纹 ${fp}`);
  await recent.getByRole("button", { name: /^李富贵/ }).click();
  await expect(member(page, 0).getByLabel("姓名")).toHaveValue("李富贵");
  await expect(page.locator("[data-member]")).toHaveCount(2);
  await expect(page.getByTestId("hh-fingerprint")).toHaveText(fp);
  await expect(recent).toContainText("张孤老");

  await page.getByRole("button", { name: "清除本机数据" }).click();
  await page.getByRole("button", { name: "确定清除" }).click();
  await expect(page.locator("#hh-recent")).toBeHidden();
  expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => k.startsWith("jn.recent")))).toEqual([]);
});

test("before 08:00 Beijing time every tab's default date is today's local date, not yesterday's UTC date", async ({ page }) => {
  // 07:30 on 1 July in Beijing is 23:30 on 30 June in UTC.
  await page.clock.install({ time: new Date("2024-07-01T07:30:00+08:00") });
  await ready(page);
  await openTab(page, "农户核查");
  await expect(form(page).getByLabel("核查日期")).toHaveValue("2024-07-01");
  await openTab(page, "批量核查");
  await expect(page.locator("#batch-date")).toHaveValue("2024-07-01");
  await openTab(page, "低保收入速算");
  await expect(page.locator("#dq-form").getByLabel("核查日期")).toHaveValue("2024-07-01");
  await expect(page.getByTestId("param-status")).toContainText("2024-07-01");
});

test.describe("phone", () => {
  test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

  test("on a 390×844 phone the verdict bar is always in view, flashes what changed, and leads to the strip", async ({ page }) => {
    await start(page);
    const bar = page.getByTestId("phone-bar");
    await expect(bar).toBeInViewport();
    await expect(bar).toContainText("需补充");
    await expect(bar).not.toContainText("null");
    await form(page).getByLabel("住房安全").scrollIntoViewIfNeeded();
    await choose(form(page), "住房安全", "安全");
    await expect(bar).toBeInViewport();
    await expect(bar).toContainText("农村危房改造：需补充 → 不符合");
    await bar.click();
    await expect(page.getByTestId("verdicts")).toBeInViewport();
  });
});
