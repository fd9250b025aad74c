// 多村排名: rank several villages without a spreadsheet — add the village on the scorecard, or
// open several village files (saved cases, or a JSON list) — scored by rankVillages with the
// indicator system and the county averages in use. The table is in rank order with ties shown
// (1, 2, 2, 4), and the county view sets the seed's county targets against these villages.
// The list is a draft (sessionStorage), cleared with the page's other drafts.
import { h } from "./render.js";
import { villageOptions, systemLabel } from "./indicator-store.js";

const KEY = "jn.draft.village-ranking";
const FIELDS = ["schema", "id", "name", "township", "year", "values", "county_averages", "five_type", "demonstration", "provincial_clean_village"];

function load() {
  try {
    const v = JSON.parse(sessionStorage.getItem(KEY) ?? "[]");
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}

/** A village input as the engine reads it: a saved case carries extra keys (its system's name). */
function inputOf(v) {
  return Object.fromEntries(FIELDS.filter((k) => v[k] != null).map((k) => [k, v[k]]));
}

/** `currentVillage()` gives the scorecard's village (with its id and name) or null. */
export function createRankingPanel(engine, currentVillage) {
  let list = load();
  const status = h("p", { class: "hint", "aria-live": "polite", "data-testid": "rank-status" });
  const table = h("div", { class: "table-wrap", "data-testid": "rank-table" });
  const county = h("div", { "data-testid": "rank-county" });
  const files = h("input", { type: "file", accept: ".json,application/json", multiple: true, hidden: true, "data-testid": "rank-files" });
  const add = h("button", { type: "button", "data-testid": "rank-add" }, "把当前村加入排名");
  const open = h("button", { type: "button" }, "打开村庄文件（可多选）");
  const clear = h("button", { type: "button" }, "清空排名列表");
  const element = h("section", { class: "village-ranking", "aria-labelledby": "rank-title" },
    h("h3", { id: "rank-title" }, "多村排名（不用表格）"),
    h("p", { class: "hint" }, "逐个填好村庄后加入排名，或打开多个已保存的村庄文件；同一村庄编号再次加入时替换原来的。按名次排列，总分相同者并列。"),
    h("p", { class: "actions" }, add, open, clear, files), status, table, county);

  function save() {
    sessionStorage.setItem(KEY, JSON.stringify(list));
  }

  function put(v) {
    const input = inputOf(v);
    const k = list.findIndex((x) => x.id === input.id);
    if (k >= 0) list[k] = input;
    else list.push(input);
  }

  add.addEventListener("click", () => {
    const v = currentVillage();
    if (!v?.id || !v?.name) {
      status.textContent = "请先在上方填写村庄编号和村名，再加入排名。";
      return;
    }
    put(v);
    save();
    render();
  });
  open.addEventListener("click", () => files.click());
  files.addEventListener("change", async () => {
    const problems = [];
    for (const f of files.files) {
      try {
        const v = JSON.parse(await f.text());
        const items = Array.isArray(v) ? v : Array.isArray(v?.villages) ? v.villages : [v];
        for (const item of items) {
          if (item?.schema !== "jingning.village-input/1") throw new Error("不是村庄文件（格式 jingning.village-input/1）");
          put(item);
        }
      } catch (e) {
        problems.push(`${f.name}：${e.message}`);
      }
    }
    files.value = "";
    save();
    render(problems);
  });
  clear.addEventListener("click", () => {
    list = [];
    save();
    render();
  });

  function render(problems = []) {
    table.replaceChildren();
    county.replaceChildren();
    if (!list.length) {
      status.textContent = [...problems, "排名列表为空。"].join(" ");
      return;
    }
    let r;
    try {
      r = engine.rankVillages(list, villageOptions());
    } catch (err) {
      const lines = (err.errors ?? [{ path: "$", message: err.message }]).map((e) => `${e.path}：${e.message}`);
      status.textContent = [...problems, "无法排名：", ...lines].join(" ");
      return;
    }
    const counts = new Map();
    for (const row of r.rows) counts.set(row.rank, (counts.get(row.rank) ?? 0) + 1);
    status.textContent = [...problems, `${r.count} 个村，指标体系：${systemLabel(r.system)}。${r.ranking_rule}。`].join(" ");
    table.append(h("table", { class: "ledger ranking" },
      h("caption", {}, "多村排名"),
      h("thead", {}, h("tr", {}, ["名次", "村名", "乡镇", "总分", "等级", "已评权重", "三类村庄建议", "五类村庄", ""].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, r.rows.map((row) => h("tr", { "data-village": row.village_id },
        h("td", { class: "num", "data-testid": "rank-cell" }, counts.get(row.rank) > 1 ? `${row.rank}（并列）` : String(row.rank)),
        h("th", { scope: "row" }, row.village_name), h("td", {}, row.township ?? ""),
        h("td", { class: "num" }, row.total), h("td", {}, row.grade), h("td", {}, row.coverage),
        h("td", {}, row.class_label), h("td", {}, row.five_type_label ?? "未填"),
        h("td", {}, h("button", { type: "button", class: "link", onclick: () => { list = list.filter((x) => x.id !== row.village_id); save(); render(); } }, "移出")))))));
    county.append(countyView(r.county));
  }

  render();
  return { element, refresh: () => render() };
}

/** The county view of a ranking: the seed's county targets against these villages. */
export function countyView(c) {
  return h("div", { class: "county-view" },
    h("h4", {}, "全县视图：实施意见的县级目标与这些村的数据"),
    h("p", { class: "hint" }, c.coverage_note),
    h("div", { class: "table-wrap" }, h("table", { class: "ledger" },
      h("thead", {}, h("tr", {}, ["县级目标", "目标", "数据", "情况", "依据"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, c.targets.map((t) => h("tr", { "data-target": t.id },
        h("th", { scope: "row" }, t.name), h("td", {}, `${t.target} ${t.unit}（${t.year} 年）`),
        h("td", {}, t.value == null ? "—" : `${t.value} ${t.unit}`),
        h("td", {}, t.status),
        h("td", {}, t.source.clause ? `实施意见 ${t.source.clause}：“${t.source.excerpt}”` : t.source.document ?? t.source.note ?? "")))))),
    c.townships.length > 1 || c.townships[0]?.township ? h("div", { class: "table-wrap" }, h("table", { class: "ledger" },
      h("caption", {}, "分乡镇"),
      h("thead", {}, h("tr", {}, ["乡镇", "村数", "平均总分（已定级）", ...c.targets.filter((t) => t.metric !== "county_statistic").map((t) => t.name)].map((x) => h("th", { scope: "col" }, x)))),
      h("tbody", {}, c.townships.map((t) => h("tr", {},
        h("th", { scope: "row" }, t.township), h("td", { class: "num" }, String(t.villages)), h("td", { class: "num" }, t.mean_total ?? "—"),
        t.figures.map((f) => h("td", { class: "num" }, f.value ?? "—"))))))) : null);
}
