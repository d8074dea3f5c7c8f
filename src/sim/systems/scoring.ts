/**
 * Scoring: the run's tracks against the truth (metrics only: nothing here reaches the tracker or a
 * decision). At every tick:
 * - confirmed tracks are paired with the threats in flight by the optimal cut-off assignment
 *   (src/tracking/metrics/sparseAssignment.ts; a track's position extrapolated from its last update to the
 *   tick along its velocity: at most one revisit, a few metres for a few g), which gives continuity and
 *   purity, the threat each track event is attributed to, and OSPA and GOSPA over the same close pairs;
 * - each confirmed track updated since the last tick is scored at its own update time against the truth
 *   of the threat it follows: position and velocity errors (RMSE) and NEES, overall and per flight phase;
 * - the track following each threat is kept for the last IMPACT_PREDICTION_LEAD_S seconds, so that when
 *   the threat comes down the ballistic impact prediction made from its track that long before (what a
 *   battle manager would have used) is scored against where it fell, without the scorer looking ahead
 *   (impactPredictionScoring.ts).
 * Track events wait for the tick to be attributed and logged (a track event's threat is the scorer's
 * pairing at that tick, or the last threat the track followed).
 */
import type { FlightPhase } from "../../flight/truth.js";
import { createTruthState } from "../../flight/truthAt.js";
import { nees } from "../../tracking/metrics/consistency.js";
import { ContinuityAccumulator } from "../../tracking/metrics/continuity.js";
import { RmseAccumulator } from "../../tracking/metrics/rmse.js";
import { CloseComponents, closePairs, ospaGospaOf } from "../../tracking/metrics/sparseAssignment.js";
import type { Track } from "../../tracking/management/track.js";
import { NonPositiveDefiniteError } from "../../math/matrix.js";
import { TrackMotionHistory } from "../../tracking/predict/motion.js";
import type { World } from "../world.js";
import type { GaussianState } from "../../tracking/types.js";
import type { EventLog } from "../events.js";
import type { SimSystem, Ticks } from "../loop.js";
import type { TrackSampleColumns } from "../trackSamples.js";
import { ImpactPredictionScorer, type ImpactPredictionScore } from "./impactPredictionScoring.js";
import type { TrackingSystem } from "./tracking.js";
import type { TruthView } from "./truth.js";

/** Cut-off of the truth-to-track assignment and of OSPA/GOSPA, m. */
export const SCORING_CUTOFF_M = 20_000;

/** 99 % point of the chi-square distribution with 6 degrees of freedom (NEES of position and velocity). */
export const NEES6_GATE_99 = 16.811894;

/** NEES of one flight phase: its sum, sample count and samples beyond the 99 % gate. */
export interface PhaseNees {
  sum: number;
  count: number;
  beyondGate99: number;
}

export interface ThreatScore {
  readonly threatId: string;
  /** First tick at which a confirmed track followed the threat, s. */
  firstPairedS: number | null;
  readonly rmse: RmseAccumulator;
  neesSum: number;
  neesCount: number;
  readonly neesByPhase: Map<FlightPhase, PhaseNees>;
}

export class ScoringSystem implements SimSystem {
  readonly name = "scoring";
  readonly scores = new Map<string, ThreatScore>();
  readonly continuity = new ContinuityAccumulator();
  /** Track updates whose covariance had no NEES (not positive definite). */
  neesSkipped = 0;
  private ospaSum = 0;
  private gospaSum = 0;
  private metricSteps = 0;
  private readonly threatIndex = new Map<string, number>();
  private readonly lastScoredUpdate = new Map<string, number>();
  private readonly lastSampledUpdate = new Map<string, number>();
  /** The threat each track followed last (drop events name it after the pairing let go). */
  private readonly lastThreatOfTrack = new Map<string, string>();
  private pairing = new Map<string, string>();
  /** Per threat: the confirmed track following it at this tick (reused array). */
  private readonly trackOfThreat: (Track<GaussianState> | null)[];
  private readonly impacts: ImpactPredictionScorer;
  private readonly truthScratch = createTruthState();
  /** Each confirmed track's recent states, for the motion check (lift seen once is remembered). */
  private readonly motionHistory: TrackMotionHistory;
  private readonly xTrue = new Float64Array(6);
  private readonly p6 = new Float64Array(36);
  private readonly neesWork = new Float64Array(48);
  private truthPos = new Float64Array(0);
  private trackPos = new Float64Array(0);

