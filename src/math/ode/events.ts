/**
 * Event location on the dense output of accepted steps (Hairer, Nørsett & Wanner, "Solving Ordinary
 * Differential Equations I", 2nd ed., Springer 1993, section II.6; the same scheme as Orekit's
 * EventDetector/EventState and Shampine & Thompson's "event location" in MATLAB's ode45).
 *
 * After each accepted step [t0, t1] the locator evaluates every switching function g_i at t1. A sign
 * change from the step start in the detector's direction means a root lies inside the step: Brent's
 * method (rootFind.ts) finds it on the step's continuous extension to a bracket of `tolS` seconds,
 * with no extra right-hand-side evaluations. The events of one step are then handled in time order;
 * the first terminal one ends the integration and later events of that step are discarded.
 *
 * Sign conventions (what counts as a crossing): with gPrev = g at the step start and gNew = g at the
 * end, a rising crossing is gPrev < 0 <= gNew and a falling one gPrev > 0 >= gNew. The strict
 * inequality on the start side means an integration that starts exactly on a root (g = 0, e.g. a
 * restart at the returned event state) does not fire the same event again; the located time is the
 * bracket end *after* the root, so g there has already changed sign (or is zero).
 *
 * At most one root per step and detector is found (the first wanted one). By default g is checked
 * only at step ends, so two crossings inside one step cancel out: give the detector a maxCheckS (g
 * is then also sampled on the dense output every maxCheckS seconds) or bound the step with hMaxS.
 */
import { brentRoot, RootResult } from "./rootFind.js";
import type { DenseOutput, EventDetector, SwitchingFunction } from "./types.js";

/** Located events in time order: detector index and time. Grows (rarely) when full; reused. */
export class EventLog {
  private idx: Int32Array;
  private times: Float64Array;
  /** Number of events recorded by the last integration. */
  count = 0;

  constructor(initialCapacity = 64) {
    this.idx = new Int32Array(Math.max(1, initialCapacity));
    this.times = new Float64Array(Math.max(1, initialCapacity));
  }

  /** Detector index (into the events array given to integrate) of the k-th recorded event. */
  detectorAt(k: number): number {
    if (k < 0 || k >= this.count) throw new RangeError(`EventLog: no event ${k} (count ${this.count})`);
    return this.idx[k];
  }

  /** Time (s) of the k-th recorded event. */
  timeAt(k: number): number {
    if (k < 0 || k >= this.count) throw new RangeError(`EventLog: no event ${k} (count ${this.count})`);
    return this.times[k];
  }

  clear(): void {
    this.count = 0;
  }

  push(detector: number, tS: number): void {
    if (this.count === this.idx.length) {
      const idx = new Int32Array(this.idx.length * 2);
      const times = new Float64Array(this.times.length * 2);
      idx.set(this.idx);
      times.set(this.times);
      this.idx = idx;
      this.times = times;
    }
    this.idx[this.count] = detector;
    this.times[this.count] = tS;
    this.count++;
  }
}

/** Finds and orders the events of each accepted step. One per stepper; reusable across runs. */
export class EventLocator {
  private gPrev = new Float64Array(8);
  private gNew = new Float64Array(8);
  private candDetector = new Int32Array(8);
  private candTime = new Float64Array(8);
  private candCount = 0;
  private readonly scratch: Float64Array;
  private readonly root = new RootResult();
  private detectors: readonly SwitchingFunction[] = [];
  private dir = 1;
  // State read by `gOnDense` during a root search (set before each search; avoids a closure per call).
  private current: SwitchingFunction | null = null;
  private dense: DenseOutput | null = null;
  private readonly gOnDense = (tS: number): number =>
    (this.current as SwitchingFunction).g(tS, (this.dense as DenseOutput).interpolate(tS, this.scratch));

  /** Time of the terminal event found by the last `afterStep` (NaN if none). */
  terminalTimeS = NaN;

  constructor(dim: number) {
    this.scratch = new Float64Array(dim);
  }

