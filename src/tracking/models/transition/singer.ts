/**
 * Singer manoeuvre model (R. A. Singer, "Estimating optimal tracking filter performance for manned
 * maneuvering targets", IEEE Trans. AES-6(4), 1970): per axis the acceleration is a first-order
 * Gauss-Markov process with time constant tau (alpha = 1/tau) and variance sigma_m^2, state [p, v, a].
 * Per axis, with u = alpha dt:
 *   F = [[1, dt, (u - 1 + e^-u)/alpha^2], [0, 1, (1 - e^-u)/alpha], [0, 0, e^-u]],
 *   Q = 2 alpha sigma_m^2 * integral_0^dt g(s) g(s)^T ds,  g(s) = last column of F(s).
 * The closed form of Q (Singer 1970) cancels catastrophically for small alpha dt, so Q is
 * integrated here with Gauss-Legendre quadrature on panels no wider than 2 tau (the integrand is then
 * a polynomial times a slowly varying exponential, integrated to round-off by 8 nodes); the tests
 * check it against the closed form where that is well conditioned, and against the constant
 * acceleration model's Q as alpha -> 0.
 */
import { nonNegativeArg, positiveArg } from "../../../math/check.js";
import type { LinearTransitionModel } from "../../types.js";
import { STATE_NAMES } from "../../types.js";
import { AxisBlockModel } from "./kinematic.js";

export interface SingerOptions {
  /** Manoeuvre time constant tau, s (Singer suggests about 60 s for a lazy turn, 10-20 s for evasive). */
  timeConstantS: number;
  /** Standard deviation of the target acceleration, m/s^2. */
  accelSigmaMps2: number;
}

// 8-point Gauss-Legendre nodes and weights on [-1, 1] (Abramowitz and Stegun, table 25.4).
const GL_X = [0.1834346424956498, 0.525532409916329, 0.7966664774136267, 0.9602898564975363];
const GL_W = [0.362683783378362, 0.3137066458778873, 0.2223810344533745, 0.1012285362903763];

/** (1 - e^-u)/u, with its Taylor series near 0 where the quotient loses digits. */
function phi1(u: number): number {
  if (Math.abs(u) < 1e-4) return 1 - u / 2 + (u * u) / 6;
  return -Math.expm1(-u) / u;
}

/** (u - 1 + e^-u)/u^2, with its Taylor series near 0. */
function phi2(u: number): number {
  if (Math.abs(u) < 1e-3) return 0.5 - u / 6 + (u * u) / 24 - (u * u * u) / 120;
  return (u + Math.expm1(-u)) / (u * u);
}

export class SingerModel extends AxisBlockModel implements LinearTransitionModel {
  readonly ndim = 9;
  readonly stateNames: readonly string[] = [
    ...STATE_NAMES.position,
    ...STATE_NAMES.velocity,
    ...STATE_NAMES.acceleration,
  ];
  readonly extraPriorMean: readonly number[] = [0, 0, 0];
  readonly extraPriorVariance: readonly number[];
  readonly alphaPerS: number;
  readonly accelVarianceM2S4: number;

  constructor(options: SingerOptions) {
    super(3);
    positiveArg("SingerModel", "options.timeConstantS", options?.timeConstantS);
    nonNegativeArg("SingerModel", "options.accelSigmaMps2", options?.accelSigmaMps2);
    this.alphaPerS = 1 / options.timeConstantS;
    this.accelVarianceM2S4 = options.accelSigmaMps2 * options.accelSigmaMps2;
    // The stationary acceleration variance of the Gauss-Markov process is the natural prior.
    const v = this.accelVarianceM2S4;
    this.extraPriorVariance = [v, v, v];
  }

  protected fBlockInto(dtS: number, b: Float64Array): void {
    const a = this.alphaPerS;
    const u = a * dtS;
    b.fill(0);
    b[0] = 1;
    b[1] = dtS;
    b[2] = dtS * dtS * phi2(u);
    b[4] = 1;
    b[5] = dtS * phi1(u);
    b[8] = Math.exp(-u);
  }

  protected qBlockInto(dtS: number, b: Float64Array): void {
    const a = this.alphaPerS;
    b.fill(0);
    const panels = Math.max(1, Math.ceil((a * Math.abs(dtS)) / 2));
    const h = dtS / panels;
    for (let p = 0; p < panels; p++) {
      const mid = (p + 0.5) * h;
      for (let k = 0; k < 8; k++) {
        const node = k < 4 ? GL_X[k] : -GL_X[k - 4];
        const w = GL_W[k < 4 ? k : k - 4] * 0.5 * h;
        const s = mid + 0.5 * h * node;
        const u = a * s;
        const g0 = s * s * phi2(u);
        const g1 = s * phi1(u);
        const g2 = Math.exp(-u);
        b[0] += w * g0 * g0;
        b[1] += w * g0 * g1;
        b[2] += w * g0 * g2;
        b[4] += w * g1 * g1;
        b[5] += w * g1 * g2;
        b[8] += w * g2 * g2;
      }
    }
    const c = 2 * a * this.accelVarianceM2S4;
    b[0] *= c;
    b[1] *= c;
    b[2] *= c;
    b[4] *= c;
    b[5] *= c;
    b[8] *= c;
    b[3] = b[1];
    b[6] = b[2];
    b[7] = b[5];
  }
}

export function singerModel(options: SingerOptions): SingerModel {
  return new SingerModel(options);
}
