/**
 * The IMM's state type, its lazily combined implementation and the Markov mode-transition matrix of a
 * continuous-time chain (see imm.ts).
 */
import type { GaussianState } from "../types.js";

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
    this.xBuf = new Float64Array(n);
    this.PBuf = new Float64Array(n * n);
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
