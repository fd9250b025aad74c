// 批量核查: open a township sheet (.xlsx/.csv) — a household 台账 or a village indicator sheet,
// recognised from its headers (or as the 表格类型 switch says), from the first recognised sheet of
// a workbook (or the one chosen) — evaluate it in a Web Worker with a progress bar and a cancel
// button, show the summary and a filterable, sortable results table (households, or the villages'
// ranking), export results, download the templates, compare two assessment dates. The
// spreadsheet module is fetched by the worker only when one of these is first used.
//
// A large household 台账 is evaluated by several workers at once (one per core the browser
// reports, up to four): each opens the same file and evaluates a contiguous range of households;
// for a file large enough to be split they all start reading it at once (reading a 100,000-household
// xlsx takes seconds, and the others used to start only when the first had finished);
// the ranges arrive as JSON text written in Rust, are joined in order and their summaries merged
// in order, so the table is the same whatever the number of workers. The first worker keeps the
// sheet for exports, comparisons and village scores.
//
// The spreadsheet module is fetched and compiled once, by this page, when a sheet is first opened,
// and the compiled `WebAssembly.Module` is handed to every worker: workers that each compiled it
// themselves each paid the compilation and the optimising tier-up again (≈ 0.6 s of CPU a worker,
// docs/benchmarks.md “Browser batch”), for every file, since a file gets fresh workers.
import { downloadBlob } from "./storage.js";
import { villageOptions, onIndicatorSystemChange, systemLabel } from "./indicator-store.js";
import { localDate } from "./local-date.js";
import { postWithSheet } from "./sheet-module.js";

const $ = (id) => document.getElementById(id);
const SHOWN = 300; // rows rendered at once; the filter narrows the rest

let worker = null;
/** Extra workers evaluating ranges of the sheet the first worker has open; ended when done. */
let helpers = [];
/** Which open() the messages belong to: a late message of a replaced file is dropped. */
let generation = 0;
const fresh = () => ({ info: null, households: [], villages: null, summary: null, sort: null, fileName: "", file: null, shards: null, options: null, helperState: [] });
/** Files from this size start the helpers with the first worker, before the number of households is
 * known (a 台账 of 4,000 households, the least that is split, is larger); helpers not needed then
 * are ended when the first worker has read the file. */
const EARLY_HELPERS_BYTES = 256 * 1024;
let state = fresh();

const today = () => localDate();

/** Why the spreadsheet module could not start, in words (a worker's load error is a bare Event). */
function loadFailure(detail) {
  const offline = navigator.onLine === false;
  return `批量核查模块（表格读写程序）未能加载${detail ? `：${detail}` : ""}。`
    + (offline ? "本机现在离线，而这台电脑上还没有保存该模块：请联网后打开本页一次（模块会自动保存），之后断网也能用。"
      : "请刷新页面后重试；如仍失败，请检查本页的文件是否完整（pkg-sheet 目录）。");
}

function getWorker() {
  if (!worker) {
    worker = new Worker(new URL("./batch-worker.js", import.meta.url), { type: "module" });
    worker.onmessage = (ev) => onMessage(ev.data);
    worker.onerror = (ev) => {
      // The worker script itself failed (not found, offline, blocked): a fresh one next time.
      ev.preventDefault?.();
      worker?.terminate();
      worker = null;
      showError(loadFailure(ev.message));
    };
  }
  return worker;
}

function endHelpers() {
  for (const h of helpers) h?.terminate();
  helpers = [];
}

function cancel() {
  worker?.terminate();
  worker = null;
  endHelpers();
  $("batch-progress-box").hidden = true;
  status("已取消。");
}

/** "清除本机数据": the worker holds the whole spreadsheet, so it goes; then every result shown. */
function clearAll() {
  worker?.terminate();
  worker = null;
  endHelpers();
  state = fresh();
  $("batch-progress-box").hidden = true;
  $("batch-sheet-box").hidden = true;
  $("batch-sheet").replaceChildren();
  $("batch-error").hidden = true;
  $("batch-results").hidden = true;
  for (const id of ["batch-columns", "batch-changes", "batch-summary"]) $(id).replaceChildren();
  $("batch-table")?.querySelector("tbody")?.replaceChildren();
  $("batch-file").value = "";
  $("batch-filter").value = "";
  status("");
  delete document.body.dataset.batch;
}

