/**
 * Weapon-target assignment by weapon tiers (the doctrine's weapon priorities): each tier's batteries
 * are assigned (wta.ts) on the threat values the earlier tiers leave, V_i prod (1 - p_ij)^x_ij, so a
 * later tier covers what an earlier one cannot, and never instead of it. Within a tier, p_ij is the
 * battery's best Pk in the pair's window (0 below the doctrine's minimum), n_ij the shots it can take
 * in the window, c_j the battery's rounds left less those ordered, capped by the shots its sustained
 * rate of fire allows in the horizon, and each threat's cap its shots left less those already assigned.
 */
import type { Doctrine } from "./doctrine.js";
import { assignWeapons } from "./wta.js";

/** Shots of battery j at candidate i, from tier `tier` (0: first), by the solver `method`. */
export interface TierAssignment {
  readonly i: number;
  readonly j: number;
  readonly x: number;
  readonly tier: number;
  readonly method: "exact" | "greedy";
}

/** A battery as the assignment sees it. */
export interface AssignableBattery {
  /** Rounds it can still be ordered to fire (rounds left less pending orders; below 0 counts as 0). */
  readonly roundsAvailable: number;
  /** Shortest sustained interval between its shots, s. */
  readonly shotIntervalS: number;
}

/** What the assignment reads of a battery's opportunity against a threat (opportunities.ts). */
export interface AssignableOpportunity {
  /** The window's best shot: its Pk. */
  readonly best: { readonly pk: number };
  /** Shots that fit in the window. */
  readonly shots: number;
}

/** A threat as the assignment sees it. */
export interface AssignableThreat {
  /** Value of the assets it threatens (the weapons control's value when free), >= 0. */
  readonly value: number;
  /** Per battery: its opportunity against the threat, or null. */
  readonly opps: readonly (AssignableOpportunity | null)[];
  /** Shots it may still be given (the doctrine's shots per threat less those ordered), >= 0. */
  readonly shotsLeft: number;
}

export interface TieredAssignment {
  readonly assigned: readonly TierAssignment[];
  /** Shots assigned to each threat over all tiers. */
  readonly shotsAssigned: readonly number[];
}

/** Assigns the threats to the batteries tier by tier over the planning horizon horizonS (see above). */
export function assignByTiers(
  threats: readonly AssignableThreat[],
  batteries: readonly AssignableBattery[],
  tiers: readonly (readonly number[])[],
  doctrine: Pick<Doctrine, "minKillProbability">,
  horizonS: number,
): TieredAssignment {
  const nT = threats.length;
  const survival = new Array<number>(nT).fill(1);
  const shotsAssigned = threats.map(() => 0);
  const assigned: TierAssignment[] = [];
  for (let k = 0; k < tiers.length; k++) {
    const tier = tiers[k];
    const values = threats.map((f, i) => f.value * survival[i]);
    const batteryShots = tier.map((j) => {
      const b = batteries[j];
      return Math.min(Math.max(0, b.roundsAvailable), Math.floor(horizonS / b.shotIntervalS) + 1);
    });
    const killProbability = tier.map((j) =>
      threats.map((f) => {
        const o = f.opps[j];
        return o === null || o.best.pk < doctrine.minKillProbability
          ? 0
          : Math.min(1, Math.max(0, o.best.pk));
      }),
    );
    const maxPairShots = tier.map((j) => threats.map((f) => f.opps[j]?.shots ?? 0));
    const caps = threats.map((f, i) => Math.max(0, f.shotsLeft - shotsAssigned[i]));
    if (!killProbability.some((row) => row.some((p) => p > 0))) continue;
    const sol = assignWeapons({
      threatValues: values,
      batteryShots,
      killProbability,
      maxPairShots,
      threatShotCaps: caps,
    });
    for (let a = 0; a < tier.length; a++)
      for (let i = 0; i < nT; i++) {
        const x = sol.shots[a][i];
        if (x <= 0) continue;
        assigned.push({ i, j: tier[a], x, tier: k, method: sol.method });
        shotsAssigned[i] += x;
        survival[i] *= (1 - killProbability[a][i]) ** x;
      }
  }
  return { assigned, shotsAssigned };
}
