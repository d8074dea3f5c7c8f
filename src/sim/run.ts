/**
 * `simulate(world, { seed, run })`: one run. The world's threats fly, its sensors look at them on their
 * own schedules, detections reach the tracker at their arrival times, the battle manager decides on the
 * tracks, the batteries fire, their rounds fly and are adjudicated against the true threats, and the
 * scorer measures the tracks against the truth, as an ordered list of systems on one clock (loop.ts):
 * truth, weapons, adjudication, sensing, tracking, battle management, scoring (engagement.ts; without
 * weapons in the world the three engagement systems are left out).
 *
 * Determinism: every random draw comes from a stream named after its consumer (`sensor:<id>`) of
 * (seed, run); systems run in a fixed order and visit their members in a fixed order; the event log is
 * sorted by a total order. Same world, seed and version: the same event log, byte for byte.
 */
import type { EarthModel } from "../earth/model.js";
import type { FlightResult } from "../flight/result.js";
import { randomStream, type RandomStream } from "../math/random.js";
import type { Track } from "../tracking/management/track.js";
import type { GaussianState } from "../tracking/types.js";
import type { Sensor } from "../sensors/sensor.js";
import type { TrackerStats } from "../tracking/management/trackerTypes.js";
import { DetectionBus } from "./detectionBus.js";
import { EventLog, type SimEvent } from "./events.js";
import { runSystems, Ticks, type SimSystem } from "./loop.js";
import type { RaidFlight } from "./raid.js";
import { assetSummaries, threatSummaries, type AssetRunSummary, type ThreatRunSummary } from "./summaries.js";
import { ScoringSystem } from "./systems/scoring.js";
import { SensingSystem } from "./systems/sensing.js";
import { TrackingSystem } from "./systems/tracking.js";
import { TruthSystem, type TruthView } from "./systems/truth.js";
import { LiveThreatFlight } from "./threatFlight.js";
import { TrackSampleColumns } from "./trackSamples.js";
import type { World, WorldDescription } from "./world.js";
import { engagementResult, engagementSystems, type EngagementRunResult } from "./engagement.js";

export interface SimulateOptions {
  readonly seed: number;
  /** Monte Carlo run index (default 0). */
  readonly run?: number;
  /** Scoring and track-maintenance tick, s (default 1). Sensors look at their own revisit times. */
  readonly tickS?: number;
  /**
   * More systems for the loop, run after tracking (and battle management) and before scoring in every
   * frame (decisions act on the frame's tracks; the scorer sees their effects), or, for those whose
   * `stage` is "physical", right after the truth and the weapons. Each is built from the run's context
   * and sees only what it takes from it.
   */
  readonly systems?: (context: SystemContext) => readonly SimSystem[];
}

/** What a system added to a run may be built from. */
export interface SystemContext {
  readonly world: World;
  readonly seed: number;
  readonly run: number;
  /** The truth (sensors, adjudication and metrics only: never for decisions). */
  readonly truth: TruthView;
  /** The tracker's picture: the live tracks (what a battle manager may read). */
  readonly tracks: { readonly tracks: readonly Track<GaussianState>[] };
  readonly log: EventLog;
  readonly ticks: Ticks;
  /** A random stream of the run named after its consumer (e.g. `weapon:<id>`). */
  stream(name: string): RandomStream;
}

export interface RunResult {
  readonly world: WorldDescription;
  readonly seed: number;
  readonly run: number;
  readonly earth: EarthModel;
  /** Each threat's definition and its flight as flown in the run. */
  readonly flights: readonly RaidFlight[];
  readonly sensors: readonly Sensor[];
  readonly events: readonly SimEvent[];
  /** Each track's state after each update (tracks.csv). */
  readonly trackSamples: TrackSampleColumns;
  readonly threats: readonly ThreatRunSummary[];
  /** Shots, weapons and what the battle manager knew (null: the world has no weapons). */
  readonly engagement: EngagementRunResult | null;
  /** Each defended asset: hit or saved. */
  readonly assets: readonly AssetRunSummary[];
  readonly tracking: {
    readonly meanOspaM: number;
    readonly meanGospaM: number;
    readonly tracksInitiated: number;
    readonly tracksConfirmed: number;
    /** Confirmed tracks that never followed any threat (the scorer's pairing). */
    readonly falseTracks: number;
    readonly stats: TrackerStats;
    readonly detections: number;
    /** Impact predictions the scorer could not make (skipped, logged, never fatal). */
    readonly impactPredictionFailures: number;
  };
  /** Looks taken per sensor, in the order of `sensors`. */
  readonly looks: readonly number[];
  /** Frames the engine played. */
  readonly frames: number;
  readonly endS: number;
  /** Things the user should know about the run (threats still flying at its end, ...). */
  readonly warnings: readonly string[];
}

