/**
 * Test problems with closed-form solutions, shared by the ODE tests.
 */
import type { OdeRhs } from "../../src/math/ode/index.js";

/** Planar-in-3D two-body problem, mu = 1: y = [x, y, z, vx, vy, vz]. */
export const keplerRhs: OdeRhs = (_t, y, d) => {
  const r2 = y[0] * y[0] + y[1] * y[1] + y[2] * y[2];
  const k = -1 / (r2 * Math.sqrt(r2));
  d[0] = y[3];
  d[1] = y[4];
  d[2] = y[5];
  d[3] = k * y[0];
  d[4] = k * y[1];
  d[5] = k * y[2];
};

/**
 * Kepler orbit with mu = 1, semi-major axis a = 1, eccentricity e, started at periapsis.
 * Vis-viva (e.g. Vallado, "Fundamentals of Astrodynamics and Applications", eq. 1-31):
 * r_p = a (1 - e), v_p = sqrt(mu (1 + e) / (a (1 - e))); period 2 pi sqrt(a^3 / mu) = 2 pi;
 * specific energy -mu / (2 a) = -1/2; angular momentum sqrt(mu a (1 - e^2)).
 */
export function keplerInitial(e: number): Float64Array {
  return Float64Array.from([1 - e, 0, 0, 0, Math.sqrt((1 + e) / (1 - e)), 0]);
}

export function keplerEnergy(y: Float64Array): number {
  const r = Math.hypot(y[0], y[1], y[2]);
  return 0.5 * (y[3] * y[3] + y[4] * y[4] + y[5] * y[5]) - 1 / r;
}

export function keplerAngularMomentumZ(y: Float64Array): number {
  return y[0] * y[4] - y[1] * y[3];
}

/** Harmonic oscillator y'' = -y as [y, y']; y = sin t, y' = cos t from [0, 1]. */
export const oscillatorRhs: OdeRhs = (_t, y, d) => {
  d[0] = y[1];
  d[1] = -y[0];
};

/** Projectile in vacuum, z'' = -G, as [z, vz]; z = vz0 t - G t^2 / 2. */
export const G_MPS2 = 9.80665; // standard gravity (CGPM 1901), only a test constant here
export const projectileRhs: OdeRhs = (_t, y, d) => {
  d[0] = y[1];
  d[1] = -G_MPS2;
};
