/**
 * Boost targeting on the full simulation (drag, rotation, J2 included): solve the steering once per threat
 * definition and cache it, since a campaign flies the same nominal threat thousands of times with small
 * dispersions on top.
 *
 * Ballistic missiles. Unknowns: launch azimuth and one range parameter; residuals: the downrange and
 * crossrange components of the impact miss (in the target's local horizontal, along and across the launch-
 * target great circle). Nested: at a fixed azimuth the range parameter is solved on the downrange miss by
 * the Illinois method (regula falsi with the stale end's value halved: always bracketed, superlinear) from
 * a bracket that is re-established around the last solution; the azimuth is then corrected from the
 * crossrange (first d az = cross / ground range, the small-angle geometry, then secant steps). Converged
 * at a miss below 50 m.
 * - minimum-energy: final pitch = (pi - psi)/4 for the range angle psi (the minimum-energy flight-path
 *   angle, Bate, Mueller & White eq. 6.2-19), range parameter = thrust termination (cut-off) time;
 * - lofted / depressed: full burn (or a given final pitch with the cut-off solved), range parameter =
 *   final pitch; a coarse scan of the pitch finds the maximum-range pitch, the lofted solution is the root
 *   above it, the depressed one below it.
 * Gliders: the booster is cut off at the speed that leaves the equilibrium glide on the rotating Earth (at
 * the planning L/D) the range to go at the end of the pull-up: a secant iteration on the boost and pull-up;
 * then the whole flight is flown and, if its guidance does not close the remaining miss, the cut-off
 * speed is searched on the downrange miss (Illinois again) until it does.
 *
 * What physics refuses (the target beyond the vehicle's reach, closer than its shortest flight, at the
 * launch point) is a FlightRefusalError naming the target and the reach; a solve that would not converge
 * within its flight budget throws a RangeError too (never a silent miss).
 */
import type {
  ThreatDefinition,
  TrajectoryShape,
  VehicleDefinition,
  GliderVehicleDefinition,
} from "./definitions.js";
import type { FlightEarthModel } from "./earthModel.js";
import { FlightRefusalError } from "./errors.js";
import { glideDistancePerLiftToDragM } from "./guidance/glideLaw.js";
import { minimumEnergyFlightPathAngleRad } from "./kepler.js";
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
  return JSON.stringify({
    v: typeof def.vehicle === "string" ? def.vehicle : vehicle,
    // The steering does not depend on the launch time (the dynamics are in ECEF): campaigns that
    // disperse the launch time reuse the solution.
    l: def.launch === undefined ? null : [def.launch.latRad, def.launch.lonRad, def.launch.altM],
    t: def.target,
    s: def.trajectory ?? "minimum-energy",
    p: def.trajectoryPitchRad ?? null,
    e: earthSignature(earth),
  });
}

const earthSignatures = new WeakMap<FlightEarthModel, readonly number[]>();

/**
 * What of an Earth model the steering depends on: its ellipsoid, rotation and gravity constant, and a
 * probe of its atmosphere and gravity field (the environment switches), once per model.
 */
function earthSignature(earth: FlightEarthModel): readonly number[] {
  let e = earthSignatures.get(earth);
  if (e === undefined) {
    const atm = new Float64Array(4);
    earth.atmosphereInto(50_000, atm);
    const g = new Float64Array(3);
    earth.gravityInto([0, 0, 7e6], g);
    e = [earth.aM, earth.e2, earth.omegaRadS, earth.gmM3S2, atm[2], g[2]];
    earthSignatures.set(earth, e);
  }
  return e;
}

