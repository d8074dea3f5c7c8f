/**
 * Prediction from a track: the impact time of a radial fall in vacuum against the closed form of radial
 * (rectilinear) Kepler motion from rest, t = sqrt(r0^3 / (2 GM)) [sqrt(rho (1 - rho)) + acos(sqrt(rho))],
 * rho = r / r0 (integrate r'' = -GM / r^2 with energy -GM / r0); the unscented impact spread against sigma_v * t for a small horizontal velocity
 * uncertainty; and propagation in steps agreeing with a single exact step for a linear model.
 */
import { describe, expect, it } from "vitest";
import { predictImpact } from "../../src/tracking/predict/impactPoint.js";
import { propagateState } from "../../src/tracking/predict/propagate.js";
import { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import { KalmanFilter } from "../../src/tracking/filters/kalman.js";
import { WGS84_B_M, WGS84_GM_M3S2 } from "../../src/earth/wgs84.js";
import { maxAbsDiff } from "./helpers.js";
import * as fc from "fast-check";
import { checkCovariance, symmetricEigen } from "../../src/tracking/predict/covarianceRepair.js";
import { cholesky } from "../../src/math/matrix.js";
import { recordValidation, sig } from "../validation.js";

const vacuum = () => new BallisticModel({ drag: false, omegaRadS: 0, gravity: "point", maxStepS: 0.25 });

function polarDrop(heightM: number, sigmaVMps: number) {
  const x = Float64Array.from([0, 0, WGS84_B_M + heightM, 0, 0, 0, 0]);
  const P = new Float64Array(49);
  for (let i = 0; i < 3; i++) P[i * 8] = 1e-6;
  P[3 * 8] = sigmaVMps ** 2;
  P[4 * 8] = sigmaVMps ** 2;
  P[5 * 8] = 1e-6;
  P[48] = 1e-16;
  return { x, P, timeS: 100 };
}

describe("impact prediction", () => {
  it("matches the closed-form radial fall time in vacuum", () => {
    const h = 100e3;
    const r0 = WGS84_B_M + h;
    const rho = WGS84_B_M / r0;
    const tFall =
      Math.sqrt((r0 * r0 * r0) / (2 * WGS84_GM_M3S2)) *
      (Math.sqrt(rho * (1 - rho)) + Math.acos(Math.sqrt(rho)));
    const p = predictImpact(polarDrop(h, 1e-3), { model: vacuum() })!;
    expect(p).not.toBeNull();
    recordValidation({
      area: "tracking",
      model: "predictImpact (impact time and point)",
      reference:
        "radial Kepler fall from rest, t = sqrt(r0^3 / (2 GM)) [sqrt(rho (1 - rho)) + acos(sqrt(rho))], rho = r / r0: 100 km above the pole, vacuum, point gravity, no rotation",
      figure: `fall time ${sig(p.timeS - 100, 6)} s vs ${sig(tFall, 6)} s (error ${sig(Math.abs(p.timeS - 100 - tFall), 2)} s); impact latitude ${sig(90 - p.latDeg, 2)} deg from the pole`,
      tolerance: "< 0.01 s; latitude to 5e-7 deg",
    });
    expect(Math.abs(p.timeS - 100 - tFall)).toBeLessThan(0.01);
    expect(p.latDeg).toBeCloseTo(90, 6);
  });
  it("spreads the impact point by about sigma_v * t for a horizontal velocity uncertainty", () => {
    const p = predictImpact(polarDrop(100e3, 2), { model: vacuum() })!;
    const t = p.timeS - 100;
    recordValidation({
      area: "tracking",
      model: "predictImpact (unscented impact spread)",
      reference:
        "a horizontal velocity uncertainty sigma_v drifts the impact point by sigma_v t: sigma_v = 2 m/s on each horizontal axis, fall from 100 km",
      figure: `major and minor sigma / (sigma_v t): ${sig(p.majorSigmaM / (2 * t), 4)}, ${sig(p.minorSigmaM / (2 * t), 4)}; impact-time sigma ${sig(p.timeSigmaS, 2)} s`,
      tolerance: "0.95 to 1.05 (gravity pulls a sideways drift back a little); time sigma < 0.01 s",
    });
    // Gravity pulls a sideways-drifting body back a little (the fall is radial): within 5 %.
    expect(p.majorSigmaM / (2 * t)).toBeGreaterThan(0.95);
    expect(p.majorSigmaM / (2 * t)).toBeLessThan(1.05);
    expect(p.minorSigmaM / (2 * t)).toBeGreaterThan(0.95);
    expect(p.timeSigmaS).toBeLessThan(0.01);
  });
  it("is null when the trajectory does not come down in time", () => {
    const s = polarDrop(100e3, 1e-3);
    s.x[5] = 20000; // escape speed upwards
    expect(predictImpact(s, { model: vacuum(), maxTimeS: 600 })).toBeNull();
  });
});

describe("impact prediction never kills its caller", () => {
  it("repairs an indefinite covariance and flags the prediction instead of throwing", () => {
    const good = predictImpact(polarDrop(100e3, 2), { model: vacuum() })!;
    const s = polarDrop(100e3, 2);
    // Made indefinite: a negative variance and a correlation above one (as round-off in a long
    // coast or a bad update can leave it).
    s.P[0] = -4;
    s.P[3 * 7 + 4] = 10;
    s.P[4 * 7 + 3] = 9; // and not symmetric
    const q = predictImpact(s, { model: vacuum() })!;
    expect(q).not.toBeNull();
    expect(q.reliable).toBe(false);
    expect(q.flags).toContain("covariance-repaired");
    // The mean is untouched by the repair of the spread.
    expect(Math.abs(q.timeS - good.timeS)).toBeLessThan(0.01);
    expect(Number.isFinite(q.majorSigmaM)).toBe(true);
  });

  it("refuses bad arguments with a RangeError naming them", () => {
    const s = polarDrop(100e3, 1e-3);
    expect(() => predictImpact(s, { model: vacuum(), stepS: 0 })).toThrow(/stepS/);
    expect(() => predictImpact(s, { model: vacuum(), stepS: -1 })).toThrow(RangeError);
    expect(() => predictImpact(s, { model: vacuum(), stepS: Number.NaN })).toThrow(/stepS/);
    expect(() => predictImpact(s, { model: vacuum(), maxTimeS: Infinity })).toThrow(/maxTimeS/);
    expect(() => predictImpact(s, { model: vacuum(), kappaIndex: 3 })).toThrow(/kappaIndex/);
    expect(() => predictImpact(s, { model: vacuum(), alpha: 0 })).toThrow(/alpha/);
    expect(() => predictImpact({ ...s, x: s.x.subarray(0, 5) }, { model: vacuum() })).toThrow(/state.x/);
    expect(() => predictImpact({ ...s, P: new Float64Array(4) }, { model: vacuum() })).toThrow(/state.P/);
    const nanP = polarDrop(100e3, 1e-3);
    nanP.P[8] = Number.NaN;
    expect(() => predictImpact(nanP, { model: vacuum() })).toThrow(RangeError);
    const nanX = polarDrop(100e3, 1e-3);
    nanX.x[2] = Number.NaN;
    expect(() => predictImpact(nanX, { model: vacuum() })).toThrow(/state.x\[2\]/);
    expect(() => predictImpact({ ...s, timeS: Number.NaN }, { model: vacuum() })).toThrow(/timeS/);
  });

  it("flags a negative drag parameter and a target known not to fly ballistic", () => {
    const s = polarDrop(100e3, 1e-3);
    s.x[6] = -1e-4;
    const p = predictImpact(s, { model: vacuum(), notBallistic: true })!;
    expect(p.flags).toEqual(["not-ballistic", "negative-drag"]);
    expect(p.reliable).toBe(false);
    expect(predictImpact(polarDrop(100e3, 1e-3), { model: vacuum() })!.reliable).toBe(true);
  });
});

describe("covariance repair", () => {
  it("leaves a positive-definite matrix as it is and makes any symmetric one factorable", () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -10, max: 10, noNaN: true }), { minLength: 49, maxLength: 49 }),
        fc.boolean(),
        (entries, makePd) => {
          const n = 7;
          const A = Float64Array.from(entries);
          // B = A A^T + 0.1 I is positive definite; A + A^T is (almost always) indefinite.
          const M = new Float64Array(n * n);
          for (let i = 0; i < n; i++) {
            for (let j = 0; j < n; j++) {
              let s = 0;
              if (makePd) for (let k = 0; k < n; k++) s += A[i * n + k] * A[j * n + k];
              else s = A[i * n + j] + A[j * n + i];
              M[i * n + j] = s + (makePd && i === j ? 0.1 : 0);
            }
          }
          const c = checkCovariance(M, n);
          expect(() => cholesky(new Float64Array(n * n), c.P, n)).not.toThrow();
          if (makePd) {
            expect(c.repaired).toBe(false);
            expect(maxAbsDiff(c.P, M)).toBe(0);
          } else {
            // Nearest PSD (Higham 1988): the eigenvectors are kept and the non-negative
            // eigenvalues too, so the repair only removes the negative part.
            const l = symmetricEigen(M, n);
            const lc = symmetricEigen(c.P, n);
            const pos = [...l].filter((v) => v > 0).sort((a, b) => a - b);
            const posC = [...lc].sort((a, b) => a - b).slice(n - pos.length);
            for (let i = 0; i < pos.length; i++)
              expect(Math.abs(posC[i] - pos[i])).toBeLessThan(1e-8 * (1 + pos[i]));
          }
        },
      ),
      { numRuns: 200, seed: 9 },
    );
  });

  it("diagonalises a symmetric matrix: A V = V diag(l)", () => {
    const A = Float64Array.from([4, 1, 2, 1, 3, 0.5, 2, 0.5, -1]);
    const V = new Float64Array(9);
    const l = symmetricEigen(A, 3, V);
    for (let k = 0; k < 3; k++) {
      for (let i = 0; i < 3; i++) {
        let av = 0;
        for (let j = 0; j < 3; j++) av += A[i * 3 + j] * V[j * 3 + k];
        expect(av).toBeCloseTo(l[k] * V[i * 3 + k], 12);
      }
    }
    expect(l.reduce((a, b) => a + b, 0)).toBeCloseTo(6, 12); // the trace
  });
});

