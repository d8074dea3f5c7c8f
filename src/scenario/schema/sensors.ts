/**
 * Sensors: ground or ship radars (a fixed site or a track) and space infrared constellations (a Walker
 * pattern or a list of TLEs). Models are catalog names or inline definitions; the inline parameter sets
 * are skeletons that the sensors layer extends.
 */
import * as z from "zod";
import {
  angle,
  catalogName,
  count,
  duration,
  exactlyOne,
  geoPoint,
  id,
  irradiance,
  length,
  number,
  oneOf,
  probability,
  raise,
  ratio,
  rcs,
  tle,
  track,
  strict,
} from "../fields/index.js";

/**
 * Inline radar: a catalog radar (`base`) with some parameters changed. Detection follows the radar
 * equation in reference form (src/sensors/radar/radarEquation.ts): the range at which a reference
 * cross-section gives a reference single-look SNR; everything else scales from it as SNR ~ sigma / R^4.
 */
export const inlineRadarSchema = strict({
  base: catalogName("sensors", { description: "catalog radar this one starts from" }),
  referenceRange: length({
    min: "1 km",
    max: "10000 km",
    description: "range at which the reference cross-section gives the reference SNR",
  }).optional(),
  referenceRcs: rcs({
    min: "-60 dBsm",
    max: "40 dBsm",
    default: "1 m^2",
    description: "reference cross-section",
  }),
  referenceSnr: ratio({
    min: "0 dB",
    max: "40 dB",
    default: "13 dB",
    description: "reference single-look SNR",
  }),
  instrumentedRange: length({
    min: "1 km",
    max: "10000 km",
    description: "largest range processed",
  }).optional(),
  revisit: duration({
    min: "0 s",
    max: "10 min",
    minExclusive: true,
    description: "time between looks at the whole field of regard",
  }).optional(),
  falseAlarmProbability: probability({
    min: 1e-12,
    max: 0.1,
    description: "false-alarm probability per resolution cell",
  }).optional(),
  falseAlarmsPerLook: number({
    min: 0,
    max: 100,
    description: "mean false alarms per look (Poisson)",
  }).optional(),
  latency: duration({
    min: "0 s",
    max: "1 min",
    description: "delay from measurement to the tracker",
  }).optional(),
});

/** Inline space infrared sensor: a catalog sensor (`base`) with some parameters changed. */
export const inlineInfraredSchema = strict({
  base: catalogName("sensors", { description: "catalog sensor this one starts from" }),
  noiseEquivalentIrradiance: irradiance({
    min: "0 W/m^2",
    minExclusive: true,
    description: "noise-equivalent irradiance against a space background (SNR 1 per frame)",
  }).optional(),
  earthBackgroundFactor: number({
    min: 1,
    max: 1000,
    description: "NEI multiplier for targets seen against the Earth or the limb",
  }).optional(),
  detectionThreshold: number({
    min: 1,
    max: 50,
    description: "detection threshold, in NEI units (SNR)",
  }).optional(),
  lineOfSightNoise: angle({
    min: "0 rad",
    max: "10 mrad",
    minExclusive: true,
    description: "one-sigma line-of-sight noise",
  }).optional(),
  revisit: duration({
    min: "0 s",
    max: "10 min",
    minExclusive: true,
    description: "frame interval of every satellite",
  }).optional(),
  latency: duration({
    min: "0 s",
    max: "1 min",
    description: "delay from measurement to the tracker",
  }).optional(),
  // The atmosphere between a target and the satellites, in the sensor's band
  // (src/sensors/infrared/transmission.ts).
  cloudTop: length({
    min: "0 km",
    max: "30 km",
    description:
      "top of an opaque overcast cloud deck: a target below it (or seen along a line grazing below it) is hidden; 0 km is a clear sky",
    source:
      "notional 5 km in the catalog: stratocumulus tops 1-2 km, deep convection to the tropopause at 12-16 km",
  }).optional(),
  precipitableWater: length({
    min: "0 m",
    max: "0.1 m",
    description: "water-vapour column above sea level, as precipitable water (14.2 mm is 0.0142 m)",
    source:
      "Anderson et al. 1986, AFGL-TR-86-0110: U.S. Standard 14.2 mm (the catalog's), tropical 41 mm, mid-latitude summer 29 mm, sub-arctic winter 4 mm",
  }).optional(),
  waterVapourScaleHeight: length({
    min: "100 m",
    max: "20 km",
    description: "scale height of the water-vapour column, W(h) = W0 exp(-h / H)",
    source: "2.4 km: the U.S. Standard profile's column over its surface density (Anderson et al. 1986)",
  }).optional(),
  waterVapourOpticalDepth: number({
    min: 0,
    max: 100,
    description: "band-effective optical depth per millimetre of precipitable water (0: no absorption)",
    source:
      "notional 0.5 in the catalog: a plume at the pad hidden (zenith transmission 8e-4), clear above about 8 km",
  }).optional(),
});

