// 批量核查: open a township sheet (.xlsx/.csv), evaluate every household in a Web Worker with a
// progress bar and a cancel button, show the summary and a filterable, sortable results table,
// export results, download the template, compare two assessment dates. The spreadsheet module is
// fetched by the worker only when one of these is first used.
import { downloadBlob } from "./storage.js";

const $ = (id) => document.getElementById(id);
const SHOWN = 300; // rows rendered at once; the filter narrows the rest

let worker = null;
let state = { info: null, households: [], summary: null, sort: null, fileName: "" };

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

function getWorker() {
  if (!worker) {
    worker = new Worker(new URL("./batch-worker.js", import.meta.url), { type: "module" });
    worker.onmessage = (ev) => onMessage(ev.data);
    worker.onerror = (ev) => showError(`批量核查模块加载失败：${ev.message ?? ev}`);
  }
  return worker;
}

function cancel() {
  worker?.terminate();
  worker = null;
  $("batch-progress-box").hidden = true;
  status("已取消。");
}

/** "清除本机数据": the worker holds the whole spreadsheet, so it goes; then every result shown. */
function clearAll() {
  worker?.terminate();
  worker = null;
  state = { info: null, households: [], summary: null, sort: null, fileName: "" };
  $("batch-progress-box").hidden = true;
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

function open(file) {
  if (!file) return;
  cancel();
  $("batch-error").hidden = true;
  $("batch-results").hidden = true;
  $("batch-columns").replaceChildren();
  $("batch-changes").replaceChildren();
  document.body.dataset.batch = "running";
  state = { info: null, households: [], summary: null, sort: null, fileName: file.name };
  status(`正在读取「${file.name}」……`);
  $("batch-progress").value = 0;
  $("batch-progress-text").textContent = "";
  $("batch-progress-box").hidden = false;
  const date = $("batch-date").value || today();
  getWorker().postMessage({ type: "open", file, options: { assessment_date: date } });
}

function onMessage(msg) {
  switch (msg.type) {
    case "info":
      state.info = msg.info;
      renderColumns(msg.info);
      status(`正在核查「${state.fileName}」……`);
      break;
    case "progress": {
      const p = msg.progress;
      $("batch-progress").value = p.total_rows ? p.rows_done / p.total_rows : 1;
      $("batch-progress-text").textContent = `${p.rows_done} / ${p.total_rows} 行，${p.households} 户`;
      break;
    }
    case "done":
      $("batch-progress-box").hidden = true;
      state.households = msg.households;
      state.summary = msg.summary;
      renderSummary(msg.summary);
      renderTable();
      $("batch-results").hidden = false;
      status(`核查完成：${msg.summary.households} 户（${msg.summary.rows} 行）。`);
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
      showError(msg.message, msg.errors);
      break;
  }
}

function el(tag, props = {}, ...children) {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...children.filter((c) => c !== null && c !== undefined));
  return e;
}

function renderColumns(info) {
  const box = $("batch-columns");
  const parts = [el("p", {}, `已识别 ${info.mapped.length} 列（表头在第 ${info.header_row} 行${info.sheet_name ? `，工作表「${info.sheet_name}」` : ""}）。`)];
  if (info.unmapped.length) {
    parts.push(el("p", { className: "unmapped" }, `未能识别、已忽略的列（${info.unmapped.length}）：${info.unmapped.join("、")}。如需使用，请改成模板中的表头。`));
  }
  if (info.duplicates.length) parts.push(el("p", { className: "unmapped" }, `重复的列（只用第一列）：${info.duplicates.join("、")}`));
  for (const n of info.notes) parts.push(el("p", { className: "hint" }, n));
  box.replaceChildren(...parts);
}

function renderSummary(s) {
  const head = el("tr", {}, ...["措施", "符合", "不符合", "无法判断", "其中"].map((t) => el("th", {}, t)));
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

function columns() {
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
  let list = state.households.filter((h) => !onlyErrors || !h.ok);
  if (q) list = list.filter((h) => cols.some(([, f]) => String(f(h)).includes(q)));
  if (state.sort) {
    const [i, dir] = state.sort;
    const f = cols[i][1];
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
    ...cols.map(([, f]) => {
      const v = String(f(h));
      return el("td", { className: v.startsWith("符合") ? "applies" : "" }, v);
    })));
  const t = $("batch-table");
  t.tHead.replaceChildren(head);
  t.tBodies[0].replaceChildren(...body);
  $("batch-count").textContent = `符合条件 ${list.length} 户${list.length > SHOWN ? `，显示前 ${SHOWN} 户` : ""}`;
}

function renderChanges(changes, date) {
  const box = $("batch-changes");
  if (!changes.length) {
    box.replaceChildren(el("p", {}, `按核查日期 ${date} 重新核查，没有户的结论发生变化。`));
    return;
  }
  const items = changes.slice(0, 500).map((c) => el("li", {},
    `第 ${c.first_row} 行 ${c.key ?? ""} ${c.head_name ?? ""}（${c.village ?? ""}）：`,
    c.changes.map((x) => `${x.column} ${x.before || "—"} → ${x.after || "—"}`).join("；")));
  box.replaceChildren(el("p", {}, `按核查日期 ${date} 重新核查，${changes.length} 户的结论有变化${changes.length > 500 ? "（列出前 500 户）" : ""}：`), el("ul", { id: "batch-change-list" }, ...items));
}

function mount() {
  $("batch-date").value = today();
  $("batch-file").addEventListener("change", (e) => open(e.target.files[0]));
  const drop = $("batch-drop");
  drop.addEventListener("dragover", (e) => { e.preventDefault(); drop.classList.add("over"); });
  drop.addEventListener("dragleave", () => drop.classList.remove("over"));
  drop.addEventListener("drop", (e) => { e.preventDefault(); drop.classList.remove("over"); open(e.dataTransfer.files[0]); });
  $("batch-cancel").addEventListener("click", cancel);
  $("batch-template").addEventListener("click", () => getWorker().postMessage({ type: "template" }));
  const base = () => state.fileName.replace(/\.(xlsx|csv)$/i, "");
  $("batch-export-xlsx").addEventListener("click", () => getWorker().postMessage({ type: "export", format: "xlsx", name: `${base()}-核查结果.xlsx` }));
  $("batch-export-csv").addEventListener("click", () => getWorker().postMessage({ type: "export", format: "csv", name: `${base()}-核查结果.csv` }));
  $("batch-compare").addEventListener("click", () => {
    const date = $("batch-compare-date").value;
    if (!date) { showError("请先选择用于对比的核查日期"); return; }
    getWorker().postMessage({ type: "compare", options: { assessment_date: date } });
  });
  $("batch-filter").addEventListener("input", renderTable);
  $("batch-only-errors").addEventListener("change", renderTable);
  document.addEventListener("jn-clear-personal-data", clearAll);
  document.body.dataset.batchReady = "true";
}

mount();
