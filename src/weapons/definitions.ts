/**
 * Plain SI definitions of weapon models: what the catalog holds and a scenario's inline weapon maps onto.
 * Angles in radians, lengths in metres, masses in kg, times in seconds, power in W, energy in J.
 */
import type { DragAeroDefinition } from "../flight/definitions.js";
import type { StageDefinition } from "../flight/propulsion.js";
import type { MountDefinition } from "./battery/mount.js";
import type { PulsedPowerDefinition } from "./battery/pulsedPower.js";
import type { Lethality } from "./lethality.js";
import type { SeekerDefinition } from "./seeker.js";

/**
 * How hard a vehicle can turn: a_max = min(a_structural, max(q C_N,max S / m, F_divert / m)), with q the
 * dynamic pressure and m the mass (the flight layer's LateralAccelerationForce). Aerodynamic control
 * (fins, canards, body lift at angle of attack) gives a normal force q C_N S, so the limit falls with
 * altitude as the air thins; a kill vehicle's divert thrusters give F_divert at any altitude (Fleeman,
 * "Tactical Missile Design", 2nd ed., 2006, ch. 2 for the normal-force form; the structural limit is
 * the airframe's load factor).
 */
export interface LateralLimitDefinition {
  /** Structural limit on lateral acceleration, m/s^2 (> 0). */
  readonly structuralMps2: number;
  /** Largest normal-force coefficient times its reference area, m^2 (0: no aerodynamic control). */
  readonly normalForceAreaM2: number;
  /** Divert thrust of reaction jets, N (0: none). */
  readonly divertThrustN: number;
}

/** The weapon's fire-control limits on a shot (what the battery will not attempt). */
export interface EnvelopeDefinition {
  /** Intercept altitude band, m above the ellipsoid. */
  readonly minInterceptAltitudeM: number;
  readonly maxInterceptAltitudeM: number;
  /** Ground range of the intercept point from the launcher, m. */
  readonly minRangeM: number;
  readonly maxRangeM: number;
  /** Longest time of flight the fire control plans, s. */
  readonly maxTimeOfFlightS: number;
  /** Slowest speed at the intercept point worth a shot, m/s (kinetic energy, control authority). */
  readonly minArrivalSpeedMps: number;
}

/** Command guidance of a guided projectile: the fire-control track sent up a data link. */
export interface CommandLinkDefinition {
  /** Messages per second. */
  readonly updateRateHz: number;
  /** Age of the track state in a message when it reaches the projectile, s. */
  readonly latencyS: number;
}

export interface ProjectileDefinition {
  /** Mass of the flight body after sabot discard, kg. */
  readonly flightBodyMassKg: number;
  /** Drag of the flight body: a C_D(Mach) table with its reference area (or a ballistic coefficient). */
  readonly aero: DragAeroDefinition;
  /** null: an unguided round. */
  readonly guidance: null | {
    readonly lateralLimit: LateralLimitDefinition;
    readonly commandLink: CommandLinkDefinition;
    /** Effective navigation ratio of the projectile's PN law on the uplinked track. */
    readonly navigationRatio: number;
    /** Time constant of the projectile's control response, s. */
    readonly timeConstantS: number;
  };
  readonly lethality: Lethality;
  readonly source?: string;
}

/**
 * What every weapon definition holds, whatever its kind: the fields the layers above a battery read
 * (fire control's envelope and reaction time, the magazine, the name and sources). A kind adds its own
 * fields and is registered with its checks and its battery (kinds.ts); the two built in are the
 * railgun and the interceptor below.
 */
export interface WeaponDefinition {
  /** The kind's name, as registered (kinds.ts) and as a scenario's weapon gives it. */
  readonly kind: string;
  readonly name: string;
  readonly description: string;
  /** Rounds carried (a railgun's magazine, an interceptor launcher's cells). */
  readonly magazineRounds: number;
  /** From a fire-control solution to the shot, s. */
  readonly reactionTimeS: number;
  readonly envelope: EnvelopeDefinition;
  readonly sources: readonly string[];
}

export interface RailgunDefinition extends WeaponDefinition {
  readonly kind: "railgun";
  readonly muzzleSpeedMps: number;
  /** Mass the rails accelerate (flight body, sabot, armature), kg. */
  readonly launchPackageMassKg: number;
  readonly projectile: ProjectileDefinition;
  /** Mechanical (loader, rail cooling) limit, rounds per minute. */
  readonly rateOfFirePerMin: number;
  /** Rounds carried. */
  readonly magazineRounds: number;
  readonly pulsedPower: PulsedPowerDefinition;
  /** Rounds the rails last before they must be replaced. */
  readonly barrelLifeRounds: number;
  readonly mount: MountDefinition;
  /** One-sigma aiming error per axis, rad, and muzzle-velocity error, m/s. */
  readonly dispersion: { readonly aimSigmaRad: number; readonly muzzleSpeedSigmaMps: number };
  /** From a fire-control solution to the shot (computation, loading), s. */
  readonly reactionTimeS: number;
  readonly envelope: EnvelopeDefinition;
  readonly sources: readonly string[];
}

export interface KillVehicleDefinition {
  readonly massKg: number;
  readonly aero: DragAeroDefinition;
  /** Lateral limit after separation (divert thrusters, and any aerodynamic control). */
  readonly lateralLimit: LateralLimitDefinition;
}

export interface InterceptorGuidanceDefinition {
  /** Vertical rise from the launch cell before the missile turns towards its aim point, s. */
  readonly verticalRiseS: number;
  /** Largest tilt of the thrust off the velocity while a motor burns (body angle of attack or thrust
   *  vectoring), rad: how fast a boosting missile can turn. */
  readonly thrustVectorMaxRad: number;
  /** Interval of the midcourse track (predicted intercept point) updates, s. */
  readonly midcourseUpdateIntervalS: number;
  /** Effective navigation ratio of the terminal PN law (and of midcourse steering to the PIP). */
  readonly navigationRatio: number;
  /** Augmented PN in terminal homing (target acceleration estimate fed forward). */
  readonly augmented: boolean;
  /** Time constant of the missile's flight control system, s. */
  readonly timeConstantS: number;
}

export interface InterceptorDefinition extends WeaponDefinition {
  readonly kind: "interceptor";
  /** Motors, first to last (the flight layer's stages: propellant, dry mass, Isp, burn time). */
  readonly stages: readonly StageDefinition[];
  /** Drag of the stack (missile body) while the stages are attached. */
  readonly aero: DragAeroDefinition;
  /** Lateral limit of the missile before any kill vehicle separates. */
  readonly lateralLimit: LateralLimitDefinition;
  /** The payload after the last stage: a separating kill vehicle, or the missile's own last body. */
  readonly payload: { readonly separates: boolean } & KillVehicleDefinition;
  readonly guidance: InterceptorGuidanceDefinition;
  readonly seeker: SeekerDefinition;
  readonly lethality: Lethality;
  readonly envelope: EnvelopeDefinition;
  /** Rounds in a launcher (cells) by default. */
  readonly magazineRounds: number;
  /** Shortest interval between two launches from the battery, s. */
  readonly launchIntervalS: number;
  /** From a fire-control solution to the launch, s. */
  readonly reactionTimeS: number;
  readonly sources: readonly string[];
}

/** The built-in kinds (the catalog's and a scenario's inline models). */
export type BuiltinWeaponDefinition = RailgunDefinition | InterceptorDefinition;
