// Custom elements for portals and for the page itself: <jn-household-check>, <jn-village-scorecard>
// and <jn-dibao-quick>. Each renders one of the page's views (household.js, village.js,
// dibao-quick.js — the same renderers, not a second copy) into its own shadow root, so two elements
// on one page never share an id, a style or a clause dialog.
//
// Configuration (attributes, or the properties of the same names):
//   date       核查日期 of a new form, and of a case that gives none (village: its 考核年度)
//   region     the parameters' region (household, 低保速算)
//   overrides  parameter overrides as JSON, e.g. '{"dibao.standard_annual":"5600"}'
//   readonly   the form cannot be edited (a portal showing the case it supplies)
//   value      the case as JSON (property: the object) — jingning.household/1, a village input,
//              or a DibaoIncomeInput
// and the `options` property: the engine's whole options object (village: county_averages,
// indicator_system), overlaid by the attributes.
//
// Events (bubbling, composed, so a listener on the document hears them through the shadow root):
//   jn-ready   the engine is loaded and the form shown; detail {element}
//   jn-result  after each evaluation; detail {result, case, options} — the engine's full result
//   jn-error   the input or options are wrong; detail {errors: [{path, message}], case}
//
// Nothing is kept in the host page's storage: an element's form lives only in its element. The
// page passes its own context (`host`: its parameter settings, drafts, toasts, the 最近的户 list).
import { loadEngine } from "./engine.js";
import { h, setEngine } from "./render.js";
import { createDibaoView } from "./dibao-quick.js";
import { createHouseholdView } from "./household.js";
import { createVillageView } from "./village.js";

// Literal `new URL(…, import.meta.url)` so a bundler (Vite, webpack) copies the stylesheets too.
const STYLESHEETS = [new URL("../style.css", import.meta.url).href, new URL("../elements.css", import.meta.url).href];

/** A JSON attribute: its value, null when absent, or an error naming the attribute. */
function jsonAttribute(el, name) {
  const text = el.getAttribute(name);
  if (text == null || text.trim() === "") return { value: null };
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    return { error: { path: `@${name}`, message: `属性「${name}」不是有效的 JSON：${e.message}` } };
  }
}

const errorsOf = (err) => (err?.errors?.length ? err.errors : [{ path: "$", message: String(err?.message ?? err) }]);

class JnElement extends HTMLElement {
  static observedAttributes = ["date", "region", "overrides", "readonly", "value"];

  #view = null;
  #host = null;
  #options = {};
  #pending = undefined;
  #started = false;
  #applying = false;
  #status;
  #container;
  #resolveReady;

