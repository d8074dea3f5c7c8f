/**
 * Nearly constant velocity (NCV) model in 3-D, state [px, py, pz, vx, vy, vz] (m, m/s), per axis
 * F = [[1, dt], [0, 1]]. Two process-noise forms (Bar-Shalom, Li and Kirubarajan, Estimation with
 * Applications to Tracking and Navigation, 2001, chapter 6):
 * - "continuous" white-noise acceleration (CWNA, section 6.2.2) with power spectral density q
 *   (m^2/s^3): Q = q [[dt^3/3, dt^2/2], [dt^2/2, dt]] (Stone Soup's ConstantVelocity);
 * - "piecewise" constant white acceleration (DWNA, section 6.3.2) with standard deviation sigma_a
 *   (m/s^2): Q = sigma_a^2 [[dt^4/4, dt^3/2], [dt^3/2, dt^2]] (the model behind Kalata's alpha-beta
 *   tracking index).
 * In ECEF this model ignores gravity and the fictitious forces of the rotating frame: the process noise
 * must absorb them (or use the ballistic model).
 */
import { nonNegativeArg } from "../../../math/check.js";
import type { LinearTransitionModel } from "../../types.js";
import { STATE_NAMES } from "../../types.js";
import { AxisBlockModel } from "./kinematic.js";

export interface ConstantVelocityOptions {
  /** Continuous white-acceleration power spectral density q, m^2/s^3 (CWNA); default 1. */
  psdM2S3?: number;
  /** Standard deviation of the piecewise-constant acceleration, m/s^2 (DWNA); overrides psdM2S3. */
  accelSigmaMps2?: number;
}

export class ConstantVelocityModel extends AxisBlockModel implements LinearTransitionModel {
  readonly ndim = 6;
  readonly stateNames: readonly string[] = [...STATE_NAMES.position, ...STATE_NAMES.velocity];
  readonly noise: "continuous" | "piecewise";
  /** q (m^2/s^3) for "continuous", sigma_a^2 (m^2/s^4) for "piecewise". */
  readonly intensity: number;

  constructor(options: ConstantVelocityOptions = {}) {
    super(2);
    if (options.accelSigmaMps2 !== undefined)
      nonNegativeArg("ConstantVelocityModel", "options.accelSigmaMps2", options.accelSigmaMps2);
    if (options.psdM2S3 !== undefined)
      nonNegativeArg("ConstantVelocityModel", "options.psdM2S3", options.psdM2S3);
    if (options.accelSigmaMps2 !== undefined) {
      this.noise = "piecewise";
      this.intensity = options.accelSigmaMps2 * options.accelSigmaMps2;
    } else {
      this.noise = "continuous";
      this.intensity = options.psdM2S3 ?? 1;
    }
  }

  protected fBlockInto(dtS: number, b: Float64Array): void {
    b[0] = 1;
    b[1] = dtS;
    b[2] = 0;
    b[3] = 1;
  }

  protected qBlockInto(dtS: number, b: Float64Array): void {
    const q = this.intensity;
    const dt2 = dtS * dtS;
    if (this.noise === "continuous") {
      b[0] = (q * dt2 * dtS) / 3;
      b[1] = (q * dt2) / 2;
      b[3] = q * dtS;
    } else {
      b[0] = (q * dt2 * dt2) / 4;
      b[1] = (q * dt2 * dtS) / 2;
      b[3] = q * dt2;
    }
    b[2] = b[1];
  }
}

/** A nearly-constant-velocity transition model (see ConstantVelocityModel). */
export function constantVelocityModel(options: ConstantVelocityOptions = {}): ConstantVelocityModel {
  return new ConstantVelocityModel(options);
}
