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
 * A propagator that acts on events one at a time (the flight's) uses locateInOrder: the brackets are
 * found at once but a root is searched only when it may come before the events already found, since a
 * restart at the first event makes the step's later ones moot.
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
  // Brackets found by locateInOrder and not searched yet (see there): detector, ends, g at the ends.
  private pendDetector = new Int32Array(8);
  private pendTa = new Float64Array(8);
  private pendTb = new Float64Array(8);
  private pendGa = new Float64Array(8);
  private pendGb = new Float64Array(8);
  private pendCount = 0;
  /** Candidates 0..settled are final (their time order cannot change); -1: none yet. */
  private settled = -1;
  private pendTol = 0;
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
      this.pendDetector = new Int32Array(cap);
      this.pendTa = new Float64Array(cap);
      this.pendTb = new Float64Array(cap);
      this.pendGa = new Float64Array(cap);
      this.pendGb = new Float64Array(cap);
    }
    this.candCount = 0;
    this.pendCount = 0;
    this.settled = -1;
    this.dense = null;
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
    this.bracket(dense, t1S, y1, tolS);
    // Every bracket searched, in detector order (ties in time keep that order).
    for (let p = 0; p < this.pendCount; p++) this.search(p);
    this.pendCount = 0;
    this.settled = this.candCount - 1;
    this.current = null;
    this.dense = null;
    return this.candCount;
  }

  /**
   * As locate, for a propagator that acts on the events one at a time and restarts at the first that
   * changes the state (the later ones of the step are then never used): the brackets are found at once,
   * but each root is searched only when candidateTime or candidateDetector needs to know whether it
   * comes before the events already found. A bracket that starts after the earliest event found, or whose
   * g shows no wanted sign change between its start and that event, holds its root after it and is left
   * unsearched (an event found on a discontinuity of g costs about 40 evaluations of g, bisection to
   * tolS). Returns the number of events, as locate; the k-th in time order is the same event, at the same
   * time, as locate's k-th, except when a g crosses more than once inside one bracket (which locate does
   * not resolve either: it finds one of the roots). The dense output must stay valid (no step, no cut)
   * until the candidates needed have been read.
   */
  locateInOrder(dense: DenseOutput, t1S: number, y1: Float64Array, tolS: number): number {
    this.bracket(dense, t1S, y1, tolS);
    if (this.pendCount === 0) {
      this.current = null;
      this.dense = null;
    }
    return this.candCount + this.pendCount;
  }

  /** The brackets of the step: g at t1S, then the first wanted sign change (maxCheckS sub-intervals). */
  private bracket(dense: DenseOutput, t1S: number, y1: Float64Array, tolS: number): void {
    const dets = this.detectors;
    const n = dets.length;
    const t0S = dense.t0S;
    this.candCount = 0;
    this.pendCount = 0;
    this.settled = -1;
    this.pendTol = tolS;
    this.dense = dense;
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
        if (crosses(want, ga, gb)) {
          const p = this.pendCount++;
          this.pendDetector[p] = i;
          this.pendTa[p] = ta;
          this.pendTb[p] = tb;
          this.pendGa[p] = ga;
          this.pendGb[p] = gb;
          break;
        }
        ta = tb;
        ga = gb;
      }
    }
  }

  /** Brent's search of pending bracket p; its root becomes a candidate (after the settled ones). */
  private search(p: number): void {
    const i = this.pendDetector[p];
    this.current = this.detectors[i];
    const r = brentRoot(
      this.gOnDense,
      this.pendTa[p],
      this.pendTb[p],
      this.pendGa[p],
      this.pendGb[p],
      this.pendTol,
      this.root,
    );
    this.insertCandidate(i, r.x);
  }

  /** Removes pending bracket p (order kept: the next search is always the lowest detector's). */
  private dropPending(p: number): void {
    const last = --this.pendCount;
    for (let q = p; q < last; q++) {
      this.pendDetector[q] = this.pendDetector[q + 1];
      this.pendTa[q] = this.pendTa[q + 1];
      this.pendTb[q] = this.pendTb[q + 1];
      this.pendGa[q] = this.pendGa[q + 1];
      this.pendGb[q] = this.pendGb[q + 1];
    }
  }

  /** Makes candidates 0..k final: searches the pending brackets that may hold a root before the k-th. */
  private settle(k: number): void {
    if (k <= this.settled) return;
    const dense = this.dense as DenseOutput;
    const dir = this.dir;
    while (this.pendCount > 0) {
      if (this.candCount <= k) {
        // Not enough events found yet: search the lowest detector's bracket.
        this.search(0);
        this.dropPending(0);
        continue;
      }
      const tk = this.candTime[k];
      let before = -1;
      for (let p = 0; p < this.pendCount; p++) {
        if ((this.pendTa[p] - tk) * dir >= 0) continue;
        const det = this.detectors[this.pendDetector[p]];
        const gk = det.g(tk, dense.interpolate(tk, this.scratch));
        if (crosses(det.direction * dir, this.pendGa[p], gk)) {
          before = p;
          break;
        }
      }
      if (before < 0) break;
      this.search(before);
      this.dropPending(before);
    }
    this.settled = k;
    if (this.pendCount === 0) {
      this.current = null;
      this.dense = null;
    }
  }

  /** Detector index (into the array given to begin) of the k-th event located by the last locate. */
  candidateDetector(k: number): number {
    if (this.pendCount > 0) this.settle(k);
    return this.candDetector[k];
  }

  /** Time (s) of the k-th event located by the last locate. */
  candidateTime(k: number): number {
    if (this.pendCount > 0) this.settle(k);
    return this.candTime[k];
  }

  /** The step located last is passed whole: its end values of g become the next step's start values. */
  commit(): void {
    const tmp = this.gPrev;
    this.gPrev = this.gNew;
    this.gNew = tmp;
  }

  /**
   * Insertion into the candidate list after the settled ones, ordered by time in marching order (ties:
   * detector order).
   */
  private insertCandidate(detector: number, tS: number): void {
    let k = this.candCount++;
    const floor = this.settled + 1;
    while (k > floor) {
      const dt = (this.candTime[k - 1] - tS) * this.dir;
      if (dt < 0 || (dt === 0 && this.candDetector[k - 1] < detector)) break;
      this.candTime[k] = this.candTime[k - 1];
      this.candDetector[k] = this.candDetector[k - 1];
      k--;
    }
    this.candTime[k] = tS;
    this.candDetector[k] = detector;
  }
}

/**
 * Whether g goes from ga to gb across zero in the wanted direction (marching order: > 0 rising, < 0
 * falling, 0 either): rising is ga < 0 <= gb, falling ga > 0 >= gb (see the file comment).
 */
function crosses(want: number, ga: number, gb: number): boolean {
  return (want >= 0 && ga < 0 && gb >= 0) || (want <= 0 && ga > 0 && gb <= 0);
}
