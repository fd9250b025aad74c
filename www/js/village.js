// The 村级考核 view: the indicator values of one village, grouped by dimension, and — live, from
// assessVillage — the total, grade, vetoes, 三类村庄 suggestion, a radar chart of the dimensions
// and the shortfall list. Every number on it is the engine's.
//
// In the page (ctx.compact unset) the view also carries the indicator system panel, the county
// averages, the ranking and the ledger panels, all kept in this browser. A portal's
// <jn-village-scorecard> (ctx.compact) is the form and its result only: the indicator system and
// county averages come from the element's options, and nothing is read from or kept in storage.
import { localDate } from "./local-date.js";
import { h, citation, citations } from "./render.js";
import { field, readFields, writeFields, fieldFor, setFieldMessage, showEngineErrors } from "./form-fields.js";
import { radarChart } from "./radar.js";
import { systemInUse, villageOptions, onIndicatorSystemChange, systemLabel } from "./indicator-store.js";
import { mountIndicatorPanel } from "./indicator-panel.js";
import { countyAveragesPanel, onCountyAveragesChange, averageTargetWords } from "./indicator-averages.js";
import { createRankingPanel } from "./village-ranking.js";
import { createLedgerPanel } from "./village-ledger.js";

export const SCHEMA = "jingning.village-input/1";

