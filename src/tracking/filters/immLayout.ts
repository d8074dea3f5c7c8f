/**
 * How the IMM's modes of different dimension fit together (see imm.ts for the method): the union of
 * their component names, index maps between each mode and the combined state, and lookup tables
 * precomputed once, so mixing and combination are single passes over the upper triangles of the
 * covariances. Holds the scratch they use.
 *
 * Both operations are moment matches of the form
 *   m = sum_i w_i a_i,   C = sum_i w_i [A_i + (a_i - m)(a_i - m)^T],
 * with (a_i, A_i) mode i's estimate carried into the target layout. C is symmetric, so only its
 * upper triangle is accumulated (one pass per mode: covariance entry plus spread product) and then
 * mirrored: about a third of the work of forming the spread as a separate product.
 */
import type { GaussianState } from "../types.js";
import type { ImmModeFilter } from "./imm.js";
import type { ImmState } from "./immState.js";

/** Covariance lookup codes: >= 0 an index into the source mode's P; these two otherwise. */
const FROM_TARGET = -1;
const ZERO = -2;
/** Below this total probability a component group is averaged with equal weights (see combine). */
const MIN_GROUP_PROBABILITY = 1e-200;

export class ImmLayout {
  readonly modeCount: number;
  /** Dimension and component names of the combined state. */
  readonly ndim: number;
  readonly stateNames: readonly string[];
  /** index[j][a]: combined index of mode j's component a. */
  readonly index: Int32Array[];
  /** inMode[j][k]: mode j's component for combined component k, or -1. */
  readonly inMode: Int32Array[];
  /** Component groups for the combination: combined indices sharing the same set of modes. */
  private readonly groups: { mask: number; components: Int32Array }[];
  /** Groups some mode lacks (their covariance fills are needed). */
  private readonly partialGroups: { mask: number; components: Int32Array }[];
  /** Mixing into mode j from mode i: mixX[i][j][a] = mode i's index of j's component a, or -1 (mode
   *  i lacks it: mode j's own value is used); mixP[i][j] over the upper triangle of j's covariance
   *  (row-major, a <= b): an index into mode i's P, FROM_TARGET (mode j's own entry: i lacks both
   *  components) or ZERO (i has one of the two: no cross-covariance). */
  private readonly mixX: Int32Array[][];
  private readonly mixP: Int32Array[][];
  /** Combination: combP[j] over the upper triangle of the combined covariance: an index into mode j's
   *  P, FROM_TARGET (a fill of a group mode j lacks, from fillP) or ZERO. */
  private readonly combP: Int32Array[];
  // Scratch
  private readonly fillX: Float64Array;
  private readonly fillP: Float64Array;
  /** Modes carried into a target layout, and their deviations from the mean (r x max dimension). */
  private readonly A: Float64Array;
  private readonly D: Float64Array;

