// Page bootstrap: load the engine, mount the views, and wire the tabs, the toolbar (save, open,
// print, parameters, clear), drafts and the service worker.
import { loadEngine } from "./engine.js";
import { h, setEngine, errorList } from "./render.js";
import "./elements.js";
import { startEmbedding, embedMode } from "./embed.js";
import { createPendingView } from "./pending.js";
import { mountParamsPanel } from "./params-panel.js";
import { getOptions, optionsWith, localChanges, onOptionsChange } from "./options-store.js";
import { saveDraft, loadDraft, clearPersonalData, downloadJson, pickFileText } from "./storage.js";
import { fillPrintSheet } from "./print.js";
import { systemInUse, onIndicatorSystemChange } from "./indicator-store.js";
import { optionalViews } from "./views.js";
import { localDate } from "./local-date.js";
import { mountTrainer } from "./trainer.js";

const CASE_FORMAT = "静宁县政策核对·案例";
const $ = (id) => document.getElementById(id);

let engine;
const views = {};
let active = "household";
let draftsSuspended = false;
// Iframe mode (embed.js): no drafts, no 最近的户, the portal's options, results posted back.
const embedded = embedMode();
let embedOptions = null;
let embedChanged = null;

const ctx = {
  optionsWith: (extra) => (embedOptions ? withOverrides(embedOptions, extra) : optionsWith(extra)),
  /** Households go to “最近的户” — not in a portal's iframe, nor training households (trainer mode). */
  get remember() {
    return !embedded && !document.body.classList.contains("trainer");
  },
  toast: (message, isError) => toast(message, isError),
  /** Opens the parameters panel at one parameter's override box (a provisional card's link). */
  openParam(id) {
    toggleParams(true);
    // The panel renders on the next task (params-panel.js): find the box after that.
    setTimeout(() => {
      const input = document.querySelector(`#params-root tr[data-param="${CSS.escape(id)}"] input`);
      input?.scrollIntoView({ block: "center" });
      input?.focus();
    }, 0);
  },
  changed(view) {
    if (!draftsSuspended && !embedded && !view.pending) saveDraftSoon(view);
    if (view.id === active) updateStatus();
    embedChanged?.(view);
  },
};

// Drafts (sessionStorage: a reload must not lose the form) are written once typing pauses, not on
// every keystroke: reading the whole form again and storing it was a quarter of a keystroke's time
// in a nine-member household (docs/benchmarks.md “Page timings”). They are written at once when
// the page is hidden or left (a reload, a closed tab), and dropped by 清除本机数据.
const DRAFT_PAUSE_MS = 400;
const unsavedDrafts = new Set();
let draftTimer = 0;
function saveDraftSoon(view) {
  unsavedDrafts.add(view);
  clearTimeout(draftTimer);
  draftTimer = setTimeout(saveDrafts, DRAFT_PAUSE_MS);
}
function saveDrafts() {
  clearTimeout(draftTimer);
  for (const v of unsavedDrafts) saveDraft(v.id, v.getState());
  unsavedDrafts.clear();
}
function dropUnsavedDrafts() {
  clearTimeout(draftTimer);
  unsavedDrafts.clear();
}
addEventListener("pagehide", saveDrafts);
document.addEventListener("visibilitychange", () => {
  if (document.visibilityState === "hidden") saveDrafts();
});

/** Options with a view's own overrides on top (the 低保标准 typed into the 速算). */
function withOverrides(options, extra = {}) {
  const o = structuredClone(options);
  if (Object.keys(extra ?? {}).length) o.overrides = { ...o.overrides, ...extra };
  return o;
}

async function main() {
  try {
    engine = await loadEngine();
  } catch (err) {
    $("loading").hidden = true;
    $("load-error").textContent = `规则引擎加载失败：${err?.message ?? err}`;
    $("load-error").hidden = false;
    return;
  }
  setEngine(engine);
  $("engine-version").textContent = engine.engineVersion();

  const extra = await optionalViews(engine, ctx);
  views.household = extra.household ?? createPendingView("household", "农户核查", $("household-check"), "农户核查（家庭规则）");
  views.village = extra.village ?? createPendingView("village", "村级考核", $("village-root"), "村级考核（村庄指标体系）");
  // The 低保速算 is the <jn-dibao-quick> element portals use, given the page's context.
  $("dibao-check").host = ctx;
  views.dibao = await $("dibao-check").ready;
  if ($("view-batch")) views.batch = batchView();
  // Embedded in a portal's iframe (embed.js), the portal supplies the case: no draft of this
  // browser is shown in someone else's page, and none is kept.
  for (const v of Object.values(views)) {
    const draft = embedded ? null : loadDraft(v.id);
    if (draft) v.setState(draft);
    else v.reset();
  }

  const panel = mountParamsPanel(engine, $("params-root"), () => views[active].assessmentDate() || today());
  onOptionsChange(() => {
    for (const v of Object.values(views)) v.refresh();
    updateStatus();
  });

  if (typeof engine.validateIndicatorSystem === "function") {
    onIndicatorSystemChange(updateIndicatorFlag);
    updateIndicatorFlag();
  }

  wireTabs();
  wireToolbar(panel);
  // 培训 (trainer mode) works on the household view: its scenarios are households. Not in a portal's iframe.
  if (!embedded && !views.household.pending) mountTrainer(engine, views.household, { optionsWith, toast, activate: () => activate("household", false) });
  else $("btn-trainer").hidden = true;
  let initial = embedded?.view ?? sessionStorage.getItem("jn.view");
  if (!views[initial] || views[initial].pending) initial = views.household.pending ? "dibao" : "household";
  activate(initial, false);
  $("loading").hidden = true;
  document.body.dataset.ready = "true";
  if (embedded) {
    embedChanged = startEmbedding(embedded, {
      engine, views, activate: (id) => activate(id, false), active: () => active,
      setOptions: (o) => (embedOptions = o),
    });
  }
  else registerServiceWorker();
}

