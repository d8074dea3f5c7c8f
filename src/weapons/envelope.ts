/**
 * The check of a weapon's engagement envelope (definitions.ts), shared by the catalog's validation and
 * the fire control that reads it (a PIP solver given an envelope of its own).
 */
import type { EnvelopeDefinition } from "./definitions.js";

/** Each bound finite, the minima >= 0 and below the maxima; a RangeError names the field (`envelope.maxRangeM`). */
export function validateEnvelope(where: string, e: EnvelopeDefinition): void {
  const bad = (k: string, expected: string, v: number) =>
    new RangeError(`${where}: envelope.${k} must be ${expected}, given ${v}`);
  for (const k of ["minInterceptAltitudeM", "minRangeM", "minArrivalSpeedMps"] as const)
    if (!(e[k] >= 0 && Number.isFinite(e[k]))) throw bad(k, "a finite number >= 0", e[k]);
  if (!(e.maxInterceptAltitudeM > e.minInterceptAltitudeM && Number.isFinite(e.maxInterceptAltitudeM)))
    throw bad(
      "maxInterceptAltitudeM",
      `finite and above minInterceptAltitudeM (${e.minInterceptAltitudeM})`,
      e.maxInterceptAltitudeM,
    );
  if (!(e.maxRangeM > e.minRangeM && Number.isFinite(e.maxRangeM)))
    throw bad("maxRangeM", `finite and above minRangeM (${e.minRangeM})`, e.maxRangeM);
  if (!(e.maxTimeOfFlightS > 0 && Number.isFinite(e.maxTimeOfFlightS)))
    throw bad("maxTimeOfFlightS", "a finite number > 0", e.maxTimeOfFlightS);
}