/** One flight of a solve: the miss and what the planners read from it. */
interface Shot {
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
class Shooter {
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

const km = (m: number) => (m / 1000).toFixed(0);
const missOf = (s: Shot) => Math.hypot(s.down, s.cross);

/** Refuses a target at the launch point (no direction to fly, and no flight to solve). */
function refuseTargetAtLaunch(def: ThreatDefinition, shooter: Shooter): void {
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
function illinois(
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

/**
 * Solves a ballistic missile's steering for its aimpoint and trajectory shape. Throws FlightRefusalError
 * when the target is out of reach, too close or at the launch point, and RangeError when the solve does
 * not converge within its flight budget.
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
  const shooter = new Shooter(runner, def, vehicle, earth);
  refuseTargetAtLaunch(def, shooter);
  const shape: TrajectoryShape = def.trajectory ?? "minimum-energy";
  const base = defaultSteering(def, vehicle, earth);
  const psi = centralAngleRad(shooter.L, shooter.T);
  const tFull = fullBurnS(booster);
  const p = booster.pitchProgram;
  let az = base.azimuthRad;
  // With a fixed final pitch (minimum energy: (pi - psi)/4; or a lofted/depressed angle the scenario
  // gives) the range parameter is the thrust-termination time; otherwise it is the pitch of a full burn.
  const fixedPitch =
    shape === "minimum-energy" ? minimumEnergyFlightPathAngleRad(psi) : def.trajectoryPitchRad;
  const steer = (x: number): BoostSteering =>
    fixedPitch !== undefined
      ? { azimuthRad: az, finalPitchRad: fixedPitch, cutoffAfterLaunchS: x, cutoffSpeedMps: Infinity }
      : { azimuthRad: az, finalPitchRad: x, cutoffAfterLaunchS: Infinity, cutoffSpeedMps: Infinity };
  const f = (x: number): Shot => shooter.fly(steer(x));
  const angle =
    shape === "minimum-energy" ? "" : ` with a final pitch of ${((fixedPitch ?? 0) / DEG).toFixed(1)} deg`;

  // The range parameter's limits and a first bracket [lo, hi] with down(lo) < 0 < down(hi) (or reverse).
  let xMin: number;
  let xMax: number;
  let lo: number;
  let hi: number;
  let mLo: Shot;
  let mHi: Shot;
  if (fixedPitch !== undefined) {
    xMin = p.verticalRiseS + p.kickDurationS + 1;
    xMax = tFull;
    lo = xMin;
    hi = xMax;
    mHi = f(hi);
    if (mHi.down < 0)
      throw new FlightRefusalError(
        def.id,
        "target",
        `target out of reach: ${km(shooter.groundRangeM)} km away, ${vehicle.name} reaches about ${km(mHi.reachM)} km at full burn${angle} (short by ${km(-mHi.down)} km)`,
        { reachM: mHi.reachM },
      );
    mLo = f(lo);
    if (mLo.down > 0)
      throw new FlightRefusalError(
        def.id,
        "target",
        `target too close: ${km(shooter.groundRangeM)} km away, ${vehicle.name}'s shortest flight${angle} (thrust cut ${lo.toFixed(0)} s after launch) reaches about ${km(mLo.reachM)} km`,
        { reachM: mLo.reachM },
      );
  } else {
    // Scan the final pitch for the maximum-range pitch.
    xMin = 0;
    xMax = 85 * DEG;
    const pitches: number[] = [];
    const shots: Shot[] = [];
    for (let deg = 0; deg <= 85; deg += 5) {
      pitches.push(deg * DEG);
      shots.push(f(deg * DEG));
    }
    let k = 0;
    for (let i = 1; i < shots.length; i++) if (shots[i].down > shots[k].down) k = i;
    if (shots[k].down < 0)
      throw new FlightRefusalError(
        def.id,
        "target",
        `target out of reach: ${km(shooter.groundRangeM)} km away, ${vehicle.name} reaches about ${km(shots[k].reachM)} km at best (final pitch ${(pitches[k] / DEG).toFixed(0)} deg)`,
        { reachM: shots[k].reachM },
      );
    let j = -1;
    if (shape === "lofted") {
      for (let i = k + 1; i < shots.length; i++)
        if (shots[i].down < 0) {
          j = i;
          break;
        }
    } else {
      for (let i = k - 1; i >= 0; i--)
        if (shots[i].down < 0) {
          j = i;
          break;
        }
    }
    if (j < 0)
      throw new FlightRefusalError(
        def.id,
        "trajectory",
        `no ${shape} trajectory reaches the target ${km(shooter.groundRangeM)} km away: every final pitch ${shape === "lofted" ? "above" : "below"} ${(pitches[k] / DEG).toFixed(0)} deg overshoots it`,
      );
    lo = pitches[j];
    hi = pitches[k];
    mLo = shots[j];
    mHi = shots[k];
  }

  // Nested solve: the range parameter on the downrange miss at a fixed azimuth, then the azimuth on the
  // crossrange miss (secant), re-bracketing the range parameter around its last value.
  const xTol = fixedPitch !== undefined ? 1e-6 : 1e-9;
  let best = illinois(f, lo, mLo, hi, mHi, 0.5 * TARGETING_TOLERANCE_M, xTol);
  let iterations = 1;
  let azPrev = NaN;
  let crossPrev = NaN;
  while (missOf(best.shot) >= TARGETING_TOLERANCE_M) {
    iterations++;
    const cross = best.shot.cross;
    const step =
      Number.isFinite(azPrev) && cross !== crossPrev
        ? (-cross * (az - azPrev)) / (cross - crossPrev)
        : cross / Math.max(shooter.groundRangeM, 1);
    azPrev = az;
    crossPrev = cross;
    az += step;
    // Re-bracket around the last solution: the downrange changes little with the azimuth.
    const x0 = best.x;
    const m0 = f(x0);
    if (Math.abs(m0.down) < 0.5 * TARGETING_TOLERANCE_M) {
      best = { x: x0, shot: m0 };
      continue;
    }
    let span = Math.max(1e-3 * Math.abs(xMax - xMin), 4 * xTol);
    let x1: number;
    let m1: Shot;
    // Downrange grows with the range parameter on the branch being solved (cut-off time; pitch on the
    // depressed branch) or shrinks with it (pitch on the lofted branch).
    const grows = fixedPitch !== undefined || shape !== "lofted";
    const dir = m0.down < 0 === grows ? 1 : -1;
    for (;;) {
      x1 = Math.min(xMax, Math.max(xMin, x0 + dir * span));
      m1 = f(x1);
      if (Math.sign(m1.down) !== Math.sign(m0.down) || x1 === xMin || x1 === xMax) break;
      span *= 4;
    }
    if (Math.sign(m1.down) === Math.sign(m0.down)) {
      best = Math.abs(m1.down) < Math.abs(m0.down) ? { x: x1, shot: m1 } : { x: x0, shot: m0 };
      continue;
    }
    best = illinois(f, x0, m0, x1, m1, 0.5 * TARGETING_TOLERANCE_M, xTol);
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
      flights: shooter.flights,
      missM: missOf(best.shot),
      fromCache: false,
    },
  };
}

/**
 * The speed at which an equilibrium glide at the planning L/D must start, on the rotating Earth, to cover
 * rangeM down to the glide-end speed, m/s: the root of (L/D) glideDistancePerLiftToDragM(V) = rangeM
 * (bisection; the distance grows with V up to the rotating frame's circular speed). `state` gives the
 * radius and the distance from the axis; the Coriolis coefficient is b = 2 omega k, k Clairaut's constant
 * of the launch-target great circle.
 */
function entrySpeedMps(
  earth: FlightEarthModel,
  state: ArrayLike<number>,
  clairaut: number,
  liftToDrag: number,
  rangeM: number,
  finalSpeedMps: number,
): number {
  const r = Math.hypot(state[0], state[1], state[2]);
  const w = earth.omegaRadS;
  const gp = earth.gmM3S2 / (r * r) - (w * w * (state[0] * state[0] + state[1] * state[1])) / r;
  const b = 2 * w * clairaut;
  const br = b * r;
  const vc = 0.5 * (Math.sqrt(br * br + 4 * gp * r) - br);
  if (!(rangeM > 0)) return finalSpeedMps;
  let lo = finalSpeedMps;
  let hi = vc;
  for (let k = 0; k < 60; k++) {
    const mid = 0.5 * (lo + hi);
    if (liftToDrag * glideDistancePerLiftToDragM(mid, finalSpeedMps, r, gp, b) < rangeM) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

/** Final pitch of the flattest boost the planner tries for the dynamic-pressure limit, rad. */
const MIN_GLIDER_FINAL_PITCH_RAD = -4 * DEG;
/** Step by which the planner flattens the boost, rad. */
const GLIDER_PITCH_STEP_RAD = 2 * DEG;

/**
 * Plans a glider's boost: the cut-off speed that leaves the equilibrium glide on the rotating Earth, at
 * the planning L/D, the range to go at the end of the pull-up less the dive range; the whole flight is
 * then checked and, if its guidance cannot close the miss from there, the cut-off speed is searched on
 * the downrange miss. Azimuth: the great circle to the target (the glide guidance steers the rest). When
 * the pull-up would bottom out above the vehicle's dynamic-pressure limit (maxDynamicPressurePa), the boost
 * is flattened (its final pitch lowered by a secant on the bottom's dynamic pressure, 1-4 deg at a time,
 * down to -4 deg) and planned again from the last plan's cut-off.
 * Throws FlightRefusalError when the target is beyond the glider's reach (short at full burn) or too close
 * (long at the lowest cut-off), RangeError when the solve does not converge.
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
  const shooter = new Shooter(runner, def, vehicle, earth);
  refuseTargetAtLaunch(def, shooter);
  const base = defaultSteering(def, vehicle, earth);
  const qMax = vehicle.guidance.maxDynamicPressurePa ?? Infinity;
  const atm = new Float64Array(4);
  let pitch = base.finalPitchRad;
  let warm: { vCut: number; tCut: number } | null = null;
  let last: { pitch: number; q: number } | null = null;
  for (;;) {
    const plan = planGlider(shooter, def, vehicle, earth, { ...base, finalPitchRad: pitch }, warm);
    const pu = plan.pullUp;
    let q = 0;
    if (pu !== null) {
      earth.atmosphereInto(earth.altitudeM(pu), atm);
      q = 0.5 * atm[2] * (pu[3] * pu[3] + pu[4] * pu[4] + pu[5] * pu[5]);
    }
    const flatter = pitch > MIN_GLIDER_FINAL_PITCH_RAD + 1e-9;
    if (!plan.feasible && !flatter)
      throw new FlightRefusalError(
        def.id,
        "target",
        `${vehicle.name} cannot level off into a glide toward this target within its ${vehicle.guidance.maxLoadFactor ?? Infinity} g limit, even on its flattest boost`,
      );
    if (plan.feasible && (!(q > qMax) || !flatter)) {
      const steering = plan.steering;
      return {
        steering,
        report: {
          trajectory: "glide",
          azimuthRad: steering.azimuthRad,
          finalPitchRad: steering.finalPitchRad,
          cutoffS: plan.cutoffS,
          cutoffSpeedMps: steering.cutoffSpeedMps,
          iterations: plan.iterations,
          flights: shooter.flights,
          missM: plan.missM,
          fromCache: false,
        },
      };
    }
    // Flatter: aim the pull-up's bottom at 90 % of the limit by a secant on q against the final pitch
    // (a first slope of 20 kPa/deg, measured on the catalog gliders), 1-4 deg at a time.
    warm = plan.feasible ? { vCut: plan.steering.cutoffSpeedMps, tCut: plan.cutoffS } : null;
    let step = GLIDER_PITCH_STEP_RAD;
    if (plan.feasible && q > qMax) {
      const slope =
        last !== null && last.pitch !== pitch && last.q > q
          ? (last.q - q) / (last.pitch - pitch)
          : 20e3 / DEG;
      step = Math.min(4 * DEG, Math.max(1 * DEG, (q - 0.9 * qMax) / slope));
    }
    if (plan.feasible) last = { pitch, q };
    pitch = Math.max(MIN_GLIDER_FINAL_PITCH_RAD, pitch - step);
  }
}

/** One boost plan at a given final pitch: the steering, its miss and the state at the end of the pull-up. */
function planGlider(
  shooter: Shooter,
  def: ThreatDefinition,
  vehicle: GliderVehicleDefinition,
  earth: FlightEarthModel,
  base: BoostSteering,
  warm: { vCut: number; tCut: number } | null,
): {
  steering: BoostSteering;
  cutoffS: number;
  iterations: number;
  missM: number;
  pullUp: Float64Array | null;
  /** False when the glider could not level off at this pitch (too steep for its load-factor limit). */
  feasible: boolean;
} {
  const gd = vehicle.guidance;
  const range = shooter.groundRangeM;
  const entry = (s: number, state: ArrayLike<number>) =>
    entrySpeedMps(
      earth,
      state,
      shooter.clairaut,
      gd.planningLiftToDrag,
      Math.max(0, s - gd.diveRangeM),
      gd.glideEndSpeedMps,
    );
  // A warm start from the plan at the previous pitch (its cut-off speed and time), else the speed for
  // 0.85 of the range.
  let tCut = warm?.tCut ?? Infinity;
  const steer = (vCut: number): BoostSteering => ({
    ...base,
    cutoffSpeedMps: vCut,
    ...(Number.isFinite(tCut) ? { pitchEndAfterLaunchS: tCut } : {}),
  });
  // Phase 1: the cut-off speed that makes the pull-up end on the planned glide (secant on the speed
  // error at the end of the pull-up).
  let vCut = warm?.vCut ?? entry(0.85 * range, shooter.T);
  let iterations = 0;
  let prev: { v: number; err: number } | null = null;
  let pullUp: Float64Array | null = null;
  let noPullUp = 0;
  for (; iterations < 12; iterations++) {
    const m = shooter.fly(steer(vCut), true);
    const firstCut = !Number.isFinite(tCut);
    tCut = m.cutoffAfterLaunchS;
    if (m.pullUp === null) {
      // No pull-up: the glider came down too steeply to level off within its load-factor limit (or too
      // slowly to reach the glide). Once more with the pitch programme fitted to the cut-off; then the
      // boost is too steep for the limits at this pitch: the caller flattens it.
      if (firstCut || ++noPullUp < 2) continue;
      return {
        steering: steer(vCut),
        cutoffS: tCut,
        iterations,
        missM: Infinity,
        pullUp: null,
        feasible: false,
      };
    }
    pullUp = m.pullUp.state;
    const err = entry(m.pullUp.rangeToGoM, m.pullUp.state) - m.pullUp.speedMps;
    if (Math.abs(err) < 15 || (m.fullBurn && err > 0)) break;
    const next =
      prev !== null && err !== prev.err ? vCut - (err * (vCut - prev.v)) / (err - prev.err) : vCut + err;
    prev = { v: vCut, err };
    vCut = Math.max(gd.glideEndSpeedMps + 100, next);
  }
  // Phase 2: the whole flight, its guidance closing the rest.
  const whole = (v: number): Shot => shooter.fly(steer(v));
  let shot = whole(vCut);
  if (missOf(shot) >= TARGETING_TOLERANCE_M) {
    // Phase 3: bracket the cut-off speed on the downrange miss and solve it.
    const vMin = gd.glideEndSpeedMps + 100;
    let a: number;
    let fa = shot;
    let b = vCut;
    let fb = shot;
    let step = fa.down < 0 ? 150 : -150;
    for (;;) {
      if (fb.down < 0 && fb.fullBurn)
        throw new FlightRefusalError(
          def.id,
          "target",
          `target out of reach: ${km(range)} km away, ${vehicle.name} glides about ${km(fb.reachM)} km at full burn (short by ${km(-fb.down)} km)`,
          { reachM: fb.reachM },
        );
      if (fb.down > 0 && b <= vMin)
        throw new FlightRefusalError(
          def.id,
          "target",
          `target too close: ${km(range)} km away, ${vehicle.name} overshoots it by ${km(fb.down)} km at its lowest cut-off speed`,
          { reachM: fb.reachM },
        );
      a = b;
      fa = fb;
      b = Math.max(vMin, b + step);
      fb = whole(b);
      step *= 2;
      if (Math.sign(fb.down) !== Math.sign(fa.down) || missOf(fb) < TARGETING_TOLERANCE_M) break;
    }
    const best =
      missOf(fb) < TARGETING_TOLERANCE_M
        ? { x: b, shot: fb }
        : illinois(whole, a, fa, b, fb, 0.5 * TARGETING_TOLERANCE_M, 1e-3);
    vCut = best.x;
    shot = best.shot;
    if (missOf(shot) >= TARGETING_TOLERANCE_M)
      throw new RangeError(
        `${vehicle.name}: glider targeting did not converge (miss ${missOf(shot).toFixed(0)} m, threat ${def.id ?? "?"})`,
      );
    // The pull-up of the plan flown.
    pullUp = shooter.fly(steer(vCut), true).pullUp?.state ?? null;
  }
  return { steering: steer(vCut), cutoffS: tCut, iterations, missM: missOf(shot), pullUp, feasible: true };
}
