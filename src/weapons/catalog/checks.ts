/**
 * The checks a built-in weapon definition passes (kinds.ts runs them through the definition's kind):
 * every number in its range, every table well formed, with a RangeError naming the weapon and the field.
 */
import { validateStages } from "../../flight/propulsion.js";
import type { DragAeroDefinition } from "../../flight/definitions.js";
import { validateMount } from "../battery/mount.js";
import { validatePulsedPower } from "../battery/pulsedPower.js";
import type { InterceptorDefinition, LateralLimitDefinition, RailgunDefinition } from "../definitions.js";
import { validateEnvelope } from "../envelope.js";
import { validateLethality } from "../lethality.js";
import { validateSeeker } from "../seeker.js";

function positive(where: string, name: string, v: number): void {
  if (!(v > 0 && Number.isFinite(v)))
    throw new RangeError(`${where}: ${name} must be a finite number > 0, given ${v}`);
}

function nonNegative(where: string, name: string, v: number): void {
  if (!(v >= 0 && Number.isFinite(v)))
    throw new RangeError(`${where}: ${name} must be a finite number >= 0, given ${v}`);
}

function checkDrag(where: string, a: DragAeroDefinition): void {
  if (a.kind === "ballistic-coefficient") positive(where, "aero.betaKgM2", a.betaKgM2);
  else {
    positive(where, "aero.refAreaM2", a.refAreaM2);
    if (a.mach.length < 1 || a.mach.length !== a.cd.length)
      throw new RangeError(`${where}: aero.mach and aero.cd must be non-empty and of equal length`);
    for (let i = 0; i < a.cd.length; i++) {
      nonNegative(where, `aero.cd[${i}]`, a.cd[i]);
      if (i > 0 && !(a.mach[i] > a.mach[i - 1])) throw new RangeError(`${where}: aero.mach must increase`);
    }
  }
}

function checkLateral(where: string, l: LateralLimitDefinition): void {
  positive(where, "structuralMps2", l.structuralMps2);
  nonNegative(where, "normalForceAreaM2", l.normalForceAreaM2);
  nonNegative(where, "divertThrustN", l.divertThrustN);
}

/** Checks a railgun definition; throws a RangeError naming the weapon and the bad field. */
export function validateRailgun(d: RailgunDefinition): void {
  const w = `railgun ${d.name}`;
  positive(w, "muzzleSpeedMps", d.muzzleSpeedMps);
  positive(w, "launchPackageMassKg", d.launchPackageMassKg);
  positive(w, "projectile.flightBodyMassKg", d.projectile.flightBodyMassKg);
  if (d.projectile.flightBodyMassKg > d.launchPackageMassKg)
    throw new RangeError(`${w}: the flight body cannot outweigh the launch package`);
  checkDrag(w, d.projectile.aero);
  const g = d.projectile.guidance;
  if (g !== null) {
    checkLateral(w, g.lateralLimit);
    positive(w, "commandLink.updateRateHz", g.commandLink.updateRateHz);
    nonNegative(w, "commandLink.latencyS", g.commandLink.latencyS);
    positive(w, "guidance.navigationRatio", g.navigationRatio);
    nonNegative(w, "guidance.timeConstantS", g.timeConstantS);
  }
  validateLethality(d.projectile.lethality);
  positive(w, "rateOfFirePerMin", d.rateOfFirePerMin);
  if (!Number.isInteger(d.magazineRounds) || d.magazineRounds < 0)
    throw new RangeError(`${w}: magazineRounds must be a whole number >= 0`);
  validatePulsedPower(d.pulsedPower);
  if (!Number.isInteger(d.barrelLifeRounds) || d.barrelLifeRounds < 1)
    throw new RangeError(`${w}: barrelLifeRounds must be a whole number >= 1`);
  validateMount(d.mount);
  nonNegative(w, "dispersion.aimSigmaRad", d.dispersion.aimSigmaRad);
  nonNegative(w, "dispersion.muzzleSpeedSigmaMps", d.dispersion.muzzleSpeedSigmaMps);
  nonNegative(w, "reactionTimeS", d.reactionTimeS);
  validateEnvelope(w, d.envelope);
}

/** Checks an interceptor definition; throws a RangeError naming the weapon and the bad field. */
export function validateInterceptor(d: InterceptorDefinition): void {
  const w = `interceptor ${d.name}`;
  if (d.stages.length < 1) throw new RangeError(`${w}: at least one stage`);
  validateStages(d.stages);
  checkDrag(w, d.aero);
  checkLateral(w, d.lateralLimit);
  positive(w, "payload.massKg", d.payload.massKg);
  checkDrag(w, d.payload.aero);
  checkLateral(w, d.payload.lateralLimit);
  nonNegative(w, "guidance.verticalRiseS", d.guidance.verticalRiseS);
  if (!(d.guidance.thrustVectorMaxRad >= 0 && d.guidance.thrustVectorMaxRad < Math.PI / 2))
    throw new RangeError(`${w}: guidance.thrustVectorMaxRad must be in [0, 90 deg)`);
  positive(w, "guidance.midcourseUpdateIntervalS", d.guidance.midcourseUpdateIntervalS);
  positive(w, "guidance.navigationRatio", d.guidance.navigationRatio);
  nonNegative(w, "guidance.timeConstantS", d.guidance.timeConstantS);
  validateSeeker(d.seeker);
  validateLethality(d.lethality);
  validateEnvelope(w, d.envelope);
  if (!Number.isInteger(d.magazineRounds) || d.magazineRounds < 0)
    throw new RangeError(`${w}: magazineRounds must be a whole number >= 0`);
  nonNegative(w, "launchIntervalS", d.launchIntervalS);
  nonNegative(w, "reactionTimeS", d.reactionTimeS);
}