export function simulate(world: World, options: SimulateOptions): RunResult {
  const seed = options.seed;
  const run = options.run ?? 0;
  if (!Number.isInteger(seed)) throw new RangeError(`simulate: seed must be a whole number, given ${seed}`);
  if (!Number.isInteger(run) || run < 0)
    throw new RangeError(`simulate: run must be a whole number >= 0, given ${run}`);
  const tickS = options.tickS ?? 1;
  if (!(tickS > 0 && Number.isFinite(tickS)))
    throw new RangeError(`simulate: options.tickS must be a finite number > 0, given ${tickS}`);
  if (!(world.durationS > 0 && Number.isFinite(world.durationS)))
    throw new RangeError(`simulate: world.durationS must be a finite number > 0, given ${world.durationS}`);
  const ticks = new Ticks(tickS);
  const log = new EventLog();
  // A flight may last as long as the run (not the flight layer's default limit): one that outlives it
  // is reported as still flying.
  const flights = world.threats.map((d) => new LiveThreatFlight(d, world.earth, world.durationS + 1));
  const sensors = world.createSensors();
  const streams = sensors.map((s) => randomStream(seed, run, `sensor:${s.id}`));
  const tracker = world.createTracker();
  const bus = new DetectionBus();
  const samples = new TrackSampleColumns(flights.map((f) => f.id));
  const names = tracker.filter.stateNames;
  const kappaIndex = names?.indexOf("kappa") ?? -1;

  const truth = new TruthSystem(flights, log, world.durationS, world.assets);
  const sensing = new SensingSystem(sensors, streams, truth, bus, log);
  const tracking = new TrackingSystem(tracker, bus, ticks);
  const scoring = new ScoringSystem(truth, tracking, log, ticks, samples, kappaIndex, world.impactPrediction);
  const context: SystemContext = {
    world,
    seed,
    run,
    truth,
    tracks: tracker,
    log,
    ticks,
    stream: (name) => randomStream(seed, run, name),
  };
  const engagement = engagementSystems({ world, truth, tracker, log, stream: context.stream });
  const extra = options.systems?.(context) ?? [];
  const physical = extra.filter((s) => s.stage === "physical");
  const decisions = extra.filter((s) => s.stage !== "physical");
  const loop = runSystems(
    [
      truth,
      ...(engagement === null ? [] : [engagement.weapons, engagement.adjudication]),
      ...physical,
      sensing,
      tracking,
      ...(engagement === null ? [] : [engagement.battle]),
      ...decisions,
      scoring,
    ],
    { startS: 0, endS: () => truth.endS() },
  );
  const engaged = engagement === null ? null : engagementResult(engagement);

  const events = log.sorted();
  const results: FlightResult[] = flights.map((f) => f.result());
  const threats = threatSummaries(
    flights,
    events,
    scoring,
    sensing.firstDetections,
    samples,
    ticks.intervalS,
    loop.endS,
    engaged,
  );
  const paired = new Set(scoring.continuity.result().tracks.map((t) => t.trackId));
  let confirmed = 0;
  let initiated = 0;
  let falseTracks = 0;
  for (const e of events) {
    if (e.type === "track-initiated") initiated++;
    if (e.type === "track-confirmed") {
      confirmed++;
      if (!paired.has(e.trackId as string)) falseTracks++;
    }
  }
  const warnings = threats
    .filter((t) => t.outcome === "still-flying")
    .map((t) => `threat ${t.threatId} was still flying when the run ended at ${loop.endS} s (duration)`);
  return {
    world: world.description,
    seed,
    run,
    earth: world.earth,
    flights: world.threats.map((definition, i) => ({ definition, result: results[i] })),
    sensors,
    events,
    trackSamples: samples,
    threats,
    engagement: engaged,
    assets: assetSummaries(world.assets, events),
    tracking: {
      meanOspaM: scoring.meanOspaM,
      meanGospaM: scoring.meanGospaM,
      tracksInitiated: initiated,
      tracksConfirmed: confirmed,
      falseTracks,
      stats: { ...tracker.stats },
      detections: bus.count,
      impactPredictionFailures: scoring.impactPredictionFailures,
    },
    looks: sensing.looks,
    frames: loop.frames,
    endS: loop.endS,
    warnings,
  };
}
