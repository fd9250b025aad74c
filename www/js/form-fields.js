// Building form fields that map one-to-one onto JSON paths of an engine input
// (`$.members[0].labour_capacity`), and reading them back. Empty means unknown: the field is left
// out of the input, and the engine says which decisions need it.
//
// HOUSEHOLD_FIELDS is the 农户核查 form as data: every field keyed by its path in
// jingning.household/1, with `when` (the field matters only then: the page shows it only then,
// or when the engine asks for it) and `none` (the value a cadre states by "其余未填……" for the
// section: 否 or 0). The view builds the form from it; no field is special-cased in DOM code.
import { h, errorList } from "./render.js";

let seq = 0;
const YESNO = [["true", "是"], ["false", "否"]];
const GRADES = [["1", "一级"], ["2", "二级"], ["3", "三级"], ["4", "四级"]];

/**
 * One labelled field. kind: text | date | money | net_money (may be negative) | int | yesno | choice | grade.
 * `options` are [code, label] pairs for choice; `hint` is a short explanation in the policy's terms.
 * `seg`: a yes/no or short choice as a row of buttons (one click, a large target on a phone)
 * instead of a drop-down; "未填" stays the first button, so unknown is always one click away.
 */
export function field(path, label, kind, { options = [], hint, wide = false, span = false, seg = false } = {}) {
  const id = `f${++seq}`;
  const hintId = hint ? `${id}-hint` : null;
  const msgId = `${id}-msg`;
  const describedBy = [hintId, msgId].filter(Boolean).join(" ");
  const common = { id, "data-path": path, "data-kind": kind, name: path, "aria-describedby": describedBy };
  const cls = `field${wide ? " wide" : ""}${span ? " span2" : ""}`;
  const opts = kind === "yesno" ? YESNO : kind === "grade" ? GRADES : options;
  if (seg && (kind === "yesno" || kind === "choice" || kind === "grade")) {
    const labelId = `${id}-label`;
    return h("div", { class: `${cls} seg-field` },
      h("span", { class: "seg-label", id: labelId }, label),
      h("div", { ...common, role: "radiogroup", "aria-labelledby": labelId, class: "seg", tabindex: "-1" },
        [["", "未填"], ...opts].map(([v, l]) => h("label", { class: v === "" ? "seg-unknown" : null },
          h("input", { type: "radio", name: `${path}#${id}`, value: v, checked: v === "" }), h("span", {}, l)))),
      hint ? h("small", { class: "hint", id: hintId }, hint) : null,
      h("small", { class: "field-msg", id: msgId }));
  }
  let control;
  if (kind === "yesno" || kind === "choice" || kind === "grade") {
    control = h("select", common, h("option", { value: "" }, "未填"), opts.map(([v, l]) => h("option", { value: v }, l)));
  } else {
    const type = kind === "date" ? "date" : "text";
    // A net amount may be a loss: the decimal keypad of a phone has no minus sign, so it gets the full one.
    const inputmode = kind === "money" ? "decimal" : kind === "int" ? "numeric" : null;
    control = h("input", { ...common, type, inputmode, autocomplete: "off", spellcheck: "false" });
  }
  return h("div", { class: cls },
    h("label", { for: id }, label),
    control,
    hint ? h("small", { class: "hint", id: hintId }, hint) : null,
    h("small", { class: "field-msg", id: msgId }));
}

/**
 * A group of checkboxes filling an array of codes; none checked = unknown (left out). A `none`
 * option (e.g. 已核实无风险) is an answer of its own: ticking it clears the others and ticking
 * another clears it, before the form reads the group (the engine refuses the two together).
 */
export function multi(path, legend, options, hint) {
  const exclusive = (e) => {
    const box = e.target;
    if (!box.checked || box.type !== "checkbox") return;
    for (const other of e.currentTarget.querySelectorAll("input:checked")) {
      if (other !== box && (box.value === "none" || other.value === "none")) other.checked = false;
    }
  };
  return h("fieldset", { class: "multi", "data-path": path, "data-kind": "multi", oninput: exclusive },
    h("legend", {}, legend),
    options.map(([v, l]) => h("label", { class: "check" }, h("input", { type: "checkbox", value: v, name: `${path}[]` }), l)),
    hint ? h("small", { class: "hint" }, hint) : null);
}

/** The raw text of a field (a select's, an input's, or a button row's checked value). */
export function fieldValue(el) {
  if (el.getAttribute("role") === "radiogroup") return el.querySelector("input:checked")?.value ?? "";
  return el.value;
}