  constructor(
    private readonly truth: TruthView,
    private readonly tracking: TrackingSystem,
    private readonly log: EventLog,
    private readonly ticks: Ticks,
    private readonly samples: TrackSampleColumns,
    /** Index of the drag parameter in the filter's state, -1 if none (impact prediction). */
    kappaIndex: number,
    impact: World["impactPrediction"],
  ) {
    this.motionHistory = new TrackMotionHistory(impact.motion);
    this.impacts = new ImpactPredictionScorer(
      truth,
      log,
      ticks.intervalS,
      kappaIndex,
      impact,
      this.motionHistory,
    );
    truth.flights.forEach((f, i) => {
      this.threatIndex.set(f.id, i);
      this.scores.set(f.id, {
        threatId: f.id,
        firstPairedS: null,
        rmse: new RmseAccumulator(),
        neesSum: 0,
        neesCount: 0,
        neesByPhase: new Map(),
      });
    });
    this.trackOfThreat = truth.flights.map(() => null);
  }

  /** Impact prediction per threat that came down (null: no track then, or no prediction). */
  get impactPredictions(): ReadonlyMap<string, ImpactPredictionScore | null> {
    return this.impacts.predictions;
  }

  /** Impact predictions skipped because the track's state could not be flown (e.g. a covariance that
   *  is not positive definite). */
  get impactPredictionFailures(): number {
    return this.impacts.failures;
  }

  get meanOspaM(): number {
    return this.metricSteps > 0 ? this.ospaSum / this.metricSteps : 0;
  }

  get meanGospaM(): number {
    return this.metricSteps > 0 ? this.gospaSum / this.metricSteps : 0;
  }

  nextFrameS(afterS: number): number {
    return this.ticks.after(afterS);
  }

  runFrame(timeS: number): void {
    if (!this.ticks.isTick(timeS)) return;
    const truths = this.truth.at(timeS);
    const confirmed = this.tracking.tracker.tracks.filter((t) => t.status === "confirmed");
    this.pair(timeS, truths.length, confirmed);
    for (const t of confirmed) {
      const threat = this.pairing.get(t.id);
      if (threat !== undefined && t.lastUpdateS !== this.lastScoredUpdate.get(t.id)) {
        this.lastScoredUpdate.set(t.id, t.lastUpdateS);
        this.scoreUpdate(t, threat);
      }
    }
    for (const t of confirmed) this.motionHistory.note(t.id, t.state);
    const byThreat = this.trackOfThreat;
    byThreat.fill(null);
    for (const t of confirmed) {
      const threat = this.pairing.get(t.id);
      if (threat !== undefined) byThreat[this.threatIndex.get(threat) as number] = t;
    }
    this.impacts.keep(timeS, byThreat);
    this.logTrackEvents();
    this.recordTrackSamples();
  }

  finish(): void {
    this.logTrackEvents();
    this.impacts.finish();
  }

  /** Pairs confirmed tracks with the truths in flight; continuity, OSPA and GOSPA of the tick. */
  private pair(timeS: number, m: number, confirmed: readonly Track<GaussianState>[]): void {
    const truths = this.truth.at(timeS);
    const n = confirmed.length;
    if (this.truthPos.length < 3 * m) this.truthPos = new Float64Array(3 * m * 2);
    if (this.trackPos.length < 3 * n) this.trackPos = new Float64Array(3 * n * 2);
    const X = this.truthPos;
    const Y = this.trackPos;
    for (let i = 0; i < m; i++) X.set(truths[i].posEcefM, 3 * i);
    for (let j = 0; j < n; j++) {
      const x = confirmed[j].state.x;
      const dt = timeS - confirmed[j].lastUpdateS;
      Y[3 * j] = x[0] + x[3] * dt;
      Y[3 * j + 1] = x[1] + x[4] * dt;
      Y[3 * j + 2] = x[2] + x[5] * dt;
    }
    const close = closePairs(X, m, Y, n, SCORING_CUTOFF_M);
    // The components of the close pairs once, for the pairing (p = 1) and the metrics (p = 2).
    const components = new CloseComponents(close, m, n);
    const pairing = new Map<string, string>();
    const trackOfTruth: (string | null)[] = new Array<string | null>(m).fill(null);
    for (const pr of components.assign(SCORING_CUTOFF_M, 1)) {
      const threatId = truths[pr.i].id;
      const trackId = confirmed[pr.j].id;
      pairing.set(trackId, threatId);
      this.lastThreatOfTrack.set(trackId, threatId);
      trackOfTruth[pr.i] = trackId;
      const score = this.scores.get(threatId);
      if (score !== undefined && score.firstPairedS === null) score.firstPairedS = timeS;
    }
    for (let i = 0; i < m; i++) this.continuity.add(truths[i].id, trackOfTruth[i]);
    this.pairing = pairing;
    if (m > 0 || n > 0) {
      const g = ospaGospaOf(components.assign(SCORING_CUTOFF_M, 2), m, n, SCORING_CUTOFF_M, 2);
      this.ospaSum += g.ospa;
      this.gospaSum += g.gospa;
      this.metricSteps++;
    }
  }

