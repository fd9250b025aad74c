// 培训 (trainer mode) on the 农户核查 view: a county trainer opens a scenario of the library
// (data/scenarios/, generated into trainer-scenarios.js by `make dist`), the room votes on each
// verdict the scenario teaches while the verdicts are hidden, the reveal shows the engine's verdict,
// reason, clause and the conditions that decided it; afterwards any change to the form is a what-if
// (changed verdicts highlighted, before and after side by side) and the income slider shows where
// each measure flips, exact to the fen (engine.householdSweep). The projector view puts form and
// verdicts side by side in large type; a handout prints one page per scenario.
// Like the rest of the page, this module decides nothing: every verdict, reason, clause and flip
// point is the engine's.
import { h, citations, showClause } from "./render.js";
import { SCENARIOS } from "./trainer-scenarios.js";
import { createSlider } from "./trainer-slider.js";
import { printHandout } from "./trainer-handout.js";
import { inputChanges, labelOf } from "./trainer-diff.js";
import { onOptionsChange } from "./options-store.js";

/** The outcomes a room votes for, in this order (the engine's codes; labels from the engine). */
const VOTES = ["applies", "does_not_apply", "once_recognised"];

/**
 * Mounts trainer mode on the household view. `ctx`: `activate()` shows the 农户核查 tab,
 * `optionsWith()` the parameter options in use, `toast(message)`.
 */
