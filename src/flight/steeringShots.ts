/**
 * What the steering solvers (ballisticSteering.ts, gliderBoost.ts) share: a Shooter that flies one
 * steering of a threat, without samples or manoeuvre, and measures its miss along and across the
 * launch-target great circle; the Illinois root finder on the downrange miss (regula falsi with the
 * stale end's value halved: always bracketed, superlinear); the miss tolerance and the flight budget.
 */
import type { ThreatDefinition, VehicleDefinition } from "./definitions.js";
import type { FlightEarthModel } from "./earthModel.js";
import { FlightRefusalError } from "./errors.js";
import { buildPlan, centralAngleRad, ecefOf, type BoostSteering } from "./planBuilder.js";
import type { TargetingReport } from "./result.js";
import type { FlightRunner } from "./runner.js";
import { surfaceDistanceM } from "./summary.js";

export interface SolvedSteering {
  readonly steering: BoostSteering;
  readonly report: TargetingReport;
}

/** Miss tolerance of the ballistic solver and of the glider planner, m (the requirement is 1 km). */
export const TARGETING_TOLERANCE_M = 50;
/** Flights a solve may fly before it gives up (a converging solve needs 5-40). */
const MAX_FLIGHTS = 160;
/** A target nearer the launch point than this is refused as being at it, m. */
const MIN_TARGET_RANGE_M = 1000;

/** One flight of a solve: the miss and what the planners read from it. */
export interface Shot {
  /** Miss along the launch-target great circle at the target (positive: beyond it), m. */
  down: number;
  /** Miss across it (positive: to the left), m. */
  cross: number;
  /** Surface distance from the launch point to where the flight ended, m. */
  reachM: number;
  impacted: boolean;
  /** Thrust termination (cut-off or burnout) after launch, s. */
  cutoffAfterLaunchS: number;
  /** Whether the boost burned to the end (no cut-off). */
  fullBurn: boolean;
  /** End of the pull-up (gliders): speed, range to go and the state; null without one. */
  pullUp: { speedMps: number; rangeToGoM: number; state: Float64Array } | null;
}

/** Flies steerings of one threat (without samples, without its manoeuvre) and measures their misses. */
export class Shooter {
  flights = 0;
  readonly L: Float64Array;
  readonly T: Float64Array;
  readonly groundRangeM: number;
  private readonly n: number[];
  private readonly nn: number;
  private readonly d: number[];
  private readonly dn: number;

  constructor(
    private readonly runner: FlightRunner,
    private readonly def: ThreatDefinition,
    private readonly vehicle: VehicleDefinition,
    private readonly earth: FlightEarthModel,
  ) {
    const L = ecefOf(earth, def.launch as NonNullable<ThreatDefinition["launch"]>);
    const T = ecefOf(earth, def.target as NonNullable<ThreatDefinition["target"]>);
    this.L = L;
    this.T = T;
    this.groundRangeM = Math.hypot(T[0], T[1], T[2]) * centralAngleRad(L, T);
    // n = r_L x r_T (left of the track), d = n x r_T (along track at the target).
    this.n = [L[1] * T[2] - L[2] * T[1], L[2] * T[0] - L[0] * T[2], L[0] * T[1] - L[1] * T[0]];
    this.nn = Math.hypot(this.n[0], this.n[1], this.n[2]);
    const n = this.n;
    this.d = [n[1] * T[2] - n[2] * T[1], n[2] * T[0] - n[0] * T[2], n[0] * T[1] - n[1] * T[0]];
    this.dn = Math.hypot(this.d[0], this.d[1], this.d[2]);
  }

  /** Clairaut's constant of the launch-target great circle: cos(lat) sin(azimuth) along it. */
  get clairaut(): number {
    return this.n[2] / this.nn;
  }

  fly(steering: BoostSteering, stopAtGlide = false): Shot {
    if (this.flights >= MAX_FLIGHTS) {
      throw new RangeError(
        `${this.vehicle.name}: targeting did not converge within ${MAX_FLIGHTS} flights (threat ${this.def.id ?? "?"})`,
      );
    }
    this.flights++;
    const nominal: ThreatDefinition = { ...this.def, maneuver: { kind: "none" } };
    const plan = buildPlan(nominal, this.vehicle, this.earth, steering);
    const res = this.runner.run(plan, { sampleIntervalS: 0, stopAtGlide });
    const last = res.events[res.events.length - 1].state;
    const T = this.T;
    const dx = last[0] - T[0];
    const dy = last[1] - T[1];
    const dz = last[2] - T[2];
    let cut = Infinity;
    let fullBurn = false;
    let pullUp: Shot["pullUp"] = null;
    const rt = Math.hypot(T[0], T[1], T[2]);
    for (const e of res.events) {
      if (e.type === "cutoff" || e.type === "burnout") cut = e.timeS - plan.startTimeS;
      if (e.type === "burnout") fullBurn = true;
      if (e.type === "pull-up-end") {
        const r = Math.hypot(e.state[0], e.state[1], e.state[2]);
        pullUp = {
          speedMps: Math.hypot(e.state[3], e.state[4], e.state[5]),
          rangeToGoM:
            rt *
            centralAngleRad(
              [e.state[0] / r, e.state[1] / r, e.state[2] / r],
              [T[0] / rt, T[1] / rt, T[2] / rt],
            ),
          state: e.state,
        };
      }
    }
    const d = this.d;
    const n = this.n;
    return {
      down: (dx * d[0] + dy * d[1] + dz * d[2]) / this.dn,
      cross: (dx * n[0] + dy * n[1] + dz * n[2]) / this.nn,
      reachM: surfaceDistanceM(this.earth, this.L, last),
      impacted: res.summary.impacted,
      cutoffAfterLaunchS: cut,
      fullBurn,
      pullUp,
    };
  }
}

export const km = (m: number) => (m / 1000).toFixed(0);
export const missOf = (s: Shot) => Math.hypot(s.down, s.cross);

/** Refuses a target at the launch point (no direction to fly, and no flight to solve). */
export function refuseTargetAtLaunch(def: ThreatDefinition, shooter: Shooter): void {
  if (shooter.groundRangeM < MIN_TARGET_RANGE_M)
    throw new FlightRefusalError(
      def.id,
      "target",
      `the target is at the launch point (${shooter.groundRangeM.toFixed(0)} m away): nothing to fly to`,
    );
}

/**
 * Illinois root of f on [a, b] (f(a), f(b) of opposite signs, both Shots): stops when |down| < tolM or
 * the bracket is narrower than xTol. Returns the best point flown.
 */
export function illinois(
  f: (x: number) => Shot,
  a: number,
  fa: Shot,
  b: number,
  fb: Shot,
  tolM: number,
  xTol: number,
): { x: number; shot: Shot } {
  let best = Math.abs(fa.down) < Math.abs(fb.down) ? { x: a, shot: fa } : { x: b, shot: fb };
  let ya = fa.down;
  let yb = fb.down;
  let side = 0;
  while (Math.abs(best.shot.down) >= tolM && Math.abs(b - a) > xTol) {
    let c = b - (yb * (b - a)) / (yb - ya);
    if (!(c > Math.min(a, b) && c < Math.max(a, b))) c = 0.5 * (a + b);
    const fc = f(c);
    if (Math.abs(fc.down) < Math.abs(best.shot.down)) best = { x: c, shot: fc };
    if (fc.down * yb < 0) {
      a = b;
      ya = yb;
      side = 0;
    } else if (side === 1) {
      ya *= 0.5;
    } else {
      side = 1;
    }
    b = c;
    yb = fc.down;
  }
  return best;
}
