// The local parameter settings — region, per-parameter overrides with the document each comes from,
// and an optional user parameter file — in the engine's own options shape
// `{ region?, overrides?, override_sources?, params? }`. They are not personal
// data, so they live in localStorage and survive "clear". Every change is validated by the engine
// (paramsInForce throws like an evaluation would) before it is kept.
const KEY = "jn.options";
const listeners = new Set();
let current = load();

function load() {
  try {
    const v = JSON.parse(localStorage.getItem(KEY) ?? "{}");
    return v && typeof v === "object" && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
}

/** A copy of the options in force, as passed to every evaluation. */
export function getOptions() {
  return structuredClone(current);
}

/** The stored options with a view's own per-evaluation overrides on top. */
export function optionsWith(extraOverrides = {}) {
  const o = getOptions();
  const overrides = { ...(o.overrides ?? {}), ...extraOverrides };
  if (Object.keys(overrides).length) o.overrides = overrides;
  else delete o.overrides;
  return o;
}

/** Number of local changes in use: overrides, a region other than the default, a parameter file. */
export function localChanges() {
  return Object.keys(current.overrides ?? {}).length + (current.params ? 1 : 0);
}

/** Validates `next` with the engine and keeps it; throws the engine's error otherwise. */
export function setOptions(engine, date, next) {
  const clean = {};
  if (next.region) clean.region = String(next.region);
  const ov = Object.fromEntries(Object.entries(next.overrides ?? {}).filter(([, v]) => String(v).trim() !== ""));
  if (Object.keys(ov).length) clean.overrides = ov;
  // The document a county figure comes from stays with the figure, and goes when the figure does.
  const docs = Object.fromEntries(Object.entries(next.override_sources ?? {}).filter(([id, v]) => id in ov && String(v).trim() !== "").map(([id, v]) => [id, String(v).trim()]));
  if (Object.keys(docs).length) clean.override_sources = docs;
  if (next.params != null) clean.params = next.params;
  engine.paramsInForce(date, clean); // throws { kind, errors } on a bad region, id or value
  current = clean;
  localStorage.setItem(KEY, JSON.stringify(clean));
  for (const fn of listeners) fn(getOptions());
}

/** Reads an exported settings file (its text) and validates it; returns the options or throws. */
export function parseOptionsFile(engine, date, text) {
  let v;
  try {
    v = JSON.parse(text);
  } catch (e) {
    throw Object.assign(new Error("文件不是有效的 JSON"), { errors: [{ path: "$", message: `文件不是有效的 JSON：${e.message}` }] });
  }
  if (!v || typeof v !== "object" || Array.isArray(v)) {
    throw Object.assign(new Error("参数设置文件应为对象"), { errors: [{ path: "$", message: "参数设置文件应为 { region, overrides, params } 对象" }] });
  }
  const { format, exported_at, ...opts } = v; // the two descriptive fields are ours, not the engine's
  void format; void exported_at;
  engine.paramsInForce(date, opts);
  return opts;
}

export function onOptionsChange(fn) {
  listeners.add(fn);
}
