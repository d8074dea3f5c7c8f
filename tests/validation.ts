/**
 * Validation figures: a validation test calls `recordValidation` with the figure it just asserted, so
 * docs/validation.md is written from the very numbers the tests check (`npm run validation` runs the
 * suite with RAIJIN_VALIDATION_FILE set and renders the file). Outside that command this does nothing.
 *
 * One row per (model, reference): a parametrised check collects its per-case errors (e.g. in a `Worst`
 * held by the describe block) and records the worst once, in an afterAll.
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

/**
 * A number with `digits` significant digits, for figures: plain from 1e-3 to 1e7, otherwise as `4.9e-5`
 * (so the small errors of one table read alike, not `0.000049` next to `5e-7`).
 */
export function sig(v: number, digits = 3): string {
  if (!Number.isFinite(v)) return String(v);
  const r = Number(v.toPrecision(digits));
  const a = Math.abs(r);
  return a !== 0 && (a < 1e-3 || a >= 1e7) ? r.toExponential().replace("e+", "e") : r.toString();
}

/**
 * The worst (largest) of a set of errors and the case it came from. `add` returns the error it was
 * given, so a test can assert on it in the same line. A NaN error stays the worst once seen, so a
 * broken model cannot hide behind a later good case.
 */
export class Worst {
  value = 0;
  at = "";
  count = 0;

  add(error: number, at = ""): number {
    this.count++;
    if (this.count > 1 && Number.isNaN(this.value)) return error;
    if (this.count === 1 || Number.isNaN(error) || error > this.value) {
      this.value = error;
      this.at = at;
    }
    return error;
  }
}
