// Batch evaluation off the main thread. Loads the spreadsheet module (pkg-sheet/, the second wasm
// module) only when the first message arrives, so a page visit that never opens a sheet never
// fetches it. Cancelling is terminating this worker; the page starts a fresh one when needed.
import init, { BatchSession, checkFileSize, templateXlsx, villageTemplateXlsx } from "../pkg-sheet/jingning_sheet.js";

let ready = null;
let session = null;

function fail(err) {
  // sheet_names: the workbook's sheets when the one read could not be used, to offer the others.
  postMessage({ type: "error", message: err?.message ?? String(err), errors: err?.errors ?? [], sheet_names: err?.sheet_names ?? [], sheet_name: err?.sheet_name ?? null, load: Boolean(err?.load) });
}

const STEP = 2000; // households per progress report

async function open({ file, options }) {
  checkFileSize(file.size);
  const bytes = new Uint8Array(await file.arrayBuffer());
  session?.free();
  session = null;
  session = new BatchSession(bytes, file.name, options);
  const info = session.info();
  postMessage({ type: "info", info });
  if (info.kind === "village") {
    // Villages are scored and ranked together when the sheet is opened (a township has tens).
    postMessage({ type: "done", kind: "village", villages: session.villages(), info });
    return;
  }
  let p = { done: false };
  while (!p.done) {
    p = session.step(STEP);
    postMessage({ type: "progress", progress: p });
  }
  postMessage({ type: "done", kind: "household", summary: session.summary(), households: session.households(0, p.households), info });
}

function file(kind, bytes, name) {
  const buf = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
  postMessage({ type: "file", kind, name, bytes: buf }, [buf]);
}

/** Loads the module once; a failed load is said plainly and tried again on the next message. */
async function load() {
  ready ??= init().catch((err) => {
    ready = null;
    // `load`: the page explains it in words (js/batch.js loadFailure).
    throw Object.assign(new Error(`jingning_sheet_bg.wasm 未能读取（${err?.message ?? err}）`), { load: true, kind: "load" });
  });
  return ready;
}

onmessage = async (ev) => {
  const msg = ev.data;
  try {
    await load();
    switch (msg.type) {
      case "open":
        await open(msg);
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
      postMessage({ type: "error", restart: true, message: `表格模块出错（${err.message}），已重新启动；请重新打开表格。如果再次出现，请把该文件报给维护者`, errors: [] });
      close();
      return;
    }
    fail(err);
  }
};
