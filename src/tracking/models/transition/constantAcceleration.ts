/**
 * Nearly constant acceleration model (Wiener-process acceleration, continuous white jerk) in 3-D,
 * state [p, v, a] (m, m/s, m/s^2), 9 components. Per axis (Bar-Shalom, Li and Kirubarajan 2001,
 * section 6.2.3): F = [[1, dt, dt^2/2], [0, 1, dt], [0, 0, 1]] and
 * Q = q [[dt^5/20, dt^4/8, dt^3/6], [dt^4/8, dt^3/3, dt^2/2], [dt^3/6, dt^2/2, dt]],
 * q being the jerk power spectral density (m^2/s^5).
 */
import { nonNegativeArg } from "../../../math/check.js";
import type { LinearTransitionModel } from "../../types.js";
import { STATE_NAMES } from "../../types.js";
import { AxisBlockModel } from "./kinematic.js";

export interface ConstantAccelerationOptions {
  /** Jerk power spectral density q, m^2/s^5; default 1. */
  psdM2S5?: number;
  /** Prior standard deviation of each acceleration component when a track starts, m/s^2; default 50. */
  initialAccelSigmaMps2?: number;
}

export class ConstantAccelerationModel extends AxisBlockModel implements LinearTransitionModel {
  readonly ndim = 9;
  readonly stateNames: readonly string[] = [
    ...STATE_NAMES.position,
    ...STATE_NAMES.velocity,
    ...STATE_NAMES.acceleration,
  ];
  readonly extraPriorMean: readonly number[] = [0, 0, 0];
  readonly extraPriorVariance: readonly number[];
  readonly psdM2S5: number;

  constructor(options: ConstantAccelerationOptions = {}) {
    super(3);
    this.psdM2S5 = nonNegativeArg("ConstantAccelerationModel", "options.psdM2S5", options.psdM2S5 ?? 1);
    // 50 m/s^2 (about 5 g): a notional prior for a manoeuvring hypersonic target.
    const s = nonNegativeArg(
      "ConstantAccelerationModel",
      "options.initialAccelSigmaMps2",
      options.initialAccelSigmaMps2 ?? 50,
    );
    this.extraPriorVariance = [s * s, s * s, s * s];
  }

  protected fBlockInto(dtS: number, b: Float64Array): void {
    b.fill(0);
    b[0] = 1;
    b[1] = dtS;
    b[2] = 0.5 * dtS * dtS;
    b[4] = 1;
    b[5] = dtS;
    b[8] = 1;
  }

  protected qBlockInto(dtS: number, b: Float64Array): void {
    const q = this.psdM2S5;
    const t2 = dtS * dtS;
    const t3 = t2 * dtS;
    b[0] = (q * t3 * t2) / 20;
    b[1] = (q * t2 * t2) / 8;
    b[2] = (q * t3) / 6;
    b[4] = (q * t3) / 3;
    b[5] = (q * t2) / 2;
    b[8] = q * dtS;
    b[3] = b[1];
    b[6] = b[2];
    b[7] = b[5];
  }
}

export function constantAccelerationModel(
  options: ConstantAccelerationOptions = {},
): ConstantAccelerationModel {
  return new ConstantAccelerationModel(options);
}
