/**
 * Shared layout helpers for the kinematic (polynomial) models. The state is ordered by derivative,
 * then axis: [px, py, pz, vx, vy, vz, (ax, ay, az)], so component (order o, axis i) sits at o * 3 + i.
 * A per-axis k x k block B (k = 2 for position-velocity, 3 with acceleration) expands to the n x n
 * matrix with entry (o1 * 3 + i, o2 * 3 + i) = B[o1][o2] and zeros across axes.
 */

/** Writes the n x n (n = 3k) expansion of the row-major k x k per-axis block into out. */
export function expandAxisBlock(out: Float64Array, block: ArrayLike<number>, k: number): Float64Array {
  const n = 3 * k;
  out.fill(0, 0, n * n);
  for (let o1 = 0; o1 < k; o1++) {
    for (let o2 = 0; o2 < k; o2++) {
      const b = block[o1 * k + o2];
      if (b === 0) continue;
      for (let i = 0; i < 3; i++) out[(o1 * 3 + i) * n + o2 * 3 + i] = b;
    }
  }
  return out;
}

/** out (n = 3k) = (f kron I3) x for the per-axis block f (k x k); x and out differ. */
export function applyAxisBlock(
  out: Float64Array,
  f: ArrayLike<number>,
  k: number,
  x: ArrayLike<number>,
): Float64Array {
  for (let a = 0; a < k; a++) {
    for (let i = 0; i < 3; i++) {
      let s = 0;
      for (let c = 0; c < k; c++) s += f[a * k + c] * x[c * 3 + i];
      out[a * 3 + i] = s;
    }
  }
  return out;
}

/**
 * out = F P F^T + Q for F = f kron I3 and Q = q kron I3 (f, q per-axis k x k blocks, k = 2 or 3,
 * P n x n with n = 3k). For each pair of axes (i, j), the k x k sub-block M_ij (entries
 * P[(a*3+i), (b*3+j)]) maps to f M_ij f^T (+ q when i = j); pairs j < i are the transposes, so six of
 * the nine pairs are computed, in straight-line code (short loops are what costs on V8). out differs
 * from P; the result is exactly symmetric.
 */
