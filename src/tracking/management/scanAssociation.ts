/**
 * Association of one scan's gated candidates (see tracker.ts): which track each detection updates.
 * Both forms call `apply(candidate, detections, weights, models)` for every update to make.
 */
import type { Detection } from "../../sensors/detection.js";
import type { GaussianState, MeasurementModel } from "../types.js";
import type { GnnAssigner } from "../association/gnn.js";
import { jpdaProbabilities } from "../association/jpda.js";
import type { JpdaOptions } from "../association/jpda.js";
import type { Candidate, ScanScratch } from "./scanScratch.js";

export type ApplyUpdate<S extends GaussianState> = (
  c: Candidate<S>,
  dets: readonly Detection[],
  weights: readonly number[],
  models: readonly MeasurementModel[],
) => boolean;

/**
 * GNN in two stages: confirmed tracks choose first; tentative tracks (large covariances, small
 * normalised distances) then share what is left, so a new track cannot take an established track's
 * detection (Blackman and Popoli 1999, section 6.3: association priority by track status). Costs are
 * the normalised innovations squared over the gate (at most 1), a miss costs 1.
 */
export function associateGnn<S extends GaussianState>(
  sc: ScanScratch<S>,
  D: number,
  gnn: GnnAssigner,
  apply: ApplyUpdate<S>,
): void {
  const T = sc.count;
  sc.taken.fill(0, 0, D);
  sc.ensureStage(T, D);
  for (let stage = 0; stage < 2; stage++) {
    const status = stage === 0 ? "confirmed" : "tentative";
    let R = 0;
    for (let c = 0; c < T; c++) if (sc.cands[c].track.status === status) sc.rows[R++] = c;
    if (R === 0) continue;
    const sub = sc.sub;
    for (let r = 0; r < R; r++) {
      const c = sc.rows[r];
      for (let k = 0; k < D; k++) sub[r * D + k] = sc.taken[k] ? Infinity : sc.nis[c * D + k];
    }
    const a = gnn.assign(sub, R, D, 1, sc.assignment);
    for (let r = 0; r < R; r++) {
      const k = a.trackToDetection[r];
      if (k < 0) continue;
      sc.taken[k] = 1;
      const cand = sc.cands[sc.rows[r]];
      sc.one[0] = sc.scan[k];
      sc.oneModel[0] = cand.models[k];
      apply(cand, sc.one, sc.oneWeight, sc.oneModel);
    }
  }
}

/** JPDA: each candidate updated by the moment-matched mixture of its association hypotheses. */
export function associateJpda<S extends GaussianState>(
  sc: ScanScratch<S>,
  D: number,
  options: JpdaOptions,
  apply: ApplyUpdate<S>,
): void {
  const T = sc.count;
  const { beta } = jpdaProbabilities(sc.logL, T, D, options);
  for (let c = 0; c < T; c++) {
    const dets: Detection[] = [];
    const w: number[] = [];
    const ms: MeasurementModel[] = [];
    for (let k = 0; k < D; k++) {
      const b = beta[c * (D + 1) + 1 + k];
      if (b > 0 && sc.logL[c * D + k] > -Infinity) {
        dets.push(sc.scan[k]);
        w.push(b);
        ms.push(sc.cands[c].models[k]);
      }
    }
    if (dets.length > 0) apply(sc.cands[c], dets, w, ms);
  }
}
