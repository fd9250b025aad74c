// The 指标体系 panel of the 村级考核 tab: which indicator system is in use (name, year, built-in
// or imported), export it as a JSON starting point, import a county's own (validated by the
// engine; every error listed with its JSON path, the current system kept), back to the default.
import { h, errorList } from "./render.js";
import { importedSystem, setIndicatorSystem, clearIndicatorSystem, parseIndicatorFile } from "./indicator-store.js";
import { downloadJson, importTextFile } from "./storage.js";

export function mountIndicatorPanel(engine) {
  const fileInput = h("input", { type: "file", accept: ".json,application/json", hidden: true, "aria-label": "选择指标体系文件" });
  const summary = h("p", { "data-testid": "indicator-system-name" });
  const messages = h("div", { id: "indicator-messages", "aria-live": "polite" });
  const restore = h("button", { type: "button", onclick: restoreDefault }, "恢复默认");
  const element = h("section", { class: "indicator-panel", "aria-label": "指标体系" },
    summary,
    h("div", { class: "actions" },
      h("button", { type: "button", onclick: exportFile }, "导出当前指标体系"),
      h("button", { type: "button", onclick: importFile }, "导入指标体系"),
      fileInput,
      restore),
    messages);
  let inUse = null;

  function render(next) {
    inUse = next;
    const s = next.system;
    summary.replaceChildren(h("strong", {}, "在用指标体系："), `${s.name}（${String(s.name).includes(String(s.year)) ? "" : `${s.year} 年度，`}编号 ${s.id}）`, " ",
      h("span", { class: `pill ${next.imported ? "pill-override" : "pill-warn"}` }, next.imported ? "本县导入" : "内置默认"),
      next.imported ? "" : "　内置体系的权重、等级线均为设计假设，县里有正式考核办法时请导入本县体系。");
    restore.disabled = !next.imported && !next.error;
    if (next.error) {
      messages.replaceChildren(errors(next.error, "本机保存的指标体系已不能通过校验，暂用内置默认体系："));
    }
  }

  /** Every engine error with its JSON path. */
  function errors(err, title) {
    return errorList(err, title, { showPaths: true, testId: "indicator-errors" });
  }

  function exportFile() {
    const s = importedSystem() ?? inUse?.system ?? engine.defaultIndicatorSystem();
    downloadJson(s, `indicator-system-${s.id ?? "custom"}.json`);
  }

  function importFile() {
    return importTextFile(
      fileInput,
      (text) => {
        const system = parseIndicatorFile(engine, text);
        setIndicatorSystem(engine, system);
        return system;
      },
      (system) => messages.replaceChildren(h("p", { role: "status" }, `已导入指标体系“${system.name}”，表单已按新体系重建。`)),
      (err) => messages.replaceChildren(errors(err, `未导入，文件有误（共 ${err?.errors?.length || 1} 处），仍使用当前指标体系：`)),
    );
  }

  function restoreDefault() {
    clearIndicatorSystem();
    messages.replaceChildren(h("p", { role: "status" }, "已恢复内置默认指标体系。"));
  }

  return { element, render };
}
