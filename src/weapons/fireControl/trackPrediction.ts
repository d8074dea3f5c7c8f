/**
 * A track's predicted path, as fire control uses it: the mean position and velocity and the position
 * covariance at evenly spaced times ahead, from the tracking layer's own filter and motion models
 * (`filter.predictInto` step by step: for the IMM the mixture of its ballistic, acceleration and
 * velocity modes), or from a truth source for a perfect track. Never the truth in a real engagement:
 * what the track predicts is what the fire control can know.
 *
 * Between the samples positions are cubic Hermite interpolants of the sampled positions and velocities
 * (O(dt^4) for smooth motion; the velocity is the interpolant's derivative) and the covariance is
 * interpolated linearly. Sampling stops at the first sample below the ground (the predicted impact;
 * `groundS` is where the altitude interpolates to zero).
 */
import { finiteArrayArg } from "../../math/check.js";
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { GaussianState, TrackingFilter } from "../../tracking/types.js";
import { positionVelocityMomentsInto } from "../../tracking/filters/immState.js";

/** Most samples a prediction holds (memory stays bounded). */
const MAX_SAMPLES = 10_000_000;

export class TrackPrediction {
  /** Time of the first sample, s. */
  t0S = 0;
  /** Sample spacing, s. */
  stepS = 1;
  /** Samples held. */
  count = 0;
  /** Time at which the predicted altitude reaches zero, s (Infinity: not within the horizon). */
  groundS = Infinity;
  private pos: Float64Array;
  private vel: Float64Array;
  private cov: Float64Array;
  private hasCov = false;
  /**
   * Traces of the position, position-velocity and velocity covariance blocks of the state predicted
   * from (fromFilter with covariance; zeros otherwise): the short-term growth of its position error.
   */
  private readonly startTraces = new Float64Array(3);
  private readonly moments = new Float64Array(9);

  constructor(private capacity = 256) {
    if (!(Number.isInteger(capacity) && capacity >= 1 && capacity <= MAX_SAMPLES))
      throw new RangeError(
        `TrackPrediction: capacity must be a whole number in [1, ${MAX_SAMPLES}], given ${capacity}`,
      );
    this.pos = new Float64Array(3 * capacity);
    this.vel = new Float64Array(3 * capacity);
    this.cov = new Float64Array(9 * capacity);
  }

  /** Time of the last sample, s. */
  get endS(): number {
    return this.count === 0 ? -Infinity : this.t0S + (this.count - 1) * this.stepS;
  }

  /** Whether the samples carry position covariances. */
  get hasCovariance(): boolean {
    return this.hasCov;
  }

  private ensure(n: number): void {
    if (n <= this.capacity) return;
    const cap = Math.max(n, this.capacity * 2);
    const grow = (a: Float64Array, k: number) => {
      const b = new Float64Array(k * cap);
      b.set(a);
      return b;
    };
    this.pos = grow(this.pos, 3);
    this.vel = grow(this.vel, 3);
    this.cov = grow(this.cov, 9);
    this.capacity = cap;
  }

  private begin(t0S: number, horizonS: number, stepS: number): number {
    if (!(stepS > 0 && Number.isFinite(stepS)))
      throw new RangeError(`TrackPrediction: stepS must be > 0, given ${stepS}`);
    if (!(horizonS >= 0 && Number.isFinite(horizonS)))
      throw new RangeError(`TrackPrediction: horizonS must be a finite number >= 0, given ${horizonS}`);
    if (!Number.isFinite(t0S))
      throw new RangeError(`TrackPrediction: t0S (the start, state.timeS) must be finite, given ${t0S}`);
    const n = Math.floor(horizonS / stepS + 1e-9) + 1;
    if (!(n <= MAX_SAMPLES))
      throw new RangeError(
        `TrackPrediction: horizonS / stepS must give at most ${MAX_SAMPLES} samples, stepS ${stepS}`,
      );
    this.ensure(n);
    this.t0S = t0S;
    this.stepS = stepS;
    this.count = 0;
    this.groundS = Infinity;
    return n;
  }

  /** Ends sampling at the first sample below ground (after the one that crossed): true to stop. */
  private groundCheck(earth: FlightEarthModel | null, k: number): boolean {
    if (earth === null) return false;
    const h = earth.altitudeM(this.pos.subarray(3 * k, 3 * k + 3));
    if (h >= 0) return false;
    if (k === 0) {
      this.groundS = this.t0S;
      return true;
    }
    const hPrev = earth.altitudeM(this.pos.subarray(3 * k - 3, 3 * k));
    this.groundS = this.t0S + (k - 1 + hPrev / (hPrev - h)) * this.stepS;
    return true;
  }

