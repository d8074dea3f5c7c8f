/**
 * Boost pitch programme (open loop, a function of time only): vertical rise, linear pitch-over ("kick")
 * from 90 deg to the kick pitch, then pitch linear in time to the final pitch, reached half-way between the
 * end of the kick and the end of powered flight and held from there (so the final pitch, the targeting
 * handle, governs the burnout flight-path angle).
 * Pitch is the angle of the thrust above the local (geocentric) horizontal, in the launch plane. A
 * programmed pitch that ends at a chosen angle gives the targeting solver a direct handle on the burnout
 * flight-path angle (the classic "pitch programme" of Zarchan, "Tactical and Strategic Missile Guidance",
 * ch. on ballistic targets, and of sounding-rocket and ICBM boost models).
 *
 * The kinks at the end of the rise and of the kick are time events of the flight, so the integrator never
 * steps across them.
 */
/** Fraction of the post-kick powered flight over which the pitch ramps to its final value. */
export const PITCH_RAMP_FRACTION = 0.5;

export class PitchProgram {
  /** End of the vertical rise, s after launch. */
  riseEndS = 5;
  /** End of the pitch-over, s after launch. */
  kickEndS = 15;
  kickPitchRad = (80 * Math.PI) / 180;
  finalPitchRad = (30 * Math.PI) / 180;
  /** End of powered flight (cut-off or last burnout), s after launch. */
  endS = 100;

  /** Pitch above the horizontal at tRelS seconds after launch, rad. */
  pitchAt(tRelS: number): number {
    if (tRelS <= this.riseEndS) return Math.PI / 2;
    if (tRelS <= this.kickEndS) {
      const f = (tRelS - this.riseEndS) / (this.kickEndS - this.riseEndS);
      return Math.PI / 2 + f * (this.kickPitchRad - Math.PI / 2);
    }
    const span = PITCH_RAMP_FRACTION * (this.endS - this.kickEndS);
    const f = span > 0 ? Math.min(1, (tRelS - this.kickEndS) / span) : 1;
    return this.kickPitchRad + f * (this.finalPitchRad - this.kickPitchRad);
  }
}
