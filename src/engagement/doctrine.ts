/**
 * Doctrine: the rules the battle manager spends shots by, in SI (the scenario's `doctrine:` section,
 * src/scenario/schema/doctrine.ts, maps onto it).
 *
 * - mode: shoot-look-shoot fires one round, waits until it has passed its target and the sensors have
 *   had `assessmentDelayS` to show whether the track goes on, then fires again if it does; salvo fires
 *   `salvoSize` rounds together, then looks. Shoot-look-shoot spends fewer rounds per kill, salvo
 *   needs less time (Wilkening, "A simple model for calculating ballistic missile defense
 *   effectiveness", Science & Global Security 8, 1999: the two doctrines and their trade).
 * - maxShotsPerThreat: rounds at one track over the whole engagement.
 * - weaponsControl: "tight" engages only tracks whose threat evaluation puts a defended asset at risk
 *   (predicted impact near it, or it inside a glider's reachable footprint); "free" engages every
 *   confirmed track past its boost a weapon can reach (boost-phase intercept is not modelled), those
 *   that threaten no asset valued at `unthreateningValue`.
 *   (Air defence's weapons-tight means fire only at targets identified as hostile; every track here is
 *   hostile, so "identified" reads as "shown by the threat evaluation to threaten the defended area".)
 * - minInterceptAltitudeM: no intercept below it, on top of each weapon's envelope (debris and warhead
 *   fall-out over the defended area).
 * - weaponPriorities: weapon ids, preferred first. The assignment runs tier by tier: the first weapon's
 *   tier is assigned on the threats' full values, the next on what the earlier tiers leave (each
 *   threat's value times its survival of the shots already assigned), so a cheap railgun round is
 *   spent before an interceptor wherever it does the job. Unlisted weapons form the last tier.
 * - minKillProbability: a shot whose planned Pk is below it is not fired (0: any positive Pk).
 * - assessmentDelayS, decisionIntervalS, planningHorizonS: the timing of the loop (see battleManager.ts).
 */

export type FireMode = "shoot-look-shoot" | "salvo";
export type WeaponsControl = "tight" | "free";

export interface Doctrine {
  readonly mode: FireMode;
  readonly salvoSize: number;
  readonly maxShotsPerThreat: number;
  readonly weaponsControl: WeaponsControl;
  readonly minInterceptAltitudeM: number;
  readonly weaponPriorities: readonly string[];
  readonly minKillProbability: number;
  readonly assessmentDelayS: number;
  readonly decisionIntervalS: number;
  readonly planningHorizonS: number;
  /** Value given, under weapons free, to a track that threatens no defended asset. */
  readonly unthreateningValue: number;
}

/**
 * Defaults: shoot-look-shoot, 4 shots, weapons tight, no extra altitude floor, one tier, any positive
 * Pk, a 3 s look (about three radar revisits), a 1 s decision cycle (the tracker's tick), a 120 s
 * horizon (an SM-6-class time of flight and a half) [N].
 */
export const DEFAULT_DOCTRINE: Doctrine = {
  mode: "shoot-look-shoot",
  salvoSize: 2,
  maxShotsPerThreat: 4,
  weaponsControl: "tight",
  minInterceptAltitudeM: 0,
  weaponPriorities: [],
  minKillProbability: 0,
  assessmentDelayS: 3,
  decisionIntervalS: 1,
  planningHorizonS: 120,
  unthreateningValue: 0.1,
};

/** Checks a doctrine; throws a RangeError naming the bad field. */
export function validateDoctrine(d: Doctrine): Doctrine {
  const whole = (name: keyof Doctrine, v: number, min: number) => {
    if (!Number.isInteger(v) || v < min)
      throw new RangeError(`doctrine: ${name} must be a whole number >= ${min}, given ${v}`);
  };
  const nonNeg = (name: keyof Doctrine, v: number) => {
    if (!(v >= 0 && Number.isFinite(v)))
      throw new RangeError(`doctrine: ${name} must be a finite number >= 0, given ${v}`);
  };
  if (d.mode !== "shoot-look-shoot" && d.mode !== "salvo")
    throw new RangeError(`doctrine: mode must be shoot-look-shoot or salvo, given ${String(d.mode)}`);
  if (d.weaponsControl !== "tight" && d.weaponsControl !== "free")
    throw new RangeError(`doctrine: weaponsControl must be tight or free, given ${String(d.weaponsControl)}`);
  whole("salvoSize", d.salvoSize, 1);
  whole("maxShotsPerThreat", d.maxShotsPerThreat, 1);
  nonNeg("minInterceptAltitudeM", d.minInterceptAltitudeM);
  if (!(d.minKillProbability >= 0 && d.minKillProbability <= 1))
    throw new RangeError(`doctrine: minKillProbability must be in [0, 1], given ${d.minKillProbability}`);
  nonNeg("assessmentDelayS", d.assessmentDelayS);
  if (!(d.decisionIntervalS > 0 && Number.isFinite(d.decisionIntervalS)))
    throw new RangeError(
      `doctrine: decisionIntervalS must be a finite number > 0, given ${d.decisionIntervalS}`,
    );
  if (!(d.planningHorizonS > 0 && Number.isFinite(d.planningHorizonS)))
    throw new RangeError(
      `doctrine: planningHorizonS must be a finite number > 0, given ${d.planningHorizonS}`,
    );
  nonNeg("unthreateningValue", d.unthreateningValue);
  return d;
}

/** Rounds fired together at a threat in one engagement (before the next look). */
export function shotsPerEngagement(d: Doctrine): number {
  if (d.mode === "salvo" && !(Number.isInteger(d.salvoSize) && d.salvoSize >= 1))
    throw new RangeError(`doctrine: salvoSize must be a whole number >= 1, given ${d.salvoSize}`);
  if (d.mode !== "salvo" && d.mode !== "shoot-look-shoot")
    throw new RangeError(`doctrine: mode must be shoot-look-shoot or salvo, given ${String(d.mode)}`);
  return d.mode === "salvo" ? d.salvoSize : 1;
}
