/**
 * Boost targeting on the full simulation (drag, rotation, J2 included): solve the steering once per threat
 * definition and cache it, since a campaign flies the same nominal threat thousands of times with small
 * dispersions on top.
 *
 * Ballistic missiles. Unknowns: launch azimuth and one range parameter; residuals: the downrange and
 * crossrange components of the impact miss (in the target's local horizontal, along and across the launch-
 * target great circle). The azimuth is corrected from the crossrange (d az = cross / ground range, the
 * small-angle geometry); the range parameter by a secant step kept inside a bracket (regula falsi with
 * bisection fallback). Converged at a miss below 50 m.
 * - minimum-energy: final pitch = (pi - psi)/4 for the range angle psi (the minimum-energy flight-path
 *   angle, Bate, Mueller & White eq. 6.2-19), range parameter = thrust termination (cut-off) time;
 * - lofted / depressed: full burn, range parameter = final pitch; a coarse scan of the pitch finds the
 *   maximum-range pitch, the lofted solution is the root above it, the depressed one below it.
 * Gliders: the booster is cut off at the speed that leaves the equilibrium glide (at the planning L/D) the
 * range to go at the end of the pull-up; a fixed-point iteration on the full boost and pull-up (at most 8 flights; usually 3-6).
 */
import type {
  ThreatDefinition,
  TrajectoryShape,
  VehicleDefinition,
  GliderVehicleDefinition,
} from "./definitions.js";
import type { FlightEarthModel } from "./earthModel.js";
import { equilibriumGlideEntrySpeedMps, minimumEnergyFlightPathAngleRad } from "./kepler.js";
import {
  buildPlan,
  centralAngleRad,
  defaultSteering,
  ecefOf,
  fullBurnS,
  type BoostSteering,
} from "./planBuilder.js";
import type { TargetingReport } from "./result.js";
import type { FlightRunner } from "./runner.js";

export interface SolvedSteering {
  readonly steering: BoostSteering;
  readonly report: TargetingReport;
}

/** Miss tolerance of the ballistic solver, m (the requirement is 1 km; aim for ~100 m). */
export const TARGETING_TOLERANCE_M = 50;
const MAX_FLIGHTS = 60;
const DEG = Math.PI / 180;

/** Cache of solved steerings, keyed by the threat definition and the Earth model's switches. */
export class TargetingCache {
  private readonly map = new Map<string, SolvedSteering>();
  get size(): number {
    return this.map.size;
  }
  get(key: string): SolvedSteering | undefined {
    return this.map.get(key);
  }
  set(key: string, value: SolvedSteering): void {
    this.map.set(key, value);
  }
  clear(): void {
    this.map.clear();
  }
}

/** The process-wide default cache used by flyThreat. */
export const defaultTargetingCache = new TargetingCache();

/** Key for a threat on an Earth model: what changes the solution (not the id or the manoeuvre). */
export function steeringCacheKey(
  def: ThreatDefinition,
  vehicle: VehicleDefinition,
  earth: FlightEarthModel,
): string {
  const atm = new Float64Array(4);
  earth.atmosphereInto(50_000, atm);
  const g = new Float64Array(3);
  earth.gravityInto([0, 0, 7e6], g);
  return JSON.stringify({
    v: typeof def.vehicle === "string" ? def.vehicle : vehicle,
    // The steering does not depend on the launch time (the dynamics are in ECEF): campaigns that
    // disperse the launch time reuse the solution.
    l: def.launch === undefined ? null : [def.launch.latRad, def.launch.lonRad, def.launch.altM],
    t: def.target,
    s: def.trajectory ?? "minimum-energy",
    p: def.trajectoryPitchRad ?? null,
    e: [earth.aM, earth.e2, earth.omegaRadS, earth.gmM3S2, atm[2], g[2]],
  });
}

interface Miss {
  down: number;
  cross: number;
  groundRangeM: number;
  cutoffAfterLaunchS: number;
  pullUpSpeedMps: number;
  pullUpRangeToGoM: number;
}

