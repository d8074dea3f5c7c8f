/**
 * `scene.czml` of a trajectory study: the threats' paths, the defended assets, the radars with their
 * coverage at glide altitude, and the infrared satellites. Colours by vehicle kind so a raid reads at a
 * glance: ballistic red, glide orange, cruise magenta; sensors blue and cyan; assets green.
 */
import { Radar } from "../../sensors/radar/radar.js";
import { radarCoverageBoundary, satelliteTracks } from "../../sensors/coverage.js";
import { IrConstellation } from "../../sensors/infrared/irSensor.js";
import type { EarthModel } from "../../earth/model.js";
import { earthModelOf } from "../../scenario/build/earth.js";
import type { Scenario } from "../../scenario/index.js";
import { displayFrame, toDisplay, type DisplayFrame } from "./displayFrame.js";
import type { Sensor } from "../../sensors/sensor.js";
import type { RaidFlight } from "../../sim/raid.js";
import type { EngagementRunResult } from "../../sim/engagement.js";
import type { SimEvent } from "../../sim/events.js";
import { TrackSampleColumns, type TrackSample } from "../../sim/trackSamples.js";
import {
  documentPacket,
  folderPacket,
  intervalIso,
  polygonPacket,
  sampledPathPacket,
  staticPointPacket,
  type CzmlPacket,
  type Rgba,
} from "./czml.js";

const KIND_COLOURS: Record<string, Rgba> = {
  ballistic: [230, 50, 50, 255],
  hgv: [255, 150, 20, 255],
  cruise: [220, 60, 220, 255],
  interceptor: [60, 200, 255, 255],
  projectile: [255, 255, 255, 255],
};
const ASSET: Rgba = [60, 220, 90, 255];
const RADAR: Rgba = [70, 130, 255, 255];
const RADAR_FILL: Rgba = [70, 130, 255, 50];
const SATELLITE: Rgba = [0, 230, 230, 255];

/** Coverage drawn for a glider at this altitude with the notional glide-vehicle cross-section. */
export const COVERAGE_TARGET_ALT_M = 40_000;
export const COVERAGE_RCS_M2 = 0.1;
const R2D = 180 / Math.PI;
const SATELLITE_STEP_S = 30;
const SHIP_STEP_S = 60;
/** Impacts closer than this share one label (a few pixels apart in any view that shows both), m. */
const IMPACT_LABEL_MERGE_M = 20_000;

/**
 * The first multiple of `stepS` at or after `endS`: sampled sites (satellites, ships) are sampled up to
 * it so they stay drawn to the end of the clock (they vanished in its last seconds before).
 */
function coveringEndS(endS: number, stepS: number): number {
  return Math.ceil(endS / stepS - 1e-9) * stepS;
}

/** What a scene shows: the scenario, the threats' flights and the sensors (a trajectory study or a run). */
export interface SceneInput {
  readonly scenario: Scenario;
  /** The run's Earth model (default: the scenario's); positions are drawn by their geodetic coordinates on it. */
  readonly earth?: EarthModel;
  readonly flights: readonly RaidFlight[];
  readonly sensors: readonly Sensor[];
}

export function sceneCzml(study: SceneInput): CzmlPacket[] {
  return [...scenePacketStream(study)];
}

/**
 * The packets of sceneCzml one at a time, in the same order: a writer that serialises each as it comes
 * never holds every threat's path at once (a 2,000-threat raid's paths are about 100 MB as packets).
 */
