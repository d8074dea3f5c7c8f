/**
 * U.S. Standard Atmosphere 1976 (NOAA-S/T 76-1562 = NASA-TM-X-74335, NTRS 19770009539), 0-1000 km.
 *
 * Below 86 km (geometric altitude Z): the seven geopotential layers of Part 1, Table 4, with the
 * defining constants of Table 2: g0' = 9.80665 m^2/(s^2 m'), R* = 8314.32 J/(kmol K),
 * M0 = 28.9644 kg/kmol, r0 = 6,356,766 m, gamma = 1.4.
 *   H = r0 Z / (r0 + Z)                                   (eq. 18, geopotential altitude, m')
 *   TM = TM,b + LM,b (H - Hb)                             (eq. 23, molecular-scale temperature)
 *   P = Pb [TM,b / TM]^(g0' M0 / (R* LM,b))               (eq. 33a, LM,b != 0)
 *   P = Pb exp(-g0' M0 (H - Hb) / (R* TM,b))              (eq. 33b, LM,b = 0)
 *   rho = P M0 / (R* TM)                                  (eq. 42)
 *   Cs = sqrt(gamma R* TM / M0)                           (eq. 50)
 *   T = TM M / M0                                         (eq. 21), M/M0 from Table 8 between 80 and
 *                                                         86 km (1 below 80 km), linearly interpolated.
 * Note on the printed tables: Table I below 86 km prints T computed with M = M0 (it lists 188.893 K at
 * 85 km, which is TM), so the printed tables jump by 0.08 K at 86 km. Here `temperatureK` is the kinetic
 * temperature with the Table 8 ratio applied (continuous at 86 km: 186.867 K); it differs from the
 * printed column by at most 0.08 K, only between 80 and 86 km, and TM = T / molecularWeightRatio(Z)
 * reproduces the printed column exactly. Pressure, density and speed of sound do not depend on it.
 *
 * Above 86 km: src/earth/ussa1976Upper.ts (closed-form temperature, printed density and pressure
 * tables). The standard defines no speed of sound there; as agreed for Raijin it is
 * sqrt(gamma R* T / M0) with the kinetic temperature and the sea-level molar mass (274.10 m/s at 86 km,
 * continuous with the value below), so Mach numbers stay defined in the thin upper air.
 *
 * Domain: the standard covers -5 km to 1000 km. The hot-path functions accept any altitude: below
 * -5 km the first layer continues; above 1000 km the logarithms of P and rho are extended linearly (not
 * part of the standard). `ussa1976()` (the public object form) throws RangeError outside [-5, 1000] km.
 */
import { argError, finiteArg, rangeArg } from "../math/check.js";
import { UPPER_BASE_M, UPPER_TOP_M, upperAtmosphereInto } from "./ussa1976Upper.js";

/** The public forms' domain: -5 km to 1000 km geometric altitude. */
function checkAltitude(fn: string, altM: number): void {
  rangeArg(fn, "altM", altM, USSA1976_MIN_ALT_M, USSA1976_MAX_ALT_M, "m");
}

/** Table 2 constants. */
const G0 = 9.80665;
const RSTAR = 8314.32;
const M0 = 28.9644;
const R0_M = 6356766;
const GAMMA = 1.4;
const GMR = (G0 * M0) / RSTAR; // K per m'
const CS2_PER_K = (GAMMA * RSTAR) / M0; // Cs^2 = CS2_PER_K * TM
const RHO_PER_PA_K = M0 / RSTAR; // rho = RHO_PER_PA_K * P / TM

/** Table 4: layer bases (m'), molecular-scale temperature gradients (K/m'). Sea level 288.15 K, 101325 Pa. */
const HB = Float64Array.from([0, 11000, 20000, 32000, 47000, 51000, 71000]);
const LB = Float64Array.from([-0.0065, 0, 0.001, 0.0028, 0, -0.0028, -0.002]);
const TB = new Float64Array(7);
const LNPB = new Float64Array(7);
/** Per layer: g0' M0 / (R* LM,b) for gradient layers, -g0' M0 / (R* TM,b) for isothermal ones. */
const EXPO = new Float64Array(7);
{
  TB[0] = 288.15;
  LNPB[0] = Math.log(101325);
  for (let b = 0; b < 7; b++) {
    EXPO[b] = LB[b] !== 0 ? GMR / LB[b] : -GMR / TB[b];
    if (b < 6) {
      const dh = HB[b + 1] - HB[b];
      TB[b + 1] = TB[b] + LB[b] * dh;
      LNPB[b + 1] = LB[b] !== 0 ? LNPB[b] + EXPO[b] * Math.log(TB[b] / TB[b + 1]) : LNPB[b] + EXPO[b] * dh;
    }
  }
}

