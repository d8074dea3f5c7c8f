import { finiteVec3Arg } from "../../math/check.js";

/**
 * The aimpoint a threat's guidance laws and detectors share (glide, cruise, dive, the range-to-go event):
 * ECEF position, its unit vector and radius, changed in one place by a retarget.
 */
export class Aimpoint {
  readonly ecef = new Float64Array(3);
  readonly unit = new Float64Array(3);
  /** Geocentric radius of the aimpoint, m (the mean Earth radius until one is set). */
  radiusM = 6.371e6;
  /** Whether an aimpoint is set (without one the laws fly free: no range to go, no heading to hold). */
  isSet = false;

  set(pEcef: ArrayLike<number>): void {
    finiteVec3Arg("Aimpoint.set", "pEcef", pEcef);
    const t = this.ecef;
    t[0] = pEcef[0];
    t[1] = pEcef[1];
    t[2] = pEcef[2];
    const r = Math.hypot(t[0], t[1], t[2]);
    if (!(r > 0))
      throw new RangeError("Aimpoint.set: pEcef must not be the Earth's centre (no aimpoint there)");
    this.radiusM = r;
    this.unit[0] = t[0] / r;
    this.unit[1] = t[1] / r;
    this.unit[2] = t[2] / r;
    this.isSet = true;
  }
}
