/** Defended assets: what the raid aims at and what the defence protects. */
import * as z from "zod";
import { geoPoint, id, length, number, strict } from "../fields/index.js";

export const assetSchema = strict({
  id: id({ description: "asset id, unique among assets" }),
  at: geoPoint(),
  value: number({ min: 0, default: 1, description: "relative value, weights leakers in the summary" }),
  radius: length({ min: "0 m", max: "100 km", default: "0 m", description: "radius of the defended area" }),
});

export type Asset = z.output<typeof assetSchema>;
