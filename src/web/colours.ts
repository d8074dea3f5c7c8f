/**
 * The scene's colour code, the same as src/analysis/export/sceneCzml.ts writes into scene.czml (ballistic
 * red, glide orange, cruise magenta, tracks yellow, radars blue, satellites cyan, assets green,
 * interceptors light blue, railgun projectiles white, kills and leaks red), so the
 * legend, the summary table and the altitude chart match the globe. Kept as a copy because the browser
 * bundle must not import the Node-side exporter; tests/web/viewer.test.ts checks the two agree.
 */

export type Rgb = readonly [number, number, number];

/** Threat colours by vehicle kind (FlightResult.kind). */
export const KIND_COLOURS: Readonly<Record<string, Rgb>> = {
  ballistic: [230, 50, 50],
  hgv: [255, 150, 20],
  cruise: [220, 60, 220],
  interceptor: [60, 200, 255],
  projectile: [255, 255, 255],
};

export const TRACK_COLOUR: Rgb = [255, 235, 59];
export const RADAR_COLOUR: Rgb = [70, 130, 255];
export const SATELLITE_COLOUR: Rgb = [0, 230, 230];
export const ASSET_COLOUR: Rgb = [60, 220, 90];
/** Intercept points (a kill; misses are grey) and leaks. */
export const KILL_COLOUR: Rgb = [255, 60, 60];

export const css = (c: Rgb): string => `rgb(${c[0]}, ${c[1]}, ${c[2]})`;

export function kindColour(kind: string | null): Rgb {
  return (kind !== null ? KIND_COLOURS[kind] : undefined) ?? KIND_COLOURS.projectile;
}

/** The scene's layers, each one a legend row with a checkbox that shows or hides it on the globe. */
export type LayerKey = "threats" | "tracks" | "radars" | "satellites" | "assets" | "shots" | "intercepts";

export interface LegendRow {
  readonly label: string;
  readonly colour: Rgb;
  /** The layer the row toggles, or null for rows that only explain a colour. */
  readonly layer: LayerKey | null;
}

export const LEGEND: readonly LegendRow[] = [
  { label: "ballistic", colour: KIND_COLOURS.ballistic, layer: null },
  { label: "glide", colour: KIND_COLOURS.hgv, layer: null },
  { label: "cruise", colour: KIND_COLOURS.cruise, layer: null },
  { label: "interceptor", colour: KIND_COLOURS.interceptor, layer: null },
  { label: "projectile", colour: KIND_COLOURS.projectile, layer: null },
  { label: "threats", colour: [235, 235, 235], layer: "threats" },
  { label: "weapons, rounds", colour: KIND_COLOURS.interceptor, layer: "shots" },
  { label: "intercepts, leaks", colour: KILL_COLOUR, layer: "intercepts" },
  { label: "tracks", colour: TRACK_COLOUR, layer: "tracks" },
  { label: "radars, coverage", colour: RADAR_COLOUR, layer: "radars" },
  { label: "IR satellites", colour: SATELLITE_COLOUR, layer: "satellites" },
  { label: "defended assets", colour: ASSET_COLOUR, layer: "assets" },
];