function status(text) {
  $("batch-status").textContent = text;
}

function showError(message, errors = []) {
  $("batch-progress-box").hidden = true;
  const e = $("batch-error");
  const details = errors.map((x) => x.message).filter((m) => m && m !== message);
  e.textContent = [message, ...details].join("；");
  e.hidden = false;
  status("");
  document.body.dataset.batch = "error";
}

function download(bytes, name, type) {
  downloadBlob(new Blob([bytes], { type }), name);
}

/** Opens `file`; `sheet` (a name) re-reads the same file from another sheet of its workbook. */
function open(file, sheet = null) {
  if (!file) return;
  cancel();
  $("batch-error").hidden = true;
  $("batch-results").hidden = true;
  $("batch-columns").replaceChildren();
  $("batch-changes").replaceChildren();
  if (!sheet) $("batch-sheet-box").hidden = true;
  document.body.dataset.batch = "running";
  state = { ...fresh(), fileName: file.name, file };
  status(`正在读取「${file.name}」……`);
  $("batch-progress").value = 0;
  $("batch-progress-text").textContent = "";
  $("batch-progress-box").hidden = false;
  const date = $("batch-date").value || today();
  // A village sheet is scored with the indicator system in use in the 村级考核 tab (imported or default).
  const options = { assessment_date: date, kind: $("batch-kind").value, ...villageOptions() };
  if (sheet) options.sheet = sheet;
  state.options = options;
  generation++;
  postWithSheet(getWorker(), { type: "open", file, options, shard: 0 });
  if (file.size >= EARLY_HELPERS_BYTES) for (let k = 1; k < maxShards(); k++) startHelper(k);
}

/** One worker per core the browser reports, up to four. */
const maxShards = () => Math.max(1, Math.min(4, navigator.hardwareConcurrency || 1));

/** Workers for a sheet of `households`: one for a small sheet, which a second worker would only
 * read twice. */
function shardCount(households) {
  return households < 4000 ? 1 : maxShards();
}

/** Starts helper `k` reading the open file; it is given its range when both it and the first
 * worker have read the file (state.helperState[k]: "reading", "ready", "given" or "failed"). */
function startHelper(k) {
  const gen = generation;
  const h = new Worker(new URL("./batch-worker.js", import.meta.url), { type: "module" });
  h.onmessage = (ev) => { if (gen === generation) onMessage(ev.data); };
  h.onerror = (ev) => { ev.preventDefault?.(); if (gen === generation) helperFailed(k); };
  helpers[k] = h;
  state.helperState[k] = "reading";
  postWithSheet(h, { type: "open", file: state.file, options: state.options, shard: k });
}

/** Gives helper `k` its range once the ranges are known and it has read the file. */
function giveRange(k) {
  const s = state.shards?.[k];
  if (!s || state.helperState[k] !== "ready") return;
  state.helperState[k] = "given";
  if (helpers[k]) postWithSheet(helpers[k], { type: "range", from: s.from, to: s.to, shard: k });
}

/** Splits the households into contiguous ranges, one per worker, and starts them. */
function startRanges(info) {
  const n = info.households;
  const count = shardCount(n);
  state.shards = Array.from({ length: count }, (_, k) => ({ from: Math.floor((n * k) / count), to: Math.floor((n * (k + 1)) / count), parts: [], done: false }));
  postWithSheet(worker, { type: "range", from: state.shards[0].from, to: state.shards[0].to, shard: 0 });
  // Helpers started early but not needed (a smaller sheet than its size suggested) end here.
  for (let k = count; k < helpers.length; k++) {
    helpers[k]?.terminate();
    helpers[k] = null;
  }
  for (let k = 1; k < count; k++) {
    if (state.helperState[k] === "failed") helperFailed(k);
    else if (state.helperState[k]) giveRange(k);
    else startHelper(k);
  }
  if (count === 1 && n === 0) finishHouseholds();
}

