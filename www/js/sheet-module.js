// The spreadsheet module, fetched and compiled once per page and handed to every batch worker with
// its messages (the batch page's workers and the village panel's), so no worker compiles it again
// (≈ 0.6 s of CPU each; docs/benchmarks.md “Browser batch”).

/** The spreadsheet module compiled once for every worker (null if it could not be: each worker
 * then loads it itself and reports a failure in words). */
let sheetModule = null;

async function compileSheet() {
  const res = await fetch(new URL("../pkg-sheet/jingning_sheet_bg.wasm", import.meta.url));
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  if (typeof WebAssembly.compileStreaming === "function" && /^application\/wasm\b/.test(res.headers.get("content-type") ?? "")) {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

/** Posts `msg` to worker `w` with the compiled module. Every post waits on the same promise, so
 * messages keep their order. A failed compile is tried again with the next file. */
export function postWithSheet(w, msg) {
  sheetModule ??= compileSheet().catch(() => {
    sheetModule = null;
    return null;
  });
  sheetModule.then((module) => w.postMessage(module ? { ...msg, module } : msg));
}

