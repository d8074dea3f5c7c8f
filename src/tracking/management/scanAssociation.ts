/**
 * Association of one scan's gated candidates (see tracker.ts): which track each detection updates.
 * Both forms call `apply(candidate, detections, weights, models)` for every update to make, in
 * candidate order.
 *
 * The gated pairs form a bipartite graph of candidates and detections; both problems separate over its
 * connected components (an assignment, or a joint association event, of one component constrains no
 * other), so each component is solved alone on a small dense matrix of its own tracks and detections:
 * a raid of thousands of targets costs the sum of its clusters, not a problem of its full size. The
 * components are found by union-find; within one, tracks and detections keep their scan order, so the
 * solutions are those of the whole scan's problem.
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
 * Connected components of the gated pairs, numbered in order of their first candidate: the candidates
 * of component g are compCands[compCandStart[g] ..], its detections compDets[compDetStart[g] ..], both
 * ascending. Returns their number. O(candidates + detections + pairs).
 */
function components<S extends GaussianState>(sc: ScanScratch<S>, D: number): number {
  const C = sc.count;
  sc.ensureAssociation(D);
  const parent = sc.parent;
  for (let i = 0; i < C + D; i++) parent[i] = i;
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let c = 0; c < C; c++) {
    for (let p = sc.rowStart[c]; p < sc.rowStart[c + 1]; p++) {
      const a = find(c);
      const b = find(C + sc.pairK[p]);
      // The smaller index becomes the root: a component's root is its first candidate.
      if (a < b) parent[b] = a;
      else if (b < a) parent[a] = b;
    }
  }
  const comp = sc.compOf;
  let n = 0;
  for (let c = 0; c < C; c++) {
    const r = find(c);
    comp[c] = r === c ? n++ : comp[r];
  }
  for (let k = 0; k < D; k++) comp[C + k] = sc.gated[k] ? comp[find(C + k)] : -1;
  // Member lists by counting sort (members stay in ascending order).
  const cs = sc.ensureComponents(n);
  cs.candStart.fill(0, 0, n + 1);
  cs.detStart.fill(0, 0, n + 1);
  for (let c = 0; c < C; c++) cs.candStart[comp[c] + 1]++;
  for (let k = 0; k < D; k++) if (comp[C + k] >= 0) cs.detStart[comp[C + k] + 1]++;
  for (let g = 0; g < n; g++) {
    cs.candStart[g + 1] += cs.candStart[g];
    cs.detStart[g + 1] += cs.detStart[g];
  }
  cs.fillC.set(cs.candStart.subarray(0, n));
  cs.fillD.set(cs.detStart.subarray(0, n));
  for (let c = 0; c < C; c++) cs.cands[cs.fillC[comp[c]]++] = c;
  for (let k = 0; k < D; k++) if (comp[C + k] >= 0) cs.dets[cs.fillD[comp[C + k]]++] = k;
  return n;
}

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
  const C = sc.count;
  const nComp = components(sc, D);
  sc.taken.fill(0, 0, D);
  const assigned = sc.assigned;
  for (let stage = 0; stage < 2; stage++) {
    const status = stage === 0 ? "confirmed" : "tentative";
    assigned.fill(-1, 0, C);
    let any = false;
    // Components in order; each one's rows (this stage's candidates) and free detections.
    const cs = sc.comps;
    for (let g = 0; g < nComp; g++) {
      let R = 0;
      for (let q = cs.candStart[g]; q < cs.candStart[g + 1]; q++) {
        const c = cs.cands[q];
        if (sc.cands[c].track.status === status) sc.rows[R++] = c;
      }
      if (R === 0) continue;
      let Dc = 0;
      for (let q = cs.detStart[g]; q < cs.detStart[g + 1]; q++) {
        const k = cs.dets[q];
        if (sc.taken[k]) continue;
        sc.colOf[k] = Dc;
        sc.cols[Dc++] = k;
      }
      if (Dc === 0) continue;
      const local = sc.ensureLocal(R, Dc);
      local.fill(Infinity, 0, R * Dc);
      for (let r = 0; r < R; r++) {
        const c = sc.rows[r];
        for (let p = sc.rowStart[c]; p < sc.rowStart[c + 1]; p++) {
          const k = sc.pairK[p];
          if (!sc.taken[k]) local[r * Dc + sc.colOf[k]] = sc.pairCost[p];
        }
      }
      const a = gnn.assign(local, R, Dc, 1, sc.assignment);
      for (let r = 0; r < R; r++) {
        const j = a.trackToDetection[r];
        if (j < 0) continue;
        assigned[sc.rows[r]] = sc.cols[j];
        any = true;
      }
    }
    if (!any) continue;
    for (let c = 0; c < C; c++) if (assigned[c] >= 0) sc.taken[assigned[c]] = 1;
    for (let c = 0; c < C; c++) {
      const k = assigned[c];
      if (k < 0) continue;
      const cand = sc.cands[c];
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
  const C = sc.count;
  const nComp = components(sc, D);
  const cs = sc.comps;
  // Per pair, its association probability, from its component's joint events.
  const betaOfPair = new Float64Array(sc.pairs);
  for (let g = 0; g < nComp; g++) {
    let T = 0;
    for (let q = cs.candStart[g]; q < cs.candStart[g + 1]; q++) sc.rows[T++] = cs.cands[q];
    let Dc = 0;
    for (let q = cs.detStart[g]; q < cs.detStart[g + 1]; q++) {
      const k = cs.dets[q];
      sc.colOf[k] = Dc;
      sc.cols[Dc++] = k;
    }
    const logL = sc.ensureLocal(T, Dc);
    logL.fill(-Infinity, 0, T * Dc);
    for (let t = 0; t < T; t++) {
      const c = sc.rows[t];
      for (let p = sc.rowStart[c]; p < sc.rowStart[c + 1]; p++)
        logL[t * Dc + sc.colOf[sc.pairK[p]]] = sc.pairLogL[p];
    }
    const { beta } = jpdaProbabilities(logL, T, Dc, options);
    for (let t = 0; t < T; t++) {
      const c = sc.rows[t];
      for (let p = sc.rowStart[c]; p < sc.rowStart[c + 1]; p++) {
        betaOfPair[p] = beta[t * (Dc + 1) + 1 + sc.colOf[sc.pairK[p]]];
      }
    }
  }
  for (let c = 0; c < C; c++) {
    const dets: Detection[] = [];
    const w: number[] = [];
    const ms: MeasurementModel[] = [];
    for (let p = sc.rowStart[c]; p < sc.rowStart[c + 1]; p++) {
      const b = betaOfPair[p];
      if (b > 0) {
        const k = sc.pairK[p];
        dets.push(sc.scan[k]);
        w.push(b);
        ms.push(sc.cands[c].models[k]);
      }
    }
    if (dets.length > 0) apply(sc.cands[c], dets, w, ms);
  }
}
