/**
 * Coverage summaries for reports and the globe:
 * - per (threat, sensor): first and last detection time and how long the threat was held;
 * - radar coverage boundary at a target altitude (a closed lat/lon ring);
 * - an infrared satellite's ground footprint at a target altitude;
 * - satellite positions over time.
 * Geometry here is drawn on a sphere of the mean Earth radius (6,371 km), like the radar horizon
 * test; against the ellipsoid that is within about 0.5% in range, fine for display.
 */
import { argError, finiteArg, positiveArg } from "../math/check.js";
import type { Detection } from "./detection.js";
import { radarHorizonRangeM } from "../earth/visibility.js";
import { MEAN_EARTH_RADIUS_M } from "../earth/wgs84.js";
import type { Radar } from "./radar/radar.js";
import { detectionRangeM } from "./radar/radarEquation.js";
import { requiredSnr, type SwerlingCase } from "./radar/swerling.js";
import type { SatelliteEphemeris } from "./infrared/ephemeris.js";
import type { IrConstellation } from "./infrared/irSensor.js";

export interface DetectionSpan {
  readonly truthId: string;
  readonly sensorId: string;
  readonly firstS: number;
  readonly lastS: number;
  /** Sum over held intervals of (last - first) in each: a run of detections with gaps <= maxGapS. */
  readonly heldS: number;
  readonly count: number;
  /** Number of held intervals (a gap longer than maxGapS starts a new one). */
  readonly intervals: number;
}

export interface SpanOptions {
  /** Largest gap between detections that still counts as held, s (default 10). */
  readonly maxGapS?: number;
  /**
   * Maps a detection's sensor id to the key spans are grouped by; the default keeps it. Use
   * `constellationOf` to report an infrared constellation as one sensor.
   */
  readonly sensorKey?: (sensorId: string) => string;
}

/** `leo/sat-1-3` -> `leo`: the constellation part of an infrared sensor id. */
export function constellationOf(sensorId: string): string {
  const i = sensorId.indexOf("/");
  return i < 0 ? sensorId : sensorId.slice(0, i);
}

/**
 * First and last detection time and held time per (threat, sensor) from a list of detections
 * (any order). False alarms (truthId null) are skipped. Sorted by truth id, then sensor key.
 */
export function detectionSpans(detections: readonly Detection[], options: SpanOptions = {}): DetectionSpan[] {
  const maxGap = options.maxGapS ?? 10;
  const key = options.sensorKey ?? ((s: string) => s);
  const groups = new Map<string, { truthId: string; sensorId: string; times: number[] }>();
  for (const d of detections) {
    if (d.truthId === null) continue;
    const sensorId = key(d.sensorId);
    const k = `${d.truthId}\u0000${sensorId}`;
    let g = groups.get(k);
    if (!g) {
      g = { truthId: d.truthId, sensorId, times: [] };
      groups.set(k, g);
    }
    g.times.push(d.timeS);
  }
  const out: DetectionSpan[] = [];
  for (const g of groups.values()) {
    const t = g.times.sort((a, b) => a - b);
    let held = 0;
    let intervals = 1;
    let start = t[0];
    for (let i = 1; i < t.length; i++) {
      if (t[i] - t[i - 1] > maxGap) {
        held += t[i - 1] - start;
        start = t[i];
        intervals++;
      }
    }
    held += t[t.length - 1] - start;
    out.push({
      truthId: g.truthId,
      sensorId: g.sensorId,
      firstS: t[0],
      lastS: t[t.length - 1],
      heldS: held,
      count: t.length,
      intervals,
    });
  }
  out.sort((a, b) =>
    a.truthId < b.truthId
      ? -1
      : a.truthId > b.truthId
        ? 1
        : a.sensorId < b.sensorId
          ? -1
          : a.sensorId > b.sensorId
            ? 1
            : 0,
  );
  return out;
}

export interface LatLon {
  readonly latDeg: number;
  readonly lonDeg: number;
}

const DEG = Math.PI / 180;

/** Spherical direct problem: the point at central angle `delta` along azimuth `az` from (lat, lon). */
function sphereDirect(latRad: number, lonRad: number, azRad: number, delta: number): LatLon {
  const sLat = Math.sin(latRad);
  const cLat = Math.cos(latRad);
  const lat2 = Math.asin(sLat * Math.cos(delta) + cLat * Math.sin(delta) * Math.cos(azRad));
  const lon2 =
    lonRad + Math.atan2(Math.sin(azRad) * Math.sin(delta) * cLat, Math.cos(delta) - sLat * Math.sin(lat2));
  return { latDeg: lat2 / DEG, lonDeg: ((lon2 / DEG + 540) % 360) - 180 };
}