export function* scenePacketStream(study: SceneInput): Generator<CzmlPacket> {
  const { scenario } = study;
  const frame = displayFrame(study.earth ?? earthModelOf(scenario));
  const epoch = scenario.epoch;
  let endS = 60;
  for (const f of study.flights) endS = Math.max(endS, f.result.endTimeS);
  yield documentPacket(scenario.name, { epoch, startS: 0, endS, multiplier: 20 });

  yield folderPacket("assets", "Defended assets");
  for (const a of scenario.assets) {
    yield staticPointPacket({
      id: `asset/${a.id}`,
      name: a.id,
      latDeg: a.at.lat * R2D,
      lonDeg: a.at.lon * R2D,
      altM: a.at.alt,
      color: ASSET,
      parent: "assets",
      description: `value ${a.value}, radius ${(a.radius / 1000).toFixed(1)} km`,
    });
  }

  yield folderPacket("threats", "Threats");
  for (const { result: f } of study.flights) {
    const n = f.samples.count;
    if (n < 2) continue;
    const s = f.summary;
    yield sampledPathPacket({
      id: `threat/${f.id}`,
      name: f.id,
      epoch,
      timesS: f.samples.timeS.subarray(0, n),
      positionsEcefM: toDisplay(frame, f.samples.posEcefM.subarray(0, 3 * n)),
      color: KIND_COLOURS[f.kind] ?? KIND_COLOURS.projectile,
      parent: "threats",
      description:
        `${f.vehicleName}: range ${(s.groundRangeM / 1000).toFixed(0)} km, apogee ` +
        `${(s.apogeeAltM / 1000).toFixed(0)} km, time of flight ${s.timeOfFlightS.toFixed(0)} s, ` +
        `max Mach ${s.maxMach.toFixed(1)}`,
    });
  }

  // Where each threat came down, from its impact to the end of the clock (the threat's own point ends
  // at impact). Labels sit left of the point, away from the asset labels on the right; impacts within
  // IMPACT_LABEL_MERGE_M of an earlier one share its label, so threats on one target do not overprint.
  // These are held until their labels are known (a later impact may join one).
  const impacts: CzmlPacket[] = [];
  const labelled: { latRad: number; lonRad: number; ids: string[]; timesS: number[]; packet: CzmlPacket }[] =
    [];
  for (const { result: f } of study.flights) {
    const imp = f.summary.impact;
    if (!f.summary.impacted || imp === null || f.endTimeS > endS) continue;
    const miss = f.summary.missDistanceM;
    const near = labelled.find(
      (l) =>
        Math.hypot(l.latRad - imp.latRad, (l.lonRad - imp.lonRad) * Math.cos(imp.latRad)) * 6.371e6 <
        IMPACT_LABEL_MERGE_M,
    );
    impacts.push(
      staticPointPacket({
        id: `impact/${f.id}`,
        name: `${f.id} impact`,
        latDeg: imp.latRad * R2D,
        lonDeg: imp.lonRad * R2D,
        altM: 0,
        color: KIND_COLOURS[f.kind] ?? KIND_COLOURS.projectile,
        parent: "threats",
        pixelSize: 7,
        availability: intervalIso(epoch, f.endTimeS, endS),
        labelText: f.id,
        labelOffsetPx: [-10, 0],
        labelSide: "RIGHT",
        showLabel: near === undefined,
        description:
          `${f.id} (${f.vehicleName}) impact at t = ${f.endTimeS.toFixed(1)} s` +
          (Number.isFinite(miss) ? `, ${miss.toFixed(0)} m from its aim point` : ""),
      }),
    );
    if (near === undefined)
      labelled.push({
        latRad: imp.latRad,
        lonRad: imp.lonRad,
        ids: [f.id],
        timesS: [f.endTimeS],
        packet: impacts[impacts.length - 1],
      });
    else {
      near.ids.push(f.id);
      near.timesS.push(f.endTimeS);
    }
  }
  // A shared label names, at each time, the threats that have come down there so far.
  for (const l of labelled) {
    if (l.ids.length < 2) continue;
    const order = l.ids.map((id, k) => ({ id, t: l.timesS[k] })).sort((a, b) => a.t - b.t);
    (l.packet.label as { text: unknown }).text = order.map((o, k) => ({
      interval: intervalIso(epoch, o.t, k + 1 < order.length ? order[k + 1].t : endS),
      string: order
        .slice(0, k + 1)
        .map((x) => x.id)
        .join(", "),
    }));
  }

  yield* impacts;

  yield folderPacket("sensors", "Sensors");
  for (const sensor of study.sensors) {
    if (sensor instanceof Radar) yield* radarPackets(sensor, study, endS, frame);
    else if (sensor instanceof IrConstellation) yield* satellitePackets(sensor, study, endS, frame);
  }
}