  /**
   * Predicts `state` with `filter` from its own time over `horizonS` in steps of `stepS` (the filter's
   * state layout: position x[0..2], velocity x[3..5], as every built-in model keeps them). Scratch
   * states are created once per call. With `covariance` false the samples carry no covariance and a
   * filter with a mean-only prediction (`predictMeanInto`: the KF and EKF) skips the covariance's
   * propagation, about three quarters of the cost for the ballistic model; the means are the same to
   * the last bit.
   */
  fromFilter<S extends GaussianState>(
    filter: TrackingFilter<S>,
    state: S,
    horizonS: number,
    stepS: number,
    earth: FlightEarthModel | null = null,
    covariance = true,
  ): this {
    const n = this.begin(state.timeS, horizonS, stepS);
    const dim = filter.ndim;
    // Every entry finite (the filter's allocation-free prediction checks only the mean and variances).
    finiteArrayArg("TrackPrediction.fromFilter", "state.x", state.x, dim);
    finiteArrayArg("TrackPrediction.fromFilter", "state.P", state.P, dim * dim);
    let a = filter.createState(state.timeS);
    let b = filter.createState(state.timeS);
    filter.copyInto(state, a);
    this.hasCov = covariance;
    if (covariance) {
      positionVelocityMomentsInto(state, this.moments);
      this.startTraces[0] = this.moments[6];
      this.startTraces[1] = this.moments[7];
      this.startTraces[2] = this.moments[8];
    } else this.startTraces.fill(0);
    for (let k = 0; k < n; k++) {
      if (k > 0) {
        if (!covariance && filter.predictMeanInto) filter.predictMeanInto(a, this.t0S + k * stepS, b);
        else filter.predictInto(a, this.t0S + k * stepS, b);
        const tmp = a;
        a = b;
        b = tmp;
      }
      const x = a.x;
      const P = a.P;
      for (let i = 0; i < 3; i++) {
        this.pos[3 * k + i] = x[i];
        this.vel[3 * k + i] = x[3 + i];
        if (covariance) for (let j = 0; j < 3; j++) this.cov[9 * k + 3 * i + j] = P[i * dim + j];
      }
      this.count = k + 1;
      if (this.groundCheck(earth, k)) break;
    }
    return this;
  }

  /**
   * Fills the samples from a state source (a perfect track: the truth, a flight's dense output):
   * `source(tS, pos, vel)` writes the state at tS and returns false when it has none (the prediction then
   * ends). No covariance.
   */
  fromSource(
    t0S: number,
    horizonS: number,
    stepS: number,
    source: (tS: number, posOut: Float64Array, velOut: Float64Array) => boolean,
    earth: FlightEarthModel | null = null,
  ): this {
    const n = this.begin(t0S, horizonS, stepS);
    this.hasCov = false;
    this.startTraces.fill(0);
    for (let k = 0; k < n; k++) {
      const ok = source(
        this.t0S + k * stepS,
        this.pos.subarray(3 * k, 3 * k + 3),
        this.vel.subarray(3 * k, 3 * k + 3),
      );
      if (!ok) break;
      this.count = k + 1;
      if (this.groundCheck(earth, k)) break;
    }
    return this;
  }

  /**
   * Position and velocity at tS in [t0S, endS] (cubic Hermite); returns false outside the samples.
   * `velOut` may be null.
   */
  stateAt(tS: number, posOut: Float64Array, velOut: Float64Array | null): boolean {
    const n = this.count;
    if (n === 0) return false;
    const u = (tS - this.t0S) / this.stepS;
    if (!(u >= 0 && u <= n - 1 + 1e-9)) return false;
    let i = Math.floor(u);
    if (i >= n - 1) i = n - 2;
    if (n === 1) {
      for (let c = 0; c < 3; c++) {
        posOut[c] = this.pos[c];
        if (velOut !== null) velOut[c] = this.vel[c];
      }
      return true;
    }
    const s = u - i;
    const h = this.stepS;
    const s2 = s * s;
    const s3 = s2 * s;
    const h00 = 2 * s3 - 3 * s2 + 1;
    const h10 = s3 - 2 * s2 + s;
    const h01 = -2 * s3 + 3 * s2;
    const h11 = s3 - s2;
    // Derivatives with respect to s (divide by h for time).
    const d00 = 6 * s2 - 6 * s;
    const d10 = 3 * s2 - 4 * s + 1;
    const d01 = -6 * s2 + 6 * s;
    const d11 = 3 * s2 - 2 * s;
    const p = this.pos;
    const v = this.vel;
    const a = 3 * i;
    const b = a + 3;
    for (let c = 0; c < 3; c++) {
      const p0 = p[a + c];
      const p1 = p[b + c];
      const v0 = v[a + c];
      const v1 = v[b + c];
      posOut[c] = h00 * p0 + h10 * h * v0 + h01 * p1 + h11 * h * v1;
      if (velOut !== null) velOut[c] = (d00 * p0 + d01 * p1) / h + d10 * v0 + d11 * v1;
    }
    return true;
  }

  /**
   * [tr P_pp, tr P_pv, tr P_vv] of the state predicted from (m^2, m^2/s, m^2/s^2; zeros for a prediction
   * without covariances): how the error of an estimate extrapolated from it grows.
   */
  get startErrorTraces(): Readonly<Float64Array> {
    return this.startTraces;
  }

  /** Position covariance (3 x 3, row-major) at tS, linear between samples; false without covariances. */
  covarianceAt(tS: number, out9: Float64Array): boolean {
    const n = this.count;
    if (!this.hasCov || n === 0) return false;
    const u = Math.min(Math.max((tS - this.t0S) / this.stepS, 0), n - 1);
    let i = Math.floor(u);
    if (i >= n - 1) i = Math.max(0, n - 2);
    const s = n === 1 ? 0 : u - i;
    const c = this.cov;
    for (let k = 0; k < 9; k++) {
      const c0 = c[9 * i + k];
      out9[k] = n === 1 ? c0 : c0 + s * (c[9 * i + 9 + k] - c0);
    }
    return true;
  }
}
