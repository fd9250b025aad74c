// Loads the wasm rule engine once and hands out its functions. The page never computes a rule
// itself: it only renders what the engine returns.
import init, * as engine from "../pkg/jingning_policy.js";

let ready;

export function loadEngine() {
  ready ??= init({ module_or_path: new URL("../pkg/jingning_policy_bg.wasm", import.meta.url) }).then(() => engine);
  return ready;
}
