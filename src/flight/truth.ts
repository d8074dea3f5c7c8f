/**
 * The truth state of a flying object at one instant, as sensors see it. Produced by `src/flight`,
 * read by `src/sensors` (signatures, geometry) and by metrics; never by decision-making code.
 */
export type VehicleKind = "ballistic" | "hgv" | "cruise" | "interceptor" | "projectile";

/** Flight phases, in the order a vehicle may pass through them. */
export type FlightPhase =
  | "boost" // a motor is burning
  | "midcourse" // unpowered, above the sensible atmosphere (ballistic free flight)
  | "reentry" // unpowered, descending through the atmosphere before glide or impact
  | "pull-up" // glider rotating from its entry dive into equilibrium glide
  | "glide" // equilibrium glide
  | "cruise" // powered, level, air-breathing flight
  | "dive" // terminal dive towards the aimpoint
  | "impact"; // at or below the surface: the flight has ended

export interface TruthState {
  readonly id: string;
  readonly kind: VehicleKind;
  readonly timeS: number;
  readonly phase: FlightPhase;
  /** Position and velocity, ECEF (m, m/s). */
  readonly posEcefM: Float64Array;
  readonly velEcefMps: Float64Array;
  readonly altM: number;
  /** Speed relative to the air (the rotating Earth's atmosphere), m/s, and its Mach number. */
  readonly airspeedMps: number;
  readonly mach: number;
  /** Thrust of the burning stage, N (0 when unpowered). */
  readonly thrustN: number;
  /** Radiative-equilibrium surface temperature of the hottest (stagnation) region, K. */
  readonly surfaceTempK: number;
  /** Vehicle mass, kg. */
  readonly massKg: number;
}
