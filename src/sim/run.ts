/**
 * `simulate(scenario, { seed })`: one run of a scenario. Threats fly (each alone: threats do not
 * interact), sensors look at the truth every step on their own schedules, detections reach the tracker
 * at their arrival times (measurement time plus the sensor's latency, so late data arrives late), and the
 * tracker's events and the scorer's metrics are logged. Engagement joins this loop in a later layer.
 *
 * Determinism: every random draw comes from a stream named after its consumer (`sensor:<id>`) of
 * (seed, run); the loop visits sensors and detections in a fixed order. Same scenario, seed and version:
 * the same event log, byte for byte.
 */
import type { EarthModel } from "../earth/model.js";
import type { FlightResult } from "../flight/result.js";
import { randomStream } from "../math/random.js";
import { constellationOf } from "../sensors/coverage.js";
import type { Detection } from "../sensors/detection.js";
import type { Sensor } from "../sensors/sensor.js";
import { earthModelOf, sensorObjects, threatDefinitions } from "../scenario/build/index.js";
import { impactPredictionModel, trackerOf } from "../scenario/build/tracker.js";
import type { Scenario } from "../scenario/index.js";
import type { Track } from "../tracking/management/track.js";
import type { TrackerStats } from "../tracking/management/trackerTypes.js";
import type { GaussianState } from "../tracking/types.js";
import { geodesicInverse } from "../earth/geodesic.js";
import { enuRotationInto } from "../earth/enu.js";
import { predictImpact, type ImpactFlag } from "../tracking/predict/impactPoint.js";
import { TrackMotionHistory, type MotionAssessment } from "../tracking/predict/motion.js";
import { glideFootprint } from "../tracking/predict/footprint.js";
import type { BallisticModel } from "../tracking/models/transition/ballistic.js";
import { compareEvents, type SimEvent } from "./events.js";
import { flyRaid, TruthBoard, type RaidFlight } from "./raid.js";
import { RunScorer } from "./scoring.js";

export interface SimulateOptions {
  readonly seed: number;
  /** Monte Carlo run index (default 0). */
  readonly run?: number;
  /** Step of truth sampling, sensor looks and tracker updates, s (default 1). */
  readonly stepS?: number;
}

/** One row of tracks.csv: a track's state after an update. */
export interface TrackSample {
  readonly timeS: number;
  readonly trackId: string;
  readonly status: string;
  /** ECEF position and velocity, m and m/s. */
  readonly posEcefM: readonly number[];
  readonly velEcefMps: readonly number[];
  /** Root of the trace of the position and velocity covariances, m and m/s. */
  readonly sigmaPosM: number;
  readonly sigmaVelMps: number;
  /** The threat the scorer pairs it with at this time, or null (metrics only). */
  readonly threatId: string | null;
}

/**
 * The impact point a ballistic predictor draws from the threat's track shortly before impact (what a
 * battle manager would use to decide which asset is threatened), against where it really fell.
 */
export interface ImpactPredictionScore {
  /** When the prediction was made (the first step at least IMPACT_PREDICTION_LEAD_S before impact). */
  readonly madeAtS: number;
  readonly trackId: string;
  readonly predictedTimeS: number;
  readonly timeSigmaS: number;
  readonly latDeg: number;
  readonly lonDeg: number;
  /** One-sigma axes of the predicted impact ellipse, m. */
  readonly majorSigmaM: number;
  readonly minorSigmaM: number;
  /** Distance from the predicted to the true impact point (geodesic), m, and the time error, s. */
  readonly errorM: number;
  readonly timeErrorS: number;
  /** NEES of the impact point (2 degrees of freedom: the east-north error against the predicted
   *  covariance; 5.99 is the 95 % point) and of the impact time (1 degree of freedom). */
  readonly pointNees: number;
  readonly timeNees: number;
  /** The track's inverse ballistic coefficient at the prediction (m^2/kg), or null if it has none. */
  readonly kappa: number | null;
  readonly reliable: boolean;
  readonly flags: readonly ImpactFlag[];
  /** Whether the track flies ballistic (src/tracking/predict/motion.ts), and why not. */
  readonly motion: MotionAssessment;
  /** For a target that does not fly ballistic: whether the true impact point lies in the glide
   *  footprint reachable from its track (src/tracking/predict/footprint.ts), and the footprint's
   *  reach ahead; null for a ballistic target. */
  readonly inFootprint: boolean | null;
  readonly footprintDownrangeM: number | null;
}

