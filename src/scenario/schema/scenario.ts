/**
 * The scenario file's top level (docs/design.md, "Scenario files"). Each section's schema lives in its own
 * file so it can grow; this one only assembles them. Every quantity in the parsed `Scenario` is SI
 * (m, s, rad, kg, m/s, W, Hz, K...; dB and dBsm become linear ratios and m^2), and the epoch is a Date.
 */
import * as z from "zod";
import { defaultedSection, duration, epoch, strict, text } from "../fields/index.js";
import { assetSchema } from "./assets.js";
import { doctrineSchema } from "./doctrine.js";
import { environmentSchema } from "./environment.js";
import { sensorSchema } from "./sensors.js";
import { threatSchema } from "./threats.js";
import { trackingSchema } from "./tracking.js";
import { uncertaintySchema } from "./uncertainty.js";
import { weaponSchema } from "./weapons.js";

export const scenarioSchema = strict({
  name: text({ maxLength: 200, description: "scenario title" }),
  description: text({ maxLength: 10000, description: "free text for the analyst" }).optional(),
  epoch: epoch({ description: "scenario start, UTC; simulation time counts seconds from it" }),
  duration: duration({ min: "0 s", max: "7 d", minExclusive: true, description: "simulated time span" }),
  environment: defaultedSection(environmentSchema),
  assets: z.array(assetSchema).default([]),
  threats: z.array(threatSchema).default([]),
  sensors: z.array(sensorSchema).default([]),
  weapons: z.array(weaponSchema).default([]),
  tracking: defaultedSection(trackingSchema),
  doctrine: defaultedSection(doctrineSchema),
  uncertainty: defaultedSection(uncertaintySchema),
});

/** A validated scenario: SI values, Date epoch, defaults filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
