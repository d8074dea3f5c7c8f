/**
 * The mean-only prediction (`predictMeanInto`, and TrackPrediction.fromFilter without covariance) gives
 * the same means as the full prediction to the last bit, for the EKF on the ballistic model (its
 * Runge-Kutta step with and without the transition matrix beside it) and for the KF on the linear
 * models (the cached F of a repeated step), and for the IMM of those modes (mixing weights and mode
 * probabilities need no covariance): a round's guidance estimate skips the covariance and must fly the
 * same path.
 */
import { describe, expect, it } from "vitest";
import * as fc from "fast-check";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { ImmFilter, markovTransitionMatrixInto } from "../../src/tracking/filters/imm.js";
import type { ImmState } from "../../src/tracking/filters/imm.js";
import { KalmanFilter } from "../../src/tracking/filters/kalman.js";
import { UnscentedKalmanFilter } from "../../src/tracking/filters/unscentedKalman.js";
import { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import { ConstantAccelerationModel } from "../../src/tracking/models/transition/constantAcceleration.js";
import { TrackPrediction } from "../../src/weapons/fireControl/trackPrediction.js";
import { WGS84_A_M } from "../../src/earth/wgs84.js";
import type { GaussianState, TrackingFilter } from "../../src/tracking/types.js";

/** A state n long: a point 20-120 km up at a latitude and longitude, a velocity, kappa; P diagonal. */
function stateOf(n: number, v: number[], t0: number): GaussianState {
  const [lat, lon, alt, vx, vy, vz, kappa] = v;
  const r = WGS84_A_M + alt;
  const x = new Float64Array(n);
  x[0] = r * Math.cos(lat) * Math.cos(lon);
  x[1] = r * Math.cos(lat) * Math.sin(lon);
  x[2] = r * Math.sin(lat);
  x[3] = vx;
  x[4] = vy;
  x[5] = vz;
  if (n === 7) x[6] = kappa;
  const P = new Float64Array(n * n);
  for (let i = 0; i < n; i++) P[i * n + i] = i < 3 ? 1e4 : i < 6 ? 100 : 1e-9;
  return { x, P, timeS: t0 };
}

const arbState = fc.tuple(
  fc.double({ min: -1.2, max: 1.2, noNaN: true }),
  fc.double({ min: -3, max: 3, noNaN: true }),
  fc.double({ min: 20e3, max: 120e3, noNaN: true }),
  fc.double({ min: -3000, max: 3000, noNaN: true }),
  fc.double({ min: -3000, max: 3000, noNaN: true }),
  fc.double({ min: -2000, max: 500, noNaN: true }),
  fc.double({ min: 1e-5, max: 1e-3, noNaN: true }),
);

function sameMeans(filter: TrackingFilter, s: GaussianState, steps: number, dt: number): void {
  const full = filter.createState(s.timeS);
  const mean = filter.createState(s.timeS);
  filter.copyInto(s, full);
  filter.copyInto(s, mean);
  for (let k = 1; k <= steps; k++) {
    filter.predictInto(full, s.timeS + k * dt, full);
    filter.predictMeanInto!(mean, s.timeS + k * dt, mean);
    expect(Array.from(mean.x)).toEqual(Array.from(full.x));
    expect(mean.timeS).toBe(full.timeS);
  }
}

describe("mean-only prediction", () => {
  it("EKF on the ballistic model: the same means as predictInto, to the bit", () => {
    const ekf = new ExtendedKalmanFilter({ transition: new BallisticModel() });
    fc.assert(
      fc.property(arbState, fc.double({ min: 0.1, max: 3, noNaN: true }), (v, dt) => {
        sameMeans(ekf, stateOf(7, v, 10), 5, dt);
      }),
      { numRuns: 40 },
    );
  });

  it("KF on the constant-velocity and constant-acceleration models, repeated steps", () => {
    const cv = new KalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 10 }) });
    const ca = new KalmanFilter({ transition: new ConstantAccelerationModel() });
    fc.assert(
      fc.property(arbState, fc.double({ min: 0.1, max: 3, noNaN: true }), (v, dt) => {
        sameMeans(cv, stateOf(6, v, 0), 4, dt);
        sameMeans(ca, stateOf(9, v, 0), 4, dt);
      }),
      { numRuns: 40 },
    );
  });

  it("TrackPrediction without covariance: the same samples, and no covariance to read", () => {
    const ekf = new ExtendedKalmanFilter({ transition: new BallisticModel() });
    const s = stateOf(7, [0.6, 2.4, 60e3, 1500, -2000, -800, 2e-4], 100);
    const full = new TrackPrediction(8).fromFilter(ekf, s, 60, 2);
    const mean = new TrackPrediction(8).fromFilter(ekf, s, 60, 2, null, false);
    expect(mean.count).toBe(full.count);
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    const va = new Float64Array(3);
    const vb = new Float64Array(3);
    for (let t = 100; t <= 160; t += 0.7) {
      full.stateAt(t, a, va);
      mean.stateAt(t, b, vb);
      expect(Array.from(b)).toEqual(Array.from(a));
      expect(Array.from(vb)).toEqual(Array.from(va));
    }
    expect(full.hasCovariance).toBe(true);
    expect(mean.hasCovariance).toBe(false);
    expect(mean.covarianceAt(120, new Float64Array(9))).toBe(false);
  });

  it("IMM of ballistic, acceleration and velocity modes: the same modes, probabilities and combined mean", () => {
    const imm = new ImmFilter({
      filters: [
        new ExtendedKalmanFilter({ transition: new BallisticModel() }),
        new KalmanFilter({ transition: new ConstantAccelerationModel() }),
        new KalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 400 }) }),
      ],
      transitionMatrix: (dt, out) => markovTransitionMatrixInto([40, 20, 20], dt, out),
    });
    fc.assert(
      fc.property(
        arbState,
        fc.double({ min: 0.1, max: 3, noNaN: true }),
        fc.tuple(
          fc.double({ min: 0.01, max: 1, noNaN: true }),
          fc.double({ min: 0.01, max: 1, noNaN: true }),
        ),
        (v, dt, [p1, p2]) => {
          // Modes that disagree (each its own spread of the same point), so the mixing moves the means.
          const s = imm.createState(10);
          imm.filters.forEach((f, j) => {
            const g = stateOf(f.ndim, v, 10);
            g.x[3] += 50 * j;
            f.copyInto(g, s.modes[j]);
          });
          s.probabilities.set([1 - 0.5 * (p1 + p2), 0.5 * p1, 0.5 * p2]);
          const full = imm.createState(10);
          const mean = imm.createState(10);
          imm.copyInto(s, full);
          imm.copyInto(s, mean);
          for (let k = 1; k <= 4; k++) {
            imm.predictInto(full, 10 + k * dt, full);
            imm.predictMeanInto(mean, 10 + k * dt, mean);
            for (let j = 0; j < 3; j++)
              expect(Array.from(mean.modes[j].x)).toEqual(Array.from(full.modes[j].x));
            expect(Array.from(mean.probabilities)).toEqual(Array.from(full.probabilities));
            expect(Array.from(mean.x)).toEqual(Array.from(full.x));
            expect(mean.timeS).toBe(full.timeS);
          }
        },
      ),
      { numRuns: 40 },
    );
  });

  it("an IMM with a mode whose mean needs its covariance (a UKF) predicts in full", () => {
    const imm = new ImmFilter({
      filters: [
        new UnscentedKalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 10 }) }),
        new KalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 400 }) }),
      ],
      transitionMatrix: (dt, out) => markovTransitionMatrixInto([20, 20], dt, out),
    });
    const s = imm.createState(0);
    imm.filters.forEach((f, j) =>
      f.copyInto(stateOf(6, [0.6, 2.4, 60e3, 1500, -2000, -800, 0], 0), s.modes[j]),
    );
    const full: ImmState = imm.predictInto(s, 2, imm.createState(0));
    const mean: ImmState = imm.predictMeanInto(s, 2, imm.createState(0));
    expect(Array.from(mean.x)).toEqual(Array.from(full.x));
    expect(Array.from(mean.P)).toEqual(Array.from(full.P));
  });
});
