/**
 * Predicted impact point and time of a track, with their uncertainty, by the unscented transform
 * (Julier and Uhlmann 1997): the sigma points of the track's position, velocity and inverse ballistic
 * coefficient are flown with the ballistic model (gravity, Earth rotation, drag; ballistic.ts, on the
 * model's Earth: the scenario's shape and switches) until each crosses altitude zero; the crossing is
 * located by bisection on the last step to 1 ms. The impact time is the weighted mean and spread of
 * the crossing times; the impact point is the weighted mean of the crossing points projected onto the
 * Earth's surface, with its covariance in the local east-north plane at that mean point.
 *
 * What is left out: process noise after the last update (the prediction is as good as the track and
 * the model; a manoeuvring glider is not ballistic: see ./motion.ts for the check that flags it and
 * ./footprint.ts for what to use instead), and the altitude of the ground (impact is at the surface of
 * the Earth model). Sigma points that do not come down within `maxTimeS` make the prediction null.
 *
 * Never silently wrong, never fatal: bad arguments throw a RangeError naming them; a covariance that
 * is asymmetric or indefinite (round-off, an ill-conditioned track) is repaired to the nearest
 * positive-definite matrix (./covarianceRepair.ts) and the result is flagged and marked unreliable,
 * so one track's prediction cannot end a run (project issue 12).
 */
import { enuRotationInto } from "../../earth/enu.js";
import type { EarthModel } from "../../earth/model.js";
import { cholesky } from "../../math/matrix.js";
import { BallisticModel } from "../models/transition/ballistic.js";
import type { GaussianState } from "../types.js";
import { checkCovariance } from "./covarianceRepair.js";

/**
 * Why a prediction should not be trusted as it stands:
 * - covariance-repaired: the track's covariance was indefinite and was repaired (see the file comment);
 * - negative-drag: the track's mean inverse ballistic coefficient is negative (not physical; the
 *   sigma points fly with it clipped at zero);
 * - not-ballistic: the caller's motion check (./motion.ts) says the target is lifting or manoeuvring.
 */
export type ImpactFlag = "covariance-repaired" | "negative-drag" | "not-ballistic";

export interface ImpactPrediction {
  /** Mean impact time (simulation time, s) and its standard deviation. */
  timeS: number;
  timeSigmaS: number;
  latDeg: number;
  lonDeg: number;
  /** Mean impact point on the ellipsoid, ECEF (m). */
  positionEcefM: Float64Array;
  /** 2 x 2 covariance (east, north) of the impact point at the mean point, m^2. */
  covarianceEnM2: Float64Array;
  /** Standard deviations of the impact point along the ellipse's axes, m (major first), and the
   *  major axis's azimuth from north, degrees. */
  majorSigmaM: number;
  minorSigmaM: number;
  majorAzimuthDeg: number;
  /** False when any flag is raised: the point is drawn, but no decision should rest on it alone. */
  reliable: boolean;
  flags: ImpactFlag[];
}

export interface ImpactOptions {
  /** The ballistic model to fly (default: one on `earth`, or WGS-84, J2, rotation, USSA 1976 drag). */
  model?: BallisticModel;
  /** The Earth to fly over when no model is given (the scenario's; see ballistic.ts). */
  earth?: EarthModel;
  /** The target is known not to fly ballistic (e.g. from assessTrackMotion, ./motion.ts): the
   *  prediction is flagged "not-ballistic" and unreliable. */
  notBallistic?: boolean;
  /** Index of kappa (1/beta) in the state, if it has one; default 6 for 7-component states, else the
   *  model's prior mean and variance are used. */
  kappaIndex?: number;
  /** Integration step between altitude checks, s; default 2. */
  stepS?: number;
  /** Give up after this flight time, s; default 3600. */
  maxTimeS?: number;
  /** Unscented-transform parameters (defaults 1, 2, 0: non-negative weights). */
  alpha?: number;
  beta?: number;
  kappa?: number;
}

/** Impact of one state x (7): time after x (s) and ECEF point into out, or null if it does not come
 *  down within maxTimeS. */
