/**
 * A tracker's state updates: the filter update of a track (single or JPDA-weighted), the recycling of
 * state objects, and the history kept for late measurements: pruning to the lateness window and
 * reprocessing the later updates after a late one is inserted (see tracker.ts).
 */
import type { Detection } from "../../sensors/detection.js";
import type { GaussianState, MeasurementModel, TrackingFilter } from "../types.js";
import type { HistoryEntry, Track } from "./track.js";
import { velocityVarianceTrace } from "../filters/immState.js";
import { measurementDim } from "../filters/common.js";

export class TrackUpdater<S extends GaussianState> {
  /** Recycled history entries (each with its state) and bare states (JPDA hypotheses). */
  private readonly entryPool: HistoryEntry<S>[] = [];
  private readonly statePool: S[] = [];
  private readonly mergeStates: S[] = [];
  private readonly scratch: S;
  private readonly models: MeasurementModel[] = [];

  constructor(
    readonly filter: TrackingFilter<S>,
    /** History window, s (see TrackerOptions.maxLatenessS). */
    readonly maxLatenessS: number,
    /** See TrackerOptions.rangeRateMaxVelocitySigmaMps. */
    readonly rangeRateMaxVelocitySigmaMps: number,
  ) {
    this.scratch = filter.createState();
  }

  acquireState(): S {
    return this.statePool.pop() ?? this.filter.createState();
  }

  /** A history entry (recycled when possible) holding copies of dets and weights (null: all 1). */
  acquireEntry(
    timeS: number,
    dets: readonly Detection[],
    weights: readonly number[] | null,
    initial: boolean,
    fullModel: boolean,
  ): HistoryEntry<S> {
    const e = this.entryPool.pop() ?? {
      timeS,
      state: this.filter.createState(),
      detections: [],
      weights: [],
      initial,
      fullModel,
    };
    e.timeS = timeS;
    e.initial = initial;
    e.fullModel = fullModel;
    e.detections.length = 0;
    e.weights.length = 0;
    for (let k = 0; k < dets.length; k++) {
      e.detections.push(dets[k]);
      e.weights.push(weights === null ? 1 : weights[k]);
    }
    return e;
  }

  releaseEntry(e: HistoryEntry<S>): void {
    this.entryPool.push(e);
  }

  /** Update (or weighted JPDA update) of `pred` into out. */
  updateWith(
    pred: S,
    dets: readonly Detection[],
    weights: readonly number[],
    models: readonly MeasurementModel[],
    out: S,
  ): void {
    if (dets.length === 1 && weights[0] === 1) {
      this.filter.updateInto(pred, measuredBy(dets[0], models[0]), out, models[0]);
      return;
    }
    // JPDA: mixture of "no detection" (the prediction) and one update per detection.
    let sum = 0;
    for (const w of weights) sum += w;
    const states = this.mergeStates;
    states.length = 0;
    states.push(pred);
    const w = [Math.max(0, 1 - sum), ...weights];
    for (let k = 0; k < dets.length; k++) {
      const s = this.acquireState();
      this.filter.updateInto(pred, measuredBy(dets[k], models[k]), s, models[k]);
      states.push(s);
    }
    this.filter.mergeInto(states, w, states.length, out);
    for (let k = 1; k < states.length; k++) this.statePool.push(states[k]);
  }

  /** Re-applies the history after index `from` (whose state is already updated) in time order. */
  reprocess(track: Track<S>, from: number): void {
    const h = track.history;
    const pred = this.scratch;
    for (let e = from + 1; e < h.length; e++) {
      const entry = h[e];
      this.filter.predictInto(h[e - 1].state, entry.timeS, pred);
      entry.fullModel = this.usesRangeRate(pred);
      const models = this.models;
      models.length = 0;
      for (const d of entry.detections) models.push(modelFor(d, entry.fullModel));
      if (entry.detections.length === 1) {
        this.filter.updateInto(pred, measuredBy(entry.detections[0], models[0]), entry.state, models[0]);
      } else {
        this.updateWith(pred, entry.detections, entry.weights, models, entry.state);
      }
      entry.state.timeS = entry.timeS;
    }
  }

  /** Keeps the entries of the last maxLatenessS plus the newest one older than that. */
  pruneHistory(track: Track<S>): void {
    const h = track.history;
    const cutoff = h[h.length - 1].timeS - this.maxLatenessS;
    let k = 0;
    while (k + 1 < h.length && h[k + 1].timeS <= cutoff) k++;
    if (k > 0) {
      for (const e of h.splice(0, k)) this.releaseEntry(e);
      h[0].initial = true;
    }
  }

  /** Whether a track predicted to `pred` may use the range rate of radar detections. */
  usesRangeRate(pred: S): boolean {
    return velocityVarianceTrace(pred) <= this.rangeRateMaxVelocitySigmaMps ** 2;
  }
}

/**
 * The measurement `model` takes from detection d: its z, or the leading components of z for a
 * position-only view (a view on z, made only for young tracks).
 */
export function measuredBy(d: Detection, model: MeasurementModel): Float64Array {
  return model === d.model ? d.z : d.z.subarray(0, measurementDim(model));
}

/** A detection's model, or its position-only view for a track that does not know its velocity yet. */
function modelFor(d: Detection, fullModel: boolean): MeasurementModel {
  return fullModel ? d.model : (d.model.positionOnly?.() ?? d.model);
}
