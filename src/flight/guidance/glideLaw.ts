/**
 * Glide guidance parameters and the scalar pieces of the law (the vector geometry is in dynamics.ts).
 * The law is a smooth function of the state and time, evaluated inside the right-hand side: no
 * controller state is carried from step to step.
 *
 * - Range control: the L/D needed to cover the range to go in equilibrium glide down to the glide-end
 *   speed, from s = (r/2)(L/D) ln((1 - vf^2/vc^2)/(1 - v^2/vc^2)) (Tracy & Wright 2020, after Vinh 1981),
 *   solved for L/D; divided by cos(bank) (only the vertical lift component sustains the glide); saturated
 *   by the table's L/D range; mapped to an angle of attack on the high-alpha branch of the table.
 * - Phugoid damping: C_L scaled by (1 - k (v_r - v_r,eq) / g_eff), g_eff = g - V^2/r, so the vertical
 *   acceleration changes by about -k (v_r - v_r,eq); v_r,eq = -2 H g_eff / (V L/D) is the slow sink rate of an
 *   equilibrium glide in an exponential atmosphere of scale height H (d ln rho_eq / dt = 2 dV/V/dt).
 * - Heading: tan(bank) = T u / sqrt(1 + u^2) with u = K e / T, T = tan(bankMax), e = 2 tan(dpsi/2) (dpsi the
 *   heading error to the great circle to the aimpoint, signed from a cross product: no discontinuity), so
 *   bank = K dpsi for small errors and saturates smoothly at bankMax, with no trigonometric call; plus an
 *   optional weave (sinusoidal bank) or jink (a bank step with smooth C1 ramps).
 */

/** Nominal density scale height used only for the equilibrium sink rate in the damping term, m (USSA76, 30-60 km: 6.5-8 km). */
export const GLIDE_SCALE_HEIGHT_M = 7000;

export class GlideLaw {
  /** Bank limit for heading control (set through setBankMax, which keeps its tangent). */
  bankMaxRad = (45 * Math.PI) / 180;
  tanBankMax = 1;
  headingGain = 2;
  /** 1/s. */
  altitudeRateGain = 0.05;
  glideEndSpeedMps = 2000;
  diveRangeM = 80_000;
  pullUpAlphaRad = (20 * Math.PI) / 180;
  navigationConstant = 4;
  // Manoeuvres (scenario times).
  weaveAmplitudeRad = 0;
  weavePeriodS = 60;
  weaveStartS = -Infinity;
  jinkBankRad = 0;
  jinkStartS = 0;
  jinkEndS = 0;
  jinkRampS = 5;

  setBankMax(rad: number): void {
    if (!(rad > 0 && rad < Math.PI / 2)) throw new RangeError("bank limit must be in (0, 90) deg");
    this.bankMaxRad = rad;
    this.tanBankMax = Math.tan(rad);
  }

  /** Whether a weave or a jink is set (the right-hand side skips manoeuvreBankRad otherwise). */
  hasManoeuvre(): boolean {
    return this.weaveAmplitudeRad !== 0 || this.jinkBankRad !== 0;
  }

  /** Manoeuvre bank added to the heading bank at time tS, rad. */
  manoeuvreBankRad(tS: number): number {
    let b = 0;
    if (this.weaveAmplitudeRad !== 0 && tS >= this.weaveStartS) {
      b += this.weaveAmplitudeRad * Math.sin((2 * Math.PI * (tS - this.weaveStartS)) / this.weavePeriodS);
    }
    if (
      this.jinkBankRad !== 0 &&
      tS > this.jinkStartS - this.jinkRampS &&
      tS < this.jinkEndS + this.jinkRampS
    ) {
      b +=
        this.jinkBankRad *
        smoothStep((tS - this.jinkStartS) / this.jinkRampS + 0.5) *
        smoothStep((this.jinkEndS - tS) / this.jinkRampS + 0.5);
    }
    return b;
  }
}

/** C1 step: 0 below 0, 1 above 1, 3x^2 - 2x^3 between. */
export function smoothStep(x: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  return x * x * (3 - 2 * x);
}

/**
 * L/D needed to glide `rangeToGoM` in equilibrium from speed^2 = v2 down to vf2 at radius r, circular
 * speed squared vc2 = mu / r. Infinity when the speed is already at or below the glide-end speed.
 */
export function requiredLiftToDrag(
  rangeToGoM: number,
  rM: number,
  v2: number,
  vf2: number,
  vc2: number,
): number {
  const ivc2 = 1 / vc2;
  const x = v2 * ivc2;
  const xf = vf2 * ivc2;
  if (!(x > xf) || x >= 1) return Infinity;
  if (rangeToGoM <= 0) return 0;
  return (2 * rangeToGoM) / (rM * Math.log((1 - xf) / (1 - x)));
}
