// The parameters panel: the year and region in force, every parameter with its value in force and
// whether it is verified, a local override for any of them, and export/import of those settings.
// All figures come from the engine (paramsInForce); the page resolves nothing itself.
import { h, yuanOrValue, errorList } from "./render.js";
import { getOptions, setOptions, parseOptionsFile, onOptionsChange, localChanges } from "./options-store.js";
import { downloadJson, importTextFile } from "./storage.js";

export function mountParamsPanel(engine, root, getDate) {
  const regions = Object.keys(engine.builtinParams().regions);
  const errorsBox = h("div", { id: "params-errors", "aria-live": "polite" });
  const fileInput = h("input", { type: "file", accept: ".json,application/json", hidden: true, "aria-label": "选择参数设置文件" });

  function render() {
    const date = getDate();
    const opts = getOptions();
    let list;
    try {
      list = engine.paramsInForce(date, opts);
    } catch (err) {
      root.replaceChildren(errorList(err, "参数设置无效："));
      return;
    }
    const regionSelect = h("select", { id: "param-region", name: "region" },
      regions.map((r) => h("option", { value: r, selected: (opts.region ?? "静宁县") === r }, r)));
    regionSelect.addEventListener("change", () => apply({ ...getOptions(), region: regionSelect.value }));

    root.replaceChildren(
      h("p", { class: "hint" }, `按核查日期 ${date} 取 ${date.slice(0, 4)} 年在用的参数值。`,
        "“未核实”的值是占位值或未在静宁县文件中确认的数字，使用前请按当年文件核对，必要时在此覆盖。",
        "填入县里的数值时请同时写明依据文件（文号或名称），结论卡片和打印件据此注明；覆盖值只保存在本机浏览器（不含个人信息），并用于每一次计算。"),
      h("label", { class: "inline" }, "适用地区 ", regionSelect),
      h("div", { class: "table-wrap" }, h("table", { class: "params", "data-testid": "params-table" },
        h("caption", {}, "参数一览"),
        h("thead", {}, h("tr", {}, ["参数", "在用值", "状态", "来源", "本地覆盖"].map((t) => h("th", { scope: "col" }, t)))),
        h("tbody", {}, list.map((p) => row(p, opts))))),
      errorsBox,
      h("div", { class: "actions" },
        h("button", { type: "button", onclick: exportFile }, "导出参数设置"),
        h("button", { type: "button", onclick: importFile }, "导入参数设置"),
        fileInput,
        h("button", { type: "button", onclick: () => apply({}), disabled: localChanges() === 0 && !opts.region }, "全部恢复内置值")),
    );
  }

  function row(p, opts) {
    const f = p.in_force;
    const status = !f ? "该日期无取值" : f.overridden ? "本地覆盖" : f.verified ? "已核实" : "未核实";
    const input = h("input", {
      type: "text", inputmode: "decimal", autocomplete: "off", name: `override.${p.id}`,
      value: opts.overrides?.[p.id] ?? "", placeholder: f && !f.overridden ? f.value : "",
      "aria-label": `${p.label}本地覆盖值（${p.unit}）`,
    });
    // The county's figure is entered with the document it comes from (文号/名称), kept beside it.
    const doc = h("input", {
      type: "text", autocomplete: "off", name: `override-source.${p.id}`, class: "override-source",
      value: opts.override_sources?.[p.id] ?? "", placeholder: "依据文件：文号或名称",
      "aria-label": `${p.label}的依据文件（文号或名称）`,
    });
    const save = () => {
      const o = getOptions();
      const overrides = { ...(o.overrides ?? {}), [p.id]: input.value.trim() };
      const override_sources = { ...(o.override_sources ?? {}), [p.id]: doc.value.trim() };
      apply({ ...o, overrides, override_sources });
    };
    input.addEventListener("change", save);
    doc.addEventListener("change", save);
    return h("tr", { "data-param": p.id, class: f?.overridden ? "overridden" : f && !f.verified ? "unverified" : "" },
      h("th", { scope: "row" }, p.label, h("br"), h("small", { class: "hint" }, p.id, p.clause ? ` · ${p.clause}` : "")),
      h("td", { class: "num" }, f ? `${yuanOrValue(f.value, p.unit)}` : "—", h("br"), h("small", { class: "hint" }, p.unit)),
      h("td", {}, h("span", { class: `pill ${f?.overridden ? "pill-override" : f?.verified ? "pill-ok" : "pill-warn"}` }, status)),
      h("td", { class: "source" }, !f ? "" : f.overridden ? f.source
        : h("details", {}, h("summary", {}, `${f.region}，${f.from} 起`), f.source)),
      h("td", { class: "override" }, input, doc,
        f?.overridden && !opts.override_sources?.[p.id] ? h("small", { class: "field-msg" }, "请写明依据文件（文号或名称）") : null));
  }

  function apply(next) {
    try {
      setOptions(engine, getDate(), next);
      errorsBox.replaceChildren();
    } catch (err) {
      errorsBox.replaceChildren(errorList(err, "未保存，参数设置有误："));
    }
  }

  function exportFile() {
    downloadJson({ format: "静宁县政策核对·参数设置", exported_at: new Date().toISOString(), ...getOptions() },
      "jingning-params.json");
  }

  function importFile() {
    return importTextFile(
      fileInput,
      (text) => setOptions(engine, getDate(), parseOptionsFile(engine, getDate(), text)),
      () => errorsBox.replaceChildren(h("p", { role: "status" }, "已导入参数设置。")),
      (err) => errorsBox.replaceChildren(errorList(err, "未导入，文件有误：")),
    );
  }

  // Re-render after the focus has moved on (a `change` fires on Tab), then put it back where the
  // user went, so keyboard users keep their place.
  function rerender() {
    setTimeout(() => {
      const name = root.contains(document.activeElement) ? document.activeElement.name : null;
      render();
      if (name) root.querySelector(`[name="${CSS.escape(name)}"]`)?.focus();
    });
  }

  onOptionsChange(rerender);
  return { render: rerender };
}
