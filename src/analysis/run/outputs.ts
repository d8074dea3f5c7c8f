/**
 * The files of one run (DESIGN.md, "Run output folder"): summary.json, events.jsonl, tracks.csv (and the
 * trajectories.csv and scene.czml shared with `raijin trajectory`). Pure text builders; the CLI writes.
 */
import { ecefToGeodeticInto } from "../../earth/geodetic.js";
import type { RunResult } from "../../sim/run.js";
import { threatSummary } from "../trajectory/study.js";
import { csvField } from "../export/csv.js";

const R2D = 180 / Math.PI;
const round = (v: number | null, digits: number) =>
  v === null || !Number.isFinite(v) ? null : Number(v.toFixed(digits));

export function runSummary(r: RunResult, extra: Record<string, unknown> = {}) {
  const flights = new Map(r.flights.map((f) => [f.result.id, f.result]));
  return {
    scenario: r.scenario.name,
    epoch: r.scenario.epoch.toISOString(),
    seed: r.seed,
    run: r.run,
    ...extra,
    endS: r.endS,
    environment: r.scenario.environment,
    tracking: {
      filter: r.scenario.tracking.filter,
      association: r.scenario.tracking.association,
      detections: r.tracking.detections,
      tracksInitiated: r.tracking.tracksInitiated,
      tracksConfirmed: r.tracking.tracksConfirmed,
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
        groundRangeKm: flight?.groundRangeKm,
        apogeeKm: flight?.apogeeKm,
        maxMach: flight?.maxMach,
        firstDetectionS: round(t.firstDetectionS, 3),
        firstDetectedBy: t.firstDetectedBy,
        firstConfirmedTrackS: round(t.firstConfirmedTrackS, 3),
        detectionToTrackS: round(t.detectionToTrackS, 3),
        trackedFraction: round(t.trackedFraction, 3),
        trackIds: t.trackIds,
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
  };
}

/** One JSON object a line, in time order (the run's events are already sorted). */
export function eventsJsonl(r: RunResult): string {
  return r.events.map((e) => JSON.stringify({ ...e, timeS: round(e.timeS, 3) })).join("\n") + "\n";
}

export const TRACK_COLUMNS = [
  "timeS",
  "trackId",
  "status",
  "threatId",
  "latDeg",
  "lonDeg",
  "altM",
  "speedMps",
  "sigmaPosM",
  "sigmaVelMps",
] as const;

/** tracks.csv: each track's state after each update; threatId is the scorer's pairing (metrics only). */
export function tracksCsv(r: RunResult): string {
  const geo = new Float64Array(3);
  const lines: string[] = [TRACK_COLUMNS.join(",")];
  for (const s of r.trackSamples) {
    ecefToGeodeticInto(s.posEcefM, geo);
    lines.push(
      [
        s.timeS.toFixed(3),
        csvField(s.trackId),
        s.status,
        s.threatId === null ? "" : csvField(s.threatId),
        (geo[0] * R2D).toFixed(6),
        (geo[1] * R2D).toFixed(6),
        geo[2].toFixed(1),
        Math.hypot(s.velEcefMps[0], s.velEcefMps[1], s.velEcefMps[2]).toFixed(2),
        s.sigmaPosM.toFixed(1),
        s.sigmaVelMps.toFixed(2),
      ].join(","),
    );
  }
  return lines.join("\n") + "\n";
}
