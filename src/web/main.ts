/**
 * The Raijin viewer: a run folder (scene.czml, summary.json, events.jsonl, trajectories.csv) replayed on
 * a 3D globe with the summary, an altitude chart and the timeline beside it.
 *
 * URL parameters: `run` is the folder's URL (default `run/`, where `raijin view` serves it); `t` opens
 * paused at that many seconds from the epoch (otherwise the replay plays from the start).
 * The page publishes its state as `window.raijinViewer` for scripts and the browser test.
 */
import { kindColour } from "./colours.js";
import {
  normalizeSummary,
  parseEventsJsonl,
  parseTrajectoriesCsv,
  type RunEvent,
  type SummaryView,
  type TrajectorySeries,
} from "./data.js";
import { altitudeChart } from "./chart.js";
import { createGlobe, type Globe } from "./globe.js";
import { legend } from "./legend.js";
import { summaryTable } from "./summary.js";
import { eventList } from "./timeline.js";

export interface ViewerState {
  /** True once the scene, the panel and the clock are set up. */
  ready: boolean;
  /** The message of what failed, if anything did. */
  error: string | null;
  /** Entities loaded from scene.czml. */
  entityCount: number;
  summaryShape: SummaryView["shape"] | null;
  threatIds: string[];
  eventCount: number;
  endS: number;
  /** The clock, s from the epoch. */
  timeS(): number;
  setTimeS(timeS: number): void;
  /** Whether the globe has drawn every imagery tile it needs for the current view. */
  tilesLoaded(): boolean;
  /** The selected entity's id and whether it is drawn at the clock's time, or null. */
  selected(): { id: string; drawn: boolean } | null;
  /** Points the camera down at a place from `rangeM` away (scripts and screenshots). */
  lookAt(latDeg: number, lonDeg: number, rangeM: number): void;
}

declare global {
  interface Window {
    raijinViewer: ViewerState;
  }
}

const state: ViewerState = {
  ready: false,
  error: null,
  entityCount: 0,
  summaryShape: null,
  threatIds: [],
  eventCount: 0,
  endS: 0,
  timeS: () => 0,
  setTimeS: () => undefined,
  tilesLoaded: () => false,
  selected: () => null,
  lookAt: () => undefined,
};
window.raijinViewer = state;

const byId = (id: string): HTMLElement => {
  const e = document.getElementById(id);
  if (e === null) throw new Error(`index.html has no #${id}`);
  return e;
};

/**
 * The folder's file names, when the server lists them (`raijin view` answers the folder's URL with
 * `{ files: [...] }`), so missing optional files are not requested; null means "try each one".
 */
async function listing(base: string): Promise<Set<string> | null> {
  try {
    const r = await fetch(base, { headers: { accept: "application/json" } });
    if (!r.ok) return null;
    const body = (await r.json()) as { files?: unknown };
    return Array.isArray(body.files) ? new Set(body.files.map(String)) : null;
  } catch {
    return null;
  }
}

async function fetchText(base: string, name: string, files: Set<string> | null): Promise<string | null> {
  if (files !== null && !files.has(name)) return null;
  const r = await fetch(base + name);
  if (r.status === 404) return null;
  if (!r.ok) throw new Error(`${name}: HTTP ${r.status}`);
  return r.text();
}

