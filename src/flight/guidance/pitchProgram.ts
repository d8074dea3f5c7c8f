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
import { finiteArg, finiteVec3Arg } from "../../math/check.js";
import type { FlightContext, GuidanceCommand } from "../propagation/context.js";
import type { GuidanceLaw } from "../propagation/types.js";

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

/**
 * The pitch programme as a guidance law: thrust at pitch(t - launch) above the local geocentric horizontal,
 * in the launch plane (unit normal n, ECEF): d = normalize(n x r_hat) downrange,
 * thrust direction cos(pitch) d + sin(pitch) r_hat.
 */
export class PitchProgramGuidance implements GuidanceLaw {
  readonly name = "pitch-programme";
  readonly needsAir = false;
  readonly program: PitchProgram;
  launchTimeS: number;
  readonly planeNormal: Float64Array;

  constructor(program: PitchProgram, launchTimeS: number, planeNormal: ArrayLike<number>) {
    finiteArg("PitchProgramGuidance", "launchTimeS", launchTimeS);
    finiteVec3Arg("PitchProgramGuidance", "planeNormal", planeNormal);
    if (planeNormal[0] === 0 && planeNormal[1] === 0 && planeNormal[2] === 0)
      throw new RangeError("PitchProgramGuidance: planeNormal must not be the zero vector");
    this.program = program;
    this.launchTimeS = launchTimeS;
    this.planeNormal = Float64Array.from(planeNormal);
  }

  command(_ctx: FlightContext, tS: number, y: Float64Array, cmd: GuidanceCommand): void {
    const x = y[0];
    const yy = y[1];
    const z = y[2];
    const r = Math.sqrt(x * x + yy * yy + z * z);
    const ux = x / r;
    const uy = yy / r;
    const uz = z / r;
    const n = this.planeNormal;
    let dx = n[1] * uz - n[2] * uy;
    let dy = n[2] * ux - n[0] * uz;
    let dz = n[0] * uy - n[1] * ux;
    const dn = Math.sqrt(dx * dx + dy * dy + dz * dz);
    dx /= dn;
    dy /= dn;
    dz /= dn;
    const th = this.program.pitchAt(tS - this.launchTimeS);
    const c = Math.cos(th);
    const s = Math.sin(th);
    const d = cmd.thrustDir;
    d[0] = c * dx + s * ux;
    d[1] = c * dy + s * uy;
    d[2] = c * dz + s * uz;
    cmd.thrustDirSet = true;
  }
}
