// Batch evaluation off the main thread. Loads the spreadsheet module (pkg-sheet/, the second wasm
// module) only when the first message arrives, so a page visit that never opens a sheet never
// fetches it. Cancelling is terminating this worker; the page starts a fresh one when needed.
//
// A household 台账 is evaluated in ranges the page asks for ("range"): the page may open the same
// file in several of these workers (one per core) and give each a contiguous range of households.
// Rust parses, evaluates and writes each slice of results as one JSON text, so no household
// crosses the boundary as a JS object built field by field. Messages are handled one at a time,
// in the order they came (a range asked for while the file is still being read waits for it).
import init, { BatchSession, checkFileSize, templateXlsx, villageTemplateXlsx } from "../pkg-sheet/jingning_sheet.js";

let ready = null;
let session = null;

function fail(err, shard = 0) {
  // sheet_names: the workbook's sheets when the one read could not be used, to offer the others.
  postMessage({ type: "error", shard, message: err?.message ?? String(err), errors: err?.errors ?? [], sheet_names: err?.sheet_names ?? [], sheet_name: err?.sheet_name ?? null, load: Boolean(err?.load) });
}

const STEP = 5000; // households per slice (one progress report, one JSON text)

async function open({ file, options, shard = 0 }) {
  checkFileSize(file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  session?.free();
  session = null;
  session = new BatchSession(bytes, file.name, options);
  const info = session.info();
  postMessage({ type: "info", info, shard });
  if (info.kind === "village" && shard === 0) {
    // Villages are scored and ranked together when the sheet is opened (a township has tens).
    postMessage({ type: "done", kind: "village", villages: session.villages(), info });
  }
}

/** Households [from, to) in slices; each slice is posted as the JSON text Rust wrote. */
function range({ from, to, shard = 0 }) {
  if (!session) throw new Error("还没有打开表格");
  for (let a = from; a < to; a += STEP) {
    const b = Math.min(a + STEP, to);
    postMessage({ type: "slice", shard, from: a, to: b, text: session.evaluateRange(a, b) });
  }
  postMessage({ type: "range-done", shard, from, to });
}

function file(kind, bytes, name) {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  postMessage({ type: "file", kind, name, bytes: buf }, [buf]);
}

/** Loads the module once — from the compiled `WebAssembly.Module` the page sends with its messages
 * (compiled once for every worker), else by fetching it; a failed load is said plainly and tried
 * again on the next message. */
async function load(module) {
  ready ??= init(module ? { module_or_path: module } : undefined).catch((err) => {
    ready = null;
    // `load`: the page explains it in words (js/batch.js loadFailure).
    throw Object.assign(new Error(`jingning_sheet_bg.wasm 未能读取（${err?.message ?? err}）`), { load: true, kind: "load" });
  });
  return ready;
}

let queue = Promise.resolve();
onmessage = (ev) => {
  queue = queue.then(() => handle(ev.data));
};

async function handle(msg) {
  try {
    await load(msg.module);
    switch (msg.type) {
      case "open":
        await open(msg);
        break;
      case "range":
        range(msg);
        break;
      case "export":
        if (!session) throw new Error("还没有打开表格");
        if (msg.format === "xlsx") file("export", session.exportXlsx(), msg.name);
        else file("export", session.exportCsv(), msg.name);
        break;
      case "template":
        if (msg.kind === "village") file("template", villageTemplateXlsx(msg.options ?? undefined), "村级指标表模板.xlsx");
        else file("template", templateXlsx(), "农户台账模板.xlsx");
        break;
      case "villageScores":
        // A household 台账 summed up by 所在村 into village scorecards (村级考核 tab).
        if (!session) throw new Error("还没有打开表格");
        postMessage({ type: "villageScores", result: session.villageScores() });
        break;
      case "compare":
        if (!session) throw new Error("还没有打开表格");
        postMessage({ type: "changes", changes: session.compare(msg.options), options: msg.options });
        break;
    }
  } catch (err) {
    if (err instanceof WebAssembly.RuntimeError) {
      // A trap leaves this instance dead: say so, and end the worker; the page starts a fresh one
      // (with a fresh module instance) for the next file.
      session = null;
      postMessage({ type: "error", restart: true, shard: msg.shard ?? 0, message: `表格模块出错（${err.message}），已重新启动；请重新打开表格。如果再次出现，请把该文件报给维护者`, errors: [] });
      close();
      return;
    }
    fail(err, msg.shard ?? 0);
  }
}
