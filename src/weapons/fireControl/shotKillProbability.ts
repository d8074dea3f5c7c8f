/**
 * The probability of kill of a shot now: a planning figure fire control gives for a PIP solution, from
 * what it knows (the track's predicted uncertainty, the weapon's dispersion and guidance, the lethality),
 * before anything is flown. The engagement then flies the shot and draws the kill against the miss it
 * really gets.
 *
 * Miss before guidance, in the encounter plane (normal to the relative velocity v_T - v_round at the
 * PIP, both from the solution): the track's position covariance at the intercept time (the prediction's)
 * plus the round's delivery error. For a gun: aim error sigma_a on both axes across the round's path at
 * the slant range R, and the muzzle-speed error sigma_v along it, sigma_along = sigma_v t_f (v_arrival /
 * v_muzzle) (a velocity error's displacement grows with the time of flight and decays with the round's
 * speed). The 3 x 3 covariance is projected on the plane; its two principal sigmas enter the lethality's
 * expectation (lethality.ts).
 * - Unguided: Pk = E[Pk(miss)] over that Gaussian.
 * - Guided: the round corrects the error it can: within the homing time t_h it can move
 *   r_c = a_max t_h^2 / 2 across its path, a_max its lateral limit at the PIP (definitions.ts, with the
 *   air density at the PIP's altitude and the arrival speed). Pk = P(|e| <= r_c) E[Pk(miss_end)], with
 *   P(|e| <= r_c) the Rayleigh probability for the error's circular-equivalent sigma (for a round
 *   re-aimed on the track in flight, the track's error when it starts homing: the weapon's
 *   `preHomingSigmaM`, interceptorShotDelivery.ts), and the end-game miss a Gaussian of
 *   sigma_end^2 = sigma_guide^2 + (0.27 n_T T^2)^2: n_T the target's acceleration across the line of
 *   sight, T the guidance time constant, and 0.27 the largest value of Zarchan's single-lag miss
 *   0.5 x^2 e^-x (at x = 2; "Tactical and Strategic Missile Guidance", ch. 3: a planning bound, not the
 *   miss of this flight). sigma_guide is the guidance's own error: for command guidance the error of the
 *   estimate the link sends (the track extrapolated from its last update over the latency and up to one
 *   update interval, with the target's drift over that age: estimateSigmaOverAgeM, shotDelivery.ts);
 *   for a seeker its angle-noise floor times the closing speed times T (the line-of-sight error
 *   converted to a miss over the last time constant).
 *   Homing time: the whole time of flight for command guidance; for a seeker the time from acquisition
 *   (its acquisition range against the target kind's nominal signature at the PIP) to the intercept.
 * What differs between kinds of weapon (delivery error, lethality, guidance) is the weapon's
 * `ShotDelivery` (shotDelivery.ts; gunShotDelivery.ts, interceptorShotDelivery.ts), which its battery
 * gives; this file holds what they share.
 */
import { finiteVec3Arg } from "../../math/check.js";
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { VehicleKind } from "../../flight/truth.js";
import { expectedKillProbability } from "../lethality.js";
import type { PipSolution } from "./pip.js";
import type { ShotDelivery, ShotGuidance } from "./shotDelivery.js";
import type { TrackPrediction } from "./trackPrediction.js";

/**
 * Acceleration across the line of sight a lifting target (a glider, a cruise missile) is planned against,
 * m/s^2 [N]: 2 g, the lift of a glider's equilibrium glide (10-30 m/s^2 in the catalog's threats,
 * src/scenario/build/tracker.ts). The battle manager and `raijin engage` plan lifting tracks with it.
 */
export const LIFTING_TARGET_ACCEL_MPS2 = 20;

/** Peak of Zarchan's single-lag step-manoeuvre miss 0.5 x^2 e^-x (at x = 2): 2 e^-2. */
export const SINGLE_LAG_PEAK_MISS = 2 * Math.exp(-2);

export interface ShotPkOptions {
  /** Kind of target the track is taken for (its nominal signature for a seeker); default "ballistic". */
  readonly targetKind?: VehicleKind;
  /** Target acceleration across the line of sight the guidance must follow, m/s^2; default 0. */
  readonly targetAccelerationMps2?: number;
  /**
   * The track's update interval, s; default 0 (a perfect track, or one updated continuously). A
   * command link sends the track extrapolated from its last update (gunShotDelivery.ts).
   */
  readonly trackUpdateIntervalS?: number;
  /**
   * The track's current error, [tr P_pp, tr P_pv, tr P_vv] of its whole filter (m^2, m^2/s, m^2/s^2);
   * default: the prediction's start state (TrackPrediction.startErrorTraces). A planner that predicts
   * with one mode of an IMM gives the whole filter's here: the link sends the whole filter's estimate.
   */
  readonly trackErrorTraces?: ArrayLike<number>;
}

export interface ShotPk {
  pk: number;
  /** Principal sigmas of the miss before guidance in the encounter plane, m. */
  sigma1M: number;
  sigma2M: number;
  /** Guided rounds: what they can correct, the probability they do, and the end-game sigma. */
  correctableRadiusM: number;
  pCorrect: number;
  endSigmaM: number;
  /** Homing time used, s (NaN: unguided). */
  homingTimeS: number;
}

const air = new Float64Array(4);
const C = new Float64Array(9);
const E1 = new Float64Array(3);
const E2 = new Float64Array(3);
const guidance: ShotGuidance = {
  lateralLimitMps2: NaN,
  timeConstantS: NaN,
  homingTimeS: NaN,
  guideSigmaM: NaN,
  preHomingSigmaM: NaN,
};

/**
 * Pk of the shot whose PIP is `sol` (outcome "intercept"), see the file comment; `delivery` is what
 * the weapon's rounds bring (a battery's `delivery`: gunShotDelivery.ts, interceptorShotDelivery.ts).
 */