/** A helper could not do its range (no memory, module failed): the first worker does it. */
function helperFailed(k) {
  helpers[k]?.terminate();
  helpers[k] = null;
  state.helperState[k] = "failed";
  const s = state.shards?.[k];
  if (!s || s.done) return;
  s.parts = [];
  if (worker) postWithSheet(worker, { type: "range", from: s.from, to: s.to, shard: k });
}

/** Adds `b` into `a` as src/batch/summary.rs `Summary::merge` does (later ranges after earlier). */
function mergeSummary(a, b) {
  for (const k of ["rows", "households", "evaluated", "with_errors", "single_member", "incomplete"]) a[k] += b[k];
  a.measures.forEach((m, i) => {
    const l = b.measures[i];
    if (!l) return;
    for (const k of ["applies", "once_recognised", "does_not_apply", "cannot_decide"]) m[k] = (m[k] ?? 0) + (l[k] ?? 0);
    for (const c of l.categories) {
      const x = m.categories.find((y) => y.label === c.label);
      if (x) x.count += c.count;
      else m.categories.push(c);
    }
  });
  for (const u of b.unverified) if (!a.unverified.includes(u)) a.unverified.push(u);
  return a;
}

function showProgress() {
  const rows = state.shards.reduce((t, s) => t + s.parts.reduce((u, p) => u + p.rows_done, 0), 0);
  const households = state.shards.reduce((t, s) => t + s.parts.reduce((u, p) => u + p.households.length, 0), 0);
  const total = state.info.total_rows;
  $("batch-progress").value = total ? Math.min(1, rows / total) : 1;
  $("batch-progress-text").textContent = `${rows} / ${total} 行，${households} 户${state.shards.length > 1 ? `（${state.shards.length} 个线程）` : ""}`;
}

/** Every range done: the households in sheet order, the summaries merged in the same order. */
function finishHouseholds() {
  endHelpers();
  const parts = state.shards.flatMap((s) => s.parts);
  const households = parts.flatMap((p) => p.households);
  const summary = parts.slice(1).reduce((a, p) => mergeSummary(a, p.summary), parts[0]?.summary ?? null);
  onMessage({ type: "done", kind: "household", households, summary });
}

const isVillage = () => state.info?.kind === "village";

function onMessage(msg) {
  switch (msg.type) {
    case "info":
      if (msg.shard > 0) {
        // A helper has read the file too: its range, now or when the first worker has read it.
        state.helperState[msg.shard] = "ready";
        giveRange(msg.shard);
        break;
      }
      state.info = msg.info;
      if (msg.info.kind === "household") startRanges(msg.info);
      else endHelpers();
      renderSheets(msg.info);
      renderColumns(msg.info);
      status(`正在核查「${state.fileName}」……`);
      break;
    case "slice": {
      const s = state.shards?.[msg.shard];
      if (!s) break;
      s.parts.push(JSON.parse(msg.text));
      showProgress();
      break;
    }
    case "range-done": {
      const s = state.shards?.[msg.shard];
      if (!s) break;
      s.done = true;
      if (state.shards.every((x) => x.done)) finishHouseholds();
      break;
    }
    case "done":
      $("batch-progress-box").hidden = true;
      $("batch-compare-box").hidden = msg.kind === "village";
      if (msg.kind === "village") {
        state.villages = msg.villages;
        // Villages are listed in rank order (ties shown), not sheet order; any header re-sorts.
        state.sort = [1, 1];
        renderVillageSummary(msg.villages);
        status(`村级指标表评分完成：${msg.villages.villages.length} 个村。`);
      } else {
        state.households = msg.households;
        state.summary = msg.summary;
        renderSummary(msg.summary);
        status(`核查完成：${msg.summary.households} 户（${msg.summary.rows} 行）。`);
      }
      renderTable();
      $("batch-results").hidden = false;
      document.body.dataset.batch = "done";
      break;
    case "file": {
      const xlsx = msg.name.endsWith(".xlsx");
      download(msg.bytes, msg.name, xlsx ? "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" : "text/csv;charset=utf-8");
      break;
    }
    case "changes":
      renderChanges(msg.changes, msg.options.assessment_date);
      break;
    case "error":
      if (msg.shard > 0 && state.shards?.[msg.shard] && !state.shards[msg.shard].done) {
        // A helper failed on a file the first worker read: the first worker does that range too.
        helperFailed(msg.shard);
        break;
      }
      if (msg.shard > 0 && !state.shards) {
        // A helper started early failed before the first worker finished reading: the first
        // worker's own answer says whether the file is unreadable; the range goes to it if not.
        helperFailed(msg.shard);
        break;
      }
      endHelpers();
      if (msg.load) {
        worker?.terminate();
        worker = null;
        showError(loadFailure(msg.message));
        break;
      }
      if (msg.restart) {
        // The worker's module trapped and the worker ended itself: the next use starts afresh.
        worker?.terminate();
        worker = null;
      }
      showError(msg.message, msg.errors ?? []);
      if (msg.sheet_names?.length) renderSheets(msg);
      break;
  }
}

