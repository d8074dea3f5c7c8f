/**
 * Altitude against time for every threat (trajectories.csv), in plain SVG: one line per threat in its
 * kind's colour, its id at its apogee, and a cursor at the clock's time. Clicking moves the clock.
 * A raid that mixes a lofted missile (apogee above 1000 km) with gliders (30 to 60 km) flattens the
 * gliders on a linear axis, so the axis can switch to logarithmic (and starts so for such raids).
 */
import { css, type Rgb } from "./colours.js";
import type { TrajectorySeries } from "./data.js";
import { el, svg } from "./dom.js";
import { niceStep, tickValues } from "./scale.js";

export interface AltitudeChart {
  readonly element: HTMLElement;
  setTime(timeS: number): void;
}

const W = 360;
const H = 170;
const M = { left: 34, right: 8, top: 16, bottom: 22 };
/** The log axis starts here: launch points at sea level have no logarithm. */
const LOG_FLOOR_KM = 1;
/** Use the log axis from the start when the highest apogee is this many times the lowest. */
const LOG_RATIO = 8;
/** A threat label's box in chart units, to keep labels apart. */
const LABEL_W = 30;
const LABEL_H = 8;

export function altitudeChart(
  series: readonly TrajectorySeries[],
  colourOf: (threatId: string) => Rgb,
  endS: number,
  onPick: (timeS: number) => void,
): AltitudeChart {
  const apogeesKm = series.map((s) => Math.max(...s.altM) / 1000).filter((a) => a > 0);
  const maxKm = Math.max(1, ...apogeesKm);
  let log = apogeesKm.length > 1 && maxKm / Math.min(...apogeesKm) > LOG_RATIO;
  const x0 = M.left;
  const x1 = W - M.right;
  const y0 = H - M.bottom;
  const y1 = M.top;
  const spanS = Math.max(endS, 1);
  const xOf = (t: number) => x0 + ((x1 - x0) * t) / spanS;

  const root = svg("svg", { viewBox: `0 0 ${W} ${H}`, class: "chart", role: "img" });
  const plot = svg("g");
  const cursor = svg("line", { class: "cursor", x1: x0, x2: x0, y1, y2: y0 });
  root.append(plot, cursor);

  function draw(): void {
    plot.replaceChildren();
    const logTop = Math.log10(maxKm * 1.15);
    const logBottom = Math.log10(LOG_FLOOR_KM);
    const topKm = maxKm * 1.08;
    const yOf = (km: number) =>
      log
        ? y0 - ((y0 - y1) * (Math.log10(Math.max(km, LOG_FLOOR_KM)) - logBottom)) / (logTop - logBottom)
        : y0 - ((y0 - y1) * km) / topKm;

    // Axes and grid.
    const ticksKm = log
      ? [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000].filter((v) => v <= maxKm * 1.15)
      : tickValues(topKm, niceStep(topKm, 4));
    for (const v of ticksKm) {
      const y = yOf(v);
      plot.append(svg("line", { class: "grid", x1: x0, x2: x1, y1: y, y2: y }));
      plot.append(svg("text", { class: "tick", x: x0 - 3, y: y + 3, "text-anchor": "end" }, String(v)));
    }
    for (const t of tickValues(spanS, niceStep(spanS, 5))) {
      const x = xOf(t);
      plot.append(svg("line", { class: "grid", x1: x, x2: x, y1, y2: y0 }));
      plot.append(svg("text", { class: "tick", x, y: y0 + 11, "text-anchor": "middle" }, String(t)));
    }
    plot.append(svg("text", { class: "axis", x: x1, y: H - 1, "text-anchor": "end" }, "time s"));
    plot.append(svg("text", { class: "axis", x: 2, y: 9 }, log ? "altitude km (log)" : "altitude km"));

    // One line per threat, labelled at its apogee (nudged up where labels would overlap).
    const placed: { x: number; y: number }[] = [];
    for (const s of series) {
      const colour = css(colourOf(s.id));
      const pts: string[] = [];
      let top = 0;
      for (let i = 0; i < s.timeS.length; i++) {
        pts.push(`${xOf(s.timeS[i]).toFixed(1)},${yOf(s.altM[i] / 1000).toFixed(1)}`);
        if (s.altM[i] > s.altM[top]) top = i;
      }
      plot.append(svg("polyline", { class: "series", points: pts.join(" "), stroke: colour }));
      if (s.timeS.length === 0) continue;
      const lx = Math.min(xOf(s.timeS[top]) - 6, x1 - 30);
      const at = yOf(s.altM[top] / 1000) - 3;
      const clash = (y: number) =>
        placed.some((p) => Math.abs(p.x - lx) < LABEL_W && Math.abs(p.y - y) < LABEL_H);
      // Try the apogee, then one label height above, below, two above...
      let ly = at;
      for (let k = 1; clash(ly) && k < 12; k++) ly = at + (k % 2 === 1 ? -1 : 1) * Math.ceil(k / 2) * LABEL_H;
      ly = Math.min(Math.max(ly, y1 + 6), y0 - 2);
      placed.push({ x: lx, y: ly });
      plot.append(svg("text", { class: "label", x: lx, y: ly, fill: colour }, s.id));
    }
  }

  root.addEventListener("click", (ev) => {
    const box = root.getBoundingClientRect();
    const x = ((ev.clientX - box.left) / box.width) * W;
    onPick(Math.min(Math.max(((x - x0) / (x1 - x0)) * spanS, 0), spanS));
  });

  const scale = el("button", { class: "scale", type: "button", title: "switch the altitude axis" });
  const setScaleText = () => void (scale.textContent = log ? "linear axis" : "log axis");
  scale.addEventListener("click", () => {
    log = !log;
    setScaleText();
    draw();
  });
  setScaleText();
  draw();

  return {
    element: el("div", { class: "chart-box" }, root, scale),
    setTime(timeS) {
      const x = xOf(Math.min(Math.max(timeS, 0), spanS)).toFixed(1);
      cursor.setAttribute("x1", x);
      cursor.setAttribute("x2", x);
    },
  };
}
