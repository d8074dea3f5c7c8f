/**
 * The files of one run (docs/design.md, "Run output folder"): summary.json, events.jsonl, tracks.csv (and the
 * trajectories.csv and scene.czml shared with `raijin trajectory`). Pure text builders; the CLI writes.
 */
import type { ScenarioRun as RunResult } from "../../scenario/build/world.js";
import { threatSummary } from "../trajectory/study.js";
import { csvField } from "../export/csv.js";
import { eventLine, RUN_FORMAT_VERSION, TRACK_COLUMNS, type RunSummaryFile } from "../format/runFormat.js";

const R2D = 180 / Math.PI;
const round = (v: number | null, digits: number) =>
  v === null || !Number.isFinite(v) ? null : Number(v.toFixed(digits));

export function runSummary(r: RunResult, extra: Record<string, unknown> = {}): RunSummaryFile {
  const flights = new Map(r.flights.map((f) => [f.result.id, f.result]));
  return {
    formatVersion: RUN_FORMAT_VERSION,
    kind: "run",
    scenario: r.scenario.name,
    epoch: r.scenario.epoch.toISOString(),
    seed: r.seed,
    run: r.run,
    ...extra,
    endS: r.endS,
    warnings: [...r.warnings],
    environment: r.scenario.environment,
    tracking: {
      filter: r.scenario.tracking.filter,
      association: r.scenario.tracking.association,
      detections: r.tracking.detections,
      tracksInitiated: r.tracking.tracksInitiated,
      tracksConfirmed: r.tracking.tracksConfirmed,
      falseTracks: r.tracking.falseTracks,
      meanOspaM: round(r.tracking.meanOspaM, 1),
      meanGospaM: round(r.tracking.meanGospaM, 1),
      lateMeasurementsApplied: r.tracking.stats.lateApplied,
      measurementsTooLate: r.tracking.stats.tooLate,
    },
    threats: r.threats.map((t) => {
      const f = flights.get(t.threatId);
      const flight = f === undefined ? null : threatSummary(f, []);
      return {
        id: t.threatId,
        vehicle: flight?.vehicle,
        kind: flight?.kind,
        launchS: round(t.launchS, 3),
        endS: round(t.endS, 3),
        outcome: t.outcome,
        groundRangeKm: flight?.groundRangeKm,
        apogeeKm: flight?.apogeeKm,
        maxMach: flight?.maxMach,
        firstDetectionS: round(t.firstDetectionS, 3),
        firstDetectedBy: t.firstDetectedBy,
        firstConfirmedTrackS: round(t.firstConfirmedTrackS, 3),
        detectionToTrackS: round(t.detectionToTrackS, 3),
        trackedFraction: round(t.trackedFraction, 3),
        trackIds: [...t.trackIds],
        idSwitches: t.idSwitches,
        positionRmseM: round(t.positionRmseM, 1),
        velocityRmseMps: round(t.velocityRmseMps, 2),
        meanNees: round(t.meanNees, 2),
        // NEES per flight phase of the truth (issue 9 item 8): updates, mean, share beyond the 99 % gate.
        neesByPhase: t.neesByPhase.map((p) => ({
          phase: p.phase,
          updates: p.updates,
          meanNees: round(p.meanNees, 2),
          beyondGate99: round(p.beyondGate99, 4),
        })),
        engagement: t.engagement === null ? null : threatEngagementOf(t.engagement),
        impactPrediction:
          t.impactPrediction === null
            ? null
            : {
                madeAtS: round(t.impactPrediction.madeAtS, 3),
                trackId: t.impactPrediction.trackId,
                predictedTimeS: round(t.impactPrediction.predictedTimeS, 2),
                timeSigmaS: round(t.impactPrediction.timeSigmaS, 2),
                latDeg: round(t.impactPrediction.latDeg, 5),
                lonDeg: round(t.impactPrediction.lonDeg, 5),
                majorSigmaM: round(t.impactPrediction.majorSigmaM, 1),
                minorSigmaM: round(t.impactPrediction.minorSigmaM, 1),
                errorM: round(t.impactPrediction.errorM, 1),
                timeErrorS: round(t.impactPrediction.timeErrorS, 2),
                // Whether a decision may rest on it (issue 9 items 6-7), and why not.
                reliable: t.impactPrediction.reliable,
                flags: t.impactPrediction.flags,
                notBallisticBecause: t.impactPrediction.motion.reasons,
                trueImpactInGlideFootprint: t.impactPrediction.inFootprint,
              },
      };
    }),
    engagement: engagementOf(r),
    assets: r.assets.map((a) => ({ id: a.assetId, value: a.value, hit: a.hit, hitBy: [...a.hitBy] })),
  };
}

