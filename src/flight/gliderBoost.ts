/**
 * A boost-glide vehicle's boost plan, on the full simulation: the booster is cut off at the speed that
 * leaves the equilibrium glide on the rotating Earth (at the planning L/D) the range to go at the end of
 * the pull-up (a secant iteration on the boost and pull-up); then the whole flight is flown and, if its
 * guidance does not close the remaining miss, the cut-off speed is searched on the downrange miss
 * (Illinois, steeringShots.ts) until it does. A pull-up that would bottom out above the vehicle's
 * dynamic-pressure limit flattens the boost and plans again.
 * A target beyond the glider's reach, too close or at the launch point is a FlightRefusalError naming the
 * target and the reach; a solve that does not converge throws a RangeError (never a silent miss).
 */
import type { GliderVehicleDefinition, ThreatDefinition } from "./definitions.js";
import { DEG } from "./constants.js";
import type { FlightEarthModel } from "./earthModel.js";
import { FlightRefusalError } from "./errors.js";
import { glideDistancePerLiftToDragM } from "./guidance/glideLaw.js";
import { defaultSteering, type BoostSteering } from "./planBuilder.js";
import type { FlightRunner } from "./runner.js";
import {
  illinois,
  km,
  missOf,
  refuseTargetAtLaunch,
  Shooter,
  TARGETING_TOLERANCE_M,
  type Shot,
  type SolvedSteering,
} from "./steeringShots.js";

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
 * down to -4 deg) and planned again from the last plan's cut-off. The limit is checked on the pull-up of
 * the secant iterations, before the whole flight: a plan that will be flattened is not flown whole.
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
  const bottomDynamicPressurePa = (pu: Float64Array | null): number => {
    if (pu === null) return 0;
    earth.atmosphereInto(earth.altitudeM(pu), atm);
    return 0.5 * atm[2] * (pu[3] * pu[3] + pu[4] * pu[4] + pu[5] * pu[5]);
  };
  for (;;) {
    const flatter = pitch > MIN_GLIDER_FINAL_PITCH_RAD + 1e-9;
    // While a flatter boost remains, a pull-up above the limit ends the plan before its whole flight.
    const tooHot = flatter ? (pu: Float64Array) => bottomDynamicPressurePa(pu) > qMax : null;
    const plan = planGlider(shooter, def, vehicle, earth, { ...base, finalPitchRad: pitch }, warm, tooHot);
    const q = bottomDynamicPressurePa(plan.pullUp);
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

/**
 * One boost plan at a given final pitch: the steering, its miss and the state at the end of the pull-up.
 * When `tooHot` says the secant iterations' pull-up is above the limit, the plan ends there, unflown
 * whole (miss NaN): the caller flattens the boost.
 */
function planGlider(
  shooter: Shooter,
  def: ThreatDefinition,
  vehicle: GliderVehicleDefinition,
  earth: FlightEarthModel,
  base: BoostSteering,
  warm: { vCut: number; tCut: number } | null,
  tooHot: ((pullUp: Float64Array) => boolean) | null,
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
  // A pull-up the caller will flatten: its whole flight would be wasted (the miss is not yet known).
  if (pullUp !== null && tooHot !== null && tooHot(pullUp)) {
    return { steering: steer(vCut), cutoffS: tCut, iterations, missM: NaN, pullUp, feasible: true };
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