  constructor() {
    super();
    this.ready = new Promise((resolve) => (this.#resolveReady = resolve));
    const root = this.attachShadow({ mode: "open" });
    this.#status = h("p", { class: "jn-status", role: "status", part: "status" }, "正在加载规则引擎……");
    this.#container = h("div", { class: "jn-view", part: "view" });
    // The single-file build (opened from disk) carries the stylesheets' text instead.
    const inline = globalThis.__JN_CSS;
    if (inline) {
      root.adoptedStyleSheets = inline.map((text) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(text);
        return sheet;
      });
    }
    root.append(...(inline ? [] : STYLESHEETS.map((href) => h("link", { rel: "stylesheet", href }))), this.#status, this.#container);
  }

  connectedCallback() {
    if (this.#started) return;
    this.#started = true;
    this.#start();
  }

  async #start() {
    let engine;
    try {
      engine = await loadEngine();
    } catch (err) {
      this.#say(`规则引擎加载失败：${err?.message ?? err}`, true);
      this.#emit("jn-error", { errors: errorsOf(err), case: null });
      return;
    }
    setEngine(engine);
    this.#say("");
    this.#view = this.createView(engine, this.#container, this.#context());
    if (this.#pending !== undefined) this.#apply(this.#pending);
    else if (this.hasAttribute("value")) this.#apply(this.getAttribute("value"));
    else this.reset();
    this.#view.setReadOnly(this.readOnly);
    this.#resolveReady(this.#view);
    this.#emit("jn-ready", { element: this });
  }

  /** What the view sees of its surroundings: the page's context when it has one, else this element. */
  #context() {
    const self = this;
    return {
      compact: true,
      get remember() {
        return self.#host ? self.#host.remember !== false : false;
      },
      get openParam() {
        return self.#host?.openParam;
      },
      optionsWith: (extra) => (self.#host ? self.#host.optionsWith(extra) : self.#optionsWith(extra)),
      changed: (view) => self.#changed(view),
      toast: (message, isError) => (self.#host?.toast ? self.#host.toast(message, isError) : self.#say(message, isError)),
    };
  }

  /** The options of an evaluation: the `options` property, then the attributes, then the view's own. */
  #optionsWith(extra = {}) {
    const o = structuredClone(this.#options ?? {});
    if (!this.constructor.usesParameters) return o;
    if (this.hasAttribute("region")) o.region = this.getAttribute("region");
    const attr = jsonAttribute(this, "overrides");
    if (attr.value) o.overrides = { ...o.overrides, ...attr.value };
    if (extra && Object.keys(extra).length) o.overrides = { ...o.overrides, ...extra };
    return o;
  }

  #changed(view) {
    if (this.#applying) return;
    this.#host?.changed?.(view);
    const ev = view.evaluation();
    const attr = this.constructor.usesParameters ? jsonAttribute(this, "overrides") : {};
    if (attr.error) {
      // The form shows a result without the overrides meant: say so, and give the portal no result.
      this.#say(attr.error.message, true);
      return this.#emit("jn-error", { errors: [attr.error], case: this.caseOf(ev.case) });
    }
    if (!this.#host) this.#say("");
    if (ev.result) this.#emit("jn-result", { result: ev.result, case: this.caseOf(ev.case), options: ev.options });
    else this.#emit("jn-error", { errors: errorsOf(ev.error), case: this.caseOf(ev.case) });
  }

  #emit(type, detail) {
    this.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
  }

  #say(message, isError = false) {
    const text = message instanceof Node ? message.textContent : message ?? "";
    this.#status.textContent = text;
    this.#status.classList.toggle("error", Boolean(isError));
    // A live region only while it says something: the views announce their own changes.
    if (!text) this.#status.removeAttribute("role");
    else this.#status.setAttribute("role", isError ? "alert" : "status");
  }

  /** Shows a case (object or JSON text); a wrong one is reported, the form keeps what it had. */
  #apply(value) {
    let v = value;
    if (typeof v === "string") {
      try {
        v = JSON.parse(v);
      } catch (e) {
        const errors = [{ path: "$", message: `案例不是有效的 JSON：${e.message}` }];
        this.#say(errors[0].message, true);
        this.#emit("jn-error", { errors, case: null });
        return;
      }
    }
    if (v == null) return this.reset();
    try {
      this.#view.setState(this.stateOf(v, this.getAttribute("date")));
    } catch (err) {
      this.#say(`无法显示此案例：${errorsOf(err).map((e) => e.message).join("；")}`, true);
      this.#emit("jn-error", { errors: errorsOf(err), case: v });
    }
  }

  /** The view's own context, when the element is part of the page (set before `ready` resolves). */
  set host(ctx) {
    this.#host = ctx;
  }
  get host() {
    return this.#host;
  }

  /** The case shown, as the engine reads it. */
  get value() {
    return this.#view ? this.caseOf(this.#view.getState()) : this.#pending ?? null;
  }
  set value(v) {
    if (this.#view) this.#apply(v);
    else this.#pending = v;
  }

  /** The engine's result for the case shown (null while loading or when the input is wrong). */
  get result() {
    return this.#view?.evaluation().result ?? null;
  }

  get options() {
    return structuredClone(this.#options);
  }
  set options(o) {
    this.#options = o && typeof o === "object" ? structuredClone(o) : {};
    this.#view?.optionsChanged ? this.#view.optionsChanged() : this.#view?.refresh();
  }

  get readOnly() {
    return this.hasAttribute("readonly");
  }
  set readOnly(on) {
    this.toggleAttribute("readonly", Boolean(on));
  }

  get date() {
    return this.getAttribute("date");
  }
  set date(d) {
    if (d == null) this.removeAttribute("date");
    else this.setAttribute("date", d);
  }

  get region() {
    return this.getAttribute("region");
  }
  set region(r) {
    if (r == null) this.removeAttribute("region");
    else this.setAttribute("region", r);
  }

  get overrides() {
    return jsonAttribute(this, "overrides").value;
  }
  set overrides(o) {
    if (o == null) this.removeAttribute("overrides");
    else this.setAttribute("overrides", typeof o === "string" ? o : JSON.stringify(o));
  }

  /** An empty form (核查日期 from the `date` attribute, else today). */
  reset() {
    if (!this.#view) return;
    const date = this.getAttribute("date");
    if (!date) return this.#view.reset();
    this.#applying = true;
    try {
      this.#view.reset();
    } finally {
      this.#applying = false;
    }
    this.#view.setState(this.withDate(this.#view.getState(), date, true));
  }

  attributeChangedCallback(name, old, now) {
    if (!this.#view || old === now) return;
    if (name === "value") this.#apply(now);
    else if (name === "readonly") this.#view.setReadOnly(now != null);
    else if (name === "date") {
      if (now) this.#view.setState(this.withDate(this.#view.getState(), now, true));
    } else this.#view.optionsChanged ? this.#view.optionsChanged() : this.#view.refresh();
  }

  // Per element: the view, and the case as the view keeps it (`stateOf`) and as the engine reads
  // it (`caseOf`).
  static usesParameters = true;
  stateOf(v, date) {
    return date ? this.withDate(v, date, false) : v;
  }
  caseOf(state) {
    return state;
  }
  withDate(v, date, force) {
    return force || !v.assessment_date ? { ...v, assessment_date: date } : v;
  }
}

/** 农户核查: a jingning.household/1 case → evaluateHousehold. */
export class JnHouseholdCheck extends JnElement {
  createView(engine, root, ctx) {
    return createHouseholdView(engine, root, ctx);
  }
}

/** 村级考核: a jingning.village-input/1 → assessVillage (options: county_averages, indicator_system). */
export class JnVillageScorecard extends JnElement {
  static usesParameters = false;
  createView(engine, root, ctx) {
    return createVillageView(engine, root, ctx);
  }
  withDate(v, date, force) {
    const year = Number(String(date).slice(0, 4));
    return force || v.year == null ? { ...v, year } : v;
  }
}

/** 低保收入速算: a DibaoIncomeInput → checkDibaoIncome (the 低保标准 typed in is an override). */
export class JnDibaoQuick extends JnElement {
  createView(engine, root, ctx) {
    return createDibaoView(engine, root, ctx);
  }
  /** Takes the engine's input, or the view's own state `{input, overrides}` (a saved case). */
  stateOf(v, date) {
    const state = v && typeof v === "object" && "input" in v ? v : { input: v, overrides: {} };
    return date ? this.withDate(state, date, false) : state;
  }
  caseOf(state) {
    return state?.input ?? state;
  }
  withDate(state, date, force) {
    const input = state.input ?? {};
    return force || !input.assessment_date ? { ...state, input: { ...input, assessment_date: date } } : state;
  }
}

const ELEMENTS = { "jn-household-check": JnHouseholdCheck, "jn-village-scorecard": JnVillageScorecard, "jn-dibao-quick": JnDibaoQuick };
for (const [name, cls] of Object.entries(ELEMENTS)) {
  // Loaded twice (two copies of the package on one page), the first definition stays.
  if (!customElements.get(name)) customElements.define(name, cls);
}
