/** Angle helpers shared by the measurement models. */

const TWO_PI = 2 * Math.PI;

/**
 * Wraps an angle difference to (-pi, pi]. A kernel of the measurement models' hot loops: it checks
 * nothing, and NaN or an infinity gives NaN (src/math/check.ts).
 */
export function wrapAngle(a: number): number {
  if (a > -Math.PI && a <= Math.PI) return a;
  const r = a - TWO_PI * Math.floor((a + Math.PI) / TWO_PI);
  return r === -Math.PI ? Math.PI : r;
}
