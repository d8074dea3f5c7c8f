/**
 * Synthetic sensing for the tracker tests: straight-line (ECEF constant velocity) targets, ground radars
 * and fixed nadir-pointing space infrared sensors, producing Detection objects exactly as
 * src/sensors/detection.ts lays them out, with seeded noise.
 */
import type { Detection } from "../../src/sensors/detection.js";
import { geodeticToEcefInto } from "../../src/earth/geodetic.js";
import { enuRotationInto } from "../../src/earth/enu.js";
import { RadarMeasurementModel } from "../../src/tracking/models/measurement/radar.js";
import { LineOfSightMeasurementModel } from "../../src/tracking/models/measurement/lineOfSight.js";
import {
  lineOfSightDetection,
  radarDetection as makeRadarDetection,
} from "../../src/sensors/models/detections.js";
import { TestRng } from "./helpers.js";

export const DEG = Math.PI / 180;

export interface Target {
  id: string;
  /** ECEF position at t = 0 and constant ECEF velocity. */
  p0: number[];
  v: number[];
  /** Active interval, s. */
  from?: number;
  to?: number;
}

export function targetState(t: Target, timeS: number): Float64Array {
  return Float64Array.from([
    t.p0[0] + t.v[0] * timeS,
    t.p0[1] + t.v[1] * timeS,
    t.p0[2] + t.v[2] * timeS,
    t.v[0],
    t.v[1],
    t.v[2],
  ]);
}

/** ECEF point at geodetic (latDeg, lonDeg, altM). */
export function ecef(latDeg: number, lonDeg: number, altM: number): number[] {
  return Array.from(geodeticToEcefInto(latDeg * DEG, lonDeg * DEG, altM, new Float64Array(3)));
}

export interface RadarSite {
  id: string;
  latDeg: number;
  lonDeg: number;
  sigmaRangeM: number;
  sigmaAngleRad: number;
  /** Range-rate noise, m/s; omit for a 3-D radar. */
  sigmaRangeRateMps?: number;
  latencyS?: number;
}

export function radarDetection(site: RadarSite, target: Target, timeS: number, rng: TestRng): Detection {
  const pos = Float64Array.from(ecef(site.latDeg, site.lonDeg, 0));
  const rot = enuRotationInto(site.latDeg * DEG, site.lonDeg * DEG, new Float64Array(9));
  const m = site.sigmaRangeRateMps === undefined ? 3 : 4;
  const R = new Float64Array(m * m);
  R[0] = site.sigmaRangeM ** 2;
  R[m + 1] = site.sigmaAngleRad ** 2;
  R[2 * m + 2] = site.sigmaAngleRad ** 2;
  if (m === 4) R[15] = (site.sigmaRangeRateMps ?? 0) ** 2;
  const model = new RadarMeasurementModel().configureFrom(pos, [0, 0, 0], rot, R, m as 3 | 4);
  const z = model.h(targetState(target, timeS));
  for (let i = 0; i < m; i++) z[i] += Math.sqrt(R[i * m + i]) * rng.normal();
  return makeRadarDetection({
    timeS,
    arrivalTimeS: timeS + (site.latencyS ?? 0),
    sensorId: site.id,
    z,
    R,
    sensorPosEcefM: pos,
    rotEcefToLocal: rot,
    snr: 100,
    truthId: target.id,
  });
}

export interface Satellite {
  id: string;
  /** Sub-satellite point and altitude. */
  latDeg: number;
  lonDeg: number;
  altM: number;
  sigmaAngleRad: number;
  latencyS?: number;
}

/** Nadir-pointing frame: x to nadir, y east, z = x cross y. */
export function satelliteFrame(sat: Satellite): { pos: Float64Array; rot: Float64Array } {
  const pos = Float64Array.from(ecef(sat.latDeg, sat.lonDeg, sat.altM));
  const r = Math.hypot(pos[0], pos[1], pos[2]);
  const x = [-pos[0] / r, -pos[1] / r, -pos[2] / r];
  const lon = sat.lonDeg * DEG;
  const y = [-Math.sin(lon), Math.cos(lon), 0];
  // Make y exactly orthogonal to x, then z = x cross y.
  const c = x[0] * y[0] + x[1] * y[1] + x[2] * y[2];
  for (let i = 0; i < 3; i++) y[i] -= c * x[i];
  const ny = Math.hypot(y[0], y[1], y[2]);
  for (let i = 0; i < 3; i++) y[i] /= ny;
  const z = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
  return { pos, rot: Float64Array.from([...x, ...y, ...z]) };
}

export function losDetection(sat: Satellite, target: Target, timeS: number, rng: TestRng): Detection {
  const { pos, rot } = satelliteFrame(sat);
  const R = Float64Array.from([sat.sigmaAngleRad ** 2, 0, 0, sat.sigmaAngleRad ** 2]);
  const model = new LineOfSightMeasurementModel().configureFrom(pos, rot, R);
  const z = model.h(targetState(target, timeS));
  z[0] += sat.sigmaAngleRad * rng.normal();
  z[1] += sat.sigmaAngleRad * rng.normal();
  return lineOfSightDetection({
    timeS,
    arrivalTimeS: timeS + (sat.latencyS ?? 0),
    sensorId: sat.id,
    z,
    R,
    sensorPosEcefM: pos,
    rotEcefToLocal: rot,
    snr: 30,
    truthId: target.id,
  });
}

/** Groups detections by the simulation step (of length dtS) in which they arrive. */
export function byArrivalStep(detections: Detection[], dtS: number, steps: number): Detection[][] {
  const out: Detection[][] = Array.from({ length: steps }, () => []);
  for (const d of detections) {
    const k = Math.ceil(d.arrivalTimeS / dtS - 1e-9);
    if (k < steps) out[Math.max(0, k)].push(d);
  }
  return out;
}
