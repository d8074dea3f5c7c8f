/**
 * Classical fixed-step fourth-order Runge-Kutta (Kutta 1901; Hairer-Nørsett-Wanner I, Table II.1.2,
 * "the" Runge-Kutta method). Allocation-free: stage buffers are allocated once per instance.
 *
 * API:
 *   const rk = new Rk4(dim);
 *   rk.step(rhs, tS, y, hS, out = y)            one step: out = y(tS + hS) (out may alias y)
 *   rk.integrate(rhs, t0S, y, tEndS, hMaxS, onStep?)  y in: initial, out: final; returns the number
 *     of steps. The span is cut into n = ceil(|tEndS - t0S| / hMaxS) equal steps, so the last step
 *     lands exactly on tEndS (when the span is a multiple of hMaxS, the step is exactly hMaxS).
 *     onStep(tS, y) is called after each step with the state (read-only during the call).
 *   rk.rhsEvaluations counts evaluations since construction (4 per step).
 */
import type { OdeRhs } from "./types.js";

export type Rk4StepCallback = (tS: number, y: Float64Array) => void;

export class Rk4 {
  readonly dim: number;
  /** Right-hand-side evaluations since construction. */
  rhsEvaluations = 0;
  private readonly k1: Float64Array;
  private readonly k2: Float64Array;
  private readonly k3: Float64Array;
  private readonly k4: Float64Array;
  private readonly ys: Float64Array;

  constructor(dim: number) {
    if (!Number.isInteger(dim) || dim < 1) throw new RangeError(`Rk4: bad dimension ${dim}`);
    this.dim = dim;
    this.k1 = new Float64Array(dim);
    this.k2 = new Float64Array(dim);
    this.k3 = new Float64Array(dim);
    this.k4 = new Float64Array(dim);
    this.ys = new Float64Array(dim);
  }

  /** One RK4 step of size hS from (tS, y); writes the new state into `out` (may alias y). */
  step(rhs: OdeRhs, tS: number, y: Float64Array, hS: number, out: Float64Array = y): Float64Array {
    const n = this.dim;
    const { k1, k2, k3, k4, ys } = this;
    const h2 = 0.5 * hS;
    rhs(tS, y, k1);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h2 * k1[i];
    rhs(tS + h2, ys, k2);
    for (let i = 0; i < n; i++) ys[i] = y[i] + h2 * k2[i];
    rhs(tS + h2, ys, k3);
    for (let i = 0; i < n; i++) ys[i] = y[i] + hS * k3[i];
    rhs(tS + hS, ys, k4);
    const h6 = hS / 6;
    for (let i = 0; i < n; i++) out[i] = y[i] + h6 * (k1[i] + 2 * (k2[i] + k3[i]) + k4[i]);
    this.rhsEvaluations += 4;
    return out;
  }

  /** Integrates from t0S to tEndS in equal steps no longer than hMaxS; returns the step count. */
  integrate(
    rhs: OdeRhs,
    t0S: number,
    y: Float64Array,
    tEndS: number,
    hMaxS: number,
    onStep?: Rk4StepCallback,
  ): number {
    if (y.length !== this.dim) throw new RangeError(`Rk4: state has ${y.length} entries, need ${this.dim}`);
    if (!(hMaxS > 0) || !Number.isFinite(t0S) || !Number.isFinite(tEndS)) {
      throw new RangeError(`Rk4: need finite times and hMaxS > 0 (got ${t0S}, ${tEndS}, ${hMaxS})`);
    }
    const span = tEndS - t0S;
    if (span === 0) return 0;
    // Small slack so that a span that is a multiple of hMaxS up to rounding is not given an extra step.
    const steps = Math.max(1, Math.ceil(Math.abs(span) / hMaxS - 1e-9));
    const h = span / steps;
    for (let k = 0; k < steps; k++) {
      const t = t0S + k * h;
      this.step(rhs, t, y, h, y);
      if (onStep !== undefined) onStep(k === steps - 1 ? tEndS : t0S + (k + 1) * h, y);
    }
    return steps;
  }
}
