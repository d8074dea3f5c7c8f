/**
 * Argument checks for public functions: a bad argument throws a RangeError that names the function, the
 * argument and what it was given (as satellite.js and Orekit do), instead of a NaN or a plausible number
 * further on. The checks cost a comparison or two; the allocation-free `...Into` kernels of hot loops do
 * not call them (they document that a NaN or infinite input gives NaN outputs).
 */

/** `fn: name must be ..., given v`. */
export function argError(fn: string, name: string, expected: string, given: unknown): RangeError {
  return new RangeError(`${fn}: ${name} must be ${expected}, given ${show(given)}`);
}

/** A value as a message shows it: numbers as JavaScript prints them (NaN, Infinity), lists in brackets. */
function show(v: unknown): string {
  if (Array.isArray(v) || ArrayBuffer.isView(v))
    return `[${Array.from(v as ArrayLike<unknown>, show).join(", ")}]`;
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 37)}...` : v);
  if (typeof v === "object" && v !== null) return "an object";
  return String(v);
}

/** A finite number, or a RangeError naming it. */
export function finiteArg(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !Number.isFinite(v)) throw argError(fn, name, "a finite number", v);
  return v;
}

/** A number in [lo, hi] (finite), or a RangeError naming it and the interval. */
export function rangeArg(fn: string, name: string, v: unknown, lo: number, hi: number, unit = ""): number {
  if (typeof v !== "number" || !(v >= lo && v <= hi))
    throw argError(fn, name, `a number in [${lo}, ${hi}]${unit === "" ? "" : ` ${unit}`}`, v);
  return v;
}

/** A finite number > 0, or a RangeError naming it. */
export function positiveArg(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !(v > 0) || v === Infinity) throw argError(fn, name, "a finite number > 0", v);
  return v;
}

/** A finite number >= 0, or a RangeError naming it. */
export function nonNegativeArg(fn: string, name: string, v: unknown): number {
  if (typeof v !== "number" || !(v >= 0) || v === Infinity)
    throw argError(fn, name, "a finite number >= 0", v);
  return v;
}

/** A whole number in [lo, hi], or a RangeError naming it. */
export function integerArg(
  fn: string,
  name: string,
  v: unknown,
  lo: number,
  hi = Number.MAX_SAFE_INTEGER,
): number {
  if (typeof v !== "number" || !Number.isInteger(v) || v < lo || v > hi)
    throw argError(
      fn,
      name,
      hi === Number.MAX_SAFE_INTEGER ? `a whole number >= ${lo}` : `a whole number in [${lo}, ${hi}]`,
      v,
    );
  return v;
}

/** `n` finite numbers (a vector or a matrix's entries), or a RangeError naming the first bad one. */
export function finiteArrayArg(fn: string, name: string, a: unknown, n: number): void {
  const v = a as ArrayLike<unknown> | null | undefined;
  if (v === null || v === undefined || typeof v.length !== "number" || v.length < n)
    throw argError(fn, name, `${n} finite numbers`, a);
  for (let i = 0; i < n; i++)
    if (typeof v[i] !== "number" || !Number.isFinite(v[i]))
      throw argError(fn, `${name}[${i}]`, "a finite number", v[i]);
}

/** Three finite components (a position or a vector), or a RangeError naming the argument. */
export function finiteVec3Arg(fn: string, name: string, v: unknown): void {
  const a = v as ArrayLike<unknown> | null | undefined;
  if (
    a === null ||
    a === undefined ||
    typeof a.length !== "number" ||
    a.length < 3 ||
    !Number.isFinite(a[0]) ||
    !Number.isFinite(a[1]) ||
    !Number.isFinite(a[2])
  ) {
    throw argError(fn, name, "three finite numbers", v);
  }
}

/** A public geodetic point `{ latDeg, lonDeg, altM }`: latitude in [-90, 90] deg, the rest finite. */
export function checkGeodetic(
  fn: string,
  name: string,
  g: { readonly latDeg: number; readonly lonDeg: number; readonly altM: number },
): void {
  if (typeof g !== "object" || g === null) throw argError(fn, name, "{ latDeg, lonDeg, altM }", g);
  rangeArg(fn, `${name}.latDeg`, g.latDeg, -90, 90, "deg");
  finiteArg(fn, `${name}.lonDeg`, g.lonDeg);
  finiteArg(fn, `${name}.altM`, g.altM);
}
