// The 低保收入速算 view: a form of incomes by kind; results update as fields change. It renders
// into any root (the page's section through <jn-dibao-quick>, or a portal's element): ids are
// looked up in that root only.
import { localDate } from "./local-date.js";
import { h, yuan, citation, citations, errorList } from "./render.js";

const STANDARD_PARAM = "dibao.standard_annual";

/** The form's fixed part; the income fields are added from the engine's list. */
function formMarkup() {
  const text = (name, extra = {}) => h("input", { type: "text", inputmode: "decimal", name, autocomplete: "off", ...extra });
  return [
    h("p", { class: "hint" }, "按实施意见五(十二)：列出家庭近 12 个月各项收入，政策规定不计入的项目照常显示但不计入，",
      "有劳动能力者的必要就业成本予以扣减，算出低保计算人均收入并与低保标准比较。"),
    h("form", { id: "dq-form", class: "grid", novalidate: true, "aria-label": "低保收入速算" },
      h("fieldset", {}, h("legend", {}, "家庭"),
        h("label", {}, "核查日期 ", h("input", { type: "date", name: "assessment_date", required: true })),
        h("label", {}, "家庭人口数 ", h("input", { type: "number", name: "household_size", min: "1", max: "50", step: "1", value: "3", required: true })),
        h("label", {}, "农村低保标准（元/人·年）",
          text("dibao_standard", { "aria-describedby": "dq-standard-hint" }),
          h("small", { class: "hint", id: "dq-standard-hint" }))),
      h("fieldset", { id: "dq-incomes" }, h("legend", {}, "近 12 个月收入（元）")),
      h("fieldset", {}, h("legend", {}, "扣除"),
        h("label", {}, "必要的就业成本（交通、通讯、食宿，元）", text("employment_costs")))),
    h("div", { id: "dq-result", "aria-live": "polite" }),
  ];
}

export function createDibaoView(engine, root, ctx) {
  root.replaceChildren(...formMarkup());
  const form = root.querySelector("#dq-form");
  const out = root.querySelector("#dq-result");
  const incomes = root.querySelector("#dq-incomes");
  const standardHint = root.querySelector("#dq-standard-hint");
  let lastResult = null;
  let lastError = null;

  for (const item of engine.incomeItems()) {
    incomes.append(h("label", { class: item.excluded_from_dibao ? "excluded" : "" },
      item.label,
      item.excluded_from_dibao ? h("small", { class: "hint" }, "（不计入低保收入）") : null,
      item.may_be_negative ? h("small", { class: "hint" }, "（亏损填负数）") : null,
      // The decimal keypad of a phone has no minus sign: a net item gets the full keyboard.
      h("input", { type: "text", inputmode: item.may_be_negative ? null : "decimal", name: `income.${item.code}`, autocomplete: "off" })));
  }

  function defaults() {
    form.reset();
    form.assessment_date.value = localDate();
  }
  defaults();

  /** The form as the engine's input, plus the standard typed in (an override for this view only). */
  function getState() {
    const incomesObj = {};
    for (const el of form.querySelectorAll("input[name^='income.']")) {
      if (el.value.trim() !== "") incomesObj[el.name.slice(7)] = el.value.trim();
    }
    const input = {
      assessment_date: form.assessment_date.value,
      household_size: form.household_size.value === "" ? null : Number(form.household_size.value),
      incomes: incomesObj,
    };
    if (form.employment_costs.value.trim() !== "") input.employment_costs = form.employment_costs.value.trim();
    const overrides = {};
    if (form.dibao_standard.value.trim() !== "") overrides[STANDARD_PARAM] = form.dibao_standard.value.trim();
    return { input, overrides };
  }

  function setState(state) {
    form.reset();
    const input = state?.input ?? {};
    form.assessment_date.value = input.assessment_date ?? "";
    form.household_size.value = input.household_size ?? "";
    form.employment_costs.value = input.employment_costs ?? "";
    form.dibao_standard.value = state?.overrides?.[STANDARD_PARAM] ?? "";
    for (const [code, v] of Object.entries(input.incomes ?? {})) {
      const el = form.querySelector(`input[name="income.${CSS.escape(code)}"]`);
      if (el) el.value = v;
    }
    refresh(true);
  }

  let last = null;
  let lastOptions = null;
  function refresh(force = false) {
    const state = getState();
    const options = ctx.optionsWith(state.overrides);
    // Re-render only when the input really changed: a `change` event on blur must not replace
    // the result under the button the user is clicking.
    const key = JSON.stringify([state, options]);
    if (key === last && !force) return;
    last = key;
    try {
      const p = engine.paramsInForce(state.input.assessment_date || "", ctx.optionsWith())
        .find((x) => x.id === STANDARD_PARAM)?.in_force;
      form.dibao_standard.placeholder = p ? p.value : "";
      standardHint.textContent = !p ? "" : p.overridden
        ? `留空则用本地参数覆盖值 ${yuan(p.value)}`
        : `留空则用参数值 ${yuan(p.value)}（${p.region}，${p.from} 起${p.verified ? "" : "，未核实的占位值"}）`;
    } catch {
      standardHint.textContent = "";
    }
    try {
      lastResult = engine.checkDibaoIncome(state.input, options);
      lastError = null;
      out.replaceChildren(renderResult(lastResult));
    } catch (err) {
      lastResult = null;
      lastError = err;
      out.replaceChildren(errorList(err));
    }
    lastOptions = options;
    ctx.changed(view);
  }

  form.addEventListener("input", () => refresh());
  form.addEventListener("change", () => refresh());

  const view = {
    id: "dibao",
    title: "低保收入速算",
    assessmentDate: () => form.assessment_date.value,
    getState,
    setState,
    reset() {
      defaults();
      refresh(true);
    },
    refresh: () => refresh(true),
    /** The last evaluation: its result or error, and the input and options it was made from. */
    evaluation: () => ({ result: lastResult, error: lastError, case: getState().input, options: lastOptions }),
    /** The form made read-only (a portal showing a case it supplies) or editable again. */
    setReadOnly(on) {
      form.inert = on;
      form.classList.toggle("read-only", on);
    },
    /** What the printed sheet shows: only what the engine returned. */
    printModel() {
      const r = lastResult;
      if (!r) return null;
      const { input } = getState();
      return {
        title: "低保收入速算核查表",
        date: r.assessment_date,
        summary: [
          ["家庭人口数", `${r.ledger.household_size} 人`],
          ["家庭纯收入（全部项目）", yuan(r.ledger.total_net)],
          ["低保计算收入合计", yuan(r.ledger.total_dibao)],
          ["低保计算人均收入", yuan(r.ledger.per_capita_dibao)],
          ["必要就业成本扣减", yuan(r.ledger.employment_cost_deducted)],
          ["不计入的收入项目", r.ledger.lines.filter((l) => !l.counted_for_dibao).map((l) => `${l.label} ${yuan(l.amount)}`).join("；") || "无"],
        ],
        decisions: [{
          title: "是否低于农村低保标准",
          verdict: r.below_standard ? "低于低保标准" : "不低于低保标准",
          outcome: r.below_standard ? "applies" : "does_not_apply",
          reason: `${r.reason} ${r.threshold.explanation}`,
          citations: r.citations,
        }],
        params_used: r.params_used,
        fingerprint: r.fingerprint ?? null,
        input,
      };
    },
  };
  return view;
}

