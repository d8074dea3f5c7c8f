/**
 * The run format: what a run folder holds, in one place for the writers (`raijin run`, `raijin
 * trajectory`), the viewer, and the server and campaign store to come. Pure (zod, no Node), so the
 * browser bundle uses it too.
 *
 * A folder of kind "run" holds summary.json, events.jsonl, trajectories.csv, tracks.csv and scene.czml;
 * one of kind "trajectory" (`raijin trajectory`) holds summary.json, trajectories.csv and scene.czml.
 * `summary.json` says which, with `formatVersion` (RUN_FORMAT_VERSION): a reader refuses a version it
 * does not know, and accepts fields it does not know (they may be added without a new version; a field
 * removed or changing meaning takes a new version).
 */
import * as z from "zod";

export const RUN_FORMAT_VERSION = 1;

export const RUN_FILES = {
  summary: "summary.json",
  events: "events.jsonl",
  trajectories: "trajectories.csv",
  tracks: "tracks.csv",
  scene: "scene.czml",
} as const;

export type RunFileKey = keyof typeof RUN_FILES;
export type RunFolderKind = "run" | "trajectory";

/** The files each kind of folder holds. */
export const FILES_OF_KIND: Record<RunFolderKind, readonly RunFileKey[]> = {
  run: ["summary", "events", "trajectories", "tracks", "scene"],
  trajectory: ["summary", "trajectories", "scene"],
};

/** trajectories.csv: a row per flight sample; speed relative to the rotating Earth. */
export const TRAJECTORY_COLUMNS = [
  "timeS",
  "id",
  "phase",
  "latDeg",
  "lonDeg",
  "altM",
  "speedMps",
  "mach",
  "surfaceTempK",
  "thrustN",
  "massKg",
] as const;

/** tracks.csv: each track's state after each update; threatId is the scorer's pairing (metrics only). */
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

const num = z.number();
const numOrNull = z.number().nullable();
const strOrNull = z.string().nullable();

/** One line of events.jsonl. The keys, in the order every writer puts them. */
export const EVENT_KEYS = [
  "timeS",
  "type",
  "threatId",
  "sensorId",
  "trackId",
  "weaponId",
  "shotId",
  "detail",
] as const;

export const runEventSchema = z.looseObject({
  timeS: num,
  type: z.string().min(1),
  threatId: z.string().optional(),
  sensorId: z.string().optional(),
  trackId: z.string().optional(),
  weaponId: z.string().optional(),
  shotId: z.string().optional(),
  detail: z.record(z.string(), z.unknown()).optional(),
});
export type RunEventLine = z.output<typeof runEventSchema>;

const environment = z.looseObject({
  earth: z.string(),
  rotation: z.boolean(),
  gravity: z.string(),
  atmosphere: z.string(),
});

const impactPrediction = z.looseObject({
  madeAtS: numOrNull,
  trackId: z.string(),
  predictedTimeS: numOrNull,
  timeSigmaS: numOrNull,
  latDeg: numOrNull,
  lonDeg: numOrNull,
  majorSigmaM: numOrNull,
  minorSigmaM: numOrNull,
  errorM: numOrNull,
  timeErrorS: numOrNull,
});

/** A threat's engagement (absent in runs without weapons). */
const threatEngagement = z.looseObject({
  result: z.enum(["intercepted", "leaked", "fallen-short"]).nullable(),
  shots: num,
  shotIds: z.array(z.string()),
  killedBy: z.looseObject({ shotId: z.string(), weaponId: z.string() }).nullable(),
  interceptS: numOrNull,
  interceptAltM: numOrNull,
  interceptRangeM: numOrNull,
  assetHit: strOrNull,
  impactS: numOrNull,
  impactIsPredicted: z.boolean(),
  lastShotOpportunityS: numOrNull,
  marginToImpactS: numOrNull,
  marginToLastShotS: numOrNull,
});

/** One shot of the run. */
export const runShotSchema = z.looseObject({
  shotId: z.string(),
  weaponId: z.string(),
  /** The weapon's kind (src/weapons/kinds.ts: "railgun" and "interceptor" built in, others registered). */
  kind: z.string().min(1),
  trackId: z.string(),
  threatId: strOrNull,
  firedS: num,
  plannedInterceptS: numOrNull,
  plannedAltM: numOrNull,
  plannedRangeM: numOrNull,
  plannedPk: numOrNull,
  outcome: z.enum(["kill", "miss", "flying"]),
  closestApproachS: numOrNull,
  missM: numOrNull,
  pk: numOrNull,
  altM: numOrNull,
  rangeM: numOrNull,
  closingSpeedMps: numOrNull,
  reason: z.string(),
});

