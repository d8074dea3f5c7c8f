/**
 * Threats: which vehicle flies, from where (a launch site and time, or a given burnout state), at what,
 * with what manoeuvre and, for ballistic missiles, which trajectory shape (docs/design.md, scenario format).
 * Times are scenario times: seconds from the epoch, like every time in the simulation.
 */
import * as z from "zod";
import {
  angle,
  assetRef,
  ballisticCoefficient,
  catalogName,
  choice,
  duration,
  exactlyOne,
  geoPoint,
  id,
  length,
  mach,
  mass,
  number,
  oneOf,
  raise,
  rcs,
  speed,
  strict,
} from "../fields/index.js";

/** Vehicle kinds an inline definition may declare (the flight layer's families). */
export const VEHICLE_KINDS = ["ballistic", "rv", "hgv", "cruise"] as const;

/**
 * An inline vehicle: a catalog vehicle (`base`) of the same kind with some of its parameters changed.
 * Which parameters a kind takes (the flight layer's families, src/flight/definitions.ts):
 * - ballistic, rv: `mass` and `ballisticCoefficient` of the re-entry vehicle;
 * - hgv: `mass` of the glider, `liftToDrag` and `ballisticCoefficient` (Tracy & Wright's two glider
 *   parameters: the glider's drag polar is rebuilt to give them at its best angle of attack);
 * - cruise: `mass` (dry mass of the cruiser), `mach` and `cruiseAltitude`.
 * `rcs` (any kind) replaces the notional radar cross-section of the vehicle after boost.
 */
const INLINE_FIELDS_BY_KIND: Readonly<Record<(typeof VEHICLE_KINDS)[number], readonly string[]>> = {
  ballistic: ["mass", "ballisticCoefficient", "rcs"],
  rv: ["mass", "ballisticCoefficient", "rcs"],
  hgv: ["mass", "liftToDrag", "ballisticCoefficient", "rcs"],
  cruise: ["mass", "mach", "cruiseAltitude", "rcs"],
};

export const inlineVehicleSchema = strict({
  kind: choice(VEHICLE_KINDS, { description: "vehicle family" }),
  base: catalogName("vehicles", {
    description: "catalog vehicle of the same kind whose parameters this one starts from",
  }),
  mass: mass({
    min: "1 kg",
    max: "100 t",
    description: "mass of the re-entry vehicle, the glider, or the cruiser without fuel",
  }).optional(),
  ballisticCoefficient: ballisticCoefficient({
    min: "100 kg/m^2",
    max: "1000000 kg/m^2",
    description: "beta = m / (C_D A); for a glider, at its best lift-to-drag ratio",
    source: "Tracy and Wright 2020 use 13,000 kg/m^2 for an HTV-2-like glider",
  }).optional(),
  liftToDrag: number({
    min: 0.5,
    max: 10,
    description: "best hypersonic lift-to-drag ratio of a glider",
    source: "Tracy and Wright 2020: 2.6",
  }).optional(),
  rcs: rcs({
    min: "-60 dBsm",
    max: "40 dBsm",
    description: "radar cross-section after boost (notional)",
    source: "no public value for glide vehicles; docs/sources.md suggests sweeping 0.01-1 m^2",
  }).optional(),
  mach: mach({ min: 3, max: 12, description: "cruise Mach number (cruise missiles)" }).optional(),
  cruiseAltitude: length({
    min: "10 km",
    max: "40 km",
    description: "cruise altitude (cruise missiles)",
  }).optional(),
}).superRefine((v, ctx) => {
  const allowed = INLINE_FIELDS_BY_KIND[v.kind];
  for (const key of Object.keys(v)) {
    if (key === "kind" || key === "base" || allowed.includes(key)) continue;
    raise(ctx, { expected: `for a ${v.kind} vehicle only ${allowed.join(", ")}`, given: `${key}` }, [key]);
  }
});

export const vehicleRefSchema = oneOf(
  "a catalog vehicle name or an inline vehicle definition (a mapping with kind)",
  [catalogName("vehicles"), inlineVehicleSchema],
);

/** A target: an asset id, or a point. */
export const targetSchema = oneOf("an asset id or a point { lat, lon, alt }", [assetRef(), geoPoint()]);