function renderResult(r) {
  const verdict = r.below_standard ? "低于低保标准" : "不低于低保标准";
  return h("article", { class: `decision ${r.below_standard ? "applies" : "not-applies"}`, "data-testid": "dq-decision" },
    h("h3", {}, h("span", { class: "badge", "data-testid": "dq-verdict" }, verdict)),
    h("dl", { class: "figures" },
      h("dt", {}, "低保计算人均收入"), h("dd", { "data-testid": "dq-per-capita" }, yuan(r.ledger.per_capita_dibao)),
      h("dt", {}, "农村低保标准"), h("dd", { "data-testid": "dq-standard" }, yuan(r.standard)),
      h("dt", {}, "家庭纯收入人均（监测口径）"), h("dd", {}, yuan(r.ledger.per_capita_net))),
    h("p", { class: "reason" }, r.reason),
    h("p", { class: "distance", "data-testid": "dq-distance" }, r.threshold.explanation),
    r.unverified.length
      ? h("p", { class: "warn", role: "note" }, `注意：本结果使用了未核实的参数：${r.unverified.join("、")}。`)
      : null,
    h("div", { class: "cites" }, citations(r.citations)),
    ledgerTable(r.ledger));
}

export function ledgerTable(ledger, testid = "dq-ledger") {
  return h("div", { class: "table-wrap" }, h("table", { class: "ledger", "data-testid": testid },
    h("caption", {}, "收入明细（逐项说明是否计入）"),
    h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "项目"), h("th", { scope: "col" }, "金额"),
      h("th", { scope: "col" }, "计入低保收入"), h("th", { scope: "col" }, "说明"))),
    h("tbody", {}, ledger.lines.map((l) => h("tr", { "data-item": l.item, class: l.counted_for_dibao ? "" : "not-counted" },
      h("th", { scope: "row" }, l.label),
      h("td", { class: "num" }, l.kind === "扣除" ? `−${yuan(l.amount)}` : yuan(l.amount)),
      h("td", {}, l.kind === "扣除" ? "扣减" : l.counted_for_dibao ? "计入" : "不计入"),
      h("td", {}, l.note, l.citation ? [" ", citation(l.citation)] : null)))),
    h("tfoot", {}, h("tr", {}, h("th", { scope: "row" }, "低保计算收入合计"), h("td", { class: "num" }, yuan(ledger.total_dibao)),
      h("td", { colspan: 2 }, `家庭 ${ledger.household_size} 人，人均 ${yuan(ledger.per_capita_dibao)}`)))));
}
