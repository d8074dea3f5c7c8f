/**
 * Plain SI definitions of threats and vehicles: what the scenario layer maps a scenario file onto and
 * what the catalog holds. Angles in radians, lengths in metres, masses in kg, times in seconds.
 */
import type { StageDefinition } from "./propulsion.js";

/** Aerodynamics of a body without lift: drag from a ballistic coefficient or a C_D(Mach) table. */
export type DragAeroDefinition =
  | {
      readonly kind: "ballistic-coefficient";
      /** beta = m / (C_D A), kg/m^2: drag deceleration q / beta. */
      readonly betaKgM2: number;
      readonly source?: string;
    }
  | {
      readonly kind: "drag-table";
      readonly refAreaM2: number;
      readonly mach: readonly number[];
      readonly cd: readonly number[];
      readonly source?: string;
    };

/** Lifting-body aerodynamics: C_L and C_D on a Mach x angle-of-attack grid (row-major by Mach), bilinear. */
export interface LiftDragAeroDefinition {
  readonly kind: "lift-drag-table";
  readonly refAreaM2: number;
  readonly mach: readonly number[];
  readonly alphaRad: readonly number[];
  readonly cl: readonly number[];
  readonly cd: readonly number[];
  readonly source?: string;
}

/**
 * Boost steering programme (pitch angle measured from the local horizontal, in the vertical plane of the
 * launch azimuth): vertical rise, a linear pitch-over from 90 deg to `kickPitchRad` over `kickDurationS`,
 * then pitch linear in time down to the final pitch, reached half-way through the powered flight after the
 * kick (guidance/pitchProgram.ts) and held to burnout.
 */
export interface PitchProgramDefinition {
  readonly verticalRiseS: number;
  readonly kickDurationS: number;
  readonly kickPitchRad: number;
  /** Pitch at the end of powered flight (default for the vehicle; targeting may override it). */
  readonly finalPitchRad: number;
}

export interface BoosterDefinition {
  readonly stages: readonly StageDefinition[];
  /** Drag of the stack during boost (no lift: thrust and drag only). */
  readonly aero: DragAeroDefinition;
  readonly pitchProgram: PitchProgramDefinition;
  readonly source?: string;
}

export interface BallisticVehicleDefinition {
  readonly kind: "ballistic";
  readonly name: string;
  /** Absent for a re-entry vehicle flown only from a `burnout` start. */
  readonly booster?: BoosterDefinition;
  /** The re-entry vehicle (payload) released at burnout. */
  readonly reentryVehicle: {
    readonly massKg: number;
    readonly aero: DragAeroDefinition;
    readonly noseRadiusM: number;
    readonly emissivity?: number;
    readonly source?: string;
  };
  readonly source?: string;
}

export interface GlideGuidanceDefinition {
  /** Angle of attack held from burnout through the pull-up (max-lift side of the table), rad. */
  readonly pullUpAlphaRad: number;
  /** Dynamic pressure at which the pull-up is said to start (event label), Pa. */
  readonly pullUpDynamicPressurePa: number;
  /** Speed at the end of the glide used in the equilibrium-glide range formula, m/s. */
  readonly glideEndSpeedMps: number;
  /** Ground range to go at which the terminal dive starts, m. */
  readonly diveRangeM: number;
  /** Bank angle limit for heading control, rad. */
  readonly bankMaxRad: number;
  /** Bank per heading error (dimensionless gain, rad/rad) before saturation. */
  readonly headingGain: number;
  /** Phugoid damping: lift change per radial speed, as a fraction of (g - V^2/r) per m/s. */
  readonly altitudeRateGain: number;
  /** Proportional-navigation constant in the dive. */
  readonly navigationConstant: number;
  /** L/D used to plan the glide-entry speed (between the table's min and max), dimensionless. */
  readonly planningLiftToDrag: number;
  /**
   * Load-factor limit of the pull-up: the aerodynamic force may not exceed this many g0 (the pull-up law
   * lowers the lift coefficient). Absent: unbounded.
   */
  readonly maxLoadFactor?: number;
  /**
   * Dynamic-pressure limit of the pull-up, Pa: the boost planner flattens the boost (a lower final pitch)
   * until the pull-up bottoms out below it. Absent: unbounded.
   */
  readonly maxDynamicPressurePa?: number;
  /**
   * Energy management: half-width of the heading-error corridor of the bank reversals, rad (when the glide
   * must shed energy faster than its steepest L/D allows, it banks beyond the heading law's need and
   * reverses the bank each time the heading error leaves the corridor). Default 10 deg.
   */
  readonly reversalHeadingErrorRad?: number;
}

