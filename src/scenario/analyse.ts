/**
 * The scenario analyser behind `raijin validate`'s warnings: scenarios that load, and that physics does
 * not refuse, but that cannot work as their author likely meant. Each warning names the entry it is
 * about (a field path, placed at its line by `locateWarnings`); none stops a run.
 *
 * - A threat no sensor can ever see: every threat flown (the steering the loader solved is cached) and
 *   every sensor looking at it every 2 s over its whole flight (stream seed 1): not one detection.
 * - A weapon no sensor can cue: no radar's coverage (src/sensors/coverage.ts: instrumented range,
 *   effective-Earth horizon, elevation floor, field of regard, and the range at which a 0.1 m^2 target,
 *   a glider's or a re-entry vehicle's nose-on cross-section, is detected with probability 0.5) reaches
 *   any of 24 points of the weapon's engagement volume (a third, two thirds and all of its reach, eight
 *   azimuths, at the middle of its intercept altitudes up to 100 km), and no infrared constellation (a
 *   LEO layer sees the whole Earth) to cue it instead.
 * - An asset out of every weapon's reach: farther from each weapon's site (a ship's nearest waypoint)
 *   than the weapon's largest intercept range (a scenario without weapons, a tracking study, is not
 *   warned).
 * - A magazine smaller than the raid: fewer rounds in all the weapons than threats, so some threat can
 *   never be shot at.
 */
import { LineCounter, parseDocument } from "yaml";
import { Radar } from "../sensors/radar/radar.js";
import { IrConstellation } from "../sensors/infrared/irSensor.js";
import { radarCoverageBoundary, type LatLon } from "../sensors/coverage.js";
import { flyRaid, senseRaid } from "../sim/raid.js";
import { weaponBatteries, weaponDefinition } from "./build/weapons.js";
import { earthModelOf } from "./build/earth.js";
import { sensorObjects } from "./build/sensors.js";
import { threatDefinitions } from "./build/threats.js";
import { escapeControls } from "./errors.js";
import { formatPath, locate, type PathSegment } from "./locate.js";
import type { Scenario } from "./schema/scenario.js";

export interface ScenarioWarning {
  readonly path: readonly PathSegment[];
  readonly message: string;
}