function radarPackets(radar: Radar, study: SceneInput, endS: number, frame: DisplayFrame): CzmlPacket[] {
  const out: CzmlPacket[] = [];
  const spec = radar.site.spec;
  if (spec.kind === "fixed") {
    out.push(
      staticPointPacket({
        id: `sensor/${radar.id}`,
        name: radar.id,
        ...spec.at,
        color: RADAR,
        parent: "sensors",
        description: radar.model.description,
      }),
    );
  } else {
    // A ship: sample its track every minute, to the end of the clock.
    const times: number[] = [];
    const pos: number[] = [];
    const state = radar.site.stateInto(0, radar.state);
    const lastS = coveringEndS(endS, SHIP_STEP_S);
    for (let t = 0; t <= lastS; t += SHIP_STEP_S) {
      radar.site.stateInto(t, state);
      times.push(t);
      pos.push(state.posEcefM[0], state.posEcefM[1], state.posEcefM[2]);
    }
    out.push(
      sampledPathPacket({
        id: `sensor/${radar.id}`,
        name: radar.id,
        epoch: study.scenario.epoch,
        timesS: times,
        positionsEcefM: toDisplay(frame, pos),
        color: RADAR,
        parent: "sensors",
        description: radar.model.description,
      }),
    );
  }
  const ring = radarCoverageBoundary(radar, {
    targetAltM: COVERAGE_TARGET_ALT_M,
    rcsM2: COVERAGE_RCS_M2,
    timeS: 0,
  });
  out.push(
    polygonPacket({
      id: `coverage/${radar.id}`,
      name: `${radar.id} coverage (${COVERAGE_RCS_M2} m^2 at ${COVERAGE_TARGET_ALT_M / 1000} km)`,
      boundaryCartographicDeg: ring.flatMap((p) => [p.lonDeg, p.latDeg, COVERAGE_TARGET_ALT_M]),
      color: RADAR_FILL,
      outline: RADAR,
      parent: "sensors",
      description:
        "Where a target at glide altitude with the notional glide-vehicle cross-section is detected with " +
        "single-look probability 0.5 (instrumented range, effective-Earth horizon, field of regard).",
    }),
  );
  return out;
}

function satellitePackets(
  ir: IrConstellation,
  study: SceneInput,
  endS: number,
  frame: DisplayFrame,
): CzmlPacket[] {
  const tracks = satelliteTracks(ir.ephemeris, 0, coveringEndS(endS, SATELLITE_STEP_S), SATELLITE_STEP_S);
  const out: CzmlPacket[] = [folderPacket(`sensor/${ir.id}`, `${ir.id} (${tracks.ids.length} satellites)`)];
  tracks.ids.forEach((satId, k) => {
    out.push(
      sampledPathPacket({
        id: `sensor/${ir.id}/${satId}`,
        name: satId,
        epoch: study.scenario.epoch,
        timesS: tracks.timesS,
        positionsEcefM: toDisplay(frame, tracks.positionsEcefM[k]),
        color: SATELLITE,
        parent: `sensor/${ir.id}`,
        trailTimeS: 600,
        pixelSize: 5,
        widthPx: 1,
        showLabel: false,
      }),
    );
  });
  return out;
}

const TRACK: Rgba = [255, 235, 59, 255];

/**
 * Tracks beside the truth: each track's updated positions as a path (yellow), named by the track id and
 * the threat it followed, so a gap or a swap shows where it happened.
 */
export function trackPackets(samples: Iterable<TrackSample>, epoch: Date, earth?: EarthModel): CzmlPacket[] {
  return [...trackPacketStream(samples, epoch, earth)];
}

