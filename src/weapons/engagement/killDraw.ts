/**
 * The kill draw: one uniform draw from the engagement's own named stream against the probability of
 * kill at the miss distance that was flown (lethality.ts). One draw per shot, always made (even for a
 * Pk of 0 or 1), so the stream's sequence depends only on how many shots were fired, not on their
 * outcomes: changing a lethality figure changes no other shot's draw.
 */
import type { RandomStream } from "../../math/random.js";
import { killProbability, type Lethality } from "../lethality.js";

export interface KillOutcome {
  readonly pk: number;
  readonly draw: number;
  readonly killed: boolean;
}

export function drawKill(lethality: Lethality, missM: number, rng: RandomStream): KillOutcome {
  const pk = killProbability(lethality, missM);
  const draw = rng.next();
  return { pk, draw, killed: draw < pk };
}
