/**
 * The one product shape that dominates the Kalman updates: out = A + sign * U V with a thin inner
 * dimension d (the measurement size or the measured columns of H, 2 to 6). Written as row
 * combinations with the d coefficients of a row hoisted out of the column loop, three at a time: on
 * V8 this runs 2 to 4 times faster than the textbook triple loop, whose short inner loop is all
 * overhead. The inner dimension is split into balanced passes of at most four terms.
 */

/**
 * out[i][c] = (A ? A[i][c] : 0) + sign * sum_{l < d} U[i * uRow + l * uCol] * V[l * cols + c], for
 * i < rows, c < cols. A and out are rows x cols (row-major) and may be the same array; U and V must
 * not alias out. The strides let U be read transposed (uRow = 1, uCol = its row length).
 * With `upper` (square results known to be symmetric), only c >= i is computed and the lower
 * triangle is then mirrored from it.
 */
export function lowRankInto(
  out: Float64Array,
  A: Float64Array | null,
  sign: number,
  U: Float64Array,
  uRow: number,
  uCol: number,
  V: Float64Array,
  d: number,
  rows: number,
  cols: number,
  upper = false,
): Float64Array {
  let l = 0;
  let first = true;
  // Passes of at most four inner terms, balanced (d = 7 -> 4 + 3, d = 9 -> 3 + 3 + 3).
  let passesLeft = Math.ceil(d / 4);
  while (l < d || first) {
    const take = passesLeft > 0 ? Math.ceil((d - l) / passesLeft) : 0;
    passesLeft--;
    const base: Float64Array | null = first ? A : out;
    for (let i = 0; i < rows; i++) {
      const ui = i * uRow + l * uCol;
      const oi = i * cols;
      const c0 = upper ? i : 0;
      if (take === 4) {
        const u0 = sign * U[ui];
        const u1 = sign * U[ui + uCol];
        const u2 = sign * U[ui + 2 * uCol];
        const u3 = sign * U[ui + 3 * uCol];
        const v0 = l * cols;
        const v1 = v0 + cols;
        const v2 = v1 + cols;
        const v3 = v2 + cols;
        if (base) {
          for (let c = c0; c < cols; c++) {
            out[oi + c] = base[oi + c] + u0 * V[v0 + c] + u1 * V[v1 + c] + u2 * V[v2 + c] + u3 * V[v3 + c];
          }
        } else {
          for (let c = c0; c < cols; c++) {
            out[oi + c] = u0 * V[v0 + c] + u1 * V[v1 + c] + u2 * V[v2 + c] + u3 * V[v3 + c];
          }
        }
      } else if (take === 3) {
        const u0 = sign * U[ui];
        const u1 = sign * U[ui + uCol];
        const u2 = sign * U[ui + 2 * uCol];
        const v0 = l * cols;
        const v1 = v0 + cols;
        const v2 = v1 + cols;
        if (base) {
          for (let c = c0; c < cols; c++) {
            out[oi + c] = base[oi + c] + u0 * V[v0 + c] + u1 * V[v1 + c] + u2 * V[v2 + c];
          }
        } else {
          for (let c = c0; c < cols; c++) out[oi + c] = u0 * V[v0 + c] + u1 * V[v1 + c] + u2 * V[v2 + c];
        }
      } else if (take === 2) {
        const u0 = sign * U[ui];
        const u1 = sign * U[ui + uCol];
        const v0 = l * cols;
        const v1 = v0 + cols;
        if (base) {
          for (let c = c0; c < cols; c++) out[oi + c] = base[oi + c] + u0 * V[v0 + c] + u1 * V[v1 + c];
        } else {
          for (let c = c0; c < cols; c++) out[oi + c] = u0 * V[v0 + c] + u1 * V[v1 + c];
        }
      } else if (take === 1) {
        const u0 = sign * U[ui];
        const v0 = l * cols;
        if (base) {
          for (let c = c0; c < cols; c++) out[oi + c] = base[oi + c] + u0 * V[v0 + c];
        } else {
          for (let c = c0; c < cols; c++) out[oi + c] = u0 * V[v0 + c];
        }
      } else if (base) {
        // d === 0: out = A
        if (base !== out) for (let c = c0; c < cols; c++) out[oi + c] = base[oi + c];
      } else {
        for (let c = c0; c < cols; c++) out[oi + c] = 0;
      }
    }
    l += take;
    first = false;
  }
  if (upper) for (let i = 1; i < rows; i++) for (let c = 0; c < i; c++) out[i * cols + c] = out[c * cols + i];
  return out;
}

/** a = (a + a^T) / 2 in place (n x n). */
export function symmetrizeInPlace(a: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const s = 0.5 * (a[i * n + j] + a[j * n + i]);
      a[i * n + j] = s;
      a[j * n + i] = s;
    }
  }
}

/**
 * The symmetric result of a two-term thin update, computed on the upper triangle and mirrored:
 *   out[i][j] = out[j][i] = A[i][j] + sign * sum_{l < d} (U[l][i] V[l][j] + X[l][i] Y[l][j]),  j >= i,
 * with U, V, X, Y row-major d x n (d <= 4) and A, out n x n (they may be the same array; only A's
 * upper triangle is read). For expressions that are symmetric in exact arithmetic, such as the Joseph
 * update P - K (H P) - C K^T (kalmanCore.ts), this is their exact value with half the products of the
 * full matrix and an exactly symmetric result. The d coefficients of a row are hoisted (missing ones
 * read row 0 with a zero coefficient), so the column loop is branch-free.
 */
export function symmetricUpdateInto(
  out: Float64Array,
  A: Float64Array,
  sign: number,
  U: Float64Array,
  V: Float64Array,
  X: Float64Array,
  Y: Float64Array,
  d: number,
  n: number,
): Float64Array {
  if (d > 4) throw new RangeError("symmetricUpdateInto: at most 4 terms");
  const r1 = d > 1 ? n : 0;
  const r2 = d > 2 ? 2 * n : 0;
  const r3 = d > 3 ? 3 * n : 0;
  for (let i = 0; i < n; i++) {
    const u0 = sign * U[i];
    const u1 = d > 1 ? sign * U[n + i] : 0;
    const u2 = d > 2 ? sign * U[2 * n + i] : 0;
    const u3 = d > 3 ? sign * U[3 * n + i] : 0;
    const x0 = sign * X[i];
    const x1 = d > 1 ? sign * X[n + i] : 0;
    const x2 = d > 2 ? sign * X[2 * n + i] : 0;
    const x3 = d > 3 ? sign * X[3 * n + i] : 0;
    const row = i * n;
    for (let j = i; j < n; j++) {
      out[row + j] =
        A[row + j] +
        u0 * V[j] +
        u1 * V[r1 + j] +
        u2 * V[r2 + j] +
        u3 * V[r3 + j] +
        x0 * Y[j] +
        x1 * Y[r1 + j] +
        x2 * Y[r2 + j] +
        x3 * Y[r3 + j];
    }
  }
  for (let i = 1; i < n; i++) for (let j = 0; j < i; j++) out[i * n + j] = out[j * n + i];
  return out;
}
