/**
 * What one weapon against one threat (engage.ts) reports: its timeline of events, each shot's plan and
 * outcome, and the engagement's result. Times and figures are rounded to the millimetre and millisecond
 * (r3), so a timeline reads the same on every machine.
 */

export type EngagementEventType =
  | "track"
  | "solution"
  | "shot"
  | "hold"
  | "guidance"
  | "acquisition"
  | "closest-approach"
  | "kill"
  | "miss"
  | "impact"
  | "end";

export interface EngagementEvent {
  readonly timeS: number;
  readonly type: EngagementEventType;
  readonly shotId?: string;
  readonly detail: Readonly<Record<string, string | number | boolean | null>>;
}

export interface ShotOutcome {
  readonly shotId: string;
  readonly timeS: number;
  readonly azimuthDeg: number;
  readonly elevationDeg: number;
  /** The fire control's plan: intercept time, altitude and ground range of the PIP, Pk. */
  readonly plannedInterceptS: number;
  readonly plannedAltM: number;
  readonly plannedRangeM: number;
  readonly plannedPk: number;
  /** What happened: closest approach (null if the round never closed on the target). */
  readonly closestApproachS: number | null;
  readonly missM: number | null;
  readonly interceptAltM: number | null;
  readonly closingSpeedMps: number | null;
  readonly pk: number;
  readonly killed: boolean;
  readonly divertMps: number;
  readonly peakLateralG: number;
}

export interface EngagementResult {
  readonly weaponId: string;
  readonly threatId: string;
  readonly trackSource: "perfect" | "sensors";
  readonly events: readonly EngagementEvent[];
  readonly shots: readonly ShotOutcome[];
  readonly killed: boolean;
  /** Smallest miss over the shots, m (null: no shot closed on the target). */
  readonly missM: number | null;
  /** The Pk of the best shot (at its miss), and the fire control's planned Pk of the first shot. */
  readonly killProbability: number;
  readonly plannedPk: number | null;
  readonly endS: number;
}

/** x rounded to three decimals (mm, ms). */
export function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}