/** 批量核查 lives in its own module (batch.js); as a tab it has no single case to save or print. */
function batchView() {
  return {
    id: "batch",
    title: "批量核查",
    caseless: true,
    getState: () => null,
    setState() {},
    reset() {},
    refresh() {},
    assessmentDate: () => $("batch-date")?.value ?? "",
  };
}

function today() {
  return localDate();
}

function activate(id, focus = true) {
  active = id;
  for (const tab of document.querySelectorAll("[role=tab]")) {
    const on = tab.dataset.view === id;
    tab.setAttribute("aria-selected", String(on));
    tab.tabIndex = on ? 0 : -1;
    $(tab.getAttribute("aria-controls")).hidden = !on;
    if (on && focus) tab.focus();
  }
  if (!embedded) sessionStorage.setItem("jn.view", id);
  updateStatus();
  if (!$("params-panel").hidden) panelRender?.();
}

let panelRender;

function wireTabs() {
  const tabs = [...document.querySelectorAll("[role=tab]")];
  for (const tab of tabs) tab.addEventListener("click", () => activate(tab.dataset.view));
  $("tablist").addEventListener("keydown", (e) => {
    const i = tabs.findIndex((t) => t.dataset.view === active);
    const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[e.key];
    if (next === undefined) return;
    e.preventDefault();
    activate(tabs[(next + tabs.length) % tabs.length].dataset.view);
  });
}

function wireToolbar(panel) {
  panelRender = panel.render;
  $("btn-params").addEventListener("click", () => toggleParams());
  $("btn-save").addEventListener("click", saveCase);
  $("btn-open").addEventListener("click", openCase);
  $("btn-print").addEventListener("click", () => {
    if (views[active].caseless) return toast("批量核查请导出结果后在表格软件中打印；核查表按户打印。", true);
    preparePrint();
    window.print();
  });
  window.addEventListener("beforeprint", preparePrint);
  $("btn-clear").addEventListener("click", () => $("clear-dialog").showModal());
  $("clear-dialog").addEventListener("close", async () => {
    if ($("clear-dialog").returnValue !== "confirm") return;
    await clearAll();
  });
}

function toggleParams(open) {
  const p = $("params-panel");
  const show = open ?? p.hidden;
  p.hidden = !show;
  document.body.classList.toggle("with-params", show);
  // The household element stacks form and results beside the panel (elements.css).
  $("household-check")?.toggleAttribute("narrow", show);
  $("btn-params").setAttribute("aria-expanded", String(show));
  if (show) {
    panelRender();
    $("params-title").focus();
  }
}

// The status line depends only on the date, the options and the local changes: redrawn when one
// of them changes, not on every keystroke of a form.
let statusKey = null;

function updateStatus() {
  const v = views[active];
  if (!v || !engine) return;
  const date = v.assessmentDate() || today();
  const opts = getOptions();
  const key = JSON.stringify([date, opts, localChanges()]);
  if (key === statusKey) return;
  let list = [];
  try {
    list = engine.paramsInForce(date, opts);
  } catch {
    // A date still being typed: keep the last status.
    return;
  }
  statusKey = key;
  const unverified = list.filter((p) => p.in_force && !p.in_force.verified && !p.in_force.overridden);
  $("param-status").textContent =
    `适用参数：${opts.region ?? "静宁县"} · ${date.slice(0, 4)} 年（按核查日期 ${date}）· ${unverified.length} 项在用值未核实`;
  const overridden = list.filter((p) => p.in_force?.overridden);
  const banner = $("overrides-banner");
  const n = localChanges();
  banner.hidden = n === 0;
  banner.replaceChildren(n === 0 ? "" : h("span", {},
    `⚠ 本地参数覆盖生效中（${n} 项）：`,
    overridden.map((p) => `${p.label} = ${p.in_force.value} ${p.unit}`).join("；") || "使用了导入的参数文件",
    " ",
    h("button", { type: "button", class: "link", onclick: () => toggleParams(true) }, "查看参数")));
}