/** Sets a field's raw text ("" = unknown). */
export function setFieldValue(el, v) {
  if (el.getAttribute("role") === "radiogroup") {
    for (const r of el.querySelectorAll("input")) r.checked = r.value === v;
    if (!el.querySelector("input:checked")) el.querySelector('input[value=""]').checked = true;
  } else {
    el.value = v;
  }
}

/** Whether a field is hidden because it does not matter for this household (see `when`). */
const isIrrelevant = (el) => Boolean(el.closest(".irrelevant"));

/**
 * A field's value as the case holds it (a 是/否 as a boolean, a whole number as a number, checked
 * codes as an array), or undefined when it is empty (unknown: left out of the case).
 */
export function controlValue(el) {
  const kind = el.dataset.kind;
  if (kind === "multi") {
    const codes = [...el.querySelectorAll("input:checked")].map((c) => c.value);
    return codes.length ? codes : undefined;
  }
  const raw = fieldValue(el).trim();
  if (raw === "") return undefined;
  return kind === "yesno" ? raw === "true" : kind === "int" || kind === "grade" ? (/^-?\d+$/.test(raw) ? Number(raw) : raw) : raw;
}

/** Reads every shown field under `root` into a fresh object, setting each non-empty one at its path. */
export function readFields(root, target = {}) {
  for (const el of root.querySelectorAll("[data-path][data-kind]")) {
    if (isIrrelevant(el)) continue;
    const v = controlValue(el);
    if (v !== undefined) setPath(target, el.dataset.path, v);
  }
  return target;
}

/** Puts the values of `source` back into the fields under `root` (absent → empty). */
export function writeFields(root, source) {
  for (const el of root.querySelectorAll("[data-path][data-kind]")) {
    const v = getPath(source, el.dataset.path);
    if (el.dataset.kind === "multi") {
      const set = new Set(Array.isArray(v) ? v : []);
      for (const c of el.querySelectorAll("input")) c.checked = set.has(c.value);
    } else {
      setFieldValue(el, v == null ? "" : String(v));
    }
  }
}

function tokens(path) {
  return [...path.replace(/^\$\.?/, "").matchAll(/([^.[\]]+)|\[(\d+)\]/g)].map((m) => (m[2] !== undefined ? Number(m[2]) : m[1]));
}

export function setPath(obj, path, value) {
  const ts = tokens(path);
  let cur = obj;
  ts.forEach((t, i) => {
    if (i === ts.length - 1) cur[t] = value;
    else cur = cur[t] ??= typeof ts[i + 1] === "number" ? [] : {};
  });
}

export function getPath(obj, path) {
  return tokens(path).reduce((cur, t) => (cur == null ? undefined : cur[t]), obj);
}

/** The field for an engine path: exact, else the first field under it (`$.incomes` → first income). */
export function fieldFor(root, path) {
  const all = [...root.querySelectorAll("[data-path]")];
  return all.find((el) => el.dataset.path === path)
    ?? all.find((el) => el.dataset.path.startsWith(path + ".") || el.dataset.path.startsWith(path + "["));
}

/** Shows (or clears) a message under a field and marks it invalid. */
export function setFieldMessage(el, message) {
  // The field's own root: the page, or the shadow root of the element it is in.
  const msg = el && el.getRootNode().getElementById?.(`${el.id}-msg`);
  if (!el) return;
  if (message) el.setAttribute("aria-invalid", "true");
  else el.removeAttribute("aria-invalid");
  if (msg) msg.textContent = message ?? "";
}

/** A thrown engine error: the full list in `out`, and each message beside the field it names. */
export function showEngineErrors(out, form, err) {
  out.replaceChildren(errorList(err));
  for (const e of err?.errors ?? []) setFieldMessage(fieldFor(form, e.path), e.message);
}

// ---------------------------------------------------------------------------------------------
// The 农户核查 form as data. Paths are those of jingning.household/1 (docs/household-case.md);
// `$.members[].x` is a member's field. `options` names a list of householdChoices(). `seg` shows
// the choice as buttons. `when` (relevance):
//   { field, is } / { field, in }  — another field has that value (details of a 是: shown once it
//                                    is chosen); a path without `$` is the member's own field;
//   { age: [min, max] }            — the member's age on the 核查日期 (from the 身份证号 or 出生日期);
//                                    an unknown age shows the field.
// A field the engine asks for is shown whatever its `when` says, so no question is ever hidden.
// `none`: what "其余未填……" states for the field (absent: the shortcut leaves it alone).

const MONITORED = { field: "$.status.monitored", is: true };

