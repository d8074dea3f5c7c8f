/**
 * What a weapon's rounds bring to the planning Pk of a shot (shotKillProbability.ts), the part that
 * differs between kinds of weapon: the round's own delivery error at the PIP, its lethality, and, for a
 * guided round, how much of the error before guidance it can take out (lateral limit, guidance time
 * constant, homing time, the guidance's own error). A battery gives its weapon's (battery.ts), so fire
 * control and battle management do not switch on the kind.
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { VehicleKind } from "../../flight/truth.js";
import type { LateralLimitDefinition } from "../definitions.js";
import type { Lethality } from "../lethality.js";
import type { PipSolution } from "./pip.js";
import type { TrackPrediction } from "./trackPrediction.js";

/** A guided round's reach at the PIP (see shotKillProbability.ts). */
export interface ShotGuidance {
  /** a_max, the lateral acceleration it can pull at the PIP, m/s^2. */
  lateralLimitMps2: number;
  /** T, the guidance's time constant, s. */
  timeConstantS: number;
  /** t_h, the time it homes for, s. */
  homingTimeS: number;
  /** sigma_guide, the guidance's own error at the end, m. */
  guideSigmaM: number;
  /**
   * Circular-equivalent sigma of the error the round must take out once it homes, m; NaN: the track's
   * predicted error at the intercept plus the delivery error (a round that flies out on its firing
   * solution). A round re-aimed on every track update in flight starts homing from the track's error
   * then, not from the prediction made when it was fired.
   */
  preHomingSigmaM: number;
}

/** What the guidance at the PIP is worked out from. */
export interface ShotGuidanceContext {
  readonly solution: PipSolution;
  readonly prediction: TrackPrediction;
  readonly earth: FlightEarthModel;
  /** q at the PIP (air density there, arrival speed), Pa. */
  readonly dynamicPressurePa: number;
  /** |v_T - v_round| at the PIP, m/s. */
  readonly closingSpeedMps: number;
  /** n_T across the line of sight, m/s^2. */
  readonly targetAccelerationMps2: number;
  /** The kind the track is taken for (a seeker's signature). */
  readonly targetKind: VehicleKind;
  /**
   * The track's update interval, s (0: an estimate as fresh as its latest update): how old the
   * estimate a command link sends may be when the round meets the target.
   */
  readonly trackUpdateIntervalS: number;
  /**
   * The track's current error, [tr P_pp, tr P_pv, tr P_vv] (m^2, m^2/s, m^2/s^2): what the estimate a
   * command link sends is extrapolated from.
   */
  readonly trackErrorTraces: ArrayLike<number>;
}

export interface ShotDelivery {
  /** Lethality of the round at the target. */
  readonly lethality: Lethality;
  /**
   * Adds the round's own delivery error at the PIP of `solution` (a shot from `launcherEcefM`) to the
   * 3 x 3 ECEF covariance C, m^2 (a gun's aim and muzzle-speed errors; nothing for a round that flies
   * out under guidance).
   */
  addDeliveryCovariance(solution: PipSolution, launcherEcefM: ArrayLike<number>, C: Float64Array): void;
  /** The guidance at the PIP into `out`; false for an unguided round. */
  guidanceInto(context: ShotGuidanceContext, out: ShotGuidance): boolean;
}

/** a_max = min(structural, q C_N S / m + F_divert / m), m/s^2. */
export function lateralLimitMps2(
  l: LateralLimitDefinition,
  dynamicPressurePa: number,
  massKg: number,
): number {
  return Math.min(l.structuralMps2, (dynamicPressurePa * l.normalForceAreaM2 + l.divertThrustN) / massKg);
}

/**
 * Circular-equivalent sigma of a track estimate sent to a round at an age a spread evenly over
 * [t0, t0 + d] after the track's update, m: the track's error carried at its velocity error, plus the
 * target's drift n_T a^2 / 2, as a mean square over that age from the means of a, a^2 and a^4 (d = 0:
 * at a = t0). `traces` = [tr P_pp, tr P_pv, tr P_vv] of the track now.
 */
export function estimateSigmaOverAgeM(
  traces: ArrayLike<number>,
  targetAccelerationMps2: number,
  t0: number,
  d: number,
): number {
  const pp = traces[0];
  const pv = traces[1];
  const vv = traces[2];
  const nT = targetAccelerationMps2;
  const t1 = t0 + d;
  const m1 = t0 + 0.5 * d;
  const m2 = d > 1e-9 ? (t1 ** 3 - t0 ** 3) / (3 * d) : t0 * t0;
  const m4 = d > 1e-9 ? (t1 ** 5 - t0 ** 5) / (5 * d) : t0 ** 4;
  return Math.sqrt(Math.max(0, (pp + 2 * m1 * pv + m2 * vv) / 3 + 0.25 * nT * nT * m4));
}
