/**
 * Small dense matrices, row-major Float64Array, with explicit sizes and caller-owned outputs so hot
 * loops (Kalman filters, assignment) allocate nothing. Element (i, j) of an r x c matrix is a[i * c + j].
 *
 * Unless a function says otherwise, `out` must not alias an input (products read inputs while writing).
 * Sizes are not checked at run time (the callers are hot loops); the functions read and write exactly
 * the stated number of elements.
 */

/** Anything readable as a flat row-major matrix. */
export type MatLike = ArrayLike<number>;
/** A writable flat matrix (Float64Array in the core). */
export type MatOut = Float64Array;

/**
 * Thrown by `cholesky` when a matrix is not (numerically) symmetric positive definite.
 * `size` is the matrix dimension, `pivot` the 0-based index of the failing diagonal pivot and
 * `pivotValue` the value under the square root there (zero, negative or NaN).
 */
export class NonPositiveDefiniteError extends Error {
  readonly size: number;
  readonly pivot: number;
  readonly pivotValue: number;
  constructor(size: number, pivot: number, pivotValue: number, context = "matrix") {
    super(`${context} (${size}x${size}) is not positive definite: Cholesky pivot ${pivot} is ${pivotValue}`);
    this.name = "NonPositiveDefiniteError";
    this.size = size;
    this.pivot = pivot;
    this.pivotValue = pivotValue;
  }
}

/** A new zero matrix of rows x cols (allocates: use outside hot loops). */
export function matCreate(rows: number, cols = rows): Float64Array {
  return new Float64Array(rows * cols);
}

/** A new row-major matrix from nested rows (allocates; for tests and set-up). */
export function matFromRows(rows: ReadonlyArray<ReadonlyArray<number>>): Float64Array {
  const r = rows.length;
  const c = r === 0 ? 0 : rows[0].length;
  const out = new Float64Array(r * c);
  for (let i = 0; i < r; i++) {
    if (rows[i].length !== c) throw new RangeError("matFromRows: ragged rows");
    for (let j = 0; j < c; j++) out[i * c + j] = rows[i][j];
  }
  return out;
}

/** out = I (n x n). */
export function matIdentity(out: MatOut, n: number): MatOut {
  out.fill(0, 0, n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = 1;
  return out;
}

/** out[0..len) = a[0..len). Aliasing allowed. */
export function matCopy(out: MatOut, a: MatLike, len: number): MatOut {
  for (let i = 0; i < len; i++) out[i] = a[i];
  return out;
}

/** out = a + b (len elements). Aliasing allowed. */
export function matAdd(out: MatOut, a: MatLike, b: MatLike, len: number): MatOut {
  for (let i = 0; i < len; i++) out[i] = a[i] + b[i];
  return out;
}

/** out = a - b (len elements). Aliasing allowed. */
export function matSub(out: MatOut, a: MatLike, b: MatLike, len: number): MatOut {
  for (let i = 0; i < len; i++) out[i] = a[i] - b[i];
  return out;
}

/** out = s * a (len elements). Aliasing allowed. */
export function matScale(out: MatOut, a: MatLike, s: number, len: number): MatOut {
  for (let i = 0; i < len; i++) out[i] = s * a[i];
  return out;
}

/** out = a + s * b (len elements). Aliasing allowed. */
export function matAddScaled(out: MatOut, a: MatLike, b: MatLike, s: number, len: number): MatOut {
  for (let i = 0; i < len; i++) out[i] = a[i] + s * b[i];
  return out;
}

/** out (cols x rows) = a^T, a is rows x cols. */
export function matTranspose(out: MatOut, a: MatLike, rows: number, cols: number): MatOut {
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) out[j * rows + i] = a[i * cols + j];
  }
  return out;
}

/** out (n x m) = a (n x k) * b (k x m). */
export function matMul(out: MatOut, a: MatLike, b: MatLike, n: number, k: number, m: number): MatOut {
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    const oi = i * m;
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += a[ai + l] * b[l * m + j];
      out[oi + j] = s;
    }
  }
  return out;
}

/** out (n x m) = a (n x k) * b^T, b is m x k ("multiply by transposed"). */
export function matMulABt(out: MatOut, a: MatLike, b: MatLike, n: number, k: number, m: number): MatOut {
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    const oi = i * m;
    for (let j = 0; j < m; j++) {
      const bj = j * k;
      let s = 0;
      for (let l = 0; l < k; l++) s += a[ai + l] * b[bj + l];
      out[oi + j] = s;
    }
  }
  return out;
}

/** out (n x m) = a^T * b, a is k x n and b is k x m. */
export function matMulAtB(out: MatOut, a: MatLike, b: MatLike, n: number, k: number, m: number): MatOut {
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    for (let j = 0; j < m; j++) {
      let s = 0;
      for (let l = 0; l < k; l++) s += a[l * n + i] * b[l * m + j];
      out[oi + j] = s;
    }
  }
  return out;
}

/**
 * out (n x n) = a (n x k) * b^T where the product is known to be symmetric (e.g. (F P) F^T): only the
 * upper triangle is computed and mirrored, so the result is exactly symmetric.
 */
export function matMulABtSym(out: MatOut, a: MatLike, b: MatLike, n: number, k: number): MatOut {
  for (let i = 0; i < n; i++) {
    const ai = i * k;
    for (let j = i; j < n; j++) {
      const bj = j * k;
      let s = 0;
      for (let l = 0; l < k; l++) s += a[ai + l] * b[bj + l];
      out[i * n + j] = s;
      out[j * n + i] = s;
    }
  }
  return out;
}