/** Radar field of regard: an azimuth sector around a boresight and an elevation band. */
export const radarFieldOfRegardSchema = strict({
  azimuth: angle({
    min: "-180 deg",
    max: "360 deg",
    maxExclusive: true,
    description: "sector centre, clockwise from north",
  }),
  width: angle({
    min: "0 deg",
    max: "360 deg",
    minExclusive: true,
    default: "360 deg",
    description: "sector width",
  }),
  elevationMin: angle({
    min: "-10 deg",
    max: "90 deg",
    default: "-3 deg",
    description:
      "lowest geometric elevation searched; below 0 so that the effective-Earth horizon (refraction), not the beam floor, masks low targets",
  }),
  elevationMax: angle({
    min: "-10 deg",
    max: "90 deg",
    default: "90 deg",
    description: "highest beam elevation",
  }),
}).superRefine((f, ctx) => {
  if (!(f.elevationMax > f.elevationMin))
    raise(ctx, { expected: "an elevation above elevationMin" }, ["elevationMax"]);
});

/** Infrared field of regard: a cone about nadir. */
export const infraredFieldOfRegardSchema = strict({
  halfAngle: angle({
    min: "0 deg",
    max: "90 deg",
    minExclusive: true,
    description: "cone half-angle off nadir",
  }),
});

/**
 * Walker delta pattern i: t/p/f (Walker, "Satellite constellations", J. Br. Interplanet. Soc. 37, 1984):
 * `planes` p equally spaced in right ascension, `perPlane` satellites each (t = p * perPlane), relative
 * phasing f in 0..p-1 (checked by the loader).
 */
export const walkerSchema = strict({
  altitude: length({ min: "160 km", max: "50000 km", description: "circular orbit altitude" }),
  inclination: angle({ min: "0 deg", max: "180 deg" }),
  planes: count({ min: 1, max: 100 }),
  perPlane: count({ min: 1, max: 100 }),
  phasing: count({ min: 0, max: 99, default: 0, description: "Walker f: 0 .. planes - 1" }),
});

export const radarSensorSchema = exactlyOne(
  strict({
    id: id({ description: "sensor id, unique among sensors" }),
    kind: z.literal("radar"),
    model: oneOf("a catalog radar name or an inline radar definition (a mapping)", [
      catalogName("sensors"),
      inlineRadarSchema,
    ]),
    at: geoPoint().optional(),
    track: track().optional(),
    fieldOfRegard: radarFieldOfRegardSchema.optional(),
  }),
  ["at", "track"],
);

export const infraredConstellationSchema = exactlyOne(
  strict({
    id: id({ description: "sensor id, unique among sensors" }),
    kind: z.literal("infrared-constellation"),
    model: oneOf("a catalog infrared sensor name or an inline definition (a mapping)", [
      catalogName("sensors"),
      inlineInfraredSchema,
    ]),
    walker: walkerSchema.optional(),
    tles: z.array(tle()).min(1).optional(),
    fieldOfRegard: infraredFieldOfRegardSchema.optional(),
  }),
  ["walker", "tles"],
);

export const sensorSchema = z.discriminatedUnion("kind", [radarSensorSchema, infraredConstellationSchema]);

export type Sensor = z.output<typeof sensorSchema>;
export type RadarSensor = z.output<typeof radarSensorSchema>;
export type InfraredConstellation = z.output<typeof infraredConstellationSchema>;
export type Walker = z.output<typeof walkerSchema>;