export function mountTrainer(engine, view, ctx) {
  const choices = engine.householdChoices();
  const outcomeLabel = (code) => (choices.outcome ?? []).find((o) => o.code === code)?.label ?? code;
  const fields = engine.householdFields();
  const incomeItems = engine.incomeItems();
  // The 农户核查 view lives in the <jn-household-check> element's shadow root (elements.js); the
  // mode classes go on the page (toolbar, dialogs) and on the view's container inside that root,
  // where the page's selectors cannot reach.
  const root = document.getElementById("household-check")?.shadowRoot ?? document;
  const form = root.querySelector("#hh-form");
  const resultCol = root.querySelector(".hh-result-col");
  const modeHolders = [document.body, form.closest(".jn-view")].filter(Boolean);
  const setMode = (cls, on) => modeHolders.forEach((el) => el.classList.toggle(cls, on));
  const inMode = (cls) => document.body.classList.contains(cls);
  const panel = h("section", { id: "trainer-panel", class: "trainer-panel", "aria-label": "培训", hidden: true });
  resultCol.prepend(panel);
  const library = libraryDialog();
  document.body.append(library);
  document.getElementById("btn-trainer")?.addEventListener("click", () => library.showModal());

  let index = -1;
  let votes = new Map();
  let revealed = false;
  let before = null; // { state, result } of the scenario as told
  let sweep = null;
  let sweepKey = null;
  let sweepTimer = 0;
  let slider = null;
  const parts = { votes: h("div"), reveal: h("div"), whatIf: h("div"), slider: h("div") };

  const scenario = () => SCENARIOS[index];
  // The full result: the reveal shows conditions and thresholds, which the compact one leaves out.
  const evaluate = (state) => engine.evaluateHousehold(state, { ...ctx.optionsWith(), detail: "full" });
  const decisionOf = (result, measure) => result?.decisions.find((d) => d.measure === measure);

  function libraryDialog() {
    const topics = [...new Set(SCENARIOS.map((s) => s.topic))];
    const dlg = h("dialog", { id: "trainer-library", class: "trainer-library", "aria-labelledby": "trainer-library-title" },
      h("h3", { id: "trainer-library-title" }, `培训案例库（${SCENARIOS.length} 个案例，每个讲一条规则）`),
      h("p", { class: "hint" }, "点击一个案例即进入培训模式：结论先隐藏，全场按措施投票，再揭晓引擎的结论、理由和条款。"),
      h("div", { class: "library-topics" }, topics.map((t) => h("section", {},
        h("h4", {}, t),
        h("ul", {}, SCENARIOS.map((s, i) => s.topic !== t ? null : h("li", {},
          h("button", { type: "button", class: "link", "data-scenario": s.id, onclick: () => { dlg.close(); start(i); } }, `${String(i + 1).padStart(2, "0")} ${s.title}`))))))),
      h("form", { method: "dialog" }, h("button", {}, "关闭")));
    return dlg;
  }

  /** Opens scenario i: its household in the form, verdicts hidden, votes cleared. */
  function start(i) {
    index = (i + SCENARIOS.length) % SCENARIOS.length;
    const s = scenario();
    ctx.activate();
    setMode("trainer", true);
    setMode("trainer-revealed", false);
    revealed = false;
    votes = new Map(s.verdicts.map((v) => [v.measure, Object.fromEntries(VOTES.map((o) => [o, 0]))]));
    view.setState(structuredClone(s.household));
    const state = view.getState();
    before = { state, result: evaluate(state) };
    sweep = null;
    sweepKey = null;
    render();
    panel.hidden = false;
    focusIn(panel.querySelector("h3"));
  }

  /** Focuses a heading of the panel; in the projector view only the results column scrolls to it, never the page. */
  function focusIn(el) {
    if (!el) return;
    if (!inMode("projector")) return el.focus();
    el.focus({ preventScroll: true });
    resultCol.scrollTop += el.getBoundingClientRect().top - resultCol.getBoundingClientRect().top - 8;
  }

  function exit() {
    index = -1;
    panel.hidden = true;
    for (const cls of ["trainer", "trainer-revealed", "projector"]) setMode(cls, false);
    ctx.toast?.("已退出培训模式。表单中仍是最后一个培训案例，可“新建下一户”清空。");
  }

  function render() {
    const s = scenario();
    const doc = s.document ?? undefined;
    const clause = engine.clause(s.clause, doc);
    panel.replaceChildren(
      h("div", { class: "trainer-head" },
        h("p", { class: "trainer-topic" }, `培训 · 第 ${index + 1} / ${SCENARIOS.length} 题 · ${s.topic}`),
        h("h3", { tabindex: "-1", "data-testid": "trainer-title" }, s.title),
        h("div", { class: "trainer-tools" },
          h("button", { type: "button", onclick: () => start(index - 1) }, "上一题"),
          h("button", { type: "button", onclick: () => start(index + 1) }, "下一题"),
          h("button", { type: "button", onclick: () => library.showModal() }, "案例库"),
          h("button", { type: "button", "aria-pressed": String(inMode("projector")), "data-testid": "projector-toggle", onclick: toggleProjector }, "投影模式"),
          h("button", { type: "button", "data-testid": "handout", onclick: handout }, "打印讲义"),
          h("button", { type: "button", class: "danger", onclick: exit }, "退出培训"))),
      h("p", { class: "trainer-story", "data-testid": "trainer-story" }, s.story),
      h("p", { class: "trainer-clause" }, "本题条款：",
        h("button", { type: "button", class: "cite", onclick: () => showClause(s.clause, [], doc) },
          clause ? `${clause.document.short} ${clause.id} ${clause.title}` : s.clause)),
      parts.votes, parts.reveal, parts.whatIf, parts.slider);
    renderVotes();
    renderReveal();
    update();
  }

  function renderVotes() {
    const s = scenario();
    parts.votes.replaceChildren(
      h("table", { class: "trainer-votes", "data-testid": "trainer-votes" },
        h("caption", {}, revealed ? "全场投票与结论" : "全场投票：每项措施点一下记一票，结论暂时隐藏"),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "措施"), VOTES.map((o) => h("th", { scope: "col" }, outcomeLabel(o))), h("th", { scope: "col" }, "结论"))),
        h("tbody", {}, s.verdicts.map((v) => {
          const d = decisionOf(before.result, v.measure);
          const tally = votes.get(v.measure);
          return h("tr", { "data-measure": v.measure },
            h("th", { scope: "row" }, d?.title ?? v.measure),
            VOTES.map((o) => h("td", { class: revealed && d?.outcome === o ? "correct" : null },
              h("button", { type: "button", class: "vote", "data-testid": `vote-${v.measure}-${o}`, "aria-label": `${outcomeLabel(o)} ${tally[o]} 票（${d?.title ?? v.measure}，点击加一票）`,
                onclick: () => { tally[o] += 1; renderVotes(); } }, `${outcomeLabel(o)} `, h("strong", {}, String(tally[o]))))),
            h("td", { class: "answer", "data-testid": `answer-${v.measure}` }, revealed && d
              ? h("span", { class: `badge outcome-${d.outcome}` }, outcomeLabel(d.outcome), d.category_label ? `（${d.category_label}）` : "")
              : h("span", { class: "hidden-answer", "aria-label": "尚未揭晓" }, "？")));
        }))),
      ...(revealed ? [] : [h("button", { type: "button", class: "primary reveal", "data-testid": "trainer-reveal", onclick: reveal }, "揭晓结论")]));
  }

  function reveal() {
    revealed = true;
    setMode("trainer-revealed", true);
    renderVotes();
    renderReveal();
    update();
    focusIn(parts.reveal.querySelector("h4"));
  }

  /** What decided a verdict: the conditions that settle it and the distance to each threshold. */
  function deciding(d) {
    const unmet = d.conditions.filter((c) => c.met === false);
    const settling = d.outcome === "does_not_apply" && unmet.length ? unmet : d.conditions.filter((c) => c.met !== null);
    const people = d.members.filter((m) => m.outcome === d.outcome && (m.grounds.length || m.reason));
    return h("div", { class: "deciding", "data-testid": `deciding-${d.measure}` },
      h("p", { class: "checklist-title" }, "决定结论的输入与条件："),
      h("ul", { class: "findings" },
        settling.map((c) => h("li", { class: c.met ? "met" : "unmet" }, h("span", { class: "mark", "aria-hidden": "true" }, c.met ? "✓" : "✗"),
          h("span", { class: "sr-only" }, c.met ? "满足：" : "不满足："), `${c.label}${c.note ? `：${c.note}` : ""}`)),
        d.thresholds.map((t) => h("li", { class: "threshold" }, t.explanation)),
        people.slice(0, 3).map((m) => h("li", { class: "member" }, `${m.name ?? `成员 ${m.index + 1}`}：${m.grounds.length ? m.grounds.join("；") : m.reason}`))));
  }

  function renderReveal() {
    if (!revealed) return parts.reveal.replaceChildren();
    const s = scenario();
    const counted = s.verdicts.map((v) => {
      const d = decisionOf(before.result, v.measure);
      const t = votes.get(v.measure);
      const total = VOTES.reduce((n, o) => n + t[o], 0);
      return { d, total, right: d ? t[d.outcome] ?? 0 : 0 };
    });
    parts.reveal.replaceChildren(h("section", { class: "trainer-reveal", "data-testid": "trainer-revealed" },
      h("h4", { tabindex: "-1" }, "揭晓"),
      h("p", { class: "lesson" }, h("strong", {}, "要点："), s.lesson),
      counted.map(({ d, total, right }) => !d ? null : h("article", { class: `reveal-item outcome-${d.outcome}`, "data-measure": d.measure },
        h("h5", {}, d.title, " ", h("span", { class: "badge" }, outcomeLabel(d.outcome)), d.category_label ? h("span", { class: "category" }, d.category_label) : null,
          h("span", { class: "tally" }, total ? `全场 ${total} 票中 ${right} 票猜对` : "未投票")),
        h("p", { class: "reason", "data-testid": `reason-${d.measure}` }, d.reason),
        d.once_recognised ? h("p", { class: "once" }, h("strong", {}, "认定后："), d.once_recognised) : null,
        deciding(d),
        h("div", { class: "cites" }, citations(d.citations))))));
  }

  /** After every change of the form: the what-if comparison and, when needed, a new sweep. */
  function update() {
    if (index < 0 || !before) return;
    if (!revealed) {
      parts.whatIf.replaceChildren();
      parts.slider.replaceChildren();
      return;
    }
    const state = view.getState();
    let now = null;
    try {
      now = evaluate(state);
    } catch {
      // The form holds an error the household view already shows; nothing to compare yet.
    }
    renderWhatIf(state, now);
    const s = scenario();
    // The flip points depend on everything but the slider's own field.
    const key = JSON.stringify([inputChanges(before.state, state, fields, incomeItems).filter((c) => c.path !== s.slider.path), ctx.optionsWith()]);
    if (key !== sweepKey) {
      sweepKey = key;
      clearTimeout(sweepTimer);
      // Right away for the first sweep; after a pause while someone types.
      sweepTimer = setTimeout(() => computeSweep(state), sweep ? 250 : 0);
    } else {
      renderSlider(state);
    }
  }

  function computeSweep(state) {
    const s = scenario();
    try {
      sweep = engine.householdSweep(state, s.slider.path, s.slider.from, s.slider.to, ctx.optionsWith());
    } catch (err) {
      sweep = null;
      parts.slider.replaceChildren(h("p", { class: "hint" }, `收入滑块暂不可用：${err.message}`));
      return;
    }
    renderSlider(view.getState());
  }

  /** The slider is built once per sweep and only moved afterwards (rebuilding it mid-drag would drop the drag). */
  function renderSlider(state) {
    if (!sweep) return;
    const s = scenario();
    const el = form.querySelector(`[data-path="${CSS.escape(s.slider.path)}"]`);
    const value = el?.value.trim() || "0";
    if (slider?.sweep === sweep && parts.slider.contains(slider.el)) return slider.setValue(value);
    slider = createSlider({
      sweep,
      label: labelOf(s.slider.path, state, fields, incomeItems),
      value,
      focus: s.verdicts.map((v) => v.measure),
      outcomeLabel,
      onMove(yuanText) {
        if (!el) return;
        el.value = yuanText;
        el.dispatchEvent(new Event("input", { bubbles: true }));
      },
    });
    parts.slider.replaceChildren(slider.el);
  }

  function renderWhatIf(state, now) {
    const changes = inputChanges(before.state, state, fields, incomeItems);
    const changed = now ? now.decisions.filter((d) => {
      const b = decisionOf(before.result, d.measure);
      return b && (b.outcome !== d.outcome || b.category !== d.category || b.amount !== d.amount);
    }) : [];
    const cell = (d) => h("td", {}, h("span", { class: `badge outcome-${d.outcome}` }, outcomeLabel(d.outcome)), d.category_label ? ` ${d.category_label}` : "",
      d.amount ? ` ¥${d.amount}` : "", h("br"), h("small", {}, d.reason));
    parts.whatIf.replaceChildren(h("section", { class: "trainer-whatif", "data-testid": "trainer-whatif" },
      h("h4", {}, "假如……"),
      !changes.length ? h("p", { class: "hint" }, "改动表单中的任何一项（或拖动下方的收入滑块），变化的结论会在这里并排对照。") : h("div", {},
        h("p", { class: "changes", "data-testid": "whatif-inputs" }, "改动：", changes.map((c) => `${c.label} ${c.before} → ${c.after}`).join("；"), " ",
          h("button", { type: "button", class: "link", onclick: restore }, "恢复原案例")),
        !now ? h("p", { class: "warn" }, "输入有误，改正后再对照。")
          : !changed.length ? h("p", { "data-testid": "whatif-none" }, "各项结论都没有变化。")
          : h("table", { class: "whatif-table", "data-testid": "whatif-table" },
            h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "结论有变化的措施"), h("th", { scope: "col" }, "原案例"), h("th", { scope: "col" }, "改动后"))),
            h("tbody", {}, changed.map((d) => h("tr", { class: "changed", "data-measure": d.measure },
              h("th", { scope: "row" }, d.title), cell(decisionOf(before.result, d.measure)), cell(d))))))));
  }

  function restore() {
    view.setState(structuredClone(before.state));
    update();
  }

  function toggleProjector() {
    const on = !inMode("projector");
    setMode("projector", on);
    panel.querySelector("[data-testid=projector-toggle]")?.setAttribute("aria-pressed", String(on));
    if (on) ctx.toast?.("投影模式：大字、高对比，表单与结论并排。投影仪分辨率低时可配合浏览器缩放（Ctrl + / Ctrl −）。");
  }

  function handout() {
    const s = scenario();
    printHandout({ scenario: s, result: before.result, state: before.state, choices, outcomeLabel, clause: engine.clause(s.clause, s.document ?? undefined) });
  }

  // New parameter settings change the scenario's own verdicts too: compare against them, not the old ones.
  onOptionsChange(() => {
    if (index < 0) return;
    before = { state: before.state, result: evaluate(before.state) };
    renderVotes();
    renderReveal();
    update();
  });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  document.addEventListener("jn-clear-personal-data", () => {
    if (index >= 0) exit();
  });

  return { start, exit, scenarios: SCENARIOS, active: () => index >= 0 };
}
