/**
 * The run folder's files as the viewer reads them: summary.json (either the `raijin run` shape or the
 * `raijin trajectory` shape, docs/design.md "Run output folder"), events.jsonl and trajectories.csv.
 * Pure parsing with no DOM or Node use, so the Node tests check it directly.
 */

/** One threat's line in the summary table; null where the file does not say. */
export interface ThreatRow {
  readonly id: string;
  readonly vehicle: string | null;
  /** Vehicle kind (ballistic, hgv, cruise...), which picks its colour. */
  readonly kind: string | null;
  readonly launchS: number | null;
  readonly rangeKm: number | null;
  readonly apogeeKm: number | null;
  readonly timeOfFlightS: number | null;
  readonly maxMach: number | null;
  readonly firstDetectedS: number | null;
  readonly firstDetectedBy: string | null;
  readonly firstTrackedS: number | null;
  readonly positionRmseM: number | null;
  /** What the defence made of it (intercepted, leaked, fallen-short), or null (no weapons, or unknown). */
  readonly result: string | null;
}

export interface SummaryView {
  /** "run" (raijin run), "trajectory" (raijin trajectory) or "unknown" (read as best it can). */
  readonly shape: "run" | "trajectory" | "unknown";
  readonly scenario: string | null;
  readonly epoch: string | null;
  readonly seed: number | null;
  readonly threats: readonly ThreatRow[];
}

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);
const num = (v: unknown): number | null => (typeof v === "number" && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === "string" ? v : null);

/** The earliest first detection over a trajectory study's per-sensor detection spans. */
function firstSpan(spans: unknown): { timeS: number | null; by: string | null } {
  let best: { timeS: number | null; by: string | null } = { timeS: null, by: null };
  if (!Array.isArray(spans)) return best;
  for (const s of spans) {
    if (!isObject(s)) continue;
    const t = num(s.firstS);
    if (t !== null && (best.timeS === null || t < best.timeS)) best = { timeS: t, by: str(s.sensorId) };
  }
  return best;
}

function threatRow(t: Json): ThreatRow {
  // run shape: launchS/endS and tracking fields; trajectory shape: launchTimeS/endTimeS/timeOfFlightS
  // and per-sensor detection spans.
  const launchS = num(t.launchS) ?? num(t.launchTimeS);
  const endS = num(t.endS) ?? num(t.endTimeS);
  const span = firstSpan(t.detection);
  const tof = num(t.timeOfFlightS) ?? (launchS !== null && endS !== null ? endS - launchS : null);
  return {
    id: str(t.id) ?? str(t.threatId) ?? "?",
    vehicle: str(t.vehicle),
    kind: str(t.kind),
    launchS,
    rangeKm: num(t.groundRangeKm),
    apogeeKm: num(t.apogeeKm),
    timeOfFlightS: tof,
    maxMach: num(t.maxMach),
    firstDetectedS: num(t.firstDetectionS) ?? span.timeS,
    firstDetectedBy: str(t.firstDetectedBy) ?? span.by,
    firstTrackedS: num(t.firstConfirmedTrackS),
    positionRmseM: num(t.positionRmseM),
    result: isObject(t.engagement) ? str(t.engagement.result) : null,
  };
}

/** Reads either summary shape; throws a TypeError if it is not a summary at all. */
export function normalizeSummary(json: unknown): SummaryView {
  if (!isObject(json) || !Array.isArray(json.threats))
    throw new TypeError("summary.json: expected an object with a threats array");
  const threats = json.threats.filter(isObject).map(threatRow);
  const shape = isObject(json.tracking)
    ? "run"
    : json.threats.some((t) => isObject(t) && "launchTimeS" in t)
      ? "trajectory"
      : "unknown";
  return {
    shape,
    scenario: str(json.scenario),
    epoch: str(json.epoch),
    seed: num(json.seed),
    threats,
  };
}

/** One line of events.jsonl (docs/design.md): time, type and the ids involved. */
export interface RunEvent {
  readonly timeS: number;
  readonly type: string;
  readonly threatId: string | null;
  readonly sensorId: string | null;
  readonly trackId: string | null;
  readonly weaponId: string | null;
  readonly shotId: string | null;
  readonly detail: Readonly<Record<string, unknown>> | null;
}

