/**
 * A railgun round in flight, on the flight layer's steppable propagator: 3-DOF point mass over the
 * scenario's Earth (gravity with the rotating-frame terms), drag of the flight body from its C_D(Mach)
 * table, and for a guided round a lateral-acceleration force within its divert limit steered by
 * proportional navigation on the target state the command link supplies (Flight.setTarget).
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
import type { ForceModel } from "../../flight/propagation/types.js";
import type { RailgunDefinition } from "../definitions.js";
import { lateralForceOf } from "./forces.js";

export interface MuzzleState {
  readonly posEcefM: ArrayLike<number>;
  readonly velEcefMps: ArrayLike<number>;
  /** ECEF -> ENU rotation at the battery (row-major). */
  readonly rotEcefToEnu: ArrayLike<number>;
}

export interface ProjectileLaunch {
  readonly id: string;
  readonly definition: RailgunDefinition;
  readonly earth: FlightEarthModel;
  readonly startTimeS: number;
  readonly muzzle: MuzzleState;
  readonly azimuthRad: number;
  readonly elevationRad: number;
  /** Muzzle speed of this round (the definition's, or a dispersed draw), m/s. */
  readonly muzzleSpeedMps?: number;
  /** Output samples, s (default 0: none). */
  readonly sampleIntervalS?: number;
  readonly maxFlightTimeS?: number;
  readonly endTimeS?: number;
  /** Integration steps kept for stateAt (default 8). */
  readonly historySteps?: number;
  readonly rtol?: number;
  readonly atol?: number;
}

export interface ProjectileFlight {
  readonly flight: Flight;
  /** The homing law of a guided round (set its target through flight.setTarget), else null. */
  readonly law: ProportionalNavigation | null;
}

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
  const forces = forcesOf(def, o.earth);
  const law =
    p.guidance === null ? null : new ProportionalNavigation({ navigationRatio: p.guidance.navigationRatio });
  const flight = new Flight({
    id: o.id,
    kind: "projectile",
    vehicleName: def.name,
    earth: o.earth,
    startTimeS: o.startTimeS,
    initialState: y0,
    forces,
    guidance: law,
    phase: "midcourse",
    sampleIntervalS: o.sampleIntervalS ?? 0,
    maxFlightTimeS: o.maxFlightTimeS ?? def.envelope.maxTimeOfFlightS + 60,
    endTimeS: o.endTimeS,
    historySteps: o.historySteps ?? 8,
    rtol: o.rtol,
    atol: o.atol,
    noseRadiusM: 0.01,
    // A round launched from below ground level (a ship's waterline sits at 0 m) is not an impact.
    impactAltM: Math.min(0, o.earth.altitudeM(y0) - 1),
  });
  return { flight, law };
}
