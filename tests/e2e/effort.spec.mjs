// How much work one household takes: clicks + keystrokes from an empty form to a result with
// nothing left undecided (no 需补充 card), on the 4-person household of issue 16 — an elderly
// couple, a son working away, a grandchild in junior school. ID digits are not counted.
//
// The cadre types what only they know (the village, names, relations, ID numbers, the non-zero
// incomes and costs; not the 户主姓名, which the page takes from the 户主 member), uses the page's
// "其余未填……" shortcuts in sections with open questions, then answers what the page asks for, one
// card prompt at a time, until nothing is undecided. A select counts as two clicks (open, choose), a
// button of a row of buttons as one, a typed value as one keystroke per character. Printed as `EFFORT clicks=… keys=… total=…`.
import { test, expect } from "@playwright/test";
import { ready, openTab, idNumber } from "./helpers.mjs";

/** The household as the cadre knows it; anything the page asks for and is absent here is 否 / 0. */
const TRUTH = {
  head_name: "李富贵",
  village: "城川村",
  household_type: "poverty_exited",
  housing: "safe",
  drinking_water: "safe",
  food_clothing_secure: true,
  members: [
    { name: "李富贵", relation: "head", id_number: idNumber("19520315", "011"), labour_capacity: "none", chronic_illness: true, medical_out_of_pocket: "3200",
      medical_insurance: true, pension_insurance: true, supporter: "able", schooling: "finished" },
    { name: "王秀兰", relation: "spouse", id_number: idNumber("19540802", "022"), labour_capacity: "weak", medical_insurance: true, pension_insurance: true,
      supporter: "able", schooling: "finished" },
    { name: "李建军", relation: "child", id_number: idNumber("19800611", "031"), labour_capacity: "full", working_away: true, medical_insurance: true,
      pension_insurance: true, supporter: "able", schooling: "finished" },
    { name: "李明", relation: "grandchild", id_number: idNumber("20130520", "041"), labour_capacity: "none", schooling: "junior", medical_insurance: true,
      supporter: "able" },
  ],
  incomes: { wage: "42000", basic_pension: "2472" },
  employment_costs: "3000",
  last_year_total_income: "43500",
  last_year_net_income: "43500",
  assets: { within_dibao_rules: true },
};

/** What the cadre types first: identity and the non-zero figures. */
const KNOWN = ["name", "relation", "id_number"];

async function measureEffort(page) {
  const counts = { clicks: 0, keys: 0 };
  const form = page.locator("#hh-form");
  const get = (obj, path) => path.replace(/^\$\.?/, "").split(/\.|\[(\d+)\]/).filter(Boolean).reduce((o, k) => (o == null ? undefined : o[k]), obj);

  async function fill(el, value, { id = false } = {}) {
    const tag = await el.evaluate((e) => e.tagName);
    const current = await el.evaluate((e) => (e.getAttribute("role") === "radiogroup" ? e.querySelector("input:checked")?.value ?? "" : e.value));
    if (current === String(value)) return; // already so (a default): nothing to do
    if ((await el.getAttribute("role")) === "radiogroup") {
      await el.locator(`input[value="${value}"]`).check();
      counts.clicks += 1;
    } else if (tag === "SELECT") {
      await el.selectOption(String(value));
      counts.clicks += 2;
    } else {
      await el.fill(String(value));
      if (!id) counts.keys += String(value).length;
    }
  }
  const field = (path) => form.locator(`[data-path="${path}"][data-kind]`);

  await fill(field("$.village"), TRUTH.village);
  for (const [i, m] of TRUTH.members.entries()) {
    if (i > 0) {
      await page.getByRole("button", { name: "添加成员" }).click();
      counts.clicks += 1;
    }
    for (const k of KNOWN) await fill(field(`$.members[${i}].${k}`), m[k], { id: k === "id_number" });
    if (m.medical_out_of_pocket) await fill(field(`$.members[${i}].medical_out_of_pocket`), m.medical_out_of_pocket);
  }
  for (const [code, v] of Object.entries(TRUTH.incomes)) await fill(field(`$.incomes.${code}`), v);
  await fill(field("$.employment_costs"), TRUTH.employment_costs);
  // Last year's 纯收入 is what monitoring compares with (like with like); 总收入 only when asked.
  await fill(field("$.last_year_net_income"), TRUTH.last_year_net_income);

  // The page's own "none of the rest" shortcuts, where it has them: one click in each section
  // where the page marks a question still open.
  for (const b of await form.getByRole("button", { name: /^其余未填/ }).all()) {
    if (!(await b.isVisible())) continue;
    const section = b.locator("xpath=..");
    if ((await section.locator(".wanted").count()) === 0) continue;
    await b.click();
    counts.clicks += 1;
  }

  // Then answer each prompt of an undecided card until none is left.
  const asked = [];
  for (let round = 0; round < 200; round++) {
    const prompt = page.locator('article.card[data-outcome="cannot_decide"] [data-testid="missing"] button[data-path]').first();
    if ((await prompt.count()) === 0) break;
    const path = await prompt.getAttribute("data-path");
    if (asked.at(-1) === path) throw new Error(`asked twice for ${path}`);
    asked.push(path);
    let el = field(path);
    if ((await el.count()) === 0) el = form.locator(`[data-path^="${path}."][data-kind], [data-path^="${path}["][data-kind]`).first();
    const kind = await el.getAttribute("data-kind");
    const target = await el.getAttribute("data-path");
    let value = get(TRUTH, target);
    if (value === undefined) {
      if (kind === "yesno") value = false;
      else if (kind === "money") value = "0";
      else if (kind === "multi") value = [];
      else throw new Error(`the household has no answer for ${target} (${kind})`);
    }
    if (kind === "multi") {
      // "None of these" for a checkbox group is an explicit choice the page must offer; count a click.
      const none = el.locator('input[value="none"], input[data-none]');
      if (await none.count()) await none.first().check();
      counts.clicks += 1;
      continue;
    }
    await fill(el, typeof value === "boolean" ? String(value) : value);
  }
  await expect(page.locator('article.card[data-outcome="cannot_decide"]')).toHaveCount(0);
  return { ...counts, total: counts.clicks + counts.keys, asked };
}

// The budget was 60 (58 measured) until issue 13: 特困's 无生活来源 now tests each person's own
// income, not the household's, so the 法定义务人 of the two elderly members and the child must be
// asked (6 clicks), and monitoring compares last year's 纯收入 (typed instead of 总收入). 66 measured.
test("a 4-person household reaches a result with nothing undecided in under 70 clicks and keystrokes", async ({ page }) => {
  await ready(page);
  await openTab(page, "农户核查");
  const r = await measureEffort(page);
  console.log(`EFFORT clicks=${r.clicks} keys=${r.keys} total=${r.total} prompts=${r.asked.length}`);
  console.log(`EFFORT asked ${r.asked.join(" ")}`);
  expect(r.total).toBeLessThan(70);
});
