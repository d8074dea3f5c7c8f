/**
 * Radar measurement noise that scales with signal-to-noise ratio, with floors for everything the
 * thermal term does not cover (calibration, multipath, quantisation, bias residuals).
 *
 * Thermal (Cramer-Rao-like) accuracies for a single look of mean SNR S (linear), after
 * Skolnik, Introduction to Radar Systems, 3rd ed., sec. 6.3 ("theoretical accuracy of radar
 * measurements"), and Barton, Radar System Analysis and Modeling, 2005, ch. 18:
 *   range:       sigma_R  = dR / sqrt(2 S),            dR = c / (2 B) the range resolution
 *   angle:       sigma_th = theta_3 / (k_m sqrt(2 S)),  theta_3 the 3-dB beamwidth, k_m ~ 1.6 (monopulse slope)
 *   range rate:  sigma_v  = lambda / (2 t_d sqrt(2 S)), t_d the coherent dwell
 * Each is combined in quadrature with its floor: sigma = sqrt(thermal^2 + floor^2).
 *
 * The angle error is a cross-range (physical) angle; the azimuth coordinate error is that angle
 * divided by cos(elevation), since an azimuth step subtends cos(el) of arc. cos(el) is clamped at
 * 0.05 (within 2.9 degrees of the zenith) so the variance stays finite; the covariance a detection
 * carries is always the one its noise was drawn from.
 */

/** Speed of light in vacuum, m/s (exact, SI). */
export const SPEED_OF_LIGHT_MPS = 299792458;

export interface RadarNoiseParams {
  /** Signal bandwidth, Hz (> 0): range resolution c / (2 B). */
  readonly bandwidthHz: number;
  /** 3-dB beamwidth (two-way, at broadside), rad (> 0). */
  readonly beamwidthRad: number;
  /** Monopulse slope k_m (dimensionless, about 1.2-2); 1.6 is Barton's typical value. */
  readonly monopulseSlope: number;
  /** Wavelength, m. */
  readonly wavelengthM: number;
  /** Coherent dwell time for the range-rate measurement, s. */
  readonly dwellTimeS: number;
  /** Floors (one-sigma), combined in quadrature with the thermal terms. */
  readonly rangeFloorM: number;
  readonly angleFloorRad: number;
  readonly rangeRateFloorMps: number;
}

const MIN_COS_EL = 0.05;

/**
 * One-sigma errors [range m, azimuth rad, elevation rad, range rate m/s] for a look of mean SNR `snr`
 * (linear) at elevation `elevationRad`, written into `out` (length >= 4).
 */
export function radarSigmasInto(
  p: RadarNoiseParams,
  snr: number,
  elevationRad: number,
  out: Float64Array,
): Float64Array {
  const root = Math.sqrt(2 * Math.max(snr, 1e-12));
  const rangeRes = SPEED_OF_LIGHT_MPS / (2 * p.bandwidthHz);
  const sr = rangeRes / root;
  const sa = p.beamwidthRad / (p.monopulseSlope * root);
  const sv = p.wavelengthM / (2 * p.dwellTimeS * root);
  const angle = Math.sqrt(sa * sa + p.angleFloorRad * p.angleFloorRad);
  const cosEl = Math.max(Math.cos(elevationRad), MIN_COS_EL);
  out[0] = Math.sqrt(sr * sr + p.rangeFloorM * p.rangeFloorM);
  out[1] = angle / cosEl;
  out[2] = angle;
  out[3] = Math.sqrt(sv * sv + p.rangeRateFloorMps * p.rangeRateFloorMps);
  return out;
}
