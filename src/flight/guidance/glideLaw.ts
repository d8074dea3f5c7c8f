/**
 * Glide guidance parameters and the scalar pieces of the law (the vector geometry is in glide.ts).
 * The law is a smooth function of the state and time, evaluated inside the right-hand side: no
 * controller state is carried from step to step.
 *
 * - Range control: the L/D needed to cover the range to go in equilibrium glide down to the glide-end
 *   speed, from the equilibrium-glide range on a rotating Earth (glideDistancePerLiftToDragM below; on a
 *   non-rotating Earth s = (r/2)(L/D) ln((1 - vf^2/vc^2)/(1 - v^2/vc^2)), Tracy & Wright 2020, after Vinh
 *   1981), solved for L/D; divided by cos(bank) (only the vertical lift component sustains the glide);
 *   saturated by the table's L/D range; mapped to an angle of attack on the high-alpha branch of the table.
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
  /**
   * Energy management (bank reversals): when even the steepest L/D of the table, flown at the heading
   * law's bank, leaves the glide more vertical L/D than the range to go needs, the law banks further,
   * cos(bank) = (L/D needed) / (L/D at the largest alpha), down to minEnergyBankCos, on the side of
   * reversalSign (+1 right), which the flight's reversal events flip each time the heading error leaves
   * the corridor +-reversalHeadingErr (as 2 tan(dpsi/2), the law's heading-error measure).
   */
  reversalSign = 1;
  reversalHeadingErr = 2 * Math.tan((5 * Math.PI) / 180);
  /** cos of the largest energy-management bank (70 deg, notional). */
  minEnergyBankCos = Math.cos((70 * Math.PI) / 180);
  // Manoeuvres (scenario times).
  weaveAmplitudeRad = 0;
  weavePeriodS = 60;
  weaveStartS = -Infinity;
  jinkBankRad = 0;
  jinkStartS = 0;
  jinkEndS = 0;
  jinkRampS = 5;

  setBankMax(rad: number): void {
    if (!(rad > 0 && rad < Math.PI / 2))
      throw new RangeError(`GlideLaw.setBankMax: rad must be a bank limit in (0, pi/2), given ${rad}`);
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
 * Distance an equilibrium glide covers per unit of L/D from speed v0 down to vf, m (the range is L/D
 * times this), on a rotating Earth. With constant L/D, lift balancing the net downward acceleration and
 * drag the only deceleration, dV/ds = -(g' - b V - V^2/r) / ((L/D) V), where
 *   g' = mu / r^2 - omega^2 (x^2 + y^2) / r   (gravity less the vertical part of the centrifugal term),
 *   b V = the vertical part of the Coriolis term, b = 2 omega cos(lat) sin(azimuth) = 2 omega n_z with n
 *   the unit normal of the flight's great circle (Clairaut's constant: b is constant along the glide).
 * With Vc > 0 > V2 the roots of V^2 + b r V - g' r = 0 (Vc the circular speed of the rotating frame on
 * this heading: below the inertial one flying east, above it flying west), partial fractions give
 *   s / (L/D) = r [Vc ln((Vc - vf)/(Vc - v0)) + V2 ln((v0 - V2)/(vf - V2))] / (Vc - V2),
 * which for b = 0 is the classical (r/2) ln((Vc^2 - vf^2)/(Vc^2 - v0^2)) (Vinh 1981; Tracy & Wright 2020).
 * The centrifugal term's along-track part (work done flying towards or away from the axis, under 1 %
 * of the kinetic energy) is neglected. Infinity when v0 is at or above Vc (no equilibrium glide).
 */
export function glideDistancePerLiftToDragM(
  v0Mps: number,
  vfMps: number,
  rM: number,
  gPrimeMps2: number,
  bPerS: number,
): number {
  const br = bPerS * rM;
  const disc = Math.sqrt(br * br + 4 * gPrimeMps2 * rM);
  const vc = 0.5 * (disc - br);
  const v2 = -0.5 * (disc + br);
  if (!(v0Mps < vc)) return Infinity;
  return (
    (rM * (vc * Math.log((vc - vfMps) / (vc - v0Mps)) + v2 * Math.log((v0Mps - v2) / (vfMps - v2)))) / disc
  );
}

/**
 * L/D needed to glide `rangeToGoM` in equilibrium from speed v down to vf at radius r on a rotating
 * Earth (g' and b as in glideDistancePerLiftToDragM). Infinity when the speed is at or below the
 * glide-end speed, or at or above the rotating frame's circular speed; 0 when no range is left.
 */
export function requiredLiftToDrag(
  rangeToGoM: number,
  rM: number,
  vMps: number,
  vfMps: number,
  gPrimeMps2: number,
  bPerS: number,
): number {
  const br = bPerS * rM;
  const disc = Math.sqrt(br * br + 4 * gPrimeMps2 * rM);
  const vc = 0.5 * (disc - br);
  const v2 = -0.5 * (disc + br);
  if (!(vMps > vfMps) || !(vMps < vc)) return Infinity;
  if (rangeToGoM <= 0) return 0;
  return (
    rangeToGoM /
    ((rM * (vc * Math.log((vc - vfMps) / (vc - vMps)) + v2 * Math.log((vMps - v2) / (vfMps - v2)))) / disc)
  );
}
