/**
 * A railgun round's part of the planning Pk (shotDelivery.ts). Delivery error: the aim error sigma_a on
 * both axes across the round's path at the slant range R, and the muzzle-speed error sigma_v along it,
 * sigma_along = sigma_v t_f (v_arrival / v_muzzle) (a velocity error's displacement grows with the time
 * of flight and decays with the round's speed). A command-guided round homes for its whole time of
 * flight; its guidance error is that of the estimate the link sends at the intercept: the track
 * extrapolated from its last update, a = tau + s old with s anywhere in [0, Delta] (tau the link
 * latency, Delta the track's update interval),
 *   sigma^2 = mean over s of [(tr P_pp + 2 a tr P_pv + a^2 tr P_vv) / 3 + (n_T a^2 / 2)^2],
 * the track's error carried at its velocity error, and the target's unforeseen manoeuvre. Measured
 * (docs/models.md 10.6): between a radar's looks 1 s apart, the estimate extrapolated to the closest
 * approach is off by about the round's median miss (5.5 m against 5.6 m, 200 threats against 10
 * batteries), where the track at its update is off by 3.3 m.
 */
import { validateRailgun } from "../catalog/checks.js";
import type { RailgunDefinition } from "../definitions.js";
import type { Lethality } from "../lethality.js";
import type { PipSolution } from "./pip.js";
import {
  estimateSigmaOverAgeM,
  lateralLimitMps2,
  type ShotDelivery,
  type ShotGuidance,
  type ShotGuidanceContext,
} from "./shotDelivery.js";

export class GunShotDelivery implements ShotDelivery {
  /** `definition` is checked (validateRailgun: a RangeError naming the bad field). */
  constructor(readonly definition: RailgunDefinition) {
    validateRailgun(definition);
  }

  get lethality(): Lethality {
    return this.definition.projectile.lethality;
  }

  addDeliveryCovariance(sol: PipSolution, launcherEcefM: ArrayLike<number>, C: Float64Array): void {
    const w = this.definition;
    const rv = sol.roundVelEcefMps;
    const vArr = Math.max(sol.arrivalSpeedMps, 1e-9);
    const u = [rv[0] / vArr, rv[1] / vArr, rv[2] / vArr];
    const p = sol.pipEcefM;
    const slant = Math.hypot(p[0] - launcherEcefM[0], p[1] - launcherEcefM[1], p[2] - launcherEcefM[2]);
    const lat = w.dispersion.aimSigmaRad * slant;
    const along = w.dispersion.muzzleSpeedSigmaMps * sol.tofS * (sol.arrivalSpeedMps / w.muzzleSpeedMps);
    const l2 = lat * lat;
    const d2 = along * along - l2;
    for (let i = 0; i < 3; i++)
      for (let j = 0; j < 3; j++) C[3 * i + j] += (i === j ? l2 : 0) + d2 * u[i] * u[j];
  }

  guidanceInto(c: ShotGuidanceContext, out: ShotGuidance): boolean {
    const projectile = this.definition.projectile;
    const g = projectile.guidance;
    if (g === null) return false;
    out.lateralLimitMps2 = lateralLimitMps2(g.lateralLimit, c.dynamicPressurePa, projectile.flightBodyMassKg);
    out.timeConstantS = g.timeConstantS;
    out.homingTimeS = c.solution.tofS;
    // The estimate the link sends is between tau (the latency) and tau + Delta (one track update
    // interval more) old when the round meets the target.
    out.guideSigmaM = estimateSigmaOverAgeM(
      c.trackErrorTraces,
      c.targetAccelerationMps2,
      g.commandLink.latencyS,
      c.trackUpdateIntervalS,
    );
    return true;
  }
}
