/**
 * Repairing a covariance that round-off or a bad update has left asymmetric or indefinite, so that a
 * prediction from it can go on (flagged) instead of throwing in the middle of a run (project issue 12).
 *
 * The repair is the nearest symmetric positive semi-definite matrix in the Frobenius norm (Higham,
 * "Computing a nearest symmetric positive semidefinite matrix", Linear Algebra Appl. 103, 1988):
 * symmetrise, take the eigen-decomposition A = V diag(l) V^T, and raise every eigenvalue to a floor.
 * The floor here is a small positive fraction of the largest eigenvalue (relative 1e-12, at least the
 * smallest positive normal number times n), so the result also has a Cholesky factor. The eigen-
 * decomposition is the cyclic Jacobi method (Golub and Van Loan, Matrix Computations, 4th ed.,
 * sec. 8.5), ample for the 7 x 7 matrices of a track.
 */

/** Result of checking a covariance: the (possibly repaired) matrix and what was done to it. */
export interface CovarianceCheck {
  /** The symmetric positive-definite matrix to use (n x n, row-major; a new array). */
  readonly P: Float64Array;
  /** It was not symmetric to round-off (relative 1e-9) and was symmetrised. */
  readonly symmetrised: boolean;
  /** It was indefinite (or singular) and its eigenvalues were raised. */
  readonly repaired: boolean;
  /** Smallest eigenvalue before the repair (NaN when it was not computed: the matrix was PD). */
  readonly minEigenvalue: number;
}

/**
 * Eigenvalues and eigenvectors of a symmetric n x n matrix by cyclic Jacobi rotations: returns the
 * eigenvalues; `vectors` (n x n, columns are eigenvectors) is written when given.
 */
export function symmetricEigen(a: ArrayLike<number>, n: number, vectors?: Float64Array): Float64Array {
  const A = Float64Array.from(a);
  const V = vectors ?? new Float64Array(n * n);
  V.fill(0);
  for (let i = 0; i < n; i++) V[i * n + i] = 1;
  for (let sweep = 0; sweep < 60; sweep++) {
    let off = 0;
    let scale = 0;
    for (let i = 0; i < n; i++) {
      scale += A[i * n + i] * A[i * n + i];
      for (let j = i + 1; j < n; j++) off += A[i * n + j] * A[i * n + j];
    }
    if (off <= 1e-30 * scale || off === 0) break;
    for (let p = 0; p < n; p++) {
      for (let q = p + 1; q < n; q++) {
        const apq = A[p * n + q];
        if (apq === 0) continue;
        const app = A[p * n + p];
        const aqq = A[q * n + q];
        // Rotation angle zeroing A[p][q] (Golub and Van Loan alg. 8.5.1, sym.schur2).
        const tau = (aqq - app) / (2 * apq);
        const t = Math.sign(tau || 1) / (Math.abs(tau) + Math.sqrt(1 + tau * tau));
        const c = 1 / Math.sqrt(1 + t * t);
        const s = t * c;
        for (let k = 0; k < n; k++) {
          const akp = A[k * n + p];
          const akq = A[k * n + q];
          A[k * n + p] = c * akp - s * akq;
          A[k * n + q] = s * akp + c * akq;
        }
        for (let k = 0; k < n; k++) {
          const apk = A[p * n + k];
          const aqk = A[q * n + k];
          A[p * n + k] = c * apk - s * aqk;
          A[q * n + k] = s * apk + c * aqk;
        }
        for (let k = 0; k < n; k++) {
          const vkp = V[k * n + p];
          const vkq = V[k * n + q];
          V[k * n + p] = c * vkp - s * vkq;
          V[k * n + q] = s * vkp + c * vkq;
        }
      }
    }
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = A[i * n + i];
  return out;
}

/** Whether the symmetric matrix has a Cholesky factor with every pivot above `floor`. */
function choleskyOk(P: Float64Array, n: number, floor: number): boolean {
  const L = new Float64Array(n * n);
  for (let j = 0; j < n; j++) {
    let d = P[j * n + j];
    for (let k = 0; k < j; k++) d -= L[j * n + k] * L[j * n + k];
    if (!(d > floor)) return false;
    const ljj = Math.sqrt(d);
    L[j * n + j] = ljj;
    for (let i = j + 1; i < n; i++) {
      let s = P[i * n + j];
      for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
      L[i * n + j] = s / ljj;
    }
  }
  return true;
}

/**
 * Checks a covariance (n x n, row-major) and returns a symmetric positive-definite one to use, with
 * what was done. Throws RangeError when it has a non-finite entry or the wrong size (nothing sensible
 * can be made of it).
 */
export function checkCovariance(P: ArrayLike<number>, n: number, name = "P"): CovarianceCheck {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`checkCovariance: n must be a positive integer`);
  if (P.length !== n * n) throw new RangeError(`${name}: expected ${n * n} entries, got ${P.length}`);
  let maxAbs = 0;
  for (let i = 0; i < n * n; i++) {
    if (!Number.isFinite(P[i])) throw new RangeError(`${name}: entry ${i} is not finite (${P[i]})`);
    maxAbs = Math.max(maxAbs, Math.abs(P[i]));
  }
  const S = Float64Array.from(P);
  let symmetrised = false;
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const a = S[i * n + j];
      const b = S[j * n + i];
      if (Math.abs(a - b) > 1e-9 * Math.max(Math.abs(a), Math.abs(b), 1e-300)) symmetrised = true;
      const m = 0.5 * (a + b);
      S[i * n + j] = m;
      S[j * n + i] = m;
    }
  }
  let maxDiag = 0;
  for (let i = 0; i < n; i++) maxDiag = Math.max(maxDiag, S[i * n + i]);
  if (maxDiag > 0 && choleskyOk(S, n, 0)) return { P: S, symmetrised, repaired: false, minEigenvalue: NaN };
  const V = new Float64Array(n * n);
  const l = symmetricEigen(S, n, V);
  let lMax = 0;
  let lMin = Infinity;
  for (let i = 0; i < n; i++) {
    lMax = Math.max(lMax, l[i]);
    lMin = Math.min(lMin, l[i]);
  }
  // The floor: relative 1e-12 of the largest eigenvalue (or of the largest entry when no eigenvalue
  // is positive), and never below a tiny absolute value.
  const floor = Math.max(1e-12 * Math.max(lMax, maxAbs), 1e-300 * n);
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i; j < n; j++) {
      let s = 0;
      for (let k = 0; k < n; k++) s += V[i * n + k] * Math.max(l[k], floor) * V[j * n + k];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  // Round-off of the reconstruction can leave a pivot a hair below zero when the spread of the
  // eigenvalues is near 1e12: add the floor to the diagonal until the factor exists.
  let bump = floor;
  for (let tries = 0; tries < 40 && !choleskyOk(out, n, 0); tries++) {
    for (let i = 0; i < n; i++) out[i * n + i] += bump;
    bump *= 10;
  }
  return { P: out, symmetrised, repaired: true, minEigenvalue: lMin };
}