/** The packets of trackPackets one at a time, in the same order (see scenePacketStream). */
export function* trackPacketStream(
  samples: Iterable<TrackSample>,
  epoch: Date,
  earth?: EarthModel,
): Generator<CzmlPacket> {
  const frame = earth === undefined ? null : displayFrame(earth);
  yield folderPacket("tracks", "Tracks");
  const packet = (
    trackId: string,
    timesS: number[],
    positions: number[],
    threats: string[],
  ): CzmlPacket | null =>
    timesS.length < 2
      ? null
      : sampledPathPacket({
          id: `track/${trackId}`,
          name: `${trackId}${threats.length > 0 ? ` (${threats.join(", ")})` : ""}`,
          epoch,
          timesS,
          positionsEcefM: frame === null ? positions : toDisplay(frame, positions),
          color: TRACK,
          parent: "tracks",
          pixelSize: 6,
          widthPx: 1,
          description: `track ${trackId}; threats followed: ${threats.join(", ") || "none (false track)"}`,
        });
  if (samples instanceof TrackSampleColumns) {
    // A run's columns, read in place: a 2,000-threat raid's rows as objects would cost a hundred MB.
    const c = samples;
    const rows: number[][] = c.trackIds.map(() => []);
    for (let k = 0; k < c.count; k++) if (c.statusOf(k) === "confirmed") rows[c.trackIndexAt(k)].push(k);
    const p = new Float64Array(3);
    for (let t = 0; t < c.trackIds.length; t++) {
      const list = rows[t];
      const threats = new Set<string>();
      const positions: number[] = [];
      for (const k of list) {
        const ti = c.threatIndexAt(k);
        if (ti >= 0) threats.add(c.threatIds[ti]);
        c.positionInto(k, p);
        positions.push(p[0], p[1], p[2]);
      }
      const q = packet(
        c.trackIds[t],
        list.map((k) => c.timeAt(k)),
        positions,
        [...threats],
      );
      if (q !== null) yield q;
    }
    return;
  }
  const byTrack = new Map<string, TrackSample[]>();
  for (const s of samples) {
    const list = byTrack.get(s.trackId);
    if (list === undefined) byTrack.set(s.trackId, [s]);
    else list.push(s);
  }
  for (const [trackId, list] of byTrack) {
    const confirmed = list.filter((s) => s.status === "confirmed");
    const q = packet(
      trackId,
      confirmed.map((s) => s.timeS),
      confirmed.flatMap((s) => s.posEcefM),
      [...new Set(confirmed.map((s) => s.threatId).filter((t) => t !== null))],
    );
    if (q !== null) yield q;
  }
}

const KILL: Rgba = [255, 60, 60, 255];
const MISS: Rgba = [190, 190, 190, 255];
const LEAK: Rgba = [255, 0, 0, 255];
const WEAPON: Rgba = [255, 255, 255, 255];

/** What the engagement packets read of a run (the fields of a ScenarioRun they use). */
export interface EngagementScene {
  readonly scenario: Scenario;
  readonly earth?: EarthModel;
  readonly endS: number;
  readonly engagement: EngagementRunResult | null;
  readonly events: readonly SimEvent[];
}

/**
 * The engagement on the globe: the weapons' sites (a ship's along its track), every round's flight
 * (interceptors cyan, railgun projectiles white) from its shot to its closest approach, each intercept
 * point from its time on (a kill red, a miss grey, labelled with the miss distance), and each leak: the
 * impact of a threat that came down on a defended asset, in red, labelled with the asset it hit.
 */