function flyToGround(
  model: BallisticModel,
  x0: Float64Array,
  stepS: number,
  maxTimeS: number,
  out: Float64Array,
): number | null {
  const x = Float64Array.from(x0);
  const next = new Float64Array(7);
  let t = 0;
  if (model.altitudeM(x) <= 0) {
    out.set(x.subarray(0, 3));
    return 0;
  }
  while (t < maxTimeS) {
    model.fInto(x, stepS, next);
    if (model.altitudeM(next) <= 0) {
      // Bisection on the step for the altitude-zero crossing.
      let lo = 0;
      let hi = stepS;
      const trial = new Float64Array(7);
      for (let it = 0; it < 40 && hi - lo > 1e-3; it++) {
        const mid = 0.5 * (lo + hi);
        model.fInto(x, mid, trial);
        if (model.altitudeM(trial) > 0) lo = mid;
        else hi = mid;
      }
      model.fInto(x, hi, trial);
      out.set(trial.subarray(0, 3));
      return t + hi;
    }
    x.set(next);
    t += stepS;
  }
  return null;
}

function finiteOption(name: string, v: number | undefined, test: (v: number) => boolean, what: string) {
  if (v !== undefined && !(Number.isFinite(v) && test(v))) {
    throw new RangeError(`predictImpact: ${name} must be ${what}, got ${v}`);
  }
}

/** Checks the arguments of predictImpact; throws RangeError naming the bad one. */
function checkArguments(state: GaussianState, options: ImpactOptions): void {
  finiteOption("options.stepS", options.stepS, (v) => v > 0, "a finite number > 0 s");
  finiteOption("options.maxTimeS", options.maxTimeS, (v) => v > 0, "a finite number > 0 s");
  finiteOption("options.alpha", options.alpha, (v) => v > 0, "finite and > 0");
  finiteOption("options.beta", options.beta, () => true, "finite");
  finiteOption("options.kappa", options.kappa, (v) => v > -7, "finite and > -7 (n + kappa > 0)");
  if (state === null || typeof state !== "object") throw new RangeError("predictImpact: state is required");
  const N = state.x?.length ?? 0;
  if (N < 6) throw new RangeError(`predictImpact: state.x needs at least 6 components, got ${N}`);
  if (state.P?.length !== N * N) {
    throw new RangeError(`predictImpact: state.P must be ${N} x ${N}, got ${state.P?.length} entries`);
  }
  if (!Number.isFinite(state.timeS)) throw new RangeError(`predictImpact: state.timeS is not finite`);
  for (let i = 0; i < N; i++) {
    if (!Number.isFinite(state.x[i])) throw new RangeError(`predictImpact: state.x[${i}] is not finite`);
  }
  const ki = options.kappaIndex;
  if (ki !== undefined && !(Number.isInteger(ki) && ki >= -1 && ki < N && (ki < 0 || ki >= 6))) {
    throw new RangeError(
      `predictImpact: options.kappaIndex must be -1 or an index from 6 to ${N - 1}, got ${ki}`,
    );
  }
}

/**
 * Predicted impact of a track state (position and velocity in x[0..5], ECEF). Null when the state
 * does not come down within maxTimeS. Throws RangeError on bad arguments (see the file comment); an
 * indefinite covariance gives a flagged, unreliable prediction instead of an exception.
 */
