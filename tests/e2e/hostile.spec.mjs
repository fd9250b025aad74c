// Issue 15: the page's engine cannot be killed by what a settings file or a caller hands it, and
// if an instance ever traps, a fresh one takes over and the page says so.
import { test, expect } from "@playwright/test";
import { writeFileSync } from "node:fs";
import { guardEngine } from "../../www/js/engine-guard.js";
import { ready, fillDibao } from "./helpers.mjs";

test("a trapped instance is replaced by a fresh one, the call that trapped says so", () => {
  const instance = (id) => ({
    engineVersion: () => id,
    evaluate: (x) => {
      if (x === "trap") throw new WebAssembly.RuntimeError("memory access out of bounds");
      if (x === "bad") throw Object.assign(new Error("$: 输入有误"), { kind: "invalid" });
      return `${id}:${x}`;
    },
  });
  const said = [];
  let made = 1;
  const e = guardEngine(instance("first"), () => instance(`fresh${made++}`), (m) => said.push(m));
  expect(e.evaluate("a")).toBe("first:a");
  // The engine's own errors pass through untouched.
  expect(() => e.evaluate("bad")).toThrow("$: 输入有误");
  expect(e.engineRestarts()).toBe(0);
  expect(() => e.evaluate("trap")).toThrow(/规则引擎在执行 evaluate 时出错（memory access out of bounds），已重新加载/);
  expect(said).toHaveLength(1);
  expect(e.evaluate("b")).toBe("fresh1:b");
  expect(e.engineVersion()).toBe("fresh1");
  expect(e.engineRestarts()).toBe(1);
});

test("a settings file nested 4,000 deep is refused by name and the engine keeps working", async ({ page }, info) => {
  await ready(page);
  await page.getByRole("button", { name: "参数设置", exact: true }).click();
  const importFile = async (path) => {
    const [chooser] = await Promise.all([page.waitForEvent("filechooser"), page.getByRole("button", { name: "导入参数设置" }).click()]);
    await chooser.setFiles(path);
  };
  const deep = info.outputPath("deep-params.json");
  writeFileSync(deep, `{"region":"静宁县","params":${"[".repeat(4000)}${"]".repeat(4000)}}`);
  await importFile(deep);
  await expect(page.locator("#params-errors")).toContainText("未导入");
  await expect(page.locator("#params-errors")).toContainText("嵌套");

  const negative = info.outputPath("negative-params.json");
  writeFileSync(negative, JSON.stringify({ overrides: { "dibao.standard_annual": "-5000" } }));
  await importFile(negative);
  await expect(page.locator("#params-errors")).toContainText("参数「农村低保标准」（dibao.standard_annual）应为正数金额");
  await expect(page.getByTestId("overrides-banner")).toBeHidden();

  // Hostile objects straight into the engine as the page loads it (js/engine.js: the guard and the
  // glue; a copy of the page's own, which runs from js/page.js): named errors, then a normal case works.
  const messages = await page.evaluate(async () => {
    const { loadEngine } = await import("./js/engine.js");
    const engine = await loadEngine();
    const cyclic = {};
    cyclic.self = cyclic;
    const getter = Object.defineProperty({}, "incomes", { enumerable: true, get() { throw new Error("getter"); } });
    const out = [];
    for (const v of [cyclic, getter]) {
      for (let i = 0; i < 300; i++) {
        try {
          engine.checkDibaoIncome(v);
        } catch (e) {
          if (i === 0) out.push(e.message);
        }
      }
    }
    const id = engine.parseIdNumber(110105194912310020);
    out.push(id.error);
    out.push(engine.engineRestarts());
    return out;
  });
  expect(messages[0]).toContain("循环引用");
  expect(messages[1]).toContain("读取时出错的属性");
  expect(messages[2]).toContain("末几位已经丢失");
  expect(messages[3]).toBe(0);
  await fillDibao(page);
});

test("the spreadsheet module refuses wrong values by name and then reads a sheet", async ({ page }) => {
  await ready(page);
  const out = await page.evaluate(async () => {
    const m = await import("./pkg-sheet/jingning_sheet.js");
    await m.default();
    const cyclic = {};
    cyclic.self = cyclic;
    const csv = new TextEncoder().encode("户编号,姓名,与户主关系,出生日期,劳动能力,工资性收入\nA,张三,户主,1970-01-01,全劳力,1000\n");
    const messages = [];
    for (const f of [
      () => new m.BatchSession(12345, 5, undefined),
      () => new m.BatchSession({ length: 1e12 }, "a.csv", undefined),
      () => new m.BatchSession(csv, "a.csv", cyclic),
      () => new m.BatchSession(csv, "a.csv", { assessment_date: "2024-06-30", overrides: { "dibao.standard_annual": NaN } }),
      () => m.checkFileSize(NaN),
    ]) {
      try {
        f();
        messages.push("accepted");
      } catch (e) {
        messages.push(e.message);
      }
    }
    const s = new m.BatchSession(csv, "a.csv", { assessment_date: "2024-06-30" });
    s.step(100);
    return { messages, households: s.summary().households };
  });
  expect(out.messages[0]).toContain("文件内容应为 Uint8Array");
  expect(out.messages[1]).toContain("文件内容应为 Uint8Array");
  expect(out.messages[2]).toContain("循环引用");
  expect(out.messages[3]).toContain("不是有效的数（收到 NaN）");
  expect(out.messages[4]).toContain("文件大小无效");
  expect(out.households).toBe(1);
});
