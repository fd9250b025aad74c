// The 农户核查 view: a household form in the case format's own terms (jingning.household/1, the
// fields listed as data in form-fields.js) and, as fields change, a verdict strip (one line per
// measure) above one card per measure from evaluateHousehold. The page decides nothing: outcomes
// and their labels, amounts, reasons, clauses, missing inputs and the ledger are the engine's.
import { h, morph, yuan, yuanOrValue, citations } from "./render.js";
import { field, multi, readFields, writeFields, fieldFor, fieldValue, setFieldValue, setFieldMessage, showEngineErrors, HOUSEHOLD_FIELDS, memberPath, relevant, controlValue, setPath } from "./form-fields.js";
import { ledgerTable } from "./dibao-quick.js";
import { localDate } from "./local-date.js";
import { recentCases, rememberCase, forgetCase, forgetAll } from "./recent.js";

export const SCHEMA = "jingning.household/1";

export function createHouseholdView(engine, root, ctx) {
  const ch = engine.householdChoices();
  const opts = (key) => (ch[key] ?? []).map((c) => [c.code, c.label]);
  // The engine's words for its outcomes (符合 / 不符合 / 需补充 …): never relabelled here.
  const outcomeLabel = (code) => (ch.outcome ?? []).find((o) => o.code === code)?.label ?? code;
  const incomeItems = engine.incomeItems();
  let memberCount = 1;
  let lastResult = null;
  let lastError = null;
  let lastOptions = null;
  let lastKey = null;
  let lastVerdicts = null;
  let lastStripKey = null;
  let lastState = null; // the case as read and evaluated by the last update
  let shown = null; // the result on screen, kept to update it in place (showResult)
  let caseId = newCaseId();
  let rememberTimer = 0; // a pending keep of the recent list (rememberSoon)

  const form = h("form", { class: "household", id: "hh-form", novalidate: true, "aria-label": "农户信息" });
  const membersBox = h("div", { id: "hh-members" });
  const addBtn = h("button", { type: "button", class: "add-member", onclick: () => addMember() }, "＋ 添加成员");
  const strip = h("nav", { id: "hh-verdicts", class: "verdicts", "aria-label": "结论一览", tabindex: "-1" });
  const out = h("div", { id: "hh-result" });
  // Only the strip's changes are announced (politely): the rest of the result is redrawn as the
  // user types and would drown a screen reader.
  const announce = h("p", { id: "hh-announce", class: "sr-only", role: "status", "aria-live": "polite" });
  const phoneBar = h("a", { href: "#hh-verdicts", class: "phone-bar", "data-testid": "phone-bar", "aria-label": "结论计数，点按查看结论一览" });
  const recentBox = h("details", { class: "recent", id: "hh-recent" });
  const toStrip = (e) => {
    e.preventDefault();
    strip.scrollIntoView({ block: "start" });
    strip.focus();
  };
  phoneBar.addEventListener("click", toStrip);
  // One listener for the strip's links (not one per link), so the strip can be updated in place.
  strip.addEventListener("click", (e) => {
    const link = e.target.closest("a.verdict[data-measure]");
    if (!link) return;
    e.preventDefault();
    goToCard(link.dataset.measure);
  });
  const skip = h("a", { href: "#hh-verdicts", class: "to-results", onclick: toStrip }, "跳到核查结果");

  const sectionFor = (id) => HOUSEHOLD_FIELDS.find((s) => s.id === id);

  /** The fields of a section (member sections for member i), built from the data list. */
  function buildFields(section, i = null) {
    return section.fields.flatMap((f) => {
      if (f.each === "income_items") {
        return incomeItems.map((it) => tagged(field(`$.incomes.${it.code}`, it.label, it.may_be_negative ? "net_money" : "money",
          { hint: it.excluded_from_dibao ? "计入家庭纯收入，不计入低保收入（五(十二)）"
            : `${it.kind}，计入家庭纯收入和低保收入${it.may_be_negative ? "；亏损填负数（如 -3000）" : ""}` }), f));
      }
      const path = i === null ? f.path : memberPath(f.path, i);
      const el = f.kind === "multi" ? multi(path, f.label, opts(f.options), f.hint)
        : field(path, f.label, f.kind, { options: f.options ? opts(f.options) : [], hint: f.hint, span: f.span, seg: f.seg });
      const extra = f.path === "$.members[].id_number" ? [h("p", { class: "id-derived wide", "data-testid": `id-derived-${i}` })] : [];
      return [tagged(el, f), ...extra];
    });
  }

  /** Marks a field's box with what the list says about it (relevance, the "none" value). */
  function tagged(el, f) {
    if (f.when) el.dataset.when = JSON.stringify(f.when);
    const control = el.matches("[data-path]") ? el : el.querySelector("[data-path]");
    if (f.none !== undefined) control.dataset.none = f.none;
    return el;
  }

  /** "其余未填……": states 否 / 0 for every empty, shown field of the section that has a `none`. */
  function noneButton(section, scope) {
    return h("button", { type: "button", class: "none-rest wide", onclick: () => {
      for (const el of scope().querySelectorAll("[data-none]")) {
        if (el.closest(".irrelevant") || fieldValue(el).trim() !== "") continue;
        setFieldValue(el, el.dataset.none);
      }
      refresh();
    } }, section.noneLabel);
  }

  const sections = HOUSEHOLD_FIELDS.filter((s) => !s.member).map((s) => {
    if (s.id === "risks") return buildFields(s)[0];
    const fs = h("fieldset", { class: "grid2", "data-section": s.id }, h("legend", {}, s.legend),
      s.note ? h("p", { class: "hint wide" }, s.note) : null, buildFields(s));
    if (s.noneLabel) fs.append(noneButton(s, () => fs));
    return fs;
  });
  const [basic, ...rest] = sections;
  form.append(basic, h("fieldset", { "data-section": "members" }, h("legend", {}, "家庭成员"), membersBox, addBtn), ...rest);

  const nextBtn = h("button", { type: "button", id: "hh-next", onclick: () => nextHousehold() }, "新建下一户");
  const tools = h("div", { class: "hh-tools" }, nextBtn, recentBox);
  root.replaceChildren(
    h("div", { class: "hh-layout" },
      h("div", { class: "hh-form-col" }, skip, tools, form),
      h("div", { class: "hh-result-col" }, strip, out)),
    announce, phoneBar);

  function memberFieldset(i) {
    const s = sectionFor("member");
    const fs = h("fieldset", { class: "member grid3", "data-member": i },
      h("legend", {}, `成员 ${i + 1}`),
      buildFields(s, i));
    fs.append(noneButton(s, () => fs), h("div", { class: "member-actions wide" },
      h("button", { type: "button", class: "danger", onclick: () => removeMember(i), disabled: memberCount <= 1 }, `删除成员 ${i + 1}`)));
    return fs;
  }

  function renderMembers(state) {
    membersBox.replaceChildren(...Array.from({ length: memberCount }, (_, i) => memberFieldset(i)));
    fieldList = null;
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

  const fieldAt = (path) => form.querySelector(`[data-path="${path}"]`);
  const assessmentDate = () => fieldAt("$.assessment_date").value;

  /** Checks the 身份证号 of member i with the engine and fills birth date and sex from it. */
  function idAutoFill(i, fill = true) {
    const idEl = fieldAt(`$.members[${i}].id_number`);
    const info = form.querySelector(`[data-testid="id-derived-${i}"]`);
    if (!idEl || !info) return;
    const raw = idEl.value.trim();
    if (raw === "") {
      setFieldMessage(idEl, null);
      info.textContent = "";
      return;
    }
    const r = engine.parseIdNumber(raw, assessmentDate() || null);
    if (!r.valid) {
      // Flag at once when the length is complete; while typing, just say how far along it is.
      const complete = [18, 20, 22].includes(raw.length);
      setFieldMessage(idEl, complete || raw.length > 22 ? r.error : null);
      info.textContent = complete ? "" : `已输入 ${raw.length} 位`;
      return;
    }
    setFieldMessage(idEl, null);
    if (fill) {
      fieldAt(`$.members[${i}].birth_date`).value = r.birth_date;
      setFieldValue(fieldAt(`$.members[${i}].sex`), r.sex);
    }
    const sexLabel = (ch.sex ?? []).find((s) => s.code === r.sex)?.label ?? r.sex;
    info.textContent = `由身份证号得出：出生日期 ${r.birth_date}，${sexLabel}${r.age != null ? `，${r.age} 岁` : ""}`;
  }

  // The form's fields, listed once per build of the form (renderMembers rebuilds the members'
  // fieldsets and drops the list): an update reads every field in one pass over this list and
  // applies relevance from it, instead of querying the form again for each step.
  let fieldList = null;
  function fields() {
    fieldList ??= [...form.querySelectorAll("[data-path][data-kind]")].map((el) => {
      const box = el.closest("[data-when]");
      const m = el.dataset.path.match(/^\$\.members\[(\d+)\]/);
      return { el, path: el.dataset.path, box, when: box ? JSON.parse(box.dataset.when) : null, member: m ? Number(m[1]) : null, value: undefined };
    });
    return fieldList;
  }

  /** Reads every field, shown or not, once: each field's value is kept, and the whole form returned (relevance reads it). */
  function readAll() {
    const all = { schema: SCHEMA };
    for (const f of fields()) {
      f.value = controlValue(f.el);
      if (f.value !== undefined) setPath(all, f.path, f.value);
    }
    return all;
  }

  /** The case from the values readAll kept: the shown fields only (what getState reads from the form). */
  function stateFromRead() {
    const state = { schema: SCHEMA };
    for (const f of fields()) {
      if (f.value !== undefined && !f.box?.classList.contains("irrelevant")) setPath(state, f.path, f.value);
    }
    return completeState(state);
  }

  /** A member's age on the 核查日期, from the 出生日期 (itself filled from the 身份证号); null if unknown. */
  function memberAge(all, i) {
    const birth = all.members?.[i]?.birth_date;
    const on = all.assessment_date;
    if (!/^\d{4}-\d{2}-\d{2}$/.test(birth ?? "") || !/^\d{4}-\d{2}-\d{2}$/.test(on ?? "")) return null;
    const [by, bm, bd] = birth.split("-").map(Number);
    const [y, m, d] = on.split("-").map(Number);
    const age = y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
    return age >= 0 ? age : null;
  }

  /**
   * Shows the fields that matter (their `when` holds for `all`, the form as readAll read it, or
   * the engine asked for them, or they hold a value the user entered while they mattered) and
   * hides the rest, which are then not read. Only the boxes whose state changes are touched.
   */
  function applyRelevance(asked, all) {
    const ages = new Map(); // each member's age, worked out once per pass
    const ageOf = (i) => (ages.has(i) ? ages.get(i) : ages.set(i, memberAge(all, i)).get(i));
    for (const f of fields()) {
      const box = f.box;
      if (!box) continue;
      // Asked for by the engine (the path or an object above it, like `$.members[2].disability`),
      // or asked before and answered since: shown, or the answer would drop and be asked again.
      let askedNow = false;
      for (const a of asked) {
        if (f.path === a || f.path.startsWith(`${a}.`)) {
          askedNow = true;
          break;
        }
      }
      const answered = box.dataset.asked === "true" && f.value !== undefined;
      const wasAsked = String(askedNow || answered);
      if (box.dataset.asked !== wasAsked) box.dataset.asked = wasAsked;
      const show = relevant(f.when, all, f.member, f.member === null || !f.when.age ? null : ageOf(f.member)) || askedNow || answered;
      if (box.classList.contains("irrelevant") === show) box.classList.toggle("irrelevant", !show);
      if (box.hidden === show) box.hidden = !show;
    }
  }

  function getState() {
    return completeState(readFields(form, { schema: SCHEMA }));
  }

  /** The case as read, completed: one entry per member, and the 户主姓名 from the 户主 when none is typed. */
  function completeState(state) {
    state.members = Array.from({ length: memberCount }, (_, i) => state.members?.[i] ?? {});
    // Without a 户主姓名 typed, the 户主 member's name: in the case itself, so a saved file and
    // the command line give the same result and fingerprint as the page.
    const head = state.members.find((m) => m.relation === "head");
    if (!state.head_name && head?.name) state.head_name = head.name;
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
    forgetShown();
    refresh(true);
  }

  /** An empty household; `keep` carries the 核查日期 and 所在村 over (新建下一户). */
  function blank(keep = {}) {
    return { schema: SCHEMA, assessment_date: keep.assessment_date || localDate(), village: keep.village, members: [{ relation: "head" }] };
  }

  function reset() {
    clearTimeout(rememberTimer);
    rememberTimer = 0;
    memberCount = 1;
    caseId = newCaseId();
    const b = blank();
    writeFields(form, b);
    renderMembers(b);
    forgetShown();
    refresh(true);
    renderRecent();
  }

  /** 新建下一户: the current household stays in the recent list; the date and village carry over. */
  function nextHousehold() {
    const s = getState();
    remember();
    memberCount = 1;
    caseId = newCaseId();
    const b = blank({ assessment_date: s.assessment_date, village: s.village });
    writeFields(form, b);
    renderMembers(b);
    forgetShown();
    refresh(true);
    ctx.toast?.(`已开始下一户（核查日期 ${b.assessment_date}${b.village ? `，${b.village}` : ""}）。上一户在“最近的户”中。`);
    fieldAt("$.members[0].name").focus();
  }

  /** Keeps the household in this browser's recent list once it names someone. */
  // The recent list is kept once typing pauses (like the page's drafts): storing it and redrawing
  // the list on every keystroke cost more than the evaluation. Kept at once when the page is hidden
  // or left; a pending keep is dropped by reset() (which 清除本机数据 calls first).
  function rememberSoon() {
    clearTimeout(rememberTimer);
    rememberTimer = setTimeout(remember, 400);
  }
  addEventListener("pagehide", () => rememberTimer && remember());
  document.addEventListener("visibilitychange", () => document.visibilityState === "hidden" && rememberTimer && remember());

  function remember() {
    clearTimeout(rememberTimer);
    rememberTimer = 0;
    // A portal's element keeps nothing in its host page's storage (ctx.remember false).
    if (ctx.remember === false) return;
    const s = getState();
    const name = s.head_name ?? s.members.find((m) => m.relation === "head")?.name ?? s.members[0]?.name;
    if (!name) return;
    rememberCase({ id: caseId, name, village: s.village ?? "", date: s.assessment_date ?? "", fingerprint: lastResult?.fingerprint ?? "", members: s.members.length, data: s });
    renderRecent();
  }

  function renderRecent() {
    const list = ctx.remember === false ? [] : recentCases();
    recentBox.hidden = list.length === 0;
    recentBox.replaceChildren(h("summary", {}, `最近的户（${list.length}，仅保存在本浏览器）`),
      h("ul", { "data-testid": "recent-list" }, list.map((r) => h("li", {},
        h("button", { type: "button", class: "link", onclick: () => reopen(r) },
          `${r.name}${r.village ? `（${r.village}）` : ""} · ${r.members} 人 · ${r.date}`),
        r.fingerprint ? h("small", { class: "hint" }, ` 指纹 ${r.fingerprint}`) : null,
        " ",
        h("button", { type: "button", class: "link", "aria-label": `从列表中删去 ${r.name}`, onclick: () => { forgetCase(r.id); renderRecent(); } }, "删去")))),
      h("p", { class: "hint" }, "“清除本机数据”会删除此列表。"));
  }

  function reopen(r) {
    remember();
    caseId = r.id;
    setState(r.data);
    ctx.toast?.(`已打开 ${r.name} 户。`);
  }

  /** Another household is shown (opened, new, cleared): its verdicts are not changes, its cards are built afresh. */
  function forgetShown() {
    lastVerdicts = null;
    lastStripKey = null;
    shown = null;
  }

  function refresh(force = false) {
    performance.mark("jn-refresh");
    // The form is read once per update: every field in one pass (relevance needs the hidden ones
    // too), and the case taken from the same reading.
    const all = readAll();
    const askedBefore = new Set(lastResult?.missing.map((m) => m.path) ?? []);
    applyRelevance(askedBefore, all);
    const state = stateFromRead();
    const { input, flagged } = evaluationInput(state);
    const options = ctx.optionsWith();
    const key = JSON.stringify([input, options]);
    lastState = state;
    if (key === lastKey && !force) return;
    lastKey = key;
    for (const el of form.querySelectorAll("[aria-invalid][data-path]:not([data-path$='.id_number'])")) setFieldMessage(el, null);
    try {
      // The page renders every text inline, so it asks for the full result (API users get the
      // compact one by default: docs/household-case.md “精简结果”).
      lastResult = engine.evaluateHousehold(input, { ...options, detail: "full" });
      lastError = null;
      // A question the engine asks is never hidden (its answer is empty, so the case is unchanged).
      // Relevance is applied again only when the questions asked changed.
      const asked = new Set(lastResult.missing.map((m) => m.path));
      if (asked.size !== askedBefore.size || [...asked].some((p) => !askedBefore.has(p))) applyRelevance(asked, all);
      showResult(lastResult, flagged);
      renderStrip(lastResult);
      markWanted(lastResult.missing);
    } catch (err) {
      lastResult = null;
      lastError = err;
      markWanted([]);
      shown = null;
      showEngineErrors(out, form, err);
      lastStripKey = null;
      strip.replaceChildren(h("p", { class: "hint" }, "输入有误，改正后显示结论。"));
    }
    lastOptions = options;
    if (lastResult && state.members.some((m) => m.name)) rememberSoon();
    ctx.changed(view);
    // Timings read by tests/e2e/page-perf.spec.mjs (reported, never asserted): the first verdicts
    // after load, and each update from reading the form to the verdicts shown.
    if (lastResult && !performance.getEntriesByName("jn-first-verdicts").length) performance.mark("jn-first-verdicts");
    performance.measure("jn-update", "jn-refresh");
  }

  /** Outlines the fields the engine asked for (dashed), and only those; unchanged fields are not touched. */
  function markWanted(missing) {
    const byPath = new Map();
    for (const f of fields()) if (!byPath.has(f.path)) byPath.set(f.path, f.el);
    // The field of a path, or the first field under it (`$.incomes` → the first income), as fieldFor finds it.
    const under = (path) => fields().find((f) => f.path.startsWith(`${path}.`) || f.path.startsWith(`${path}[`))?.el;
    const wanted = new Set(missing.map((m) => byPath.get(m.path) ?? under(m.path)).filter(Boolean));
    for (const el of form.querySelectorAll(".wanted")) if (!wanted.has(el)) el.classList.remove("wanted");
    for (const el of wanted) el.classList.add("wanted");
  }

  /** Takes the user to a field the engine asked for. */
  function goTo(path) {
    let el = fieldFor(form, path);
    if (!el) return;
    el.closest("[data-when]")?.removeAttribute("hidden");
    if (el.tagName === "FIELDSET" || el.getAttribute("role") === "radiogroup") el = el.querySelector("input:checked") ?? el.querySelector("input");
    el.classList.add("wanted", "flash");
    el.scrollIntoView({ block: "center" });
    el.focus();
    setTimeout(() => el.classList.remove("flash"), 2000);
  }

  /** Takes the user to a measure's card. */
  function goToCard(measure) {
    const card = out.querySelector(`article.card[data-measure="${measure}"]`);
    if (!card) return;
    card.scrollIntoView({ block: "start" });
    card.focus();
    card.classList.add("flash");
    setTimeout(() => card.classList.remove("flash"), 1500);
  }

  /** One line per measure, the engine's outcome label; the phone bar counts them and says what changed. */
  function renderStrip(r) {
    const before = lastVerdicts;
    const verdicts = new Map(r.decisions.map((d) => [d.measure, d.outcome]));
    const changed = before ? r.decisions.filter((d) => before.get(d.measure) !== d.outcome) : [];
    // Redrawn only when what it shows changes (most keystrokes change no verdict).
    const stripKey = JSON.stringify([r.decisions.map((d) => [d.measure, d.title, d.outcome, d.category_label, Boolean(provisionalOf(d.measure))]), changed.map((d) => d.measure)]);
    lastVerdicts = verdicts;
    if (stripKey === lastStripKey) {
      phoneBar.classList.remove("flash", "again");
      return;
    }
    lastStripKey = stripKey;
    const counts = new Map();
    for (const d of r.decisions) counts.set(d.outcome, (counts.get(d.outcome) ?? 0) + 1);
    const countText = [...counts].map(([o, n]) => `${outcomeLabel(o)} ${n}`).join(" · ");
    // Updated in place (morph): a verdict that changed again while still flashing switches to the
    // flash's second copy (style.css), which starts it again.
    const flashing = (measure) => strip.querySelector(`a.verdict.changed[data-measure="${measure}"]`);
    const flashClass = (d) => {
      if (!changed.includes(d)) return "";
      const now = flashing(d.measure);
      return now && !now.classList.contains("again") ? " changed again" : " changed";
    };
    const next = strip.cloneNode(false);
    next.append(
      h("h3", { class: "strip-title" }, "结论一览 ", h("span", { class: "strip-counts", "data-testid": "verdict-counts" }, countText)),
      h("ol", { "data-testid": "verdicts" }, r.decisions.map((d) => h("li", {},
        h("a", { href: `#card-${d.measure}`, class: `verdict outcome-${d.outcome}${flashClass(d)}`, "data-measure": d.measure },
          h("span", { class: "verdict-title" }, d.title),
          h("span", { class: "badge" }, outcomeLabel(d.outcome)),
          d.outcome === "applies" && d.category_label ? h("span", { class: "category" }, d.category_label) : null,
          provisionalOf(d.measure) ? h("span", { class: "provisional-mark", title: "用到未核实的参数" }, "暂定") : null)))));
    morph(strip, next);
    const change = changed.map((d) => `${d.title}：${outcomeLabel(before.get(d.measure))} → ${outcomeLabel(d.outcome)}`).join("；");
    phoneBar.replaceChildren(...[h("span", { class: "phone-counts" }, countText), change ? h("span", { class: "phone-change" }, change) : null].filter(Boolean));
    if (change) {
      // Restart the flash for this change by switching between two copies of the animation
      // (style.css): removing the class and reading a layout property to restart it forced a
      // layout of the whole page in the middle of the keystroke.
      if (phoneBar.classList.contains("flash")) phoneBar.classList.toggle("again");
      else phoneBar.classList.add("flash");
      announce.textContent = `结论变化：${change}`;
    } else {
      phoneBar.classList.remove("flash", "again");
    }
  }

  const provisionalOf = (measure) => lastResult?.provisional?.find((p) => p.measure === measure) ?? null;
  const localFiguresOf = (measure) => lastResult?.local_figures?.find((p) => p.measure === measure) ?? null;

  /**
   * Shows a result, updating what is on screen in place (render.js `morph`: only the texts and
   * attributes that differ are changed, so the browser lays out and paints only those). Each
   * measure's card is looked at only when its content changed (a cheap key: the decision's JSON
   * and what else the card shows); an unchanged card is left alone. A checklist the user opened
   * stays open either way. The figures above the cards change with nearly every keystroke.
   */
  function showResult(r, flagged) {
    if (!shown || shown.root.parentNode !== out) {
      const summary = h("div", { class: "hh-summary" });
      const cards = h("div", { class: "cards" });
      const ledger = h("p");
      shown = { root: h("div", { class: "hh-result", "data-testid": "hh-result" }, h("h3", {}, "核查结果"), summary, cards, ledger), summary, cards, ledger, byMeasure: new Map(), ledgerKey: undefined };
      out.replaceChildren(shown.root);
    }
    const missingPeople = r.missing.length;
    morph(shown.summary, h("div", { class: "hh-summary" },
      h("dl", { class: "figures" },
        h("dt", {}, "家庭人口"), h("dd", {}, `${r.household_size} 人`),
        h("dt", {}, "家庭年人均纯收入（监测口径）"), h("dd", { "data-testid": "hh-per-capita-net" }, yuan(r.per_capita_net)),
        h("dt", {}, "低保计算人均收入"), h("dd", { "data-testid": "hh-per-capita-dibao" }, yuan(r.per_capita_dibao)),
        h("dt", {}, "刚性支出合计"), h("dd", {}, yuan(r.rigid_expenses)),
        h("dt", {}, "结果指纹"), h("dd", { "data-testid": "hh-fingerprint" }, r.fingerprint)),
      flagged.length ? h("p", { class: "warn", role: "note" }, `成员 ${flagged.join("、")} 的身份证号有误，暂按未填计算。`) : null,
      r.unverified.length ? h("p", { class: "warn", role: "note" }, `注意：本结果使用了未核实的参数：${r.unverified.join("、")}。`) : null,
      missingPeople ? h("p", { class: "hint" }, `还有 ${missingPeople} 项信息未填（${r.missing.map((m) => m.label).join("、")}），相关结论为“${outcomeLabel("cannot_decide")}”；表单中已用虚线框标出。`) : null));

    const kept = new Map();
    let at = shown.cards.firstElementChild;
    for (const d of r.decisions) {
      const key = JSON.stringify([d, provisionalOf(d.measure), localFiguresOf(d.measure), Boolean(ctx.openParam)]);
      const old = shown.byMeasure.get(d.measure);
      const el = !old ? card(d) : old.key === key ? old.el : morph(old.el, card(d, Boolean(old.el.querySelector("details[data-testid=member-conditions][open]"))));
      kept.set(d.measure, { key, el });
      // In the engine's order: a card already in place stays put, any other is put there.
      if (at === el) at = el.nextElementSibling;
      else shown.cards.insertBefore(el, at);
    }
    for (const [measure, c] of shown.byMeasure) if (kept.get(measure)?.el !== c.el) c.el.remove();
    shown.byMeasure = kept;

    const ledgerKey = JSON.stringify(r.ledger ?? null);
    if (ledgerKey !== shown.ledgerKey) {
      shown.ledger = morph(shown.ledger, r.ledger ? ledgerTable(r.ledger, "hh-ledger") : h("p", { class: "hint" }, "填写收入后显示收入明细。"));
      shown.ledgerKey = ledgerKey;
    }
  }

  /** Met / not met / unknown items: a measure's conditions (its checklist), or its risks and help items. */
  function checklist(items, heading, testid) {
    if (!items?.length) return null;
    return h("div", { class: "checklist", "data-testid": testid },
      heading ? h("p", { class: "checklist-title" }, heading) : null,
      h("ul", { class: "findings" }, items.map((f) =>
        h("li", { class: f.met === true ? "met" : f.met === false ? "unmet" : "unknown" },
          h("span", { class: "mark", "aria-hidden": "true" }, f.met === true ? "✓" : f.met === false ? "✗" : "?"),
          h("span", { class: "sr-only" }, f.met === true ? "满足：" : f.met === false ? "不满足：" : "未知或待认定："),
          `${f.label}${f.note ? `：${f.note}` : ""}`))));
  }

  /**
   * For a measure decided person by person: each member's conditions, folded away. They are built
   * when opened (a nine-member household has hundreds of lines of them, and most are never
   * opened); a card built while its checklist is open (`open`) has them at once.
   */
  function memberChecklists(d, open = false) {
    const withConditions = d.members.filter((m) => m.conditions?.length);
    if (!withConditions.length) return null;
    return h("details", { class: "member-conditions", "data-testid": "member-conditions", open },
      h("summary", {}, "逐人核对条件"),
      open ? memberChecklistItems(withConditions) : null);
  }

  function memberChecklistItems(members) {
    return members.map((m) => h("div", { class: "member-checklist" },
      h("p", { class: "checklist-title" }, `${m.name ?? `成员 ${m.index + 1}`}：${outcomeLabel(m.outcome)}`),
      checklist(m.conditions, null, null),
      m.once_recognised ? h("p", { class: "once" }, h("strong", {}, "认定后："), m.once_recognised) : null));
  }

  // A per-member checklist opened: its lines, from the decision on screen. (One listener for all
  // cards: "toggle" does not bubble, so it is heard on the way down.)
  out.addEventListener("toggle", (e) => {
    const details = e.target;
    if (!details.matches?.("details[data-testid=member-conditions]") || !details.open || details.querySelector(".member-checklist")) return;
    const d = lastResult?.decisions.find((x) => x.measure === details.closest("article.card")?.dataset.measure);
    if (d) details.append(...memberChecklistItems(d.members.filter((m) => m.conditions?.length)));
  }, true);

  /** A measure's card; `opened`: its per-member checklist is open (kept open as the card is redrawn). */
  function card(d, opened = false) {
    const who = d.members.filter((m) => m.outcome === "applies");
    const pending = d.members.filter((m) => m.outcome === "once_recognised");
    // Members still open, grouped by reason (a status still being checked reads the same for each):
    // the card's own reason only sums up, so what each needs and what would follow is said here.
    const open = new Map();
    for (const m of d.members.filter((x) => x.outcome === "cannot_decide" && x.reason)) {
      open.set(m.reason, [...(open.get(m.reason) ?? []), m.name ?? `成员 ${m.index + 1}`]);
    }
    const prov = provisionalOf(d.measure);
    const local = localFiguresOf(d.measure);
    return h("article", { class: `decision card outcome-${d.outcome}`, id: `card-${d.measure}`, tabindex: "-1",
      "data-measure": d.measure, "data-outcome": d.outcome, "aria-labelledby": `card-${d.measure}-title` },
      h("h4", { id: `card-${d.measure}-title` }, d.title, " ",
        h("span", { class: "badge", "data-testid": "outcome" }, outcomeLabel(d.outcome)),
        d.outcome === "applies" && d.category_label ? h("span", { class: "category" }, d.category_label) : null),
      prov ? h("p", { class: "provisional", "data-testid": "provisional" },
        `暂定：本结论用到未核实的参数（${prov.params.map((p) => p.label).join("、")}），请按县里当年文件核对。`,
        // Only where a parameters panel exists (the page); a portal sets the values as overrides.
        !ctx.openParam ? null : prov.params.map((p) => h("button", { type: "button", class: "link", "data-param": p.id, onclick: () => ctx.openParam?.(p.id) }, `填入县里的「${p.label}」`))) : null,
      local ? h("p", { class: "local-figures", "data-testid": "local-figures" }, "县里的数值：",
        local.params.map((p) => `${p.label} ${yuanOrValue(p.value, p.unit)}${p.unit ? ` ${p.unit}` : ""}（${p.document ? `依据 ${p.document}` : "未写依据文件"}）`).join("；"),
        " ", !ctx.openParam ? null : h("button", { type: "button", class: "link", onclick: () => ctx.openParam(local.params[0].id) }, "修改")) : null,
      who.length ? h("p", { class: "who", "data-testid": "who" }, "对象：",
        who.map((m) => `${m.name ?? `成员 ${m.index + 1}`}${m.grounds.length ? `（${m.grounds.join("；")}）` : ""}${m.amount ? ` ${yuan(m.amount)}` : ""}`).join("，")) : null,
      pending.length ? h("p", { class: "who pending", "data-testid": "who-pending" }, `${outcomeLabel("once_recognised")}：`,
        pending.map((m) => `${m.name ?? `成员 ${m.index + 1}`}${m.once_recognised ? `（${m.once_recognised}）` : ""}`).join("，")) : null,
      open.size ? h("p", { class: "who open", "data-testid": "who-open" }, `${outcomeLabel("cannot_decide")}：`,
        [...open].map(([reason, names]) => `${names.join("、")}：${reason}`).join("；")) : null,
      d.amount ? h("p", { class: "amount", "data-testid": "amount" }, `金额：${yuan(d.amount)}${d.amount_unit ? ` ${d.amount_unit}` : ""}`) : null,
      h("p", { class: "reason", "data-testid": "reason" }, d.reason),
      d.thresholds.map((t) => h("p", { class: "distance" }, t.explanation)),
      d.once_recognised ? h("p", { class: "once", "data-testid": "once-recognised" }, h("strong", {}, "认定后："), d.once_recognised) : null,
      checklist(d.conditions, "条件", "conditions"),
      memberChecklists(d, opened),
      checklist(d.findings, null, "findings"),
      d.figures.length ? h("dl", { class: "figures small" }, d.figures.flatMap((f) => [h("dt", {}, f.label), h("dd", {}, f.unit.startsWith("元") ? yuan(f.value) : `${f.value} ${f.unit}`)])) : null,
      d.missing.length ? h("div", { class: "missing", "data-testid": "missing" },
        d.outcome === "cannot_decide" ? "需补充才能判断：" : "补充后可更准确：",
        d.missing.map((m) => h("button", { type: "button", class: "link", "data-path": m.path, onclick: () => goTo(m.path) }, m.label))) : null,
      h("div", { class: "cites" }, citations(d.citations)));
  }

  form.addEventListener("input", (e) => {
    const path = e.target.closest("[data-path]")?.dataset.path ?? "";
    const m = path.match(/^\$\.members\[(\d+)\]\.id_number$/);
    if (m) idAutoFill(Number(m[1]));
    if (path === "$.assessment_date") for (let i = 0; i < memberCount; i++) idAutoFill(i, false);
    refresh();
  });
  form.addEventListener("change", () => refresh());
  document.addEventListener("jn-clear-personal-data", () => {
    forgetAll();
    renderRecent();
  });

  const view = {
    id: "household",
    title: "农户核查",
    assessmentDate,
    getState,
    setState,
    reset,
    refresh: () => refresh(true),
    acceptsCase: (file) => file?.schema === SCHEMA,
    /** The last evaluation: its result or error, the case as entered and the options used. */
    evaluation: () => ({ result: lastResult, error: lastError, case: lastState ? structuredClone(lastState) : getState(), options: lastOptions }),
    /** The form made read-only (a portal showing a case it supplies) or editable again. */
    setReadOnly(on) {
      form.inert = on;
      form.classList.toggle("read-only", on);
      tools.hidden = on;
    },
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
        decisions: r.decisions.map((d) => {
          const prov = r.provisional?.find((p) => p.measure === d.measure);
          const local = r.local_figures?.find((p) => p.measure === d.measure);
          return {
            title: d.title,
            outcome: d.outcome,
            verdict: `${outcomeLabel(d.outcome)}${d.outcome === "applies" && d.category_label ? `（${d.category_label}）` : ""}${d.amount ? ` ${yuan(d.amount)}${d.amount_unit ?? ""}` : ""}${prov ? "（暂定）" : ""}`,
            who: d.members.filter((m) => m.outcome === "applies").map((m) => m.name ?? `成员${m.index + 1}`).join("、"),
            reason: d.reason + (d.once_recognised ? `。认定后：${d.once_recognised}` : "")
              + (local ? `（县里的数值：${local.params.map((p) => `${p.label} ${yuanOrValue(p.value, p.unit)}，依据 ${p.document ?? "未写依据文件"}`).join("；")}）` : "")
              + (d.outcome === "cannot_decide" && d.missing.length ? `（需补充：${d.missing.map((m) => m.label).join("、")}）` : ""),
            citations: d.citations,
          };
        }),
        citeExcerpts: false,
        // The parameters themselves are in the sheet's table, marked 未核实.
        note: r.provisional?.length ? "标“暂定”的结论用到未核实的参数（见“使用的参数”），请按县里当年文件核对。" : null,
        params_used: r.params_used,
        fingerprint: r.fingerprint,
      };
    },
  };
  renderRecent();
  return view;
}

function newCaseId() {
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
}
