/**
 * A flight plan: everything the runner needs, resolved from a threat definition (vehicle, start, target,
 * steering, manoeuvre) into runtime objects. Built by vehicles.ts, flown by runner.ts.
 */
import type { DragModel, LiftDragModel } from "./aero/models.js";
import type { VehicleKind } from "./truth.js";

/** A burn in scenario time. */
export interface PlannedBurn {
  readonly startS: number;
  readonly endS: number;
  readonly thrustVacN: number;
  readonly massFlowKgS: number;
  readonly exitAreaM2: number;
  /** Dry mass dropped when the stage separates at endS (not applied after the last burn: see payloadMassKg). */
  readonly dropMassKg: number;
}

export type AfterBoost = "coast" | "glider" | "cruise";

export interface FlightPlan {
  readonly id: string;
  readonly kind: VehicleKind;
  readonly vehicleName: string;
  readonly startTimeS: number;
  /** Initial state [x, y, z, vx, vy, vz, m], ECEF. */
  readonly y0: Float64Array;
  /** True when the flight starts on the pad (boost first); false for a burnout start. */
  readonly launched: boolean;
  // Boost (ignored when !launched).
  readonly burns: readonly PlannedBurn[];
  readonly boostDrag: DragModel | null;
  /** Pitch programme, times after launch. */
  readonly pitch: {
    readonly riseEndS: number;
    readonly kickEndS: number;
    readonly kickPitchRad: number;
    readonly finalPitchRad: number;
    readonly endS: number;
  };
  /** Launch-plane unit normal (ECEF). */
  readonly planeNormal: Float64Array;
  /** Thrust termination: after-launch time (Infinity: none) and ECEF speed (Infinity: none). */
  readonly cutoffAfterLaunchS: number;
  readonly cutoffSpeedMps: number;
  /** Mass after the last burnout or cut-off (payload: RV, glider, or cruiser with its fuel), kg. */
  readonly payloadMassKg: number;
  // After boost.
  readonly afterBoost: AfterBoost;
  readonly coastDrag: DragModel | null;
  readonly lift: LiftDragModel | null;
  /** Glide law settings (gliders); cruise settings (cruise missiles). */
  readonly glide: {
    readonly pullUpAlphaRad: number;
    readonly pullUpDynamicPressurePa: number;
    readonly glideEndSpeedMps: number;
    readonly diveRangeM: number;
    readonly bankMaxRad: number;
    readonly headingGain: number;
    readonly altitudeRateGain: number;
    readonly navigationConstant: number;
    /** Pull-up load-factor limit (g0; Infinity: none) and energy-management corridor (rad). */
    readonly maxLoadFactor: number;
    /** Pull-up dynamic-pressure limit, Pa (Infinity: none): exceeding it is flagged with an event. */
    readonly maxDynamicPressurePa: number;
    readonly reversalHeadingErrorRad: number;
  } | null;
  readonly cruise: {
    readonly altitudeM: number;
    readonly speedMps: number;
    readonly omegaRadS: number;
    readonly damping: number;
    readonly speedGain: number;
    readonly maxThrustN: number;
    readonly ispS: number;
    readonly dryMassKg: number;
  } | null;
  /** Aimpoint ECEF (null: none) and the surface altitude at which impact is declared. */
  readonly targetEcef: Float64Array | null;
  readonly impactAltM: number;
  readonly maneuver: {
    readonly weaveAmplitudeRad: number;
    readonly weavePeriodS: number;
    readonly weaveStartS: number;
    readonly jinkBankRad: number;
    readonly jinkStartS: number;
    readonly jinkEndS: number;
    readonly jinkRampS: number;
    readonly retargetAtS: number;
    readonly retargetEcef: Float64Array | null;
  };
  /** Heating: nose radius (m) and emissivity. */
  readonly noseRadiusM: number;
  readonly emissivity: number;
  /** Dispersions (Monte Carlo): multipliers on drag, lift and thrust. */
  readonly dragScale: number;
  readonly liftScale: number;
}
