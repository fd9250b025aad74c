// A small SVG radar chart of dimension score rates (0–100 %), drawn by hand: no library, no
// inline style (the CSP forbids it), colours as SVG attributes.
const NS = "http://www.w3.org/2000/svg";

function el(tag, attrs = {}, text) {
  const e = document.createElementNS(NS, tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, String(v));
  if (text != null) e.textContent = text;
  return e;
}

/** dims: [{ name, rate }] with rate a decimal string ("87.5") or null (all excluded). */
export function radarChart(dims, { size = 340, title = "各维度得分率" } = {}) {
  const cx = size / 2, cy = size / 2, r = size / 2 - 70;
  const n = dims.length;
  const angle = (i) => -Math.PI / 2 + (2 * Math.PI * i) / n;
  const at = (i, frac) => [cx + Math.cos(angle(i)) * r * frac, cy + Math.sin(angle(i)) * r * frac];
  const pts = (fracs) => fracs.map((f, i) => at(i, f).map((x) => x.toFixed(1)).join(",")).join(" ");

  const desc = dims.map((d) => `${d.name} ${d.rate == null ? "无数据" : `${d.rate}%`}`).join("；");
  const svg = el("svg", { viewBox: `0 0 ${size} ${size}`, width: size, height: size, role: "img", class: "radar", "aria-labelledby": "radar-title radar-desc" });
  svg.append(el("title", { id: "radar-title" }, title), el("desc", { id: "radar-desc" }, desc));
  for (const ring of [0.2, 0.4, 0.6, 0.8, 1]) {
    svg.append(el("polygon", { points: pts(dims.map(() => ring)), fill: ring === 1 ? "#f6f7f9" : "none", stroke: "#c9cfd9", "stroke-width": 1 }));
  }
  dims.forEach((d, i) => {
    const [x, y] = at(i, 1);
    svg.append(el("line", { x1: cx, y1: cy, x2: x.toFixed(1), y2: y.toFixed(1), stroke: "#c9cfd9", "stroke-width": 1 }));
    const [lx, ly] = at(i, 1.16);
    const anchor = Math.abs(lx - cx) < 8 ? "middle" : lx > cx ? "start" : "end";
    const label = el("text", { x: lx.toFixed(1), y: ly.toFixed(1), "text-anchor": anchor, "dominant-baseline": "middle", "font-size": 12, fill: "#1d2430" });
    label.append(el("tspan", { x: lx.toFixed(1), dy: "-0.5em" }, d.name.length > 8 ? `${d.name.slice(0, 8)}…` : d.name));
    label.append(el("tspan", { x: lx.toFixed(1), dy: "1.2em", "font-weight": 700 }, d.rate == null ? "—" : `${Number(d.rate).toFixed(0)}%`));
    svg.append(label);
  });
  for (const pct of [50, 100]) {
    const [, y] = at(0, pct / 100);
    svg.append(el("text", { x: cx + 4, y: y.toFixed(1), "font-size": 10, fill: "#5b6576" }, `${pct}%`));
  }
  const fracs = dims.map((d) => Math.max(0, Math.min(1, d.rate == null ? 0 : Number(d.rate) / 100)));
  svg.append(el("polygon", { points: pts(fracs), fill: "#1f4e9c", "fill-opacity": 0.25, stroke: "#1f4e9c", "stroke-width": 2, "data-testid": "radar-shape" }));
  fracs.forEach((f, i) => {
    const [x, y] = at(i, f);
    svg.append(el("circle", { cx: x.toFixed(1), cy: y.toFixed(1), r: 3, fill: "#1f4e9c" }));
  });
  return svg;
}
