// The county's own village indicator system, when one has been imported: kept in localStorage as
// the county wrote it (it is not personal data, so like the parameter settings it survives
// "清除本机数据"), validated by the engine before it is kept, and passed as `indicator_system` to
// every village evaluation — the 村级考核 view and the 批量核查 village sheet alike.
import { countyAverages } from "./indicator-averages.js";

const KEY = "jn.indicators";
const listeners = new Set();
let current = load();

function load() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? "null");
    return v && typeof v === "object" && !Array.isArray(v) ? v : null;
  } catch {
    return null;
  }
}

/** "名称（年度，内置默认|本县导入）" for a result's or a ranking's `system` ({name, year, builtin});
 * the year is left out when the name already carries it. */
export function systemLabel(s) {
  const year = String(s.name).includes(String(s.year)) ? "" : `${s.year}，`;
  return `${s.name}（${year}${s.builtin ? "内置默认" : "本县导入"}）`;
}

/** The imported system as stored (a copy), or null while the built-in default is in use. */
export function importedSystem() {
  return current ? structuredClone(current) : null;
}

/** The village options in use: `{ indicator_system? , county_averages? }` — the imported system
 * (none for the default) and the county averages entered once (indicator-averages.js). */
export function villageOptions() {
  const o = current ? { indicator_system: structuredClone(current) } : {};
  const averages = countyAverages();
  if (Object.keys(averages).length) o.county_averages = averages;
  return o;
}

/**
 * The system in use, as the engine reads it, and whether it was imported. A stored system the
 * engine no longer accepts (a newer engine with stricter checks) is reported in `error` and the
 * default is used meanwhile, so the page never silently scores with a system it cannot read.
 */
export function systemInUse(engine) {
  if (current) {
    try {
      return { system: engine.validateIndicatorSystem(current), imported: true, error: null };
    } catch (err) {
      return { system: engine.defaultIndicatorSystem(), imported: false, error: err };
    }
  }
  return { system: engine.defaultIndicatorSystem(), imported: false, error: null };
}

/** Validates `system` with the engine and keeps it; throws the engine's error (every path) otherwise. */
export function setIndicatorSystem(engine, system) {
  engine.validateIndicatorSystem(system);
  localStorage.setItem(KEY, JSON.stringify(system));
  current = structuredClone(system);
  notify();
}

/** Back to the built-in default. */
export function clearIndicatorSystem() {
  localStorage.removeItem(KEY);
  current = null;
  notify();
}

/**
 * Reads an indicator system file (its text): a bare system, or an options file
 * `{ indicator_system: … }` as the command line takes. Throws `{ errors: [{path, message}] }`.
 */
export function parseIndicatorFile(engine, text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw Object.assign(new Error("文件不是有效的 JSON"), { errors: [{ path: "$", message: `文件不是有效的 JSON：${e.message}` }] });
  }
  if (v && typeof v === "object" && !Array.isArray(v) && !("schema" in v) && v.indicator_system && typeof v.indicator_system === "object") {
    v = v.indicator_system;
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) {
    throw Object.assign(new Error("指标体系文件应为对象"), { errors: [{ path: "$", message: "指标体系文件应为对象（与“导出当前指标体系”得到的文件同结构）" }] });
  }
  engine.validateIndicatorSystem(v);
  return v;
}

function notify() {
  for (const fn of listeners) fn();
}

export function onIndicatorSystemChange(fn) {
  listeners.add(fn);
}

// Another tab of the same page changed it: follow, so two tabs never score with different systems.
globalThis.addEventListener?.("storage", (e) => {
  if (e.key !== KEY && e.key !== null) return;
  current = load();
  notify();
});
