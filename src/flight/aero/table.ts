/**
 * Interpolation tables for aerodynamic coefficients, built for the right-hand side hot path: the last
 * bracket index is cached (consecutive calls move little in Mach or angle of attack, so the search is
 * usually one comparison), and nothing is allocated per call.
 *
 * The right-hand side asks its several questions per evaluation through LiftDragRow (row.ts), the
 * hot-path view of a LiftDragTable on one Mach-interpolated row; the methods here are the reference.
 *
 * Extrapolation: clamp. Outside the grid the value at the nearest edge is returned (no linear
 * extrapolation), so a coefficient never runs away when Mach leaves the tabulated band (e.g. a glider's
 * table that starts at Mach 3.5 keeps its Mach 3.5 values at lower speed).
 */
/** Index i of the bracket [xs[i], xs[i+1]] containing x (clamped to [0, n-2]), starting the search at `hint`. */
export function bracketIndex(xs: Float64Array, x: number, hint: number): number {
  const last = xs.length - 2;
  let i = hint < 0 ? 0 : hint > last ? last : hint;
  while (i > 0 && x < xs[i]) i--;
  while (i < last && x >= xs[i + 1]) i++;
  return i;
}

function checkGrid(name: string, xs: ArrayLike<number>): Float64Array {
  if (xs.length < 2) throw new RangeError(`${name}: a table needs at least two grid points`);
  for (let i = 1; i < xs.length; i++) {
    if (!(xs[i] > xs[i - 1])) throw new RangeError(`${name}: grid must be strictly increasing`);
  }
  return Float64Array.from(xs);
}

/** y(x), piecewise linear, clamped outside [xs[0], xs[n-1]]. */
export class Table1D {
  readonly xs: Float64Array;
  readonly ys: Float64Array;
  private hint = 0;

  constructor(xs: ArrayLike<number>, ys: ArrayLike<number>) {
    this.xs = checkGrid("Table1D", xs);
    if (ys.length !== xs.length) throw new RangeError("Table1D: xs and ys differ in length");
    this.ys = Float64Array.from(ys);
  }

  at(x: number): number {
    const xs = this.xs;
    const n = xs.length;
    if (x <= xs[0]) return this.ys[0];
    if (x >= xs[n - 1]) return this.ys[n - 1];
    const i = bracketIndex(xs, x, this.hint);
    this.hint = i;
    const t = (x - xs[i]) / (xs[i + 1] - xs[i]);
    return this.ys[i] + t * (this.ys[i + 1] - this.ys[i]);
  }
}

/**
 * Two coefficients (lift and drag) on one grid of Mach (rows) and angle of attack (columns, rad),
 * bilinear, clamped. Values are row-major: index = iMach * nAlpha + jAlpha. One lookup gives both
 * coefficients from the same brackets: `lookup()` writes `cl` and `cd`.
 */
export class LiftDragTable {
  readonly mach: Float64Array;
  readonly alphaRad: Float64Array;
  readonly clValues: Float64Array;
  readonly cdValues: Float64Array;
  /** Results of the last lookup. */
  cl = 0;
  cd = 0;
  private hintM = 0;
  private hintA = 0;

  constructor(
    mach: ArrayLike<number>,
    alphaRad: ArrayLike<number>,
    cl: ArrayLike<number>,
    cd: ArrayLike<number>,
  ) {
    this.mach = checkGrid("LiftDragTable mach", mach);
    this.alphaRad = checkGrid("LiftDragTable alpha", alphaRad);
    const n = mach.length * alphaRad.length;
    if (cl.length !== n || cd.length !== n) {
      throw new RangeError(`LiftDragTable: expected ${n} values (mach x alpha, row-major)`);
    }
    for (let k = 0; k < n; k++) {
      if (!(cd[k] > 0)) throw new RangeError("LiftDragTable: drag coefficients must be positive");
    }
    this.clValues = Float64Array.from(cl);
    this.cdValues = Float64Array.from(cd);
  }

  get alphaMinRad(): number {
    return this.alphaRad[0];
  }
  get alphaMaxRad(): number {
    return this.alphaRad[this.alphaRad.length - 1];
  }

  /** Mach bracket and weight (clamped), cached for the alpha searches that follow. */
  private machWeight(m: number): number {
    const ms = this.mach;
    const nm = ms.length;
    if (m <= ms[0]) {
      this.hintM = 0;
      return 0;
    }
    if (m >= ms[nm - 1]) {
      this.hintM = nm - 2;
      return 1;
    }
    const i = bracketIndex(ms, m, this.hintM);
    this.hintM = i;
    return (m - ms[i]) / (ms[i + 1] - ms[i]);
  }