/** Most points on a boundary ring, and most samples of a satellite track (work stays bounded). */
export const MAX_COVERAGE_STEPS = 100_000;
export const MAX_TRACK_SAMPLES = 1_000_000;

/** A whole number of ring points in [min, MAX_COVERAGE_STEPS] (or absent), or a RangeError naming it. */
function checkSteps(fn: string, name: string, v: number | undefined, min: number): void {
  if (v !== undefined && !(Number.isInteger(v) && v >= min && v <= MAX_COVERAGE_STEPS))
    throw argError(fn, name, `a whole number in [${min}, ${MAX_COVERAGE_STEPS}]`, v);
}

export interface RadarCoverageOptions {
  /** Target altitude above the surface, m. */
  readonly targetAltM: number;
  /** Cross-section for the sensitivity limit, m^2 (omit for the geometric limits only). */
  readonly rcsM2?: number;
  /** Single-look Pd defining the sensitivity limit (default 0.5). */
  readonly pd?: number;
  /** Swerling case for that Pd (default 1). */
  readonly swerling?: SwerlingCase;
  /** Time for a moving site, s (default 0). */
  readonly timeS?: number;
  /** Number of azimuth samples (default 180). */
  readonly azimuthSteps?: number;
}

/**
 * Outer boundary of the region where a target at `targetAltM` is visible to `radar` (instrumented
 * range, effective-Earth horizon, elevation floor, azimuth sector, and optionally the range at which
 * `rcsM2` is detected with probability `pd`), as a closed ring of lat/lon points (first point
 * repeated). Outside a sector the ring runs through the radar's own position. The cone of silence
 * above the maximum elevation is not cut out.
 */
export function radarCoverageBoundary(radar: Radar, options: RadarCoverageOptions): LatLon[] {
  const fn = "radarCoverageBoundary";
  finiteArg(fn, "options.targetAltM", options.targetAltM);
  if (options.rcsM2 !== undefined) positiveArg(fn, "options.rcsM2", options.rcsM2);
  if (options.pd !== undefined && !(options.pd > 0 && options.pd < 1))
    throw argError(fn, "options.pd", "a probability in (0, 1)", options.pd);
  if (options.timeS !== undefined) finiteArg(fn, "options.timeS", options.timeS);
  checkSteps(fn, "options.azimuthSteps", options.azimuthSteps, 2);
  const st = radar.site.stateInto(options.timeS ?? 0, radar.state);
  const m = radar.model;
  const f = radar.fieldOfRegard;
  const R = MEAN_EARTH_RADIUS_M;
  const hr = Math.max(st.altM, 0);
  const ht = Math.max(options.targetAltM, 0);
  const A = R + hr;
  const B = R + ht;
  // slant-range limits: instrumented range, effective-Earth horizon (src/earth/visibility.ts), sensitivity
  let maxSlant = Math.min(m.instrumentedRangeM, radarHorizonRangeM(hr, ht, m.kFactor));
  if (options.rcsM2 !== undefined) {
    const snr = requiredSnr({ pd: options.pd ?? 0.5, pfa: m.pfa, swerling: options.swerling ?? 1 });
    maxSlant = Math.min(maxSlant, detectionRangeM(m.reference, options.rcsM2, 10 * Math.log10(snr)));
  }
  // central angle at which the slant range (law of cosines) or the elevation floor binds
  const cosRange = (A * A + B * B - maxSlant * maxSlant) / (2 * A * B);
  const byRange = cosRange >= 1 ? 0 : cosRange <= -1 ? Math.PI : Math.acos(cosRange);
  const elev = (theta: number) => Math.atan2(B * Math.cos(theta) - A, B * Math.sin(theta));
  let byElevation = 0;
  if (elev(1e-9) >= f.elevationMinRad) {
    let lo = 1e-9;
    let hi = Math.PI;
    for (let i = 0; i < 60; i++) {
      const mid = 0.5 * (lo + hi);
      if (elev(mid) >= f.elevationMinRad) lo = mid;
      else hi = mid;
    }
    byElevation = lo;
  }
  const theta = Math.min(byRange, byElevation);
  const steps = options.azimuthSteps ?? 180;
  const ring: LatLon[] = [];
  const allRound = f.azimuthHalfWidthRad >= Math.PI;
  const site: LatLon = { latDeg: st.latRad / DEG, lonDeg: st.lonRad / DEG };
  for (let i = 0; i < steps; i++) {
    let az: number;
    if (allRound) az = (2 * Math.PI * i) / steps;
    else az = f.azimuthCenterRad - f.azimuthHalfWidthRad + (2 * f.azimuthHalfWidthRad * i) / (steps - 1);
    ring.push(sphereDirect(st.latRad, st.lonRad, az, theta));
  }
  if (!allRound) ring.push(site);
  ring.push(ring[0]);
  return ring;
}

