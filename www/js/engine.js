// Loads the wasm rule engine once and hands out its functions. The page never computes a rule
// itself: it only renders what the engine returns.
//
// Served pages fetch the .wasm next to the glue. The single-file build (opened from disk, where
// fetch cannot work) carries the module as base64 in `globalThis.__JN_WASM_B64` instead.
//
// The functions handed out are guarded (engine-guard.js): should a call ever trap the instance,
// a spare instance of the same compiled module takes over and the page says so. The spare is a
// second copy of the glue (served: the same file under another query, which the service worker
// answers from its cache; single-file build: the bundled module evaluated afresh), instantiated
// on demand from the module compiled at load.
import init, * as engine from "../pkg/jingning_policy.js";
import { guardEngine } from "./engine-guard.js";

// Named as `new URL("…", import.meta.url)` with a literal, so a bundler (Vite, webpack) copies the
// glue next to its own output as it does the .wasm: the spare is a second evaluation of this file,
// which a bundled copy of the glue cannot give.
const GLUE = new URL("../pkg/jingning_policy.js", import.meta.url);
let ready;
let compiled;
let spare = null;
let spares = 0;

function inlineBytes() {
  const b64 = globalThis.__JN_WASM_B64;
  if (!b64) return null;
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

async function compile() {
  const bytes = inlineBytes();
  if (bytes) return WebAssembly.compile(bytes);
  const res = await fetch(new URL("../pkg/jingning_policy_bg.wasm", import.meta.url));
  if (!res.ok) throw new Error(`无法下载规则引擎（HTTP ${res.status}）`);
  // Compiled while it downloads where the server labels it as wasm (streaming compilation
  // refuses any other type; a server that does not is still served, from the whole download).
  if (typeof WebAssembly.compileStreaming === "function" && /^application\/wasm\b/.test(res.headers.get("content-type") ?? "")) {
    return WebAssembly.compileStreaming(res);
  }
  return WebAssembly.compile(await res.arrayBuffer());
}

/** A fresh copy of the glue module, not yet instantiated. */
async function freshGlue() {
  spares += 1;
  if (typeof globalThis.__JN_FRESH === "function") return globalThis.__JN_FRESH("pkg/jingning_policy.js");
  return import(/* @vite-ignore */ `${GLUE.href}?instance=${spares}`);
}

function prepareSpare() {
  spare = null;
  freshGlue().then((m) => (spare = m), () => (spare = null));
}

function respawn() {
  if (!spare) throw new Error("规则引擎出错且无法重新加载，请刷新页面");
  const glue = spare;
  glue.initSync({ module: compiled });
  prepareSpare();
  return glue;
}

/** Says so at the top of the page (the box load errors use) and to any listener. */
function announce(message) {
  const box = globalThis.document?.getElementById("load-error");
  if (box) {
    box.textContent = message;
    box.hidden = false;
  }
  globalThis.dispatchEvent?.(new CustomEvent("jn-engine-restarted", { detail: { message } }));
}

export function loadEngine() {
  ready ??= compile()
    .then((module) => {
      compiled = module;
      return init({ module_or_path: module });
    })
    .then(() => {
      prepareSpare();
      // Read by scripts/page-ab.mjs: where the engine is ready on the way to the first verdicts.
      globalThis.performance?.mark?.("jn-engine-ready");
      return guardEngine(engine, respawn, announce);
    });
  return ready;
}
