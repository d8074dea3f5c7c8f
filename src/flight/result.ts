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
  | "bank-reversal"
  | "limit-exceeded"
  | "fuel-out"
  | "dive"
  | "impact"
  | "timeout"
  | "terminated";

export interface FlightEvent {
  readonly type: FlightEventType;
  readonly timeS: number;
  /** [x, y, z (m), vx, vy, vz (m/s), mass (kg)], ECEF, at the event (after any mass drop it causes). */
  readonly state: Float64Array;
  /** Why, in words, for the events that end a flight early (timeout, terminated). */
  readonly detail?: string;
}

export interface PhaseInterval {
  readonly phase: FlightPhase;
  readonly startS: number;
  endS: number;
}

/** Samples as columns; `count` rows are valid (arrays may be longer). Positions/velocities interleaved xyz. */
export class FlightSamples {
  count = 0;
  timeS: Float64Array;
  posEcefM: Float64Array;
  velEcefMps: Float64Array;
  massKg: Float64Array;
  phase: Uint8Array;
  altM: Float64Array;
  mach: Float64Array;
  thrustN: Float64Array;
  surfaceTempK: Float64Array;

  /**
   * All nine columns are views onto one ArrayBuffer (12 doubles and one byte a row): every typed array
   * created with its own buffer costs V8 a separately allocated and tracked backing store, which made
   * the columns of a thousand-sample flight cost a tenth of the flight.
   */
  constructor(capacity = 256) {
    const cap = Math.max(0, Math.floor(capacity));
    const buf = new ArrayBuffer(cap * (12 * 8 + 1));
    const c = 8 * cap;
    this.timeS = new Float64Array(buf, 0, cap);
    this.posEcefM = new Float64Array(buf, c, 3 * cap);
    this.velEcefMps = new Float64Array(buf, 4 * c, 3 * cap);
    this.massKg = new Float64Array(buf, 7 * c, cap);
    this.altM = new Float64Array(buf, 8 * c, cap);
    this.mach = new Float64Array(buf, 9 * c, cap);
    this.thrustN = new Float64Array(buf, 10 * c, cap);
    this.surfaceTempK = new Float64Array(buf, 11 * c, cap);
    this.phase = new Uint8Array(buf, 12 * c, cap);
  }

  /** Grows the columns to `cap` rows, keeping the `count` rows written. */
  private resize(cap: number): void {
    const n = this.count;
    const { timeS, posEcefM, velEcefMps, massKg, altM, mach, thrustN, surfaceTempK, phase } = this;
    const grown = new FlightSamples(cap);
    grown.timeS.set(timeS.subarray(0, n));
    grown.posEcefM.set(posEcefM.subarray(0, 3 * n));
    grown.velEcefMps.set(velEcefMps.subarray(0, 3 * n));
    grown.massKg.set(massKg.subarray(0, n));
    grown.altM.set(altM.subarray(0, n));
    grown.mach.set(mach.subarray(0, n));
    grown.thrustN.set(thrustN.subarray(0, n));
    grown.surfaceTempK.set(surfaceTempK.subarray(0, n));
    grown.phase.set(phase.subarray(0, n));
    this.timeS = grown.timeS;
    this.posEcefM = grown.posEcefM;
    this.velEcefMps = grown.velEcefMps;
    this.massKg = grown.massKg;
    this.altM = grown.altM;
    this.mach = grown.mach;
    this.thrustN = grown.thrustN;
    this.surfaceTempK = grown.surfaceTempK;
    this.phase = grown.phase;
  }

  /** Appends a row with the state; returns its index (fill the diagnostic columns through it). */
  push(tS: number, y: Float64Array, phase: number): number {
    const i = this.count;
    if (i === this.timeS.length) this.resize(Math.max(16, 2 * i));
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

  /** An independent copy of the first `rows` rows (a snapshot of a flight still in progress). */
  copy(rows = this.count): FlightSamples {
    const n = Math.max(0, Math.min(rows, this.count));
    const c = new FlightSamples(Math.max(1, n));
    c.timeS.set(this.timeS.subarray(0, n));
    c.posEcefM.set(this.posEcefM.subarray(0, 3 * n));
    c.velEcefMps.set(this.velEcefMps.subarray(0, 3 * n));
    c.massKg.set(this.massKg.subarray(0, n));
    c.phase.set(this.phase.subarray(0, n));
    c.altM.set(this.altM.subarray(0, n));
    c.mach.set(this.mach.subarray(0, n));
    c.thrustN.set(this.thrustN.subarray(0, n));
    c.surfaceTempK.set(this.surfaceTempK.subarray(0, n));
    c.count = n;
    c.trim();
    return c;
  }

  /**
   * Trims the columns to `count` rows, after the flight: views onto the same buffers, not copies (a copy
   * of the nine columns cost about a tenth of a flight), so a result may keep unused capacity alive.
   */
  trim(): void {
    const n = this.count;
    this.timeS = this.timeS.subarray(0, n);
    this.posEcefM = this.posEcefM.subarray(0, 3 * n);
    this.velEcefMps = this.velEcefMps.subarray(0, 3 * n);
    this.massKg = this.massKg.subarray(0, n);
    this.phase = this.phase.subarray(0, n);
    this.altM = this.altM.subarray(0, n);
    this.mach = this.mach.subarray(0, n);
    this.thrustN = this.thrustN.subarray(0, n);
    this.surfaceTempK = this.surfaceTempK.subarray(0, n);
  }

  /**
   * Moves the rows into a buffer of exactly `count` rows and lets the larger one go: growth by doubling
   * leaves a quarter of a flight's buffer unused on average, which a run keeping thousands of ended
   * flights (a 2,000-threat raid: 150 MB of samples) should not hold. Same values; views taken before
   * stay on the old buffer.
   */
  compact(): void {
    if (this.timeS.buffer.byteLength <= Math.max(1, this.count) * (12 * 8 + 1)) return;
    const c = this.copy();
    this.timeS = c.timeS;
    this.posEcefM = c.posEcefM;
    this.velEcefMps = c.velEcefMps;
    this.massKg = c.massKg;
    this.altM = c.altM;
    this.mach = c.mach;
    this.thrustN = c.thrustN;
    this.surfaceTempK = c.surfaceTempK;
    this.phase = c.phase;
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
