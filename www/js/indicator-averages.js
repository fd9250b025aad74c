// 全县平均值: the county averages some indicators are compared with (脱贫人口收入增速 in percentage
// points, 人均可支配收入 as a ratio). Entered once for the page, kept in localStorage (county
// statistics, not personal data), and passed as `county_averages` wherever a village is scored:
// the scorecard, the ranking of several villages and the 批量核查 village sheet. Without them those
// indicators are "not assessed" (never zero), and the result says which average is missing.
import { h } from "./render.js";

const KEY = "jn.county-averages";
const listeners = new Set();
let current = load();

function load() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? "null");
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

/** The averages entered: `{ indicator id: decimal text }` (a copy). */
export function countyAverages() {
  return { ...current };
}

function save(next) {
  current = next;
  if (Object.keys(next).length) localStorage.setItem(KEY, JSON.stringify(next));
  else localStorage.removeItem(KEY);
  for (const fn of listeners) fn();
}

export function onCountyAveragesChange(fn) {
  listeners.add(fn);
}

/** The indicators of a system compared with a county average. */
export function averagedIndicators(system) {
  return system.indicators.filter((i) => i.method.kind === "ratio_to_county_average" || i.method.kind === "difference_to_county_average");
}

/** The target in words, as the engine states it ("不低于全县平均"). */
export function averageTargetWords(ind) {
  const t = Number(ind.target);
  if (ind.method.kind === "ratio_to_county_average") return t === 1 ? "不低于全县平均" : `不低于全县平均的 ${ind.target} 倍`;
  if (t === 0) return "不低于全县平均";
  return t > 0 ? `比全县平均高 ${ind.target} 个百分点及以上` : `比全县平均低不超过 ${-t} 个百分点`;
}

/** The settings row: one input per averaged indicator, saved as typed (the engine checks them). */
export function countyAveragesPanel(system) {
  const inds = averagedIndicators(system);
  const box = h("fieldset", { class: "grid2 county-averages", "data-testid": "county-averages" },
    h("legend", {}, "全县平均值（填一次：本村考核、多村排名、批量核查共用）"));
  for (const ind of inds) {
    const id = `avg-${ind.id}`;
    const input = h("input", { id, type: "text", inputmode: "decimal", autocomplete: "off", value: current[ind.id] ?? "", "data-average": ind.id });
    input.addEventListener("change", () => {
      const next = { ...current };
      const v = input.value.trim();
      if (v) next[ind.id] = v;
      else delete next[ind.id];
      save(next);
    });
    box.append(h("div", { class: "field" },
      h("label", { for: id }, `全县平均：${ind.name}（${ind.unit}）`), input,
      h("small", { class: "hint" }, `「${ind.name}」的目标：${averageTargetWords(ind)}。不填则该项不评（不计零分）。`)));
  }
  if (!inds.length) box.append(h("p", { class: "hint" }, "在用指标体系没有与全县平均比较的指标。"));
  return box;
}

// Another tab changed them: follow.
globalThis.addEventListener?.("storage", (e) => {
  if (e.key !== KEY && e.key !== null) return;
  current = load();
  for (const fn of listeners) fn();
});
