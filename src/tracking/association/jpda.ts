/**
 * Joint probabilistic data association (Fortmann, Bar-Shalom and Scheffe, "Sonar tracking of multiple
 * targets using joint probabilistic data association", IEEE J. Oceanic Eng. OE-8(3), 1983; Bar-Shalom
 * and Li, Multitarget-Multisensor Tracking, 1995, section 6.2; the parametric form with Poisson
 * clutter). Tracks that share validated detections form a cluster; for each cluster the feasible
 * joint events (each detection from at most one track, each track at most one detection, the rest
 * clutter) are enumerated and weighted
 *   P(theta) proportional to  prod_{(t, j) in theta} [P_D N_tj / lambda]  prod_{t undetected} (1 - P_D P_G),
 * with N_tj = N(y_tj; 0, S_tj) the likelihood of detection j for track t and lambda the clutter
 * density (per unit measurement volume). The association probabilities are the marginals
 *   beta_tj = sum_{theta containing (t, j)} P(theta),  beta_t0 = 1 - sum_j beta_tj.
 * Enumeration works in log space with a two-pass maximum so large likelihood ratios do not overflow.
 * Clusters with more than `maxClusterTracks` tracks or `maxEvents` joint events are not enumerated:
 * their tracks get hard 0/1 weights from a global-nearest-neighbour assignment instead (reported in
 * `fallbackClusters`).
 */
import { GnnAssigner } from "./gnn.js";

export interface JpdaOptions {
  /** Probability of detection P_D. */
  detectionProbability: number;
  /** Gate probability P_G. */
  gateProbability: number;
  /** Clutter (false alarm) density lambda, per unit of measurement volume (e.g. per m rad^2). */
  clutterDensity: number;
  maxClusterTracks?: number;
  maxEvents?: number;
}

export interface JpdaResult {
  /** beta[t * (D + 1) + 0] = P(no detection from track t); beta[t * (D + 1) + 1 + j] for detection j. */
  beta: Float64Array;
  /** Number of clusters resolved by the GNN fallback. */
  fallbackClusters: number;
}

/**
 * logLikelihood: T x D row-major log N(y_tj; 0, S_tj) for validated pairs, -Infinity otherwise.
 * Returns the association probabilities.
 */
export function jpdaProbabilities(
  logLikelihood: ArrayLike<number>,
  tracks: number,
  detections: number,
  options: JpdaOptions,
): JpdaResult {
  const T = tracks;
  const D = detections;
  const W = D + 1;
  const beta = new Float64Array(T * W);
  const pd = options.detectionProbability;
  const pg = options.gateProbability;
  const maxTracks = options.maxClusterTracks ?? 12;
  const maxEvents = options.maxEvents ?? 200000;
  const logMiss = Math.log(Math.max(1 - pd * pg, 1e-300));
  const logDet = Math.log(pd) - Math.log(options.clutterDensity);
  // Clusters: union-find over tracks sharing a validated detection.
  const parent = Int32Array.from({ length: T }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  };
  for (let j = 0; j < D; j++) {
    let first = -1;
    for (let t = 0; t < T; t++) {
      if (logLikelihood[t * D + j] === -Infinity) continue;
      if (first < 0) first = t;
      else parent[find(t)] = find(first);
    }
  }
  const clusters = new Map<number, number[]>();
  for (let t = 0; t < T; t++) {
    const r = find(t);
    const c = clusters.get(r);
    if (c) c.push(t);
    else clusters.set(r, [t]);
  }
  let fallbackClusters = 0;
  for (const members of clusters.values()) {
    // Validated detections of each member, and the pair scores log(P_D N / lambda) - log(1 - P_D P_G).
    const options2: number[][] = members.map((t) => {
      const list: number[] = [];
      for (let j = 0; j < D; j++) if (logLikelihood[t * D + j] !== -Infinity) list.push(j);
      return list;
    });
    let events = 1;
    for (const o of options2) events *= o.length + 1;
    if (members.length > maxTracks || events > maxEvents) {
      fallbackClusters++;
      hardAssign(members, options2, logLikelihood, D, logDet - logMiss, beta, W);
      continue;
    }
    const score = (t: number, j: number) => logLikelihood[t * D + j] + logDet - logMiss;
    const used = new Uint8Array(D);
    const choice = new Int32Array(members.length);
    // Pass 1: the largest event log-weight; pass 2: accumulate exp(weight - max) into the marginals.
    let maxLog = -Infinity;
    const visit = (k: number, acc: number, accumulate: boolean, norm: { sum: number }) => {
      if (k === members.length) {
        if (!accumulate) {
          if (acc > maxLog) maxLog = acc;
          return;
        }
        const w = Math.exp(acc - maxLog);
        norm.sum += w;
        for (let q = 0; q < members.length; q++) beta[members[q] * W + 1 + choice[q]] += w;
        return;
      }
      const t = members[k];
      choice[k] = -1;
      visit(k + 1, acc, accumulate, norm);
      for (const j of options2[k]) {
        if (used[j]) continue;
        used[j] = 1;
        choice[k] = j;
        visit(k + 1, acc + score(t, j), accumulate, norm);
        used[j] = 0;
      }
      choice[k] = -1;
    };
    const norm = { sum: 0 };
    visit(0, 0, false, norm);
    visit(0, 0, true, norm);
    for (const t of members) for (let c = 0; c < W; c++) beta[t * W + c] /= norm.sum;
  }
  return { beta, fallbackClusters };
}

/** GNN fallback for an oversized cluster: weight 1 on the assigned detection (or on "missed"). */
function hardAssign(
  members: number[],
  validated: number[][],
  logLikelihood: ArrayLike<number>,
  D: number,
  scoreOffset: number,
  beta: Float64Array,
  W: number,
): void {
  const T = members.length;
  const cost = new Float64Array(T * D).fill(Infinity);
  members.forEach((t, k) => {
    for (const j of validated[k]) cost[k * D + j] = -(logLikelihood[t * D + j] + scoreOffset);
  });
  const a = new GnnAssigner().assign(cost, T, D, 0);
  members.forEach((t, k) => {
    const j = a.trackToDetection[k];
    beta[t * W + (j >= 0 ? 1 + j : 0)] = 1;
  });
}
