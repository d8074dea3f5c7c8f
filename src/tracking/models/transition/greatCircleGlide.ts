/**
 * Great-circle glide: a planning prediction for a lifting target (a boost-glide vehicle in its glide, a
 * cruise missile), state [px, py, pz, vx, vy, vz] (ECEF, m, m/s). A glider's lift holds it near its
 * altitude while the Earth curves away below it, and its drag slows it, which a straight line (the
 * constant-velocity model) does not: over 120 s of a 3,000 km glide (tests/tracking/
 * greatCircleGlide.test.ts) the line ends 6-21 km above the glider (curvature, d^2 / 2R = 6.5 km at
 * 2.4 km/s, and the climb rate of a phugoid carried on) and 26-27 km from it (a drag of 3-4 m/s^2).
 * This model flies the state instead along the great circle of its horizontal velocity, its ground
 * speed changing at a constant along-track acceleration a (the planner's estimate of the glider's drag,
 * `alongTrackAccelMps2`, set before each prediction; a cruise missile's is near 0), its altitude rate
 * relaxing, as an equilibrium-glide law damps it, to the equilibrium glide's sink rate:
 *   r(t) = r0 + w t + (v_r - w) tau (1 - e^(-t/tau)),  s(t) = |v_h| t + a t^2 / 2 (until the speed is 0),
 *   theta(t) = s(t) / r0,  p(t) = r(t) (cos theta u + sin theta e),
 *   v(t) = r'(t) (cos theta u + sin theta e) + r(t) theta'(t) (-sin theta u + cos theta e),
 * u = p0 / r0 the radial unit vector, v_r = v0 . u, v_h = v0 - v_r u, e = v_h / |v_h| (so v(t) is the
 * derivative of p(t), and the ground speed at the reference radius r0 is |v_h| + a t). The sink rate w
 * keeps the lift of the slowing glider equal to its weight less the centrifugal relief: with an
 * exponential atmosphere of scale height H, rho V^2 proportional to g - V^2 / r gives
 *   w = dh/dt = 2 H (a / V) / (1 - V^2 / V_c^2),  V_c^2 = GM / r0, V = |v_h|
 * (Eggers' equilibrium glide; H = 7 km, the glide law's own figure, guidance/glideLaw.ts): about
 * -22 m/s for a 2.4 km/s glider slowing at 3.5 m/s^2, as the flight model's glide descends. tau is the
 * time constant of the glide law's altitude-rate loop: its phugoid damping scales lift by
 * 1 - k v_r / g, a vertical acceleration of -k v_r, so v_r decays as e^(-k t) and tau = 1 / k
 * (src/flight/guidance/glide.ts; the catalog gliders' k = 0.05 /s, tau = 20 s). At t = 0 the state is
 * returned as it is. With a = 0 two predictions in a row are one over their sum (to rounding); with
 * a drag the second starts from the slower speed (its sink rate and reference radius are those at its
 * start), so a prediction in short steps follows the slowing glide's steepening sink more closely than
 * one step.
 * It is a planning assumption, not the vehicle's dynamics: a glider's next manoeuvre (a turn, a pull-up,
 * the dive) is not in its track, which is why the battle manager predicts lifting tracks at most two
 * minutes ahead (engagement/battleManager.ts).
 *
 * F(x, dt): central differences of f (a step of 1e-6 of the radius on positions and 1e-4 of the speed
 * on velocities, both at least 1e-3: f is smooth on the scale of the radius and the speed, so the
 * truncation error is about 1e-12 of an entry). Q(dt): white acceleration noise of spectral density q
 * per axis, the constant-velocity model's CWNA blocks (Bar-Shalom et al. 2001 section 6.2.2),
 * computed by that model: across and along the track the covariance grows as that model's would;
 * vertically the altitude-rate loop damps a velocity error (tests/weapons/liftingPrediction.test.ts).
 */
import { finiteArg, nonNegativeArg, positiveArg } from "../../../math/check.js";
import type { NonlinearTransitionModel } from "../../types.js";
import { STATE_NAMES } from "../../types.js";
import { ConstantVelocityModel } from "./constantVelocity.js";
import { WGS84_GM_M3S2 } from "../../../earth/wgs84.js";
import { GLIDE_SCALE_HEIGHT_M } from "../../../flight/guidance/glideLaw.js";

export interface GreatCircleGlideOptions {
  /** Continuous white-acceleration spectral density q, m^2/s^3 per axis; default 1. */
  accelPsdM2S3?: number;
  /** Time constant of the altitude rate's decay, s (1 / the glide law's altitude-rate gain); default 20. */
  altitudeRateTimeS?: number;
}

/**
 * Least 1 - V^2 / V_c^2 in the sink rate (V at most 0.95 V_c): near orbital speed the equilibrium glide
 * needs almost no lift and its sink rate formula diverges; a glider there is a planning case this model
 * does not claim.
 */
const MIN_LIFT_FRACTION = 0.1;

/** The catalog gliders' altitude-rate gain is 0.05 /s (src/flight/catalog/gliders.ts): tau = 20 s. */
const DEFAULT_ALTITUDE_RATE_TIME_S = 20;

