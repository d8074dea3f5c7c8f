/** Tracking: the filter and association choices (Stone Soup's roles), and track management. */
import * as z from "zod";
import { choice, count, duration, probability, raise, strict } from "../fields/index.js";

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
