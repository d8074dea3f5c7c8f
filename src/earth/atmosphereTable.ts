/**
 * A precomputed, piecewise-linear copy of the U.S. Standard Atmosphere 1976 (atmosphere.ts) for the
 * flight right-hand side, which asks for the atmosphere millions of times a second. The exact functions
 * (ussa1976Into, ussa1976) remain the public API and the reference; this table is built from them once,
 * at module load, and agrees with them within 3e-5 relative in temperature, pressure, density and speed of
 * sound everywhere from -5 km to 1000 km (tests/earth/atmosphereTable.test.ts checks 1e-4 on a dense
 * sweep). Outside the table (below -5.99 km, above 1000 km) it calls the exact function.
 *
 * Why it is cheap: the exact function below 86 km takes a layer search, a log and an exp (and above
 * 86 km three cubics and two exps); here one index computation, three linear interpolations and a
 * fourth-degree polynomial, no transcendental call.
 *
 * Grids (each uniform, so the cell is found by one multiplication):
 * - below 86 km, uniform in geopotential altitude H (eq. 18, H = r0 Z / (r0 + Z)), 250 m' cells from
 *   -6,000 m'. Every layer base of Table 4 (0, 11, 20, 32, 47, 51, 71 km') is a grid node, so the
 *   molecular-scale temperature, linear in H within a layer (eq. 23), is interpolated exactly and the
 *   kinks of the profile fall on nodes. The last cell ends exactly at Z = 86 km (a shorter cell).
 * - 86-150 km, uniform in geometric altitude, 100 m cells (the curved 91-110 km temperature ellipse,
 *   T'' up to 7e-6 K/m^2, needs them: linear-interpolation error h^2 T'' / 8 = 0.009 K);
 * - 150-1000 km, 500 m cells.
 * Per cell and per quantity a value and a slope, so the shorter cell needs no special case:
 *   rho and the slope of ln rho, P / rho, T, speed of sound (P = rho (P / rho)).
 * Density is interpolated in its logarithm (rho = rho_k exp(s dx), s the slope of ln rho across the
 * cell), which keeps the error at the curvature of ln rho, (h^2 / 8) d^2 ln rho / dz^2, a few 1e-6 here;
 * P / rho = R* TM / M0 below 86 km is linear in H within a layer, hence exact there. Because
 * |s dx| <= 0.045 in every cell (the steepest density scale height is 5.5 km; the build checks the
 * bound), exp(u) is replaced by its Taylor polynomial 1 + u + u^2/2 + u^3/6 + u^4/24, whose remainder
 * is below u^5 / 120 < 2e-9 relative: far below the interpolation error, at a quarter of Math.exp's cost.
 */
import { ussa1976Into } from "./atmosphere.js";
import { UPPER_BASE_M, UPPER_TOP_M, upperAtmosphereInto } from "./ussa1976Upper.js";

/** Table 2: r0 (m), for eq. 18; gamma R* / M0 for the speed of sound above 86 km (as atmosphere.ts). */
const R0_M = 6356766;
const CS2_PER_K = (1.4 * 8314.32) / 28.9644;

/** Lower grid: geopotential altitude from LOW_H0 (m'), LOW_STEP (m') per cell, up to Z = 86 km. */
const LOW_H0 = -6000;
const LOW_STEP = 250;
const LOW_TOP_H = (R0_M * UPPER_BASE_M) / (R0_M + UPPER_BASE_M);
const LOW_CELLS = Math.ceil((LOW_TOP_H - LOW_H0) / LOW_STEP);
/** Lowest geometric altitude the table covers (m): Z at H = LOW_H0, about -5,994 m. */
const LOW_Z0 = (R0_M * LOW_H0) / (R0_M - LOW_H0);

/** Middle grid: geometric 86-150 km in 100 m cells; upper grid: 150-1000 km in 500 m cells. */
const MID_TOP_M = 150_000;
const MID_STEP = 100;
const MID_CELLS = (MID_TOP_M - UPPER_BASE_M) / MID_STEP;
const HIGH_STEP = 500;
const HIGH_CELLS = (UPPER_TOP_M - MID_TOP_M) / HIGH_STEP;

/** 8 numbers per cell: [rho, d ln rho/dx, P/rho, d/dx, T, d/dx, a, d/dx], x = H (lower) or Z (above). */
const W = 8;
/** Largest change of ln rho across one cell (the actual worst is 0.045, at 80-86 km). */
const MAX_CELL_LN_RHO = 0.05;
const LOW = new Float64Array(W * LOW_CELLS);
const MID = new Float64Array(W * MID_CELLS);
const HIGH = new Float64Array(W * HIGH_CELLS);

/** Exact [ln rho, P/rho, T, a] at geometric altitude zM; `upper` takes the 86 km node from above. */
function exactNode(zM: number, upper: boolean, out: Float64Array): void {
  const s = scratch;
  if (upper) {
    upperAtmosphereInto(zM, s);
    s[3] = Math.sqrt(CS2_PER_K * s[0]);
  } else {
    ussa1976Into(zM, s);
  }
  out[0] = Math.log(s[2]);
  out[1] = s[1] / s[2];
  out[2] = s[0];
  out[3] = s[3];
}
const scratch = new Float64Array(4);

/**
 * Fills `cells` with value and slope per quantity between consecutive nodes x_k = x0 + k step (the last
 * node clamped to xTop); zOf maps the grid coordinate to geometric altitude.
 */
