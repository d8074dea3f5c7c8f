/**
 * Step 1 of a scan (tracker.ts): gating. Each live track's reach at the scan time (coarseGate.ts, from
 * its newest kept state at or before the scan: an out-of-sequence scan starts from an older one), the
 * coarse pre-gate of the scan's detections against it (through the spatial index when tracks times
 * detections is large: scanIndex.ts), then, for a track with a detection near, its prediction to the
 * scan time, the mixture pre-gate (pregate.ts, IMM tracks) and the exact chi-square gate on the
 * normalised innovation squared (association/gating.ts). What passes goes into the scan scratch as the
 * scan's candidates and their gated pairs, for the association.
 */
import type { GaussianState, Innovation, TrackingFilter } from "../types.js";
import { createInnovation } from "../types.js";
import { NonPositiveDefiniteError } from "../../math/matrix.js";
import { gateThreshold } from "../association/gating.js";
import { positionVelocityMomentsInto } from "../filters/immState.js";
import { measurementDim } from "../filters/common.js";
import { coarseGatePasses, trackReachInto } from "./coarseGate.js";
import type { CoarseGateOptions } from "./coarseGate.js";
import type { MixturePregate } from "./pregate.js";
import { PREGATE_WIDENING } from "./pregate.js";
import { sortInts } from "./scanIndex.js";
import type { ScanScratch } from "./scanScratch.js";
import type { Track } from "./track.js";
import type { TrackUpdater } from "./trackUpdater.js";
import { measuredBy } from "./trackUpdater.js";

/** A filter's refusal of a track's own state: not positive definite, or not finite (RangeError). */
export function isFilterFailure(e: unknown): boolean {
  return e instanceof NonPositiveDefiniteError || e instanceof RangeError;
}

/** The tracker's gating of one scan at a time (working storage: the scan scratch, and its own few). */
export class ScanGating<S extends GaussianState> {
  private readonly inn: Innovation = createInnovation(4);
  private readonly pv = new Float64Array(9);
  private readonly reach4 = new Float64Array(4);

  constructor(
    private readonly filter: TrackingFilter<S>,
    /** The mixture filter's pre-gate, or null (a single-Gaussian filter, or turned off). */
    private readonly pregate: MixturePregate<S> | null,
    /** Which tracks use a radar's range rate (young ones do not: their gates use position only). */
    private readonly updater: TrackUpdater<S>,
    private readonly coarse: CoarseGateOptions,
    private readonly gateProbability: number,
    /** Tracks times detections from which the spatial index is used (TrackerOptions). */
    private readonly spatialIndexMinPairs: number,
  ) {}

