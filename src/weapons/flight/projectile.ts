/**
 * A railgun round in flight, on the flight layer's steppable propagator: 3-DOF point mass over the
 * scenario's Earth (gravity with the rotating-frame terms), drag of the flight body from its C_D(Mach)
 * table, and for a guided round a lateral-acceleration force within its divert limit. A guided round
 * carries two laws, both steered on what the command link supplies (Flight.setTarget): zero-effort-miss
 * steering to the predicted intercept point in midcourse (its own gravity in the miss, so the ballistic
 * arc the gun aimed is not fought), then proportional navigation on the target in the end game
 * (engagement/rounds.ts switches them). A coasting copy of a round (`createCoastingProjectileFlight`)
 * is what the fire control flies ahead to find when a round in flight will meet its target.
 *
 * Launch: at the muzzle (the battery's position, its antenna height standing for the trunnion) with the
 * battery's own velocity (a ship's) plus the muzzle velocity along the gun's azimuth and elevation in
 * the site's ENU frame. The flight body's mass is the projectile's (the sabot and armature are gone at
 * the muzzle).
 */
import { argError, finiteArg, finiteArrayArg, finiteVec3Arg } from "../../math/check.js";
import { DragModel } from "../../flight/aero/models.js";
import type { FlightEarthModel } from "../../flight/earthModel.js";
import { DragForce } from "../../flight/forces/drag.js";
import { GravityForce } from "../../flight/forces/gravity.js";
import { ProportionalNavigation } from "../../flight/guidance/proportionalNavigation.js";
import { Flight } from "../../flight/propagation/flight.js";
import type { ForceModel, GuidanceLaw } from "../../flight/propagation/types.js";
import { ZemGuidance } from "../guidance/zemGuidance.js";
import {
  weaponFlightRunOptions,
  type ResolvedWeaponFlightRunOptions,
  type WeaponFlightRunOptions,
} from "./runOptions.js";
import type { RailgunDefinition } from "../definitions.js";
import { lateralForceOf } from "./forces.js";

export interface MuzzleState {
  readonly posEcefM: ArrayLike<number>;
  readonly velEcefMps: ArrayLike<number>;
  /** ECEF -> ENU rotation at the battery (row-major). */
  readonly rotEcefToEnu: ArrayLike<number>;
}

export interface ProjectileLaunch extends WeaponFlightRunOptions {
  readonly id: string;
  readonly definition: RailgunDefinition;
  readonly earth: FlightEarthModel;
  readonly startTimeS: number;
  readonly muzzle: MuzzleState;
  readonly azimuthRad: number;
  readonly elevationRad: number;
  /** Muzzle speed of this round (the definition's, or a dispersed draw), m/s. */
  readonly muzzleSpeedMps?: number;
}

export interface ProjectileFlight {
  readonly flight: Flight;
  /** The end-game homing law of a guided round, else null. */
  readonly law: ProportionalNavigation | null;
  /**
   * The midcourse law of a guided round, which it flies from the muzzle (set its target, the predicted
   * intercept point at rest, through flight.setTarget, and its interceptTimeS), else null.
   */
  readonly midcourse: ZemGuidance | null;
}

/**
 * Gain of the midcourse ZEM law: 3, the energy-optimal gain for a fixed time to go (Zarchan, "Tactical
 * and Strategic Missile Guidance", 6th ed., ch. 8).
 */
const MIDCOURSE_ZEM_GAIN = 3;

/** ECEF velocity of speed v at elevation el and azimuth az in the ENU frame of rot (row-major ECEF->ENU). */
export function launchVelocityInto(
  rot: ArrayLike<number>,
  speedMps: number,
  elevationRad: number,
  azimuthRad: number,
  out: Float64Array,
): Float64Array {
  const ce = Math.cos(elevationRad);
  const e = speedMps * ce * Math.sin(azimuthRad);
  const n = speedMps * ce * Math.cos(azimuthRad);
  const u = speedMps * Math.sin(elevationRad);
  for (let c = 0; c < 3; c++) out[c] = rot[c] * e + rot[3 + c] * n + rot[6 + c] * u;
  return out;
}

/**
 * The force models of a weapon's rounds on an Earth model, built once and shared by every round: they
 * hold no state between evaluations (scratch arrays only, used within one evaluation on one thread).
 */
const forceCache = new WeakMap<RailgunDefinition, WeakMap<FlightEarthModel, readonly ForceModel[]>>();

