import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  NonPositiveDefiniteError,
  cholesky,
  choleskyLogDet,
  choleskyMahalanobisSq,
  choleskySolve,
  matCongruence,
  matFromRows,
  matIdentity,
  matMul,
  matMulABt,
  matMulABtSym,
  matMulAtB,
  matSymmetrize,
  matTranspose,
  matVecMul,
  spdInverse,
  spdLogDet,
} from "../../src/math/matrix.js";

const small = fc.integer({ min: -50, max: 50 });

/** A random SPD matrix A = B B^T + n I from integer entries. */
function spdArb(n: number) {
  return fc.array(small, { minLength: n * n, maxLength: n * n }).map((b) => {
    const B = Float64Array.from(b);
    const A = matMulABt(new Float64Array(n * n), B, B, n, n, n);
    for (let i = 0; i < n; i++) A[i * n + i] += n;
    return A;
  });
}

describe("matrix products", () => {
  it("matMul against a hand-computed product", () => {
    const a = matFromRows([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const b = matFromRows([
      [7, 8],
      [9, 10],
      [11, 12],
    ]);
    expect(Array.from(matMul(new Float64Array(4), a, b, 2, 3, 2))).toEqual([58, 64, 139, 154]);
    const bt = matTranspose(new Float64Array(6), b, 3, 2);
    expect(Array.from(matMulABt(new Float64Array(4), a, bt, 2, 3, 2))).toEqual([58, 64, 139, 154]);
    const at = matTranspose(new Float64Array(6), a, 2, 3);
    expect(Array.from(matMulAtB(new Float64Array(4), at, b, 2, 3, 2))).toEqual([58, 64, 139, 154]);
    expect(Array.from(matVecMul(new Float64Array(2), a, [1, 1, 1], 2, 3))).toEqual([6, 15]);
  });
  it("matMulABtSym equals the full product for A P A^T (property)", () => {
    fc.assert(
      fc.property(fc.array(small, { minLength: 12, maxLength: 12 }), spdArb(4), (aa, P) => {
        const A = Float64Array.from(aa); // 3 x 4
        const AP = matMul(new Float64Array(12), A, P, 3, 4, 4);
        const full = matMulABt(new Float64Array(9), AP, A, 3, 4, 3);
        const sym = matMulABtSym(new Float64Array(9), AP, A, 3, 4);
        const cong = matCongruence(new Float64Array(9), A, P, 3, 4, new Float64Array(12));
        for (let i = 0; i < 9; i++) {
          expect(sym[i]).toBeCloseTo(full[i], 6);
          expect(cong[i]).toBeCloseTo(full[i], 6);
        }
      }),
    );
  });
  it("matSymmetrize averages off-diagonal pairs", () => {
    const a = matFromRows([
      [1, 2],
      [4, 3],
    ]);
    expect(Array.from(matSymmetrize(a, 2))).toEqual([1, 3, 3, 3]);
  });
});

describe("Cholesky", () => {
  it("factors a textbook matrix (Golub and Van Loan style example)", () => {
    // A = L L^T with L = [[2,0,0],[6,1,0],[-8,5,3]]: A = [[4,12,-16],[12,37,-43],[-16,-43,98]].
    const A = matFromRows([
      [4, 12, -16],
      [12, 37, -43],
      [-16, -43, 98],
    ]);
    const L = cholesky(new Float64Array(9), A, 3);
    expect(Array.from(L)).toEqual([2, 0, 0, 6, 1, 0, -8, 5, 3]);
    expect(choleskyLogDet(L, 3)).toBeCloseTo(Math.log(36), 12);
  });
  it("solve, inverse, log-determinant and Mahalanobis distance agree (property)", () => {
    fc.assert(
      fc.property(spdArb(5), fc.array(small, { minLength: 5, maxLength: 5 }), (A, bb) => {
        const n = 5;
        const b = Float64Array.from(bb);
        const L = cholesky(new Float64Array(n * n), A, n);
        const x = choleskySolve(new Float64Array(n), L, b, n, 1);
        const Ax = matVecMul(new Float64Array(n), A, x, n, n);
        for (let i = 0; i < n; i++) expect(Ax[i]).toBeCloseTo(b[i], 6);
        const inv = spdInverse(new Float64Array(n * n), A, n, new Float64Array(n * n));
        const I = matMul(new Float64Array(n * n), A, inv, n, n, n);
        const eye = matIdentity(new Float64Array(n * n), n);
        for (let i = 0; i < n * n; i++) expect(I[i]).toBeCloseTo(eye[i], 8);
        let xb = 0;
        for (let i = 0; i < n; i++) xb += x[i] * b[i];
        const d2 = choleskyMahalanobisSq(L, b, n, new Float64Array(n));
        expect(d2).toBeCloseTo(xb, 6);
        expect(spdLogDet(A, n, new Float64Array(n * n))).toBeCloseTo(choleskyLogDet(L, n), 10);
      }),
    );
  });
  it("names the failing pivot of a non-positive-definite matrix", () => {
    const A = matFromRows([
      [4, 2, 0],
      [2, 1, 0],
      [0, 0, 1],
    ]);
    let err: unknown;
    try {
      cholesky(new Float64Array(9), A, 3, "covariance");
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NonPositiveDefiniteError);
    const npd = err as NonPositiveDefiniteError;
    expect(npd.size).toBe(3);
    expect(npd.pivot).toBe(1);
    expect(npd.message).toMatch(/covariance \(3x3\) is not positive definite: Cholesky pivot 1/);
    expect(() => cholesky(new Float64Array(1), [Number.NaN], 1)).toThrow(NonPositiveDefiniteError);
  });
});