export interface GliderVehicleDefinition {
  readonly kind: "hgv";
  readonly name: string;
  readonly glider: {
    readonly massKg: number;
    readonly aero: LiftDragAeroDefinition;
    readonly noseRadiusM: number;
    readonly emissivity?: number;
    readonly source?: string;
  };
  readonly booster?: BoosterDefinition;
  readonly guidance: GlideGuidanceDefinition;
  readonly source?: string;
}

export interface CruiseVehicleDefinition {
  readonly kind: "cruise";
  readonly name: string;
  readonly cruiser: {
    /** Mass without fuel, kg. */
    readonly dryMassKg: number;
    readonly fuelMassKg: number;
    /** Air-breathing specific impulse (fuel only), s. */
    readonly ispS: number;
    /** Largest thrust the engine can give, N (throttle saturates there). */
    readonly maxThrustN: number;
    readonly aero: LiftDragAeroDefinition;
    readonly noseRadiusM: number;
    readonly emissivity?: number;
    readonly source?: string;
  };
  readonly booster: BoosterDefinition;
  readonly cruise: {
    readonly altitudeM: number;
    readonly mach: number;
    /** Altitude-hold gains: natural frequency (rad/s) and damping ratio of the commanded vertical response. */
    readonly altitudeHoldOmegaRadS: number;
    readonly altitudeHoldDamping: number;
    /** Speed-hold gain (1/s): extra thrust m k (V_set - V) on top of drag. */
    readonly speedGain: number;
  };
  readonly guidance: {
    readonly diveRangeM: number;
    readonly bankMaxRad: number;
    readonly headingGain: number;
    readonly navigationConstant: number;
  };
  readonly source?: string;
}

export type VehicleDefinition =
  BallisticVehicleDefinition | GliderVehicleDefinition | CruiseVehicleDefinition;

export interface GeodeticPoint {
  readonly latRad: number;
  readonly lonRad: number;
  readonly altM: number;
}

export interface LaunchDefinition extends GeodeticPoint {
  readonly timeS: number;
}

/**
 * A state at burnout, relative to the rotating Earth: position (geodetic), ECEF speed, flight-path
 * angle above the local geodetic horizontal, azimuth clockwise from north.
 */
export interface BurnoutDefinition extends GeodeticPoint {
  readonly timeS: number;
  readonly speedMps: number;
  readonly flightPathAngleRad: number;
  readonly azimuthRad: number;
}

export type ManeuverDefinition =
  | { readonly kind: "none" }
  /** Bank oscillation of the given amplitude and period superimposed on the glide bank. */
  | {
      readonly kind: "weave";
      readonly bankAmplitudeRad: number;
      readonly periodS: number;
      readonly startS?: number;
    }
  /** A bank step of `bankRad` between startS and endS (scenario time), smoothed over `rampS`. */
  | {
      readonly kind: "jink";
      readonly bankRad: number;
      readonly startS: number;
      readonly endS: number;
      readonly rampS?: number;
    }
  /** At `atS` (scenario time) the aimpoint changes to `target`. */
  | { readonly kind: "retarget"; readonly atS: number; readonly target: GeodeticPoint };

export type TrajectoryShape = "minimum-energy" | "lofted" | "depressed";

export interface ThreatDefinition {
  readonly id?: string;
  /** A catalog name or an inline vehicle. */
  readonly vehicle: string | VehicleDefinition;
  readonly launch?: LaunchDefinition;
  readonly burnout?: BurnoutDefinition;
  readonly target?: GeodeticPoint;
  readonly maneuver?: ManeuverDefinition;
  /** Ballistic missiles: which of the trajectories through the aimpoint (default minimum-energy). */
  readonly trajectory?: TrajectoryShape;
  /**
   * Ballistic missiles, lofted or depressed: the final pitch of the steering programme (about the
   * burnout flight-path angle), rad. Given, the targeting solves the thrust-termination time for the
   * range at that angle (energy management) instead of taking the full-burn solution.
   */
  readonly trajectoryPitchRad?: number;
}
