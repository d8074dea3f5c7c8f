/**
 * Scenario sensors to sensor-layer objects (src/sensors): radars on fixed sites or ship tracks, and
 * infrared constellations from a Walker pattern or TLEs.
 */
import { irConstellationModel, radarModel, type IrConstellationModel } from "../../sensors/catalog.js";
import { createIrConstellation, createRadar } from "../../sensors/factory.js";
import type { FieldOfRegard, RadarModel } from "../../sensors/radar/radar.js";
import type { SiteSpec } from "../../sensors/radar/site.js";
import type { Sensor as SensorObject } from "../../sensors/sensor.js";
import type { EarthModel } from "../../earth/model.js";
import type { Scenario } from "../schema/scenario.js";
import { earthModelOf } from "./earth.js";
import type { InfraredConstellation, RadarSensor, Sensor } from "../schema/sensors.js";

const RAD_TO_DEG = 180 / Math.PI;

function siteSpec(s: RadarSensor, earth: EarthModel | undefined): SiteSpec {
  if (s.at !== undefined) {
    return {
      kind: "fixed",
      at: { latDeg: s.at.lat * RAD_TO_DEG, lonDeg: s.at.lon * RAD_TO_DEG, altM: s.at.alt },
      earth,
    };
  }
  // The schema admits exactly one of at and track. A ship's antenna height is taken from the first waypoint.
  const track = s.track!;
  return {
    kind: "track",
    earth,
    altM: track[0].at.alt,
    waypoints: track.map((w) => ({
      timeS: w.time,
      latDeg: w.at.lat * RAD_TO_DEG,
      lonDeg: w.at.lon * RAD_TO_DEG,
    })),
  };
}

function radarModelOf(s: RadarSensor): RadarModel {
  if (typeof s.model === "string") return radarModel(s.model);
  const m = s.model;
  const base = radarModel(m.base);
  const reference =
    m.referenceRange === undefined
      ? base.reference
      : {
          referenceRangeM: m.referenceRange,
          referenceRcsM2: m.referenceRcs,
          referenceSnrDb: 10 * Math.log10(m.referenceSnr),
        };
  return {
    ...base,
    name: `${m.base} (inline, ${s.id})`,
    reference,
    instrumentedRangeM: m.instrumentedRange ?? base.instrumentedRangeM,
    revisitS: m.revisit ?? base.revisitS,
    pfa: m.falseAlarmProbability ?? base.pfa,
    falseAlarmsPerLook: m.falseAlarmsPerLook ?? base.falseAlarmsPerLook,
    latencyS: m.latency ?? base.latencyS,
  };
}

/** A sector from the file (centre azimuth, width, elevation band) in the radar layer's form. */
function fieldOfRegard(s: RadarSensor): FieldOfRegard | undefined {
  const f = s.fieldOfRegard;
  if (f === undefined) return undefined;
  return {
    azimuthCenterRad: f.azimuth,
    azimuthHalfWidthRad: f.width / 2,
    elevationMinRad: f.elevationMin,
    elevationMaxRad: f.elevationMax,
  };
}

function irModelOf(s: InfraredConstellation): IrConstellationModel {
  if (typeof s.model === "string") return irConstellationModel(s.model);
  const m = s.model;
  const base = irConstellationModel(m.base);
  const b = base.sensor;
  const a = b.atmosphere ?? {
    cloudTopAltM: 0,
    precipitableWaterM: 0,
    waterScaleHeightM: 2400,
    opticalDepthPerMmWater: 0,
  };
  const atmosphere =
    m.cloudTop === undefined &&
    m.precipitableWater === undefined &&
    m.waterVapourScaleHeight === undefined &&
    m.waterVapourOpticalDepth === undefined
      ? b.atmosphere
      : {
          cloudTopAltM: m.cloudTop ?? a.cloudTopAltM,
          precipitableWaterM: m.precipitableWater ?? a.precipitableWaterM,
          waterScaleHeightM: m.waterVapourScaleHeight ?? a.waterScaleHeightM,
          opticalDepthPerMmWater: m.waterVapourOpticalDepth ?? a.opticalDepthPerMmWater,
        };
  return {
    ...base,
    sensor: {
      ...b,
      name: `${b.name} (inline, ${s.id})`,
      neiSpaceWPerM2: m.noiseEquivalentIrradiance ?? b.neiSpaceWPerM2,
      earthBackgroundFactor: m.earthBackgroundFactor ?? b.earthBackgroundFactor,
      thresholdSnr: m.detectionThreshold ?? b.thresholdSnr,
      losNoiseRad: m.lineOfSightNoise ?? b.losNoiseRad,
      revisitS: m.revisit ?? b.revisitS,
      latencyS: m.latency ?? b.latencyS,
      atmosphere,
    },
  };
}

function infrared(s: InfraredConstellation, epoch: Date, earth: EarthModel | undefined): SensorObject {
  const w = s.walker;
  return createIrConstellation({
    id: s.id,
    model: irModelOf(s),
    epoch,
    walker:
      w === undefined
        ? undefined
        : {
            altitudeM: w.altitude,
            inclinationRad: w.inclination,
            planes: w.planes,
            satellitesPerPlane: w.perPlane,
            phasing: w.phasing,
          },
    tles: s.tles,
    sensorOverrides:
      s.fieldOfRegard === undefined ? undefined : { offNadirMaxRad: s.fieldOfRegard.halfAngle },
    earthShape: earth === undefined ? undefined : { aM: earth.aM, bM: earth.bM },
  });
}

/** One scenario sensor; `earth` is the scenario's Earth model (radar sites stand on it, infrared
 *  sensors see it as the occluding body). */
export function sensorObject(
  s: Sensor,
  epoch: Date,
  rcsOverridesM2: ReadonlyMap<string, number> = new Map(),
  earth?: EarthModel,
): SensorObject {
  if (s.kind === "radar") {
    return createRadar({
      id: s.id,
      model: radarModelOf(s),
      site: siteSpec(s, earth),
      fieldOfRegard: fieldOfRegard(s),
      rcsOverridesM2,
    });
  }
  return infrared(s, epoch, earth);
}

/** The radar cross-sections the scenario gives its inline vehicles, by threat id. */
export function rcsOverrides(s: Scenario): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of s.threats) {
    if (typeof t.vehicle !== "string" && t.vehicle.rcs !== undefined) out.set(t.id, t.vehicle.rcs);
  }
  return out;
}

/** Every sensor of the scenario, in file order, on the scenario's Earth. */
export function sensorObjects(s: Scenario): SensorObject[] {
  const overrides = rcsOverrides(s);
  const earth = earthModelOf(s);
  return s.sensors.map((sensor) => sensorObject(sensor, s.epoch, overrides, earth));
}