export function engagementPackets(run: EngagementScene): CzmlPacket[] {
  const e = run.engagement;
  if (e === null) return [];
  const frame = displayFrame(run.earth ?? earthModelOf(run.scenario));
  const epoch = run.scenario.epoch;
  const endS = Math.max(60, run.endS);
  const out: CzmlPacket[] = [folderPacket("weapons", "Weapons")];
  for (const w of run.scenario.weapons) {
    const description = `${w.kind}: ${typeof w.model === "string" ? w.model : `${w.model.base} (inline)`}`;
    if (w.at !== undefined) {
      out.push(
        staticPointPacket({
          id: `weapon/${w.id}`,
          name: w.id,
          latDeg: w.at.lat * R2D,
          lonDeg: w.at.lon * R2D,
          altM: w.at.alt,
          color: WEAPON,
          parent: "weapons",
          pixelSize: 8,
          description,
        }),
      );
    } else if (w.track !== undefined && w.track.length > 0) {
      const tr = w.track;
      const times: number[] = [];
      const pos: number[] = [];
      const p = new Float64Array(3);
      const earth = run.earth ?? earthModelOf(run.scenario);
      const lastS = coveringEndS(endS, SHIP_STEP_S);
      for (let t = 0; t <= lastS; t += SHIP_STEP_S) {
        // Along the waypoints, linear in latitude and longitude between them (a display of a ship's
        // track over minutes: metres from the geodesic the weapon's own site follows).
        let k = 0;
        while (k + 1 < tr.length && tr[k + 1].time <= t) k++;
        const a = tr[k];
        const b = tr[Math.min(k + 1, tr.length - 1)];
        const f = b.time > a.time ? Math.min(1, Math.max(0, (t - a.time) / (b.time - a.time))) : 0;
        earth.ecefFromGeodeticInto(
          a.at.lat + f * (b.at.lat - a.at.lat),
          a.at.lon + f * (b.at.lon - a.at.lon),
          tr[0].at.alt,
          p,
        );
        times.push(t);
        pos.push(p[0], p[1], p[2]);
      }
      out.push(
        sampledPathPacket({
          id: `weapon/${w.id}`,
          name: w.id,
          epoch,
          timesS: times,
          positionsEcefM: toDisplay(frame, pos),
          color: WEAPON,
          parent: "weapons",
          pixelSize: 7,
          widthPx: 1,
          description,
        }),
      );
    }
  }
  out.push(folderPacket("shots", "Projectiles and interceptors"));
  out.push(folderPacket("intercepts", "Intercepts and leaks"));
  for (const s of e.shots) {
    const f = s.flight;
    const n = f.samples.count;
    if (n >= 2) {
      out.push(
        sampledPathPacket({
          id: `shot/${s.shotId}`,
          name: s.shotId,
          epoch,
          timesS: f.samples.timeS.subarray(0, n),
          positionsEcefM: toDisplay(frame, f.samples.posEcefM.subarray(0, 3 * n)),
          // By the round's own vehicle kind (a railgun's projectile, an interceptor), not the weapon's.
          color: KIND_COLOURS[f.kind] ?? KIND_COLOURS.projectile,
          parent: "shots",
          pixelSize: 5,
          widthPx: 1,
          showLabel: false,
          description:
            `${s.shotId} (${s.weaponId}) at track ${s.trackId}` +
            (s.threatId === null ? "" : ` (${s.threatId})`) +
            `, fired at ${s.firedS.toFixed(1)} s, planned Pk ${s.plannedPk.toFixed(2)}`,
        }),
      );
    }
    const o = s.outcome;
    if (o === null || o.closestApproachS === null || n === 0) continue;
    // The round's flight ends at its closest approach: its last sample is the intercept point.
    const k = n - 1;
    const geo = new Float64Array(3);
    (run.earth ?? earthModelOf(run.scenario)).geodeticInto(
      f.samples.posEcefM.subarray(3 * k, 3 * k + 3),
      geo,
    );
    out.push(
      staticPointPacket({
        id: `intercept/${s.shotId}`,
        name: `${s.shotId} ${o.killed ? "kill" : "miss"}`,
        latDeg: geo[0] * R2D,
        lonDeg: geo[1] * R2D,
        altM: geo[2],
        color: o.killed ? KILL : MISS,
        parent: "intercepts",
        pixelSize: o.killed ? 12 : 7,
        availability: intervalIso(epoch, o.closestApproachS, endS),
        labelText: o.killed ? `${s.threatId ?? "?"} killed` : `miss ${(o.missM ?? 0).toFixed(0)} m`,
        showLabel: o.killed,
        description:
          `${s.shotId} at ${s.threatId ?? "?"}: closest approach ${(o.missM ?? 0).toFixed(2)} m at ` +
          `${o.closestApproachS.toFixed(2)} s, ${((o.altM ?? 0) / 1000).toFixed(1)} km up, Pk ${o.pk.toFixed(3)}, ` +
          (o.killed ? "killed" : o.reason),
      }),
    );
  }
  for (const ev of run.events) {
    if (ev.type !== "leak") continue;
    const imp = run.events.find((x) => x.type === "impact" && x.threatId === ev.threatId);
    if (imp === undefined || imp.type !== "impact") continue;
    out.push(
      staticPointPacket({
        id: `leak/${ev.threatId}`,
        name: `${ev.threatId} leak`,
        latDeg: imp.detail.latDeg,
        lonDeg: imp.detail.lonDeg,
        altM: 0,
        color: LEAK,
        parent: "intercepts",
        pixelSize: 14,
        availability: intervalIso(epoch, ev.timeS, endS),
        labelText: `LEAK: ${ev.threatId} hit ${ev.detail.assetId}`,
        labelOffsetPx: [-12, 14],
        labelSide: "RIGHT",
        description: `${ev.threatId} was not intercepted and came down on ${ev.detail.assetId} (value ${ev.detail.value}) at ${ev.timeS.toFixed(1)} s`,
      }),
    );
  }
  return out;
}
