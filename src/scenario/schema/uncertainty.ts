/**
 * Uncertainty: distributions drawn per Monte Carlo run. Each entry names a value written in the file by
 * a path (segments separated by "."; list items by their id, or by index when they have none, e.g.
 * `threats.hgv-1.launch.time`) and a distribution in that value's units. A normal distribution is
 * centred on the nominal value unless `mean` is given; a uniform one gives absolute bounds.
 */
import * as z from "zod";
import { looseQuantity, raise, text, strict } from "../fields/index.js";

const target = text({
  maxLength: 300,
  description: "path of the perturbed value, e.g. threats.hgv-1.launch.time",
});

export const distributionSchema = z.discriminatedUnion("distribution", [
  strict({
    path: target,
    distribution: z.literal("normal"),
    sigma: looseQuantity({ description: "standard deviation, in the value's units" }),
    mean: looseQuantity({ description: "mean (default: the nominal value)" }).optional(),
  }).superRefine((d, ctx) => {
    if (!(d.sigma >= 0)) raise(ctx, { expected: "a standard deviation >= 0" }, ["sigma"]);
  }),
  strict({
    path: target,
    distribution: z.literal("uniform"),
    min: looseQuantity({ description: "lower bound" }),
    max: looseQuantity({ description: "upper bound" }),
  }).superRefine((d, ctx) => {
    if (!(d.max >= d.min)) raise(ctx, { expected: "an upper bound >= min" }, ["max"]);
  }),
]);

export const uncertaintySchema = strict({
  parameters: z.array(distributionSchema).default([]),
});

export type Distribution = z.output<typeof distributionSchema>;
export type Uncertainty = z.output<typeof uncertaintySchema>;
