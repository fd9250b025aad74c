// The 低保收入速算 form end to end: fill incomes in the page, read the engine's verdict back.
import { test, expect } from "@playwright/test";
import { ready, openTab } from "./helpers.mjs";

test.beforeEach(async ({ page }) => {
  await ready(page);
  await openTab(page, "低保收入速算");
});

test("excluded incomes are shown but not counted, and the verdict cites 五(十二)", async ({ page }) => {
  const form = page.locator("#dq-form");
  await form.getByLabel("核查日期").fill("2024-06-30");
  await form.getByLabel("家庭人口数").fill("3");
  await form.getByLabel("工资性收入").fill("9000");
  await form.getByLabel("城乡居民基本养老保险基础养老金").fill("1200");
  await form.getByLabel("奖学金").fill("500");
  await form.getByLabel("必要的就业成本").fill("1200");

  const decision = page.getByTestId("dq-decision");
  // (9000 − 1200) / 3 = 2600; the pension and scholarship are listed but left out.
  await expect(decision.getByTestId("dq-per-capita")).toHaveText("¥2,600.00");
  await expect(decision.getByTestId("dq-verdict")).toHaveText("低于低保标准");
  const ledger = decision.getByTestId("dq-ledger");
  await expect(ledger.locator("tr[data-item=basic_pension] td").nth(1)).toHaveText("不计入");
  await expect(ledger.locator("tr[data-item=scholarship] td").nth(1)).toHaveText("不计入");
  await expect(ledger.locator("tr[data-item=wage] td").nth(1)).toHaveText("计入");
  await expect(ledger.locator("tr[data-item=employment_cost] td").nth(0)).toHaveText("−¥1,200.00");
  await expect(decision).toContainText("未核实的参数：农村低保标准");

  // The clause opens with its text from the seed, and names the document it is from.
  await decision.locator("button.cite", { hasText: "实施意见 五(十二)" }).first().click();
  const dialog = page.locator("#clause-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText("不计入低保家庭收入");
  await expect(page.locator("#clause-dialog-source")).toContainText("出自《关于实现巩固拓展脱贫攻坚成果同乡村振兴有效衔接的实施意见》（中共静宁县委办公室、静宁县人民政府办公室，文号未找到");
});

test("a passage of a national rule opens with its document, 文号, source and the words marked", async ({ page }) => {
  // The page's own citation button, given a citation of 民发〔2021〕43号 as the engine serves it.
  // The page runs its modules from one file (js/page.js), so the modules imported here are copies
  // of its render.js and engine: the engine is loaded and handed to this render.js.
  await page.evaluate(async () => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    const r = await import("./js/render.js");
    r.setEngine(e);
    const passage = e.clause("未成年人", "mca-2021-43");
    const cite = { document: passage.document, clause: passage.id, title: passage.title, excerpt: "可继续享有救助供养待遇至18周岁", verbatim: passage.verbatim,
      label: `${passage.document.short} ${passage.document.number} ${passage.title}` };
    // The form is in the <jn-dibao-quick> element's shadow root.
    document.querySelector("jn-dibao-quick").shadowRoot.querySelector("#dq-form").append(r.citation(cite));
  });
  const button = page.locator("#dq-form button.cite", { hasText: "民发〔2021〕43号" });
  await expect(button).toHaveText("依据 特困人员认定办法（2021） 民发〔2021〕43号 未成年人的救助供养期限");
  await button.click();
  const dialog = page.locator("#clause-dialog");
  await expect(dialog).toBeVisible();
  await expect(dialog.locator("mark")).toHaveText("可继续享有救助供养待遇至18周岁");
  await expect(dialog).toContainText("要点");
  const source = page.locator("#clause-dialog-source");
  await expect(source).toContainText("《特困人员认定办法》（民政部，民发〔2021〕43号");
  await expect(source).toContainText("二手来源");
  await expect(source).toContainText("只收录该文件的摘录");
  await expect(source).toContainText("浙江工人日报");
});

test("a standard typed in overrides the parameter and flips the verdict", async ({ page }) => {
  const form = page.locator("#dq-form");
  await form.getByLabel("核查日期").fill("2024-06-30");
  await form.getByLabel("家庭人口数").fill("2");
  await form.getByLabel("工资性收入").fill("11000");
  const decision = page.getByTestId("dq-decision");
  await expect(decision.getByTestId("dq-verdict")).toHaveText("不低于低保标准");
  await form.getByLabel("农村低保标准").fill("5600");
  await expect(decision.getByTestId("dq-verdict")).toHaveText("低于低保标准");
  await expect(decision.getByTestId("dq-distance")).toHaveText("低保计算人均收入：临界值 ¥5,600，本户 ¥5,500（低于 ¥100）");
});

test("bad input is named field by field, in Chinese", async ({ page }) => {
  const form = page.locator("#dq-form");
  await form.getByLabel("工资性收入").fill("-5");
  await expect(page.locator("#dq-result .errors")).toContainText("「工资性收入」不能为负数");
  await form.getByLabel("工资性收入").fill("abc");
  await expect(page.locator("#dq-result .errors")).toContainText("「工资性收入」应为数值");
});
