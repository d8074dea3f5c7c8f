/**
 * Flight output: events, phase intervals, samples at a fixed interval (from the integrator's dense output,
 * not by restricting its steps) stored as Float64Array columns, and the per-threat summary.
 */
import type { FlightPhase, VehicleKind } from "./truth.js";

/** Flight phases in the order of the FlightPhase union (truth.ts); a sample stores the index. */
export const PHASES: readonly FlightPhase[] = [
  "boost",
  "midcourse",
  "reentry",
  "pull-up",
  "glide",
  "cruise",
  "dive",
  "impact",
];

export function phaseIndex(p: FlightPhase): number {
  return PHASES.indexOf(p);
}

export type FlightEventType =
  | "launch"
  | "burnout-start"
  | "ignition"
  | "staging"
  | "burnout"
  | "cutoff"
  | "apogee"
  | "reentry"
  | "pull-up-start"
  | "pull-up-end"
  | "retarget"
  | "fuel-out"
  | "dive"
  | "impact"
  | "timeout";

export interface FlightEvent {
  readonly type: FlightEventType;
  readonly timeS: number;
  /** [x, y, z (m), vx, vy, vz (m/s), mass (kg)], ECEF, at the event (after any mass drop it causes). */
  readonly state: Float64Array;
}

export interface PhaseInterval {
  readonly phase: FlightPhase;
  readonly startS: number;
  endS: number;
}

/** Samples as columns; `count` rows are valid (arrays may be longer). Positions/velocities interleaved xyz. */
export class FlightSamples {
  count = 0;
  timeS = new Float64Array(0);
  posEcefM = new Float64Array(0);
  velEcefMps = new Float64Array(0);
  massKg = new Float64Array(0);
  phase = new Uint8Array(0);
  altM = new Float64Array(0);
  mach = new Float64Array(0);
  thrustN = new Float64Array(0);
  surfaceTempK = new Float64Array(0);

  constructor(capacity = 256) {
    this.resize(capacity);
  }

  private resize(cap: number): void {
    const grow = <T extends Float64Array | Uint8Array>(a: T, n: number): T => {
      const b = (a instanceof Uint8Array ? new Uint8Array(n) : new Float64Array(n)) as T;
      b.set(a.subarray(0, Math.min(a.length, n)));
      return b;
    };
    this.timeS = grow(this.timeS, cap);
    this.posEcefM = grow(this.posEcefM, 3 * cap);
    this.velEcefMps = grow(this.velEcefMps, 3 * cap);
    this.massKg = grow(this.massKg, cap);
    this.phase = grow(this.phase, cap);
    this.altM = grow(this.altM, cap);
    this.mach = grow(this.mach, cap);
    this.thrustN = grow(this.thrustN, cap);
    this.surfaceTempK = grow(this.surfaceTempK, cap);
  }

  /** Appends a row with the state; returns its index (fill the diagnostic columns through it). */
  push(tS: number, y: Float64Array, phase: number): number {
    const i = this.count;
    if (i === this.timeS.length) this.resize(2 * i);
    this.timeS[i] = tS;
    const p = this.posEcefM;
    const v = this.velEcefMps;
    p[3 * i] = y[0];
    p[3 * i + 1] = y[1];
    p[3 * i + 2] = y[2];
    v[3 * i] = y[3];
    v[3 * i + 1] = y[4];
    v[3 * i + 2] = y[5];
    this.massKg[i] = y[6];
    this.phase[i] = phase;
    this.count = i + 1;
    return i;
  }

  /** Trims the columns to `count` rows (after the flight, so results hold no slack). */
  trim(): void {
    this.resize(this.count);
  }
}

export interface GeodeticPointRad {
  latRad: number;
  lonRad: number;
  altM: number;
}

export interface FlightSummary {
  /** Geodesic ground range, launch (or burnout start) to impact, m. */
  groundRangeM: number;
  apogeeAltM: number;
  timeOfFlightS: number;
  maxSpeedMps: number;
  maxMach: number;
  /** Altitude band of the glide phase (null for vehicles without one), m. */
  glideAltitudeBandM: { minM: number; maxM: number } | null;
  /** Geodesic distance from the impact point to the (final) aimpoint, m; NaN without a target. */
  missDistanceM: number;
  impact: GeodeticPointRad | null;
  /** Whether the flight ended at the surface (false: stopped at the time limit). */
  impacted: boolean;
}

/** Targeting of a ballistic missile: the solved steering and how the solve went. */
export interface TargetingReport {
  readonly trajectory: string;
  readonly azimuthRad: number;
  readonly finalPitchRad: number;
  /** Thrust termination time after launch (s); Infinity for a full burn. */
  readonly cutoffS: number;
  /** Glide vehicles: ECEF speed at which the booster is cut off, m/s (Infinity: full burn). */
  readonly cutoffSpeedMps: number;
  readonly iterations: number;
  readonly flights: number;
  readonly missM: number;
  readonly fromCache: boolean;
}

export interface FlightResult {
  readonly id: string;
  readonly kind: VehicleKind;
  readonly vehicleName: string;
  readonly startTimeS: number;
  readonly endTimeS: number;
  readonly events: FlightEvent[];
  readonly phases: PhaseInterval[];
  readonly samples: FlightSamples;
  readonly summary: FlightSummary;
  readonly targeting: TargetingReport | null;
  /** Right-hand-side evaluations and accepted steps of the integration (cost figures). */
  readonly rhsEvaluations: number;
  readonly steps: number;
}
