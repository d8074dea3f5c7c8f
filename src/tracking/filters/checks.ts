/**
 * The filters refuse bad input with a RangeError that names the argument (as satellite.js and Orekit
 * do), instead of returning an all-NaN state: a measurement of the wrong length or with a NaN, a state
 * of the wrong dimension or not finite, a time that is not a number. The tests are a sum of products
 * with zero (NaN and infinities survive it, every finite value gives zero), so they cost a few
 * nanoseconds on the filters' hot paths; messages (and the offending index) are made only when a test
 * fails.
 */
import type { GaussianState } from "../types.js";

/** NaN when some component of a[0..n) is not finite, else 0 (typed arrays and others apart, so each
 *  loop stays monomorphic). */
function finiteProbe(a: ArrayLike<number>, n: number): number {
  return a instanceof Float64Array ? probeTyped(a, n) : probeAny(a, n);
}
function probeTyped(a: Float64Array, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i] * 0;
  return s;
}
function probeAny(a: ArrayLike<number>, n: number): number {
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

/**
 * `a` must hold exactly `n` finite numbers (at least n, the first n finite, with `atLeast`). The name
 * is `name` followed by `suffix` (kept apart so that no string is built unless the test fails).
 */
export function checkVector(
  fn: string,
  name: string,
  a: ArrayLike<number> | undefined,
  n: number,
  atLeast = false,
  suffix = "",
): void {
  if (a === undefined || a === null || typeof a.length !== "number") {
    throw new RangeError(`${fn}: ${name}${suffix} must be an array of ${n} numbers, got ${String(a)}`);
  }
  if (atLeast ? a.length < n : a.length !== n) {
    throw new RangeError(
      `${fn}: ${name}${suffix} must have ${atLeast ? "at least " : ""}${n} components, got ${a.length}`,
    );
  }
  if (finiteProbe(a, n) !== 0)
    throw new RangeError(`${fn}: ${name}${suffix} is not finite (${firstBad(a, n)})`);
}

/** Whether s is a finite Gaussian state of dimension n (the cheap test behind checkState). */
export function stateOk(s: GaussianState | undefined, n: number): boolean {
  return (
    s !== undefined &&
    s !== null &&
    Number.isFinite(s.timeS) &&
    s.x?.length === n &&
    s.P?.length === n * n &&
    finiteProbe(s.x, n) === 0 &&
    finiteProbe(s.P, n * n) === 0
  );
}

/** Whether s has the shape of a Gaussian state of dimension n with a finite time, x and diagonal of
 *  P (the allocation-free calls' test: a NaN off the diagonal fails the next factorisation of S). */
export function stateShapeOk(s: GaussianState | undefined, n: number): boolean {
  if (s === undefined || s === null || !Number.isFinite(s.timeS)) return false;
  const x = s.x;
  const P = s.P;
  if (x?.length !== n || P?.length !== n * n) return false;
  let probe = 0;
  for (let i = 0; i < n; i++) probe += x[i] * 0 + P[i * n + i] * 0;
  return probe === 0;
}

/** checkState's shape, time, x and diagonal only (see stateShapeOk). */
export function checkStateShape(fn: string, name: string, s: GaussianState | undefined, n: number): void {
  if (stateShapeOk(s, n)) return;
  checkState(fn, name, s, n);
  throw new RangeError(`${fn}: ${name}.P has a diagonal entry that is not finite`);
}

/** Whether a holds exactly n finite numbers (the cheap test behind checkVector). */
export function vectorOk(a: ArrayLike<number> | undefined, n: number): boolean {
  return a !== undefined && a !== null && a.length === n && finiteProbe(a, n) === 0;
}

/** A Gaussian state of dimension n: x (n), P (n x n), a finite time; all finite. */
export function checkState(fn: string, name: string, s: GaussianState | undefined, n: number): void {
  if (s === undefined || s === null || typeof s !== "object") {
    throw new RangeError(`${fn}: ${name} must be a Gaussian state { x, P, timeS }, got ${String(s)}`);
  }
  if (!Number.isFinite(s.timeS)) checkTime(fn, `${name}.timeS`, s.timeS);
  checkVector(fn, name, s.x, n, false, ".x");
  checkVector(fn, name, s.P, n * n, false, ".P");
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