  constructor(filters: readonly ImmModeFilter[]) {
    const r = filters.length;
    this.modeCount = r;
    // Union of component names.
    const names: string[] = [];
    const modeNames = filters.map((f) => {
      const m = f.transition;
      if (m.stateNames && m.stateNames.length === f.ndim) return m.stateNames;
      if (filters.some((g) => g.ndim !== f.ndim)) {
        throw new RangeError("ImmFilter: modes of different dimension need stateNames on their models");
      }
      return Array.from({ length: f.ndim }, (_, i) => `x${i}`);
    });
    for (const mn of modeNames) for (const nm of mn) if (!names.includes(nm)) names.push(nm);
    this.stateNames = names;
    const N = names.length;
    this.ndim = N;
    this.index = modeNames.map((mn) => Int32Array.from(mn.map((nm) => names.indexOf(nm))));
    this.inMode = modeNames.map((mn) => {
      const a = new Int32Array(N).fill(-1);
      mn.forEach((nm, i) => (a[names.indexOf(nm)] = i));
      return a;
    });
    const masks = names.map((_, k) => this.inMode.reduce((m, inv, j) => (inv[k] >= 0 ? m | (1 << j) : m), 0));
    const byMask = new Map<number, number[]>();
    masks.forEach((m, k) => byMask.set(m, [...(byMask.get(m) ?? []), k]));
    this.groups = [...byMask].map(([mask, comps]) => ({ mask, components: Int32Array.from(comps) }));
    const full = (1 << r) - 1;
    this.partialGroups = this.groups.filter((g) => g.mask !== full);
    const groupOf = new Int32Array(N);
    this.groups.forEach((g, gi) => g.components.forEach((k) => (groupOf[k] = gi)));

    this.mixX = [];
    this.mixP = [];
    for (let i = 0; i < r; i++) {
      const ni = this.index[i].length;
      this.mixX.push([]);
      this.mixP.push([]);
      for (let j = 0; j < r; j++) {
        const idxJ = this.index[j];
        const nj = idxJ.length;
        const src = Int32Array.from(idxJ, (k) => this.inMode[i][k]);
        const codes: number[] = [];
        for (let a = 0; a < nj; a++) {
          for (let b = a; b < nj; b++) {
            if (src[a] >= 0 && src[b] >= 0) codes.push(src[a] * ni + src[b]);
            else if (src[a] < 0 && src[b] < 0) codes.push(FROM_TARGET);
            else codes.push(ZERO);
          }
        }
        this.mixX[i].push(src);
        this.mixP[i].push(Int32Array.from(codes));
      }
    }
    this.combP = this.inMode.map((inv, j) => {
      const nj = this.index[j].length;
      const codes: number[] = [];
      for (let k = 0; k < N; k++) {
        for (let l = k; l < N; l++) {
          if (inv[k] >= 0 && inv[l] >= 0) codes.push(inv[k] * nj + inv[l]);
          else if (inv[k] < 0 && inv[l] < 0 && groupOf[k] === groupOf[l]) codes.push(FROM_TARGET);
          else codes.push(ZERO);
        }
      }
      return Int32Array.from(codes);
    });

    const nMax = Math.max(N, ...filters.map((f) => f.ndim));
    this.fillX = new Float64Array(N);
    this.fillP = new Float64Array(N * N);
    this.A = new Float64Array(r * nMax);
    this.D = new Float64Array(r * nMax);
  }

  /**
   * Mixed initial condition of mode j from the weights w_i = mu_i|j, with unbiased filling of the
   * components mode i lacks (see imm.ts).
   */
  mixInto(state: ImmState, j: number, w: Float64Array, out: GaussianState): void {
    const r = this.modeCount;
    const mj = state.modes[j];
    const Pj = mj.P;
    const nj = mj.x.length;
    const x0 = out.x;
    const P0 = out.P;
    const A = this.A;
    const D = this.D;
    this.mixMeanInto(state, j, w, out);
    // Covariance, upper triangle: one pass per mode (its carried covariance and the spread).
    P0.fill(0);
    for (let i = 0; i < r; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      const ai = i * nj;
      for (let a = 0; a < nj; a++) D[ai + a] = A[ai + a] - x0[a];
      const Ps = state.modes[i].P;
      if (i === j) {
        for (let a = 0; a < nj; a++) {
          const da = wi * D[ai + a];
          const row = a * nj;
          for (let b = a; b < nj; b++) P0[row + b] += wi * Ps[row + b] + da * D[ai + b];
        }
        continue;
      }
      const codes = this.mixP[i][j];
      let q = 0;
      for (let a = 0; a < nj; a++) {
        const da = wi * D[ai + a];
        const row = a * nj;
        for (let b = a; b < nj; b++, q++) {
          const c = codes[q];
          const p = c >= 0 ? Ps[c] : c === FROM_TARGET ? Pj[row + b] : 0;
          P0[row + b] += wi * p + da * D[ai + b];
        }
      }
    }
    for (let a = 1; a < nj; a++) for (let b = 0; b < a; b++) P0[a * nj + b] = P0[b * nj + a];
  }

  /**
   * The mixed mean of mode j alone (mixInto's first half: out.x and out.timeS; out.P left as it was),
   * with each mode's mean carried into j's layout kept in row i of A for the covariance.
   */
  mixMeanInto(state: ImmState, j: number, w: Float64Array, out: GaussianState): void {
    const r = this.modeCount;
    const mj = state.modes[j];
    const xj = mj.x;
    const nj = xj.length;
    const x0 = out.x;
    const A = this.A;
    // Means: mode i carried into j's layout (row i of A), weighted.
    x0.fill(0);
    for (let i = 0; i < r; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      const xs = state.modes[i].x;
      const src = this.mixX[i][j];
      const ai = i * nj;
      for (let a = 0; a < nj; a++) {
        const s = src[a];
        const v = s >= 0 ? xs[s] : xj[a];
        A[ai + a] = v;
        x0[a] += wi * v;
      }
    }
    out.timeS = mj.timeS;
  }

