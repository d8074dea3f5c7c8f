/**
 * The one error class of the flight layer's physics refusals: a threat that a valid scenario file can
 * still describe and that the physics cannot fly (a target out of reach, a target at the launch point, a
 * stack too heavy to lift off, a launched ballistic missile without a target...).
 *
 * It extends RangeError, so code that already treats a RangeError from the flight layer as bad input keeps
 * working; it adds what the scenario layer needs to place the refusal at the threat's line: the threat id
 * and the field of the threat entry it concerns, and a one-line reason with the figures (e.g. the reach).
 */

/** The field of a threat entry a refusal concerns (the scenario file's key). */
export type FlightRefusalField = "target" | "vehicle" | "launch" | "burnout" | "trajectory" | "maneuver";

export class FlightRefusalError extends RangeError {
  /** Id of the refused threat (undefined for a definition without an id). */
  readonly threatId: string | undefined;
  /** The threat entry's field the refusal concerns. */
  readonly field: FlightRefusalField;
  /** One line, with the figures (without the threat id, which the message adds). */
  readonly reason: string;
  /** The vehicle's reach when the refusal is about range, m (ground range along the surface). */
  readonly reachM: number | undefined;

  constructor(
    threatId: string | undefined,
    field: FlightRefusalField,
    reason: string,
    options: { reachM?: number } = {},
  ) {
    super(threatId === undefined ? reason : `threat ${threatId}: ${reason}`);
    this.name = "FlightRefusalError";
    this.threatId = threatId;
    this.field = field;
    this.reason = reason;
    this.reachM = options.reachM;
  }
}
