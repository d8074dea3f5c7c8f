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
          for (let c = 0; c < cols; c++) {
            out[oi + c] = base[oi + c] + u0 * V[v0 + c] + u1 * V[v1 + c] + u2 * V[v2 + c] + u3 * V[v3 + c];
          }
        } else {
          for (let c = 0; c < cols; c++) {
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
          for (let c = 0; c < cols; c++) {
            out[oi + c] = base[oi + c] + u0 * V[v0 + c] + u1 * V[v1 + c] + u2 * V[v2 + c];
          }
        } else {
          for (let c = 0; c < cols; c++) out[oi + c] = u0 * V[v0 + c] + u1 * V[v1 + c] + u2 * V[v2 + c];
        }
      } else if (take === 2) {
        const u0 = sign * U[ui];
        const u1 = sign * U[ui + uCol];
        const v0 = l * cols;
        const v1 = v0 + cols;
        if (base) {
          for (let c = 0; c < cols; c++) out[oi + c] = base[oi + c] + u0 * V[v0 + c] + u1 * V[v1 + c];
        } else {
          for (let c = 0; c < cols; c++) out[oi + c] = u0 * V[v0 + c] + u1 * V[v1 + c];
        }
      } else if (take === 1) {
        const u0 = sign * U[ui];
        const v0 = l * cols;
        if (base) {
          for (let c = 0; c < cols; c++) out[oi + c] = base[oi + c] + u0 * V[v0 + c];
        } else {
          for (let c = 0; c < cols; c++) out[oi + c] = u0 * V[v0 + c];
        }
      } else if (base) {
        // d === 0: out = A
        if (base !== out) for (let c = 0; c < cols; c++) out[oi + c] = base[oi + c];
      } else {
        for (let c = 0; c < cols; c++) out[oi + c] = 0;
      }
    }
    l += take;
    first = false;
  }
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
