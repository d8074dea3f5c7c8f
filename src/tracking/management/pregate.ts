/**
 * The exact gate of a mixture filter (the IMM) costs one innovation per mode plus their moment-matched
 * combination for every detection that passes the coarse gate (coarseGate.ts); in a saturation raid
 * most such pairs then fail it. This pre-gate computes one innovation against the mixture's own
 * moment-matched Gaussian (x = sum_j mu_j x_j, P = sum_j mu_j [P_j + d_j d_j^T], formed once per
 * predicted track) and lets through only the pairs whose NIS is within a widened gate.
 *
 * For a measurement linear in the state the two NIS are equal: with y_j = z - H x_j the IMM's combined
 * innovation (imm.ts, combineInnovations) is y = z - H x, S = sum_j mu_j [H P_j H^T + R + H d_j d_j^T
 * H^T] = H P H^T + R. They differ through the curvature of h over the spread of the modes' means, which
 * is small when the modes agree and is not when one has diverged (a ballistic mode hundreds of
 * kilometres off, seen by a satellite: the pre-gate NIS was 47 times the exact one). So each pair is
 * pre-gated only when h is linear over the modes to within LINEARITY_SIGMAS of the measurement's
 * standard deviations: |h(x_j) - h(x) - H (x_j - x)| <= delta sqrt(R_ii) for every mode and component.
 * Otherwise, and when the pre-gate cannot be evaluated (a covariance not positive definite, a NaN), the
 * pair goes to the exact gate, which decides. The widening then leaves the exact gate every pair it
 * would accept: the tracker's tracks and decisions are those without the pre-gate.
 */
import type { GaussianState, MeasurementModel, TrackingFilter } from "../types.js";
import { UpdateWorkspace, kalmanInnovation } from "../filters/kalmanCore.js";
import { measurementFunctionInto, residualInto } from "../filters/common.js";
import { cholesky, choleskyMahalanobisSq } from "../../math/matrix.js";

/** The factor on the exact gate's chi-square threshold: 2, where the largest pre-gate NIS of a pair inside
 *  the exact gate was 1.0035 times the threshold over the reference and 20- and 200-threat raids. */
export const PREGATE_WIDENING = 2;
/** The largest departure of h from its linearisation over the modes, in measurement sigmas. */
export const LINEARITY_SIGMAS = 0.1;

/** What the pre-gate keeps for one group of detections and the track being gated. */
class GroupEntry {
  /** The track (MixturePregate.generation) it was computed for. */
  generation = -1;
  /** The combination's innovation could not be formed: every pair of the group passes. */
  failed = false;
  readonly zPred: Float64Array;
  /** H P Hᵀ at the combined estimate (m x m). */
  readonly HPHt: Float64Array;
  /** Per component, the largest squared departure of a mode's h from the linearisation (Infinity: h
   *  reads more than the position and velocity). */
  readonly dev2: Float64Array;
  constructor(readonly m: number) {
    this.zPred = new Float64Array(m);
    this.HPHt = new Float64Array(m * m);
    this.dev2 = new Float64Array(m);
  }
}

export class MixturePregate<S extends GaussianState> {
  private readonly combined: GaussianState;
  /** Counts the tracks gated (reset): a group entry of an earlier track is stale. */
  private generation = 0;
  private readonly groups: (GroupEntry | undefined)[] = [];
  private readonly ySc = new Float64Array(8);
  private readonly sSc = new Float64Array(64);
  private readonly lSc = new Float64Array(64);
  private readonly wSc = new Float64Array(8);
  private readonly dev2Sc = new Float64Array(8);
  private readonly workspaces: UpdateWorkspace[] = [];
  private mixture: { readonly weights: Float64Array; readonly components: readonly GaussianState[] } | null =
    null;
  private readonly zj = new Float64Array(8);
  private readonly lin = new Float64Array(8);
  private readonly e = new Float64Array(8);

  constructor(private readonly filter: TrackingFilter<S>) {
    const n = filter.ndim;
    this.combined = { x: new Float64Array(n), P: new Float64Array(n * n), timeS: 0 };
  }

  /** Whether the filter is a mixture with a combination to pre-gate on. */
  get applies(): boolean {
    return this.filter.momentMatchedInto !== undefined && this.filter.mixtureOf !== undefined;
  }

  /** Forgets the last prediction: the next `nis` combines the one it is given. */
  reset(): void {
    this.mixture = null;
    this.generation++;
  }

  /**
   * The NIS of z (m components) against the moment-matched Gaussian of `predicted` (combined at the
   * first call after `reset`), or NaN when it cannot be evaluated, or when it exceeds `threshold` but h
   * is not linear enough over the mixture's components for it to stand for the exact gate. `group` >= 0:
   * the detection's group (models that share h); what depends on the track alone is then computed at
   * the group's first call after `reset` and reused (-1: none).
   */
  nis(
    predicted: S,
    z: ArrayLike<number>,
    model: MeasurementModel,
    m: number,
    threshold: number,
    group = -1,
  ): number {
    const c = this.combined;
    if (this.mixture === null) {
      this.filter.momentMatchedInto!(predicted, c);
      this.mixture = this.filter.mixtureOf!(predicted);
    }
    if (m > this.zj.length) return Number.NaN;
    if (group >= 0) return this.groupNis(z, model, m, threshold, group);
    const ws = this.workspaceFor(m);
    try {
      kalmanInnovation(model, c, z, ws, undefined, false);
    } catch {
      return Number.NaN;
    }
    const nis = choleskyMahalanobisSq(ws.L, ws.y, m, ws.work);
    // Only a rejection needs the combination to stand for the modes (a pass goes to the exact gate).
    if (nis > threshold && !this.linearOverMixture(model, ws, m)) return Number.NaN;
    return nis;
  }

