/**
 * What one right-hand-side evaluation of a flight shares between its guidance law and its force models:
 * the air data and kinematics at the point (computed once, before any force), the field acceleration
 * (gravity with the rotating-frame terms, written by the gravity force, which guidance laws compensate),
 * the guidance command (written by the law, read by the forces it steers), and diagnostics the forces
 * leave for samples, truth and tests (thrust, drag, lift, angle of attack).
 *
 * Both are plain objects with numeric fields and Float64Array vectors, owned by one flight and reused by
 * every evaluation: nothing is allocated per evaluation.
 */
import type { FlightEarthModel } from "../earthModel.js";

export class FlightContext {
  readonly earth: FlightEarthModel;
  /** [altM, temperatureK, pressurePa, densityKgM3, speedOfSoundMps] at the point (EarthModel.airInto). */
  readonly air = new Float64Array(5);
  /** Height above the model's ellipsoid, m. */
  altM = 0;
  temperatureK = 0;
  pressurePa = 0;
  densityKgM3 = 0;
  speedOfSoundMps = 0;
  /** Speed relative to the rotating Earth and its air (no winds: the ECEF speed), m/s. */
  speedMps = 0;
  mach = 0;
  /** 0.5 rho V^2, Pa. */
  dynamicPressurePa = 0;
  /**
   * Non-aerodynamic acceleration at the point, m/s^2 (ECEF): gravity, centrifugal and Coriolis terms, as
   * the gravity force added them (zero when the flight has no gravity force). Guidance laws read it to
   * compensate gravity or to compute the net vertical acceleration a glide must balance.
   */
  readonly fieldAccel = new Float64Array(3);

  // Diagnostics of the last generic evaluation (reset by update, added to by the forces). The glide
  // kernel does not write them (see forces/glideKernel.ts).
  /** Thrust of every propulsive force, N. */
  thrustN = 0;
  /** Drag, N (the lift-and-drag force's drag, or a body's drag). */
  dragN = 0;
  /** Lift, N. */
  liftN = 0;
  /** Angle of attack flown by the lift-and-drag force, rad. */
  alphaRad = 0;
  /** Magnitude of the lateral acceleration applied by a lateral-acceleration force after its limit, m/s^2. */
  lateralAccelMps2 = 0;

  constructor(earth: FlightEarthModel) {
    this.earth = earth;
  }

  /** Air data and kinematics at the state y = [x, y, z, vx, vy, vz, m]; resets the diagnostics. */
  update(y: Float64Array): void {
    const air = this.air;
    this.earth.airInto(y, air);
    const vx = y[3];
    const vy = y[4];
    const vz = y[5];
    const sound = air[4];
    const v2 = vx * vx + vy * vy + vz * vz;
    const speed = Math.sqrt(v2);
    this.altM = air[0];
    this.temperatureK = air[1];
    this.pressurePa = air[2];
    this.densityKgM3 = air[3];
    this.speedOfSoundMps = sound;
    this.speedMps = speed;
    this.mach = sound > 0 ? speed / sound : 0;
    this.dynamicPressurePa = 0.5 * air[3] * v2;
    this.thrustN = 0;
    this.dragN = 0;
    this.liftN = 0;
    this.alphaRad = 0;
    this.lateralAccelMps2 = 0;
  }
}

/** How the lift-and-drag force is to fly: the law's command kind. */
export const LIFT_NONE = 0;
/** Fly this angle of attack (GuidanceCommand.alphaRad). */
export const LIFT_ALPHA = 1;
/** Fly this lift coefficient (GuidanceCommand.cl; the table gives the angle of attack). */
export const LIFT_CL = 2;

/**
 * A guidance law's command for one evaluation. A law writes the fields of its kind at every evaluation;
 * the flight clears the command when the law changes, so a force never reads a previous law's fields.
 */
export class GuidanceCommand {
  /** Whether thrustDir is set; without it a motor thrusts along the velocity. */
  thrustDirSet = false;
  /** Thrust direction, unit vector, ECEF. */
  readonly thrustDir = new Float64Array(3);
  /** LIFT_NONE, LIFT_ALPHA or LIFT_CL. */
  liftMode = LIFT_NONE;
  alphaRad = 0;
  cl = 0;
  /** Direction of the lift, unit vector perpendicular to the velocity (zero: no lift), ECEF. */
  readonly liftDir = new Float64Array(3);
  /** Whether accel is set. */
  accelSet = false;
  /**
   * Acceleration demanded of a lateral-acceleration force (proportional navigation and the like), m/s^2,
   * ECEF; the force keeps its component perpendicular to the velocity and applies its limits.
   */
  readonly accel = new Float64Array(3);
  /** Speed hold of an air-breathing engine: set speed (m/s) and gain (1/s); NaN: no throttle command. */
  speedSetMps = NaN;
  speedGainPerS = 0;

  clear(): void {
    this.thrustDirSet = false;
    this.thrustDir.fill(0);
    this.liftMode = LIFT_NONE;
    this.alphaRad = 0;
    this.cl = 0;
    this.liftDir.fill(0);
    this.accelSet = false;
    this.accel.fill(0);
    this.speedSetMps = NaN;
    this.speedGainPerS = 0;
  }
}
