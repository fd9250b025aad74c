// Loads the wasm rule engine once and hands out its functions. The page never computes a rule
// itself: it only renders what the engine returns.
//
// Served pages fetch the .wasm next to the glue. The single-file build (opened from disk, where
// fetch cannot work) carries the module as base64 in `globalThis.__JN_WASM_B64` instead.
import init, * as engine from "../pkg/jingning_policy.js";

let ready;

function inlineBytes() {
  const b64 = globalThis.__JN_WASM_B64;
  if (!b64) return null;
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  return bytes;
}

export function loadEngine() {
  ready ??= init({ module_or_path: inlineBytes() ?? new URL("../pkg/jingning_policy_bg.wasm", import.meta.url) })
    .then(() => engine);
  return ready;
}
