/**
 * The radar equation in reference form. The physical equation for a coherent dwell,
 *     SNR = P_av t_d A_e^2 sigma / (4 pi lambda^2 R^4 k T_s L)
 * (Richards, Fundamentals of Radar Signal Processing, 2nd ed., eq. 2.43 with G = 4 pi A_e / lambda^2;
 * Skolnik, Introduction to Radar Systems, 3rd ed., eq. 2.61), depends on range and cross-section only
 * through sigma / R^4. Everything else folds into one number, fixed by a reference point: the radar
 * reaches SNR_ref against a target of cross-section sigma_ref at range R_ref. Then
 *     SNR(R, sigma) = SNR_ref (sigma / sigma_ref) (R_ref / R)^4,
 * and the range at which a given SNR is reached scales as sigma^(1/4).
 * Public radar descriptions quote exactly this kind of number ("detects a 1 m^2 target at X km"), so the
 * catalog stores reference points and `radarEquationSnr` exists to derive one from hardware numbers.
 */

import { argError, finiteArg, positiveArg } from "../../math/check.js";

/** Boltzmann's constant, J/K (CODATA 2018, exact in the 2019 SI). */
export const BOLTZMANN_J_PER_K = 1.380649e-23;

export interface RadarReference {
  /** Range at which the reference SNR is reached against the reference cross-section, m (> 0). */
  readonly referenceRangeM: number;
  /** Reference radar cross-section, m^2 (> 0); 1 m^2 by convention. */
  readonly referenceRcsM2: number;
  /** Single-look mean SNR at the reference point, dB. */
  readonly referenceSnrDb: number;
}

/** The constant C in SNR = C sigma / R^4 (m^2 per m^2, i.e. m^2 with sigma in m^2 and R in m). */
/** The checks of a reference point: range and cross-section finite and > 0, SNR (dB) finite. */
function checkReference(fn: string, ref: RadarReference): void {
  if (typeof ref !== "object" || ref === null) throw new RangeError(`${fn}: ref must be a radar reference`);
  positiveArg(fn, "ref.referenceRangeM", ref.referenceRangeM);
  positiveArg(fn, "ref.referenceRcsM2", ref.referenceRcsM2);
  finiteArg(fn, "ref.referenceSnrDb", ref.referenceSnrDb);
}

function checkHardware(fn: string, hw: RadarHardware): void {
  if (typeof hw !== "object" || hw === null) throw new RangeError(`${fn}: hw must be radar hardware`);
  for (const k of ["averagePowerW", "dwellTimeS", "apertureM2", "wavelengthM", "systemTemperatureK"] as const)
    positiveArg(fn, `hw.${k}`, hw[k]);
  finiteArg(fn, "hw.lossesDb", hw.lossesDb);
}

/** A cross-section: finite and >= 0 (m^2). */
function checkRcs(fn: string, rcsM2: number): void {
  if (!(rcsM2 >= 0) || rcsM2 === Infinity) throw argError(fn, "rcsM2", "a finite number >= 0 (m^2)", rcsM2);
}

export function radarConstant(ref: RadarReference): number {
  checkReference("radarConstant", ref);
  const r2 = ref.referenceRangeM * ref.referenceRangeM;
  return (10 ** (ref.referenceSnrDb / 10) * r2 * r2) / ref.referenceRcsM2;
}

/** Mean single-look SNR (linear) against cross-section `rcsM2` at slant range `rangeM`. */
export function snrAtRange(ref: RadarReference, rangeM: number, rcsM2: number): number {
  positiveArg("snrAtRange", "rangeM", rangeM);
  checkRcs("snrAtRange", rcsM2);
  const r2 = rangeM * rangeM;
  return (radarConstant(ref) * rcsM2) / (r2 * r2);
}

/** Range (m) at which the mean SNR equals `snrDb` against `rcsM2`: R_ref (sigma SNR_ref / (sigma_ref SNR))^(1/4). */
export function detectionRangeM(ref: RadarReference, rcsM2: number, snrDb: number): number {
  checkRcs("detectionRangeM", rcsM2);
  finiteArg("detectionRangeM", "snrDb", snrDb);
  return (radarConstant(ref) * rcsM2 * 10 ** (-snrDb / 10)) ** 0.25;
}

export interface RadarHardware {
  /** Average transmitted power, W. */
  readonly averagePowerW: number;
  /** Coherent dwell (integration) time, s. */
  readonly dwellTimeS: number;
  /** Effective antenna aperture, m^2. */
  readonly apertureM2: number;
  /** Wavelength, m. */
  readonly wavelengthM: number;
  /** System noise temperature, K. */
  readonly systemTemperatureK: number;
  /** Total losses, dB (>= 0). */
  readonly lossesDb: number;
}

/** SNR (linear) from the physical radar equation above (Richards eq. 2.43), monostatic, same antenna. */
export function radarEquationSnr(hw: RadarHardware, rangeM: number, rcsM2: number): number {
  checkHardware("radarEquationSnr", hw);
  positiveArg("radarEquationSnr", "rangeM", rangeM);
  checkRcs("radarEquationSnr", rcsM2);
  const r2 = rangeM * rangeM;
  return (
    (hw.averagePowerW * hw.dwellTimeS * hw.apertureM2 * hw.apertureM2 * rcsM2) /
    (4 *
      Math.PI *
      hw.wavelengthM *
      hw.wavelengthM *
      r2 *
      r2 *
      BOLTZMANN_J_PER_K *
      hw.systemTemperatureK *
      10 ** (hw.lossesDb / 10))
  );
}

/** The reference point of a radar described by its hardware: the range at which it reaches `snrDb` on `rcsM2`. */
export function referenceFromHardware(hw: RadarHardware, rcsM2 = 1, snrDb = 13): RadarReference {
  positiveArg("referenceFromHardware", "rcsM2", rcsM2);
  finiteArg("referenceFromHardware", "snrDb", snrDb);
  const snrAt1m = radarEquationSnr(hw, 1, rcsM2);
  return {
    referenceRangeM: (snrAt1m * 10 ** (-snrDb / 10)) ** 0.25,
    referenceRcsM2: rcsM2,
    referenceSnrDb: snrDb,
  };
}
