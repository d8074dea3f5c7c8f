/** Tracking: the filter and association choices (Stone Soup's roles), and track management. */
import * as z from "zod";
import { choice, count, duration, length, number, probability, raise, strict } from "../fields/index.js";

export const trackingSchema = strict({
  // The linear Kalman filter is in the library (src/tracking) but not offered here: every built-in
  // sensor measures nonlinearly (range and angles, lines of sight).
  filter: choice(["ekf", "ukf", "imm"], {
    default: "imm",
    description: "extended Kalman, unscented Kalman, or interacting multiple model",
    source: "Bar-Shalom, Li, Kirubarajan 2001",
  }),
  association: choice(["gnn", "jpda"], {
    default: "gnn",
    description: "global nearest neighbour, or joint probabilistic data association",
  }),
  gateProbability: probability({
    min: 0,
    max: 1,
    minExclusive: true,
    maxExclusive: true,
    default: 0.99,
    description: "probability that the true measurement falls in the validation gate",
  }),
  confirmHits: count({ min: 1, default: 3, description: "M of an M-of-N confirmation rule" }),
  confirmWindow: count({ min: 1, default: 5, description: "N of an M-of-N confirmation rule" }),
  dropAfter: duration({
    min: "0 s",
    minExclusive: true,
    default: "30 s",
    description: "coast time before a track is dropped",
  }),
  deleteAfterMisses: count({
    min: 1,
    max: 1000,
    default: 10,
    description:
      "misses (of a sensor that sees the track every look) that delete a track; misses are weighed by each sensor's recent hit rate",
    source: "track-score decrement -ln(1 - Pd Pg), Blackman & Popoli 1999 ch. 6",
  }),
  maxPositionSigma: length({
    min: "1 m",
    max: "10000 km",
    default: "50 km",
    description: "predicted position standard deviation (root of the trace) beyond which a track is dropped",
  }),
  detectionProbability: probability({
    min: 0,
    max: 1,
    minExclusive: true,
    maxExclusive: true,
    default: 0.9,
    description: "JPDA: probability that a sensor detects a tracked target in a look",
  }),
  clutterDensity: number({
    min: 0,
    default: 1e-9,
    description: "JPDA: false-alarm density per unit measurement volume (rad^2 m for radar)",
  }),
}).superRefine((t, ctx) => {
  if (t.confirmHits > t.confirmWindow) {
    raise(
      ctx,
      { expected: `at most confirmWindow (${t.confirmWindow}) hits`, given: String(t.confirmHits) },
      ["confirmHits"],
    );
  }
});

export type Tracking = z.output<typeof trackingSchema>;
