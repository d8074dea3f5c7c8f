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
import type { TrackSample } from "../../sim/run.js";
import {
  documentPacket,
  folderPacket,
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

/** What a scene shows: the scenario, the threats' flights and the sensors (a trajectory study or a run). */
export interface SceneInput {
  readonly scenario: Scenario;
  /** The run's Earth model (default: the scenario's); positions are drawn by their geodetic coordinates on it. */
  readonly earth?: EarthModel;
  readonly flights: readonly RaidFlight[];
  readonly sensors: readonly Sensor[];
}

export function sceneCzml(study: SceneInput): CzmlPacket[] {
  const { scenario } = study;
  const frame = displayFrame(study.earth ?? earthModelOf(scenario));
  const epoch = scenario.epoch;
  const endS = Math.max(60, ...study.flights.map((f) => f.result.endTimeS));
  const packets: CzmlPacket[] = [documentPacket(scenario.name, { epoch, startS: 0, endS, multiplier: 20 })];

  packets.push(folderPacket("assets", "Defended assets"));
  for (const a of scenario.assets) {
    packets.push(
      staticPointPacket({
        id: `asset/${a.id}`,
        name: a.id,
        latDeg: a.at.lat * R2D,
        lonDeg: a.at.lon * R2D,
        altM: a.at.alt,
        color: ASSET,
        parent: "assets",
        description: `value ${a.value}, radius ${(a.radius / 1000).toFixed(1)} km`,
      }),
    );
  }

  packets.push(folderPacket("threats", "Threats"));
  for (const { result: f } of study.flights) {
    const n = f.samples.count;
    if (n < 2) continue;
    const s = f.summary;
    packets.push(
      sampledPathPacket({
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
      }),
    );
  }

  packets.push(folderPacket("sensors", "Sensors"));
  for (const sensor of study.sensors) {
    if (sensor instanceof Radar) packets.push(...radarPackets(sensor, study, endS, frame));
    else if (sensor instanceof IrConstellation) packets.push(...satellitePackets(sensor, study, endS, frame));
  }
  return packets;
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
    // A ship: sample its track every minute.
    const times: number[] = [];
    const pos: number[] = [];
    const state = radar.site.stateInto(0, radar.state);
    for (let t = 0; t <= endS; t += 60) {
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
  const tracks = satelliteTracks(ir.ephemeris, 0, endS, SATELLITE_STEP_S);
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
export function trackPackets(samples: readonly TrackSample[], epoch: Date, earth?: EarthModel): CzmlPacket[] {
  const frame = earth === undefined ? null : displayFrame(earth);
  const byTrack = new Map<string, TrackSample[]>();
  for (const s of samples) {
    const list = byTrack.get(s.trackId);
    if (list === undefined) byTrack.set(s.trackId, [s]);
    else list.push(s);
  }
  const out: CzmlPacket[] = [folderPacket("tracks", "Tracks")];
  for (const [trackId, list] of byTrack) {
    const confirmed = list.filter((s) => s.status === "confirmed");
    if (confirmed.length < 2) continue;
    const threats = [...new Set(confirmed.map((s) => s.threatId).filter((t) => t !== null))];
    out.push(
      sampledPathPacket({
        id: `track/${trackId}`,
        name: `${trackId}${threats.length > 0 ? ` (${threats.join(", ")})` : ""}`,
        epoch,
        timesS: confirmed.map((s) => s.timeS),
        positionsEcefM:
          frame === null
            ? confirmed.flatMap((s) => s.posEcefM)
            : toDisplay(
                frame,
                confirmed.flatMap((s) => s.posEcefM),
              ),
        color: TRACK,
        parent: "tracks",
        pixelSize: 6,
        widthPx: 1,
        description: `track ${trackId}; threats followed: ${threats.join(", ") || "none (false track)"}`,
      }),
    );
  }
  return out;
}
