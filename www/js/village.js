// The 村级考核 view: the indicator values of one village, grouped by dimension, and — live, from
// assessVillage — the total, grade, vetoes, 三类村庄 suggestion, a radar chart of the dimensions
// and the shortfall list. Every number on it is the engine's.
import { localDate } from "./local-date.js";
import { h, citation, citations } from "./render.js";
import { field, readFields, writeFields, fieldFor, setFieldMessage, showEngineErrors } from "./form-fields.js";
import { radarChart } from "./radar.js";
import { systemInUse, villageOptions, onIndicatorSystemChange, systemLabel } from "./indicator-store.js";
import { mountIndicatorPanel } from "./indicator-panel.js";

export const SCHEMA = "jingning.village-input/1";

export function createVillageView(engine, root, ctx) {
  let inUse = systemInUse(engine);
  let system = inUse.system;
  let lastResult = null;
  let lastKey = null;

  const form = h("form", { id: "vl-form", class: "village", novalidate: true, "aria-label": "村庄指标" });
  const out = h("div", { id: "vl-result", "aria-live": "polite" });
  const about = h("p", { class: "hint", "data-testid": "vl-system-about" });
  const dimScores = new Map();
  const indicatorNotes = new Map();
  const panel = mountIndicatorPanel(engine);

  root.replaceChildren(panel.element, about,
    h("div", { class: "hh-layout" }, h("div", { class: "hh-form-col" }, form), h("div", { class: "hh-result-col" }, out)));
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
      field("$.year", "考核年度", "int")));
    for (const dim of system.dimensions) {
      const score = h("span", { class: "dim-score", "data-testid": `dim-score-${dim.id}` });
      dimScores.set(dim.id, score);
      form.append(h("fieldset", { class: "grid2 dimension", "data-dimension": dim.id },
        h("legend", {}, dim.name, " ", score),
        system.indicators.filter((i) => i.dimension === dim.id).flatMap((ind) => indicatorFields(ind))));
    }
    about.replaceChildren(system.description ?? "", "每项指标注明依据：实施意见条款、国家规划或“设计假设”。");
    if (kept) writeFields(form, kept);
  }

  /** The options of every assessment: the imported system when one is in use. */
  function options() {
    return inUse.imported ? villageOptions() : undefined;
  }

  onIndicatorSystemChange(() => {
    const previous = system;
    inUse = systemInUse(engine);
    system = inUse.system;
    build(previous);
    panel.render(inUse);
    refresh(true);
  });
  panel.render(inUse);

  function indicatorFields(ind) {
    const yes = typeof ind.target === "boolean";
    const target = yes ? (ind.target ? "目标：是" : "目标：否") : `目标：${ind.direction === "lower" ? "≤" : "≥"} ${ind.target}${ind.unit === "%" ? "%" : ` ${ind.unit}`}`;
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
    const parts = [f];
    if (ind.method.kind === "ratio_to_county_average") {
      parts.push(field(`$.county_averages.${ind.id}`, `全县平均：${ind.name}（${ind.unit}）`, "money", { hint: "按与全县平均之比计分" }));
    }
    return parts;
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
      lastResult = engine.assessVillage(evaluated, options());
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
      h("p", { class: "reason", "data-testid": "vl-grade-reason" }, a.grade_reason),
      a.vetoes.length ? h("div", { class: "veto", role: "alert", "data-testid": "vl-vetoes" },
        h("strong", {}, "否决项："), h("ul", {}, a.vetoes.map((v) => h("li", {}, `${v.name}：${v.reason}`)))) : null,
      h("p", { class: "class-suggestion", "data-testid": "vl-class" },
        h("strong", {}, `三类村庄建议：${a.classification.label}`), `。${a.classification.criterion}`,
        a.classification.met.length ? `（${a.classification.met.join("；")}）` : ""),
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
          ["村名", a.village_name], ["乡镇", a.township ?? "未填"], ["总分", `${a.total} / 100`], ["等级", a.grade],
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
