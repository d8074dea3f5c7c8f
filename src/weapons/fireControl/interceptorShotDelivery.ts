/**
 * An interceptor's part of the planning Pk (shotDelivery.ts): it flies out under midcourse guidance,
 * so it adds no delivery error of its own; its seeker homes from acquisition (its acquisition range
 * against the target kind's nominal signature at the PIP, over the closing speed) to the intercept,
 * with the seeker's angle-noise floor times the closing speed times the guidance time constant as the
 * guidance's own error (the line-of-sight error converted to a miss over the last time constant).
 * Its midcourse is re-aimed on the track every `midcourseUpdateIntervalS` until the seeker takes over
 * (engagement/rounds.ts), so what the seeker must take out is the track's error then, not the
 * prediction's error at the intercept from when it was fired: the track's current error (its whole
 * filter's, as the battle manager gives it), extrapolated over the age of the last aim point (up to one
 * track update and one midcourse update), with the target's drift over that age. This assumes the track
 * is kept to the handover, as the sensors that fired it keep it; the planner does not foresee a track
 * lost on the way (docs/models.md 10.6 has the figures before and after).
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import { stagnationCoefficient, stagnationTempK } from "../../flight/heating.js";
import { createTruthState } from "../../flight/truthAt.js";
import type { VehicleKind } from "../../flight/truth.js";
import { validateInterceptor } from "../catalog/checks.js";
import type { InterceptorDefinition } from "../definitions.js";
import type { Lethality } from "../lethality.js";
import { Seeker } from "../seeker.js";
import type { PipSolution } from "./pip.js";
import {
  estimateSigmaOverAgeM,
  lateralLimitMps2,
  type ShotDelivery,
  type ShotGuidance,
  type ShotGuidanceContext,
} from "./shotDelivery.js";

const air = new Float64Array(4);
/** Seekers by definition: a seeker's band table is built once for every battery that shares it. */
const seekers = new WeakMap<object, Seeker>();

/** A nominal truth of the target at the PIP, for a seeker's signature (no thrust; hot surface). */
function nominalTruth(kind: VehicleKind, sol: PipSolution, earth: FlightEarthModel) {
  const t = createTruthState("target", kind);
  t.posEcefM.set(sol.pipEcefM);
  t.velEcefMps.set(sol.targetVelEcefMps);
  t.altM = sol.altM;
  earth.atmosphereInto(Math.max(0, Math.min(sol.altM, 1e6)), air);
  const v = Math.hypot(sol.targetVelEcefMps[0], sol.targetVelEcefMps[1], sol.targetVelEcefMps[2]);
  t.airspeedMps = v;
  t.mach = air[3] > 0 ? v / air[3] : 0;
  t.phase =
    kind === "hgv" ? "glide" : kind === "cruise" ? "cruise" : sol.altM > 100_000 ? "midcourse" : "reentry";
  // Sutton-Graves radiative-equilibrium surface temperature with a 5 cm nose and emissivity 0.85
  // (the catalog's threat values, src/flight/heating.ts), floored at the ambient temperature.
  t.surfaceTempK = stagnationTempK(stagnationCoefficient(0.05, 0.85), air[2], v, air[0]);
  return t;
}

export class InterceptorShotDelivery implements ShotDelivery {
  private readonly seeker: Seeker;

  /** `definition` is checked (validateInterceptor: a RangeError naming the bad field). */
  constructor(readonly definition: InterceptorDefinition) {
    validateInterceptor(definition);
    let s = seekers.get(definition.seeker);
    if (s === undefined) {
      s = new Seeker(definition.seeker);
      seekers.set(definition.seeker, s);
    }
    this.seeker = s;
  }

  get lethality(): Lethality {
    return this.definition.lethality;
  }

  addDeliveryCovariance(): void {}

  guidanceInto(c: ShotGuidanceContext, out: ShotGuidance): boolean {
    const w = this.definition;
    out.lateralLimitMps2 = lateralLimitMps2(w.payload.lateralLimit, c.dynamicPressurePa, w.payload.massKg);
    out.timeConstantS = w.guidance.timeConstantS;
    const acq = this.seeker.acquisitionRangeM(
      this.seeker.signature(nominalTruth(c.targetKind, c.solution, c.earth)),
    );
    out.homingTimeS = Math.min(c.solution.tofS, acq / c.closingSpeedMps);
    out.guideSigmaM = this.seeker.definition.angleNoiseFloorRad * c.closingSpeedMps * out.timeConstantS;
    out.preHomingSigmaM = estimateSigmaOverAgeM(
      c.trackErrorTraces,
      c.targetAccelerationMps2,
      0,
      c.trackUpdateIntervalS + w.guidance.midcourseUpdateIntervalS,
    );
    return true;
  }
}
