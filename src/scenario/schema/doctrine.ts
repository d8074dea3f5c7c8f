/**
 * Doctrine: how the battle manager spends shots (src/engagement/doctrine.ts holds the same rules in SI
 * for the engagement layer, with the reasoning behind each default).
 */
import * as z from "zod";
import { choice, count, duration, id, length, probability, strict } from "../fields/index.js";

export const doctrineSchema = strict({
  mode: choice(["shoot-look-shoot", "salvo", "shoot-shoot"], {
    default: "shoot-look-shoot",
    description:
      "shoot-look-shoot: one shot, assess, then the next; salvo (or its older name shoot-shoot): salvoSize shots at once, assess, then the next salvo",
    source:
      "the two firing doctrines of air and missile defence (e.g. Wilkening 1999, Science & Global Security 8)",
  }),
  maxShotsPerThreat: count({ min: 1, max: 64, default: 4, description: "cap on shots at one threat" }),
  salvoSize: count({
    min: 1,
    max: 8,
    default: 2,
    description: "shots fired together at one threat in salvo mode (shoot-look-shoot fires one)",
    source: "two-shot salvos are the usual ballistic-missile-defence doctrine (Wilkening 1999)",
  }),
  weapons: choice(["tight", "free"], {
    default: "tight",
    description:
      "tight: engage only tracks whose threat evaluation puts a defended asset at risk; free: engage every confirmed track in reach",
  }),
  minInterceptAltitude: length({
    min: "0 m",
    max: "200 km",
    default: "0 m",
    description:
      "no intercept below this altitude, on top of each weapon's own envelope (keeps debris off the defended area)",
  }),
  weaponPriorities: z
    .array(id({ description: "weapon id" }))
    .max(200)
    .default([])
    .describe(
      "weapon ids in order of preference: weapons earlier in the list are assigned first, later ones take what they leave (unlisted weapons come last, together)",
    ),
  minKillProbability: probability({
    default: 0,
    description: "shots whose planned probability of kill is below this are not fired",
  }),
  assessmentDelay: duration({
    min: "0 s",
    max: "5 min",
    default: "3 s",
    description:
      "time after a round has passed its target before the sensors' picture is read for kill assessment",
  }),
  decisionInterval: duration({
    min: "0.1 s",
    max: "1 min",
    default: "1 s",
    description: "the battle manager's decision cycle",
  }),
  planningHorizon: duration({
    min: "1 s",
    max: "30 min",
    default: "120 s",
    description: "shots are planned for threats reachable within this time (the assignment's budget)",
  }),
});

export type Doctrine = z.output<typeof doctrineSchema>;