function fill(
  cells: Float64Array,
  n: number,
  x0: number,
  step: number,
  xTop: number,
  zOf: (x: number) => number,
  upper: boolean,
): void {
  const a = new Float64Array(4);
  const b = new Float64Array(4);
  exactNode(zOf(x0), upper, a);
  for (let k = 0; k < n; k++) {
    const xa = x0 + k * step;
    const xb = Math.min(x0 + (k + 1) * step, xTop);
    // The top node of the lower grid is Z = 86 km exactly (not zOf(xTop), which rounds).
    exactNode(xb === xTop && !upper ? UPPER_BASE_M : zOf(xb), upper, b);
    for (let q = 0; q < 4; q++) {
      cells[W * k + 2 * q] = a[q];
      cells[W * k + 2 * q + 1] = (b[q] - a[q]) / (xb - xa);
    }
    cells[W * k] = Math.exp(a[0]);
    // The Taylor exponential of ussa1976TableInto needs |u| = |d ln rho| <= 0.05 across a cell.
    if (!(Math.abs(b[0] - a[0]) <= MAX_CELL_LN_RHO)) throw new Error("atmosphere table: cell too coarse");
    a.set(b);
  }
}

fill(LOW, LOW_CELLS, LOW_H0, LOW_STEP, LOW_TOP_H, (h) => (R0_M * h) / (R0_M - h), false);
fill(MID, MID_CELLS, UPPER_BASE_M, MID_STEP, MID_TOP_M, (z) => z, true);
fill(HIGH, HIGH_CELLS, MID_TOP_M, HIGH_STEP, UPPER_TOP_M, (z) => z, true);

/**
 * [temperatureK, pressurePa, densityKgM3, speedOfSoundMps] at geometric altitude altM (m) from the table
 * (exact function outside -5.99..1000 km). Allocation-free hot path; same layout as ussa1976Into.
 * The common case (below 86 km, where everything that flies in the atmosphere is) is kept short so V8
 * inlines it into its callers; the rest is in upperTableInto.
 */
export function ussa1976TableInto<T extends { [index: number]: number }>(altM: number, out4: T): T {
  if (!(altM >= LOW_Z0 && altM <= UPPER_BASE_M)) return upperTableInto(altM, out4);
  const x = (R0_M * altM) / (R0_M + altM) - LOW_H0;
  const k = Math.min((x * (1 / LOW_STEP)) | 0, LOW_CELLS - 1);
  const dx = x - k * LOW_STEP;
  const j = W * k;
  // As cellInto, written out: this is the path the right-hand side inlines.
  const c = LOW;
  const u = c[j + 1] * dx;
  const rho = c[j] * (1 + u * (1 + u * (0.5 + u * (1 / 6 + u * (1 / 24)))));
  out4[0] = c[j + 4] + c[j + 5] * dx;
  out4[1] = rho * (c[j + 2] + c[j + 3] * dx);
  out4[2] = rho;
  out4[3] = c[j + 6] + c[j + 7] * dx;
  return out4;
}

/** Above 86 km (and outside the table): the two upper grids, or the exact function. */
function upperTableInto<T extends { [index: number]: number }>(altM: number, out4: T): T {
  if (altM > UPPER_BASE_M && altM <= MID_TOP_M) {
    const x = altM - UPPER_BASE_M;
    const k = Math.min((x * (1 / MID_STEP)) | 0, MID_CELLS - 1);
    return cellInto(MID, W * k, x - k * MID_STEP, out4);
  }
  if (altM > MID_TOP_M && altM <= UPPER_TOP_M) {
    const x = altM - MID_TOP_M;
    const k = Math.min((x * (1 / HIGH_STEP)) | 0, HIGH_CELLS - 1);
    return cellInto(HIGH, W * k, x - k * HIGH_STEP, out4);
  }
  return ussa1976Into(altM, out4);
}

/** Interpolates cell j of grid c at dx from its start into out4. */
function cellInto<T extends { [index: number]: number }>(c: Float64Array, j: number, dx: number, out4: T): T {
  // rho_k exp(u), exp by its Taylor polynomial (|u| <= 0.05, remainder < 3e-9: see the file comment).
  const u = c[j + 1] * dx;
  const rho = c[j] * (1 + u * (1 + u * (0.5 + u * (1 / 6 + u * (1 / 24)))));
  out4[0] = c[j + 4] + c[j + 5] * dx;
  out4[1] = rho * (c[j + 2] + c[j + 3] * dx);
  out4[2] = rho;
  out4[3] = c[j + 6] + c[j + 7] * dx;
  return out4;
}

/** Lowest and highest geometric altitudes (m) served from the table. */
export const ATMOSPHERE_TABLE_MIN_ALT_M = LOW_Z0;
export const ATMOSPHERE_TABLE_MAX_ALT_M = UPPER_TOP_M;

/**
 * The grid below 86 km as ussa1976TableInto reads it, for a kernel that inlines its common case
 * (src/flight/kernels/glideRhs.ts): altitudes from minAltM to maxAltM; x = r0 Z / (r0 + Z) - h0M,
 * cell k = min(floor(x / stepM), cellCount - 1), `stride` numbers per cell laid out as the W comment
 * above. The arrays are the table itself: read only.
 */
export const USSA1976_TABLE_LOWER_GRID = Object.freeze({
  cells: LOW as Readonly<Float64Array>,
  r0M: R0_M,
  h0M: LOW_H0,
  stepM: LOW_STEP,
  cellCount: LOW_CELLS,
  stride: W,
  minAltM: LOW_Z0,
  maxAltM: UPPER_BASE_M,
});
