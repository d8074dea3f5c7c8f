/**
 * The run's summary beside the globe: per threat, vehicle, range, apogee, time of flight, max Mach, when
 * it was first detected and first tracked, the track's position RMSE, and what the defence made of it
 * (summary.json, either shape; "-" in a run without weapons).
 * Clicking a row selects that threat on the globe.
 */
import { css, kindColour } from "./colours.js";
import type { SummaryView } from "./data.js";
import { el, fmt } from "./dom.js";

/** Column heading, its unit (a second line, to keep columns narrow) and a tooltip. */
const HEADERS: readonly [string, string, string][] = [
  ["threat", "", "threat id and vehicle"],
  ["range", "km", "ground range, launch to end"],
  ["apogee", "km", "highest altitude"],
  ["flight", "s", "time of flight"],
  ["Mach", "max", "maximum Mach number"],
  ["det.", "s", "first detection, s from the epoch"],
  ["trk.", "s", "first confirmed track, s from the epoch"],
  ["RMSE", "m", "track position RMSE against truth"],
  ["end", "", "what the defence made of it: intercepted, leaked (hit an asset), fallen short"],
];

export function summaryTable(view: SummaryView, onPick: (threatId: string) => void): HTMLElement {
  const head = el(
    "tr",
    {},
    ...HEADERS.map(([h, unit, title]) => el("th", { title }, h, el("div", { class: "unit" }, unit))),
  );
  const rows = view.threats.map((t) => {
    const dot = el("span", { class: "dot", style: `background: ${css(kindColour(t.kind))}` });
    const who = el(
      "td",
      { class: "who" },
      dot,
      el("b", {}, t.id),
      el("div", { class: "vehicle" }, t.vehicle ?? t.kind ?? ""),
    );
    const detTitle = t.firstDetectedBy === null ? "" : `first detected by ${t.firstDetectedBy}`;
    const row = el(
      "tr",
      { "data-threat": t.id, title: `${t.id}: click to select it on the globe` },
      who,
      el("td", {}, fmt(t.rangeKm, 0)),
      el("td", {}, fmt(t.apogeeKm, 0)),
      el("td", {}, fmt(t.timeOfFlightS, 0)),
      el("td", {}, fmt(t.maxMach, 1)),
      el("td", { title: detTitle }, fmt(t.firstDetectedS, 0)),
      el("td", {}, fmt(t.firstTrackedS, 0)),
      el("td", {}, fmt(t.positionRmseM, 0)),
      el("td", { class: t.result === null ? "" : `result ${t.result}` }, t.result ?? "-"),
    );
    row.addEventListener("click", () => onPick(t.id));
    return row;
  });
  // In a narrow window the table scrolls sideways inside its box rather than widening the panel.
  const table = el("table", { class: "summary" }, el("thead", {}, head), el("tbody", {}, ...rows));
  return el("div", { class: "summary-box" }, table);
}