  /** Writes this.cl and this.cd at (mach, alpha). */
  lookup(mach: number, alphaRad: number): void {
    const tm = this.machWeight(mach);
    const as = this.alphaRad;
    const na = as.length;
    let ta: number;
    let j: number;
    if (alphaRad <= as[0]) {
      j = 0;
      ta = 0;
    } else if (alphaRad >= as[na - 1]) {
      j = na - 2;
      ta = 1;
    } else {
      j = bracketIndex(as, alphaRad, this.hintA);
      ta = (alphaRad - as[j]) / (as[j + 1] - as[j]);
    }
    this.hintA = j;
    const k00 = this.hintM * na + j;
    const k10 = k00 + na;
    const w00 = (1 - tm) * (1 - ta);
    const w01 = (1 - tm) * ta;
    const w10 = tm * (1 - ta);
    const w11 = tm * ta;
    const L = this.clValues;
    const D = this.cdValues;
    this.cl = w00 * L[k00] + w01 * L[k00 + 1] + w10 * L[k10] + w11 * L[k10 + 1];
    this.cd = w00 * D[k00] + w01 * D[k00 + 1] + w10 * D[k10] + w11 * D[k10 + 1];
  }

  /**
   * Angle of attack giving lift coefficient `clWanted` at this Mach (CL is taken as increasing with
   * alpha, as in every table of the catalog), clamped to the alpha grid. Exact inverse of `lookup` in
   * alpha: CL is linear in alpha between grid columns.
   */
  alphaForLift(mach: number, clWanted: number): number {
    const tm = this.machWeight(mach);
    const as = this.alphaRad;
    const na = as.length;
    const L = this.clValues;
    const r0 = this.hintM * na;
    const r1 = r0 + na;
    let prev = (1 - tm) * L[r0] + tm * L[r1];
    if (clWanted <= prev) return as[0];
    for (let j = 0; j < na - 1; j++) {
      const next = (1 - tm) * L[r0 + j + 1] + tm * L[r1 + j + 1];
      if (clWanted <= next) {
        const t = next > prev ? (clWanted - prev) / (next - prev) : 0;
        return as[j] + t * (as[j + 1] - as[j]);
      }
      prev = next;
    }
    return as[na - 1];
  }

  /**
   * Angle of attack flying lift-to-drag ratio `ldWanted` at this Mach, on the high-alpha branch (alpha at
   * or above the angle of maximum L/D: more lift and drag for the same L/D, i.e. a higher, cooler glide,
   * the usual choice for drag modulation). Returns the alpha of maximum L/D when `ldWanted` exceeds the
   * maximum, and the largest alpha when it is below the L/D there. Exact on the bilinear table: between
   * two alpha columns L/D = (a + b t)/(c + d t) is monotone in t, so max L/D sits on a grid column.
   */
  alphaForLiftToDrag(mach: number, ldWanted: number): number {
    const tm = this.machWeight(mach);
    const as = this.alphaRad;
    const na = as.length;
    const L = this.clValues;
    const D = this.cdValues;
    const r0 = this.hintM * na;
    const r1 = r0 + na;
    // Column of maximum L/D.
    let jBest = 0;
    let best = -Infinity;
    for (let j = 0; j < na; j++) {
      const cl = (1 - tm) * L[r0 + j] + tm * L[r1 + j];
      const cd = (1 - tm) * D[r0 + j] + tm * D[r1 + j];
      const ld = cl / cd;
      if (ld > best) {
        best = ld;
        jBest = j;
      }
    }
    if (ldWanted >= best) return as[jBest];
    let a0 = (1 - tm) * L[r0 + jBest] + tm * L[r1 + jBest];
    let c0 = (1 - tm) * D[r0 + jBest] + tm * D[r1 + jBest];
    for (let j = jBest; j < na - 1; j++) {
      const a1 = (1 - tm) * L[r0 + j + 1] + tm * L[r1 + j + 1];
      const c1 = (1 - tm) * D[r0 + j + 1] + tm * D[r1 + j + 1];
      if (a1 / c1 <= ldWanted) {
        // Solve (a0 + (a1-a0) t) = ld (c0 + (c1-c0) t) for t in [0, 1].
        const den = a1 - a0 - ldWanted * (c1 - c0);
        const t = den !== 0 ? (ldWanted * c0 - a0) / den : 0;
        const tc = t < 0 ? 0 : t > 1 ? 1 : t;
        return as[j] + tc * (as[j + 1] - as[j]);
      }
      a0 = a1;
      c0 = c1;
    }
    return as[na - 1];
  }

  /** Maximum L/D over the alpha grid at this Mach (bilinear in Mach). */
  maxLiftToDrag(mach: number): number {
    const tm = this.machWeight(mach);
    const na = this.alphaRad.length;
    const r0 = this.hintM * na;
    const r1 = r0 + na;
    let best = -Infinity;
    for (let j = 0; j < na; j++) {
      const cl = (1 - tm) * this.clValues[r0 + j] + tm * this.clValues[r1 + j];
      const cd = (1 - tm) * this.cdValues[r0 + j] + tm * this.cdValues[r1 + j];
      if (cl / cd > best) best = cl / cd;
    }
    return best;
  }
}
