/**
 * The draws a sensor needs from its seeded random stream (src/math/random.ts provides streams with
 * these methods; any object with them works, which keeps the sensors testable with fixed sequences).
 * Each sensor should get its own named stream so that adding a sensor does not change the draws of
 * another (docs/design.md, Randomness).
 */
export interface SensorRandom {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal. */
  normal(): number;
}

/** Number of events of a Poisson process with mean `mean`, by inversion (Knuth); for means below ~30. */
export function poissonDraw(mean: number, rng: SensorRandom): number {
  if (!(mean > 0)) return 0;
  const u = rng.uniform();
  let k = 0;
  let p = Math.exp(-mean);
  let cdf = p;
  while (u > cdf && k < 1000) {
    k++;
    p *= mean / k;
    cdf += p;
  }
  return k;
}

const TWO_PI = 2 * Math.PI;

/** Angle wrapped into (-pi, pi]. */
export function wrapPi(x: number): number {
  // Measured angles plus noise are almost always in range already: skip the floating-point remainder.
  if (x > -Math.PI && x <= Math.PI) return x;
  let y = x % TWO_PI;
  if (y <= -Math.PI) y += TWO_PI;
  else if (y > Math.PI) y -= TWO_PI;
  return y;
}
