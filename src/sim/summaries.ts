/**
 * Per-threat figures of a run, from the systems' records, grouped once (not a pass over every track
 * sample per threat).
 *
 * First confirmed track: the time of the first `track-confirmed` event the scorer attributed to the
 * threat, as events.jsonl shows it (one source for both); a threat first followed by a track confirmed
 * on another threat gets the first tick at which a confirmed track followed it.
 */
import type { FlightPhase } from "../flight/truth.js";
import type { EngagementRunResult } from "./engagement.js";
import type { SimEvent } from "./events.js";
import type { FirstDetection } from "./systems/sensing.js";
import type { ImpactPredictionScore } from "./systems/impactPredictionScoring.js";
import type { ScoringSystem } from "./systems/scoring.js";
import type { ThreatFlight } from "./threatFlight.js";
import type { TrackSampleColumns } from "./trackSamples.js";
import type { WorldAsset } from "./world.js";

/** How a threat's flight ended in the run. */
export type ThreatOutcome = "impact" | "intercepted" | "flight-ended" | "still-flying" | "not-launched";

/**
 * What the defence made of a threat: intercepted (a round killed it), leaked (it came down on a
 * defended asset), fallen short (it came down on none, or its flight ended without an impact); null
 * while it was still flying at the run's end or never launched.
 */
export type DefenceResult = "intercepted" | "leaked" | "fallen-short";

/** A threat's engagement: its shots, how it ended, and the decision margins. */
export interface ThreatEngagementSummary {
  readonly result: DefenceResult | null;
  /** Rounds measured against it (fired at a track that followed it). */
  readonly shots: number;
  readonly shotIds: readonly string[];
  /** The round that killed it, its closest approach's time, altitude and ground range from the launcher. */
  readonly killedBy: { readonly shotId: string; readonly weaponId: string } | null;
  readonly interceptS: number | null;
  readonly interceptAltM: number | null;
  readonly interceptRangeM: number | null;
  /** The asset it hit (leaked), or null. */
  readonly assetHit: string | null;
  /** Impact time: its true impact, or (intercepted) the battle manager's last prediction from its track; null when neither is known. */
  readonly impactS: number | null;
  readonly impactIsPredicted: boolean;
  /** The latest shot time any battery's window offered against its tracks, as the battle manager last computed it. */
  readonly lastShotOpportunityS: number | null;
  /** First confirmed track to impact, and to the last shot opportunity, s. */
  readonly marginToImpactS: number | null;
  readonly marginToLastShotS: number | null;
}

/** A defended asset at the end of the run. */
export interface AssetRunSummary {
  readonly assetId: string;
  readonly value: number;
  readonly hit: boolean;
  /** Threats that came down on it, in time order. */
  readonly hitBy: readonly string[];
}

/** Each defended asset, hit or saved, from the run's `leak` events. */
export function assetSummaries(
  assets: readonly WorldAsset[],
  events: readonly SimEvent[],
): AssetRunSummary[] {
  const hits = new Map<string, string[]>();
  for (const e of events)
    if (e.type === "leak") {
      const list = hits.get(e.detail.assetId) ?? [];
      list.push(e.threatId as string);
      hits.set(e.detail.assetId, list);
    }
  return assets.map((a) => ({
    assetId: a.id,
    value: a.value,
    hit: hits.has(a.id),
    hitBy: hits.get(a.id) ?? [],
  }));
}

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
  /** Its engagement (null: the world has no weapons). */
  readonly engagement: ThreatEngagementSummary | null;
}

export function threatSummaries(
  flights: readonly ThreatFlight[],
  events: readonly SimEvent[],
  scorer: ScoringSystem,
  firstSeen: ReadonlyMap<string, FirstDetection>,
  samples: TrackSampleColumns,
  tickS: number,
  endS: number,
  engagement: EngagementRunResult | null = null,
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
    if (e.type === "intercept" && e.detail.killed) outcome.set(e.threatId as string, "intercepted");
  }
  const hitAsset = new Map<string, string>();
  for (const e of events) if (e.type === "leak") hitAsset.set(e.threatId as string, e.detail.assetId);
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
      engagement:
        engagement === null
          ? null
          : engagementOf(
              f,
              outcome.get(f.id) ?? "not-launched",
              hitAsset.get(f.id) ?? null,
              firstConfirmed,
              engagement,
              trackIdsByThreat[i],
            ),
    };
  });
}

/** One threat's engagement summary (exported for its test). */
export function engagementOf(
  f: ThreatFlight,
  outcome: ThreatOutcome,
  assetHit: string | null,
  firstConfirmedS: number | null,
  e: EngagementRunResult,
  trackIds: readonly string[],
): ThreatEngagementSummary {
  const shots = e.shots.filter((s) => s.threatId === f.id);
  const kill = shots.find((s) => s.outcome?.killed === true) ?? null;
  const result: DefenceResult | null =
    outcome === "intercepted"
      ? "intercepted"
      : outcome === "impact"
        ? assetHit !== null
          ? "leaked"
          : "fallen-short"
        : outcome === "flight-ended"
          ? "fallen-short"
          : null;
  // The battle manager's records of the tracks that followed this threat (the scorer's pairing).
  const mine = new Set(trackIds);
  let lastShot = NaN;
  let predicted = NaN;
  let predictedAt = -Infinity;
  for (const r of e.tracks) {
    if (!mine.has(r.trackId)) continue;
    if (r.lastShotOpportunityS === r.lastShotOpportunityS && !(r.lastShotOpportunityS <= lastShot))
      lastShot = r.lastShotOpportunityS;
    // The latest prediction of any of its tracks (not the last track's: a dropped track's can be later).
    if (r.predictedImpactS === r.predictedImpactS && r.predictedImpactAtS >= predictedAt) {
      predicted = r.predictedImpactS;
      predictedAt = r.predictedImpactAtS;
    }
  }
  const impactIsPredicted = outcome !== "impact";
  const impactS = outcome === "impact" ? f.endTimeS : predicted === predicted ? predicted : null;
  return {
    result,
    shots: shots.length,
    shotIds: shots.map((s) => s.shotId),
    killedBy: kill === null ? null : { shotId: kill.shotId, weaponId: kill.weaponId },
    interceptS: kill?.outcome?.closestApproachS ?? null,
    interceptAltM: kill?.outcome?.altM ?? null,
    interceptRangeM: kill?.outcome?.rangeM ?? null,
    assetHit,
    impactS,
    impactIsPredicted: impactS !== null && impactIsPredicted,
    lastShotOpportunityS: lastShot === lastShot ? lastShot : null,
    marginToImpactS: firstConfirmedS !== null && impactS !== null ? impactS - firstConfirmedS : null,
    marginToLastShotS: firstConfirmedS !== null && lastShot === lastShot ? lastShot - firstConfirmedS : null,
  };
}
