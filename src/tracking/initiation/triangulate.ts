/**
 * Triangulation of two or more lines of sight (angle-only detections from different satellites) into a
 * position with its covariance: weighted least squares on the angles themselves. Starting from the
 * point closest to all lines (sum of squared perpendicular distances, a 3 x 3 linear solve), a few
 * Gauss-Newton steps minimise sum_k y_k^T R_k^-1 y_k with y_k the angle residuals of the
 * line-of-sight measurement model; the covariance is the inverse information
 * (sum_k H_k^T R_k^-1 H_k)^-1 and the minimum is chi-square with 2K - 3 degrees of freedom for K lines
 * (the test that rejects ghost intersections of lines from different targets).
 *
 * Lines taken at slightly different times do not meet exactly: the target moves between them. An
 * `extraMissVarianceM2` (e.g. (v_max dt / 2)^2) is added to each line's angular noise as
 * extra / range^2 on both angles, which widens both the covariance and the chi-square test.
 */
import type { Detection } from "../../sensors/detection.js";
import type { BearingInitiation } from "../../sensors/measurement.js";
import { cholesky, choleskySolve } from "../../math/matrix.js";
import { measurementFunctionInto, measurementMatrixInto, residualInto } from "../filters/common.js";

export interface Triangulation {
  /** ECEF position, m. */
  positionEcefM: Float64Array;
  /** 3 x 3 covariance, m^2. */
  covariance: Float64Array;
  /** Minimised weighted squared angle residual (chi-square with `dof` degrees of freedom). */
  chiSquare: number;
  dof: number;
}

/**
 * The bearing of a detection that gives a direction only; a RangeError for a detection of another kind
 * (or whose model is not two angles).
 */
export function bearingOf(detection: Detection): BearingInitiation {
  const init = detection.initiation;
  if (init.kind !== "bearing" || detection.model.R.length !== 4) {
    throw new RangeError(
      `detection of ${detection.sensorId}: a bearing (two angles) is needed, it is a ${init.kind} measurement`,
    );
  }
  return init;
}

/** Unit line of sight in ECEF of a bearing detection. */
export function lineOfSightUnitEcef(detection: Detection, out = new Float64Array(3)): Float64Array {
  return bearingOf(detection).directionEcefInto(detection.z, out);
}

/** Reusable triangulator (keeps its buffers). */
export class Triangulator {
  private readonly A = new Float64Array(9);
  private readonly L = new Float64Array(9);
  private readonly b = new Float64Array(3);
  private readonly u = new Float64Array(3);
  private readonly x = new Float64Array(3);
  private readonly zp = new Float64Array(2);
  private readonly y = new Float64Array(2);
  private readonly H = new Float64Array(6);
  private readonly Rinv = new Float64Array(4);

  /**
   * Triangulates the given line-of-sight detections (two or more, from sensors at different places).
   * Returns null when the geometry is degenerate (lines nearly parallel).
   */
  triangulate(
    detections: readonly Detection[],
    extraMissVarianceM2 = 0,
    iterations = 3,
  ): Triangulation | null {
    const K = detections.length;
    if (K < 2) throw new RangeError("triangulate: need at least two lines of sight");
    const A = this.A;
    const b = this.b;
    const u = this.u;
    // Closest point to all lines: sum (I - u u^T) (p - s) = 0.
    A.fill(0);
    b.fill(0);
    for (let k = 0; k < K; k++) {
      const d = detections[k];
      const bearing = bearingOf(d);
      bearing.directionEcefInto(d.z, u);
      const s = bearing.originEcefM;
      for (let i = 0; i < 3; i++) {
        for (let j = 0; j < 3; j++) {
          const m = (i === j ? 1 : 0) - u[i] * u[j];
          A[i * 3 + j] += m;
          b[i] += m * s[j];
        }
      }
    }
    if (!this.solve3(A, b)) return null;
    const x = this.x;
    x.set(b);
    // Gauss-Newton on the angles.
    let chi2 = 0;
    for (let it = 0; it <= iterations; it++) {
      A.fill(0);
      b.fill(0);
      chi2 = 0;
      for (let k = 0; k < K; k++) {
        // The detection's own angle model at the position x (bearing models read position only).
        const d = detections[k];
        const model = d.model;
        measurementFunctionInto(model, x, 2, this.zp);
        residualInto(model, d.z, this.zp, 2, this.y);
        measurementMatrixInto(model, x, this.H);
        const R = model.R;
        let extra = 0;
        if (extraMissVarianceM2 > 0) {
          const s = bearingOf(d).originEcefM;
          const r2 = (x[0] - s[0]) ** 2 + (x[1] - s[1]) ** 2 + (x[2] - s[2]) ** 2;
          extra = extraMissVarianceM2 / r2;
        }
        const r0 = R[0] + extra;
        const r3 = R[3] + extra;
        const det = r0 * r3 - R[1] * R[2];
        const Ri = this.Rinv;
        Ri[0] = r3 / det;
        Ri[1] = -R[1] / det;
        Ri[2] = -R[2] / det;
        Ri[3] = r0 / det;
        const y = this.y;
        chi2 += y[0] * (Ri[0] * y[0] + Ri[1] * y[1]) + y[1] * (Ri[2] * y[0] + Ri[3] * y[1]);
        const H = this.H;
        for (let i = 0; i < 3; i++) {
          // (H^T R^-1)_i = [H0i, H1i] R^-1
          const g0 = H[i] * Ri[0] + H[3 + i] * Ri[2];
          const g1 = H[i] * Ri[1] + H[3 + i] * Ri[3];
          b[i] += g0 * y[0] + g1 * y[1];
          for (let j = 0; j < 3; j++) A[i * 3 + j] += g0 * H[j] + g1 * H[3 + j];
        }
      }
      if (it === iterations) break;
      if (!this.solve3(A, b)) return null;
      for (let i = 0; i < 3; i++) x[i] += b[i];
    }
    // Covariance: the inverse information.
    const cov = new Float64Array(9);
    for (let i = 0; i < 3; i++) cov[i * 3 + i] = 1;
    try {
      cholesky(this.L, A, 3, "triangulation information");
    } catch {
      return null;
    }
    choleskySolve(cov, this.L, cov, 3, 3);
    return { positionEcefM: Float64Array.from(x), covariance: cov, chiSquare: chi2, dof: 2 * K - 3 };
  }

  /** Solves A v = b in place (b := v) for a symmetric positive definite 3 x 3 A; false if singular. */
  private solve3(A: Float64Array, b: Float64Array): boolean {
    let scale = 0;
    for (let i = 0; i < 3; i++) scale = Math.max(scale, Math.abs(A[i * 4]));
    try {
      cholesky(this.L, A, 3, "triangulation normal matrix");
    } catch {
      return false;
    }
    // Reject near-parallel geometry: smallest pivot tiny compared with the largest diagonal.
    for (let i = 0; i < 3; i++) if (this.L[i * 4] * this.L[i * 4] < 1e-12 * scale) return false;
    choleskySolve(b, this.L, b, 3, 1);
    return true;
  }
}

/** One-shot form of Triangulator.triangulate. */
export function triangulateLinesOfSight(
  detections: readonly Detection[],
  extraMissVarianceM2 = 0,
): Triangulation | null {
  return new Triangulator().triangulate(detections, extraMissVarianceM2);
}
