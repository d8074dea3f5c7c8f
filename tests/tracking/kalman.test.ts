/**
 * Linear filter equations against textbook results:
 * - the Kalman filter against an independent, plain-array computation of the same sequence
 *   (Bar-Shalom, Li and Kirubarajan 2001, section 5.2, Joseph form);
 * - steady-state gains of the alpha-beta filter against Kalata's closed form (P. R. Kalata, "The
 *   tracking index: a generalized parameter for alpha-beta and alpha-beta-gamma target trackers",
 *   IEEE Trans. AES-20(2), 1984; also Bar-Shalom et al. 2001, section 6.5.3): for the piecewise
 *   constant white acceleration model with tracking index lambda = sigma_a T^2 / sigma_z,
 *   alpha = -(lambda^2 + 8 lambda - (lambda + 4) sqrt(lambda^2 + 8 lambda)) / 8,
 *   beta = (lambda^2 + 4 lambda - lambda sqrt(lambda^2 + 8 lambda)) / 4, and K = [alpha, beta / T];
 * - EKF and UKF reduce to the Kalman filter on linear models (the unscented transform of a linear
 *   map is exact: Julier and Uhlmann 1997).
 */
import { afterAll, describe, expect, it } from "vitest";
import { stateDimension } from "../../src/tracking/types.js";
import { NonPositiveDefiniteError } from "../../src/math/matrix.js";
import { KalmanFilter } from "../../src/tracking/filters/kalman.js";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { UnscentedKalmanFilter } from "../../src/tracking/filters/unscentedKalman.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import { ConstantAccelerationModel } from "../../src/tracking/models/transition/constantAcceleration.js";
import { positionMeasurementModel } from "../../src/tracking/models/measurement/linear.js";
import type { GaussianState, TrackingFilter } from "../../src/tracking/types.js";
import { TestRng, maxAbsDiff } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

type M = number[][];
const mat = (a: ArrayLike<number>, r: number, c: number): M =>
  Array.from({ length: r }, (_, i) => Array.from({ length: c }, (_, j) => a[i * c + j]));
const mul = (a: M, b: M): M =>
  a.map((row) => b[0].map((_, j) => row.reduce((s, v, k) => s + v * b[k][j], 0)));
const tr = (a: M): M => a[0].map((_, j) => a.map((row) => row[j]));
const add = (a: M, b: M): M => a.map((row, i) => row.map((v, j) => v + b[i][j]));
const sub = (a: M, b: M): M => a.map((row, i) => row.map((v, j) => v - b[i][j]));
const eye = (n: number): M =>
  Array.from({ length: n }, (_, i) => Array.from({ length: n }, (_, j) => (i === j ? 1 : 0)));
/** Gauss-Jordan inverse with partial pivoting. */
function inv(a: M): M {
  const n = a.length;
  const w = a.map((row, i) => [...row, ...eye(n)[i]]);
  for (let c = 0; c < n; c++) {
    let p = c;
    for (let r = c + 1; r < n; r++) if (Math.abs(w[r][c]) > Math.abs(w[p][c])) p = r;
    [w[c], w[p]] = [w[p], w[c]];
    const d = w[c][c];
    w[c] = w[c].map((v) => v / d);
    for (let r = 0; r < n; r++) if (r !== c) w[r] = w[r].map((v, j) => v - w[r][c] * w[c][j]);
  }
  return w.map((row) => row.slice(n));
}

