// Small inline SVG charts: no chart library, a few hundred bytes each. Colours
// come from the stylesheet, so both themes apply.

import { s } from "./dom.js";

const PAD = { left: 44, right: 8, top: 8, bottom: 20 };

function frame(width, height, label) {
  return s("svg", { class: "chart", viewBox: `0 0 ${width} ${height}`, role: "img", "aria-label": label });
}

/**
 * Lines over time. `series`: [{cls, label, points: [[timeMs, value]]}];
 * `format` renders axis values.
 */
export function lineChart(series, { label, format = String, height = 170, width = 640, yMin } = {}) {
  const svg = frame(width, height, label);
  const points = series.flatMap((line) => line.points);
  if (!points.length) return svg;
  const xs = points.map(([x]) => x);
  const ys = points.map(([, y]) => y);
  const [x0, x1] = [Math.min(...xs), Math.max(...xs)];
  const y0 = yMin ?? 0;
  const y1 = Math.max(...ys, y0 + 1e-9);
  const plotW = width - PAD.left - PAD.right;
  const plotH = height - PAD.top - PAD.bottom;
  const x = (v) => PAD.left + (x1 === x0 ? plotW / 2 : ((v - x0) / (x1 - x0)) * plotW);
  const y = (v) => PAD.top + plotH - ((v - y0) / (y1 - y0)) * plotH;
  for (const tick of [y0, (y0 + y1) / 2, y1]) {
    svg.append(
      s("line", { class: "grid-line", x1: PAD.left, x2: width - PAD.right, y1: y(tick), y2: y(tick) }),
      s("text", { x: PAD.left - 4, y: y(tick) + 3, "text-anchor": "end" }, format(tick)),
    );
  }
  for (const [at, anchor] of x1 === x0 ? [[x0, "middle"]] : [[x0, "start"], [x1, "end"]]) {
    svg.append(s("text", { x: x(at), y: height - 4, "text-anchor": anchor }, new Date(at).toLocaleDateString()));
  }
  for (const line of series) {
    if (!line.points.length) continue;
    const d = line.points.map(([px, py], i) => `${i ? "L" : "M"}${x(px).toFixed(1)},${y(py).toFixed(1)}`).join("");
    svg.append(s("path", { class: line.cls, d }, s("title", {}, line.label)));
    // A lone day draws no line: mark it.
    if (line.points.length === 1) {
      const [[px, py]] = line.points;
      svg.append(s("circle", { class: line.cls, cx: x(px), cy: y(py), r: 3 }, s("title", {}, `${line.label}: ${format(py)}`)));
    }
  }
  return svg;
}

/** One bar per run, oldest first: height is the duration, colour the outcome. */
export function runStrip(runs, { label, width = 640, height = 90, format = String } = {}) {
  const svg = frame(width, height, label);
  if (!runs.length) return svg;
  const max = Math.max(...runs.map((run) => run.seconds), 1);
  const slot = (width - PAD.left) / runs.length;
  svg.append(s("text", { x: PAD.left - 4, y: 10, "text-anchor": "end" }, format(max)));
  runs.forEach((run, i) => {
    const barH = Math.max(2, (run.seconds / max) * (height - 14));
    svg.append(s("rect", {
      class: `bar-${run.status}`, x: PAD.left + i * slot + 1, y: height - barH,
      width: Math.max(1, slot - 2), height: barH,
    }, s("title", {}, run.title)));
  });
  return svg;
}

/**
 * A year of days in weeks (columns) × weekdays (rows). `days`: [{day:
 * "YYYY-MM-DD", total, failed}] from the server's daily aggregate.
 */
export function heatmap(days, { label, cell = 11 } = {}) {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const end = new Date();
  end.setUTCHours(0, 0, 0, 0);
  const start = new Date(end.getTime() - 364 * 86400000);
  start.setUTCDate(start.getUTCDate() - start.getUTCDay());
  const weeks = Math.ceil((end - start) / (7 * 86400000)) + 1;
  const svg = frame(weeks * (cell + 2) + 2, 7 * (cell + 2) + 2, label);
  for (let t = start.getTime(); t <= end.getTime(); t += 86400000) {
    const date = new Date(t);
    const key = date.toISOString().slice(0, 10);
    const data = byDay.get(key);
    const week = Math.floor((t - start.getTime()) / (7 * 86400000));
    const cls = !data || !data.total ? "heat-0"
      : data.failed === 0 ? "heat-ok" : data.failed < data.total / 2 ? "heat-mixed" : "heat-bad";
    const text = data ? `${key}: ${data.total} runs, ${data.failed} failed` : `${key}: no runs`;
    svg.append(s("rect", {
      class: cls, x: 2 + week * (cell + 2), y: 2 + date.getUTCDay() * (cell + 2), width: cell, height: cell, rx: 2,
    }, s("title", {}, text)));
  }
  return svg;
}