function threatEngagementOf(e: NonNullable<RunResult["threats"][number]["engagement"]>) {
  return {
    result: e.result,
    shots: e.shots,
    shotIds: [...e.shotIds],
    killedBy: e.killedBy,
    interceptS: round(e.interceptS, 3),
    interceptAltM: round(e.interceptAltM, 0),
    interceptRangeM: round(e.interceptRangeM, 0),
    assetHit: e.assetHit,
    impactS: round(e.impactS, 2),
    impactIsPredicted: e.impactIsPredicted,
    lastShotOpportunityS: round(e.lastShotOpportunityS, 2),
    marginToImpactS: round(e.marginToImpactS, 1),
    marginToLastShotS: round(e.marginToLastShotS, 1),
  };
}

/** The run's engagement: the doctrine it followed, every shot, every weapon (null: no weapons). */
function engagementOf(r: RunResult) {
  const e = r.engagement;
  if (e === null) return null;
  const d = r.scenario.doctrine;
  return {
    doctrine: { ...d },
    decisions: e.decisions,
    shots: e.shots.map((s) => ({
      shotId: s.shotId,
      weaponId: s.weaponId,
      kind: s.kind,
      trackId: s.trackId,
      threatId: s.threatId,
      firedS: Number(s.firedS.toFixed(3)),
      plannedInterceptS: round(s.plannedInterceptS, 3),
      plannedAltM: round(s.plannedAltM, 0),
      plannedRangeM: round(s.plannedRangeM, 0),
      plannedPk: round(s.plannedPk, 4),
      outcome:
        s.outcome === null ? ("flying" as const) : s.outcome.killed ? ("kill" as const) : ("miss" as const),
      closestApproachS: round(s.outcome?.closestApproachS ?? null, 3),
      missM: round(s.outcome?.missM ?? null, 3),
      pk: round(s.outcome?.pk ?? null, 4),
      altM: round(s.outcome?.altM ?? null, 0),
      rangeM: round(s.outcome?.rangeM ?? null, 0),
      closingSpeedMps: round(s.outcome?.closingSpeedMps ?? null, 0),
      reason: s.outcome?.reason ?? "still flying at the run's end",
    })),
    weapons: e.weapons.map((w) => ({
      id: w.weaponId,
      model: w.model,
      kind: w.kind,
      roundsFired: w.roundsFired,
      roundsLeft: w.roundsLeft,
      kills: w.kills,
      energyUsedMJ: w.energyUsedJ === null ? null : round(w.energyUsedJ / 1e6, 1),
      barrelWear: round(w.barrelWear, 4),
      ordersHeld: w.ordersHeld,
    })),
  };
}

/** One JSON object a line, in time order (the run's events are already sorted). */
export function eventsJsonl(r: RunResult): string {
  return r.events.map((e) => eventLine(e)).join("\n") + "\n";
}

export { TRACK_COLUMNS };

/**
 * tracks.csv: each track's state after each update; threatId is the scorer's pairing (metrics only).
 * Latitude, longitude and altitude on the run's Earth model, as trajectories.csv.
 */
export function tracksCsv(r: RunResult): string {
  return [...tracksCsvChunks(r)].join("");
}

/** tracks.csv in chunks of up to 10,000 rows, for writers that stream. */
export function* tracksCsvChunks(r: RunResult): Generator<string> {
  yield TRACK_COLUMNS.join(",") + "\n";
  const geo = new Float64Array(3);
  const p = new Float64Array(3);
  const v = new Float64Array(3);
  const c = r.trackSamples;
  let lines: string[] = [];
  for (let k = 0; k < c.count; k++) {
    r.earth.geodeticInto(c.positionInto(k, p), geo);
    c.velocityInto(k, v);
    const ti = c.threatIndexAt(k);
    lines.push(
      [
        c.timeAt(k).toFixed(3),
        csvField(c.trackIds[c.trackIndexAt(k)]),
        c.statusOf(k),
        ti < 0 ? "" : csvField(c.threatIds[ti]),
        (geo[0] * R2D).toFixed(6),
        (geo[1] * R2D).toFixed(6),
        geo[2].toFixed(1),
        Math.hypot(v[0], v[1], v[2]).toFixed(2),
        c.sigmaPosAt(k).toFixed(1),
        c.sigmaVelAt(k).toFixed(2),
      ].join(","),
    );
    if (lines.length === 10_000) {
      yield lines.join("\n") + "\n";
      lines = [];
    }
  }
  if (lines.length > 0) yield lines.join("\n") + "\n";
}