export function axisBlockCovarianceInto(
  out: Float64Array,
  f: Float64Array,
  q: Float64Array,
  k: number,
  P: Float64Array,
): Float64Array {
  if (k === 2) {
    const n = 6;
    const f00 = f[0];
    const f01 = f[1];
    const f10 = f[2];
    const f11 = f[3];
    for (let i = 0; i < 3; i++) {
      for (let j = i; j < 3; j++) {
        const i0 = i * n;
        const i1 = (3 + i) * n;
        const m00 = P[i0 + j];
        const m01 = P[i0 + 3 + j];
        const m10 = P[i1 + j];
        const m11 = P[i1 + 3 + j];
        const t00 = f00 * m00 + f01 * m10;
        const t01 = f00 * m01 + f01 * m11;
        const t10 = f10 * m00 + f11 * m10;
        const t11 = f10 * m01 + f11 * m11;
        let r00 = t00 * f00 + t01 * f01;
        let r01 = t00 * f10 + t01 * f11;
        let r10 = t10 * f00 + t11 * f01;
        let r11 = t10 * f10 + t11 * f11;
        if (i === j) {
          r00 += q[0];
          r11 += q[3];
          r01 = 0.5 * (r01 + r10 + q[1] + q[2]);
          r10 = r01;
        }
        const j0 = j * n;
        const j1 = (3 + j) * n;
        out[i0 + j] = r00;
        out[i0 + 3 + j] = r01;
        out[i1 + j] = r10;
        out[i1 + 3 + j] = r11;
        out[j0 + i] = r00;
        out[j0 + 3 + i] = r10;
        out[j1 + i] = r01;
        out[j1 + 3 + i] = r11;
      }
    }
    return out;
  }
  if (k !== 3) throw new RangeError("axisBlockCovarianceInto: k must be 2 or 3");
  const n = 9;
  const f00 = f[0];
  const f01 = f[1];
  const f02 = f[2];
  const f10 = f[3];
  const f11 = f[4];
  const f12 = f[5];
  const f20 = f[6];
  const f21 = f[7];
  const f22 = f[8];
  for (let i = 0; i < 3; i++) {
    for (let j = i; j < 3; j++) {
      const i0 = i * n;
      const i1 = (3 + i) * n;
      const i2 = (6 + i) * n;
      const m00 = P[i0 + j];
      const m01 = P[i0 + 3 + j];
      const m02 = P[i0 + 6 + j];
      const m10 = P[i1 + j];
      const m11 = P[i1 + 3 + j];
      const m12 = P[i1 + 6 + j];
      const m20 = P[i2 + j];
      const m21 = P[i2 + 3 + j];
      const m22 = P[i2 + 6 + j];
      // T = f M
      const t00 = f00 * m00 + f01 * m10 + f02 * m20;
      const t01 = f00 * m01 + f01 * m11 + f02 * m21;
      const t02 = f00 * m02 + f01 * m12 + f02 * m22;
      const t10 = f10 * m00 + f11 * m10 + f12 * m20;
      const t11 = f10 * m01 + f11 * m11 + f12 * m21;
      const t12 = f10 * m02 + f11 * m12 + f12 * m22;
      const t20 = f20 * m00 + f21 * m10 + f22 * m20;
      const t21 = f20 * m01 + f21 * m11 + f22 * m21;
      const t22 = f20 * m02 + f21 * m12 + f22 * m22;
      // R = T f^T
      let r00 = t00 * f00 + t01 * f01 + t02 * f02;
      let r01 = t00 * f10 + t01 * f11 + t02 * f12;
      let r02 = t00 * f20 + t01 * f21 + t02 * f22;
      let r10 = t10 * f00 + t11 * f01 + t12 * f02;
      let r11 = t10 * f10 + t11 * f11 + t12 * f12;
      let r12 = t10 * f20 + t11 * f21 + t12 * f22;
      let r20 = t20 * f00 + t21 * f01 + t22 * f02;
      let r21 = t20 * f10 + t21 * f11 + t22 * f12;
      let r22 = t20 * f20 + t21 * f21 + t22 * f22;
      if (i === j) {
        r00 += q[0];
        r11 += q[4];
        r22 += q[8];
        r01 = 0.5 * (r01 + r10 + q[1] + q[3]);
        r10 = r01;
        r02 = 0.5 * (r02 + r20 + q[2] + q[6]);
        r20 = r02;
        r12 = 0.5 * (r12 + r21 + q[5] + q[7]);
        r21 = r12;
      }
      const j0 = j * n;
      const j1 = (3 + j) * n;
      const j2 = (6 + j) * n;
      out[i0 + j] = r00;
      out[i0 + 3 + j] = r01;
      out[i0 + 6 + j] = r02;
      out[i1 + j] = r10;
      out[i1 + 3 + j] = r11;
      out[i1 + 6 + j] = r12;
      out[i2 + j] = r20;
      out[i2 + 3 + j] = r21;
      out[i2 + 6 + j] = r22;
      out[j0 + i] = r00;
      out[j0 + 3 + i] = r10;
      out[j0 + 6 + i] = r20;
      out[j1 + i] = r01;
      out[j1 + 3 + i] = r11;
      out[j1 + 6 + i] = r21;
      out[j2 + i] = r02;
      out[j2 + 3 + i] = r12;
      out[j2 + 6 + i] = r22;
    }
  }
  return out;
}

/**
 * Base of the polynomial (per-axis Kronecker) models: subclasses give the per-axis k x k blocks of F
 * and Q; the full matrices and the fast paths follow.
 */
export abstract class AxisBlockModel {
  abstract readonly ndim: number;
  /** Per-axis order k (2: position-velocity, 3: with acceleration). */
  protected readonly k: number;
  protected readonly fBlock: Float64Array;
  protected readonly qBlock: Float64Array;

  constructor(k: number) {
    this.k = k;
    this.fBlock = new Float64Array(k * k);
    this.qBlock = new Float64Array(k * k);
  }

  /** Writes the per-axis transition block for dtS into out (k x k). */
  protected abstract fBlockInto(dtS: number, out: Float64Array): void;
  /** Writes the per-axis process-noise block for dtS into out (k x k). */
  protected abstract qBlockInto(dtS: number, out: Float64Array): void;

  FInto(dtS: number, out: Float64Array): Float64Array {
    this.fBlockInto(dtS, this.fBlock);
    return expandAxisBlock(out, this.fBlock, this.k);
  }

  QInto(dtS: number, out: Float64Array): Float64Array {
    this.qBlockInto(dtS, this.qBlock);
    return expandAxisBlock(out, this.qBlock, this.k);
  }

  applyFInto(x: Float64Array, dtS: number, out: Float64Array): Float64Array {
    this.fBlockInto(dtS, this.fBlock);
    return applyAxisBlock(out, this.fBlock, this.k, x);
  }

  predictCovarianceInto(_x: Float64Array, P: Float64Array, dtS: number, out: Float64Array): Float64Array {
    this.fBlockInto(dtS, this.fBlock);
    this.qBlockInto(dtS, this.qBlock);
    return axisBlockCovarianceInto(out, this.fBlock, this.qBlock, this.k, P);
  }

  F(dtS: number): Float64Array {
    return this.FInto(dtS, new Float64Array(9 * this.k * this.k));
  }

  Q(dtS: number): Float64Array {
    return this.QInto(dtS, new Float64Array(9 * this.k * this.k));
  }
}
