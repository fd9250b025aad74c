// The household form is checked against the field catalogue (data/household-fields.toml, as the
// engine exports it with householdFields()): every form field is a catalogue field whose label
// contains the catalogue's label, and every input field of the catalogue has a place in the form.
import { test, expect } from "@playwright/test";
import { ready } from "./helpers.mjs";

test("the household form and the field catalogue name the same fields the same way", async ({ page }) => {
  await ready(page);
  const { form, catalogue } = await page.evaluate(async () => {
    const e = await import("./pkg/jingning_policy.js");
    await e.default({ module_or_path: new URL("./pkg/jingning_policy_bg.wasm", location.href) });
    const { HOUSEHOLD_FIELDS } = await import("./js/form-fields.js");
    const form = HOUSEHOLD_FIELDS.flatMap((s) => s.fields.filter((f) => !f.path.endsWith(".*")).map((f) => ({ path: f.path, label: f.label })));
    return { form, catalogue: e.householdFields().map((f) => ({ path: f.json_path, label: f.label, kind: f.kind })) };
  });
  const byPath = new Map(catalogue.map((f) => [f.path, f]));
  const wrong = form.filter((f) => !byPath.has(f.path) || !f.label.includes(byPath.get(f.path).label))
    .map((f) => `${f.path}「${f.label}」 vs ${byPath.get(f.path)?.label ?? "（目录中没有）"}`);
  expect(wrong, "form fields that are not in the catalogue under its label").toEqual([]);
  // Every input field has a place in the form (the case format's own tag and the sheet's 户编号 are not inputs;
  // income items are generated from householdChoices().income_item).
  const inForm = new Set(form.map((f) => f.path));
  const absent = catalogue.filter((f) => !["key", "group"].includes(f.kind) && f.path !== "$.schema" && !f.path.startsWith("$.incomes."))
    .filter((f) => !inForm.has(f.path)).map((f) => `${f.path} ${f.label}`);
  expect(absent, "catalogue fields the form does not ask").toEqual([]);
});