/** Lead time of the scored impact prediction, s. */
export const IMPACT_PREDICTION_LEAD_S = 60;

export interface ThreatRunSummary {
  readonly threatId: string;
  readonly launchS: number;
  readonly endS: number;
  readonly firstDetectionS: number | null;
  readonly firstDetectedBy: string | null;
  readonly firstConfirmedTrackS: number | null;
  readonly detectionToTrackS: number | null;
  /** Fraction of its time in flight (after first detection) that a confirmed track followed it. */
  readonly trackedFraction: number;
  readonly trackIds: readonly string[];
  readonly idSwitches: number;
  readonly positionRmseM: number | null;
  readonly velocityRmseMps: number | null;
  /** Average NEES over position and velocity (6 degrees of freedom; 6 is a consistent filter). */
  readonly meanNees: number | null;
  /** NEES per flight phase of the truth at the update time: updates, mean, and the share beyond the
   *  99 % gate (chi-square, 6 degrees of freedom: 16.81; 1 % for a consistent filter). */
  readonly neesByPhase: readonly { phase: string; updates: number; meanNees: number; beyondGate99: number }[];
  /** Ballistic impact prediction from its track IMPACT_PREDICTION_LEAD_S before impact, or null (not
   *  tracked then, or no impact). Large for gliders and cruise missiles: they do not fly ballistic. */
  readonly impactPrediction: ImpactPredictionScore | null;
}

export interface RunResult {
  readonly scenario: Scenario;
  readonly seed: number;
  readonly run: number;
  readonly earth: EarthModel;
  readonly flights: readonly RaidFlight[];
  readonly sensors: readonly Sensor[];
  readonly events: readonly SimEvent[];
  readonly trackSamples: readonly TrackSample[];
  readonly threats: readonly ThreatRunSummary[];
  readonly tracking: {
    readonly meanOspaM: number;
    readonly meanGospaM: number;
    readonly tracksInitiated: number;
    readonly tracksConfirmed: number;
    readonly stats: TrackerStats;
    readonly detections: number;
    /** Impact predictions that threw (bad track state) and were skipped. */
    readonly impactPredictionFailures: number;
  };
  readonly endS: number;
}

