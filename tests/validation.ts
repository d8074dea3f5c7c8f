/**
 * Validation figures: a validation test calls `recordValidation` with the figure it just asserted, so
 * docs/validation.md is written from the very numbers the tests check (`npm run validation` runs the
 * suite with RAIJIN_VALIDATION_FILE set and renders the file). Outside that command this does nothing.
 */
import { appendFileSync } from "node:fs";

export interface ValidationFigure {
  /** Layer: earth, math, flight, sensors, tracking. */
  readonly area: string;
  /** The model or function validated. */
  readonly model: string;
  /** The reference and its source. */
  readonly reference: string;
  /** What was measured, with its value and unit. */
  readonly figure: string;
  /** What the test requires. */
  readonly tolerance: string;
}

export function recordValidation(f: ValidationFigure): void {
  const file = process.env.RAIJIN_VALIDATION_FILE;
  if (file === undefined || file === "") return;
  // One short line per write: O_APPEND keeps lines from parallel test workers whole.
  appendFileSync(file, JSON.stringify(f) + "\n");
}

/** A number with `digits` significant digits, for figures. */
export function sig(v: number, digits = 3): string {
  return Number.isFinite(v) ? Number(v.toPrecision(digits)).toString() : String(v);
}
