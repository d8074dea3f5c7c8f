/**
 * The colour legend over the globe; its layer rows carry a checkbox that shows or hides that layer
 * (threats, tracks, radars with their coverage, IR satellites, defended assets).
 */
import { css, LEGEND, type LayerKey } from "./colours.js";
import { el } from "./dom.js";

export function legend(onToggle: (layer: LayerKey, show: boolean) => void): HTMLElement {
  const kinds = el("div", { class: "kinds" });
  const layers = el("div", { class: "layers" });
  for (const row of LEGEND) {
    const swatch = el("span", { class: "dot", style: `background: ${css(row.colour)}` });
    if (row.layer === null) {
      kinds.append(el("span", { class: "kind" }, swatch, row.label));
      continue;
    }
    const layer = row.layer;
    const box = el("input", { type: "checkbox", "data-layer": layer });
    box.checked = true;
    box.addEventListener("change", () => onToggle(layer, box.checked));
    layers.append(el("label", {}, box, swatch, row.label));
  }
  return el("div", { class: "legend" }, kinds, layers);
}