export class GreatCircleGlideModel implements NonlinearTransitionModel {
  readonly ndim = 6;
  readonly stateNames: readonly string[] = [...STATE_NAMES.position, ...STATE_NAMES.velocity];
  readonly accelPsdM2S3: number;
  readonly altitudeRateTimeS: number;
  private along = 0;
  /** The constant-velocity model whose CWNA blocks are this model's process noise. */
  private readonly noise: ConstantVelocityModel;
  private readonly xp = new Float64Array(6);
  private readonly fp = new Float64Array(6);
  private readonly fm = new Float64Array(6);

  constructor(options: GreatCircleGlideOptions = {}) {
    this.accelPsdM2S3 = nonNegativeArg(
      "GreatCircleGlideModel",
      "options.accelPsdM2S3",
      options.accelPsdM2S3 ?? 1,
    );
    this.altitudeRateTimeS = positiveArg(
      "GreatCircleGlideModel",
      "options.altitudeRateTimeS",
      options.altitudeRateTimeS ?? DEFAULT_ALTITUDE_RATE_TIME_S,
    );
    this.noise = new ConstantVelocityModel({ psdM2S3: this.accelPsdM2S3 });
  }

  /**
   * Along-track acceleration of the ground speed, m/s^2 (negative: drag), for the next predictions: a
   * planner's estimate for the track it predicts (0 by default: constant ground speed). A RangeError
   * names a value that is not finite.
   */
  get alongTrackAccelMps2(): number {
    return this.along;
  }

  set alongTrackAccelMps2(a: number) {
    this.along = finiteArg("GreatCircleGlideModel", "alongTrackAccelMps2", a);
  }

  f(x: Float64Array, dtS: number): Float64Array {
    return this.fInto(x, dtS, new Float64Array(6));
  }

  F(x: Float64Array, dtS: number): Float64Array {
    return this.FInto(x, dtS, new Float64Array(36));
  }

  Q(dtS: number): Float64Array {
    return this.QInto(dtS, new Float64Array(36));
  }

  fInto(x: Float64Array, dtS: number, out: Float64Array): Float64Array {
    const px = x[0];
    const py = x[1];
    const pz = x[2];
    const vx = x[3];
    const vy = x[4];
    const vz = x[5];
    const r0 = Math.sqrt(px * px + py * py + pz * pz);
    if (dtS === 0 || !(r0 > 0)) {
      for (let i = 0; i < 6; i++) out[i] = x[i];
      return out;
    }
    const ux = px / r0;
    const uy = py / r0;
    const uz = pz / r0;
    const vr = vx * ux + vy * uy + vz * uz;
    let ex = vx - vr * ux;
    let ey = vy - vr * uy;
    let ez = vz - vr * uz;
    const vh = Math.sqrt(ex * ex + ey * ey + ez * ez);
    if (vh > 0) {
      ex /= vh;
      ey /= vh;
      ez /= vh;
    }
    // Altitude rate relaxing from v_r to the equilibrium glide's sink rate.
    const a = this.along;
    const vc2 = WGS84_GM_M3S2 / r0;
    const sink =
      vh > 0 ? (2 * GLIDE_SCALE_HEIGHT_M * a) / (vh * Math.max(MIN_LIFT_FRACTION, 1 - (vh * vh) / vc2)) : 0;
    // Along the track: ground speed vh + a t, held at 0 (and the sink with it) once a drag has stopped it.
    const t = a < 0 ? Math.min(dtS, vh / -a) : dtS;
    const tau = this.altitudeRateTimeS;
    const decay = Math.exp(-dtS / tau);
    const r = r0 + sink * t + (vr - sink) * tau * (1 - decay);
    const rDot = (t < dtS ? 0 : sink) + (vr - sink) * decay;
    const arc = vh * t + 0.5 * a * t * t;
    const w = (vh + a * t) / r0;
    const c = Math.cos(arc / r0);
    const s = Math.sin(arc / r0);
    // Radial and along-track unit vectors at t.
    const ax = c * ux + s * ex;
    const ay = c * uy + s * ey;
    const az = c * uz + s * ez;
    const bx = c * ex - s * ux;
    const by = c * ey - s * uy;
    const bz = c * ez - s * uz;
    const rw = r * w;
    out[0] = r * ax;
    out[1] = r * ay;
    out[2] = r * az;
    out[3] = rDot * ax + rw * bx;
    out[4] = rDot * ay + rw * by;
    out[5] = rDot * az + rw * bz;
    return out;
  }

  FInto(x: Float64Array, dtS: number, out: Float64Array): Float64Array {
    const r0 = Math.hypot(x[0], x[1], x[2]);
    const speed = Math.hypot(x[3], x[4], x[5]);
    const xp = this.xp;
    for (let j = 0; j < 6; j++) {
      const h = j < 3 ? Math.max(1e-3, 1e-6 * r0) : Math.max(1e-3, 1e-4 * speed);
      xp.set(x);
      xp[j] = x[j] + h;
      this.fInto(xp, dtS, this.fp);
      xp[j] = x[j] - h;
      this.fInto(xp, dtS, this.fm);
      for (let i = 0; i < 6; i++) out[i * 6 + j] = (this.fp[i] - this.fm[i]) / (2 * h);
    }
    return out;
  }

  QInto(dtS: number, out: Float64Array): Float64Array {
    return this.noise.QInto(dtS, out);
  }
}
