/**
 * A lifting body held at a fixed angle of attack with zero bank: lift in the vertical plane of the
 * velocity, along u = the local geocentric vertical's component perpendicular to v (the glider's
 * midcourse and re-entry, and its pull-up into the glide at the pull-up angle of attack).
 */
import { argError } from "../../math/check.js";
import { LIFT_ALPHA, type FlightContext, type GuidanceCommand } from "../propagation/context.js";
import type { GuidanceLaw } from "../propagation/types.js";

export class FixedAttitudeGuidance implements GuidanceLaw {
  readonly name = "fixed-attitude";
  readonly needsAir = true;
  alphaRad: number;

  constructor(alphaRad: number) {
    if (!(alphaRad > -Math.PI / 2 && alphaRad < Math.PI / 2))
      throw argError(
        "FixedAttitudeGuidance",
        "alphaRad",
        "an angle of attack in (-pi/2, pi/2) rad",
        alphaRad,
      );
    this.alphaRad = alphaRad;
  }

  command(ctx: FlightContext, _tS: number, y: Float64Array, cmd: GuidanceCommand): void {
    cmd.liftMode = LIFT_ALPHA;
    cmd.alphaRad = this.alphaRad;
    liftPlaneInto(ctx.speedMps, y, cmd.liftDir);
  }
}

/**
 * u = the component of the local geocentric vertical r/|r| perpendicular to v, normalised, into out (the
 * zero-bank lift direction; the arithmetic of the glide laws, so the paths agree bit for bit).
 */
export function liftPlaneInto(speedMps: number, y: Float64Array, out: Float64Array): void {
  const x = y[0];
  const yy = y[1];
  const z = y[2];
  const vx = y[3];
  const vy = y[4];
  const vz = y[5];
  const r2 = x * x + yy * yy + z * z;
  const ir = 1 / Math.sqrt(r2);
  const ux = x * ir;
  const uy = yy * ir;
  const uz = z * ir;
  const vr = vx * ux + vy * uy + vz * uz;
  const ivs = 1 / speedMps;
  const vhx = vx * ivs;
  const vhy = vy * ivs;
  const vhz = vz * ivs;
  const cu = vr * ivs;
  let px = ux - cu * vhx;
  let py = uy - cu * vhy;
  let pz = uz - cu * vhz;
  const ipn = 1 / Math.sqrt(px * px + py * py + pz * pz);
  px *= ipn;
  py *= ipn;
  pz *= ipn;
  out[0] = px;
  out[1] = py;
  out[2] = pz;
}