export function predictImpact(state: GaussianState, options: ImpactOptions = {}): ImpactPrediction | null {
  checkArguments(state, options);
  const model = options.model ?? new BallisticModel(options.earth ? { earth: options.earth } : {});
  const earth = model.earth;
  const stepS = options.stepS ?? 2;
  const maxTimeS = options.maxTimeS ?? 3600;
  const flags: ImpactFlag[] = [];
  if (options.notBallistic === true) flags.push("not-ballistic");
  const n = 7;
  const N = state.x.length;
  // 7-component mean and covariance.
  const x = new Float64Array(n);
  const P = new Float64Array(n * n);
  for (let i = 0; i < 6; i++) {
    x[i] = state.x[i];
    for (let j = 0; j < 6; j++) P[i * n + j] = state.P[i * N + j];
  }
  const ki = options.kappaIndex ?? (N === 7 ? 6 : -1);
  if (ki >= 0) {
    x[6] = state.x[ki];
    P[48] = state.P[ki * N + ki];
    for (let i = 0; i < 6; i++) {
      P[i * n + 6] = state.P[i * N + ki];
      P[6 * n + i] = state.P[ki * N + i];
    }
  } else {
    x[6] = model.extraPriorMean[0];
    P[48] = model.extraPriorVariance[0];
  }
  if (x[6] < 0) flags.push("negative-drag");
  const checked = checkCovariance(P, n, "predictImpact: state.P");
  if (checked.repaired) flags.push("covariance-repaired");
  // Sigma points and weights (scaled unscented transform).
  const alpha = options.alpha ?? 1;
  const beta = options.beta ?? 2;
  const kap = options.kappa ?? 0;
  const lambda = alpha * alpha * (n + kap) - n;
  const c = n + lambda;
  const L = cholesky(new Float64Array(n * n), checked.P, n, "track covariance P");
  const np = 2 * n + 1;
  const wm = new Float64Array(np).fill(1 / (2 * c));
  const wc = new Float64Array(np).fill(1 / (2 * c));
  wm[0] = lambda / c;
  wc[0] = lambda / c + 1 - alpha * alpha + beta;
  const sc = Math.sqrt(c);
  const times = new Float64Array(np);
  const points = new Float64Array(np * 3);
  const sp = new Float64Array(n);
  const hit = new Float64Array(3);
  for (let k = 0; k < np; k++) {
    const col = k === 0 ? -1 : (k - 1) % n;
    const sign = k === 0 ? 0 : k <= n ? 1 : -1;
    for (let j = 0; j < n; j++) sp[j] = x[j] + (sign !== 0 ? sign * sc * L[j * n + col] : 0);
    if (sp[6] < 0) sp[6] = 0; // a negative drag coefficient is not physical
    const dt = flyToGround(model, sp, stepS, maxTimeS, hit);
    if (dt === null) return null;
    times[k] = state.timeS + dt;
    points.set(hit, k * 3);
  }
  // Time statistics.
  let tMean = 0;
  for (let k = 0; k < np; k++) tMean += wm[k] * times[k];
  let tVar = 0;
  for (let k = 0; k < np; k++) tVar += wc[k] * (times[k] - tMean) ** 2;
  // Mean point, projected onto the Earth's surface.
  const pm = new Float64Array(3);
  for (let k = 0; k < np; k++) for (let i = 0; i < 3; i++) pm[i] += wm[k] * points[k * 3 + i];
  const geo = earth.geodeticInto(pm, new Float64Array(3));
  const rot = enuRotationInto(geo[0], geo[1], new Float64Array(9));
  // Put the mean on the ellipsoid: remove its height along the normal (the Up row).
  const up = [rot[6], rot[7], rot[8]];
  for (let i = 0; i < 3; i++) pm[i] -= geo[2] * up[i];
  // East-north covariance.
  const C = new Float64Array(4);
  for (let k = 0; k < np; k++) {
    const d = [0, 1, 2].map((i) => points[k * 3 + i] - pm[i]);
    const e = rot[0] * d[0] + rot[1] * d[1] + rot[2] * d[2];
    const nn = rot[3] * d[0] + rot[4] * d[1] + rot[5] * d[2];
    C[0] += wc[k] * e * e;
    C[1] += wc[k] * e * nn;
    C[3] += wc[k] * nn * nn;
  }
  C[2] = C[1];
  // Ellipse axes: eigenvalues of the 2 x 2 covariance.
  const tr = C[0] + C[3];
  const det = C[0] * C[3] - C[1] * C[1];
  const disc = Math.sqrt(Math.max(0, (tr * tr) / 4 - det));
  const l1 = tr / 2 + disc;
  const l2 = Math.max(0, tr / 2 - disc);
  // Major axis direction (east, north) and its azimuth from north.
  const ang = 0.5 * Math.atan2(2 * C[1], C[0] - C[3]); // from east towards north
  const azDeg = (((90 - (ang * 180) / Math.PI) % 180) + 180) % 180;
  return {
    timeS: tMean,
    timeSigmaS: Math.sqrt(Math.max(0, tVar)),
    latDeg: (geo[0] * 180) / Math.PI,
    lonDeg: (geo[1] * 180) / Math.PI,
    positionEcefM: pm,
    covarianceEnM2: C,
    majorSigmaM: Math.sqrt(l1),
    minorSigmaM: Math.sqrt(l2),
    majorAzimuthDeg: azDeg,
    reliable: flags.length === 0,
    flags,
  };
}