  /** Set by groupNorm: the group's modes are weighted equally (their total probability is negligible). */
  private equalWeights = false;

  /**
   * 1 / (total probability of the modes in `mask`), or, below MIN_GROUP_PROBABILITY, 1 / (their count)
   * with equalWeights set (see combine).
   */
  private groupNorm(mask: number, mu: Float64Array): number {
    let W = 0;
    let count = 0;
    for (let j = 0; j < this.modeCount; j++)
      if (mask & (1 << j)) {
        W += mu[j];
        count++;
      }
    this.equalWeights = !(W > MIN_GROUP_PROBABILITY);
    return this.equalWeights ? 1 / count : 1 / W;
  }

  /**
   * The combined mean of the modes (combined space), in this.fillX: each component's mean over the
   * modes that have it. A group whose modes have all but lost their probability (W subnormal: 1/W
   * overflows while mu x underflows, and 0 * Infinity is NaN) is averaged with equal weights instead:
   * its value no longer matters to the mixture, but stays finite.
   */
  combinedMean(out: ImmState): Float64Array {
    const r = this.modeCount;
    const mu = out.probabilities;
    const fx = this.fillX;
    for (let g = 0; g < this.groups.length; g++) {
      const { mask, components } = this.groups[g];
      const norm = this.groupNorm(mask, mu);
      const equal = this.equalWeights;
      for (let q = 0; q < components.length; q++) {
        const k = components[q];
        let s = 0;
        for (let j = 0; j < r; j++)
          if (mask & (1 << j)) s += (equal ? 1 : mu[j]) * out.modes[j].x[this.inMode[j][k]];
        fx[k] = s * norm;
      }
    }
    return fx;
  }

  /** The moment-matched combined estimate of the modes into x, P (combined space). */
  combine(out: ImmState, x: Float64Array, P: Float64Array): void {
    const r = this.modeCount;
    const N = this.ndim;
    const mu = out.probabilities;
    const fP = this.fillP;
    const fx = this.combinedMean(out);
    // Covariance fills of the groups some mode lacks, over the modes that have them.
    for (let g = 0; g < this.partialGroups.length; g++) {
      const { mask, components } = this.partialGroups[g];
      const norm = this.groupNorm(mask, mu);
      const equal = this.equalWeights;
      for (let q = 0; q < components.length; q++) {
        const k = components[q];
        for (let u = 0; u < components.length; u++) {
          const l = components[u];
          let s = 0;
          for (let j = 0; j < r; j++) {
            if (!(mask & (1 << j))) continue;
            const inv = this.inMode[j];
            const m = out.modes[j];
            const a = inv[k];
            const b = inv[l];
            s += (equal ? 1 : mu[j]) * (m.P[a * m.x.length + b] + (m.x[a] - fx[k]) * (m.x[b] - fx[l]));
          }
          fP[k * N + l] = s * norm;
        }
      }
    }
    x.set(fx);
    // Covariance of the augmented modes (own entries where present, group fills where missing) plus
    // the spread of their means; a missing component deviates by nothing.
    P.fill(0);
    const D = this.D;
    for (let j = 0; j < r; j++) {
      const wj = mu[j];
      if (wj === 0) continue;
      const inv = this.inMode[j];
      const m = out.modes[j];
      const dj = j * N;
      for (let k = 0; k < N; k++) D[dj + k] = inv[k] >= 0 ? m.x[inv[k]] - fx[k] : 0;
      const Pm = m.P;
      const codes = this.combP[j];
      let q = 0;
      for (let k = 0; k < N; k++) {
        const dk = wj * D[dj + k];
        const row = k * N;
        for (let l = k; l < N; l++, q++) {
          const c = codes[q];
          const p = c >= 0 ? Pm[c] : c === FROM_TARGET ? fP[row + l] : 0;
          P[row + l] += wj * p + dk * D[dj + l];
        }
      }
    }
    for (let k = 1; k < N; k++) for (let l = 0; l < k; l++) P[k * N + l] = P[l * N + k];
  }
}