export function simulate(scenario: Scenario, options: SimulateOptions): RunResult {
  const stepS = options.stepS ?? 1;
  const run = options.run ?? 0;
  const earth = earthModelOf(scenario);
  const flights = flyRaid(threatDefinitions(scenario), earth, { sampleIntervalS: stepS });
  const results = flights.map((f) => f.result);
  const sensors = sensorObjects(scenario);
  const streams = sensors.map((s) => randomStream(options.seed, run, `sensor:${s.id}`));
  const tracker = trackerOf(scenario.tracking, earth);
  const scorer = new RunScorer(results);
  const board = new TruthBoard(results);
  const events: SimEvent[] = [];
  const trackSamples: TrackSample[] = [];
  const firstSeen = new Map<string, { timeS: number; sensorId: string }>();
  const seenBy = new Set<string>();
  let pending: Detection[] = [];
  let detectionCount = 0;
  let confirmed = 0;
  const lastSampled = new Map<string, number>();
  // The threat each track last followed, so a drop event can name it after the pairing has let go.
  const lastThreatOfTrack = new Map<string, string>();

  for (const f of results) events.push({ timeS: f.startTimeS, type: "launch", threatId: f.id });

  // Run until every threat has ended and every detection has arrived, or to the scenario's end.
  const lastFlightS = Math.max(0, ...results.map((f) => f.endTimeS));
  const endS = Math.min(scenario.duration, lastFlightS + 30);
  const steps = Math.floor(endS / stepS + 1e-9);
  const fresh: Detection[] = [];
  const predictions = new Map<string, ImpactPredictionScore | null>();
  const names = (tracker.filter as { stateNames?: readonly string[] }).stateNames;
  const kappaIndex = names?.indexOf("kappa") ?? -1;
  // Impact predictions fly the scenario's Earth; a failed prediction is counted, never fatal.
  const modeStateNames = (
    tracker.filter as { filters?: { transition: { stateNames?: string[] } }[] }
  ).filters?.map((f) => f.transition.stateNames);
  const impact = {
    model: impactPredictionModel(earth),
    failures: 0,
    modeStateNames,
    stateNames: names,
    history: new TrackMotionHistory({ earth, modeStateNames, stateNames: names }),
  };
  for (let k = 0; k <= steps; k++) {
    const t = k * stepS;
    const truths = board.at(t);
    fresh.length = 0;
    for (let i = 0; i < sensors.length; i++) sensors[i].observe(truths, t, streams[i], fresh);
    for (const d of fresh) noteDetection(d, firstSeen, seenBy, events);
    detectionCount += fresh.length;
    pending.push(...fresh);
    const arrived = pending.filter((d) => d.arrivalTimeS <= t + 1e-9);
    pending = pending.filter((d) => d.arrivalTimeS > t + 1e-9);
    const stepResult = tracker.step(t, arrived);
    const pairing = scorer.step(t, truths, stepResult.tracks);
    for (const [trackId, threatId] of pairing) lastThreatOfTrack.set(trackId, threatId);
    for (const track of stepResult.tracks) {
      if (track.status === "confirmed") impact.history.note(track.id, track.state);
    }
    scoreImpactPredictions(t, results, pairing, stepResult.tracks, kappaIndex, predictions, impact);
    for (const e of stepResult.events) {
      if (e.type === "track-confirmed") confirmed++;
      events.push({
        timeS: e.timeS,
        type: e.type,
        trackId: e.trackId,
        threatId: pairing.get(e.trackId) ?? lastThreatOfTrack.get(e.trackId),
        sensorId: e.sensorIds?.join(" "),
        detail: e.reason === undefined ? undefined : { reason: e.reason },
      });
    }
    for (const track of stepResult.tracks) sampleTrack(track, pairing, lastSampled, trackSamples);
  }

  for (const f of results) {
    if (!f.summary.impacted || f.endTimeS > endS) continue;
    const imp = f.summary.impact;
    events.push({
      timeS: f.endTimeS,
      type: "impact",
      threatId: f.id,
      detail:
        imp === null
          ? undefined
          : {
              latDeg: round(imp.latRad * (180 / Math.PI), 5),
              lonDeg: round(imp.lonRad * (180 / Math.PI), 5),
              missM: Number.isFinite(f.summary.missDistanceM) ? round(f.summary.missDistanceM, 1) : null,
            },
    });
  }
  events.sort(compareEvents);

  return {
    scenario,
    seed: options.seed,
    run,
    earth,
    flights,
    sensors,
    events,
    trackSamples,
    threats: threatSummaries(results, scorer, firstSeen, trackSamples, stepS, predictions),
    tracking: {
      meanOspaM: scorer.meanOspaM,
      meanGospaM: scorer.meanGospaM,
      tracksInitiated: events.filter((e) => e.type === "track-initiated").length,
      tracksConfirmed: confirmed,
      stats: { ...tracker.stats },
      detections: detectionCount,
      impactPredictionFailures: impact.failures,
    },
    endS,
  };
}