function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

/** The workbook's sheets as a select (only when there is a choice); the one read is selected. */
function renderSheets(info) {
  const box = $("batch-sheet-box");
  if (info.sheet_names.length < 2) {
    box.hidden = true;
    return;
  }
  const select = $("batch-sheet");
  select.replaceChildren(...info.sheet_names.map((n) => el("option", { value: n, selected: n === info.sheet_name }, n)));
  box.hidden = false;
}

function renderColumns(info) {
  const box = $("batch-columns");
  const kind = info.kind === "village" ? "村级指标表（每行一个村）" : "农户台账（每行一名成员）";
  const parts = [el("p", { id: "batch-kind-read" }, `读作${kind}：已识别 ${info.mapped.length} 列（表头在第 ${info.header_row} 行${info.sheet_name ? `，工作表「${info.sheet_name}」` : ""}）。`)];
  if (info.unmapped.length) {
    parts.push(el("p", { className: "unmapped" }, `未能识别、已忽略的列（${info.unmapped.length}）：${info.unmapped.join("、")}。如需使用，请改成模板中的表头。`));
  }
  if (info.duplicates.length) parts.push(el("p", { className: "unmapped" }, `重复的列（只用第一列）：${info.duplicates.join("、")}`));
  for (const n of info.notes) parts.push(el("p", { className: "hint" }, n));
  box.replaceChildren(...parts);
}

function renderSummary(s) {
  const head = el("tr", {}, ...["措施", "符合", "不符合", "需补充", "其中"].map((t) => el("th", {}, t)));
  const rows = s.measures.map((m) =>
    el("tr", {}, el("td", {}, m.title), el("td", {}, String(m.applies)), el("td", {}, String(m.does_not_apply)),
      el("td", {}, String(m.cannot_decide)), el("td", {}, m.categories.map((c) => `${c.label} ${c.count}`).join("；"))));
  const facts = `共 ${s.households} 户 ${s.rows} 人；已核查 ${s.evaluated} 户，有错误未核查 ${s.with_errors} 户；单人户 ${s.single_member} 户；信息不全 ${s.incomplete} 户。`;
  $("batch-summary").replaceChildren(
    el("p", { id: "batch-facts" }, facts),
    s.unverified.length ? el("p", { className: "hint" }, `结果使用了未核实的参数：${s.unverified.join("、")}`) : null,
    el("table", { className: "batch-summary-table" }, el("thead", {}, head), el("tbody", {}, ...rows)),
  );
}