/** The flag shown on every tab while village assessments use an imported indicator system. */
function updateIndicatorFlag() {
  const { system, imported, error } = systemInUse(engine);
  const flag = $("indicators-banner");
  flag.hidden = !imported && !error;
  flag.replaceChildren(flag.hidden ? "" : h("span", {},
    imported ? `⚠ 村级考核使用本县导入的指标体系：${system.name}（${system.year}）` : "⚠ 本机保存的指标体系未通过校验，村级考核暂用内置默认体系",
    " ",
    h("button", { type: "button", class: "link", onclick: () => activate("village") }, "查看指标体系")));
}

function toast(message, isError = false) {
  const t = $("toast");
  t.replaceChildren(message instanceof Node ? message : h("span", {}, message));
  t.classList.toggle("error", isError);
}

function saveCase() {
  const v = views[active];
  if (v.pending) return toast("此页暂不可用，没有可保存的案例。", true);
  if (v.caseless) return toast("批量核查的结果请用「导出结果」保存为表格。", true);
  const state = v.getState();
  const file = { format: CASE_FORMAT, version: 1, view: v.id, saved_at: new Date().toISOString(), engine_version: engine.engineVersion(), ...(v.caseMeta?.() ?? {}), data: state };
  downloadJson(file, `jingning-${v.id}-${v.assessmentDate() || today()}.json`);
  toast(`已保存为文件（${v.title}）。文件含个人信息，请妥善保管。`);
}

async function openCase() {
  let text;
  try {
    text = await pickFileText($("open-file"));
  } catch {
    return;
  }
  let file;
  try {
    file = JSON.parse(text);
  } catch (e) {
    return toast(`无法打开：文件不是有效的 JSON（${e.message}）`, true);
  }
  // Our own wrapper, or a bare engine input (a household case or a village input, e.g. from the CLI).
  const target = file?.format === CASE_FORMAT ? views[file.view]
    : Object.values(views).find((v) => v.acceptsCase?.(file)) ?? null;
  if (!target || target.pending) return toast("无法打开：这不是本工具保存的案例文件，或本版本不支持此类案例。", true);
  try {
    target.setState(file?.format === CASE_FORMAT ? file.data : file);
  } catch (err) {
    return toast(errorList(err, "无法打开，案例文件有误："), true);
  }
  activate(target.id);
  const note = file?.format === CASE_FORMAT ? target.openNote?.(file) ?? "" : "";
  toast(`已打开案例（${target.title}）。${note}`, Boolean(note));
}

function preparePrint() {
  const v = views[active];
  if (v.caseless) return;
  fillPrintSheet($("print-sheet"), v.printModel(), {
    region: getOptions().region ?? "静宁县",
    engineVersion: engine.engineVersion(),
    printedAt: new Date().toLocaleString("zh-CN", { hour12: false }),
    localChanges: localChanges(),
  });
}

async function clearAll() {
  draftsSuspended = true;
  dropUnsavedDrafts();
  try {
    for (const v of Object.values(views)) v.reset();
    $("print-sheet").replaceChildren();
    $("open-file").value = "";
    // Other sections holding personal data (批量核查) listen for this and drop theirs.
    document.dispatchEvent(new CustomEvent("jn-clear-personal-data"));
    await clearPersonalData();
  } finally {
    draftsSuspended = false;
  }
  toast("已清除本机上的全部案例数据（表单、草稿和缓存）。");
}

function registerServiceWorker() {
  // Served over http(s) only: the single-file build opened from disk has nothing to cache.
  if (!("serviceWorker" in navigator) || !location.protocol.startsWith("http")) return;
  // The page opens from the cache first (a poor connection must not stall it), so right after a
  // new build is published this page is still the old one while the new worker installs. When
  // the new worker takes over, say so and offer the reload rather than forcing one on a form in
  // progress (drafts are kept in sessionStorage, so the reload loses nothing).
  const hadController = Boolean(navigator.serviceWorker.controller);
  navigator.serviceWorker.addEventListener("controllerchange", () => {
    if (!hadController) return;
    const button = h("button", { type: "button", class: "link", "data-testid": "reload-new-version" }, "立即刷新");
    button.addEventListener("click", () => location.reload());
    toast(h("span", {}, "已发布新版本的页面和规则。", button, "（填写中的内容会保留）"));
  });
  navigator.serviceWorker.register("./sw.js").catch(() => {
    // Offline support is a convenience; the page works without it.
  });
}

main();
