/**
 * The trajectory study behind `raijin trajectory`: every threat flown alone over the scenario's Earth,
 * every sensor looking at them, and per (threat, sensor) when each was first and last seen and for how
 * long it was held. Pure: the CLI writes the files.
 */
import type { EarthModel } from "../../earth/model.js";
import { PHASES, type FlightResult } from "../../flight/result.js";
import { constellationOf, detectionSpans, type DetectionSpan } from "../../sensors/coverage.js";
import type { Detection } from "../../sensors/detection.js";
import type { Sensor } from "../../sensors/sensor.js";
import { earthModelOf, sensorObjects, threatDefinitions } from "../../scenario/build/index.js";
import type { Scenario } from "../../scenario/index.js";
import { flyRaid, senseRaid, type RaidFlight } from "../../sim/raid.js";
import { RUN_FORMAT_VERSION, type TrajectorySummaryFile } from "../format/runFormat.js";

export interface TrajectoryStudy {
  readonly scenario: Scenario;
  readonly earth: EarthModel;
  readonly flights: readonly RaidFlight[];
  readonly sensors: readonly Sensor[];
  readonly detections: readonly Detection[];
  /** Per (threat, sensor); an infrared constellation counts as one sensor. */
  readonly spans: readonly DetectionSpan[];
}

export interface StudyOptions {
  readonly seed?: number;
  /** Sample interval of the trajectories and step of the sensor looks, s (default 1). */
  readonly stepS?: number;
  /** Gap that ends a held interval, s (default 10). */
  readonly maxGapS?: number;
}

export function runTrajectoryStudy(scenario: Scenario, options: StudyOptions = {}): TrajectoryStudy {
  const stepS = options.stepS ?? 1;
  const earth = earthModelOf(scenario);
  const flights = flyRaid(threatDefinitions(scenario), earth, { sampleIntervalS: stepS });
  const sensors = sensorObjects(scenario);
  const endS = Math.min(scenario.duration, Math.max(0, ...flights.map((f) => f.result.endTimeS)));
  const detections = senseRaid(
    flights.map((f) => f.result),
    sensors,
    { startS: 0, endS, stepS, seed: options.seed ?? 1 },
  );
  const spans = detectionSpans(detections, { maxGapS: options.maxGapS ?? 10, sensorKey: constellationOf });
  return { scenario, earth, flights, sensors, detections, spans };
}

const R2D = 180 / Math.PI;

/** summary.json of a trajectory folder (src/analysis/format/runFormat.ts); `extra` adds fields (file, version). */
export function trajectorySummaryFile(
  study: TrajectoryStudy,
  seed: number,
  extra: Record<string, unknown> = {},
): TrajectorySummaryFile {
  return {
    formatVersion: RUN_FORMAT_VERSION,
    kind: "trajectory",
    scenario: study.scenario.name,
    ...extra,
    epoch: study.scenario.epoch.toISOString(),
    seed,
    environment: study.scenario.environment,
    threats: study.flights.map((f) => threatSummary(f.result, study.spans)),
  };
}
const round = (v: number, digits: number) => (Number.isFinite(v) ? Number(v.toFixed(digits)) : null);

/** Per-threat summary (the `summary.json` of `raijin trajectory`). */
export function threatSummary(f: FlightResult, spans: readonly DetectionSpan[]) {
  const s = f.summary;
  return {
    id: f.id,
    vehicle: f.vehicleName,
    kind: f.kind,
    launchTimeS: round(f.startTimeS, 3),
    endTimeS: round(f.endTimeS, 3),
    impacted: s.impacted,
    groundRangeKm: round(s.groundRangeM / 1000, 3),
    apogeeKm: round(s.apogeeAltM / 1000, 3),
    timeOfFlightS: round(s.timeOfFlightS, 3),
    maxSpeedMps: round(s.maxSpeedMps, 1),
    maxMach: round(s.maxMach, 2),
    glideAltitudeBandKm:
      s.glideAltitudeBandM === null
        ? null
        : {
            min: round(s.glideAltitudeBandM.minM / 1000, 2),
            max: round(s.glideAltitudeBandM.maxM / 1000, 2),
          },
    missDistanceM: round(s.missDistanceM, 1),
    impact:
      s.impact === null
        ? null
        : { latDeg: round(s.impact.latRad * R2D, 5), lonDeg: round(s.impact.lonRad * R2D, 5) },
    maxSurfaceTempK: round(maxOf(f.samples.surfaceTempK, f.samples.count), 0),
    phases: f.phases.map((p) => ({ phase: p.phase, startS: round(p.startS, 3), endS: round(p.endS, 3) })),
    events: f.events.map((e) => ({ type: e.type, timeS: round(e.timeS, 3) })),
    targeting:
      f.targeting === null
        ? null
        : {
            trajectory: f.targeting.trajectory,
            iterations: f.targeting.iterations,
            flights: f.targeting.flights,
            solvedMissM: round(f.targeting.missM, 1),
          },
    detection: spans
      .filter((d) => d.truthId === f.id)
      .map((d) => ({
        sensorId: d.sensorId,
        firstS: round(d.firstS, 3),
        lastS: round(d.lastS, 3),
        heldS: round(d.heldS, 3),
        detections: d.count,
        intervals: d.intervals,
      })),
  };
}

function maxOf(a: Float64Array, n: number): number {
  let m = -Infinity;
  for (let i = 0; i < n; i++) if (a[i] > m) m = a[i];
  return m;
}

/** Phase name of a sample's stored phase index. */
export function phaseName(index: number): string {
  return PHASES[index] ?? "unknown";
}