export interface FootprintOptions {
  /** Target altitude, m. */
  readonly targetAltM: number;
  /** Target intensity, W/sr: limits the footprint to the range where SNR against the Earth reaches the threshold. */
  readonly intensityWPerSr?: number;
  readonly timeS: number;
  readonly steps?: number;
}

/**
 * Ground footprint of one infrared satellite for targets at `targetAltM`: limited by the off-nadir
 * field of regard, by the Earth's limb (targets beyond the limb at that altitude stay visible until
 * the line of sight grazes the surface), and optionally by sensitivity (slant range at which the
 * irradiance reaches the threshold against the Earth background). Closed lat/lon ring.
 */
export function irFootprintBoundary(
  constellation: IrConstellation,
  index: number,
  options: FootprintOptions,
): LatLon[] {
  const fn = "irFootprintBoundary";
  const n = constellation.ephemeris.count;
  if (!(Number.isInteger(index) && index >= 0 && index < n))
    throw argError(fn, "index", `a satellite index, a whole number in [0, ${n})`, index);
  finiteArg(fn, "options.targetAltM", options.targetAltM);
  if (options.intensityWPerSr !== undefined)
    positiveArg(fn, "options.intensityWPerSr", options.intensityWPerSr);
  finiteArg(fn, "options.timeS", options.timeS);
  checkSteps(fn, "options.steps", options.steps, 3);
  constellation.updatePositions(options.timeS);
  const k = 3 * index;
  const p = constellation.satPos;
  const rs = Math.hypot(p[k], p[k + 1], p[k + 2]);
  const R = MEAN_EARTH_RADIUS_M;
  const rt = R + Math.max(options.targetAltM, 0);
  const eta = constellation.sensor.offNadirMaxRad;
  const occl = Math.acos(R / rs) + Math.acos(R / rt);
  let gamma = rs * Math.sin(eta) <= rt ? Math.min(Math.asin((rs * Math.sin(eta)) / rt) - eta, occl) : occl;
  if (options.intensityWPerSr !== undefined) {
    const s = constellation.sensor;
    const maxSlant = Math.sqrt(
      options.intensityWPerSr / (s.neiSpaceWPerM2 * s.earthBackgroundFactor * s.thresholdSnr),
    );
    const c = (rs * rs + rt * rt - maxSlant * maxSlant) / (2 * rs * rt);
    gamma = Math.min(gamma, c >= 1 ? 0 : c <= -1 ? Math.PI : Math.acos(c));
  }
  const lat = Math.asin(p[k + 2] / rs);
  const lon = Math.atan2(p[k + 1], p[k]);
  const steps = options.steps ?? 72;
  const ring: LatLon[] = [];
  for (let i = 0; i < steps; i++) ring.push(sphereDirect(lat, lon, (2 * Math.PI * i) / steps, gamma));
  ring.push(ring[0]);
  return ring;
}

export interface SatelliteTracks {
  readonly ids: readonly string[];
  readonly timesS: Float64Array;
  /** One array per satellite: x, y, z (ECEF, m) per time. */
  readonly positionsEcefM: readonly Float64Array[];
}

/** Satellite ECEF positions from `startS` to `endS` (inclusive) every `stepS`, for the CZML writer. */
export function satelliteTracks(
  ephemeris: SatelliteEphemeris,
  startS: number,
  endS: number,
  stepS: number,
): SatelliteTracks {
  finiteArg("satelliteTracks", "startS", startS);
  if (!(endS >= startS && Number.isFinite(endS)))
    throw argError("satelliteTracks", "endS", `a finite time >= startS (${startS} s)`, endS);
  positiveArg("satelliteTracks", "stepS", stepS);
  const n = Math.floor((endS - startS) / stepS + 1e-9) + 1;
  if (!(n <= MAX_TRACK_SAMPLES))
    throw argError("satelliteTracks", "stepS", `a step giving at most ${MAX_TRACK_SAMPLES} samples`, stepS);
  const timesS = new Float64Array(n);
  for (let i = 0; i < n; i++) timesS[i] = startS + i * stepS;
  const pos = new Float64Array(3);
  const vel = new Float64Array(3);
  const positionsEcefM: Float64Array[] = [];
  for (let s = 0; s < ephemeris.count; s++) {
    const a = new Float64Array(3 * n);
    for (let i = 0; i < n; i++) {
      ephemeris.positionVelocityEcefInto(s, timesS[i], pos, vel);
      a[3 * i] = pos[0];
      a[3 * i + 1] = pos[1];
      a[3 * i + 2] = pos[2];
    }
    positionsEcefM.push(a);
  }
  return { ids: ephemeris.ids, timesS, positionsEcefM };
}