/** Flies the plan without samples and measures the miss in the target's along/cross-track axes. */
function measure(
  runner: FlightRunner,
  def: ThreatDefinition,
  vehicle: VehicleDefinition,
  earth: FlightEarthModel,
  steering: BoostSteering,
  stopAtGlide = false,
): Miss {
  const plan = buildPlan(def, vehicle, earth, steering);
  const res = runner.run(plan, { sampleIntervalS: 0, stopAtGlide });
  const last = res.events[res.events.length - 1].state;
  const L = plan.y0;
  const T = plan.targetEcef as Float64Array;
  // n = r_L x r_T (left of the track), d = n x r_T (along track at the target).
  const n = [L[1] * T[2] - L[2] * T[1], L[2] * T[0] - L[0] * T[2], L[0] * T[1] - L[1] * T[0]];
  const nn = Math.hypot(n[0], n[1], n[2]);
  const d = [n[1] * T[2] - n[2] * T[1], n[2] * T[0] - n[0] * T[2], n[0] * T[1] - n[1] * T[0]];
  const dn = Math.hypot(d[0], d[1], d[2]);
  const dx = last[0] - T[0];
  const dy = last[1] - T[1];
  const dz = last[2] - T[2];
  let cut = Infinity;
  let vPu = NaN;
  let sPu = NaN;
  for (const e of res.events) {
    if (e.type === "cutoff" || e.type === "burnout") cut = e.timeS - plan.startTimeS;
    if (e.type === "pull-up-end") {
      vPu = Math.hypot(e.state[3], e.state[4], e.state[5]);
      const r = Math.hypot(e.state[0], e.state[1], e.state[2]);
      const rt = Math.hypot(T[0], T[1], T[2]);
      sPu =
        rt *
        centralAngleRad([e.state[0] / r, e.state[1] / r, e.state[2] / r], [T[0] / rt, T[1] / rt, T[2] / rt]);
    }
  }
  // Along-track miss of an impact far short (still in flight at the limit) is still a useful signed residual.
  const rt = Math.hypot(T[0], T[1], T[2]);
  const groundRangeM = rt * centralAngleRad(L, T);
  return {
    down: (dx * d[0] + dy * d[1] + dz * d[2]) / dn,
    cross: (dx * n[0] + dy * n[1] + dz * n[2]) / nn,
    groundRangeM,
    cutoffAfterLaunchS: cut,
    pullUpSpeedMps: vPu,
    pullUpRangeToGoM: sPu,
  };
}

/**
 * Solves a ballistic missile's steering for its aimpoint and trajectory shape. Throws RangeError when the
 * target is out of reach or the solver does not converge within its flight budget.
 */
export function solveBallisticSteering(
  runner: FlightRunner,
  def: ThreatDefinition,
  vehicle: VehicleDefinition,
  earth: FlightEarthModel,
): SolvedSteering {
  const booster = vehicle.booster;
  if (def.launch === undefined || def.target === undefined || booster === undefined) {
    throw new RangeError("ballistic targeting needs a launch, a target and a booster");
  }
  const shape: TrajectoryShape = def.trajectory ?? "minimum-energy";
  const base = defaultSteering(def, vehicle, earth);
  const psi = centralAngleRad(ecefOf(earth, def.launch), ecefOf(earth, def.target));
  const tFull = fullBurnS(booster);
  const p = booster.pitchProgram;
  let flights = 0;
  let az = base.azimuthRad;
  // With a fixed final pitch (minimum energy: (pi - psi)/4; or a lofted/depressed angle the scenario
  // gives) the range parameter is the thrust-termination time; otherwise it is the pitch of a full burn.
  const fixedPitch =
    shape === "minimum-energy" ? minimumEnergyFlightPathAngleRad(psi) : def.trajectoryPitchRad;
  const steer = (x: number): BoostSteering =>
    fixedPitch !== undefined
      ? {
          azimuthRad: az,
          finalPitchRad: fixedPitch,
          cutoffAfterLaunchS: x,
          cutoffSpeedMps: Infinity,
        }
      : { azimuthRad: az, finalPitchRad: x, cutoffAfterLaunchS: Infinity, cutoffSpeedMps: Infinity };
  const f = (x: number): Miss => {
    flights++;
    return measure(runner, def, vehicle, earth, steer(x));
  };

  // Bracket [lo, hi] of the range parameter with down(lo) < 0 < down(hi) or the reverse.
  let lo: number;
  let hi: number;
  let mLo: Miss;
  let mHi: Miss;
  if (fixedPitch !== undefined) {
    lo = p.verticalRiseS + p.kickDurationS + 1;
    hi = tFull;
    mHi = f(hi);
    if (mHi.down < 0)
      throw new RangeError(
        `${vehicle.name}: target out of reach (short by ${(-mHi.down / 1000).toFixed(0)} km at full burn` +
          `${shape === "minimum-energy" ? "" : ` with a final pitch of ${((fixedPitch ?? 0) / DEG).toFixed(1)} deg`})`,
      );
    mLo = f(lo);
  } else {
    // Scan the final pitch for the maximum-range pitch.
    const pitches: number[] = [];
    const downs: number[] = [];
    for (let deg = 0; deg <= 85; deg += 5) {
      pitches.push(deg * DEG);
      downs.push(f(deg * DEG).down);
    }
    let k = 0;
    for (let i = 1; i < downs.length; i++) if (downs[i] > downs[k]) k = i;
    if (downs[k] < 0)
      throw new RangeError(
        `${vehicle.name}: target out of reach at any pitch (short by ${(-downs[k] / 1000).toFixed(0)} km)`,
      );
    let j = -1;
    if (shape === "lofted") {
      for (let i = k + 1; i < downs.length; i++)
        if (downs[i] < 0) {
          j = i;
          break;
        }
    } else {
      for (let i = k - 1; i >= 0; i--)
        if (downs[i] < 0) {
          j = i;
          break;
        }
    }
    if (j < 0) throw new RangeError(`${vehicle.name}: no ${shape} solution within pitch 0-85 deg`);
    lo = pitches[j];
    hi = pitches[k];
    mLo = f(lo);
    mHi = f(hi);
  }
  // Secant/regula falsi on down with azimuth updates from cross.
  let x0 = lo;
  let m0 = mLo;
  let x1 = hi;
  let m1 = mHi;
  let iterations = 0;
  let best = Math.abs(m1.down) < Math.abs(m0.down) ? { x: x1, m: m1 } : { x: x0, m: m0 };
  for (;;) {
    const cur = best.m;
    if (Math.hypot(cur.down, cur.cross) < TARGETING_TOLERANCE_M) break;
    if (flights >= MAX_FLIGHTS) {
      throw new RangeError(
        `${vehicle.name}: targeting did not converge (miss ${Math.hypot(cur.down, cur.cross).toFixed(0)} m)`,
      );
    }
    iterations++;
    az += cur.cross / Math.max(cur.groundRangeM, 1);
    let x = m1.down !== m0.down ? x1 - (m1.down * (x1 - x0)) / (m1.down - m0.down) : 0.5 * (lo + hi);
    const a = Math.min(lo, hi);
    const b = Math.max(lo, hi);
    if (!(x > a && x < b)) x = 0.5 * (lo + hi);
    const m = f(x);
    // Keep the bracket: replace the end whose residual has the same sign.
    if (Math.sign(m.down) === Math.sign(mLo.down)) {
      lo = x;
      mLo = m;
    } else {
      hi = x;
    }
    x0 = x1;
    m0 = m1;
    x1 = x;
    m1 = m;
    best = { x, m };
  }
  const steering = steer(best.x);
  return {
    steering,
    report: {
      trajectory: shape,
      azimuthRad: steering.azimuthRad,
      finalPitchRad: steering.finalPitchRad,
      cutoffS: steering.cutoffAfterLaunchS,
      cutoffSpeedMps: Infinity,
      iterations,
      flights,
      missM: Math.hypot(best.m.down, best.m.cross),
      fromCache: false,
    },
  };
}

