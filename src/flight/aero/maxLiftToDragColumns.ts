/**
 * Which angle-of-attack columns can hold the maximum L/D of a Mach-interpolated table row.
 *
 * Between two Mach rows (weight t in [0, 1]) column j has L/D_j(t) = (a_j + b_j t) / (c_j + d_j t), with
 * C_L = a + b t and C_D = c + d t > 0. A column k beats column j for every t exactly when
 *   g(t) = C_L,k(t) C_D,j(t) - C_L,j(t) C_D,k(t) > 0 on [0, 1],
 * and g is a quadratic in t, so its minimum on [0, 1] is at an end or at the vertex. A column beaten by
 * some other column over the whole interval can never be the row maximum, so the right-hand side only
 * needs to compare the others (usually one or two of the nine): the answer is the same column the full
 * scan finds, at a fraction of its cost. A relative margin keeps near-ties as candidates, so rounding
 * can never exclude the true maximum.
 */

/** Relative margin below which a pair of columns counts as tied (kept as candidates). */
const TIE_MARGIN = 1e-12;

/**
 * Candidate columns per Mach interval: interval i (rows i and i + 1) has the columns
 * cols[start[i]] ... cols[start[i + 1] - 1], in increasing order. cl, cd row-major, nMach x nAlpha.
 */
export function maxLiftToDragColumns(
  cl: Float64Array,
  cd: Float64Array,
  nMach: number,
  nAlpha: number,
): { start: Int32Array; cols: Int32Array } {
  const start = new Int32Array(nMach);
  const cols: number[] = [];
  for (let i = 0; i < nMach - 1; i++) {
    start[i] = cols.length;
    const r0 = i * nAlpha;
    const r1 = r0 + nAlpha;
    for (let j = 0; j < nAlpha; j++) {
      let beaten = false;
      for (let k = 0; k < nAlpha && !beaten; k++) {
        if (k === j) continue;
        // g(t) = A + B t + C t^2 from the two linear factors of each product.
        const ak = cl[r0 + k];
        const bk = cl[r1 + k] - ak;
        const ck = cd[r0 + k];
        const dk = cd[r1 + k] - ck;
        const aj = cl[r0 + j];
        const bj = cl[r1 + j] - aj;
        const cj = cd[r0 + j];
        const dj = cd[r1 + j] - cj;
        const A = ak * cj - aj * ck;
        const B = ak * dj + bk * cj - aj * dk - bj * ck;
        const C = bk * dj - bj * dk;
        let gMin = Math.min(A, A + B + C);
        const tv = C > 0 ? -B / (2 * C) : -1;
        if (tv > 0 && tv < 1) gMin = Math.min(gMin, A + tv * (B + tv * C));
        const scale =
          (Math.abs(ak) + Math.abs(ak + bk)) * (cj + cj + dj) +
          (Math.abs(aj) + Math.abs(aj + bj)) * (ck + ck + dk);
        beaten = gMin > TIE_MARGIN * scale;
      }
      if (!beaten) cols.push(j);
    }
  }
  start[nMach - 1] = cols.length;
  return { start, cols: Int32Array.from(cols) };
}