describe("propagation", () => {
  it("stepped prediction equals one step for a linear model", () => {
    const kf = new KalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 2 }) });
    const s = kf.createState(0);
    s.x.set([1e6, 2e6, 3e6, 100, -200, 50]);
    for (let i = 0; i < 6; i++) s.P[i * 7] = 100;
    const a = propagateState(kf, s, 95, { maxStepS: 10 });
    const b = kf.predict(s, 95);
    expect(a.timeS).toBe(95);
    recordValidation({
      area: "tracking",
      model: "propagateState (stepped prediction)",
      reference: "one exact step of the constant velocity model over the same 95 s (F and Q compose exactly)",
      figure: `in 10 s steps: state difference ${sig(maxAbsDiff(a.x, b.x), 2)} (m, m/s), covariance ${sig(maxAbsDiff(a.P, b.P) / b.P[0], 2)} of P_xx`,
      tolerance: "< 1e-6; < 1e-12",
    });
    expect(maxAbsDiff(a.x, b.x)).toBeLessThan(1e-6);
    expect(maxAbsDiff(a.P, b.P) / b.P[0]).toBeLessThan(1e-12);
  });
  it("refuses a step that would never end and a target time that is not a number", () => {
    const kf = new KalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 2 }) });
    const s = kf.createState(0);
    for (let i = 0; i < 6; i++) s.P[i * 7] = 100;
    expect(() => propagateState(kf, s, 10, { maxStepS: 0 })).toThrow(/maxStepS/);
    expect(() => propagateState(kf, s, Number.NaN)).toThrow(/timeS/);
  });
});
