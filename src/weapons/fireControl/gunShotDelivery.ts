/**
 * A railgun round's part of the planning Pk (shotDelivery.ts). Delivery error: the aim error sigma_a on
 * both axes across the round's path at the slant range R, and the muzzle-speed error sigma_v along it,
 * sigma_along = sigma_v t_f (v_arrival / v_muzzle) (a velocity error's displacement grows with the time
 * of flight and decays with the round's speed). A command-guided round homes for its whole time of
 * flight; its guidance error is the uplinked track's current position uncertainty plus the target's
 * drift n_T tau^2 / 2 over the link latency tau.
 */
import { validateRailgun } from "../catalog/checks.js";
import type { RailgunDefinition } from "../definitions.js";
import type { Lethality } from "../lethality.js";
import type { PipSolution } from "./pip.js";
import {
  lateralLimitMps2,
  type ShotDelivery,
  type ShotGuidance,
  type ShotGuidanceContext,
} from "./shotDelivery.js";

const C0 = new Float64Array(9);

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
    const pred = c.prediction;
    const track0 = pred.covarianceAt(pred.t0S, C0) ? Math.sqrt((C0[0] + C0[4] + C0[8]) / 3) : 0;
    const drift = 0.5 * c.targetAccelerationMps2 * g.commandLink.latencyS * g.commandLink.latencyS;
    out.guideSigmaM = Math.hypot(track0, drift);
    return true;
  }
}
