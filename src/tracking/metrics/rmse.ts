import { finiteArrayArg } from "../../math/check.js";

/**
 * Root-mean-square errors of position and velocity (components 0..2 and 3..5 of ECEF states).
 * Accumulate samples with `RmseAccumulator`, or call `positionVelocityRmse` on arrays.
 */

export class RmseAccumulator {
  private sumPos2 = 0;
  private sumVel2 = 0;
  private n = 0;

  /** Adds one estimate-truth pair (estimate x, true position and velocity). */
  add(x: ArrayLike<number>, truePos: ArrayLike<number>, trueVel?: ArrayLike<number>): void {
    finiteArrayArg("RmseAccumulator.add", "x", x, trueVel ? 6 : 3);
    finiteArrayArg("RmseAccumulator.add", "truePos", truePos, 3);
    if (trueVel) finiteArrayArg("RmseAccumulator.add", "trueVel", trueVel, 3);
    for (let i = 0; i < 3; i++) {
      const dp = x[i] - truePos[i];
      this.sumPos2 += dp * dp;
      if (trueVel) {
        const dv = x[3 + i] - trueVel[i];
        this.sumVel2 += dv * dv;
      }
    }
    this.n++;
  }

  get count(): number {
    return this.n;
  }

  /** sqrt(mean |p - p_true|^2), m (NaN without samples). */
  get positionM(): number {
    return this.n > 0 ? Math.sqrt(this.sumPos2 / this.n) : Number.NaN;
  }

  /** sqrt(mean |v - v_true|^2), m/s (NaN without samples or without true velocities). */
  get velocityMps(): number {
    return this.n > 0 ? Math.sqrt(this.sumVel2 / this.n) : Number.NaN;
  }
}

/** Position and velocity RMSE of matching arrays of estimates and truths ([p, v, ...] each). */
export function positionVelocityRmse(
  estimates: readonly ArrayLike<number>[],
  truths: readonly ArrayLike<number>[],
): { positionM: number; velocityMps: number } {
  if (estimates.length !== truths.length) throw new RangeError("rmse: arrays differ in length");
  const acc = new RmseAccumulator();
  for (let k = 0; k < estimates.length; k++) {
    const t = truths[k];
    finiteArrayArg("positionVelocityRmse", `estimates[${k}]`, estimates[k], 6);
    finiteArrayArg("positionVelocityRmse", `truths[${k}]`, t, 6);
    acc.add(estimates[k], [t[0], t[1], t[2]], [t[3], t[4], t[5]]);
  }
  return { positionM: acc.positionM, velocityMps: acc.velocityMps };
}