function renderVillageSummary(v) {
  const r = v.ranking;
  const ok = v.villages.filter((x) => x.ok).length;
  const facts = `共 ${v.villages.length} 个村；已评分排名 ${ok} 个，有错误未评分 ${v.villages.length - ok} 个。${r ? `指标体系：${systemLabel(r.system)}。` : ""}`;
  const counts = (title, list) => el("tr", {}, el("th", { scope: "row" }, title), el("td", {}, list.map((c) => `${c.label} ${c.count}`).join("；")));
  $("batch-summary").replaceChildren(
    el("p", { id: "batch-facts" }, facts),
    r ? el("table", { className: "batch-summary-table" }, el("tbody", {}, counts("等级", r.grades), counts("三类村庄建议", r.classes))) : null,
    r ? el("p", { className: "hint" }, `排名规则：${r.ranking_rule}`) : null,
  );
}

/** The table's columns: [title, value shown, sort key (optional)]. */
function villageColumns() {
  const errors = (v) => v.errors.map((e) => `第 ${e.row} 行${e.column ? `「${e.column}」` : ""}：${e.message}`).join("；");
  const tied = new Map();
  for (const v of state.villages.villages) if (v.rank != null) tied.set(v.rank, (tied.get(v.rank) ?? 0) + 1);
  return [
    ["行", (v) => v.row],
    ["名次", (v) => (v.rank == null ? "" : tied.get(v.rank) > 1 ? `${v.rank}（并列）` : String(v.rank)), (v) => v.rank ?? Infinity],
    ["村庄编号", (v) => v.id ?? ""],
    ["村名", (v) => v.name ?? ""],
    ["乡镇", (v) => v.township ?? ""],
    ["总分", (v) => v.total ?? "", (v) => (v.total === null ? -Infinity : Number(v.total))],
    ["等级", (v) => v.grade ?? ""],
    ["否决", (v) => v.vetoes.join("、")],
    ["三类村庄建议", (v) => v.class_label ?? ""],
    ["优先补齐（可得回的分）", (v) => v.shortfalls.map((s) => `${s.name} ${s.regain} 分`).join("；")],
    ["错误", errors],
  ];
}

/** The table's columns; while only rows with errors are shown, their 错误 column comes first. */
function columns() {
  const cols = baseColumns();
  if (!$("batch-only-errors").checked) return cols;
  const i = cols.findIndex(([t]) => t === "错误");
  return i < 0 ? cols : [cols[i], ...cols.slice(0, i), ...cols.slice(i + 1)];
}

function baseColumns() {
  if (isVillage()) return villageColumns();
  const rh = state.info.result_headers.map((h) => h.replace(/^【核查】/, ""));
  const fixed = [["行", (h) => h.first_row], ["户编号", (h) => h.key ?? ""], ["户主", (h) => h.head_name ?? ""], ["村", (h) => h.village ?? ""], ["人数", (h) => h.members]];
  const values = rh.slice(0, -1).map((t, i) => [t, (h) => h.values[i] ?? ""]);
  const errors = [["错误", (h) => h.errors.map((e) => `第 ${e.row} 行${e.column ? `「${e.column}」` : ""}：${e.message}`).join("；")]];
  return [...fixed, ...values, ...errors];
}

function renderTable() {
  const cols = columns();
  const q = $("batch-filter").value.trim();
  const onlyErrors = $("batch-only-errors").checked;
  const all = isVillage() ? state.villages.villages : state.households;
  let list = all.filter((h) => !onlyErrors || !h.ok);
  if (q) list = list.filter((h) => cols.some(([, f]) => String(f(h)).includes(q)));
  if (state.sort) {
    const [i, dir] = state.sort;
    const f = cols[i][2] ?? cols[i][1];
    list = [...list].sort((a, b) => {
      const x = f(a), y = f(b);
      const c = typeof x === "number" && typeof y === "number" ? x - y : String(x).localeCompare(String(y), "zh-CN", { numeric: true });
      return dir * c;
    });
  }
  const head = el("tr", {}, ...cols.map(([t], i) => {
    const th = el("th", { scope: "col", tabIndex: 0 }, t);
    if (state.sort?.[0] === i) th.setAttribute("aria-sort", state.sort[1] > 0 ? "ascending" : "descending");
    const sort = () => { state.sort = state.sort?.[0] === i ? [i, -state.sort[1]] : [i, 1]; renderTable(); };
    th.addEventListener("click", sort);
    th.addEventListener("keydown", (e) => { if (e.key === "Enter") sort(); });
    return th;
  }));
  const body = list.slice(0, SHOWN).map((h) => el("tr", { className: h.ok ? "" : "err" },
    ...cols.map(([t, f]) => {
      const v = String(f(h));
      return el("td", { className: t === "错误" && v ? "err-cell" : v.startsWith("符合") ? "applies" : "" }, v);
    })));
  const t = $("batch-table");
  t.tHead.replaceChildren(head);
  t.tBodies[0].replaceChildren(...body);
  const unit = isVillage() ? "个村" : "户";
  $("batch-count").textContent = `符合条件 ${list.length} ${unit}${list.length > SHOWN ? `，显示前 ${SHOWN} ${unit}` : ""}`;
}