/** One weapon at the end of the run. */
export const runWeaponSchema = z.looseObject({
  id: z.string(),
  model: z.string(),
  /** The weapon's kind, as on a shot. */
  kind: z.string().min(1),
  roundsFired: num,
  roundsLeft: num,
  kills: num,
  energyUsedMJ: numOrNull,
  barrelWear: numOrNull,
  ordersHeld: num,
});

/** One defended asset at the end of the run. */
export const runAssetSchema = z.looseObject({
  id: z.string(),
  value: num,
  hit: z.boolean(),
  hitBy: z.array(z.string()),
});

export const runThreatSchema = z.looseObject({
  id: z.string(),
  vehicle: z.string().optional(),
  kind: z.string().optional(),
  launchS: numOrNull,
  endS: numOrNull,
  outcome: z.enum(["impact", "intercepted", "flight-ended", "still-flying", "not-launched"]),
  groundRangeKm: numOrNull.optional(),
  apogeeKm: numOrNull.optional(),
  maxMach: numOrNull.optional(),
  firstDetectionS: numOrNull,
  firstDetectedBy: strOrNull,
  firstConfirmedTrackS: numOrNull,
  detectionToTrackS: numOrNull,
  trackedFraction: numOrNull,
  trackIds: z.array(z.string()),
  idSwitches: num,
  positionRmseM: numOrNull,
  velocityRmseMps: numOrNull,
  meanNees: numOrNull,
  neesByPhase: z.array(
    z.looseObject({ phase: z.string(), updates: num, meanNees: numOrNull, beyondGate99: numOrNull }),
  ),
  impactPrediction: impactPrediction.nullable(),
  engagement: threatEngagement.nullable().optional(),
});

/** summary.json of `raijin run`. */
export const runSummarySchema = z.looseObject({
  formatVersion: z.literal(RUN_FORMAT_VERSION),
  kind: z.literal("run"),
  scenario: z.string(),
  epoch: z.string(),
  seed: num,
  run: num,
  endS: num,
  warnings: z.array(z.string()),
  environment,
  tracking: z.looseObject({
    filter: z.string(),
    association: z.string(),
    detections: num,
    tracksInitiated: num,
    tracksConfirmed: num,
    falseTracks: num,
    meanOspaM: numOrNull,
    meanGospaM: numOrNull,
    lateMeasurementsApplied: num,
    measurementsTooLate: num,
  }),
  threats: z.array(runThreatSchema),
  /** The engagement: doctrine, shots, weapons, assets (absent in runs without weapons). */
  engagement: z
    .looseObject({
      doctrine: z.record(z.string(), z.unknown()),
      decisions: num,
      shots: z.array(runShotSchema),
      weapons: z.array(runWeaponSchema),
    })
    .nullable()
    .optional(),
  assets: z.array(runAssetSchema).optional(),
});
export type RunSummaryFile = z.output<typeof runSummarySchema>;

export const trajectoryThreatSchema = z.looseObject({
  id: z.string(),
  vehicle: z.string(),
  kind: z.string(),
  launchTimeS: numOrNull,
  endTimeS: numOrNull,
  impacted: z.boolean(),
  groundRangeKm: numOrNull,
  apogeeKm: numOrNull,
  timeOfFlightS: numOrNull,
  maxSpeedMps: numOrNull,
  maxMach: numOrNull,
  missDistanceM: numOrNull,
});

/** summary.json of `raijin trajectory`. */
export const trajectorySummarySchema = z.looseObject({
  formatVersion: z.literal(RUN_FORMAT_VERSION),
  kind: z.literal("trajectory"),
  scenario: z.string(),
  epoch: z.string(),
  seed: num,
  environment,
  threats: z.array(trajectoryThreatSchema),
});
export type TrajectorySummaryFile = z.output<typeof trajectorySummarySchema>;

export const summarySchema = z.discriminatedUnion("kind", [runSummarySchema, trajectorySummarySchema]);
export type SummaryFile = z.output<typeof summarySchema>;

/** A run folder's content that does not hold its format: the file, the line (1-based) and what is wrong. */
export class RunFormatError extends Error {
  constructor(
    readonly file: string,
    readonly line: number | null,
    readonly problem: string,
  ) {
    super(`${file}${line === null ? "" : `:${line}`}: ${problem}`);
    this.name = "RunFormatError";
  }
}

/** One event as a line of events.jsonl: keys in EVENT_KEYS order, time to the millisecond. */
export function eventLine(e: { readonly timeS: number; readonly type: string }): string {
  if (!Number.isFinite(e.timeS))
    throw new RangeError(`eventLine: event.timeS must be a finite time, given ${e.timeS}`);
  const o: Record<string, unknown> = {};
  const src = e as Readonly<Record<string, unknown>>;
  for (const k of EVENT_KEYS) {
    const v = k === "timeS" ? Number(e.timeS.toFixed(3)) : src[k];
    if (v !== undefined && v !== null) o[k] = v;
  }
  return JSON.stringify(o);
}

