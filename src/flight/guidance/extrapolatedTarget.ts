/**
 * The target a homing law steers at between updates (TargetedGuidanceLaw.setTarget): its last ECEF
 * position, velocity and acceleration, extrapolated at constant acceleration,
 *   p(t) = p0 + (t - t0) v0 + (t - t0)^2 a0 / 2,   v(t) = v0 + (t - t0) a0,
 * so the right-hand side stays smooth between updates. Shared by proportional navigation and the
 * zero-effort-miss midcourse law.
 */
export class ExtrapolatedTarget {
  readonly p0 = new Float64Array(3);
  readonly v0 = new Float64Array(3);
  /** Acceleration, m/s^2 (zero when the update gave none). */
  readonly a0 = new Float64Array(3);
  t0 = 0;
  isSet = false;

  /** Takes an update; `owner` names the law in the RangeError a non-finite state gets. */
  set(
    owner: string,
    posEcefM: ArrayLike<number>,
    velEcefMps: ArrayLike<number>,
    accEcefMps2: ArrayLike<number> | null,
    timeS: number,
  ): void {
    if (!Number.isFinite(timeS)) throw new RangeError(`${owner}.setTarget: timeS ${timeS}`);
    for (let i = 0; i < 3; i++) {
      const a = accEcefMps2 === null ? 0 : accEcefMps2[i];
      if (!Number.isFinite(posEcefM[i]) || !Number.isFinite(velEcefMps[i]) || !Number.isFinite(a))
        throw new RangeError(`${owner}.setTarget: the target state must be finite`);
      this.p0[i] = posEcefM[i];
      this.v0[i] = velEcefMps[i];
      this.a0[i] = a;
    }
    this.t0 = timeS;
    this.isSet = true;
  }

  /** The extrapolated position and velocity at tS into pos and vel (ECEF). */
  stateAt(tS: number, pos: Float64Array, vel: Float64Array): void {
    const dt = tS - this.t0;
    for (let i = 0; i < 3; i++) {
      pos[i] = this.p0[i] + dt * (this.v0[i] + 0.5 * dt * this.a0[i]);
      vel[i] = this.v0[i] + dt * this.a0[i];
    }
  }

  /**
   * The target relative to a vehicle whose state y holds position (0..2) and velocity (3..5) at tS:
   * out[0..2] = p(tS) - position, out[3..5] = v(tS) - velocity.
   */
  relativeInto(tS: number, y: ArrayLike<number>, out: Float64Array): void {
    const dt = tS - this.t0;
    for (let i = 0; i < 3; i++) {
      out[i] = this.p0[i] + dt * (this.v0[i] + 0.5 * dt * this.a0[i]) - y[i];
      out[3 + i] = this.v0[i] + dt * this.a0[i] - y[3 + i];
    }
  }
}