/** out (rows) = a (rows x cols) * x (cols). */
export function matVecMul(out: MatOut, a: MatLike, x: MatLike, rows: number, cols: number): MatOut {
  for (let i = 0; i < rows; i++) {
    const ai = i * cols;
    let s = 0;
    for (let j = 0; j < cols; j++) s += a[ai + j] * x[j];
    out[i] = s;
  }
  return out;
}

/** a = (a + a^T) / 2 in place (n x n): removes the round-off asymmetry of covariance updates. */
export function matSymmetrize(a: MatOut, n: number): MatOut {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = 0.5 * (a[i * n + j] + a[j * n + i]);
      a[i * n + j] = s;
      a[j * n + i] = s;
    }
  }
  return a;
}

/** Trace of an n x n matrix. */
export function matTrace(a: MatLike, n: number): number {
  let s = 0;
  for (let i = 0; i < n; i++) s += a[i * n + i];
  return s;
}

/**
 * Cholesky factor: a = L L^T with L lower triangular (upper triangle of `out` zeroed). Reads only
 * the lower triangle of `a`. `out` may alias `a`. Throws NonPositiveDefiniteError when a pivot is not
 * strictly positive (or is NaN), naming the pivot (Golub and Van Loan, Matrix Computations, alg. 4.2.1).
 */
export function cholesky(out: MatOut, a: MatLike, n: number, context = "matrix"): MatOut {
  for (let j = 0; j < n; j++) {
    const jj = j * n;
    let d = a[jj + j];
    for (let k = 0; k < j; k++) d -= out[jj + k] * out[jj + k];
    if (!(d > 0)) throw new NonPositiveDefiniteError(n, j, d, context);
    const ljj = Math.sqrt(d);
    out[jj + j] = ljj;
    const inv = 1 / ljj;
    for (let i = j + 1; i < n; i++) {
      const ii = i * n;
      let s = a[ii + j];
      for (let k = 0; k < j; k++) s -= out[ii + k] * out[jj + k];
      out[ii + j] = s * inv;
    }
    for (let k = j + 1; k < n; k++) out[jj + k] = 0;
  }
  return out;
}

/**
 * Solves (L L^T) X = B for X given the Cholesky factor L (n x n) and B (n x m), by forward then back
 * substitution applied to whole rows (each step is a row update over the m columns, which keeps the
 * inner loop long). `out` may alias `b`.
 */
export function choleskySolve(out: MatOut, l: MatLike, b: MatLike, n: number, m: number): MatOut {
  if (out !== b) for (let i = 0; i < n * m; i++) out[i] = b[i];
  // Forward: L Y = B
  for (let i = 0; i < n; i++) {
    const oi = i * m;
    for (let k = 0; k < i; k++) {
      const lik = l[i * n + k];
      if (lik === 0) continue;
      const ok = k * m;
      for (let c = 0; c < m; c++) out[oi + c] -= lik * out[ok + c];
    }
    const inv = 1 / l[i * n + i];
    for (let c = 0; c < m; c++) out[oi + c] *= inv;
  }
  // Back: L^T X = Y
  for (let i = n - 1; i >= 0; i--) {
    const oi = i * m;
    for (let k = i + 1; k < n; k++) {
      const lki = l[k * n + i];
      if (lki === 0) continue;
      const ok = k * m;
      for (let c = 0; c < m; c++) out[oi + c] -= lki * out[ok + c];
    }
    const inv = 1 / l[i * n + i];
    for (let c = 0; c < m; c++) out[oi + c] *= inv;
  }
  return out;
}

/**
 * y^T (L L^T)^-1 y given the Cholesky factor L: solves L w = y and returns |w|^2 (the squared
 * Mahalanobis distance). `work` holds n numbers.
 */
export function choleskyMahalanobisSq(l: MatLike, y: MatLike, n: number, work: MatOut): number {
  let d2 = 0;
  for (let i = 0; i < n; i++) {
    let s = y[i];
    const ii = i * n;
    for (let k = 0; k < i; k++) s -= l[ii + k] * work[k];
    const w = s / l[ii + i];
    work[i] = w;
    d2 += w * w;
  }
  return d2;
}

/** log det(L L^T) = 2 sum log L_ii (one logarithm of the product when it stays in range). */
export function choleskyLogDet(l: MatLike, n: number): number {
  let prod = 1;
  for (let i = 0; i < n; i++) prod *= l[i * n + i];
  if (prod > 1e-290 && prod < 1e290) return 2 * Math.log(prod);
  let s = 0;
  for (let i = 0; i < n; i++) s += Math.log(l[i * n + i]);
  return 2 * s;
}

/**
 * Inverse of a symmetric positive definite matrix via its Cholesky factor. `work` holds n*n numbers;
 * `out` may alias `a`. Throws NonPositiveDefiniteError.
 */
export function spdInverse(out: MatOut, a: MatLike, n: number, work: MatOut): MatOut {
  cholesky(work, a, n);
  matIdentity(out, n);
  choleskySolve(out, work, out, n, n);
  return matSymmetrize(out, n);
}

/** log det of a symmetric positive definite matrix; `work` holds n*n numbers. */
export function spdLogDet(a: MatLike, n: number, work: MatOut): number {
  cholesky(work, a, n);
  return choleskyLogDet(work, n);
}

/**
 * out (n x n) = A B A^T for A (n x m) and symmetric B (m x m); `work` holds n*m numbers. The result is
 * exactly symmetric.
 */
export function matCongruence(
  out: MatOut,
  a: MatLike,
  b: MatLike,
  n: number,
  m: number,
  work: MatOut,
): MatOut {
  matMul(work, a, b, n, m, m);
  return matMulABtSym(out, work, a, n, m);
}