function zodProblem(e: z.ZodError): string {
  const i = e.issues[0];
  return `${i.path.length > 0 ? i.path.join(".") + ": " : ""}${i.message}`;
}

/** Reads summary.json: its kind and version checked, every field it must have present and typed. */
export function parseSummary(text: string): SummaryFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new RunFormatError(
      RUN_FILES.summary,
      null,
      `not JSON (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  const v = (json as { formatVersion?: unknown } | null)?.formatVersion;
  if (v !== RUN_FORMAT_VERSION)
    throw new RunFormatError(
      RUN_FILES.summary,
      null,
      `formatVersion ${JSON.stringify(v)}: this reader knows version ${RUN_FORMAT_VERSION}`,
    );
  const r = summarySchema.safeParse(json);
  if (!r.success) throw new RunFormatError(RUN_FILES.summary, null, zodProblem(r.error));
  return r.data;
}

/** Reads events.jsonl: every line an event, in time order. */
export function parseEvents(text: string): RunEventLine[] {
  const out: RunEventLine[] = [];
  const lines = text.split("\n");
  let last = -Infinity;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    let json: unknown;
    try {
      json = JSON.parse(lines[i]);
    } catch {
      throw new RunFormatError(RUN_FILES.events, i + 1, "not a JSON object");
    }
    const r = runEventSchema.safeParse(json);
    if (!r.success) throw new RunFormatError(RUN_FILES.events, i + 1, zodProblem(r.error));
    if (r.data.timeS < last) throw new RunFormatError(RUN_FILES.events, i + 1, "events out of time order");
    last = r.data.timeS;
    out.push(r.data);
  }
  return out;
}

/** Checks a CSV file's header against its columns and that every row has as many fields; returns rows. */
export function checkCsv(file: string, text: string, columns: readonly string[]): number {
  const lines = text.split("\n");
  if (lines[0] !== columns.join(","))
    throw new RunFormatError(file, 1, `header must be ${columns.join(",")}`);
  let rows = 0;
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i];
    if (line === "") {
      if (i !== lines.length - 1) throw new RunFormatError(file, i + 1, "empty line");
      continue;
    }
    // Fields with quotes (RFC 4180) are counted by a small state machine.
    let fields = 1;
    let quoted = false;
    for (let k = 0; k < line.length; k++) {
      const ch = line[k];
      if (ch === '"') quoted = !quoted;
      else if (ch === "," && !quoted) fields++;
    }
    if (quoted || fields !== columns.length)
      throw new RunFormatError(file, i + 1, `expected ${columns.length} fields, found ${fields}`);
    rows++;
  }
  return rows;
}

/** The checked content of a run folder (the files it holds, as text, read by the caller). */
export interface ParsedRun {
  readonly kind: RunFolderKind;
  readonly summary: SummaryFile;
  readonly events: readonly RunEventLine[];
  readonly trajectoryRows: number;
  readonly trackRows: number;
}

/**
 * Checks a run folder's files (given as text by file key): the summary's kind says which files must be
 * there; each is checked against its part of the format. Throws RunFormatError at the first problem.
 */
export function parseRunFiles(files: Partial<Record<RunFileKey, string>>): ParsedRun {
  if (files.summary === undefined) throw new RunFormatError(RUN_FILES.summary, null, "missing");
  const summary = parseSummary(files.summary);
  for (const k of FILES_OF_KIND[summary.kind])
    if (files[k] === undefined)
      throw new RunFormatError(RUN_FILES[k], null, `missing (a ${summary.kind} folder holds it)`);
  const events = files.events === undefined ? [] : parseEvents(files.events);
  const trajectoryRows =
    files.trajectories === undefined
      ? 0
      : checkCsv(RUN_FILES.trajectories, files.trajectories, TRAJECTORY_COLUMNS);
  const trackRows = files.tracks === undefined ? 0 : checkCsv(RUN_FILES.tracks, files.tracks, TRACK_COLUMNS);
  if (files.scene !== undefined) {
    let scene: unknown;
    try {
      scene = JSON.parse(files.scene);
    } catch {
      throw new RunFormatError(RUN_FILES.scene, null, "not JSON");
    }
    if (!Array.isArray(scene) || (scene[0] as { id?: unknown } | undefined)?.id !== "document")
      throw new RunFormatError(
        RUN_FILES.scene,
        null,
        "not a CZML document (an array starting with the document packet)",
      );
  }
  return { kind: summary.kind, summary, events, trajectoryRows, trackRows };
}