/**
 * Plans a glider's boost: the cut-off speed that leaves the equilibrium glide at the planning L/D the range
 * to go at the end of the pull-up, less the dive range. Azimuth: the great circle to the target (the glide
 * guidance steers the rest).
 */
export function solveGliderBoost(
  runner: FlightRunner,
  def: ThreatDefinition,
  vehicle: GliderVehicleDefinition,
  earth: FlightEarthModel,
): SolvedSteering {
  if (def.launch === undefined || def.target === undefined || vehicle.booster === undefined) {
    throw new RangeError("glider boost planning needs a launch, a target and a booster");
  }
  const base = defaultSteering(def, vehicle, earth);
  const gd = vehicle.guidance;
  const T = ecefOf(earth, def.target);
  const rt = Math.hypot(T[0], T[1], T[2]);
  const range = rt * centralAngleRad(ecefOf(earth, def.launch), T);
  const entry = (s: number) =>
    equilibriumGlideEntrySpeedMps(
      earth.gmM3S2,
      rt,
      gd.planningLiftToDrag,
      Math.max(0, s - gd.diveRangeM),
      gd.glideEndSpeedMps,
    );
  let vCut = entry(0.85 * range);
  let tCut = Infinity;
  let flights = 0;
  let iterations = 0;
  for (; iterations < 8; iterations++) {
    const st: BoostSteering = {
      ...base,
      cutoffSpeedMps: vCut,
      ...(Number.isFinite(tCut) ? { pitchEndAfterLaunchS: tCut } : {}),
    };
    const m = measure(runner, def, vehicle, earth, st, true);
    flights++;
    if (!Number.isFinite(m.pullUpSpeedMps)) break;
    const err = entry(m.pullUpRangeToGoM) - m.pullUpSpeedMps;
    if (Math.abs(err) < 15) break;
    tCut = m.cutoffAfterLaunchS;
    vCut += err;
  }
  const steering: BoostSteering = {
    ...base,
    cutoffSpeedMps: vCut,
    ...(Number.isFinite(tCut) ? { pitchEndAfterLaunchS: tCut } : {}),
  };
  return {
    steering,
    report: {
      trajectory: "glide",
      azimuthRad: steering.azimuthRad,
      finalPitchRad: steering.finalPitchRad,
      cutoffS: tCut,
      cutoffSpeedMps: vCut,
      iterations,
      flights,
      missM: NaN,
      fromCache: false,
    },
  };
}
