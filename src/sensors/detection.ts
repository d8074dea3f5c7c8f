/**
 * Detections as data: what a sensor reports, and all a tracker may use. Each detection carries its own
 * measurement model (h, H, R, its angle components) and what a tracker needs to start a track from it
 * (`initiation`: a point it fixes by itself, or a bearing for triangulation; ./measurement.ts), so a
 * tracker handles every sensor kind the same way and a new kind of sensor needs no tracker change. The
 * truth id is carried for metrics only; nothing that makes a decision (tracking, engagement) may read
 * it.
 *
 * Every detection also carries the sensor's own state and the rotation from ECEF to the sensor's local
 * measurement frame (for displays, and for models built from the detection alone).
 *
 * The built-in sensors' layouts:
 *
 * Radar (kind "radar"): z = [rangeM, azimuthRad, elevationRad, rangeRateMps] in the radar's local ENU
 *  frame. Azimuth is measured from north towards east in (-pi, pi]; elevation from the local horizontal
 *  plane; range rate is d|r|/dt of the target relative to the radar, both velocities ECEF (positive
 *  opening). `rotEcefToLocal` is the ECEF->ENU rotation at the radar's geodetic position (rows: E, N,
 *  U). Model: ./models/radar.ts (a point initiation).
 *
 * Line of sight (space infrared, kind "los"): z = [alphaRad, betaRad], two angles of the unit line of
 *  sight u expressed in the sensor frame S = rotEcefToLocal * u_ecef: alpha = atan2(S_y, S_x) in
 *  (-pi, pi], beta = asin(S_z). The sensor frame's x axis points to nadir (towards the Earth's centre),
 *  so the singularity of the angles (S_z = +-1) lies 90 degrees off nadir, beyond the Earth's limb from
 *  LEO. Model: ./models/lineOfSight.ts (a bearing initiation).
 */
import type { DetectionInitiation, DetectionMeasurementModel } from "./measurement.js";

/** A label of the detection's kind ("radar", "los", or a new sensor's own): descriptive only, for
 *  outputs and displays; no decision branches on it. */
export type DetectionKind = string;

export interface Detection {
  /** Simulation time of the measurement, s from the scenario epoch. */
  readonly timeS: number;
  /** Time at which the measurement reaches the tracker (timeS + latency), s. */
  readonly arrivalTimeS: number;
  readonly sensorId: string;
  readonly kind: DetectionKind;
  /** Measurement vector (layouts above, or the sensor's own). */
  readonly z: Float64Array;
  /** Measurement noise covariance, row-major, z.length x z.length (the model's R). */
  readonly R: Float64Array;
  /** The measurement model of z: z = h(x) + v, v ~ N(0, R), x an ECEF state. */
  readonly model: DetectionMeasurementModel;
  /** How a track can start from this detection (often the same object as `model`). */
  readonly initiation: DetectionInitiation;
  /** Sensor position and velocity, ECEF (m, m/s). */
  readonly sensorPosEcefM: Float64Array;
  readonly sensorVelEcefMps: Float64Array;
  /** Row-major 3x3 rotation taking ECEF vectors into the sensor's local measurement frame. */
  readonly rotEcefToLocal: Float64Array;
  /** Linear signal-to-noise ratio of the detection (radar) or irradiance over noise (infrared). */
  readonly snr: number;
  /** Truth id of the object that caused it, or null for a false alarm. Metrics only. */
  readonly truthId: string | null;
}