  /**
   * Coarse and exact gates of every live track against the scan sc.scan[0..D) at time t: the
   * candidates and their costs, in sc. A track whose filter fails on its own state is passed to `fail`
   * (and left out).
   */
  gate(
    sc: ScanScratch<S>,
    live: readonly Track<S>[],
    t: number,
    D: number,
    fail: (track: Track<S>, timeS: number) => void,
  ): void {
    const scan = sc.scan;
    // Per detection, once: its model and gate threshold, and a slot for its position-only view (young
    // tracks: a radar's range rate left out), resolved when a young track first needs it.
    const full = sc.fullModels;
    const reduced = sc.reducedModels;
    full.length = 0;
    reduced.length = 0;
    sc.reducedZ.length = 0;
    let reducible = false;
    // Groups for the mixture pre-gate: a detection joins the current group when the group's first
    // model shares h with it (one sensor's look: usually the whole scan is one group).
    let lead = -1;
    for (let k = 0; k < D; k++) {
      const model = scan[k].model;
      if (model.positionOnly !== undefined) reducible = true;
      full.push(model);
      reduced.push(model);
      sc.reducedZ.push(scan[k].z);
      sc.gateFull[k] = gateThreshold(this.gateProbability, measurementDim(model));
      sc.reducedReady[k] = 0;
      if (lead >= 0 && full[lead].sameFunctionAs?.(model) === true) {
        sc.groupFull[k] = sc.groupFull[lead];
      } else {
        sc.groupFull[k] = model.sameFunctionAs !== undefined ? k : -1;
        lead = k;
      }
    }
    const geo = sc.geometry;
    const sigmas = this.coarse.sigmas;
    geo.compute(scan, D, sigmas);
    // Each live track's reach at t (once per track), from the newest kept state at or before t (an
    // out-of-sequence scan starts from an older one; none: the track is younger than the detection and
    // cannot use it).
    const T = live.length;
    const reach = sc.reach;
    for (let i = 0; i < T; i++) {
      const track = live[i];
      const h = track.history;
      let base = h.length - 1;
      if (track.isLive && h[base].timeS > t) while (base >= 0 && h[base].timeS > t) base--;
      sc.baseOf[i] = track.isLive ? base : -1;
      sc.lateOf[i] = base < h.length - 1 ? 1 : 0;
      if (sc.baseOf[i] < 0) {
        reach[4 * i + 3] = NaN;
        continue;
      }
      const baseState = h[base].state;
      let moments: Float64Array;
      if (base === h.length - 1) {
        // The latest state: its moments once per change.
        moments = track.latestMoments();
      } else {
        moments = positionVelocityMomentsInto(baseState, this.pv);
      }
      trackReachInto(moments, baseState.timeS, t, this.coarse, this.reach4);
      reach.set(this.reach4, 4 * i);
    }
    // The spatial index of the scan's detections, when the scan is large enough to gain from it.
    const indexed = T * D >= this.spatialIndexMinPairs;
    if (indexed) sc.index.build(geo, sigmas, reach, T);
    const near = sc.near;
    for (let i = 0; i < T; i++) {
      const base = sc.baseOf[i];
      if (base < 0) continue;
      const track = live[i];
      const px = reach[4 * i];
      const py = reach[4 * i + 1];
      const pz = reach[4 * i + 2];
      const radius = reach[4 * i + 3];
      // Detections near the track, then those passing the pre-gate (ascending).
      let n = 0;
      if (indexed) {
        const m = sc.index.candidatesUnsorted(px, py, pz, radius, near);
        for (let q = 0; q < m; q++)
          if (coarseGatePasses(px, py, pz, radius, geo, near[q], sigmas)) near[n++] = near[q];
        sortInts(near, n);
      } else {
        for (let k = 0; k < D; k++) if (coarseGatePasses(px, py, pz, radius, geo, k, sigmas)) near[n++] = k;
      }
      if (n === 0) continue;
      const c = sc.nextCandidate(track);
      try {
        this.filter.predictInto(track.history[base].state, t, c.pred);
      } catch (e) {
        if (!isFilterFailure(e)) throw e;
        fail(track, t);
        continue;
      }
      const fullModel = !reducible || this.updater.usesRangeRate(c.pred);
      const ms = fullModel ? full : reduced;
      const gates = fullModel ? sc.gateFull : sc.gateReduced;
      const pregate = this.pregate;
      pregate?.reset();
      let failed = false;
      for (let q = 0; q < n && !failed; q++) {
        const k = near[q];
        if (!fullModel && !sc.reducedReady[k]) this.resolveReduced(sc, k);
        const z = fullModel ? scan[k].z : sc.reducedZ[k];
        const gate = gates[k];
        // NaN (not evaluable, or h too curved over the modes) passes: the exact gate decides.
        const widened = PREGATE_WIDENING * gate;
        const group = fullModel ? sc.groupFull[k] : sc.groupReduced[k];
        if (
          pregate !== null &&
          pregate.nis(c.pred, z, ms[k], measurementDim(ms[k]), widened, group) > widened
        )
          continue;
        try {
          this.filter.innovationInto(c.pred, z, this.inn, ms[k]);
          // Cost normalised by the gate, so tracks using 3 or 4 components compare.
          if (this.inn.nis <= gate) sc.addPair(k, this.inn.nis / gate, this.inn.logLikelihood);
        } catch (e) {
          // The innovation covariance of a measurement (R positive definite, checked on arrival) is
          // not positive definite: the track's predicted covariance is not, and the track has failed.
          if (!isFilterFailure(e)) throw e;
          failed = true;
        }
      }
      if (failed) {
        sc.endRow(false);
        fail(track, t);
        continue;
      }
      // No exact gate: the track stays out of the association (its slot and prediction are reused).
      const row = sc.count;
      const hit = sc.pairs > sc.rowStart[row];
      if (hit) {
        for (let p = sc.rowStart[row]; p < sc.pairs; p++) sc.gated[sc.pairK[p]] = 1;
        c.base = base;
        c.late = sc.lateOf[i] === 1;
        c.models = ms;
        c.fullModel = fullModel;
      }
      sc.endRow(hit);
    }
  }

  /** The position-only view of the scan's detection k and its gate (young tracks). */
  private resolveReduced(sc: ScanScratch<S>, k: number): void {
    const model = sc.fullModels[k];
    const view = model.positionOnly?.() ?? model;
    sc.reducedModels[k] = view;
    sc.reducedZ[k] = measuredBy(sc.scan[k], view);
    sc.gateReduced[k] =
      view === model ? sc.gateFull[k] : gateThreshold(this.gateProbability, measurementDim(view));
    sc.reducedReady[k] = 1;
    // The view joins its group's first view when they too share h (numbered after the full models').
    const g = sc.groupFull[k];
    sc.groupReduced[k] = -1;
    if (g === k) sc.groupReduced[k] = sc.scan.length + k;
    else if (g >= 0) {
      if (!sc.reducedReady[g]) this.resolveReduced(sc, g);
      const first = sc.reducedModels[g];
      if (sc.groupReduced[g] >= 0 && first.sameFunctionAs?.(view) === true)
        sc.groupReduced[k] = sc.groupReduced[g];
    }
  }
}