describe("Kalman filter", () => {
  const xErr = new Worst();
  const pErr = new Worst();
  const alphaErr = new Worst();
  const betaErr = new Worst();
  const gains: string[] = [];
  afterAll(() => {
    if (xErr.count > 0)
      recordValidation({
        area: "tracking",
        model: "KalmanFilter (constant velocity, correlated 3-D position measurements)",
        reference:
          "an independent plain-array computation of the same 30 updates at uneven steps: predict, gain P H^T S^-1, Joseph-form covariance (Bar-Shalom, Li & Kirubarajan 2001, sec. 5.2)",
        figure: `worst state difference ${sig(xErr.value, 2)} (m, m/s); worst covariance difference ${sig(pErr.value, 2)} of its diagonal; covariance exactly symmetric`,
        tolerance: "state < 5e-7; covariance < 1e-9 of the diagonal (+ 1e-9); symmetric bit for bit",
      });
    if (alphaErr.count > 0)
      recordValidation({
        area: "tracking",
        model: "KalmanFilter steady state (piecewise white acceleration CV)",
        reference:
          "Kalata, IEEE Trans. AES-20(2) 1984 (Bar-Shalom et al. 2001 sec. 6.5.3): alpha-beta steady-state gains from the tracking index lambda = sigma_a T^2 / sigma_z",
        figure: `after 400 updates, worst |alpha - Kalata| ${sig(alphaErr.value, 2)}, |beta - Kalata| ${sig(betaErr.value, 2)} (${gains.join("; ")})`,
        tolerance: "< 5e-11",
      });
  });

  it("matches an independent plain-array computation of a 30-step sequence", () => {
    const cv = new ConstantVelocityModel({ psdM2S3: 5 });
    const R = Float64Array.from([100, 10, 0, 10, 400, -20, 0, -20, 900]);
    const meas = positionMeasurementModel(6, R);
    const kf = new KalmanFilter({ transition: cv, measurement: meas });
    const rng = new TestRng(11);
    let state: GaussianState = kf.createState(0);
    state.x.set([1000, -2000, 500, 30, 10, -5]);
    for (let i = 0; i < 6; i++) state.P[i * 7] = i < 3 ? 1e4 : 400;
    let x: M = mat(state.x, 6, 1);
    let P: M = mat(state.P, 6, 6);
    const H = mat(meas.H, 3, 6);
    const Rm = mat(R, 3, 3);
    let t = 0;
    for (let k = 0; k < 30; k++) {
      const dt = 0.5 + (k % 3) * 0.25;
      t += dt;
      const z = [
        rng.normal() * 10 + 1000 + 30 * t,
        rng.normal() * 20 - 2000 + 10 * t,
        rng.normal() * 30 + 500 - 5 * t,
      ];
      state = kf.update(kf.predict(state, t), z);
      const F = mat(cv.F(dt), 6, 6);
      x = mul(F, x);
      P = add(mul(mul(F, P), tr(F)), mat(cv.Q(dt), 6, 6));
      const S = add(mul(mul(H, P), tr(H)), Rm);
      const K = mul(mul(P, tr(H)), inv(S));
      x = add(
        x,
        mul(
          K,
          sub(
            z.map((v) => [v]),
            mul(H, x),
          ),
        ),
      );
      const A = sub(eye(6), mul(K, H));
      P = add(mul(mul(A, P), tr(A)), mul(mul(K, Rm), tr(K)));
    }
    for (let i = 0; i < 6; i++) {
      xErr.add(Math.abs(state.x[i] - x[i][0]));
      expect(state.x[i]).toBeCloseTo(x[i][0], 6);
    }
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) {
        pErr.add(Math.abs(state.P[i * 6 + j] - P[i][j]) / Math.abs(P[i][i]));
        expect(Math.abs(state.P[i * 6 + j] - P[i][j])).toBeLessThan(1e-9 * Math.abs(P[i][i]) + 1e-9);
      }
    }
    // Exactly symmetric.
    for (let i = 0; i < 6; i++)
      for (let j = 0; j < 6; j++) expect(state.P[i * 6 + j]).toBe(state.P[j * 6 + i]);
  });

  for (const lambda of [0.1, 1, 5]) {
    it(`reaches Kalata's alpha-beta steady state for tracking index ${lambda}`, () => {
      const T = 2;
      const sigmaZ = 50;
      const sigmaA = (lambda * sigmaZ) / (T * T);
      const cv = new ConstantVelocityModel({ accelSigmaMps2: sigmaA });
      const meas = positionMeasurementModel(
        6,
        Float64Array.from([sigmaZ ** 2, 0, 0, 0, sigmaZ ** 2, 0, 0, 0, sigmaZ ** 2]),
      );
      const kf = new KalmanFilter({ transition: cv, measurement: meas });
      let s = kf.createState(0);
      for (let i = 0; i < 6; i++) s.P[i * 7] = 1e8;
      let prevP = s.P;
      for (let k = 1; k <= 400; k++) {
        const pred = kf.predict(s, k * T);
        prevP = pred.P;
        s = kf.update(pred, [0, 0, 0]);
      }
      // Steady-state gain from the predicted covariance: K = P H^T S^-1, per axis.
      const r = Math.sqrt(lambda * lambda + 8 * lambda);
      const alpha = -(lambda * lambda + 8 * lambda - (lambda + 4) * r) / 8;
      const beta = (lambda * lambda + 4 * lambda - lambda * r) / 4;
      gains.push(`lambda ${lambda}: alpha ${sig(alpha, 4)}, beta ${sig(beta, 4)}`);
      for (let axis = 0; axis < 3; axis++) {
        const ppp = prevP[axis * 6 + axis];
        const pvp = prevP[(3 + axis) * 6 + axis];
        const S = ppp + sigmaZ ** 2;
        alphaErr.add(Math.abs(ppp / S - alpha), `lambda ${lambda}`);
        betaErr.add(Math.abs((pvp / S) * T - beta), `lambda ${lambda}`);
        expect(ppp / S).toBeCloseTo(alpha, 10);
        expect((pvp / S) * T).toBeCloseTo(beta, 10);
      }
    });
  }

  it("throws NonPositiveDefiniteError, naming the pivot, when S is not positive definite", () => {
    const cv = new ConstantVelocityModel();
    const meas = positionMeasurementModel(6, Float64Array.from([1, 0, 0, 0, -1e9, 0, 0, 0, 1]));
    const kf = new KalmanFilter({ transition: cv, measurement: meas });
    const s = kf.createState(0);
    for (let i = 0; i < 6; i++) s.P[i * 7] = 1;
    let err: unknown;
    try {
      kf.update(s, [0, 0, 0]);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(NonPositiveDefiniteError);
    expect((err as NonPositiveDefiniteError).pivot).toBe(1);
    expect((err as NonPositiveDefiniteError).size).toBe(3);
    expect((err as Error).message).toMatch(/innovation covariance S/);
  });

  it("refuses to predict backwards in time", () => {
    const kf = new KalmanFilter({ transition: new ConstantVelocityModel() });
    const s = kf.createState(10);
    expect(() => kf.predict(s, 5)).toThrow(RangeError);
  });
});