export function createVillageView(engine, root, ctx) {
  const compact = Boolean(ctx.compact);
  let systemKey = null;
  let inUse = compact ? systemFromOptions() : systemInUse(engine);
  let system = inUse.system;
  let lastResult = null;
  let lastError = null;
  let lastOptions = null;
  let lastKey = null;

  /** The element's system: its `indicator_system` option when the engine accepts it, else the default
   *  (the assessment then reports the option's errors, as the engine finds them). */
  function systemFromOptions() {
    const given = ctx.optionsWith().indicator_system;
    systemKey = JSON.stringify(given ?? null);
    if (given) {
      try {
        return { system: engine.validateIndicatorSystem(given), imported: true, error: null };
      } catch (err) {
        return { system: engine.defaultIndicatorSystem(), imported: false, error: err };
      }
    }
    return { system: engine.defaultIndicatorSystem(), imported: false, error: null };
  }

  const form = h("form", { id: "vl-form", class: "village", novalidate: true, "aria-label": "村庄指标" });
  const out = h("div", { id: "vl-result", "aria-live": "polite" });
  const about = h("p", { class: "hint", "data-testid": "vl-system-about" });
  const dimScores = new Map();
  const indicatorNotes = new Map();
  const panel = compact ? null : mountIndicatorPanel(engine);
  const averagesSlot = h("div", {});
  const ranking = compact ? null : createRankingPanel(engine, () => {
    const s = getState();
    return s.id && s.name ? s : null;
  });
  const layout = h("div", { class: "hh-layout" }, h("div", { class: "hh-form-col" }, form), h("div", { class: "hh-result-col" }, out));

  if (compact) root.replaceChildren(about, layout);
  else {
    root.replaceChildren(panel.element, about, averagesSlot, layout,
      ranking.element, createLedgerPanel((input) => {
        setState(input);
        form.scrollIntoView({ block: "start" });
      }).element);
  }
  build();

  /** (Re)builds the form from the system in use; values of indicators that still exist are kept,
   *  unless the indicator changed between yes/no and a number (the old value would not fit). */
  function build(previous = null) {
    const kept = form.childElementCount ? getState() : null;
    if (kept && previous) {
      const yesNo = (sys, id) => typeof sys.indicators.find((i) => i.id === id)?.target === "boolean";
      for (const id of Object.keys(kept.values ?? {})) {
        if (yesNo(previous, id) !== yesNo(system, id)) delete kept.values[id];
      }
    }
    dimScores.clear();
    indicatorNotes.clear();
    form.replaceChildren(h("fieldset", { class: "grid2" }, h("legend", {}, "村庄"),
      field("$.id", "村庄编号", "text", { hint: "如行政区划代码" }),
      field("$.name", "村名", "text"),
      field("$.township", "乡镇", "text"),
      field("$.year", "考核年度", "int", { hint: "决定有完成年限的目标是否到期（如村社亮化 2024 年）" }),
      field("$.five_type", "五类村庄", "choice", {
        options: [["agglomeration", "集聚提升型"], ["suburban", "城郊融合型"], ["heritage", "特色保护型"], ["relocation", "搬迁撤并型"], ["undetermined", "暂时看不准型"]],
        hint: "县里村庄布局规划确定（四(八)），只记录显示",
      }),
      field("$.demonstration", "乡村振兴示范村", "choice", { options: [["province", "省级示范村"], ["city", "市级示范村"], ["county", "县级示范村"]] }),
      field("$.provincial_clean_village", "省级清洁村庄", "yesno")));
    for (const dim of system.dimensions) {
      const score = h("span", { class: "dim-score", "data-testid": `dim-score-${dim.id}` });
      dimScores.set(dim.id, score);
      form.append(h("fieldset", { class: "grid2 dimension", "data-dimension": dim.id },
        h("legend", {}, dim.name, " ", score),
        system.indicators.filter((i) => i.dimension === dim.id && (i.scope ?? "village") === "village").flatMap((ind) => indicatorFields(ind))));
    }
    if (!compact) averagesSlot.replaceChildren(countyAveragesPanel(system));
    about.replaceChildren(system.description ?? "", "每项指标注明依据：实施意见条款、国家规划或“设计假设”。");
    if (kept) writeFields(form, kept);
  }

  /** The options of every assessment: the imported system when one is in use. */
  function options() {
    if (compact) return ctx.optionsWith();
    // The county averages always; the imported system only while the engine accepts it.
    const o = villageOptions();
    if (!inUse.imported) delete o.indicator_system;
    return o;
  }
  /** Takes a changed indicator system in use: the form is rebuilt, kept values kept, and rescored. */
  function systemChanged() {
    const previous = system;
    inUse = compact ? systemFromOptions() : systemInUse(engine);
    system = inUse.system;
    build(previous);
    panel?.render(inUse);
    refresh(true);
    ranking?.refresh();
  }
  if (!compact) {
    onCountyAveragesChange(() => {
      refresh(true);
      ranking.refresh();
    });
    onIndicatorSystemChange(systemChanged);
    panel.render(inUse);
  }

  function indicatorFields(ind) {
    const yes = typeof ind.target === "boolean";
    const averaged = ind.method.kind === "ratio_to_county_average" || ind.method.kind === "difference_to_county_average";
    const due = ind.due_year ? `（${ind.due_year} 年前实现）` : "";
    const target = averaged ? `目标：${averageTargetWords(ind)}（全县平均在上方填写）`
      : (yes ? (ind.target ? "目标：是" : "目标：否") : `目标：${ind.direction === "lower" ? "≤" : "≥"} ${ind.target}${ind.unit === "%" ? "%" : ` ${ind.unit}`}`) + due;
    // The engine's words for `Basis` (src/village/system.rs), not the page's own.
    const basis = { county: "县级目标", national: "国家目标", design_assumption: "设计假设" }[ind.basis] ?? ind.basis;
    const hint = `${target} · ${ind.veto ? "否决项" : `${ind.weight} 分`} · ${basis}`;
    const label = yes ? ind.name : `${ind.name}（${ind.unit}）`;
    const f = field(`$.values.${ind.id}`, label, yes ? "yesno" : "money", { hint });
    const note = h("small", { class: "indicator-note", "data-testid": `ind-${ind.id}` });
    indicatorNotes.set(ind.id, note);
    f.append(note);
    if (ind.source.kind === "seed" && ind.source.clause) {
      const c = engine.clause(ind.source.clause);
      const label = c ? `${c.document.short} ${c.id} ${c.title}` : undefined;
      f.append(h("div", {}, citation({ clause: ind.source.clause, title: c?.title ?? "", excerpt: ind.source.excerpt ?? "", document: c?.document, label })));
    } else if (ind.source.document || ind.source.note) {
      f.append(h("details", { class: "hint source" }, h("summary", {}, ind.source.document ? "依据：国家规划" : "依据：设计假设"),
        [ind.source.document, ind.source.note].filter(Boolean).join("；")));
    }
    return [f];
  }

  function getState() {
    const s = readFields(form, { schema: SCHEMA });
    s.values ??= {};
    return s;
  }

  function setState(state) {
    if (state?.schema !== SCHEMA) {
      throw Object.assign(new Error("格式不符"), { errors: [{ path: "$.schema", message: `「格式版本」应为 ${SCHEMA}` }] });
    }
    writeFields(form, state);
    refresh(true);
  }

  function reset() {
    writeFields(form, { schema: SCHEMA, values: {}, year: new Date().getFullYear() });
    refresh(true);
  }

  function refresh(force = false) {
    const input = getState();
    // The engine requires an id and a name; the form asks for them but should not go blank meanwhile.
    const evaluated = { ...input, id: input.id ?? "未编号", name: input.name ?? "未命名村" };
    const key = JSON.stringify(evaluated);
    if (key === lastKey && !force) return;
    lastKey = key;
    for (const el of form.querySelectorAll("[aria-invalid]")) setFieldMessage(el, null);
    try {
      lastOptions = options();
      lastResult = engine.assessVillage(evaluated, lastOptions);
      lastError = null;
      out.replaceChildren(renderResult(lastResult));
      for (const d of lastResult.dimensions) {
        dimScores.get(d.id)?.replaceChildren(`得分 ${d.points} / ${d.max_points}${d.rate == null ? "" : `（${d.rate}%）`}`);
      }
      for (const i of lastResult.indicators) {
        indicatorNotes.get(i.id)?.replaceChildren(`${i.explanation}${i.veto ? "" : ` → ${i.points} 分`}`);
        indicatorNotes.get(i.id)?.setAttribute("data-status", i.status);
      }
    } catch (err) {
      lastResult = null;
      lastError = err;
      showEngineErrors(out, form, err);
    }
    ctx.changed(view);
  }

  function renderResult(a) {
    return h("div", { class: "vl-result", "data-testid": "vl-result" },
      h("h3", {}, `${a.village_name} 考核结果`),
      h("div", { class: `scoreline ${a.vetoed ? "vetoed" : ""}` },
        h("span", { class: "total", "data-testid": "vl-total" }, a.total), h("span", { class: "of" }, " / 100 分　"),
        h("span", { class: "badge", "data-testid": "vl-grade" }, a.grade)),
      h("p", { class: "coverage", "data-testid": "vl-coverage" }, `${a.coverage.label}（定级需已评不少于 ${a.coverage.min}%，现为 ${a.coverage.rate}%）`),
      h("p", { class: "reason", "data-testid": "vl-grade-reason" }, a.grade_reason),
      a.vetoes.length ? h("div", { class: "veto", role: "alert", "data-testid": "vl-vetoes" },
        h("strong", {}, "否决项："), h("ul", {}, a.vetoes.map((v) => h("li", {}, `${v.name}：${v.reason}。${v.basis}`)))) : null,
      h("p", { "data-testid": "vl-five-type" }, h("strong", {}, "五类村庄："), a.five_type_label ?? "未填（县里村庄布局规划确定）"),
      h("div", { class: "class-suggestion", "data-testid": "vl-class" },
        h("p", {}, h("strong", {}, `三类村庄建议：${a.classification.label}`), `。${a.classification.criterion}`,
          a.classification.met.length ? `（${a.classification.met.join("；")}）` : ""),
        h("details", {}, h("summary", {}, "全部判据（按顺序，第一条成立的决定）"),
          h("ol", {}, a.classification.criteria.map((c) => h("li", { "data-decided": String(c.decided) }, `${c.label}：${c.note}${c.decided ? "　← 本村据此" : ""}`))),
          h("p", { class: "hint" }, a.classification.set_by))),
      notAssessed(a),
      h("div", { class: "radar-wrap" }, radarChart(a.dimensions.map((d) => ({ name: d.name, rate: d.rate }))),
        h("div", { class: "table-wrap" }, h("table", { class: "ledger", "data-testid": "vl-dimensions" },
          h("caption", {}, "各维度得分"),
          h("thead", {}, h("tr", {}, ["维度", "得分", "满分", "得分率"].map((t) => h("th", { scope: "col" }, t)))),
          h("tbody", {}, a.dimensions.map((d) => h("tr", { "data-dimension": d.id },
            h("th", { scope: "row" }, d.name), h("td", { class: "num" }, d.points), h("td", { class: "num" }, d.max_points),
            h("td", { class: "num" }, d.rate == null ? "—" : `${d.rate}%`))))))),
      h("h4", {}, "失分清单（按可得回分值排序）"),
      a.shortfalls.length ? h("ol", { class: "shortfalls", "data-testid": "vl-shortfalls" }, a.shortfalls.map((s) =>
        h("li", { "data-indicator": s.indicator },
          h("button", { type: "button", class: "link", onclick: () => goTo(`$.values.${s.indicator}`) }, s.name),
          `：得 ${s.points} / ${s.max_points} 分，可得回 ${s.regain} 分。${s.advice}`))) : h("p", {}, "没有失分项。"),
      h("p", { class: "hint" }, `缺失值规则：${a.missing_rule_label}${a.missing.length ? `；缺 ${a.missing.length} 项` : ""}。`),
      h("div", { class: "cites" }, citations(a.citations)));
  }

  /** Indicators not scored on this card, and why: not due yet, or a county statistic. */
  function notAssessed(a) {
    const rows = a.indicators.filter((i) => i.status === "not_due" || i.status === "not_village_level" || i.status === "missing_excluded");
    if (!rows.length) return null;
    return h("details", { class: "not-assessed", "data-testid": "vl-not-assessed" },
      h("summary", {}, `未评的指标 ${rows.length} 项（不计零分）`),
      h("ul", {}, rows.map((i) => h("li", { "data-status": i.status }, `${i.name}：${i.explanation}`))));
  }

  function goTo(path) {
    const el = fieldFor(form, path);
    if (!el) return;
    el.scrollIntoView({ block: "center" });
    el.focus();
  }

  function pick(s) {
    return { id: s.id, name: s.name, year: s.year, builtin: Boolean(s.builtin) };
  }

  form.addEventListener("input", () => refresh());
  form.addEventListener("change", () => refresh());

  const view = {
    id: "village",
    title: "村级考核",
    assessmentDate: () => {
      const y = form.querySelector('[data-path="$.year"]').value;
      return /^\d{4}$/.test(y) ? `${y}-12-31` : localDate();
    },
    getState,
    setState,
    reset,
    refresh: () => refresh(true),
    acceptsCase: (file) => file?.schema === SCHEMA,
    /** The last evaluation: its result or error, the village input and the options used. */
    evaluation: () => ({ result: lastResult, error: lastError, case: getState(), options: lastOptions }),
    /** The element's options changed: its indicator system may be another one. */
    optionsChanged() {
      if (compact && JSON.stringify(ctx.optionsWith().indicator_system ?? null) !== systemKey) systemChanged();
      else refresh(true);
    },
    /** The form made read-only (a portal showing a case it supplies) or editable again. */
    setReadOnly(on) {
      form.inert = on;
      form.classList.toggle("read-only", on);
    },
    // The saved case names the system it was scored with, so a reopened case can say when the
    // system in use is another one (the input alone would silently score differently).
    caseMeta: () => ({ indicator_system: pick(lastResult?.system ?? { ...system, builtin: !inUse.imported }) }),
    openNote(saved) {
      const s = saved?.indicator_system;
      if (!s) return "";
      const now = pick({ ...system, builtin: !inUse.imported });
      return ["id", "name", "year", "builtin"].every((k) => s[k] === now[k]) ? ""
        : `注意：该案例保存时使用的指标体系为“${systemLabel(s)}”，当前在用“${systemLabel(now)}”，分数按当前体系计算。`;
    },
    printModel() {
      const a = lastResult;
      if (!a) return null;
      return {
        title: "村级考核评分表",
        date: view.assessmentDate(),
        summaryTitle: "村庄概况",
        summary: [
          ["村名", a.village_name], ["乡镇", a.township ?? "未填"], ["总分", `${a.total} / 100`], ["等级", a.grade], ["已评权重", a.coverage.label],
          ["五类村庄", a.five_type_label ?? "未填"],
          ["三类村庄建议", a.classification.label], ["指标体系", systemLabel(a.system)],
          ...a.dimensions.map((d) => [d.name, `${d.points} / ${d.max_points}`]),
        ],
        decisions: [
          { title: "等级", verdict: a.grade, outcome: a.vetoed ? "does_not_apply" : "applies", reason: a.grade_reason, citations: a.citations },
          ...a.vetoes.map((v) => ({ title: `否决：${v.name}`, verdict: "触发", outcome: "does_not_apply", reason: v.reason, citations: [] })),
          { title: "三类村庄", verdict: a.classification.label, outcome: "applies", reason: a.classification.criterion, citations: [] },
          ...a.shortfalls.slice(0, 6).map((s) => ({ title: `失分：${s.name}`, verdict: `可得回 ${s.regain} 分`, outcome: "cannot_decide", reason: s.advice, citations: [] })),
        ],
        citeExcerpts: false,
        params_used: [],
        fingerprint: null,
      };
    },
  };
  return view;
}