  /** Errors and NEES of a track's latest update against the truth of its threat at that time. */
  private scoreUpdate(track: Track<GaussianState>, threatId: string): void {
    const i = this.threatIndex.get(threatId);
    const score = this.scores.get(threatId);
    if (i === undefined || score === undefined) return;
    const st = track.state;
    // A track updated before the threat it is now paired with was launched was following something
    // else then (copies of a raid launch from nearby points): there is no truth to score it against.
    if (st.timeS < this.truth.flights[i].startTimeS) return;
    const truth = this.truth.flights[i].truthInto(st.timeS, this.truthScratch);
    score.rmse.add(st.x, truth.posEcefM, truth.velEcefMps);
    // NEES over position and velocity (the first six components of every built-in state).
    const n = Math.round(Math.sqrt(st.P.length));
    for (let c = 0; c < 3; c++) {
      this.xTrue[c] = truth.posEcefM[c];
      this.xTrue[3 + c] = truth.velEcefMps[c];
    }
    for (let a = 0; a < 6; a++) for (let b = 0; b < 6; b++) this.p6[a * 6 + b] = st.P[a * n + b];
    let e: number;
    try {
      e = nees(st.x.subarray(0, 6), this.p6, this.xTrue, 6, this.neesWork);
    } catch (err) {
      // A covariance that is not positive definite has no NEES; the tracker drops such a track.
      if (!(err instanceof NonPositiveDefiniteError)) throw err;
      this.neesSkipped++;
      return;
    }
    if (!Number.isFinite(e)) return;
    score.neesSum += e;
    score.neesCount++;
    let ph = score.neesByPhase.get(truth.phase);
    if (ph === undefined) {
      ph = { sum: 0, count: 0, beyondGate99: 0 };
      score.neesByPhase.set(truth.phase, ph);
    }
    ph.sum += e;
    ph.count++;
    if (e > NEES6_GATE_99) ph.beyondGate99++;
  }

  /** The tracker's events since the last tick, named with the threat their track follows. */
  private logTrackEvents(): void {
    const pending = this.tracking.pendingEvents;
    for (const e of pending) {
      const threatId = this.pairing.get(e.trackId) ?? this.lastThreatOfTrack.get(e.trackId);
      const sensorId = e.sensorIds?.join(" ");
      const ids = { timeS: e.timeS, trackId: e.trackId, threatId, sensorId };
      if (e.type === "track-dropped") {
        // A dropped track's motion history is no longer needed (memory of a long raid).
        this.motionHistory.forget(e.trackId);
        this.lastSampledUpdate.delete(e.trackId);
        this.lastScoredUpdate.delete(e.trackId);
        this.log.push({ ...ids, type: "track-dropped", detail: { reason: e.reason ?? "coast" } });
      } else {
        this.log.push({ ...ids, type: e.type });
      }
    }
    pending.length = 0;
  }

  /** A tracks.csv row for every live track updated since its last row. */
  private recordTrackSamples(): void {
    for (const track of this.tracking.tracker.tracks) {
      if (this.lastSampledUpdate.get(track.id) === track.lastUpdateS) continue;
      this.lastSampledUpdate.set(track.id, track.lastUpdateS);
      const threat = this.pairing.get(track.id);
      const { x, P } = track.state;
      this.samples.push(
        track.lastUpdateS,
        track.id,
        track.status,
        x,
        P,
        threat === undefined ? -1 : (this.threatIndex.get(threat) ?? -1),
      );
    }
  }
}
