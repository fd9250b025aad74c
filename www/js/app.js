// Page bootstrap: load the engine, then mount each view.
import { loadEngine } from "./engine.js";
import { setEngine } from "./render.js";
import { mountDibaoQuick } from "./dibao-quick.js";

async function main() {
  const loading = document.getElementById("loading");
  try {
    const engine = await loadEngine();
    setEngine(engine);
    document.getElementById("engine-version").textContent = engine.engineVersion();
    const dq = document.getElementById("dibao-quick");
    mountDibaoQuick(engine, dq);
    dq.hidden = false;
    loading.hidden = true;
    document.body.dataset.ready = "true";
  } catch (err) {
    loading.hidden = true;
    const e = document.getElementById("load-error");
    e.textContent = `规则引擎加载失败：${err?.message ?? err}`;
    e.hidden = false;
  }
}

main();
