/**
 * The right-hand side's view of a LiftDragTable: fix the Mach number once per evaluation, then ask
 * several angle-of-attack questions on that Mach-interpolated row (look up C_L and C_D at an alpha, fly
 * a wanted C_L, fly a wanted L/D on the high-alpha branch).
 *
 * Same mathematics as LiftDragTable (bilinear, clamped; exact inverses because C_L and C_D are linear
 * in alpha between columns), written for V8's optimising compiler, which is what the five million
 * evaluations per second target needs:
 * - the row is never materialised: a question interpolates only the columns it reads, from the lower
 *   Mach row and the precomputed row-to-row differences (C(j) = C0[j] + tm dC[j], one multiply-add);
 * - every query is one flat method with its arrays in locals and its results in fields (cl, cd,
 *   alphaRad): no helper calls, so the methods stay small enough to be inlined into the right-hand
 *   side, and no floating-point return values to box when they are not;
 * - the column of maximum L/D is known in advance on most Mach intervals (maxLiftToDragColumns.ts):
 *   when one column holds it for every Mach weight of the interval it is used directly, otherwise the
 *   few candidate columns are compared.
 */
import { maxLiftToDragColumns } from "./maxLiftToDragColumns.js";
import type { LiftDragTable } from "./table.js";

export class LiftDragRow {
  /** Results of the last query: lift and drag coefficients and the angle of attack (rad). */
  cl = 0;
  cd = 0;
  alphaRad = 0;

  // The row's data, public read-only for the glide kernel (kernels/glideRhs.ts), which inlines setMach,
  // setLiftToDrag and setLift; nothing else should read them.
  readonly machs: Float64Array;
  /** 1 / (M[i+1] - M[i]) per Mach interval. */
  readonly invDm: Float64Array;
  readonly alphas: Float64Array;
  /** C_L and C_D of each row (row-major, Mach by alpha) and their differences to the next row. */
  readonly c0: Float64Array;
  readonly dc: Float64Array;
  readonly d0: Float64Array;
  readonly dd: Float64Array;
  /** Per Mach interval: the column of maximum L/D when it is the same for every Mach weight, else -1. */
  readonly bestFixed: Int32Array;
  /** Candidate columns of maximum L/D of interval i: bestCols[bestStart[i] .. bestStart[i + 1]). */
  readonly bestStart: Int32Array;
  readonly bestCols: Int32Array;
  readonly nAlpha: number;
  /** Current row: its Mach interval, the index of its lower row in the value arrays, its Mach weight. */
  private interval = 0;
  private r0 = 0;
  private tm = 0;

  constructor(table: LiftDragTable) {
    const na = table.alphaRad.length;
    const nm = table.mach.length;
    this.nAlpha = na;
    this.machs = table.mach;
    this.alphas = table.alphaRad;
    this.invDm = new Float64Array(nm - 1);
    for (let i = 0; i < nm - 1; i++) this.invDm[i] = 1 / (table.mach[i + 1] - table.mach[i]);
    const n = nm * na;
    // Values of the lower row and differences to the next row (the last row's difference is 0).
    this.c0 = Float64Array.from(table.clValues);
    this.d0 = Float64Array.from(table.cdValues);
    this.dc = new Float64Array(n);
    this.dd = new Float64Array(n);
    for (let k = 0; k + na < n; k++) {
      this.dc[k] = table.clValues[k + na] - table.clValues[k];
      this.dd[k] = table.cdValues[k + na] - table.cdValues[k];
    }
    const best = maxLiftToDragColumns(table.clValues, table.cdValues, nm, na);
    this.bestStart = best.start;
    this.bestCols = best.cols;
    this.bestFixed = new Int32Array(nm - 1);
    for (let i = 0; i < nm - 1; i++) {
      this.bestFixed[i] = best.start[i + 1] - best.start[i] === 1 ? best.cols[best.start[i]] : -1;
    }
  }

  /** Sets the current row to the table at this Mach number (clamped to the grid). */
  setMach(mach: number): void {
    const ms = this.machs;
    const last = ms.length - 2;
    let i = this.interval;
    while (i > 0 && mach < ms[i]) i--;
    while (i < last && mach >= ms[i + 1]) i++;
    const t = (mach - ms[i]) * this.invDm[i];
    this.interval = i;
    this.r0 = i * this.nAlpha;
    this.tm = t < 0 ? 0 : t > 1 ? 1 : t;
  }

  /** C_L and C_D at angle of attack alphaRad on the current row (clamped to the alpha grid). */
  lookup(alphaRad: number): void {
    const as = this.alphas;
    const last = as.length - 1;
    const a = alphaRad < as[0] ? as[0] : alphaRad > as[last] ? as[last] : alphaRad;
    let j = 0;
    while (j < last - 1 && a >= as[j + 1]) j++;
    const t = (a - as[j]) / (as[j + 1] - as[j]);
    const k = this.r0 + j;
    const tm = this.tm;
    const cl0 = this.c0[k] + tm * this.dc[k];
    const cd0 = this.d0[k] + tm * this.dd[k];
    this.cl = cl0 + t * (this.c0[k + 1] + tm * this.dc[k + 1] - cl0);
    this.cd = cd0 + t * (this.d0[k + 1] + tm * this.dd[k + 1] - cd0);
    this.alphaRad = alphaRad;
  }

