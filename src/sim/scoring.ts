/**
 * Scoring a run's tracks against the truth (metrics only: the tracker never sees any of this).
 *
 * Each step, confirmed tracks are paired with the threats in flight by optimal assignment with a cut-off
 * distance (src/tracking/metrics/continuity.ts); a track's position is extrapolated from its last update
 * to the step time along its velocity (at most one revisit, a few metres of error for a few g). From the
 * pairs come continuity and purity, the first time each threat is followed by a confirmed track, and
 * OSPA/GOSPA per step. Accuracy (position and velocity RMSE, NEES) is taken at the track's own update
 * times against the truth at that time, for the threat it is paired with.
 */
import { truthAt, createTruthState, type MutableTruthState } from "../flight/truthAt.js";
import type { FlightResult } from "../flight/result.js";
import {
  continuityAndPurity,
  assignTracksToTruths,
  type AssignmentSample,
} from "../tracking/metrics/continuity.js";
import { nees } from "../tracking/metrics/consistency.js";
import { gospa } from "../tracking/metrics/gospa.js";
import { ospa } from "../tracking/metrics/ospa.js";
import { RmseAccumulator } from "../tracking/metrics/rmse.js";
import type { Track } from "../tracking/management/track.js";
import type { GaussianState } from "../tracking/types.js";
import type { TruthState } from "../flight/truth.js";

/** The 99 % point of chi-square with 6 degrees of freedom: the NEES gate of the per-phase figures. */
export const NEES_GATE_99_6DOF = 16.811893829770927;

/** NEES of one threat's track updates in one flight phase (the truth's phase at the update time). */
export interface PhaseNees {
  count: number;
  sum: number;
  /** Updates whose NEES exceeds NEES_GATE_99_6DOF (a consistent filter: 1 %). */
  beyondGate: number;
}

/** Cut-off of the truth-to-track assignment and of OSPA/GOSPA, m. */
export const SCORING_CUTOFF_M = 20_000;

export interface ThreatScore {
  readonly threatId: string;
  firstConfirmedTrackS: number | null;
  readonly rmse: RmseAccumulator;
  neesSum: number;
  neesCount: number;
  /** NEES per flight phase (issue 9 item 8). */
  readonly neesByPhase: Map<string, PhaseNees>;
}

export class RunScorer {
  readonly samples: AssignmentSample[] = [];
  readonly scores = new Map<string, ThreatScore>();
  private ospaSum = 0;
  private gospaSum = 0;
  private steps = 0;
  private readonly lastScoredUpdate = new Map<string, number>();
  private readonly flightsById: Map<string, FlightResult>;
  private readonly truthScratch: MutableTruthState = createTruthState();
  private readonly xTrue = new Float64Array(6);
  private readonly p6 = new Float64Array(36);
  private readonly neesWork = new Float64Array(48);

  constructor(flights: readonly FlightResult[]) {
    this.flightsById = new Map(flights.map((f) => [f.id, f]));
    for (const f of flights) {
      this.scores.set(f.id, {
        threatId: f.id,
        firstConfirmedTrackS: null,
        rmse: new RmseAccumulator(),
        neesSum: 0,
        neesCount: 0,
        neesByPhase: new Map(),
      });
    }
  }

  /** The threat each confirmed track follows at `timeS` (track id -> threat id). */
  step(
    timeS: number,
    truths: readonly TruthState[],
    tracks: readonly Track<GaussianState>[],
  ): Map<string, string> {
    const confirmed = tracks.filter((t) => t.status === "confirmed");
    const estimates = confirmed.map((t) => ({ id: t.id, positionEcefM: extrapolatedPosition(t, timeS) }));
    const truthPoints = truths.map((t) => ({ id: t.id, positionEcefM: t.posEcefM }));
    const pairs = assignTracksToTruths(timeS, truthPoints, estimates, SCORING_CUTOFF_M);
    const byTrack = new Map<string, string>();
    for (const s of pairs) {
      this.samples.push(s);
      if (s.trackId === null) continue;
      byTrack.set(s.trackId, s.truthId);
      const score = this.scores.get(s.truthId);
      if (score !== undefined && score.firstConfirmedTrackS === null) score.firstConfirmedTrackS = timeS;
    }
    if (truths.length > 0 || estimates.length > 0) {
      const X = truthPoints.map((t) => t.positionEcefM);
      const Y = estimates.map((e) => e.positionEcefM);
      this.ospaSum += ospa(X, Y, SCORING_CUTOFF_M).ospa;
      this.gospaSum += gospa(X, Y, SCORING_CUTOFF_M).gospa;
      this.steps++;
    }
    for (const t of confirmed) {
      const threat = byTrack.get(t.id);
      if (threat !== undefined && t.lastUpdateS !== this.lastScoredUpdate.get(t.id)) {
        this.lastScoredUpdate.set(t.id, t.lastUpdateS);
        this.scoreUpdate(t, threat);
      }
    }
    return byTrack;
  }

  private scoreUpdate(track: Track<GaussianState>, threatId: string): void {
    const flight = this.flightsById.get(threatId);
    const score = this.scores.get(threatId);
    if (flight === undefined || score === undefined) return;
    const st = track.state;
    const truth = truthAt(flight, st.timeS, this.truthScratch);
    score.rmse.add(st.x, truth.posEcefM, truth.velEcefMps);
    // NEES over position and velocity (the first six components of every built-in state).
    const n = Math.round(Math.sqrt(st.P.length));
    for (let i = 0; i < 3; i++) {
      this.xTrue[i] = truth.posEcefM[i];
      this.xTrue[3 + i] = truth.velEcefMps[i];
    }
    for (let i = 0; i < 6; i++) for (let j = 0; j < 6; j++) this.p6[i * 6 + j] = st.P[i * n + j];
    const e = nees(st.x.subarray(0, 6), this.p6, this.xTrue, 6, this.neesWork);
    if (Number.isFinite(e)) {
      score.neesSum += e;
      score.neesCount++;
      let ph = score.neesByPhase.get(truth.phase);
      if (ph === undefined) score.neesByPhase.set(truth.phase, (ph = { count: 0, sum: 0, beyondGate: 0 }));
      ph.count++;
      ph.sum += e;
      if (e > NEES_GATE_99_6DOF) ph.beyondGate++;
    }
  }

  get meanOspaM(): number {
    return this.steps > 0 ? this.ospaSum / this.steps : 0;
  }

  get meanGospaM(): number {
    return this.steps > 0 ? this.gospaSum / this.steps : 0;
  }

  continuity() {
    return continuityAndPurity(this.samples);
  }
}

function extrapolatedPosition(t: Track<GaussianState>, timeS: number): Float64Array {
  const x = t.state.x;
  const dt = timeS - t.lastUpdateS;
  return Float64Array.of(x[0] + x[3] * dt, x[1] + x[4] * dt, x[2] + x[5] * dt);
}
