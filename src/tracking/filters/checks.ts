/**
 * The filters refuse bad input with a RangeError that names the argument (as satellite.js and Orekit
 * do), instead of returning an all-NaN state: a measurement of the wrong length or with a NaN, a state
 * of the wrong dimension or not finite, a time that is not a number. The tests are a sum of products
 * with zero (NaN and infinities survive it, every finite value gives zero), so they cost a few
 * nanoseconds on the filters' hot paths; the offending index is looked for only when one fails.
 */
import type { GaussianState } from "../types.js";

/** NaN when some component of a[0..n) is not finite, else 0. */
function finiteProbe(a: ArrayLike<number>, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * 0;
  return s;
}

function firstBad(a: ArrayLike<number>, n: number): string {
  for (let i = 0; i < n; i++) if (!Number.isFinite(a[i])) return `${a[i]} at index ${i}`;
  return "none";
}

/** `value` must be a finite number (a time, s). */
export function checkTime(fn: string, name: string, value: number): void {
  if (!Number.isFinite(value))
    throw new RangeError(`${fn}: ${name} must be a finite time in s, got ${value}`);
}

/** `a` must hold exactly `n` finite numbers (at least n, the first n finite, with `atLeast`). */
export function checkVector(
  fn: string,
  name: string,
  a: ArrayLike<number> | undefined,
  n: number,
  atLeast = false,
): void {
  if (a === undefined || a === null || typeof a.length !== "number") {
    throw new RangeError(`${fn}: ${name} must be an array of ${n} numbers, got ${String(a)}`);
  }
  if (atLeast ? a.length < n : a.length !== n) {
    throw new RangeError(
      `${fn}: ${name} must have ${atLeast ? "at least " : ""}${n} components, got ${a.length}`,
    );
  }
  if (finiteProbe(a, n) !== 0) throw new RangeError(`${fn}: ${name} is not finite (${firstBad(a, n)})`);
}

/** A Gaussian state of dimension n: x (n), P (n x n), a finite time; all finite. */
export function checkState(fn: string, name: string, s: GaussianState | undefined, n: number): void {
  if (s === undefined || s === null || typeof s !== "object") {
    throw new RangeError(`${fn}: ${name} must be a Gaussian state { x, P, timeS }, got ${String(s)}`);
  }
  checkTime(fn, `${name}.timeS`, s.timeS);
  checkVector(fn, `${name}.x`, s.x, n);
  checkVector(fn, `${name}.P`, s.P, n * n);
}

/** The dimension m of a measurement model from its noise covariance R (m x m). */
export function measurementDimension(fn: string, R: ArrayLike<number> | undefined): number {
  const r = R?.length ?? 0;
  if (r === 16) return 4;
  if (r === 9) return 3;
  if (r === 4) return 2;
  if (r === 1) return 1;
  const m = Math.round(Math.sqrt(r));
  if (m < 1 || m * m !== r) {
    throw new RangeError(`${fn}: the measurement model's R must be a square matrix, it has ${r} entries`);
  }
  return m;
}
