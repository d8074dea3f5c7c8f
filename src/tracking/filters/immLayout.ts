/**
 * How the IMM's modes of different dimension fit together (see imm.ts for the method): the union of
 * their component names, index maps between each mode and the combined state, and flat gather lists
 * precomputed once, so mixing and combination are plain loops. Holds the scratch they use.
 */
import type { GaussianState } from "../types.js";
import type { ImmModeFilter } from "./imm.js";
import type { ImmState } from "./immState.js";
import { lowRankInto, symmetrizeInPlace } from "./kernels.js";

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
  /** For each mode j: the combined components it lacks (fills come from fillP). */
  private readonly missing: Int32Array[];
  /** Group id of each combined component. */
  private readonly groupOf: Int32Array;
  /** present[i][j] / presentIn[i][j]: mode j's components that mode i also has, and their index in
   *  mode i; absent[i][j]: mode j's components mode i lacks (mixing). */
  private readonly present: Int32Array[][];
  private readonly presentIn: Int32Array[][];
  private readonly absent: Int32Array[][];
  /** Flat gather lists for mixing into mode j from mode i: covariance entries of mode i (src) added at
   *  mode j's (dst), and mode j's own entries where mode i lacks both components (selfIdx). */
  private readonly gatherDst: Int32Array[][];
  private readonly gatherSrc: Int32Array[][];
  private readonly selfIdx: Int32Array[][];
  /** For the combination: where each entry of mode j's covariance lands (combinedDst[j][a * nj + b]),
   *  and the fill entries (combined indices) of the groups mode j lacks. */
  private readonly combinedDst: Int32Array[];
  private readonly fillIdx: Int32Array[];
  // Scratch
  private readonly fillX: Float64Array;
  private readonly fillP: Float64Array;
  /** Deviations of the modes from a mean, one row per mode, and weighted (r x max dimension). */
  private readonly D: Float64Array;
  private readonly Dw: Float64Array;

  constructor(filters: readonly ImmModeFilter[]) {
    const r = filters.length;
    this.modeCount = r;
    // Union of component names.
    const names: string[] = [];
    const modeNames = filters.map((f) => {
      const m = f.transition;
      if (m.stateNames && m.stateNames.length === m.ndim) return m.stateNames;
      if (filters.some((g) => g.transition.ndim !== m.ndim)) {
        throw new RangeError("ImmFilter: modes of different dimension need stateNames on their models");
      }
      return Array.from({ length: m.ndim }, (_, i) => `x${i}`);
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
    this.groupOf = new Int32Array(N);
    this.groups.forEach((g, gi) => g.components.forEach((k) => (this.groupOf[k] = gi)));
    this.missing = this.inMode.map((inv) =>
      Int32Array.from(names.map((_, k) => k).filter((k) => inv[k] < 0)),
    );
    this.present = [];
    this.presentIn = [];
    this.absent = [];
    for (let i = 0; i < r; i++) {
      this.present.push([]);
      this.presentIn.push([]);
      this.absent.push([]);
      for (let j = 0; j < r; j++) {
        const idxJ = this.index[j];
        const pres: number[] = [];
        const presIn: number[] = [];
        const abs: number[] = [];
        for (let a = 0; a < idxJ.length; a++) {
          const ia = this.inMode[i][idxJ[a]];
          if (ia >= 0) {
            pres.push(a);
            presIn.push(ia);
          } else abs.push(a);
        }
        this.present[i].push(Int32Array.from(pres));
        this.presentIn[i].push(Int32Array.from(presIn));
        this.absent[i].push(Int32Array.from(abs));
      }
    }
    this.gatherDst = [];
    this.gatherSrc = [];
    this.selfIdx = [];
    for (let i = 0; i < r; i++) {
      this.gatherDst.push([]);
      this.gatherSrc.push([]);
      this.selfIdx.push([]);
      const ni = this.index[i].length;
      for (let j = 0; j < r; j++) {
        const nj = this.index[j].length;
        const pres = this.present[i][j];
        const presIn = this.presentIn[i][j];
        const abs = this.absent[i][j];
        const dst: number[] = [];
        const src: number[] = [];
        for (let q = 0; q < pres.length; q++) {
          for (let u = 0; u < pres.length; u++) {
            dst.push(pres[q] * nj + pres[u]);
            src.push(presIn[q] * ni + presIn[u]);
          }
        }
        const self: number[] = [];
        for (let q = 0; q < abs.length; q++)
          for (let u = 0; u < abs.length; u++) self.push(abs[q] * nj + abs[u]);
        this.gatherDst[i].push(Int32Array.from(dst));
        this.gatherSrc[i].push(Int32Array.from(src));
        this.selfIdx[i].push(Int32Array.from(self));
      }
    }
    this.combinedDst = this.index.map((idx) => {
      const nj = idx.length;
      const a = new Int32Array(nj * nj);
      for (let p = 0; p < nj; p++) for (let q = 0; q < nj; q++) a[p * nj + q] = idx[p] * N + idx[q];
      return a;
    });
    this.fillIdx = this.missing.map((miss) => {
      const list: number[] = [];
      for (const k of miss)
        for (const l of miss) if (this.groupOf[k] === this.groupOf[l]) list.push(k * N + l);
      return Int32Array.from(list);
    });

    const nMax = Math.max(N, ...filters.map((f) => f.ndim));
    this.fillX = new Float64Array(N);
    this.fillP = new Float64Array(N * N);
    this.D = new Float64Array(r * nMax);
    this.Dw = new Float64Array(r * nMax);
  }

  /**
   * Mixed initial condition of mode j from the weights w_i = mu_i|j, with unbiased filling of the
   * components mode i lacks (see the file comment).
   */
  mixInto(state: ImmState, j: number, w: Float64Array, out: GaussianState): void {
    const r = this.modeCount;
    const xj = state.modes[j].x;
    const Pj = state.modes[j].P;
    const nj = xj.length;
    const x0 = out.x;
    const P0 = out.P;
    const D = this.D;
    const Dw = this.Dw;
    D.fill(0);
    Dw.fill(0);
    x0.fill(0);
    for (let i = 0; i < r; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      const xs = state.modes[i].x;
      const pres = this.present[i][j];
      const presIn = this.presentIn[i][j];
      const abs = this.absent[i][j];
      for (let q = 0; q < pres.length; q++) x0[pres[q]] += wi * xs[presIn[q]];
      for (let q = 0; q < abs.length; q++) x0[abs[q]] += wi * xj[abs[q]];
    }
    P0.fill(0);
    for (let i = 0; i < r; i++) {
      const wi = w[i];
      if (wi === 0) continue;
      const xs = state.modes[i].x;
      const Ps = state.modes[i].P;
      const pres = this.present[i][j];
      const presIn = this.presentIn[i][j];
      const abs = this.absent[i][j];
      // Deviation of mode i (augmented into j's layout) from the mixed mean: row i of D, and of Dw
      // weighted by w_i.
      const di = i * nj;
      for (let q = 0; q < pres.length; q++) D[di + pres[q]] = xs[presIn[q]] - x0[pres[q]];
      for (let q = 0; q < abs.length; q++) D[di + abs[q]] = xj[abs[q]] - x0[abs[q]];
      for (let a = 0; a < nj; a++) Dw[di + a] = wi * D[di + a];
      // Mode i's own covariance on the shared components.
      if (i === j) {
        for (let a = 0; a < nj * nj; a++) P0[a] += wi * Ps[a];
        continue;
      }
      const dst = this.gatherDst[i][j];
      const src = this.gatherSrc[i][j];
      for (let q = 0; q < dst.length; q++) P0[dst[q]] += wi * Ps[src[q]];
      // Mode j's own block where mode i lacks both components.
      const self = this.selfIdx[i][j];
      for (let q = 0; q < self.length; q++) P0[self[q]] += wi * Pj[self[q]];
    }
    // Spread of the means: sum_i w_i d_i d_i^T = Dw^T D as one thin product. (Symmetric to round-off;
    // the mode filters' predictions read it as a whole and return exactly symmetric covariances.)
    lowRankInto(P0, P0, 1, Dw, 1, nj, D, r, nj, nj);
    out.timeS = state.modes[j].timeS;
  }

  /** The moment-matched combined estimate of the modes into x, P (combined space). */
  combine(out: ImmState, x: Float64Array, P: Float64Array): void {
    const r = this.modeCount;
    const N = this.ndim;
    const mu = out.probabilities;
    const fx = this.fillX;
    const fP = this.fillP;
    // Means: each component's mean over the modes that have it.
    for (let g = 0; g < this.groups.length; g++) {
      const { mask, components } = this.groups[g];
      let W = 0;
      for (let j = 0; j < r; j++) if (mask & (1 << j)) W += mu[j];
      const norm = W > 0 ? 1 / W : 0;
      for (let q = 0; q < components.length; q++) {
        const k = components[q];
        let s = 0;
        for (let j = 0; j < r; j++) if (mask & (1 << j)) s += mu[j] * out.modes[j].x[this.inMode[j][k]];
        fx[k] = s * norm;
      }
    }
    // Covariance fills of the groups some mode lacks, over the modes that have them.
    for (let g = 0; g < this.partialGroups.length; g++) {
      const { mask, components } = this.partialGroups[g];
      let W = 0;
      for (let j = 0; j < r; j++) if (mask & (1 << j)) W += mu[j];
      const norm = W > 0 ? 1 / W : 0;
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
            s += mu[j] * (m.P[a * m.x.length + b] + (m.x[a] - fx[k]) * (m.x[b] - fx[l]));
          }
          fP[k * N + l] = s * norm;
        }
      }
    }
    x.set(fx);
    // Covariance of the augmented modes: own blocks where present, group fills where missing.
    P.fill(0);
    const D = this.D;
    const Dw = this.Dw;
    D.fill(0);
    Dw.fill(0);
    for (let j = 0; j < r; j++) {
      const wj = mu[j];
      if (wj === 0) continue;
      const idx = this.index[j];
      const m = out.modes[j];
      const nj = m.x.length;
      const dj = j * N;
      for (let a = 0; a < nj; a++) {
        const k = idx[a];
        const dv = m.x[a] - fx[k];
        D[dj + k] = dv;
        Dw[dj + k] = wj * dv;
      }
      const dst = this.combinedDst[j];
      const Pm = m.P;
      for (let q = 0; q < dst.length; q++) P[dst[q]] += wj * Pm[q];
      const fill = this.fillIdx[j];
      for (let q = 0; q < fill.length; q++) P[fill[q]] += wj * fP[fill[q]];
    }
    // Spread of the (augmented) mode means around the combination; missing components add nothing.
    lowRankInto(P, P, 1, Dw, 1, N, D, r, N, N);
    symmetrizeInPlace(P, N);
  }
}
