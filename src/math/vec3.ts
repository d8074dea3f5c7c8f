/**
 * 3-vectors as Float64Array(3), with out-argument operations so hot loops allocate nothing
 * (the gl-matrix / CesiumJS `result` convention). Inputs are read through `Vec3Like` so plain
 * `[x, y, z]` tuples work at API boundaries; outputs are written into a caller-owned `Vec3Out`.
 */

/** Anything readable as three numbers. */
export type Vec3Like = ArrayLike<number>;
/** Anything writable as three numbers (Float64Array or number[]). */
export type Vec3Out = { [index: number]: number };
/** The storage type used inside the core. */
export type Vec3 = Float64Array;

export function vec3(x = 0, y = 0, z = 0): Vec3 {
  const v = new Float64Array(3);
  v[0] = x;
  v[1] = y;
  v[2] = z;
  return v;
}

export function set3<T extends Vec3Out>(out: T, x: number, y: number, z: number): T {
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

export function copy3<T extends Vec3Out>(out: T, a: Vec3Like): T {
  out[0] = a[0];
  out[1] = a[1];
  out[2] = a[2];
  return out;
}

export function add3<T extends Vec3Out>(out: T, a: Vec3Like, b: Vec3Like): T {
  out[0] = a[0] + b[0];
  out[1] = a[1] + b[1];
  out[2] = a[2] + b[2];
  return out;
}

export function sub3<T extends Vec3Out>(out: T, a: Vec3Like, b: Vec3Like): T {
  out[0] = a[0] - b[0];
  out[1] = a[1] - b[1];
  out[2] = a[2] - b[2];
  return out;
}

export function scale3<T extends Vec3Out>(out: T, a: Vec3Like, s: number): T {
  out[0] = a[0] * s;
  out[1] = a[1] * s;
  out[2] = a[2] * s;
  return out;
}

/** out = a + s * b */
export function addScaled3<T extends Vec3Out>(out: T, a: Vec3Like, b: Vec3Like, s: number): T {
  out[0] = a[0] + s * b[0];
  out[1] = a[1] + s * b[1];
  out[2] = a[2] + s * b[2];
  return out;
}

export function dot3(a: Vec3Like, b: Vec3Like): number {
  return a[0] * b[0] + a[1] * b[1] + a[2] * b[2];
}

/** out = a x b; safe when out aliases a or b. */
export function cross3<T extends Vec3Out>(out: T, a: Vec3Like, b: Vec3Like): T {
  const x = a[1] * b[2] - a[2] * b[1];
  const y = a[2] * b[0] - a[0] * b[2];
  const z = a[0] * b[1] - a[1] * b[0];
  out[0] = x;
  out[1] = y;
  out[2] = z;
  return out;
}

export function norm3(a: Vec3Like): number {
  return Math.sqrt(a[0] * a[0] + a[1] * a[1] + a[2] * a[2]);
}

export function normSq3(a: Vec3Like): number {
  return a[0] * a[0] + a[1] * a[1] + a[2] * a[2];
}

export function distance3(a: Vec3Like, b: Vec3Like): number {
  const dx = a[0] - b[0];
  const dy = a[1] - b[1];
  const dz = a[2] - b[2];
  return Math.sqrt(dx * dx + dy * dy + dz * dz);
}

/** Unit vector along a; throws RangeError on a zero vector rather than returning NaNs. */
export function normalize3<T extends Vec3Out>(out: T, a: Vec3Like): T {
  const n = norm3(a);
  if (n === 0) throw new RangeError("normalize3: zero-length vector");
  return scale3(out, a, 1 / n);
}
