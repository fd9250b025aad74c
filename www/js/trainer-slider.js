// The trainer's income slider: one money input of the household moved over a range, each
// measure's outcome drawn along it as bands, a line at every flip (threshold) point, and the
// outcome of each measure at the slider's value. The flip points come from the engine
// (householdSweep: exact engine evaluations, bisected to the fen); the slider itself moves in
// whole fen and money stays decimal text: positions on screen are the only floating point here.
import { h, yuan } from "./render.js";

/** "17000.5" → 1700050 (whole fen, integer arithmetic on the digits); NaN if not an amount. */
export function toFen(text) {
  const m = String(text).trim().match(/^(\d{1,10})(?:\.(\d{0,2}))?$/);
  if (!m) return NaN;
  return Number(m[1]) * 100 + Number((m[2] ?? "").padEnd(2, "0"));
}

/** 1700050 → "17000.5"; 1700000 → "17000". */
export function fenToText(fen) {
  const int = Math.floor(fen / 100);
  const frac = String(fen % 100).padStart(2, "0").replace(/0+$/, "");
  return frac ? `${int}.${frac}` : String(int);
}

/**
 * The slider panel. `sweep`: householdSweep's result; `label`: the field's name; `value`: its
 * current text; `focus`: the measures the scenario teaches (always drawn, first); `onMove(text)`:
 * called with the new amount as decimal text. Returns `{ el, setValue(text) }`.
 */
export function createSlider({ sweep, label, value, focus, outcomeLabel, onMove }) {
  const lo = toFen(sweep.from);
  const hi = toFen(sweep.to);
  const pos = (fen) => `${(((fen - lo) / (hi - lo)) * 100).toFixed(3)}%`;
  const rows = [
    ...focus.map((m) => sweep.measures.find((x) => x.measure === m)).filter(Boolean),
    ...sweep.measures.filter((m) => !focus.includes(m.measure) && m.segments.length > 1),
  ];
  const range = h("input", { type: "range", min: String(lo), max: String(hi), step: "1", "aria-label": `${label}（拖动或用方向键调整，精确到分）`, "data-testid": "income-slider" });
  const readout = h("output", { class: "slider-value", "data-testid": "slider-value" });
  const markers = rows.map(() => h("span", { class: "now", "aria-hidden": "true" }));
  const badges = rows.map((m) => h("span", { class: "badge", "data-testid": `slider-outcome-${m.measure}` }));

  const outcomeAt = (m, fen) => m.segments.find((s) => toFen(s.from) <= fen && fen <= toFen(s.to))?.outcome;
  function setValue(text) {
    let fen = toFen(text);
    if (Number.isNaN(fen)) fen = lo;
    const clamped = Math.min(hi, Math.max(lo, fen));
    if (document.activeElement !== range) range.value = String(clamped);
    readout.textContent = `${label}：${yuan(fenToText(fen))}${fen !== clamped ? "（在滑块范围以外）" : ""}`;
    rows.forEach((m, i) => {
      markers[i].style.left = pos(clamped);
      const o = outcomeAt(m, fen);
      badges[i].className = `badge outcome-${o ?? "none"}`;
      badges[i].textContent = o ? outcomeLabel(o) : "—";
    });
  }
  range.addEventListener("input", () => {
    const text = fenToText(Number(range.value));
    setValue(text);
    onMove(text);
  });
  const jump = (fen) => {
    range.value = String(fen);
    setValue(fenToText(fen));
    onMove(fenToText(fen));
  };

  // Steps of 100 元 for a keyboard or a presenter's clicker (the range itself moves by the fen).
  const stepBy = (fen) => jump(Math.min(hi, Math.max(lo, Number(range.value) + fen)));
  const el = h("section", { class: "trainer-slider", "data-testid": "trainer-slider" },
    h("h4", {}, `收入滑块：${label}`),
    h("p", { class: "hint" }, `${yuan(sweep.from)} 至 ${yuan(sweep.to)}；竖线是结论改变的临界点（由规则引擎逐分核定），色带是各项措施在这一段的结论。`),
    readout,
    range,
    h("div", { class: "slider-steps" },
      h("button", { type: "button", onclick: () => stepBy(-10000) }, "− 100 元"),
      h("button", { type: "button", onclick: () => stepBy(-1) }, "− 1 分"),
      h("button", { type: "button", onclick: () => stepBy(1) }, "＋ 1 分"),
      h("button", { type: "button", onclick: () => stepBy(10000) }, "＋ 100 元")),
    h("div", { class: "bands" }, rows.map((m, i) => h("div", { class: "band-row", "data-measure": m.measure },
      h("span", { class: "band-label" }, m.title, " ", badges[i]),
      h("div", { class: "track" },
        m.segments.map((s) => h("span", { class: `seg outcome-${s.outcome}`, style: null, title: `${yuan(s.from)}–${yuan(s.to)}：${outcomeLabel(s.outcome)}`,
          "data-from": s.from, "data-to": s.to })),
        m.segments.slice(1).map((s) => h("span", { class: "flip", "data-at": s.from, title: `${yuan(s.from)} 起 ${outcomeLabel(s.outcome)}` })),
        markers[i])))),
    h("ul", { class: "flips", "data-testid": "flips" }, rows.filter((m) => m.segments.length > 1).map((m) => h("li", { "data-testid": `flip-${m.measure}` },
      `${m.title}：`,
      m.segments.flatMap((s, k) => [k ? "；" : "", k === 0 ? `${yuan(s.from)}–${yuan(s.to)} ${outcomeLabel(s.outcome)}` : "",
        k > 0 ? h("button", { type: "button", class: "link", "data-flip": s.from, onclick: () => jump(toFen(s.from)) }, `${yuan(s.from)}`) : null,
        k > 0 ? ` 起 ${outcomeLabel(s.outcome)}` : ""]))),
      rows.every((m) => m.segments.length === 1) ? h("li", {}, "在这一范围内各项结论都不随它改变。") : null));
  // Positions are set as properties: the page's CSP allows no inline style attributes.
  el.querySelectorAll(".seg").forEach((s) => {
    s.style.left = pos(toFen(s.dataset.from));
    s.style.width = `${(((toFen(s.dataset.to) - toFen(s.dataset.from) + 1) / (hi - lo + 1)) * 100).toFixed(3)}%`;
  });
  el.querySelectorAll(".flip").forEach((f) => { f.style.left = pos(toFen(f.dataset.at)); });
  setValue(value);
  return { el, setValue, sweep };
}