  /**
   * L/D at the largest alpha of the current row: the steepest L/D of the high-alpha branch (the glide's
   * energy management banks beyond it).
   */
  liftToDragAtMaxAlpha(): number {
    const k = this.r0 + this.nAlpha - 1;
    return (this.c0[k] + this.tm * this.dc[k]) / (this.d0[k] + this.tm * this.dd[k]);
  }

  /** Largest C_L of the current row (at the largest alpha). */
  maxLift(): number {
    const k = this.r0 + this.nAlpha - 1;
    return this.c0[k] + this.tm * this.dc[k];
  }

  /**
   * Flies lift coefficient clWanted: the angle of attack where the row's C_L equals it (C_L taken as
   * increasing with alpha, as in every catalog table; the first crossing otherwise), clamped to the
   * alpha grid, and C_L, C_D there.
   */
  setLift(clWanted: number): void {
    const c0 = this.c0;
    const dc = this.dc;
    const as = this.alphas;
    const tm = this.tm;
    const r0 = this.r0;
    const last = as.length - 1;
    let prev = c0[r0] + tm * dc[r0];
    let j = 0;
    let t = 0;
    if (clWanted > prev) {
      for (;;) {
        const next = c0[r0 + j + 1] + tm * dc[r0 + j + 1];
        if (clWanted <= next) {
          t = next > prev ? (clWanted - prev) / (next - prev) : 0;
          break;
        }
        prev = next;
        if (++j === last) {
          // Above the largest C_L: the last column.
          j = last - 1;
          t = 1;
          break;
        }
      }
    }
    const k = r0 + j;
    const cl0 = c0[k] + tm * dc[k];
    const cd0 = this.d0[k] + tm * this.dd[k];
    this.cl = cl0 + t * (c0[k + 1] + tm * dc[k + 1] - cl0);
    this.cd = cd0 + t * (this.d0[k + 1] + tm * this.dd[k + 1] - cd0);
    this.alphaRad = as[j] + t * (as[j + 1] - as[j]);
  }

  /**
   * Flies lift-to-drag ratio ldWanted on the high-alpha branch (alpha at or above that of maximum
   * L/D: more lift and drag for the same L/D, the usual choice for drag modulation): at or above the
   * row's maximum L/D the alpha of the maximum, below the L/D of the largest alpha the largest alpha.
   * Between two columns L/D = (a + b t) / (c + d t) is monotone in t, so the crossing is solved exactly.
   */
  setLiftToDrag(ldWanted: number): void {
    const c0 = this.c0;
    const dc = this.dc;
    const d0 = this.d0;
    const dd = this.dd;
    const as = this.alphas;
    const tm = this.tm;
    const r0 = this.r0;
    const last = as.length - 1;
    let j = this.bestFixed[this.interval];
    if (j < 0) j = this.bestColumn();
    let k = r0 + j;
    let a0 = c0[k] + tm * dc[k];
    let e0 = d0[k] + tm * dd[k];
    if (ldWanted * e0 < a0) {
      // Walk up from the maximum until L/D falls to the wanted value.
      for (; j < last; j++) {
        k = r0 + j + 1;
        const a1 = c0[k] + tm * dc[k];
        const e1 = d0[k] + tm * dd[k];
        if (a1 <= ldWanted * e1) {
          // (a0 + (a1 - a0) t) = ld (e0 + (e1 - e0) t), t in [0, 1].
          const den = a1 - a0 - ldWanted * (e1 - e0);
          let t = den !== 0 ? (ldWanted * e0 - a0) / den : 0;
          t = t < 0 ? 0 : t > 1 ? 1 : t;
          this.cl = a0 + t * (a1 - a0);
          this.cd = e0 + t * (e1 - e0);
          this.alphaRad = as[j] + t * (as[j + 1] - as[j]);
          return;
        }
        a0 = a1;
        e0 = e1;
      }
    }
    // At a column: the maximum, or the largest alpha.
    this.cl = a0;
    this.cd = e0;
    this.alphaRad = as[j];
  }

  /** Column of maximum L/D among this interval's candidates (the first one on a tie). */
  private bestColumn(): number {
    const cols = this.bestCols;
    const end = this.bestStart[this.interval + 1];
    const tm = this.tm;
    let best = -Infinity;
    let jBest = 0;
    for (let c = this.bestStart[this.interval]; c < end; c++) {
      const k = this.r0 + cols[c];
      const cl = this.c0[k] + tm * this.dc[k];
      const cd = this.d0[k] + tm * this.dd[k];
      if (cl > best * cd) {
        best = cl / cd;
        jBest = cols[c];
      }
    }
    return jBest;
  }
}
