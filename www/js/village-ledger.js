// 由农户台账生成各村考核: the township's household 台账 (.xlsx/.csv) evaluated household by
// household in the batch worker (on this machine), then summed up by 所在村 by the engine
// (BatchSession.villageScores): each village's 监测帮扶, 两不愁三保障, 控辍保学 and 应保尽保
// figures, with the 户编号 behind every number, filled into its scorecard; the villages ranked
// (ties shown) with the county averages and indicator system in use, and the county view.
import { h } from "./render.js";
import { villageOptions, systemLabel } from "./indicator-store.js";
import { countyView } from "./village-ranking.js";
import { postWithSheet } from "./sheet-module.js";

/** `openInCard(input)` shows one village's filled scorecard in the form above. */
export function createLedgerPanel(openInCard) {
  const input = h("input", { type: "file", accept: ".xlsx,.csv", "data-testid": "ledger-file" });
  const date = h("input", { type: "date", "data-testid": "ledger-date" });
  const status = h("p", { class: "hint", role: "status", "aria-live": "polite", "data-testid": "ledger-status" });
  const out = h("div", { "data-testid": "ledger-result" });
  const element = h("section", { class: "village-ledger", "aria-labelledby": "ledger-title" },
    h("h3", { id: "ledger-title" }, "由农户台账生成各村考核"),
    h("p", { class: "hint" }, "选择乡镇的农户台账（批量核查的格式，须有「所在村」列）：在本机逐户核查后按村汇总监测户帮扶、“两不愁三保障”及饮水住房缺口、控辍保学、低保特困应保尽保，每个数都列出背后的户编号，填入各村考核并排名。台账算不出的指标不评（不计零分）。"),
    h("p", { class: "actions" }, h("label", {}, "农户台账 ", input), " ", h("label", {}, "核查日期（台账无此列时） ", date)),
    status, out);

  if (location.protocol === "file:") {
    // The single-file offline copy has no worker and no spreadsheet module.
    element.replaceChildren(h("h3", {}, "由农户台账生成各村考核"), h("p", { class: "hint" }, "单文件离线版不含表格功能，请用网页版。"));
    return { element };
  }
  let worker = null;
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (!file) return;
    worker?.terminate();
    worker = new Worker(new URL("./batch-worker.js", import.meta.url), { type: "module" });
    out.replaceChildren();
    status.textContent = `正在核查「${file.name}」……`;
    const options = { assessment_date: date.value || new Date().toISOString().slice(0, 10), kind: "household", ...villageOptions() };
    worker.onmessage = ({ data: msg }) => {
      // The sheet is read ("info"): the village figures come from its rows (the worker evaluates
      // households only in the ranges the batch page asks for, which this panel does not need).
      if (msg.type === "info") postWithSheet(worker, { type: "villageScores" });
      else if (msg.type === "villageScores") {
        status.textContent = `${msg.result.households} 户，${msg.result.villages.length} 个村。${msg.result.notes.join(" ")}`;
        out.replaceChildren(render(msg.result, openInCard));
        element.dataset.done = "true";
      } else if (msg.type === "error") {
        status.textContent = [msg.message, ...(msg.errors ?? []).map((e) => e.message)].join("；");
      }
    };
    worker.onerror = (ev) => {
      status.textContent = `表格模块加载失败（单文件离线版不含批量核查，请用网页版）：${ev.message ?? ev}`;
    };
    postWithSheet(worker, { type: "open", file, options });
  });
  return { element };
}

function render(r, openInCard) {
  const rk = r.ranking;
  const counts = new Map();
  for (const row of rk.rows) counts.set(row.rank, (counts.get(row.rank) ?? 0) + 1);
  const byName = new Map(r.villages.map((v) => [v.village, v]));
  const ids = (list) => (list.length ? list.join("、") : "—");
  return h("div", {},
    h("p", { class: "hint" }, `指标体系：${systemLabel(rk.system)}。${rk.ranking_rule}。`),
    h("div", { class: "table-wrap" }, h("table", { class: "ledger ranking", "data-testid": "ledger-ranking" },
      h("caption", {}, "各村考核（由台账算出的指标已填入）"),
      h("thead", {}, h("tr", {}, ["名次", "村", "总分", "等级", "已评权重", "监测户帮扶", "两不愁三保障达标", "控辍保学（户）", "应保尽保", "未纳入监测的户"].map((t) => h("th", { scope: "col" }, t)))),
      h("tbody", {}, rk.rows.map((row) => {
        const d = byName.get(row.village_name);
        const cell = (id) => {
          const x = d?.values.find((v) => v.indicator === id);
          if (!x) return h("td", {}, "—");
          const shown = x.value == null ? "未评" : `${x.value}${id === "dropout_count" ? "" : "%"}`;
          return h("td", { "data-indicator": id, title: x.working },
            shown, h("small", { class: "households" }, ` 计入：${ids(x.households)}；差距：${ids(x.gaps)}${x.unknown.length ? `；无法判断：${ids(x.unknown)}` : ""}`));
        };
        return h("tr", { "data-village": row.village_name },
          h("td", { class: "num" }, counts.get(row.rank) > 1 ? `${row.rank}（并列）` : String(row.rank)),
          h("th", { scope: "row" }, h("button", { type: "button", class: "link", title: "在上方评分卡中打开（由台账算出的指标已填入）",
            onclick: () => openInCard(cardInput(row, d)) }, row.village_name)), h("td", { class: "num" }, row.total), h("td", {}, row.grade), h("td", {}, row.coverage),
          cell("monitored_support_coverage"), cell("basic_needs_secured_rate"), cell("dropout_count"), cell("assistance_coverage"),
          h("td", { "data-testid": "monitoring-gaps" }, ids(d?.monitoring_gaps ?? [])));
      })))),
    countyView(rk.county));
}

/** The village as a scorecard input: the values the 台账 gave (the rest left to fill in). */
function cardInput(row, d) {
  const values = {};
  for (const x of d?.values ?? []) if (x.value != null && x.filled) values[x.indicator] = x.value;
  return { schema: "jingning.village-input/1", id: row.village_id, name: row.village_name, values };
}
