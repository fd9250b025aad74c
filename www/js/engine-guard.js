// The last line of defence for the engine: if a call ever traps (a WebAssembly.RuntimeError —
// "unreachable", "memory access out of bounds"), that instance is dead for every later call. The
// boundary is built so that no input can trap it (src/wasm/mod.rs), but if one does, the page must
// not stay broken until reload: the guard swaps in a fresh instance, says so, and the next call
// works. Pure logic (no imports), so it is tested on its own (tests/e2e/engine-guard.spec.mjs).

/** Whether `err` is a trap of the wasm instance (as opposed to the engine's own named errors). */
export function isTrap(err) {
  return typeof WebAssembly !== "undefined" && err instanceof WebAssembly.RuntimeError;
}

/**
 * An object with the engine's functions that calls the current instance. `respawn()` returns a
 * fresh instance (synchronously: the spare is prepared in advance); `onRestart(message)` tells the
 * page. The call that trapped throws an Error with a Chinese message; later calls go to the fresh
 * instance.
 */
export function guardEngine(first, respawn, onRestart) {
  let current = first;
  let restarts = 0;
  const facade = {};
  for (const name of Object.keys(first)) {
    if (typeof first[name] !== "function" || name === "default" || /^init/.test(name)) {
      facade[name] = first[name];
      continue;
    }
    facade[name] = (...args) => {
      try {
        return current[name](...args);
      } catch (err) {
        if (!isTrap(err)) throw err;
        restarts += 1;
        current = respawn();
        const message = `规则引擎在执行 ${name} 时出错（${err.message}），已重新加载；请重试刚才的操作。如果再次出现，请把输入文件报给维护者`;
        onRestart?.(message, restarts);
        const e = new Error(message);
        e.kind = "restarted";
        e.errors = [{ path: "$", message }];
        throw e;
      }
    };
  }
  facade.engineRestarts = () => restarts;
  return facade;
}
