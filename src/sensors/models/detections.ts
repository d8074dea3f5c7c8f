/**
 * Detections of the built-in geometries made from their parts, with their measurement models attached
 * (the models refer to the given arrays, without copying them). For sensors written outside the sensor
 * classes (tests, benches, replayed data); the radar and the infrared constellation build theirs the
 * same way.
 */
import { argError, finiteArg, finiteArrayArg } from "../../math/check.js";
import type { Detection } from "../detection.js";
import { LineOfSightMeasurementModel } from "./lineOfSight.js";
import { RadarMeasurementModel } from "./radar.js";

/** What every detection needs besides its measurement. */
export interface DetectionParts {
  readonly timeS: number;
  /** Default timeS (no latency). */
  readonly arrivalTimeS?: number;
  readonly sensorId: string;
  readonly z: Float64Array;
  /** Noise covariance, z.length x z.length. */
  readonly R: Float64Array;
  /** Sensor position, ECEF m. */
  readonly sensorPosEcefM: Float64Array;
  /** Sensor velocity, ECEF m/s (default at rest). */
  readonly sensorVelEcefMps?: Float64Array;
  /** ECEF -> local measurement frame (radar: ENU rows; line of sight: x to nadir). */
  readonly rotEcefToLocal: Float64Array;
  /** Default 0 (unknown). */
  readonly snr?: number;
  /** Default null (metrics only). */
  readonly truthId?: string | null;
}

/**
 * The parts' numbers: times, a measurement of `m` finite components, a noise covariance with variances
 * >= 0, the sensor's position (and velocity) and rotation, and the SNR; a RangeError names the bad
 * one (a detection with a NaN would reach a track's update, or start a track nowhere).
 */
function checkParts(fn: string, p: DetectionParts, m: number): void {
  finiteArg(fn, "parts.timeS", p.timeS);
  if (p.arrivalTimeS !== undefined && !(p.arrivalTimeS >= p.timeS && Number.isFinite(p.arrivalTimeS)))
    throw argError(fn, "parts.arrivalTimeS", `a finite time >= timeS (${p.timeS} s)`, p.arrivalTimeS);
  finiteArrayArg(fn, "parts.z", p.z, m);
  if (p.R?.length !== m * m) throw argError(fn, "parts.R", `${m} x ${m} numbers`, p.R);
  finiteArrayArg(fn, "parts.R", p.R, m * m);
  for (let i = 0; i < m; i++)
    if (!(p.R[i * m + i] >= 0))
      throw argError(fn, `parts.R[${i * m + i}]`, "a variance >= 0 (0: noise-free)", p.R[i * m + i]);
  finiteArrayArg(fn, "parts.sensorPosEcefM", p.sensorPosEcefM, 3);
  if (p.sensorVelEcefMps !== undefined) finiteArrayArg(fn, "parts.sensorVelEcefMps", p.sensorVelEcefMps, 3);
  finiteArrayArg(fn, "parts.rotEcefToLocal", p.rotEcefToLocal, 9);
  if (p.snr !== undefined && !(p.snr >= 0 && Number.isFinite(p.snr)))
    throw argError(fn, "parts.snr", "a finite number >= 0", p.snr);
}

/** A radar detection: z = [range, azimuth, elevation] or with the range rate (src/sensors/detection.ts). */
export function radarDetection(parts: DetectionParts): Detection {
  const m = parts.z.length;
  if (m !== 3 && m !== 4) throw new RangeError(`radarDetection: z must have 3 or 4 components, got ${m}`);
  checkParts("radarDetection", parts, m);
  const vel = parts.sensorVelEcefMps ?? new Float64Array(3);
  const model = RadarMeasurementModel.sharing(parts.sensorPosEcefM, vel, parts.rotEcefToLocal, parts.R, m);
  return {
    timeS: parts.timeS,
    arrivalTimeS: parts.arrivalTimeS ?? parts.timeS,
    sensorId: parts.sensorId,
    kind: "radar",
    z: parts.z,
    R: parts.R,
    model,
    initiation: model,
    sensorPosEcefM: parts.sensorPosEcefM,
    sensorVelEcefMps: vel,
    rotEcefToLocal: parts.rotEcefToLocal,
    snr: parts.snr ?? 0,
    truthId: parts.truthId ?? null,
  };
}

/** A line-of-sight detection: z = [alpha, beta] in the sensor frame (src/sensors/detection.ts). */
export function lineOfSightDetection(parts: DetectionParts): Detection {
  if (parts.z.length !== 2) throw new RangeError(`lineOfSightDetection: z must have 2 components`);
  checkParts("lineOfSightDetection", parts, 2);
  const model = LineOfSightMeasurementModel.sharing(parts.sensorPosEcefM, parts.rotEcefToLocal, parts.R);
  return {
    timeS: parts.timeS,
    arrivalTimeS: parts.arrivalTimeS ?? parts.timeS,
    sensorId: parts.sensorId,
    kind: "los",
    z: parts.z,
    R: parts.R,
    model,
    initiation: model,
    sensorPosEcefM: parts.sensorPosEcefM,
    sensorVelEcefMps: parts.sensorVelEcefMps ?? new Float64Array(3),
    rotEcefToLocal: parts.rotEcefToLocal,
    snr: parts.snr ?? 0,
    truthId: parts.truthId ?? null,
  };
}
