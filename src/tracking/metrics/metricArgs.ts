/** Argument checks shared by the set metrics (ospa.ts, gospa.ts); not part of the layer's index. */
import { argError, finiteArrayArg, positiveArg } from "../../math/check.js";

/** Points as the set metrics take them: three coordinates each. */
type Point3 = ArrayLike<number>;

/** The cut-off c (> 0), the order p (>= 1) and every point's three coordinates, or a RangeError. */
export function checkMetricArgs(
  fn: string,
  names: readonly [string, string],
  X: readonly Point3[],
  Y: readonly Point3[],
  c: number,
  p: number,
): void {
  positiveArg(fn, "c", c);
  if (!(p >= 1 && Number.isFinite(p))) throw argError(fn, "p", "a finite number >= 1", p);
  X.forEach((x, i) => finiteArrayArg(fn, `${names[0]}[${i}]`, x, 3));
  Y.forEach((y, i) => finiteArrayArg(fn, `${names[1]}[${i}]`, y, 3));
}