/** Parses events.jsonl, skipping blank lines; throws a SyntaxError naming the bad line. */
export function parseEventsJsonl(text: string): RunEvent[] {
  const out: RunEvent[] = [];
  const lines = text.split("\n");
  lines.forEach((line, i) => {
    if (line.trim() === "") return;
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch (e) {
      throw new SyntaxError(`events.jsonl line ${i + 1}: ${e instanceof Error ? e.message : String(e)}`, {
        cause: e,
      });
    }
    if (!isObject(v) || num(v.timeS) === null || str(v.type) === null)
      throw new SyntaxError(`events.jsonl line ${i + 1}: expected an object with timeS and type`);
    out.push({
      timeS: num(v.timeS) as number,
      type: v.type as string,
      threatId: str(v.threatId),
      sensorId: str(v.sensorId),
      trackId: str(v.trackId),
      weaponId: str(v.weaponId),
      shotId: str(v.shotId),
      detail: isObject(v.detail) ? v.detail : null,
    });
  });
  return out;
}

/** Splits one CSV line (RFC 4180 quoting: "a,b" and "" for a quote inside quotes). */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") {
      fields.push(field);
      field = "";
    } else field += c;
  }
  fields.push(field);
  return fields;
}

/** One threat's samples from trajectories.csv, in file (time) order. */
export interface TrajectorySeries {
  readonly id: string;
  readonly timeS: number[];
  readonly latDeg: number[];
  readonly lonDeg: number[];
  readonly altM: number[];
}

/** Groups trajectories.csv by threat id (first-seen order); needs timeS, id, latDeg, lonDeg, altM. */
export function parseTrajectoriesCsv(text: string): TrajectorySeries[] {
  const lines = text.split("\n");
  const header = splitCsvLine(lines[0] ?? "").map((h) => h.trim());
  const col = (name: string): number => {
    const k = header.indexOf(name);
    if (k < 0) throw new SyntaxError(`trajectories.csv: no ${name} column`);
    return k;
  };
  const [cT, cId, cLat, cLon, cAlt] = ["timeS", "id", "latDeg", "lonDeg", "altM"].map(col);
  const byId = new Map<string, TrajectorySeries>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i].trim() === "") continue;
    const f = splitCsvLine(lines[i]);
    const id = f[cId];
    let s = byId.get(id);
    if (s === undefined) {
      s = { id, timeS: [], latDeg: [], lonDeg: [], altM: [] };
      byId.set(id, s);
    }
    s.timeS.push(Number(f[cT]));
    s.latDeg.push(Number(f[cLat]));
    s.lonDeg.push(Number(f[cLon]));
    s.altM.push(Number(f[cAlt]));
  }
  return [...byId.values()];
}

/** The events worth a line in the timeline by default; the rest show with "all events". */
export const KEY_EVENT_TYPES: ReadonlySet<string> = new Set([
  "launch",
  "detection",
  "track-confirmed",
  "engagement-planned",
  "shot",
  "intercept",
  "kill-assessed",
  "leak",
  "impact",
]);

/** A one-line description of an event for the timeline. */
export function describeEvent(e: RunEvent): string {
  const parts: string[] = [];
  if (e.threatId !== null) parts.push(e.threatId);
  if (e.trackId !== null) parts.push(`track ${e.trackId}`);
  if (e.weaponId !== null) parts.push(`weapon ${e.weaponId}`);
  if (e.shotId !== null) parts.push(`shot ${e.shotId}`);
  if (e.sensorId !== null && e.type === "detection") parts.push(`by ${e.sensorId}`);
  const d = e.detail;
  const miss = d === null ? null : num(d.missM);
  if (e.type === "intercept" && d !== null) {
    parts.push(d.killed === true ? "KILL" : "no kill");
    if (miss !== null) parts.push(`miss ${miss < 10 ? miss.toFixed(1) : miss.toFixed(0)} m`);
    const alt = num(d.altM);
    if (alt !== null) parts.push(`${(alt / 1000).toFixed(1)} km up`);
    return parts.join(", ");
  }
  if (miss !== null && e.type !== "miss") parts.push(`miss ${miss.toFixed(0)} m`);
  const reason = d === null ? null : str(d.reason);
  if (reason !== null) parts.push(reason);
  if (d !== null && (e.type === "shot" || e.type === "engagement-planned")) {
    const pk = num(d.plannedPk) ?? num(d.pk);
    if (pk !== null) parts.push(`planned Pk ${pk.toFixed(2)}`);
  }
  if (d !== null && e.type === "kill-assessed") parts.push(`${str(d.outcome) ?? ""}: ${str(d.basis) ?? ""}`);
  if (d !== null && (e.type === "leak" || e.type === "impact")) {
    const asset = str(d.assetId);
    if (asset !== null) parts.push(`hit ${asset}`);
  }
  return parts.join(", ");
}
