/**
 * Planck's law and its band integral.
 *
 * Spectral radiance of a blackbody, W / (m^2 sr m):
 *     L_lambda(T) = 2 h c^2 / lambda^5 / (exp(c2 / (lambda T)) - 1),   c2 = h c / k.
 * Band radiance between wavelengths l1 < l2, with x = c2 / (lambda T):
 *     L_band = (2 k^4 T^4 / (h^3 c^2)) [F(x2) - F(x1)],   F(x) = integral_x^inf t^3 / (e^t - 1) dt,
 * and F(0) = pi^4 / 15 recovers the total sigma T^4 / pi.
 * F is evaluated by the series of Widger & Woodall, "Integration of the Planck blackbody radiation
 * function", Bulletin of the American Meteorological Society 57(10), 1976:
 *     F(x) = sum_{n>=1} e^{-n x} (x^3/n + 3 x^2/n^2 + 6 x/n^3 + 6/n^4)      (used for x >= 2),
 * and for x < 2 by the complement pi^4/15 - integral_0^x, with the Bernoulli expansion
 * t / (e^t - 1) = sum_k B_k t^k / k! integrated term by term (converges for x < 2 pi), with
 * B_2j / (2j)! = (-1)^(j+1) 2 zeta(2j) / (2 pi)^(2j) (Abramowitz & Stegun 23.2.16).
 * Both branches are accurate to about 1e-15 relative to pi^4/15.
 *
 * Constants: 2019 SI exact values of h, c, k (BIPM SI Brochure, 9th ed.); sigma = 2 pi^5 k^4 / (15 h^3 c^2).
 */

export const PLANCK_H_JS = 6.62607015e-34;
export const BOLTZMANN_K_JK = 1.380649e-23;
export const LIGHT_C_MPS = 299792458;
/** Second radiation constant h c / k, m K (= 1.438776877e-2). */
export const C2_MK = (PLANCK_H_JS * LIGHT_C_MPS) / BOLTZMANN_K_JK;
/** Stefan-Boltzmann constant, W / (m^2 K^4) (= 5.670374419e-8, CODATA 2018). */
export const STEFAN_BOLTZMANN =
  (2 * Math.PI ** 5 * BOLTZMANN_K_JK ** 4) / (15 * PLANCK_H_JS ** 3 * LIGHT_C_MPS ** 2);

const PI4_OVER_15 = Math.PI ** 4 / 15;

/** Coefficients c_k of t^3/(e^t - 1) = sum c_k t^(k+2), c_k = B_k / k!, k = 0..40. */
const BERNOULLI_OVER_FACTORIAL = (() => {
  const c = new Float64Array(41);
  c[0] = 1;
  c[1] = -0.5;
  for (let j = 1; 2 * j <= 40; j++) {
    // zeta(s), s = 2j: direct sum to N plus the Euler-Maclaurin tail N^(1-s)/(s-1) - N^-s/2 + s N^(-s-1)/12
    // (truncation error ~ s^3 N^(-s-3) / 720, below 1e-17 here).
    const sExp = 2 * j;
    const N = 1000;
    let zeta = 0;
    for (let n = 1; n < N; n++) zeta += n ** -sExp;
    zeta += N ** (1 - sExp) / (sExp - 1) + 0.5 * N ** -sExp + (sExp * N ** (-sExp - 1)) / 12;
    c[2 * j] = ((j % 2 === 1 ? 1 : -1) * 2 * zeta) / (2 * Math.PI) ** (2 * j);
  }
  return c;
})();

/** F(x) = integral from x to infinity of t^3 / (e^t - 1) dt, x >= 0. */
export function planckTailIntegral(x: number): number {
  if (!(x >= 0)) throw new RangeError(`planckTailIntegral: x must be >= 0, got ${x}`);
  if (x >= 2) {
    let sum = 0;
    for (let n = 1; n <= 60; n++) {
      const e = Math.exp(-n * x);
      const term =
        e * ((x * x * x) / n + (3 * x * x) / (n * n) + (6 * x) / (n * n * n) + 6 / (n * n * n * n));
      sum += term;
      if (term < 1e-17 * sum) break;
    }
    return sum;
  }
  // integral_0^x sum_k c_k t^(k+2) dt = sum_k c_k x^(k+3) / (k+3)
  let head = 0;
  let p = x * x * x;
  for (let k = 0; k <= 40; k++) {
    head += (BERNOULLI_OVER_FACTORIAL[k] * p) / (k + 3);
    p *= x;
  }
  return PI4_OVER_15 - head;
}

/** Spectral radiance L_lambda(T), W / (m^2 sr m), at wavelength `wavelengthM`. */
export function planckSpectralRadiance(wavelengthM: number, temperatureK: number): number {
  const l5 = wavelengthM ** 5;
  return (
    (2 * PLANCK_H_JS * LIGHT_C_MPS * LIGHT_C_MPS) / l5 / Math.expm1(C2_MK / (wavelengthM * temperatureK))
  );
}

/** Fraction of the total blackbody exitance emitted at wavelengths below `wavelengthM` at `temperatureK`. */
export function blackbodyFractionBelow(wavelengthM: number, temperatureK: number): number {
  if (wavelengthM <= 0 || temperatureK <= 0) return 0;
  return planckTailIntegral(C2_MK / (wavelengthM * temperatureK)) / PI4_OVER_15;
}

/** Band radiance of a blackbody between `lowerM` and `upperM` (wavelengths, m), W / (m^2 sr). */
export function bandRadiance(lowerM: number, upperM: number, temperatureK: number): number {
  if (!(temperatureK > 0)) return 0;
  const total = (STEFAN_BOLTZMANN * temperatureK ** 4) / Math.PI;
  const f = blackbodyFractionBelow(upperM, temperatureK) - blackbodyFractionBelow(lowerM, temperatureK);
  return total * f;
}