describe("EKF and UKF on linear models equal the Kalman filter", () => {
  const xDiff = new Worst();
  const pDiff = new Worst();
  const names: string[] = [];
  afterAll(() => {
    if (xDiff.count > 0)
      recordValidation({
        area: "tracking",
        model: "ExtendedKalmanFilter, UnscentedKalmanFilter on linear models",
        reference:
          "the KalmanFilter on the same 20 updates: the EKF's Jacobians of a linear model are its matrices, the unscented transform of a linear map is exact (Julier & Uhlmann 1997)",
        figure: `${names.join(", ")}; EKF, UKF (default) and UKF (alpha 0.5, beta 2, kappa 3): worst state difference ${sig(xDiff.value, 2)} (m, m/s; ${xDiff.at}), covariance ${sig(pDiff.value, 2)} of its largest entry (${pDiff.at})`,
        tolerance: "state < 1e-6; covariance < 1e-9 relative",
      });
  });
  const models = [
    ["constant velocity", new ConstantVelocityModel({ psdM2S3: 3 })],
    ["constant acceleration", new ConstantAccelerationModel({ psdM2S5: 0.5 })],
  ] as const;
  for (const [name, model] of models) {
    it(name, () => {
      const n = stateDimension(model);
      const meas = positionMeasurementModel(n, Float64Array.from([100, 0, 0, 0, 100, 0, 0, 0, 400]));
      const filters: TrackingFilter[] = [
        new KalmanFilter({ transition: model, measurement: meas }),
        new ExtendedKalmanFilter({ transition: model, measurement: meas }),
        new UnscentedKalmanFilter({ transition: model, measurement: meas }),
        new UnscentedKalmanFilter({ transition: model, measurement: meas, alpha: 0.5, beta: 2, kappa: 3 }),
      ];
      const rng = new TestRng(5);
      const states = filters.map((f) => {
        const s = f.createState(0);
        for (let i = 0; i < n; i++) s.P[i * (n + 1)] = 1e4;
        return s;
      });
      for (let k = 1; k <= 20; k++) {
        const z = [rng.normal() * 10 + k * 50, rng.normal() * 10, rng.normal() * 20 - k * 10];
        filters.forEach((f, i) => {
          const pred = f.predictInto(states[i], k, f.createState());
          f.updateInto(pred, z, states[i]);
        });
      }
      names.push(name);
      const which = ["", "EKF", "UKF", "UKF (0.5, 2, 3)"];
      for (let i = 1; i < filters.length; i++) {
        const at = `${which[i]}, ${name}`;
        expect(xDiff.add(maxAbsDiff(states[i].x, states[0].x), at)).toBeLessThan(1e-6);
        const scale = Math.max(...Array.from(states[0].P).map(Math.abs));
        expect(pDiff.add(maxAbsDiff(states[i].P, states[0].P) / scale, at)).toBeLessThan(1e-9);
      }
    });
  }
});