/** Table 8: M/M0 at Z = 80.0, 80.5, ..., 86.0 km. */
const M_RATIO = Float64Array.from([
  1.0, 0.999996, 0.999989, 0.999971, 0.999941, 0.999909, 0.99987, 0.999829, 0.999786, 0.999741, 0.999694,
  0.999641, 0.999579,
]);
const M_RATIO_Z0_M = 80000;
const M_RATIO_STEP_M = 500;

/** Geometric altitude (m) -> geopotential altitude (m'), eq. 18 with r0 = 6,356,766 m. */
export function geometricToGeopotentialM(zM: number): number {
  if (!(zM > -R0_M) || zM === Infinity)
    throw argError("geometricToGeopotentialM", "zM", `a finite number > ${-R0_M} m`, zM);
  return (R0_M * zM) / (R0_M + zM);
}

/** Geopotential altitude (m') -> geometric altitude (m), the inverse of eq. 18. */
export function geopotentialToGeometricM(hM: number): number {
  if (!(hM < R0_M) || hM === -Infinity)
    throw argError("geopotentialToGeometricM", "hM", `a finite number < ${R0_M} m`, hM);
  return (R0_M * hM) / (R0_M - hM);
}

/** M/M0 of the standard (Table 8): 1 below 80 km, interpolated to 0.999579 at 86 km; not defined above. */
export function molecularWeightRatio(zM: number): number {
  finiteArg("molecularWeightRatio", "zM", zM);
  if (zM <= M_RATIO_Z0_M) return 1;
  const u = (Math.min(zM, UPPER_BASE_M) - M_RATIO_Z0_M) / M_RATIO_STEP_M;
  const i = Math.min(u | 0, M_RATIO.length - 2);
  const f = u - i;
  return M_RATIO[i] + f * (M_RATIO[i + 1] - M_RATIO[i]);
}

/**
 * Writes [temperatureK, pressurePa, densityKgM3, speedOfSoundMps] at geometric altitude altM into out4.
 * Allocation-free hot path.
 */
export function ussa1976Into<T extends { [index: number]: number }>(altM: number, out4: T): T {
  if (altM <= UPPER_BASE_M) {
    const h = (R0_M * altM) / (R0_M + altM);
    let b = 0;
    while (b < 6 && h >= HB[b + 1]) b++;
    const dh = h - HB[b];
    const tm = TB[b] + LB[b] * dh;
    const lnP = LB[b] !== 0 ? LNPB[b] + EXPO[b] * Math.log(TB[b] / tm) : LNPB[b] + EXPO[b] * dh;
    const p = Math.exp(lnP);
    out4[0] = altM > M_RATIO_Z0_M ? tm * molecularWeightRatio(altM) : tm;
    out4[1] = p;
    out4[2] = (RHO_PER_PA_K * p) / tm;
    out4[3] = Math.sqrt(CS2_PER_K * tm);
    return out4;
  }
  upperAtmosphereInto(altM, out4);
  out4[3] = Math.sqrt(CS2_PER_K * out4[0]);
  return out4;
}

/** The atmosphere state at one altitude (public object form). */
export interface AtmosphereState {
  temperatureK: number;
  pressurePa: number;
  densityKgM3: number;
  speedOfSoundMps: number;
}

/** Lowest and highest altitudes of the standard's tables, m. */
export const USSA1976_MIN_ALT_M = -5000;
export const USSA1976_MAX_ALT_M = UPPER_TOP_M;

/** Public form: the 1976 standard at geometric altitude altM (m), -5 km to 1000 km; RangeError outside. */
export function ussa1976(altM: number): AtmosphereState {
  checkAltitude("ussa1976", altM);
  const o = ussa1976Into(altM, scratch4);
  return { temperatureK: o[0], pressurePa: o[1], densityKgM3: o[2], speedOfSoundMps: o[3] };
}

const scratch4 = new Float64Array(4);

/** Density (kg/m^3) at geometric altitude altM (m); hot-path domain (no throw). */
export function densityKgM3(altM: number): number {
  return ussa1976Into(altM, scratch4)[2];
}

/** Speed of sound (m/s) at geometric altitude altM (m); hot-path domain (no throw). */
export function speedOfSoundMps(altM: number): number {
  return ussa1976Into(altM, scratch4)[3];
}
