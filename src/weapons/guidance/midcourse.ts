/**
 * Midcourse guidance of an interceptor to the predicted intercept point, re-solved at each track update
 * from the missile's own state: the intercept time t_i satisfies
 *   t_i - t = |p_T(t_i) - r_M(t)| / v_avg,
 * p_T the track's prediction, r_M the missile's position now and v_avg the speed it will average to the
 * intercept (the larger of its speed now and the speed the fire control planned at the intercept: in
 * boost it will be faster, after burnout it keeps slowing, so this is a planning value the updates
 * correct). Newton's method from the previous solution, with the target's predicted velocity in the
 * derivative; it converges while the target's speed along the line of sight is below v_avg. The guidance law
 * then steers to the PIP as a point at rest: proportional navigation against a fixed aim point
 * (zero-effort-miss steering), so the missile flies the collision course the updates keep current.
 */
import type { TrackPrediction } from "../fireControl/trackPrediction.js";

/**
 * Handover from midcourse to the seeker's terminal homing: no sooner than this before the planned
 * intercept, s [N]. A seeker may see a target much farther out (a boosting missile's plume from 430 km
 * in the reference raid), but proportional navigation over minutes reads gravity's curvature of both
 * paths as a line-of-sight rate: a GPI handed over 115 s out against the reference raid's depressed
 * SRBM, perfect track, spent 4,500 m/s of divert and passed 16-20 km above it; handed over 20 s out it
 * hits (0.03-0.06 m). Until then the midcourse law, re-aimed on the track, flies the collision course.
 */
export const TERMINAL_HANDOVER_S = 20;

export interface MidcourseSolution {
  interceptTimeS: number;
  readonly pipEcefM: Float64Array;
  readonly targetVelEcefMps: Float64Array;
  /** Whether the iteration converged inside the prediction. */
  converged: boolean;
}

export function createMidcourseSolution(): MidcourseSolution {
  return {
    interceptTimeS: NaN,
    pipEcefM: new Float64Array(3),
    targetVelEcefMps: new Float64Array(3),
    converged: false,
  };
}

/**
 * Re-solves the PIP at tS for a missile at `missilePosEcefM` averaging `speedMps`, starting from
 * `guessS` (a previous intercept time, or NaN). Writes into `out`.
 */
export function midcoursePip(
  prediction: TrackPrediction,
  missilePosEcefM: ArrayLike<number>,
  speedMps: number,
  tS: number,
  guessS: number,
  out: MidcourseSolution,
  toleranceS = 1e-3,
): MidcourseSolution {
  if (!(speedMps > 0)) throw new RangeError(`midcoursePip: speedMps must be > 0, given ${speedMps}`);
  let ti = guessS === guessS && guessS > tS ? guessS : tS;
  const end = Math.min(prediction.endS, prediction.groundS);
  out.converged = false;
  // Newton on h(t) = t - tS - |p_T(t) - r_M| / v, h'(t) = 1 - (d_hat . v_T) / v (> 0 while the target's
  // speed along the line of sight is below v); steps are kept within the prediction.
  for (let it = 0; it < 30; it++) {
    const tc = Math.min(Math.max(ti, prediction.t0S), end);
    if (!prediction.stateAt(tc, out.pipEcefM, out.targetVelEcefMps)) break;
    const dx = out.pipEcefM[0] - missilePosEcefM[0];
    const dy = out.pipEcefM[1] - missilePosEcefM[1];
    const dz = out.pipEcefM[2] - missilePosEcefM[2];
    const d = Math.hypot(dx, dy, dz);
    const v = out.targetVelEcefMps;
    const h = tc - tS - d / speedMps;
    const slope = d > 0 ? 1 - (dx * v[0] + dy * v[1] + dz * v[2]) / (d * speedMps) : 1;
    const next = slope > 0.05 ? tc - h / slope : tS + d / speedMps;
    const done = Math.abs(next - tc) < toleranceS;
    ti = next;
    if (done) {
      out.converged = ti <= end && ti >= prediction.t0S;
      break;
    }
  }
  out.interceptTimeS = ti;
  if (out.converged) prediction.stateAt(ti, out.pipEcefM, out.targetVelEcefMps);
  return out;
}