export interface LocatedWarning extends ScenarioWarning {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

const R2D = 180 / Math.PI;
const R_EARTH_M = 6_371_000;
/** Target cross-section of the cueing check, m^2 (see the file comment). */
export const CUE_RCS_M2 = 0.1;
/** Step of the looks of the visibility check, s. */
const LOOK_STEP_S = 2;

function haversineM(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a =
    Math.sin((lat2 - lat1) / 2) ** 2 + Math.cos(lat1) * Math.cos(lat2) * Math.sin((lon2 - lon1) / 2) ** 2;
  return 2 * R_EARTH_M * Math.asin(Math.min(1, Math.sqrt(a)));
}

function destination(latRad: number, lonRad: number, azRad: number, distM: number): LatLon {
  const d = distM / R_EARTH_M;
  const lat2 = Math.asin(Math.sin(latRad) * Math.cos(d) + Math.cos(latRad) * Math.sin(d) * Math.cos(azRad));
  const lon2 =
    lonRad +
    Math.atan2(
      Math.sin(azRad) * Math.sin(d) * Math.cos(latRad),
      Math.cos(d) - Math.sin(latRad) * Math.sin(lat2),
    );
  return { latDeg: lat2 * R2D, lonDeg: ((lon2 * R2D + 540) % 360) - 180 };
}

/** Even-odd ray casting in (lon, lat) degrees (a regional ring; no ring here crosses the date line). */
function inRing(p: LatLon, ring: readonly LatLon[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const a = ring[i];
    const b = ring[j];
    if (a.latDeg > p.latDeg !== b.latDeg > p.latDeg) {
      const x = ((b.lonDeg - a.lonDeg) * (p.latDeg - a.latDeg)) / (b.latDeg - a.latDeg) + a.lonDeg;
      if (p.lonDeg < x) inside = !inside;
    }
  }
  return inside;
}

/** The places a weapon can be: its fixed site, or its track's waypoints (lat, lon in rad). */
function placesOf(w: Scenario["weapons"][number]): { lat: number; lon: number }[] {
  if (w.at !== undefined) return [{ lat: w.at.lat, lon: w.at.lon }];
  return (w.track ?? []).map((p) => ({ lat: p.at.lat, lon: p.at.lon }));
}

/** Every warning of a valid scenario (see the file comment), in file order of the entries. */
export function analyseScenario(s: Scenario): ScenarioWarning[] {
  const out: ScenarioWarning[] = [];
  const sensors = sensorObjects(s);
  // Threats no sensor sees.
  if (s.threats.length > 0) {
    const earth = earthModelOf(s);
    const flights = flyRaid(threatDefinitions(s), earth, { sampleIntervalS: LOOK_STEP_S });
    const results = flights.map((f) => f.result);
    const endS = Math.min(s.duration, Math.max(0, ...results.map((f) => f.endTimeS)));
    const seen = new Set<string>();
    if (sensors.length > 0)
      for (const d of senseRaid(results, sensors, { startS: 0, endS, stepS: LOOK_STEP_S, seed: 1 }))
        if (d.truthId !== null) seen.add(d.truthId);
    s.threats.forEach((t, i) => {
      if (!seen.has(t.id))
        out.push({
          path: ["threats", i],
          message:
            sensors.length === 0
              ? `threat ${t.id}: no sensor can see it (the scenario has no sensors)`
              : `threat ${t.id}: no sensor saw it in a look every ${LOOK_STEP_S} s over its whole flight (radar horizons, ranges and fields of regard; infrared fields of view)`,
        });
    });
  }
  // Weapons no sensor can cue.
  const hasLayer = sensors.some((x) => x instanceof IrConstellation);
  const radars = sensors.filter((x): x is Radar => x instanceof Radar);
  s.weapons.forEach((w, j) => {
    if (hasLayer) return;
    let def;
    try {
      def = weaponDefinition(w);
    } catch {
      return; // refused elsewhere
    }
    const e = def.envelope;
    const alt = Math.min(
      100_000,
      0.5 * (e.minInterceptAltitudeM + Math.min(e.maxInterceptAltitudeM, 100_000)),
    );
    const reach = Math.min(e.maxRangeM, 400_000);
    const rings = radars.map((r) => radarCoverageBoundary(r, { targetAltM: alt, rcsM2: CUE_RCS_M2 }));
    const site = placesOf(w)[0];
    if (site === undefined) return;
    let cued = false;
    for (const f of [1 / 3, 2 / 3, 1]) {
      for (let k = 0; k < 8 && !cued; k++) {
        const p = destination(site.lat, site.lon, (k * Math.PI) / 4, f * reach);
        if (rings.some((ring) => inRing(p, ring))) cued = true;
      }
      if (cued) break;
    }
    if (!cued)
      out.push({
        path: ["weapons", j],
        message:
          radars.length === 0
            ? `weapon ${w.id}: no sensor can cue it (no radar, no infrared layer)`
            : `weapon ${w.id}: no sensor can cue it: no radar covers its engagement volume (${(reach / 1000).toFixed(0)} km around it at ${(alt / 1000).toFixed(0)} km altitude, a ${CUE_RCS_M2} m^2 target) and there is no infrared layer`,
      });
  });
  // Assets out of every weapon's reach.
  if (s.weapons.length > 0) {
    const reaches = s.weapons.map((w) => {
      try {
        return { places: placesOf(w), rangeM: weaponDefinition(w).envelope.maxRangeM };
      } catch {
        return { places: placesOf(w), rangeM: Infinity };
      }
    });
    s.assets.forEach((a, i) => {
      const covered = reaches.some((r) =>
        r.places.some((p) => haversineM(a.at.lat, a.at.lon, p.lat, p.lon) <= r.rangeM),
      );
      if (!covered) {
        const nearest = Math.min(
          ...reaches.flatMap((r) =>
            r.places.map((p) => haversineM(a.at.lat, a.at.lon, p.lat, p.lon) - r.rangeM),
          ),
        );
        out.push({
          path: ["assets", i],
          message: `asset ${a.id}: out of every weapon's reach (${(nearest / 1000).toFixed(0)} km beyond the nearest weapon's largest intercept range)`,
        });
      }
    });
    // A magazine smaller than the raid.
    let rounds = 0;
    try {
      for (const b of weaponBatteries(s)) rounds += b.roundsLeft;
    } catch {
      rounds = Infinity;
    }
    if (rounds < s.threats.length)
      out.push({
        path: ["weapons"],
        message: `the weapons hold ${rounds} round${rounds === 1 ? "" : "s"} in all for a raid of ${s.threats.length} threats: at least ${s.threats.length - rounds} can never be shot at`,
      });
  }
  return out;
}

/** Places each warning at its entry's line and column in the scenario's text, in file order. */
export function locateWarnings(
  text: string,
  fileName: string,
  warnings: readonly ScenarioWarning[],
): LocatedWarning[] {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, logLevel: "silent" });
  return warnings
    .map((w) => {
      const at = locate({ text, doc, lines }, w.path);
      return { ...w, file: fileName, line: at.line, column: at.column };
    })
    .sort((a, b) => a.line - b.line || a.column - b.column);
}

/** "FILE:LINE:COL: path: message", control characters escaped. */
export function formatWarning(w: LocatedWarning): string {
  return escapeControls(`${w.file}:${w.line}:${w.column}: ${formatPath(w.path)}: ${w.message}`);
}
