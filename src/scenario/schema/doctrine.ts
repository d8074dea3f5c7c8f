/** Doctrine: how the battle manager spends shots. */
import * as z from "zod";
import { choice, count, strict } from "../fields/index.js";

export const doctrineSchema = strict({
  mode: choice(["shoot-shoot", "shoot-look-shoot"], {
    default: "shoot-look-shoot",
    description: "salvo without waiting, or assess each intercept before the next shot",
  }),
  maxShotsPerThreat: count({ min: 1, max: 64, default: 4, description: "cap on shots at one threat" }),
});

export type Doctrine = z.output<typeof doctrineSchema>;