async function start(): Promise<void> {
  const params = new URLSearchParams(location.search);
  const base = params.get("run") ?? "run/";
  const files = await listing(base);
  if (files !== null && !files.has("scene.czml")) throw new Error(`${base} has no scene.czml`);
  const [summaryText, eventsText, trajText] = await Promise.all([
    fetchText(base, "summary.json", files),
    fetchText(base, "events.jsonl", files),
    fetchText(base, "trajectories.csv", files),
  ]);
  const summary = summaryText === null ? null : normalizeSummary(JSON.parse(summaryText));
  const events: RunEvent[] = eventsText === null ? [] : parseEventsJsonl(eventsText);
  const trajectories: TrajectorySeries[] = trajText === null ? [] : parseTrajectoriesCsv(trajText);

  const globe = await createGlobe(byId("globe"), base + "scene.czml", trajectories);
  byId("globe").append(legend((layer, show) => globe.setLayer(layer, show)));
  const timeListeners = buildPanel(globe, summary, events, trajectories);

  const t = params.get("t");
  if (t !== null && Number.isFinite(Number(t))) {
    globe.setTimeS(Number(t));
    globe.viewer.clock.shouldAnimate = false;
  } else globe.viewer.clock.shouldAnimate = true;
  globe.onTime((s) => timeListeners.forEach((f) => f(s)), 1);
  timeListeners.forEach((f) => f(globe.timeS()));

  Object.assign(state, {
    entityCount: globe.entityCount,
    summaryShape: summary?.shape ?? null,
    threatIds: summary?.threats.map((th) => th.id) ?? trajectories.map((s) => s.id),
    eventCount: events.length,
    endS: globe.endS,
    timeS: () => globe.timeS(),
    setTimeS: (s: number) => globe.setTimeS(s),
    tilesLoaded: () => globe.viewer.scene.globe.tilesLoaded,
    selected: () => globe.selected(),
    lookAt: (latDeg: number, lonDeg: number, rangeM: number) => globe.lookAt(latDeg, lonDeg, rangeM),
    ready: true,
  });
}

/** Selects a threat if it is in flight at the clock's time, else where it came down; false if neither. */
function selectThreat(globe: Globe, threatId: string): boolean {
  return globe.select(`threat/${threatId}`) || globe.select(`impact/${threatId}`);
}

/** Fills the side panel; returns what must follow the clock. */
function buildPanel(
  globe: Globe,
  summary: SummaryView | null,
  events: readonly RunEvent[],
  trajectories: readonly TrajectorySeries[],
): ((timeS: number) => void)[] {
  const listeners: ((timeS: number) => void)[] = [];
  if (summary !== null) {
    byId("title").textContent = summary.scenario ?? "Raijin run";
    const what = summary.shape === "trajectory" ? "threats flown alone" : "one run";
    byId("subtitle").textContent =
      `${what}${summary.seed === null ? "" : `, seed ${summary.seed}`}` +
      `${summary.epoch === null ? "" : `, epoch ${summary.epoch.replace(".000Z", "Z")}`}`;
    byId("summary").replaceChildren(summaryTable(summary, (id) => void selectThreat(globe, id)));
    byId("summary").classList.remove("muted");
  } else byId("subtitle").textContent = "";

  if (trajectories.length > 0) {
    const kinds = new Map(summary?.threats.map((th) => [th.id, th.kind]) ?? []);
    const chart = altitudeChart(
      trajectories,
      (id) => kindColour(kinds.get(id) ?? null),
      globe.endS,
      (s) => globe.setTimeS(s),
    );
    byId("chart").replaceChildren(chart.element);
    byId("chart").classList.remove("muted");
    listeners.push((s) => chart.setTime(s));
  }

  if (events.length > 0) {
    const list = eventList(events, (e) => {
      globe.setTimeS(e.timeS);
      // A round's events pick the round, or where it met its target; a leak its marker.
      if (e.shotId !== null && (e.type === "intercept" || e.type === "miss"))
        if (globe.select(`intercept/${e.shotId}`)) return;
      if (e.shotId !== null && e.type === "shot" && globe.select(`shot/${e.shotId}`)) return;
      if (e.threatId === null) return;
      if (e.type === "leak" && globe.select(`leak/${e.threatId}`)) return;
      // At its impact a threat's point ends: pick its impact marker, which is drawn from then on.
      if (e.type === "impact") globe.select(`impact/${e.threatId}`);
      else selectThreat(globe, e.threatId);
    });
    byId("events").replaceChildren(list.element);
    byId("events").classList.remove("muted");
    listeners.push((s) => list.setTime(s));
  }
  return listeners;
}

start().catch((e: unknown) => {
  const message = e instanceof Error ? e.message : String(e);
  state.error = message;
  const box = byId("error");
  box.textContent = `Could not show this run: ${message}`;
  box.hidden = false;
  byId("subtitle").textContent = "";
  console.error(`raijin viewer: ${message}`);
});