/** Says which date a comparison used when the sheet has its own 核查日期 column (the chosen one wins). */
function dateNote() {
  const column = (state.info?.mapped ?? []).find((m) => m.field === "assessment_date");
  return column ? `（所有户一律按此日期，表中的「${column.header}」列不用于对比）` : "";
}

function renderChanges(changes, date) {
  const box = $("batch-changes");
  if (!changes.length) {
    box.replaceChildren(el("p", {}, `按核查日期 ${date} 重新核查${dateNote()}，没有户的结论发生变化。`));
    return;
  }
  const items = changes.slice(0, 500).map((c) => el("li", {},
    `第 ${c.first_row} 行 ${c.key ?? ""} ${c.head_name ?? ""}（${c.village ?? ""}）：`,
    c.changes.map((x) => `${x.column} ${x.before || "—"} → ${x.after || "—"}`).join("；")));
  box.replaceChildren(el("p", {}, `按核查日期 ${date} 重新核查${dateNote()}，${changes.length} 户的结论有变化${changes.length > 500 ? "（列出前 500 户）" : ""}：`), el("ul", { id: "batch-change-list" }, ...items));
}

function mount() {
  $("batch-date").value = today();
  $("batch-file").addEventListener("change", (e) => open(e.target.files[0]));
  const drop = $("batch-drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); open(e.dataTransfer.files[0]); });
  $("batch-cancel").addEventListener("click", cancel);
  $("batch-template").addEventListener("click", () => postWithSheet(getWorker(), { type: "template" }));
  $("batch-village-template").addEventListener("click", () => postWithSheet(getWorker(), { type: "template", kind: "village", options: villageOptions() }));
  const base = () => `${state.fileName.replace(/\.(xlsx|csv)$/i, "")}-${isVillage() ? "考核结果" : "核查结果"}`;
  $("batch-export-xlsx").addEventListener("click", () => postWithSheet(getWorker(), { type: "export", format: "xlsx", name: `${base()}.xlsx` }));
  $("batch-export-csv").addEventListener("click", () => postWithSheet(getWorker(), { type: "export", format: "csv", name: `${base()}.csv` }));
  // Another sheet, or another 表格类型 (then the first sheet of that kind), re-runs on the same file.
  $("batch-sheet").addEventListener("change", (e) => open(state.file, e.target.value));
  $("batch-kind").addEventListener("change", () => { if (state.file) open(state.file); });
  $("batch-compare").addEventListener("click", () => {
    const date = $("batch-compare-date").value;
    if (!date) { showError("请先选择用于对比的核查日期"); return; }
    postWithSheet(getWorker(), { type: "compare", options: { assessment_date: date } });
  });
  $("batch-filter").addEventListener("input", renderTable);
  $("batch-only-errors").addEventListener("change", () => {
    // Sorting is by column position, which moves when the 错误 column comes first.
    state.sort = null;
    renderTable();
  });
  document.addEventListener("jn-clear-personal-data", clearAll);
  // Another indicator system imported or restored: a village sheet on show is scored again with it.
  onIndicatorSystemChange(() => { if (state.file && isVillage()) open(state.file, state.info?.sheet_name ?? null); });
  document.body.dataset.batchReady = "true";
}

mount();