  /** Starts an integration: evaluates every g at (t0S, y0). `dir` is +1 forward, -1 backward. */
  begin(detectors: readonly SwitchingFunction[], t0S: number, y0: Float64Array, dir: number): void {
    this.detectors = detectors;
    this.dir = dir;
    const n = detectors.length;
    if (n > this.gPrev.length) {
      const cap = Math.max(n, 2 * this.gPrev.length);
      this.gPrev = new Float64Array(cap);
      this.gNew = new Float64Array(cap);
      this.candDetector = new Int32Array(cap);
      this.candTime = new Float64Array(cap);
    }
    for (let i = 0; i < n; i++) this.gPrev[i] = detectors[i].g(t0S, y0);
  }

  /**
   * Handles the accepted step [dense.t0S, t1S] whose end state is y1: records located events in
   * `log` (time order) and calls their onEvent. Returns the index of the first terminal event (and
   * sets terminalTimeS), or -1 when the step completes.
   */
  afterStep(dense: DenseOutput, t1S: number, y1: Float64Array, tolS: number, log: EventLog): number {
    const count = this.locate(dense, t1S, y1, tolS);
    // afterStep serves integrate, which begins with EventDetectors.
    const dets = this.detectors as readonly EventDetector[];
    let terminal = -1;
    this.terminalTimeS = NaN;
    for (let k = 0; k < count; k++) {
      const i = this.candDetector[k];
      const tS = this.candTime[k];
      const det = dets[i];
      log.push(i, tS);
      if (det.onEvent !== undefined) det.onEvent(tS, dense.interpolate(tS, this.scratch));
      if (det.terminal) {
        terminal = i;
        this.terminalTimeS = tS;
        break;
      }
    }
    if (terminal < 0) this.commit();
    return terminal;
  }

  /**
   * Locates the events of the accepted step [dense.t0S, t1S] (end state y1) without acting on them:
   * returns how many were found; candidateDetector(k) and candidateTime(k) give them in time order
   * (ties: detector order). A propagator that handles events itself calls this, then either commit()
   * when it goes on past the step's end, or begin() again when it restarts at an event inside it.
   */
  locate(dense: DenseOutput, t1S: number, y1: Float64Array, tolS: number): number {
    const dets = this.detectors;
    const n = dets.length;
    const t0S = dense.t0S;
    this.candCount = 0;
    for (let i = 0; i < n; i++) {
      const det = dets[i];
      const g1 = det.g(t1S, y1);
      this.gNew[i] = g1;
      // Direction in marching order: backward integration reverses what "rising in t" looks like.
      const want = det.direction * this.dir;
      const span = t1S - t0S;
      const maxCheck = det.maxCheckS;
      const parts =
        maxCheck !== undefined && maxCheck > 0 && Math.abs(span) > maxCheck
          ? Math.ceil(Math.abs(span) / maxCheck)
          : 1;
      let ta = t0S;
      let ga = this.gPrev[i];
      for (let k = 1; k <= parts; k++) {
        const tb = k === parts ? t1S : t0S + (span * k) / parts;
        const gb = k === parts ? g1 : det.g(tb, dense.interpolate(tb, this.scratch));
        const up = ga < 0 && gb >= 0;
        const down = ga > 0 && gb <= 0;
        if ((want >= 0 && up) || (want <= 0 && down)) {
          this.current = det;
          this.dense = dense;
          const r = brentRoot(this.gOnDense, ta, tb, ga, gb, tolS, this.root);
          this.insertCandidate(i, r.x);
          break;
        }
        ta = tb;
        ga = gb;
      }
    }
    this.current = null;
    this.dense = null;
    return this.candCount;
  }

  /** Detector index (into the array given to begin) of the k-th event located by the last locate. */
  candidateDetector(k: number): number {
    return this.candDetector[k];
  }

  /** Time (s) of the k-th event located by the last locate. */
  candidateTime(k: number): number {
    return this.candTime[k];
  }

  /** The step located last is passed whole: its end values of g become the next step's start values. */
  commit(): void {
    const tmp = this.gPrev;
    this.gPrev = this.gNew;
    this.gNew = tmp;
  }

  /** Insertion into the candidate list, ordered by time in marching order (ties: detector order). */
  private insertCandidate(detector: number, tS: number): void {
    let k = this.candCount++;
    while (k > 0 && (this.candTime[k - 1] - tS) * this.dir > 0) {
      this.candTime[k] = this.candTime[k - 1];
      this.candDetector[k] = this.candDetector[k - 1];
      k--;
    }
    this.candTime[k] = tS;
    this.candDetector[k] = detector;
  }
}
