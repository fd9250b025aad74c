// The 农户核查 view: a household form in the case format's own terms (jingning.household/1) and, as
// fields change, one card per measure from evaluateHousehold. The page decides nothing: cards,
// amounts, reasons, clauses, missing inputs and the ledger are the engine's.
import { h, yuan, citations } from "./render.js";
import { field, multi, readFields, writeFields, fieldFor, setFieldMessage, showEngineErrors } from "./form-fields.js";
import { ledgerTable } from "./dibao-quick.js";

export const SCHEMA = "jingning.household/1";
const OUTCOME = { applies: "适用", does_not_apply: "不适用", cannot_decide: "无法判断" };

export function createHouseholdView(engine, root, ctx) {
  const ch = engine.householdChoices();
  const opts = (key) => (ch[key] ?? []).map((c) => [c.code, c.label]);
  const incomeItems = engine.incomeItems();
  let memberCount = 1;
  let lastResult = null;
  let lastKey = null;

  const form = h("form", { class: "household", id: "hh-form", novalidate: true, "aria-label": "农户信息" });
  const membersBox = h("div", { id: "hh-members" });
  const addBtn = h("button", { type: "button", class: "add-member", onclick: () => addMember() }, "＋ 添加成员");
  const out = h("div", { id: "hh-result", "aria-live": "polite" });
  const skip = h("a", { href: "#hh-result", class: "to-results" }, "跳到核查结果");

  form.append(
    h("fieldset", { class: "grid2" }, h("legend", {}, "家庭基本情况"),
      field("$.assessment_date", "核查日期", "date", { hint: "决定适用哪一年的参数，并据此计算年龄" }),
      field("$.head_name", "户主姓名", "text"),
      field("$.village", "所在村", "text"),
      field("$.household_type", "农户类型", "choice", { options: opts("household_type"), hint: "脱贫户即原建档立卡贫困户" }),
      field("$.housing", "住房安全", "choice", { options: opts("housing"), hint: "按住房安全性鉴定结果" }),
      field("$.drinking_water", "饮水安全", "choice", { options: opts("drinking_water") }),
      field("$.food_clothing_secure", "不愁吃、不愁穿", "yesno", { hint: "“两不愁”是否稳定实现" })),
    h("fieldset", {}, h("legend", {}, "家庭成员"), membersBox, addBtn),
    h("fieldset", { class: "grid2" }, h("legend", {}, "当前身份"),
      field("$.status.dibao", "低保户", "yesno"),
      field("$.status.dibao_class", "低保类别", "choice", { options: opts("dibao_class") }),
      field("$.status.tekun", "特困供养户", "yesno"),
      field("$.status.tekun_dispersed", "分散供养", "yesno"),
      field("$.status.monitored", "监测对象", "yesno", { hint: "已纳入防止返贫动态监测" }),
      field("$.status.monitored_since", "纳入监测日期", "date"),
      field("$.status.monitoring_type", "监测对象类型", "choice", { options: opts("monitoring_type") }),
      field("$.status.returned_to_poverty", "返贫致贫人口", "yesno"),
      field("$.status.income_stable_months", "收入持续稳定月数", "int", { hint: "风险消除须收入持续稳定" }),
      field("$.status.original_risk_eliminated", "原有风险已稳定消除", "yesno"),
      field("$.status.new_risk", "出现新的风险", "yesno"),
      multi("$.status.measures_taken", "已落实帮扶措施", opts("measure"))),
    h("fieldset", { class: "grid2" }, h("legend", {}, "近 12 个月收入（元）"),
      incomeItems.map((it) => field(`$.incomes.${it.code}`, it.label, "money",
        { hint: it.excluded_from_dibao ? "计入家庭纯收入，不计入低保收入（五(十二)）" : `${it.kind}，计入家庭纯收入和低保收入` })),
      field("$.employment_costs", "必要的就业成本", "money", { hint: "交通、通讯、食宿等，计算低保收入时扣减" }),
      field("$.last_year_total_income", "上年度家庭总收入", "money", { hint: "与刚性支出比较，判断突发严重困难" })),
    h("fieldset", { class: "grid2" }, h("legend", {}, "近 12 个月刚性支出（元）"),
      h("p", { class: "hint wide" }, "医疗自付费用按成员在上方填写。"),
      field("$.expenses.education", "教育支出", "money"),
      field("$.expenses.disability_rehab", "残疾康复支出", "money"),
      field("$.expenses.disaster_loss", "自然灾害损失", "money"),
      field("$.expenses.accident_loss", "意外事故损失", "money")),
    h("fieldset", { class: "grid2" }, h("legend", {}, "家庭财产（低保财产状况）"),
      field("$.assets.deposits", "存款", "money"),
      field("$.assets.vehicles", "机动车辆数", "int"),
      field("$.assets.other_houses", "另有住房", "yesno"),
      field("$.assets.within_dibao_rules", "财产状况符合低保规定", "yesno", { hint: "由经办人按甘肃省低保财产规定认定" })),
    multi("$.risks", "申报的返贫致贫风险", opts("risk")),
  );
  root.replaceChildren(h("div", { class: "hh-layout" }, h("div", { class: "hh-form-col" }, skip, form), h("div", { class: "hh-result-col" }, out)));

  function memberFieldset(i) {
    const idField = field(`$.members[${i}].id_number`, "身份证号", "text", { hint: "18 位；输入后自动得出出生日期、性别和年龄" });
    const fs = h("fieldset", { class: "member grid3", "data-member": i },
      h("legend", {}, `成员 ${i + 1}`),
      field(`$.members[${i}].name`, "姓名", "text"),
      field(`$.members[${i}].relation`, "与户主关系", "choice", { options: opts("relation") }),
      idField,
      h("p", { class: "id-derived wide", "data-testid": `id-derived-${i}`, "aria-live": "polite" }),
      field(`$.members[${i}].birth_date`, "出生日期", "date"),
      field(`$.members[${i}].sex`, "性别", "choice", { options: opts("sex") }),
      field(`$.members[${i}].labour_capacity`, "劳动能力", "choice", { options: opts("labour_capacity"), hint: "全劳力、半劳力、弱劳力或无劳力" }),
      field(`$.members[${i}].has_disability`, "是否残疾", "yesno"),
      field(`$.members[${i}].disability.kind`, "残疾类别", "choice", { options: opts("disability_kind") }),
      field(`$.members[${i}].disability.grade`, "残疾等级", "grade", { hint: "一、二级为重度" }),
      field(`$.members[${i}].serious_illness`, "患重病（大病）", "yesno"),
      field(`$.members[${i}].chronic_illness`, "患慢性病", "yesno"),
      field(`$.members[${i}].schooling`, "在校情况", "choice", { options: opts("schooling") }),
      field(`$.members[${i}].out_of_school_reason`, "失学辍学原因", "choice", { options: opts("out_of_school_reason") }),
      field(`$.members[${i}].medical_insurance`, "参加城乡居民医保", "yesno"),
      field(`$.members[${i}].pension_insurance`, "参加城乡居民养老保险", "yesno"),
      field(`$.members[${i}].family_planning_two_certificates`, "计划生育“两证户”", "yesno"),
      field(`$.members[${i}].working_away`, "外出务工", "yesno"),
      field(`$.members[${i}].orphan`, "孤儿或事实无人抚养儿童", "yesno"),
      field(`$.members[${i}].supporter`, "法定赡养、抚养、扶养义务人", "choice", { options: opts("supporter"), hint: "特困认定用" }),
      field(`$.members[${i}].medical_out_of_pocket`, "医疗自付费用（近 12 个月，元）", "money"),
      h("div", { class: "member-actions wide" },
        h("button", { type: "button", class: "danger", onclick: () => removeMember(i), disabled: memberCount <= 1 }, `删除成员 ${i + 1}`)));
    return fs;
  }

  function renderMembers(state) {
    membersBox.replaceChildren(...Array.from({ length: memberCount }, (_, i) => memberFieldset(i)));
    writeFields(form, state);
    for (let i = 0; i < memberCount; i++) idAutoFill(i, false);
  }

  function addMember() {
    const state = getState();
    memberCount = Math.min(memberCount + 1, 30);
    renderMembers(state);
    refresh(true);
    form.querySelector(`[data-member="${memberCount - 1}"] input`)?.focus();
  }

  function removeMember(i) {
    const state = getState();
    state.members.splice(i, 1);
    memberCount = Math.max(1, memberCount - 1);
    renderMembers(state);
    refresh(true);
    addBtn.focus();
  }

  /** Checks the 身份证号 of member i with the engine and fills birth date and sex from it. */
  function idAutoFill(i, fill = true) {
    const idEl = form.querySelector(`[data-path="$.members[${i}].id_number"]`);
    const out = form.querySelector(`[data-testid="id-derived-${i}"]`);
    if (!idEl || !out) return;
    const raw = idEl.value.trim();
    if (raw === "") {
      setFieldMessage(idEl, null);
      out.textContent = "";
      return;
    }
    const r = engine.parseIdNumber(raw, form.querySelector('[data-path="$.assessment_date"]').value || null);
    if (!r.valid) {
      // Flag at once when the length is complete; while typing, just say how far along it is.
      const complete = [18, 20, 22].includes(raw.length);
      setFieldMessage(idEl, complete || raw.length > 22 ? r.error : null);
      out.textContent = complete ? "" : `已输入 ${raw.length} 位`;
      return;
    }
    setFieldMessage(idEl, null);
    if (fill) {
      form.querySelector(`[data-path="$.members[${i}].birth_date"]`).value = r.birth_date;
      form.querySelector(`[data-path="$.members[${i}].sex"]`).value = r.sex;
    }
    const sexLabel = (ch.sex ?? []).find((s) => s.code === r.sex)?.label ?? r.sex;
    out.textContent = `由身份证号得出：出生日期 ${r.birth_date}，${sexLabel}${r.age != null ? `，${r.age} 岁` : ""}`;
  }

  function getState() {
    const state = readFields(form, { schema: SCHEMA });
    state.members = Array.from({ length: memberCount }, (_, i) => state.members?.[i] ?? {});
    return state;
  }

  /** The case as evaluated: a 身份证号 the engine has already flagged is left out (unknown) so the
   *  other decisions stay visible while it is corrected. */
  function evaluationInput(state) {
    const input = structuredClone(state);
    const flagged = [];
    input.members.forEach((m, i) => {
      if (m.id_number && !engine.parseIdNumber(m.id_number, null).valid) {
        delete m.id_number;
        flagged.push(i + 1);
      }
    });
    return { input, flagged };
  }

  function setState(state) {
    if (!state || typeof state !== "object") throw Object.assign(new Error("案例为空"), { errors: [{ path: "$", message: "案例为空" }] });
    if (state.schema !== SCHEMA) {
      throw Object.assign(new Error("案例格式不符"), { errors: [{ path: "$.schema", message: `「格式版本」应为 ${SCHEMA}，收到 ${state.schema ?? "空"}` }] });
    }
    memberCount = Math.max(1, Math.min(30, Array.isArray(state.members) ? state.members.length : 1));
    writeFields(form, state);
    renderMembers(state);
    refresh(true);
  }

  function reset() {
    memberCount = 1;
    const blank = { schema: SCHEMA, assessment_date: new Date().toISOString().slice(0, 10), members: [{ relation: "head" }] };
    writeFields(form, blank);
    renderMembers(blank);
    refresh(true);
  }

  function refresh(force = false) {
    const state = getState();
    const { input, flagged } = evaluationInput(state);
    const options = ctx.optionsWith();
    const key = JSON.stringify([input, options]);
    if (key === lastKey && !force) return;
    lastKey = key;
    for (const el of form.querySelectorAll(".wanted")) el.classList.remove("wanted");
    for (const el of form.querySelectorAll("[aria-invalid][data-path]:not([data-path$='.id_number'])")) setFieldMessage(el, null);
    try {
      lastResult = engine.evaluateHousehold(input, options);
      out.replaceChildren(renderResult(lastResult, flagged));
      for (const m of lastResult.missing) fieldFor(form, m.path)?.classList.add("wanted");
    } catch (err) {
      lastResult = null;
      showEngineErrors(out, form, err);
    }
    ctx.changed(view);
  }

  /** Takes the user to a field the engine asked for. */
  function goTo(path) {
    let el = fieldFor(form, path);
    if (!el) return;
    if (el.tagName === "FIELDSET") el = el.querySelector("input");
    el.classList.add("wanted", "flash");
    el.scrollIntoView({ block: "center" });
    el.focus();
    setTimeout(() => el.classList.remove("flash"), 2000);
  }

  function renderResult(r, flagged) {
    return h("div", { class: "hh-result", "data-testid": "hh-result" },
      h("h3", {}, "核查结果"),
      h("dl", { class: "figures" },
        h("dt", {}, "家庭人口"), h("dd", {}, `${r.household_size} 人`),
        h("dt", {}, "家庭年人均纯收入（监测口径）"), h("dd", { "data-testid": "hh-per-capita-net" }, yuan(r.per_capita_net)),
        h("dt", {}, "低保计算人均收入"), h("dd", { "data-testid": "hh-per-capita-dibao" }, yuan(r.per_capita_dibao)),
        h("dt", {}, "刚性支出合计"), h("dd", {}, yuan(r.rigid_expenses)),
        h("dt", {}, "结果指纹"), h("dd", { "data-testid": "hh-fingerprint" }, r.fingerprint)),
      flagged.length ? h("p", { class: "warn", role: "note" }, `成员 ${flagged.join("、")} 的身份证号有误，暂按未填计算。`) : null,
      r.unverified.length ? h("p", { class: "warn", role: "note" }, `注意：本结果使用了未核实的参数：${r.unverified.join("、")}。`) : null,
      r.missing.length ? h("p", { class: "hint" }, `还有 ${r.missing.length} 项信息未填，相关结论为“无法判断”；表单中已用虚线框标出。`) : null,
      h("div", { class: "cards" }, r.decisions.map((d) => card(d))),
      r.ledger ? ledgerTable(r.ledger, "hh-ledger") : h("p", { class: "hint" }, "填写收入后显示收入明细。"));
  }

  function card(d) {
    const cls = { applies: "applies", does_not_apply: "not-applies", cannot_decide: "undecided" }[d.outcome];
    const who = d.members.filter((m) => m.outcome === "applies");
    return h("article", { class: `decision card ${cls}`, "data-measure": d.measure, "data-outcome": d.outcome, "aria-labelledby": `card-${d.measure}` },
      h("h4", { id: `card-${d.measure}` }, d.title, " ",
        h("span", { class: "badge", "data-testid": "outcome" }, OUTCOME[d.outcome] ?? d.outcome),
        d.category_label ? h("span", { class: "category" }, d.category_label) : null),
      who.length ? h("p", { class: "who", "data-testid": "who" }, "对象：",
        who.map((m) => `${m.name ?? `成员 ${m.index + 1}`}${m.grounds.length ? `（${m.grounds.join("；")}）` : ""}${m.amount ? ` ${yuan(m.amount)}` : ""}`).join("，")) : null,
      d.amount ? h("p", { class: "amount", "data-testid": "amount" }, `金额：${yuan(d.amount)}${d.amount_unit ? ` ${d.amount_unit}` : ""}`) : null,
      h("p", { class: "reason", "data-testid": "reason" }, d.reason),
      d.thresholds.map((t) => h("p", { class: "distance" }, t.explanation)),
      d.findings.length ? h("ul", { class: "findings" }, d.findings.map((f) =>
        h("li", { class: f.met === true ? "met" : f.met === false ? "unmet" : "unknown" },
          h("span", { class: "mark", "aria-hidden": "true" }, f.met === true ? "✓" : f.met === false ? "✗" : "?"),
          h("span", { class: "sr-only" }, f.met === true ? "符合：" : f.met === false ? "不符合：" : "未知："),
          `${f.label}${f.note ? `：${f.note}` : ""}`))) : null,
      d.figures.length ? h("dl", { class: "figures small" }, d.figures.flatMap((f) => [h("dt", {}, f.label), h("dd", {}, f.unit.startsWith("元") ? yuan(f.value) : `${f.value} ${f.unit}`)])) : null,
      d.missing.length ? h("div", { class: "missing", "data-testid": "missing" },
        d.outcome === "cannot_decide" ? "需补充才能判断：" : "补充后可更准确：",
        d.missing.map((m) => h("button", { type: "button", class: "link", "data-path": m.path, onclick: () => goTo(m.path) }, m.label))) : null,
      h("div", { class: "cites" }, citations(d.citations)));
  }

  form.addEventListener("input", (e) => {
    const path = e.target.dataset?.path ?? "";
    const m = path.match(/^\$\.members\[(\d+)\]\.id_number$/);
    if (m) idAutoFill(Number(m[1]));
    if (path === "$.assessment_date") for (let i = 0; i < memberCount; i++) idAutoFill(i, false);
    refresh();
  });
  form.addEventListener("change", () => refresh());

  const view = {
    id: "household",
    title: "农户核查",
    assessmentDate: () => form.querySelector('[data-path="$.assessment_date"]').value,
    getState,
    setState,
    reset,
    refresh: () => refresh(true),
    acceptsCase: (file) => file?.schema === SCHEMA,
    printModel() {
      const r = lastResult;
      if (!r) return null;
      const s = getState();
      const label = (key, code) => (ch[key] ?? []).find((c) => c.code === code)?.label ?? code ?? "未填";
      return {
        title: "农户政策核查表",
        date: r.assessment_date,
        summaryTitle: "家庭概况",
        summary: [
          ["户主", r.head_name ?? "未填"], ["所在村", r.village ?? "未填"],
          ["家庭人口", `${r.household_size} 人`], ["农户类型", label("household_type", s.household_type)],
          ["人均纯收入", yuan(r.per_capita_net)], ["低保计算人均收入", yuan(r.per_capita_dibao)],
          ["刚性支出合计", yuan(r.rigid_expenses)], ["住房 / 饮水", `${label("housing", s.housing)} / ${label("drinking_water", s.drinking_water)}`],
          ["成员", s.members.map((m, i) => `${m.name ?? `成员${i + 1}`}（${label("relation", m.relation)}${m.birth_date ? `，${m.birth_date}` : ""}）`).join("、")],
        ],
        decisions: r.decisions.map((d) => ({
          title: d.title,
          outcome: d.outcome,
          verdict: `${OUTCOME[d.outcome]}${d.category_label ? `（${d.category_label}）` : ""}${d.amount ? ` ${yuan(d.amount)}${d.amount_unit ?? ""}` : ""}`,
          who: d.members.filter((m) => m.outcome === "applies").map((m) => m.name ?? `成员${m.index + 1}`).join("、"),
          reason: d.reason + (d.outcome === "cannot_decide" && d.missing.length ? `（需补充：${d.missing.map((m) => m.label).join("、")}）` : ""),
          citations: d.citations,
        })),
        citeExcerpts: false,
        params_used: r.params_used,
        fingerprint: r.fingerprint,
      };
    },
  };
  return view;
}
