/**
 * The IMM's state type, its lazily combined implementation and the Markov mode-transition matrix of a
 * continuous-time chain (see imm.ts).
 */
import type { GaussianState } from "../types.js";
import { carveFloat64 } from "./stateSlab.js";

/** The IMM's state: the combined estimate plus each mode's estimate and probability. */
export interface ImmState extends GaussianState {
  modes: GaussianState[];
  probabilities: Float64Array;
}

/**
 * The IMM state made by `ImmFilter.createState`: the combined x and P are computed from the modes when
 * first read after a predict or update (most predicted states are only ever used through their modes),
 * so the combination costs nothing unless someone looks.
 */
export class LazyImmState implements ImmState {
  modes: GaussianState[];
  probabilities: Float64Array;
  timeS: number;
  /** The combined estimate needs recomputing from the modes. */
  stale = false;
  private xBuf: Float64Array;
  private PBuf: Float64Array;
  constructor(
    private readonly owner: { combineNow(s: LazyImmState): void },
    n: number,
    modes: GaussianState[],
    probabilities: Float64Array,
    timeS: number,
  ) {
    this.xBuf = carveFloat64(n);
    this.PBuf = carveFloat64(n * n);
    this.modes = modes;
    this.probabilities = probabilities;
    this.timeS = timeS;
  }
  get x(): Float64Array {
    if (this.stale) this.owner.combineNow(this);
    return this.xBuf;
  }
  set x(v: Float64Array) {
    this.xBuf = v;
    this.stale = false;
  }
  get P(): Float64Array {
    if (this.stale) this.owner.combineNow(this);
    return this.PBuf;
  }
  set P(v: Float64Array) {
    this.PBuf = v;
    this.stale = false;
  }
  /** The buffers, without triggering the combination. */
  get rawX(): Float64Array {
    return this.xBuf;
  }
  get rawP(): Float64Array {
    return this.PBuf;
  }
}

/** p_ii = exp(-dt / tau_i), p_ij = (1 - p_ii) / (r - 1): a continuous-time chain sampled every dt. */
export function markovTransitionMatrixInto(
  sojournTimesS: readonly number[],
  dtS: number,
  out: Float64Array,
): Float64Array {
  const r = sojournTimesS.length;
  for (let i = 0; i < r; i++) {
    const stay = r === 1 ? 1 : Math.exp(-Math.max(dtS, 0) / sojournTimesS[i]);
    for (let j = 0; j < r; j++) out[i * r + j] = i === j ? stay : (1 - stay) / (r - 1);
  }
  return out;
}

/**
 * The trace of the velocity covariance (components 3-5) of a Gaussian state. For an IMM state whose
 * combined estimate has not been formed yet, it is taken from the modes without forming it: the
 * moment-matched trace sum_j mu_j [tr P_j,vv + |v_j - v|^2], v = sum_j mu_j v_j (every built-in mode
 * keeps velocity in components 3-5), the same value the combined covariance would give.
 */
export function velocityVarianceTrace(s: GaussianState): number {
  if (s instanceof LazyImmState && s.stale) {
    const mu = s.probabilities;
    let v0 = 0;
    let v1 = 0;
    let v2 = 0;
    for (let j = 0; j < s.modes.length; j++) {
      const x = s.modes[j].x;
      v0 += mu[j] * x[3];
      v1 += mu[j] * x[4];
      v2 += mu[j] * x[5];
    }
    let tr = 0;
    for (let j = 0; j < s.modes.length; j++) {
      const { x, P } = s.modes[j];
      const n = x.length;
      const d0 = x[3] - v0;
      const d1 = x[4] - v1;
      const d2 = x[5] - v2;
      tr += mu[j] * (P[3 * n + 3] + P[4 * n + 4] + P[5 * n + 5] + d0 * d0 + d1 * d1 + d2 * d2);
    }
    return tr;
  }
  const n = s.x.length;
  const P = s.P;
  return P[3 * n + 3] + P[4 * n + 4] + P[5 * n + 5];
}

/**
 * Position-velocity moments of a Gaussian state into out (length >= 9): the mean [p, v] in out[0..5]
 * and the traces of the position, position-velocity and velocity covariance blocks in out[6..8]. For
 * an IMM state whose combined estimate has not been formed, they come from the modes (moment
 * matching, as velocityVarianceTrace), which costs a fraction of forming the combination.
 */
export function positionVelocityMomentsInto(s: GaussianState, out: Float64Array): Float64Array {
  if (s instanceof LazyImmState && s.stale) {
    const mu = s.probabilities;
    const r = s.modes.length;
    for (let i = 0; i < 6; i++) {
      let m = 0;
      for (let j = 0; j < r; j++) m += mu[j] * s.modes[j].x[i];
      out[i] = m;
    }
    let pp = 0;
    let pv = 0;
    let vv = 0;
    for (let j = 0; j < r; j++) {
      const { x, P } = s.modes[j];
      const n = x.length;
      let a = 0;
      let b = 0;
      let c = 0;
      for (let i = 0; i < 3; i++) {
        const dp = x[i] - out[i];
        const dv = x[3 + i] - out[3 + i];
        a += P[i * n + i] + dp * dp;
        b += P[i * n + 3 + i] + dp * dv;
        c += P[(3 + i) * n + 3 + i] + dv * dv;
      }
      pp += mu[j] * a;
      pv += mu[j] * b;
      vv += mu[j] * c;
    }
    out[6] = pp;
    out[7] = pv;
    out[8] = vv;
    return out;
  }
  const { x, P } = s;
  const n = x.length;
  for (let i = 0; i < 6; i++) out[i] = x[i];
  let pp = 0;
  let pv = 0;
  let vv = 0;
  for (let i = 0; i < 3; i++) {
    pp += P[i * n + i];
    pv += P[i * n + 3 + i];
    vv += P[(3 + i) * n + 3 + i];
  }
  out[6] = pp;
  out[7] = pv;
  out[8] = vv;
  return out;
}
