/**
 * Switching functions of common flight events, each with the handler that says what happens
 * (propagation/types.ts FlightEventDetector): located by the integrator on its dense output, so event
 * times are exact to the root-finding tolerance (1e-7 s), not to a step.
 */
import type { FlightEarthModel } from "../earthModel.js";
import type { Aimpoint } from "../guidance/aimpoint.js";
import { argError, positiveArg } from "../../math/check.js";
import type { FlightEventDetector, FlightEventHandler } from "./types.js";

/** A detector's level: a number, or +-Infinity for a level never crossed (a cut-off that is not set). */
function checkLevel(fn: string, name: string, level: number): void {
  if (typeof level !== "number" || Number.isNaN(level))
    throw argError(fn, name, "a number (+-Infinity: never crossed)", level);
}

/** A detector's direction (1: rising, -1: falling, 0: both), or a RangeError naming it. */
function checkDirection(fn: string, direction: number): void {
  if (direction !== 1 && direction !== -1 && direction !== 0)
    throw argError(fn, "direction", "1 (rising), -1 (falling) or 0 (both)", direction);
}

/** Height above the ellipsoid crossing a level (impact, the re-entry level). */
export class AltitudeCrossing implements FlightEventDetector {
  readonly direction: 1 | -1 | 0;
  readonly maxCheckS?: number;
  levelM: number;
  handle: FlightEventHandler;
  constructor(
    private readonly earth: FlightEarthModel,
    levelM: number,
    direction: 1 | -1 | 0,
    handle: FlightEventHandler,
    maxCheckS?: number,
  ) {
    checkLevel("AltitudeCrossing", "levelM", levelM);
    checkDirection("AltitudeCrossing", direction);
    if (maxCheckS !== undefined) positiveArg("AltitudeCrossing", "maxCheckS", maxCheckS);
    this.levelM = levelM;
    this.direction = direction;
    this.handle = handle;
    if (maxCheckS !== undefined) this.maxCheckS = maxCheckS;
  }
  g(_tS: number, y: Float64Array): number {
    return this.earth.altitudeM(y) - this.levelM;
  }
}

/** Geocentric radial velocity r.v / |r| crossing zero: falling = apogee, rising = end of a pull-up. */
export class RadialVelocityZero implements FlightEventDetector {
  readonly direction: 1 | -1 | 0;
  handle: FlightEventHandler;
  constructor(direction: 1 | -1 | 0, handle: FlightEventHandler) {
    checkDirection("RadialVelocityZero", direction);
    this.direction = direction;
    this.handle = handle;
  }
  g(_tS: number, y: Float64Array): number {
    const r = Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
    return (y[0] * y[3] + y[1] * y[4] + y[2] * y[5]) / r;
  }
}

/** Dynamic pressure 0.5 rho(h) V^2 crossing a level (the start of a glider's pull-up). */
export class DynamicPressureCrossing implements FlightEventDetector {
  readonly direction: 1 | -1 | 0;
  levelPa: number;
  handle: FlightEventHandler;
  private readonly atm = new Float64Array(4);
  constructor(
    private readonly earth: FlightEarthModel,
    levelPa: number,
    direction: 1 | -1 | 0,
    handle: FlightEventHandler,
  ) {
    checkLevel("DynamicPressureCrossing", "levelPa", levelPa);
    checkDirection("DynamicPressureCrossing", direction);
    this.levelPa = levelPa;
    this.direction = direction;
    this.handle = handle;
  }
  g(_tS: number, y: Float64Array): number {
    const e = this.earth;
    e.atmosphereInto(e.altitudeM(y), this.atm);
    return 0.5 * this.atm[2] * (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - this.levelPa;
  }
}

/** Great-circle range to an aimpoint crossing a level (the start of a terminal dive). */
export class RangeToGoCrossing implements FlightEventDetector {
  readonly direction: 1 | -1 | 0;
  levelM: number;
  handle: FlightEventHandler;
  constructor(
    private readonly aim: Aimpoint,
    levelM: number,
    direction: 1 | -1 | 0,
    handle: FlightEventHandler,
  ) {
    checkLevel("RangeToGoCrossing", "levelM", levelM);
    checkDirection("RangeToGoCrossing", direction);
    this.levelM = levelM;
    this.direction = direction;
    this.handle = handle;
  }
  g(_tS: number, y: Float64Array): number {
    const t = this.aim.unit;
    const r = Math.sqrt(y[0] * y[0] + y[1] * y[1] + y[2] * y[2]);
    const c = (t[0] * y[0] + t[1] * y[1] + t[2] * y[2]) / r;
    const cx = (t[1] * y[2] - t[2] * y[1]) / r;
    const cy = (t[2] * y[0] - t[0] * y[2]) / r;
    const cz = (t[0] * y[1] - t[1] * y[0]) / r;
    return this.aim.radiusM * Math.atan2(Math.sqrt(cx * cx + cy * cy + cz * cz), c) - this.levelM;
  }
}

/** ECEF speed crossing a level (the energy cut-off of a booster). */
export class SpeedCrossing implements FlightEventDetector {
  readonly direction: 1 | -1 | 0;
  levelMps: number;
  handle: FlightEventHandler;
  constructor(levelMps: number, direction: 1 | -1 | 0, handle: FlightEventHandler) {
    checkLevel("SpeedCrossing", "levelMps", levelMps);
    checkDirection("SpeedCrossing", direction);
    this.levelMps = levelMps;
    this.direction = direction;
    this.handle = handle;
  }
  g(_tS: number, y: Float64Array): number {
    return Math.sqrt(y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - this.levelMps;
  }
}

/** Mass crossing a level (fuel exhausted). */
export class MassCrossing implements FlightEventDetector {
  readonly direction: 1 | -1 | 0;
  levelKg: number;
  handle: FlightEventHandler;
  constructor(levelKg: number, direction: 1 | -1 | 0, handle: FlightEventHandler) {
    checkLevel("MassCrossing", "levelKg", levelKg);
    checkDirection("MassCrossing", direction);
    this.levelKg = levelKg;
    this.direction = direction;
    this.handle = handle;
  }
  g(_tS: number, y: Float64Array): number {
    return y[6] - this.levelKg;
  }
}
