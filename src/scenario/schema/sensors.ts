/**
 * Sensors: ground or ship radars (a fixed site or a track) and space infrared constellations (a Walker
 * pattern or a list of TLEs). Models are catalog names or inline definitions; the inline parameter sets
 * are skeletons that the sensors layer extends.
 */
import * as z from "zod";
import {
  angle,
  area,
  catalogName,
  count,
  duration,
  exactlyOne,
  frequency,
  geoPoint,
  id,
  irradiance,
  length,
  oneOf,
  power,
  raise,
  ratio,
  temperature,
  tle,
  track,
  strict,
} from "../fields/index.js";

/** Inline radar parameters for the radar equation (REFERENCES.md, "Sensors"). */
export const inlineRadarSchema = strict({
  base: catalogName("sensors", { description: "catalog radar this one starts from" }).optional(),
  frequency: frequency({ min: "100 MHz", max: "100 GHz", description: "carrier frequency" }).optional(),
  averagePower: power({
    min: "0 W",
    max: "100 MW",
    minExclusive: true,
    description: "average transmitted power",
  }).optional(),
  apertureArea: area({
    min: "0 m^2",
    max: "1000 m^2",
    minExclusive: true,
    description: "effective antenna aperture",
  }).optional(),
  noiseTemperature: temperature({
    min: "0 K",
    max: "10000 K",
    minExclusive: true,
    description: "system noise temperature",
  }).optional(),
  losses: ratio({ min: "0 dB", max: "30 dB", description: "total system losses" }).optional(),
  maxRange: length({
    min: "0 m",
    max: "10000 km",
    minExclusive: true,
    description: "instrumented range",
  }).optional(),
});

/** Inline space infrared sensor parameters. */
export const inlineInfraredSchema = strict({
  base: catalogName("sensors", { description: "catalog sensor this one starts from" }).optional(),
  apertureDiameter: length({
    min: "0 m",
    max: "10 m",
    minExclusive: true,
    description: "telescope aperture",
  }).optional(),
  noiseEquivalentIrradiance: irradiance({
    min: "0 W/m^2",
    minExclusive: true,
    description: "NEI of one pixel",
  }).optional(),
  pixelFieldOfView: angle({
    min: "0 rad",
    max: "10 mrad",
    minExclusive: true,
    description: "instantaneous field of view",
  }).optional(),
  revisit: duration({
    min: "0 s",
    max: "10 min",
    minExclusive: true,
    description: "time between looks at a point",
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
    default: "0 deg",
    description: "lowest beam elevation",
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