/** A `detection` event the first time each sensor (a constellation counts as one) sees each threat. */
function noteDetection(
  d: Detection,
  firstSeen: Map<string, { timeS: number; sensorId: string }>,
  seenBy: Set<string>,
  events: SimEvent[],
): void {
  if (d.truthId === null) return;
  const sensorId = constellationOf(d.sensorId);
  const key = `${d.truthId}\u0000${sensorId}`;
  if (seenBy.has(key)) return;
  seenBy.add(key);
  if (!firstSeen.has(d.truthId)) firstSeen.set(d.truthId, { timeS: d.timeS, sensorId });
  events.push({ timeS: d.timeS, type: "detection", threatId: d.truthId, sensorId });
}

function sampleTrack(
  track: Track<GaussianState>,
  pairing: ReadonlyMap<string, string>,
  lastSampled: Map<string, number>,
  out: TrackSample[],
): void {
  if (lastSampled.get(track.id) === track.lastUpdateS) return;
  lastSampled.set(track.id, track.lastUpdateS);
  const { x, P } = track.state;
  const n = Math.round(Math.sqrt(P.length));
  out.push({
    timeS: track.lastUpdateS,
    trackId: track.id,
    status: track.status,
    posEcefM: [x[0], x[1], x[2]],
    velEcefMps: [x[3], x[4], x[5]],
    sigmaPosM: Math.sqrt(P[0] + P[n + 1] + P[2 * n + 2]),
    sigmaVelMps: Math.sqrt(P[3 * n + 3] + P[4 * n + 4] + P[5 * n + 5]),
    threatId: pairing.get(track.id) ?? null,
  });
}

function threatSummaries(
  flights: readonly FlightResult[],
  scorer: RunScorer,
  firstSeen: ReadonlyMap<string, { timeS: number; sensorId: string }>,
  trackSamples: readonly TrackSample[],
  stepS: number,
  predictions: ReadonlyMap<string, ImpactPredictionScore | null>,
): ThreatRunSummary[] {
  const continuity = new Map(scorer.continuity().truths.map((c) => [c.truthId, c]));
  return flights.map((f) => {
    const score = scorer.scores.get(f.id)!;
    const seen = firstSeen.get(f.id) ?? null;
    const c = continuity.get(f.id);
    const trackIds = [...new Set(trackSamples.filter((s) => s.threatId === f.id).map((s) => s.trackId))];
    const visibleS = seen === null ? 0 : Math.max(stepS, f.endTimeS - seen.timeS);
    const rmse = score.rmse;
    return {
      threatId: f.id,
      launchS: f.startTimeS,
      endS: f.endTimeS,
      firstDetectionS: seen?.timeS ?? null,
      firstDetectedBy: seen?.sensorId ?? null,
      firstConfirmedTrackS: score.firstConfirmedTrackS,
      detectionToTrackS:
        seen !== null && score.firstConfirmedTrackS !== null ? score.firstConfirmedTrackS - seen.timeS : null,
      trackedFraction: c === undefined ? 0 : Math.min(1, (c.trackedSamples * stepS) / visibleS),
      trackIds,
      idSwitches: c?.idSwitches ?? 0,
      positionRmseM: rmse.count > 0 ? rmse.positionM : null,
      velocityRmseMps: rmse.count > 0 ? rmse.velocityMps : null,
      meanNees: score.neesCount > 0 ? score.neesSum / score.neesCount : null,
      neesByPhase: [...score.neesByPhase].map(([phase, p]) => ({
        phase,
        updates: p.count,
        meanNees: p.sum / p.count,
        beyondGate99: p.beyondGate / p.count,
      })),
      impactPrediction: predictions.get(f.id) ?? null,
    };
  });
}

function round(v: number, digits: number): number {
  return Number(v.toFixed(digits));
}

/**
 * Once per threat, at the first step at least IMPACT_PREDICTION_LEAD_S before its impact: the ballistic
 * impact prediction (src/tracking/predict/impactPoint.ts) from the confirmed track the scorer pairs with
 * it, scored against the true impact point.
 */
