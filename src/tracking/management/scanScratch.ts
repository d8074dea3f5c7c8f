/**
 * The tracker's per-scan working storage, grown on demand and reused from scan to scan, so processing
 * a scan allocates nothing once the largest scan has been seen: the detections' models, gates and
 * pre-gate geometry and index, each live track's reach, the candidate tracks with their predictions,
 * and their gated pairs as sparse rows (a track near few detections costs a few entries, not a row of
 * the scan's width).
 */
import type { Detection } from "../../sensors/detection.js";
import type { DetectionMeasurementModel } from "../../sensors/measurement.js";
import type { GaussianState, MeasurementModel } from "../types.js";
import type { Assignment } from "../association/gnn.js";
import { ScanGeometry } from "./coarseGate.js";
import { ScanIndex } from "./scanIndex.js";
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
  /** The z each position-only view measures (z itself, or its leading components). */
  readonly reducedZ: Float64Array[] = [];
  reducedReady = new Uint8Array(16);
  gateFull = new Float64Array(16);
  gateReduced = new Float64Array(16);
  /** Per detection: its group for the mixture pre-gate (detections whose models share h, by
   *  `sameFunctionAs`; -1: none), for the model and for its position-only view (numbered from D). */
  groupFull = new Int32Array(16);
  groupReduced = new Int32Array(16);
  /** Pre-gate geometry of the detections, and their spatial index. */
  readonly geometry = new ScanGeometry();
  readonly index = new ScanIndex();
  /** Per live track (by position in the live list): its reach (centre, radius: 4 numbers), its base
   *  history index (-1: none usable) and whether that is out of sequence. */
  reach = new Float64Array(64);
  baseOf = new Int32Array(16);
  lateOf = new Uint8Array(16);
  /** Detections near the track being gated (candidate list, then those passing the pre-gate). */
  near = new Int32Array(16);
  /** Candidates of the scan (the first `count` are valid). */
  readonly cands: Candidate<S>[] = [];
  count = 0;
  /** Gated pairs, candidate by candidate (rowStart[c] .. rowStart[c + 1]), detections ascending:
   *  detection index, cost (NIS over its gate, <= 1) and log-likelihood. */
  rowStart = new Int32Array(17);
  pairK = new Int32Array(64);
  pairCost = new Float64Array(64);
  pairLogL = new Float64Array(64);
  pairs = 0;
  /** Per detection: inside some track's gate; taken by a GNN stage. */
  gated = new Uint8Array(16);
  taken = new Uint8Array(16);
  /** Association by components: union-find parents over candidates then detections, component of each
   *  candidate and detection, the assignment per candidate, and a local cost matrix with its rows and
   *  columns. */
  parent = new Int32Array(32);
  compOf = new Int32Array(32);
  assigned = new Int32Array(16);
  colOf = new Int32Array(16);
  rows = new Int32Array(16);
  cols = new Int32Array(16);
  local = new Float64Array(64);
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

  /** Prepares the per-detection buffers for a scan of D detections and T live tracks. */
  begin(D: number, T: number): void {
    if (this.gated.length < D) {
      this.gated = new Uint8Array(2 * D);
      this.taken = new Uint8Array(2 * D);
      this.near = new Int32Array(2 * D);
      this.gateFull = new Float64Array(2 * D);
      this.gateReduced = new Float64Array(2 * D);
      this.reducedReady = new Uint8Array(2 * D);
      this.groupFull = new Int32Array(2 * D);
      this.groupReduced = new Int32Array(2 * D);
      this.colOf = new Int32Array(2 * D);
      this.cols = new Int32Array(2 * D);
    }
    if (this.baseOf.length < T) {
      this.baseOf = new Int32Array(2 * T);
      this.lateOf = new Uint8Array(2 * T);
      this.reach = new Float64Array(8 * T);
    }
    this.gated.fill(0, 0, D);
    this.count = 0;
    this.pairs = 0;
    this.rowStart[0] = 0;
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

  /** Appends a gated pair to the current (uncommitted) candidate row. */
  addPair(k: number, cost: number, logL: number): void {
    const n = this.pairs;
    if (n === this.pairK.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, make: (len: number) => T): T => {
        const b = make(2 * n);
        b.set(a);
        return b;
      };
      this.pairK = grow(this.pairK, (len) => new Int32Array(len));
      this.pairCost = grow(this.pairCost, (len) => new Float64Array(len));
      this.pairLogL = grow(this.pairLogL, (len) => new Float64Array(len));
    }
    this.pairK[n] = k;
    this.pairCost[n] = cost;
    this.pairLogL[n] = logL;
    this.pairs = n + 1;
  }

  /** Ends the current candidate's row: committed (count + 1) or dropped (its pairs discarded). */
  endRow(commit: boolean): void {
    if (!commit) {
      this.pairs = this.rowStart[this.count];
      return;
    }
    this.count++;
    if (this.rowStart.length <= this.count) {
      const r = new Int32Array(2 * this.count + 1);
      r.set(this.rowStart);
      this.rowStart = r;
    }
    this.rowStart[this.count] = this.pairs;
  }

  /** Makes room for the association of the scan's candidates and D detections. */
  ensureAssociation(D: number): void {
    const C = this.count;
    if (this.parent.length < C + D) {
      this.parent = new Int32Array(2 * (C + D));
      this.compOf = new Int32Array(2 * (C + D));
    }
    if (this.assigned.length < C) {
      this.assigned = new Int32Array(2 * C);
      this.rows = new Int32Array(2 * C);
    }
  }

  /** Component member lists (scanAssociation.ts). */
  comps = {
    candStart: new Int32Array(17),
    detStart: new Int32Array(17),
    fillC: new Int32Array(16),
    fillD: new Int32Array(16),
    cands: new Int32Array(16),
    dets: new Int32Array(16),
  };

  /** Makes room for n components of the scan's candidates and detections. */
  ensureComponents(n: number): ScanScratch<S>["comps"] {
    const cs = this.comps;
    if (cs.candStart.length < n + 1) {
      cs.candStart = new Int32Array(2 * n + 1);
      cs.detStart = new Int32Array(2 * n + 1);
      cs.fillC = new Int32Array(2 * n);
      cs.fillD = new Int32Array(2 * n);
    }
    if (cs.cands.length < this.count) cs.cands = new Int32Array(2 * this.count);
    if (cs.dets.length < this.gated.length) cs.dets = new Int32Array(this.gated.length);
    return cs;
  }

  /** Makes room for a local rows x cols matrix. */
  ensureLocal(rows: number, cols: number): Float64Array {
    if (this.local.length < rows * cols) this.local = new Float64Array(2 * rows * cols);
    return this.local;
  }
}