function forcesOf(def: RailgunDefinition, earth: FlightEarthModel): readonly ForceModel[] {
  let byEarth = forceCache.get(def);
  if (byEarth === undefined) {
    byEarth = new WeakMap();
    forceCache.set(def, byEarth);
  }
  let forces = byEarth.get(earth);
  if (forces === undefined) {
    const p = def.projectile;
    const list: ForceModel[] = [new GravityForce(earth), new DragForce(new DragModel(p.aero))];
    if (p.guidance !== null) {
      const lateral = lateralForceOf(p.guidance.lateralLimit, p.flightBodyMassKg);
      if (lateral !== null) list.push(lateral);
    }
    forces = list;
    byEarth.set(earth, forces);
  }
  return forces;
}

export function createProjectileFlight(o: ProjectileLaunch): ProjectileFlight {
  const def = o.definition;
  const p = def.projectile;
  const v = o.muzzleSpeedMps ?? def.muzzleSpeedMps;
  const fn = `projectile ${o.id}`;
  if (!(v > 0 && Number.isFinite(v))) throw argError(fn, "launch.muzzleSpeedMps", "a finite number > 0", v);
  finiteArg(fn, "launch.startTimeS", o.startTimeS);
  finiteVec3Arg(fn, "launch.muzzle.posEcefM", o.muzzle.posEcefM);
  finiteVec3Arg(fn, "launch.muzzle.velEcefMps", o.muzzle.velEcefMps);
  finiteArrayArg(fn, "launch.muzzle.rotEcefToEnu", o.muzzle.rotEcefToEnu, 9);
  finiteArg(fn, "launch.azimuthRad", o.azimuthRad);
  if (!(o.elevationRad >= -Math.PI / 2 && o.elevationRad <= Math.PI / 2))
    throw argError(fn, "launch.elevationRad", "an elevation in [-pi/2, pi/2] rad", o.elevationRad);
  const vel = launchVelocityInto(o.muzzle.rotEcefToEnu, v, o.elevationRad, o.azimuthRad, new Float64Array(3));
  const y0 = [
    o.muzzle.posEcefM[0],
    o.muzzle.posEcefM[1],
    o.muzzle.posEcefM[2],
    o.muzzle.velEcefMps[0] + vel[0],
    o.muzzle.velEcefMps[1] + vel[1],
    o.muzzle.velEcefMps[2] + vel[2],
    p.flightBodyMassKg,
  ];
  const guided = p.guidance !== null;
  // The round steers with canards, across its own path only: true PN with the lead compensated.
  const law = guided
    ? new ProportionalNavigation({ navigationRatio: p.guidance.navigationRatio, leadCompensated: true })
    : null;
  const midcourse = guided ? new ZemGuidance({ navigationRatio: MIDCOURSE_ZEM_GAIN }) : null;
  const flight = projectileFlight(
    def,
    o.earth,
    o.id,
    o.startTimeS,
    y0,
    midcourse,
    weaponFlightRunOptions(o, def.envelope.maxTimeOfFlightS),
  );
  return { flight, law, midcourse };
}

/**
 * A round coasting from the state y = [x, y, z, vx, vy, vz, m] (ECEF) at startTimeS, unsteered, for at
 * most maxFlightTimeS: where a round in flight would go if it steered no more (its forces, no law).
 */
export function createCoastingProjectileFlight(
  definition: RailgunDefinition,
  earth: FlightEarthModel,
  startTimeS: number,
  y: ArrayLike<number>,
  maxFlightTimeS: number,
): Flight {
  const fn = "createCoastingProjectileFlight";
  finiteArg(fn, "startTimeS", startTimeS);
  finiteArrayArg(fn, "y", y, 7);
  if (!(maxFlightTimeS > 0)) throw argError(fn, "maxFlightTimeS", "a number > 0", maxFlightTimeS);
  const run = weaponFlightRunOptions({ maxFlightTimeS }, definition.envelope.maxTimeOfFlightS);
  return projectileFlight(definition, earth, "coasting", startTimeS, Array.from(y), null, run);
}

function projectileFlight(
  def: RailgunDefinition,
  earth: FlightEarthModel,
  id: string,
  startTimeS: number,
  y0: number[],
  guidance: GuidanceLaw | null,
  o: ResolvedWeaponFlightRunOptions,
): Flight {
  return new Flight({
    id,
    kind: "projectile",
    vehicleName: def.name,
    earth,
    startTimeS,
    initialState: y0,
    forces: forcesOf(def, earth),
    guidance,
    phase: "midcourse",
    sampleIntervalS: o.sampleIntervalS,
    maxFlightTimeS: o.maxFlightTimeS,
    endTimeS: o.endTimeS,
    historySteps: o.historySteps,
    rtol: o.rtol,
    atol: o.atol,
    noseRadiusM: 0.01,
    // A round launched from below ground level (a ship's waterline sits at 0 m) is not an impact.
    impactAltM: Math.min(0, earth.altitudeM(y0) - 1),
  });
}