export const HOUSEHOLD_FIELDS = [
  {
    id: "basic", legend: "家庭基本情况", fields: [
      { path: "$.assessment_date", label: "核查日期", kind: "date", hint: "决定适用哪一年的参数，并据此计算年龄" },
      { path: "$.village", label: "所在村", kind: "text" },
      { path: "$.head_name", label: "户主姓名", kind: "text", hint: "不填则取关系为“户主”的成员姓名" },
      { path: "$.household_type", label: "农户类型", kind: "choice", options: "household_type", seg: true, hint: "脱贫户即原建档立卡贫困户" },
      { path: "$.housing", label: "住房安全", kind: "choice", options: "housing", seg: true, hint: "按住房安全性鉴定结果" },
      { path: "$.housing_support_received", label: "享受过农村住房保障（危房改造等）", kind: "yesno", seg: true,
        hint: "未享受过的脱贫户住C、D级危房属危房改造重点对象", when: { field: "$.housing", in: ["grade_c", "grade_d"] } },
      { path: "$.drinking_water", label: "饮水安全", kind: "choice", options: "drinking_water", seg: true },
      { path: "$.food_clothing_secure", label: "不愁吃、不愁穿", kind: "yesno", seg: true, hint: "“两不愁”是否稳定实现" },
    ],
  },
  {
    id: "member", legend: "家庭成员", member: true, noneLabel: "其余未填：均为“否”、医疗自付费用为 0", fields: [
      { path: "$.members[].name", label: "姓名", kind: "text" },
      { path: "$.members[].relation", label: "与户主关系", kind: "choice", options: "relation" },
      { path: "$.members[].id_number", label: "身份证号", kind: "text", span: true, hint: "18 位；输入后自动得出出生日期、性别和年龄" },
      { path: "$.members[].birth_date", label: "出生日期", kind: "date" },
      { path: "$.members[].sex", label: "性别", kind: "choice", options: "sex", seg: true },
      { path: "$.members[].labour_capacity", label: "劳动能力", kind: "choice", options: "labour_capacity", seg: true, span: true },
      { path: "$.members[].has_disability", label: "是否残疾", kind: "yesno", seg: true, none: "false" },
      { path: "$.members[].disability.kind", label: "残疾类别", kind: "choice", options: "disability_kind", when: { field: "has_disability", is: true } },
      { path: "$.members[].disability.grade", label: "残疾等级", kind: "grade", seg: true, hint: "一、二级为重度", when: { field: "has_disability", is: true } },
      { path: "$.members[].serious_illness", label: "患重病（大病）", kind: "yesno", seg: true, none: "false" },
      { path: "$.members[].chronic_illness", label: "患慢性病", kind: "yesno", seg: true, none: "false" },
      { path: "$.members[].schooling", label: "在校情况", kind: "choice", options: "schooling", when: { age: [3, 24] } },
      { path: "$.members[].out_of_school_reason", label: "失学辍学原因", kind: "choice", options: "out_of_school_reason", when: { field: "schooling", in: ["out_of_school"] } },
      { path: "$.members[].medical_insurance", label: "参加城乡居民医保", kind: "yesno", seg: true },
      { path: "$.members[].pension_insurance", label: "参加城乡居民养老保险", kind: "yesno", seg: true, when: { age: [16, 200] } },
      { path: "$.members[].family_planning_two_certificates", label: "计划生育“两证户”", kind: "yesno", seg: true, none: "false" },
      { path: "$.members[].working_away", label: "外出务工", kind: "yesno", seg: true, none: "false", when: { age: [16, 200] } },
      { path: "$.members[].orphan", label: "孤儿或事实无人抚养儿童", kind: "yesno", seg: true, none: "false", when: { age: [0, 17] } },
      { path: "$.members[].supporter", label: "法定义务人情况", kind: "choice", options: "supporter", hint: "特困认定用" },
      { path: "$.members[].medical_out_of_pocket", label: "医疗自付费用（近 12 个月，元）", kind: "money", none: "0" },
      // Only a person without an able supporter can be 特困: the field is asked then (or when the engine asks).
      { path: "$.members[].own_income", label: "本人年收入（元）", kind: "money", hint: "特困“无生活来源”看本人收入；不含基础养老金、社会保险、优待抚恤金、高龄津贴",
        when: { field: "supporter", in: ["none", "unable"] } },
    ],
  },
  {
    id: "status", legend: "当前身份", noneLabel: "其余未填的身份均为“否”", fields: [
      { path: "$.status.dibao", label: "低保户", kind: "yesno", seg: true, none: "false" },
      { path: "$.status.dibao_class", label: "低保类别", kind: "choice", options: "dibao_class", seg: true, when: { field: "$.status.dibao", is: true } },
      { path: "$.status.tekun", label: "特困供养户", kind: "yesno", seg: true, none: "false" },
      { path: "$.status.tekun_dispersed", label: "分散供养", kind: "yesno", seg: true, when: { field: "$.status.tekun", is: true } },
      { path: "$.status.monitored", label: "监测对象", kind: "yesno", seg: true, none: "false", hint: "已纳入防止返贫动态监测" },
      { path: "$.status.monitored_since", label: "纳入监测日期", kind: "date", when: MONITORED },
      { path: "$.status.monitoring_type", label: "监测对象类型", kind: "choice", options: "monitoring_type", when: MONITORED },
      { path: "$.status.returned_to_poverty", label: "返贫致贫人口", kind: "yesno", seg: true, none: "false" },
      { path: "$.status.relocated", label: "易地扶贫搬迁户", kind: "yesno", seg: true, none: "false", hint: "易地扶贫搬迁安置的农户（集中或分散安置）" },
      { path: "$.status.income_stable_months", label: "收入持续稳定月数", kind: "int", hint: "风险消除须收入持续稳定", when: MONITORED },
      { path: "$.status.original_risk_eliminated", label: "原有风险已稳定消除", kind: "yesno", seg: true, when: MONITORED },
      { path: "$.status.new_risk", label: "出现新的风险", kind: "yesno", seg: true, when: MONITORED },
      { path: "$.status.measures_taken", label: "已落实帮扶措施", kind: "multi", options: "measure", when: MONITORED },
    ],
  },
  {
    id: "incomes", legend: "近 12 个月收入（元）", noneLabel: "其余未填的收入均为 0", fields: [
      // One field per income item of the engine (incomeItems()), `$.incomes.<code>`.
      { path: "$.incomes.*", kind: "money", each: "income_items", none: "0" },
      { path: "$.employment_costs", label: "必要的就业成本", kind: "money", none: "0", hint: "交通、通讯、食宿等，计算低保收入时扣减" },
      { path: "$.last_year_total_income", label: "上年度家庭总收入", kind: "money", hint: "与医疗自付费用比较（单人户施保）" },
      { path: "$.last_year_net_income", label: "上年度家庭纯收入", kind: "net_money", hint: "与本年纯收入比较，判断收入是否大幅缩减（突发严重困难）" },
    ],
  },
  {
    id: "expenses", legend: "近 12 个月刚性支出（元）", noneLabel: "其余未填的支出均为 0", note: "医疗自付费用按成员在上方填写。", fields: [
      { path: "$.expenses.education", label: "教育支出", kind: "money", none: "0" },
      { path: "$.expenses.disability_rehab", label: "残疾康复支出", kind: "money", none: "0" },
      { path: "$.expenses.disaster_loss", label: "自然灾害损失", kind: "money", none: "0" },
      { path: "$.expenses.accident_loss", label: "意外事故损失", kind: "money", none: "0" },
    ],
  },
  {
    id: "assets", legend: "家庭财产（低保财产状况）", noneLabel: "其余未填：无存款、车辆和另有住房", fields: [
      { path: "$.assets.deposits", label: "存款及金融资产", kind: "money", none: "0" },
      { path: "$.assets.vehicles", label: "机动车辆数", kind: "int", none: "0" },
      { path: "$.assets.other_houses", label: "另有商品房/非必需住房", kind: "yesno", seg: true, none: "false" },
      { path: "$.assets.within_dibao_rules", label: "财产状况符合低保规定", kind: "yesno", seg: true, hint: "由经办人按甘肃省低保财产规定认定" },
    ],
  },
  {
    id: "risks", legend: "申报的返贫致贫风险", fields: [
      { path: "$.risks", label: "申报的返贫致贫风险", kind: "multi", options: "risk",
        hint: "入户核实后确无风险的，选“已核实无风险”（不与风险类型同选）；都不选表示尚未核实" },
    ],
  },
];

/** A member field's path for member i (`$.members[].x` → `$.members[2].x`). */
export const memberPath = (path, i) => path.replace("$.members[]", `$.members[${i}]`);

/**
 * Whether a field matters for this household: its `when` holds for `state` (the case as read),
 * member `i` (member fields), whose age on the 核查日期 is `age` (null if unknown).
 */
export function relevant(when, state, i, age) {
  if (!when) return true;
  if (when.age) return age == null || (age >= when.age[0] && age <= when.age[1]);
  const path = when.field.startsWith("$") ? when.field : `$.members[${i}].${when.field}`;
  const v = getPath(state, path);
  if ("is" in when) return v === when.is;
  if ("in" in when) return when.in.includes(v);
  return true;
}
