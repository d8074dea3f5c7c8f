/**
 * The tracker's per-scan working storage, grown on demand and reused from scan to scan, so processing
 * a scan allocates nothing once the largest scan has been seen: the candidate tracks with their
 * predictions, the T x D cost and log-likelihood matrices, the gate flags, and the GNN stage buffers.
 */
import type { Detection } from "../../sensors/detection.js";
import type { DetectionMeasurementModel } from "../../sensors/measurement.js";
import type { GaussianState, MeasurementModel } from "../types.js";
import { ScanGeometry } from "./coarseGate.js";
import type { Assignment } from "../association/gnn.js";
import type { Track } from "./track.js";

/** A live track with a detection in its gate in the scan being processed. */
export interface Candidate<S extends GaussianState> {
  track: Track<S>;
  /** History index the prediction starts from. */
  base: number;
  late: boolean;
  /** The track's state predicted to the scan time (owned by the scratch's pool). */
  pred: S;
  /** Measurement models this track uses for the scan's detections (read only where it gated), and
   *  whether they are the detections' full models (rather than their position-only views). */
  models: MeasurementModel[];
  fullModel: boolean;
}

export class ScanScratch<S extends GaussianState> {
  /** The scan's detections. */
  readonly scan: Detection[] = [];
  /** Per detection: its model, its position-only view (resolved on demand: `reducedReady`), and the
   *  gate thresholds of both. */
  readonly fullModels: DetectionMeasurementModel[] = [];
  readonly reducedModels: DetectionMeasurementModel[] = [];
  reducedReady = new Uint8Array(16);
  gateFull = new Float64Array(16);
  gateReduced = new Float64Array(16);
  /** Pre-gate geometry of the detections. */
  readonly geometry = new ScanGeometry();
  /** Candidates of the scan (the first `count` are valid). */
  readonly cands: Candidate<S>[] = [];
  count = 0;
  /** Row-major candidates x detections: normalised costs (Infinity outside the gate) and log-likelihoods. */
  nis = new Float64Array(64);
  logL = new Float64Array(64);
  /** Per detection: inside some track's gate; taken by a GNN stage. */
  gated = new Uint8Array(16);
  taken = new Uint8Array(16);
  /** Coarse-gate outcome per detection for the track being gated. */
  pass = new Uint8Array(16);
  /** GNN stage: candidate rows and their cost sub-matrix. */
  rows = new Int32Array(16);
  sub = new Float64Array(64);
  readonly assignment: Assignment = {
    trackToDetection: new Int32Array(16),
    detectionToTrack: new Int32Array(16),
    cost: 0,
  };
  /** Single-detection update arguments (GNN). */
  readonly one: Detection[] = [];
  readonly oneWeight: number[] = [1];
  readonly oneModel: MeasurementModel[] = [];

  constructor(private readonly createState: () => S) {}

  /** Prepares the per-detection buffers for a scan of D detections. */
  begin(D: number): void {
    if (this.gated.length < D) {
      this.gated = new Uint8Array(2 * D);
      this.taken = new Uint8Array(2 * D);
      this.pass = new Uint8Array(2 * D);
    }
    this.gated.fill(0, 0, D);
    this.count = 0;
  }

  /** The next candidate slot (its prediction state is reused across scans). */
  nextCandidate(track: Track<S>): Candidate<S> {
    let c = this.cands[this.count];
    if (c === undefined) {
      c = { track, base: 0, late: false, pred: this.createState(), models: [], fullModel: false };
      this.cands.push(c);
    }
    c.track = track;
    return c;
  }

  /** Makes room for the per-detection model data of a scan of D detections. */
  ensureGates(D: number): void {
    if (this.gateFull.length < D) {
      this.gateFull = new Float64Array(2 * D);
      this.gateReduced = new Float64Array(2 * D);
      this.reducedReady = new Uint8Array(2 * D);
    }
  }

  /** Makes room for row `row` of the T x D matrices. */
  ensureRow(row: number, D: number): void {
    const need = (row + 1) * D;
    if (this.nis.length < need) {
      const nis = new Float64Array(2 * need);
      nis.set(this.nis);
      this.nis = nis;
      const logL = new Float64Array(2 * need);
      logL.set(this.logL);
      this.logL = logL;
    }
  }

  /** Makes room for a GNN stage of `rows` candidates and D detections. */
  ensureStage(rows: number, D: number): void {
    if (this.rows.length < rows) this.rows = new Int32Array(2 * rows);
    if (this.sub.length < rows * D) this.sub = new Float64Array(2 * rows * D);
  }
}