const timeFromEpoch = (description: string) => duration({ min: "0 s", description });

export const launchSchema = strict({
  at: geoPoint(),
  time: timeFromEpoch("launch time"),
});

/** Free flight from a given burnout state (a re-entry vehicle, or a test case with known initial conditions). */
export const burnoutSchema = strict({
  at: geoPoint(),
  time: timeFromEpoch("time of the burnout state"),
  speed: speed({ min: "0 m/s", max: "11 km/s", description: "speed relative to the rotating Earth" }),
  flightPathAngle: angle({
    min: "-90 deg",
    max: "90 deg",
    description: "angle of the velocity above the local horizontal",
  }),
  azimuth: angle({
    min: "-180 deg",
    max: "360 deg",
    maxExclusive: true,
    description: "heading, clockwise from north",
  }),
});

export const maneuverSchema = z.discriminatedUnion("kind", [
  strict({
    kind: z.literal("weave"),
    bankAmplitude: angle({ min: "0 deg", max: "90 deg", minExclusive: true, description: "peak bank angle" }),
    period: duration({ min: "0 s", max: "1 h", minExclusive: true, description: "period of the weave" }),
    start: timeFromEpoch(
      "when the weave begins (default: at launch); the bank acts while the vehicle glides or cruises",
    ).optional(),
  }),
  strict({
    kind: z.literal("jink"),
    time: timeFromEpoch("start of the jink"),
    bankAngle: angle({ min: "-90 deg", max: "90 deg", description: "bank angle held during the jink" }),
    duration: duration({
      min: "0 s",
      max: "1 h",
      minExclusive: true,
      description: "how long the bank is held",
    }),
  }),
  strict({
    kind: z.literal("retarget"),
    time: timeFromEpoch("when the vehicle turns to its new target"),
    target: targetSchema,
  }),
]);

export const TRAJECTORY_SHAPES = ["minimum-energy", "lofted", "depressed"] as const;

export const trajectorySchema = z
  .strictObject({
    shape: choice(TRAJECTORY_SHAPES, {
      default: "minimum-energy",
      description: "ballistic trajectory shape",
    }),
    flightPathAngle: angle({
      min: "0 deg",
      max: "90 deg",
      minExclusive: true,
      description:
        "final pitch of the boost (about the burnout flight-path angle) of a lofted or depressed trajectory; the thrust is cut off for the range (without it: the full-burn solution)",
      source: "minimum energy: (pi - psi) / 4 for range angle psi (standard result)",
    }).optional(),
  })
  .superRefine((t, ctx) => {
    if (t.shape === "minimum-energy" && t.flightPathAngle !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["flightPathAngle"],
        message: "expected no flightPathAngle for a minimum-energy trajectory",
        params: {
          expected:
            "no flightPathAngle with shape minimum-energy (it fixes the angle); use lofted or depressed",
        },
      });
    }
  });

/**
 * A threat. `target` is required with a launch (the boost is steered to it) and optional with a burnout
 * start: without one the vehicle flies free from the given state (a re-entry vehicle's arc, a glider at
 * its best L/D), and it has no miss distance.
 */
export const threatSchema = exactlyOne(
  strict({
    id: id({ description: "threat id, unique among threats" }),
    vehicle: vehicleRefSchema,
    launch: launchSchema.optional(),
    burnout: burnoutSchema.optional(),
    target: targetSchema.optional(),
    maneuver: maneuverSchema.optional(),
    trajectory: trajectorySchema.optional(),
  }),
  ["launch", "burnout"],
).superRefine((t, ctx) => {
  if (t.launch !== undefined && t.target === undefined)
    raise(
      ctx,
      {
        expected: "a target (an asset id or a point { lat, lon, alt }): a launched threat is steered to one",
        given: "none (only a burnout start may fly free)",
      },
      ["target"],
    );
});

export type Threat = z.output<typeof threatSchema>;
export type VehicleRef = z.output<typeof vehicleRefSchema>;
export type InlineVehicle = z.output<typeof inlineVehicleSchema>;
export type Target = z.output<typeof targetSchema>;
export type Maneuver = z.output<typeof maneuverSchema>;
export type Trajectory = z.output<typeof trajectorySchema>;
