/**
 * Per-threat figures of a run, from the systems' records, grouped once (not a pass over every track
 * sample per threat).
 *
 * First confirmed track: the time of the first `track-confirmed` event the scorer attributed to the
 * threat, as events.jsonl shows it (one source for both); a threat first followed by a track confirmed
 * on another threat gets the first tick at which a confirmed track followed it.
 */
import type { FlightPhase } from "../flight/truth.js";
import type { SimEvent } from "./events.js";
import type { FirstDetection } from "./systems/sensing.js";
import type { ImpactPredictionScore, ScoringSystem } from "./systems/scoring.js";
import type { ThreatFlight } from "./threatFlight.js";
import type { TrackSampleColumns } from "./trackSamples.js";

/** How a threat's flight ended in the run. */
export type ThreatOutcome = "impact" | "flight-ended" | "still-flying" | "not-launched";

/** NEES of the track updates scored in one flight phase of the threat. */
export interface PhaseConsistency {
  readonly phase: FlightPhase;
  readonly updates: number;
  readonly meanNees: number;
  /** Share of updates beyond the 99 % chi-square gate (6 degrees of freedom): 0.01 for a consistent filter. */
  readonly beyondGate99: number;
}

export interface ThreatRunSummary {
  readonly threatId: string;
  readonly launchS: number;
  /** When its flight ended, or the run's end if it was still flying (see outcome). */
  readonly endS: number;
  readonly outcome: ThreatOutcome;
  readonly firstDetectionS: number | null;
  readonly firstDetectedBy: string | null;
  readonly firstConfirmedTrackS: number | null;
  readonly detectionToTrackS: number | null;
  /** Fraction of its time in flight after first detection that a confirmed track followed it; 0 when it
   *  was never detected. */
  readonly trackedFraction: number;
  readonly trackIds: readonly string[];
  readonly idSwitches: number;
  readonly positionRmseM: number | null;
  readonly velocityRmseMps: number | null;
  /** Average NEES over position and velocity (6 degrees of freedom; 6 is a consistent filter). */
  readonly meanNees: number | null;
  readonly neesByPhase: readonly PhaseConsistency[];
  /** Ballistic impact prediction from its track IMPACT_PREDICTION_LEAD_S before impact, or null (not
   *  tracked then, or no impact). Large for gliders and cruise missiles: they do not fly ballistic. */
  readonly impactPrediction: ImpactPredictionScore | null;
}

export function threatSummaries(
  flights: readonly ThreatFlight[],
  events: readonly SimEvent[],
  scorer: ScoringSystem,
  firstSeen: ReadonlyMap<string, FirstDetection>,
  samples: TrackSampleColumns,
  tickS: number,
  endS: number,
): ThreatRunSummary[] {
  const continuity = new Map(scorer.continuity.result().truths.map((c) => [c.truthId, c]));
  const trackIdsByThreat = samples.trackIdsByThreat();
  const confirmedAt = new Map<string, number>();
  const outcome = new Map<string, ThreatOutcome>();
  for (const e of events) {
    if (e.type === "track-confirmed" && e.threatId !== undefined && !confirmedAt.has(e.threatId))
      confirmedAt.set(e.threatId, e.timeS);
    if (e.type === "impact" || e.type === "flight-ended" || e.type === "still-flying")
      outcome.set(e.threatId as string, e.type);
  }
  return flights.map((f, i) => {
    const score = scorer.scores.get(f.id);
    const seen = firstSeen.get(f.id) ?? null;
    const c = continuity.get(f.id);
    const ended = !Number.isNaN(f.endTimeS);
    const flightEndS = ended ? f.endTimeS : endS;
    const visibleS = seen === null ? 0 : Math.max(tickS, flightEndS - seen.timeS);
    const firstConfirmed = confirmedAt.get(f.id) ?? score?.firstPairedS ?? null;
    const rmse = score?.rmse;
    const neesByPhase: PhaseConsistency[] = [];
    for (const [phase, p] of score?.neesByPhase ?? []) {
      neesByPhase.push({
        phase,
        updates: p.count,
        meanNees: p.sum / p.count,
        beyondGate99: p.beyondGate99 / p.count,
      });
    }
    return {
      threatId: f.id,
      launchS: f.startTimeS,
      endS: flightEndS,
      outcome: outcome.get(f.id) ?? "not-launched",
      firstDetectionS: seen?.timeS ?? null,
      firstDetectedBy: seen?.sensorId ?? null,
      firstConfirmedTrackS: firstConfirmed,
      detectionToTrackS: seen !== null && firstConfirmed !== null ? firstConfirmed - seen.timeS : null,
      trackedFraction:
        c === undefined || visibleS === 0 ? 0 : Math.min(1, (c.trackedSamples * tickS) / visibleS),
      trackIds: trackIdsByThreat[i],
      idSwitches: c?.idSwitches ?? 0,
      positionRmseM: rmse !== undefined && rmse.count > 0 ? rmse.positionM : null,
      velocityRmseMps: rmse !== undefined && rmse.count > 0 ? rmse.velocityMps : null,
      meanNees: score !== undefined && score.neesCount > 0 ? score.neesSum / score.neesCount : null,
      neesByPhase,
      impactPrediction: scorer.impactPredictions.get(f.id) ?? null,
    };
  });
}