function scoreImpactPredictions(
  timeS: number,
  flights: readonly FlightResult[],
  pairing: ReadonlyMap<string, string>,
  tracks: readonly Track<GaussianState>[],
  kappaIndex: number,
  out: Map<string, ImpactPredictionScore | null>,
  impact: {
    readonly model: BallisticModel;
    failures: number;
    readonly modeStateNames?: readonly (readonly string[] | undefined)[];
    readonly stateNames?: readonly string[];
    readonly history: TrackMotionHistory;
  },
): void {
  for (const f of flights) {
    if (out.has(f.id) || !f.summary.impacted || f.summary.impact === null) continue;
    if (timeS < f.endTimeS - IMPACT_PREDICTION_LEAD_S) continue;
    out.set(f.id, null);
    if (timeS >= f.endTimeS) continue;
    let track: Track<GaussianState> | undefined;
    for (const [trackId, threatId] of pairing) {
      if (threatId === f.id) track = tracks.find((t) => t.id === trackId);
    }
    if (track === undefined) continue;
    let p: ReturnType<typeof predictImpact> = null;
    let motion: MotionAssessment | undefined;
    try {
      motion = impact.history.assess(track.id, track.state);
      p = predictImpact(track.state, {
        model: impact.model,
        notBallistic: !motion.ballistic,
        ...(kappaIndex >= 0 ? { kappaIndex } : {}),
      });
    } catch {
      impact.failures++;
    }
    if (p === null || motion === undefined) continue;
    const imp = f.summary.impact;
    const R2D = 180 / Math.PI;
    const truePoint = impact.model.earth.ecefFromGeodeticInto(imp.latRad, imp.lonRad, 0, new Float64Array(3));
    const footprint = motion.ballistic ? null : glideFootprint(track.state, { earth: impact.model.earth });
    out.set(f.id, {
      madeAtS: timeS,
      trackId: track.id,
      predictedTimeS: p.timeS,
      timeSigmaS: p.timeSigmaS,
      latDeg: p.latDeg,
      lonDeg: p.lonDeg,
      majorSigmaM: p.majorSigmaM,
      minorSigmaM: p.minorSigmaM,
      errorM: geodesicInverse(p.latDeg, p.lonDeg, imp.latRad * R2D, imp.lonRad * R2D).distanceM,
      timeErrorS: p.timeS - f.endTimeS,
      pointNees: impactPointNees(p.positionEcefM, p.latDeg, p.lonDeg, p.covarianceEnM2, truePoint),
      timeNees: ((p.timeS - f.endTimeS) / p.timeSigmaS) ** 2,
      kappa: kappaIndex >= 0 ? track.state.x[kappaIndex] : null,
      reliable: p.reliable,
      flags: p.flags,
      motion,
      inFootprint: footprint === null ? null : footprint.contains(imp.latRad * R2D, imp.lonRad * R2D),
      footprintDownrangeM: footprint?.maxDownrangeM ?? null,
    });
  }
}

/** 2-D NEES of a true impact point against a predicted mean and east-north covariance. */
function impactPointNees(
  meanEcefM: ArrayLike<number>,
  latDeg: number,
  lonDeg: number,
  covEn: ArrayLike<number>,
  trueEcefM: ArrayLike<number>,
): number {
  const rot = enuRotationInto(latDeg * (Math.PI / 180), lonDeg * (Math.PI / 180), new Float64Array(9));
  const d = [0, 1, 2].map((i) => trueEcefM[i] - meanEcefM[i]);
  const e = rot[0] * d[0] + rot[1] * d[1] + rot[2] * d[2];
  const nn = rot[3] * d[0] + rot[4] * d[1] + rot[5] * d[2];
  const det = covEn[0] * covEn[3] - covEn[1] * covEn[2];
  if (!(det > 0)) return Infinity;
  return (covEn[3] * e * e - 2 * covEn[1] * e * nn + covEn[0] * nn * nn) / det;
}
