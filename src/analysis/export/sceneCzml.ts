/**
 * `scene.czml` of a trajectory study: the threats' paths, the defended assets, the radars with their
 * coverage at glide altitude, and the infrared satellites. Colours by vehicle kind so a raid reads at a
 * glance: ballistic red, glide orange, cruise magenta; sensors blue and cyan; assets green.
 */
import { Radar } from "../../sensors/radar/radar.js";
import { radarCoverageBoundary, satelliteTracks } from "../../sensors/coverage.js";
import { IrConstellation } from "../../sensors/infrared/irSensor.js";
import type { TrajectoryStudy } from "../trajectory/study.js";
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

export function sceneCzml(study: TrajectoryStudy): CzmlPacket[] {
  const { scenario } = study;
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
        positionsEcefM: f.samples.posEcefM.subarray(0, 3 * n),
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
    if (sensor instanceof Radar) packets.push(...radarPackets(sensor, study, endS));
    else if (sensor instanceof IrConstellation) packets.push(...satellitePackets(sensor, study, endS));
  }
  return packets;
}

function radarPackets(radar: Radar, study: TrajectoryStudy, endS: number): CzmlPacket[] {
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
        positionsEcefM: pos,
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

function satellitePackets(ir: IrConstellation, study: TrajectoryStudy, endS: number): CzmlPacket[] {
  const tracks = satelliteTracks(ir.ephemeris, 0, endS, SATELLITE_STEP_S);
  const out: CzmlPacket[] = [folderPacket(`sensor/${ir.id}`, `${ir.id} (${tracks.ids.length} satellites)`)];
  tracks.ids.forEach((satId, k) => {
    out.push(
      sampledPathPacket({
        id: `sensor/${ir.id}/${satId}`,
        name: satId,
        epoch: study.scenario.epoch,
        timesS: tracks.timesS,
        positionsEcefM: tracks.positionsEcefM[k],
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