  /**
   * `nis` for a detection of group `group` (see the file comment): the group's entry for this track
   * made from its first detection, then this detection's residual and S against it.
   */
  private groupNis(
    z: ArrayLike<number>,
    model: MeasurementModel,
    m: number,
    threshold: number,
    group: number,
  ): number {
    let e = this.groups[group];
    if (e === undefined || e.m !== m) {
      e = new GroupEntry(m);
      this.groups[group] = e;
    }
    if (e.generation !== this.generation) this.fillGroup(e, z, model, m);
    if (e.failed) return Number.NaN;
    const y = this.ySc;
    residualInto(model, z, e.zPred, m, y);
    const S = this.sSc;
    const R = model.R;
    const HPHt = e.HPHt;
    for (let i = 0; i < m; i++)
      for (let j = i; j < m; j++) {
        const v = HPHt[i * m + j] + 0.5 * (R[i * m + j] + R[j * m + i]);
        S[i * m + j] = v;
        S[j * m + i] = v;
      }
    try {
      cholesky(this.lSc, S, m, "innovation covariance S");
    } catch {
      return Number.NaN;
    }
    const nis = choleskyMahalanobisSq(this.lSc, y, m, this.wSc);
    return nis > threshold && !withinLinearity(e.dev2, R, m) ? Number.NaN : nis;
  }

  /** The group entry for the current track from one of the group's detections. */
  private fillGroup(e: GroupEntry, z: ArrayLike<number>, model: MeasurementModel, m: number): void {
    e.generation = this.generation;
    e.failed = true;
    const ws = this.workspaceFor(m);
    try {
      kalmanInnovation(model, this.combined, z, ws, undefined, false);
    } catch {
      return;
    }
    e.zPred.set(ws.zPred);
    // H P Hᵀ from the innovation's H P (over the columns H uses), without this detection's R.
    const { n, hc, H, HP } = ws;
    for (let i = 0; i < m; i++)
      for (let j = i; j < m; j++) {
        let s = 0;
        for (let l = 0; l < hc; l++) s += HP[i * n + l] * H[j * n + l];
        e.HPHt[i * m + j] = s;
        e.HPHt[j * m + i] = s;
      }
    this.departuresInto(model, ws, m, e.dev2);
    e.failed = false;
  }

  private workspaceFor(m: number): UpdateWorkspace {
    let ws = this.workspaces[m];
    if (ws === undefined) {
      ws = new UpdateWorkspace(this.filter.ndim, m);
      this.workspaces[m] = ws;
    }
    return ws;
  }

  /** Per component, the largest squared departure of h at a component's mean from its linearisation at
   *  the combined mean (Infinity when H reads more than the position and velocity). */
  private departuresInto(model: MeasurementModel, ws: UpdateWorkspace, m: number, out: Float64Array): void {
    const { weights, components } = this.mixture!;
    const n = ws.n;
    const hc = ws.hc;
    out.fill(hc > 6 ? Infinity : 0, 0, m);
    if (hc > 6) return;
    const H = ws.H;
    const x = this.combined.x;
    const { zj, lin, e } = this;
    for (let j = 0; j < components.length; j++) {
      if (!(weights[j] > 0)) continue;
      const xj = components[j].x;
      measurementFunctionInto(model, xj, m, zj);
      for (let i = 0; i < m; i++) {
        let s = ws.zPred[i];
        for (let l = 0; l < hc; l++) s += H[i * n + l] * (xj[l] - x[l]);
        lin[i] = s;
      }
      residualInto(model, zj, lin, m, e);
      for (let i = 0; i < m; i++) {
        const d2 = e[i] * e[i];
        if (!(d2 <= out[i])) out[i] = d2 === d2 ? d2 : Infinity;
      }
    }
  }

  /** Whether h departs from its linearisation at the combined mean by at most LINEARITY_SIGMAS at
   *  every component's mean (only the columns H uses, at most the position and velocity, are read). */
  private linearOverMixture(model: MeasurementModel, ws: UpdateWorkspace, m: number): boolean {
    this.departuresInto(model, ws, m, this.dev2Sc);
    return withinLinearity(this.dev2Sc, model.R, m);
  }
}

/** Whether every component's squared departure (dev2) is within LINEARITY_SIGMAS of its sigma in R. */
function withinLinearity(dev2: Float64Array, R: Float64Array, m: number): boolean {
  const lim = LINEARITY_SIGMAS * LINEARITY_SIGMAS;
  for (let i = 0; i < m; i++) if (!(dev2[i] <= lim * R[i * m + i])) return false;
  return true;
}
