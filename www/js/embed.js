// Iframe mode: a portal frames the page (`index.html?embed=1&origins=https://portal.example`) and
// talks to it with postMessage. Message types (docs/portal.md, types/jingning_embed.d.ts):
//   page → portal  {type: "jn:ready", version, views}                 once the engine is loaded
//   portal → page  {type: "jn:evaluate", id?, case, options?, view?}  show this case and evaluate it
//   page → portal  {type: "jn:result", id, view, case, options, result, source: "request" | "user"}
//   page → portal  {type: "jn:error", id, view, errors: [{path, message}]}
// Only messages from the framing window whose origin is allowed are read; everything else is
// ignored without a reply (a reply would tell a stranger the page is there). A deployment may fix
// the list in `<html data-embed-origins="https://a https://b">`: the URL can then only narrow it.
// Replies go to the sender's origin only; after the first request, the user's own edits in the
// frame are posted to that origin as well (source "user"), so the portal always has the result on
// screen.
const HOUSEHOLD_SCHEMA = "jingning.household/1";
const VILLAGE_SCHEMA = "jingning.village-input/1";

/** An origin as the browser writes it ("https://a.example:8443"), or null for anything else. */
function origin(text) {
  try {
    const o = new URL(text).origin;
    return o === "null" ? null : o;
  } catch {
    return null;
  }
}

/** The iframe mode asked for by the URL: the allowed origins and the view to open, or null. */
export function embedMode(loc = location, root = document.documentElement) {
  const q = new URLSearchParams(loc.search);
  if (q.get("embed") !== "1") return null;
  let origins = (q.get("origins") ?? "").split(",").map((s) => origin(s.trim())).filter(Boolean);
  const fixed = root.dataset.embedOrigins;
  if (fixed != null) {
    const allowed = new Set(fixed.split(/[\s,]+/).map(origin).filter(Boolean));
    origins = origins.length ? origins.filter((o) => allowed.has(o)) : [...allowed];
  }
  return { origins: new Set(origins), view: q.get("view") };
}

/** Which view a case is for: its schema, else the 低保速算 input (household_size and incomes). */
function viewFor(message) {
  if (["household", "village", "dibao"].includes(message.view)) return message.view;
  const c = message.case;
  if (c?.schema === HOUSEHOLD_SCHEMA) return "household";
  if (c?.schema === VILLAGE_SCHEMA) return "village";
  if (c && typeof c === "object" && ("household_size" in c || "incomes" in c)) return "dibao";
  return null;
}

const errorsOf = (err) => (err?.errors?.length ? err.errors : [{ path: "$", message: String(err?.message ?? err) }]);

/** Results are plain data; a copy through JSON drops anything a structured clone would refuse. */
const plain = (x) => (x == null ? x : JSON.parse(JSON.stringify(x)));

/**
 * Starts listening. `app` gives the engine, the views, `activate(id)`, `active()` and
 * `setOptions(o)` (the options every view of the frame evaluates with, null for the page's own).
 * Returns `changed(view)`, which the page calls after each evaluation.
 */
export function startEmbedding(mode, app) {
  document.documentElement.classList.add("embedded");
  let partner = null;
  let applying = false;
  const note = document.getElementById("embed-note");
  const say = (text) => {
    if (!note) return;
    note.textContent = text;
    note.hidden = false;
  };
  say(mode.origins.size
    ? `本页嵌入在其他网站中：核查结果会发送给 ${[...mode.origins].join("、")}。`
    : "本页以嵌入方式打开，但没有允许任何网站发送案例（origins 为空）。");

  const VIEWS = ["household", "village", "dibao"];

  window.addEventListener("message", (e) => {
    if (e.source !== window.parent || !mode.origins.has(e.origin)) return;
    const m = e.data;
    if (!m || typeof m !== "object" || m.type !== "jn:evaluate") return;
    partner = e.origin;
    const reply = (msg) => e.source.postMessage({ id: m.id ?? null, ...msg }, e.origin);
    const view = viewFor(m);
    if (!view || !app.views[view] || app.views[view].pending) {
      return reply({ type: "jn:error", view, errors: [{ path: "$", message: "无法识别案例类型：请给出 view（household / village / dibao），或带 schema 的案例" }] });
    }
    const options = m.options && typeof m.options === "object" ? m.options : {};
    if (view === "village") {
      // The village form keeps the frame's own indicator settings: the answer is the engine's for
      // the message's case and options, and the form shows the case.
      let result;
      try {
        result = app.engine.assessVillage(m.case, options);
      } catch (err) {
        return reply({ type: "jn:error", view, errors: errorsOf(err) });
      }
      show(view, () => app.views.village.setState(m.case));
      return reply({ type: "jn:result", view, case: plain(m.case), options: plain(options), result: plain(result), source: "request" });
    }
    // Household and 低保速算: the answer is what the frame shows — the case as its form reads it,
    // evaluated with the message's options — so the reply, the screen and the printed sheet (its
    // fingerprint) agree. The reply's `case` is that reading.
    let thrown = null;
    show(view, () => {
      app.setOptions(options);
      app.views[view].setState(view === "dibao" ? { input: m.case, overrides: {} } : m.case);
    }, (err) => (thrown = err));
    const ev = app.views[view].evaluation();
    if (thrown || !ev.result) return reply({ type: "jn:error", view, errors: errorsOf(thrown ?? ev.error) });
    reply({ type: "jn:result", view, case: plain(ev.case), options: plain(ev.options), result: plain(ev.result), source: "request" });
  });

  /** Shows a case in a view without posting it back as the user's own edit. */
  function show(view, fill, failed = () => {}) {
    applying = true;
    try {
      fill();
      app.activate(view);
    } catch (err) {
      failed(err);
    } finally {
      applying = false;
    }
  }

  for (const o of mode.origins) {
    // Delivered only if the framing page has that origin; the others are dropped by the browser.
    window.parent.postMessage({ type: "jn:ready", version: app.engine.engineVersion(), views: VIEWS.filter((v) => app.views[v] && !app.views[v].pending) }, o);
  }

  return function changed(view) {
    if (applying || !partner || view.id !== app.active() || !view.evaluation) return;
    const ev = view.evaluation();
    window.parent.postMessage(ev.result
      ? { type: "jn:result", id: null, view: view.id, case: plain(ev.case), options: plain(ev.options), result: plain(ev.result), source: "user" }
      : { type: "jn:error", id: null, view: view.id, errors: errorsOf(ev.error) }, partner);
  };
}