export function shotKillProbability(
  delivery: ShotDelivery,
  sol: PipSolution,
  prediction: TrackPrediction,
  launcherEcefM: ArrayLike<number>,
  earth: FlightEarthModel,
  options: ShotPkOptions = {},
): ShotPk {
  const out: ShotPk = {
    pk: 0,
    sigma1M: NaN,
    sigma2M: NaN,
    correctableRadiusM: NaN,
    pCorrect: NaN,
    endSigmaM: NaN,
    homingTimeS: NaN,
  };
  finiteVec3Arg("shotKillProbability", "launcherEcefM", launcherEcefM);
  const nT = options.targetAccelerationMps2 ?? 0;
  if (!(nT >= 0 && Number.isFinite(nT)))
    throw new RangeError(
      `shotKillProbability: options.targetAccelerationMps2 must be a finite number >= 0, given ${nT}`,
    );
  const updateS = options.trackUpdateIntervalS ?? 0;
  if (!(updateS >= 0 && Number.isFinite(updateS)))
    throw new RangeError(
      `shotKillProbability: options.trackUpdateIntervalS must be a finite number >= 0, given ${updateS}`,
    );
  const traces = options.trackErrorTraces ?? prediction.startErrorTraces;
  if (
    traces.length !== 3 ||
    !(traces[0] >= 0 && traces[2] >= 0 && Number.isFinite(traces[0] + traces[1] + traces[2]))
  )
    throw new RangeError(
      `shotKillProbability: options.trackErrorTraces must be [tr P_pp >= 0, tr P_pv, tr P_vv >= 0], finite, given [${Array.from(traces).join(", ")}]`,
    );
  if (sol.outcome !== "intercept") return out;
  // Encounter plane basis.
  const rv = sol.roundVelEcefMps;
  const tv = sol.targetVelEcefMps;
  let nx = tv[0] - rv[0];
  let ny = tv[1] - rv[1];
  let nz = tv[2] - rv[2];
  const closing = Math.hypot(nx, ny, nz);
  nx /= closing;
  ny /= closing;
  nz /= closing;
  planeBasis(nx, ny, nz);
  // Track covariance at the intercept, plus the round's own delivery error.
  if (!prediction.covarianceAt(sol.interceptTimeS, C)) C.fill(0);
  delivery.addDeliveryCovariance(sol, launcherEcefM, C);
  const [s1, s2] = projectedSigmas(C);
  out.sigma1M = s1;
  out.sigma2M = s2;
  const lethality = delivery.lethality;
  // Lateral limit at the PIP: the dynamic pressure there.
  earth.atmosphereInto(Math.max(0, Math.min(sol.altM, 1e6)), air);
  const q = 0.5 * air[2] * sol.arrivalSpeedMps * sol.arrivalSpeedMps;
  // A delivery that does not re-aim its rounds in flight leaves this unset (not a previous call's).
  guidance.preHomingSigmaM = NaN;
  const guided = delivery.guidanceInto(
    {
      solution: sol,
      prediction,
      earth,
      dynamicPressurePa: q,
      closingSpeedMps: closing,
      targetAccelerationMps2: nT,
      targetKind: options.targetKind ?? "ballistic",
      trackUpdateIntervalS: updateS,
      trackErrorTraces: traces,
    },
    guidance,
  );
  if (!guided) {
    out.pk = expectedKillProbability(lethality, s1, s2);
    return out;
  }
  const homing = guidance.homingTimeS;
  const lagS = guidance.timeConstantS;
  out.homingTimeS = homing;
  out.correctableRadiusM = 0.5 * guidance.lateralLimitMps2 * homing * homing;
  const pre = guidance.preHomingSigmaM;
  const sc = pre === pre ? pre : Math.sqrt(s1 * s2);
  out.pCorrect =
    sc === 0 ? 1 : -Math.expm1((-0.5 * out.correctableRadiusM * out.correctableRadiusM) / (sc * sc));
  const manoeuvre = SINGLE_LAG_PEAK_MISS * nT * lagS * lagS;
  out.endSigmaM = Math.hypot(guidance.guideSigmaM, manoeuvre);
  out.pk = out.pCorrect * expectedKillProbability(lethality, out.endSigmaM);
  return out;
}

/** Two unit vectors spanning the plane normal to (nx, ny, nz), into E1, E2. */
function planeBasis(nx: number, ny: number, nz: number): void {
  const ax = Math.abs(nx);
  const ay = Math.abs(ny);
  const az = Math.abs(nz);
  if (ax <= ay && ax <= az) E1.set([0, nz, -ny]);
  else if (ay <= az) E1.set([-nz, 0, nx]);
  else E1.set([ny, -nx, 0]);
  const m = Math.hypot(E1[0], E1[1], E1[2]);
  E1[0] /= m;
  E1[1] /= m;
  E1[2] /= m;
  E2[0] = ny * E1[2] - nz * E1[1];
  E2[1] = nz * E1[0] - nx * E1[2];
  E2[2] = nx * E1[1] - ny * E1[0];
}

/** Principal standard deviations of C (3 x 3) projected on span(E1, E2). */
function projectedSigmas(c: Float64Array): [number, number] {
  const q = (a: Float64Array, b: Float64Array) => {
    let s = 0;
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) s += a[i] * c[3 * i + j] * b[j];
    return s;
  };
  const a = q(E1, E1);
  const b = q(E1, E2);
  const d = q(E2, E2);
  const mean = 0.5 * (a + d);
  const r = Math.sqrt(0.25 * (a - d) * (a - d) + b * b);
  return [Math.sqrt(Math.max(0, mean + r)), Math.sqrt(Math.max(0, mean - r))];
}
