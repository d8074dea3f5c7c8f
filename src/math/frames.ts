/**
 * Frame brands. A position or velocity carries its frame in its type so the compiler refuses to
 * mix, say, an ECEF position with an ECI one. Brands cost nothing at run time: values are plain
 * Float64Arrays or tuples; `inFrame` is the one audited place that asserts a frame.
 *
 * Frames used in Raijin:
 * - ECEF: WGS-84 Earth-centred, Earth-fixed (m, m/s).
 * - ECI: "true-of-date-like" inertial frame: ECEF rotated about the z axis by GMST (IAU-82); see
 *   src/earth/eci.ts for the definition and what it ignores (precession, nutation, polar motion).
 * - ENU: local East-North-Up at a stated origin (m).
 */
export type FrameName = "ECEF" | "ECI" | "ENU";

declare const frameBrand: unique symbol;

export type InFrame<T, F extends FrameName> = T & { readonly [frameBrand]: F };

/** Assert that `v` is expressed in frame F (no copy, no run-time cost). */
export function inFrame<F extends FrameName, T>(v: T, _frame: F): InFrame<T, F> {
  return v as InFrame<T, F>;
}
