/**
 * The interacting multiple model filter (Blom and Bar-Shalom 1988; Bar-Shalom, Li and Kirubarajan
 * 2001, section 11.6.6) on a target in ballistic free flight that performs a pull-up (5 g upward,
 * normal to the velocity, for 10 s) and then flies ballistically again, seen by a radar. The mode
 * probabilities must switch to the manoeuvre model within a few updates of the pull-up and back to
 * the ballistic model after it, and the IMM's position error must beat the ballistic-only filter during
 * the manoeuvre and the manoeuvre-only filter in free flight.
 */
import { afterAll, describe, expect, it } from "vitest";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { ImmFilter, markovTransitionMatrixInto } from "../../src/tracking/filters/imm.js";
import type { ImmState } from "../../src/tracking/filters/imm.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import { ConstantAccelerationModel } from "../../src/tracking/models/transition/constantAcceleration.js";
import { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import { RadarMeasurementModel } from "../../src/tracking/models/measurement/radar.js";
import type { GaussianState, TrackingFilter } from "../../src/tracking/types.js";
import { TestRng } from "./helpers.js";
import { recordValidation, sig } from "../validation.js";

const A = 6378137;
const G0 = 9.80665;
const DT = 0.5;
const T_END = 120;
const PULL_START = 60;
const PULL_END = 70;

function radar(): RadarMeasurementModel {
  return new RadarMeasurementModel().configureFrom(
    [A, 0, 0],
    [0, 0, 0],
    [0, 1, 0, 0, 0, 1, 1, 0, 0],
    [100, 0, 0, 0, 0, 0.25e-6, 0, 0, 0, 0, 0.25e-6, 0, 0, 0, 0, 1],
    4,
  );
}

/** Truth: RK4 at 0.05 s of the ballistic dynamics plus the pull-up acceleration. */
function truthTrajectory(): Float64Array[] {
  const model = new BallisticModel({ kappaPriorMean: 1e-4 });
  const x = Float64Array.from([A + 100e3, -150e3, 40e3, -200, 2500, 300, 1e-4]);
  const out: Float64Array[] = [Float64Array.from(x)];
  const h = 0.05;
  const deriv = (s: Float64Array, t: number, o: Float64Array) => {
    model.derivativeInto(s, o);
    if (t >= PULL_START && t < PULL_END) {
      const r = Math.hypot(s[0], s[1], s[2]);
      const v = Math.hypot(s[3], s[4], s[5]);
      const up = [s[0] / r, s[1] / r, s[2] / r];
      const vh = [s[3] / v, s[4] / v, s[5] / v];
      const c = up[0] * vh[0] + up[1] * vh[1] + up[2] * vh[2];
      const n = [up[0] - c * vh[0], up[1] - c * vh[1], up[2] - c * vh[2]];
      const nn = Math.hypot(n[0], n[1], n[2]);
      for (let i = 0; i < 3; i++) o[3 + i] += (5 * G0 * n[i]) / nn;
    }
    return o;
  };
  const k1 = new Float64Array(6);
  const k2 = new Float64Array(6);
  const k3 = new Float64Array(6);
  const k4 = new Float64Array(6);
  const xs = new Float64Array(7);
  const steps = Math.round(DT / h);
  for (let t = 0; t < T_END - 1e-9; t += DT) {
    for (let s = 0; s < steps; s++) {
      const tt = t + s * h;
      deriv(x, tt, k1);
      for (let i = 0; i < 6; i++) xs[i] = x[i] + 0.5 * h * k1[i];
      xs[6] = x[6];
      deriv(xs, tt + h / 2, k2);
      for (let i = 0; i < 6; i++) xs[i] = x[i] + 0.5 * h * k2[i];
      deriv(xs, tt + h / 2, k3);
      for (let i = 0; i < 6; i++) xs[i] = x[i] + h * k3[i];
      deriv(xs, tt + h, k4);
      for (let i = 0; i < 6; i++) x[i] += (h / 6) * (k1[i] + 2 * k2[i] + 2 * k3[i] + k4[i]);
    }
    out.push(Float64Array.from(x));
  }
  return out;
}

function makeImm(): ImmFilter {
  const meas = radar();
  return new ImmFilter({
    filters: [
      new ExtendedKalmanFilter({
        transition: new BallisticModel({ accelPsdM2S3: 0.5, kappaPriorSigma: 5e-5 }),
        measurement: meas,
      }),
      new ExtendedKalmanFilter({
        transition: new ConstantAccelerationModel({ psdM2S5: 200, initialAccelSigmaMps2: 20 }),
        measurement: meas,
      }),
      new ExtendedKalmanFilter({
        transition: new ConstantVelocityModel({ psdM2S3: 400 }),
        measurement: meas,
      }),
    ],
    transitionMatrix: (dt, out) => markovTransitionMatrixInto([40, 20, 20], dt, out),
    initialProbabilities: [0.8, 0.1, 0.1],
    measurement: meas,
  });
}

interface RunResult {
  mu: Float64Array[];
  posErr: number[];
}

function runFilter<S extends GaussianState>(
  filter: TrackingFilter<S>,
  truth: Float64Array[],
  rng: TestRng,
): RunResult {
  const meas = radar();
  const P6 = new Float64Array(36);
  for (let i = 0; i < 6; i++) P6[i * 7] = i < 3 ? 100 ** 2 : 50 ** 2;
  const x0 = Array.from(truth[0].subarray(0, 6), (v, i) => v + rng.normal() * (i < 3 ? 100 : 50));
  let s = filter.initializeInto(x0, P6, 0, filter.createState(0));
  const mu: Float64Array[] = [];
  const posErr: number[] = [];
  for (let k = 1; k < truth.length; k++) {
    const t = k * DT;
    const zt = meas.h(truth[k]);
    const z = [
      zt[0] + 10 * rng.normal(),
      zt[1] + 5e-4 * rng.normal(),
      zt[2] + 5e-4 * rng.normal(),
      zt[3] + rng.normal(),
    ];
    s = filter.update(filter.predict(s, t), z);
    const probs = (s as unknown as ImmState).probabilities;
    if (probs) mu.push(Float64Array.from(probs));
    posErr.push(Math.hypot(s.x[0] - truth[k][0], s.x[1] - truth[k][1], s.x[2] - truth[k][2]));
  }
  return { mu, posErr };
}

const rmsOver = (e: number[][], from: number, to: number) => {
  let s = 0;
  let n = 0;
  for (const run of e) {
    for (let k = 0; k < run.length; k++) {
      const t = (k + 1) * DT;
      if (t >= from && t < to) {
        s += run[k] ** 2;
        n++;
      }
    }
  }
  return Math.sqrt(s / n);
};

describe("IMM: ballistic flight, pull-up, ballistic flight", () => {
  const truth = truthTrajectory();
  const RUNS = 10;
  const imm: RunResult[] = [];
  const ballisticOnly: RunResult[] = [];
  const caOnly: RunResult[] = [];
  for (let r = 0; r < RUNS; r++) {
    imm.push(runFilter(makeImm(), truth, new TestRng(100 + r)));
    ballisticOnly.push(
      runFilter(
        new ExtendedKalmanFilter({
          transition: new BallisticModel({ accelPsdM2S3: 0.5, kappaPriorSigma: 5e-5 }),
          measurement: radar(),
        }),
        truth,
        new TestRng(100 + r),
      ),
    );
    caOnly.push(
      runFilter(
        new ExtendedKalmanFilter({
          transition: new ConstantAccelerationModel({ psdM2S5: 200, initialAccelSigmaMps2: 20 }),
          measurement: radar(),
        }),
        truth,
        new TestRng(100 + r),
      ),
    );
  }
  /** Run-averaged probability of mode j at time t. */
  const meanMu = (j: number, t: number) =>
    imm.reduce((s, r) => s + r.mu[Math.round(t / DT) - 1][j], 0) / RUNS;
  /** Lowest run-averaged probability of the modes `js` over [from, to]. */
  const lowest = (js: number[], from: number, to: number) => {
    let m = Infinity;
    for (let t = from; t <= to; t += DT)
      m = Math.min(
        m,
        js.reduce((s, j) => s + meanMu(j, t), 0),
      );
    return m;
  };
  /** First update time in [from, to] from which the modes `js` hold above 0.9 through `to`. */
  const holdsFrom = (js: number[], from: number, to: number) => {
    let first = NaN;
    for (let t = from; t <= to; t += DT) {
      if (js.reduce((s, j) => s + meanMu(j, t), 0) > 0.9) {
        if (Number.isNaN(first)) first = t;
      } else first = NaN;
    }
    return first;
  };
  /** A probability to 4 digits, without rounding 0.99996 up to a flat 1. */
  const prob = (p: number) => (p > 0.99995 && p < 1 ? "> 0.9999" : sig(p, 4));
  const switching: string[] = [];
  const rmse: string[] = [];
  afterAll(() => {
    if (switching.length > 0)
      recordValidation({
        area: "tracking",
        model: "ImmFilter mode switching (ballistic, CA, CV EKFs; sojourn 40, 20, 20 s)",
        reference:
          "Blom & Bar-Shalom 1988; Bar-Shalom, Li & Kirubarajan 2001 sec. 11.6.6: the mode probabilities follow the motion; ballistic free flight with a 5 g pull-up at 60-70 s, radar every 0.5 s, mean of 10 runs",
        figure: switching.join("; "),
        tolerance:
          "ballistic > 0.9 at 30-60 s; manoeuvre modes > 0.9 from 2 s (4 updates) after the pull-up starts to its end; ballistic > 0.9 from 3 s (6 updates) after it ends",
      });
    if (rmse.length > 0)
      recordValidation({
        area: "tracking",
        model: "ImmFilter position RMSE (ballistic, CA, CV EKFs)",
        reference:
          "the single-model EKFs on the same runs (Blom & Bar-Shalom 1988): the IMM beats each where its model is wrong; the pull-up trajectory, 10 runs",
        figure: rmse.join("; "),
        tolerance: "IMM lower than ballistic-only in the pull-up, lower than CA-only in free flight",
      });
  });

  it("favours the ballistic mode in free flight", () => {
    switching.push(`ballistic mode at 30-60 s: lowest ${prob(lowest([0], 30, PULL_START - DT))}`);
    for (let t = 30; t < PULL_START; t += DT) expect(meanMu(0, t)).toBeGreaterThan(0.9);
  });
  it("switches to the manoeuvre models within four updates (2 s) of the pull-up", () => {
    const on = holdsFrom([1, 2], PULL_START, PULL_END);
    switching.push(
      `manoeuvre modes (CA + CV) over 0.9 from ${sig(on - PULL_START, 2)} s after the pull-up starts, lowest ${prob(lowest([1, 2], PULL_START + 2, PULL_END))} from 2 s to its end`,
    );
    for (let t = PULL_START + 2; t <= PULL_END; t += DT)
      expect(meanMu(1, t) + meanMu(2, t)).toBeGreaterThan(0.9);
  });
  it("returns to the ballistic mode within six updates (3 s) after it", () => {
    const back = holdsFrom([0], PULL_END, T_END);
    switching.push(
      `ballistic over 0.9 again from ${sig(back - PULL_END, 2)} s after it ends, lowest ${prob(lowest([0], PULL_END + 3, T_END))} from 3 s after it to the end`,
    );
    for (let t = PULL_END + 3; t <= T_END; t += DT) expect(meanMu(0, t)).toBeGreaterThan(0.9);
  });
  it("beats each single-model filter where that model is wrong", () => {
    const e = (rs: RunResult[]) => rs.map((r) => r.posErr);
    const immMan = rmsOver(e(imm), PULL_START, PULL_END + 5);
    const balMan = rmsOver(e(ballisticOnly), PULL_START, PULL_END + 5);
    const immFree = rmsOver(e(imm), 20, PULL_START);
    const caFree = rmsOver(e(caOnly), 20, PULL_START);
    rmse.push(
      `pull-up (60-75 s): IMM ${sig(immMan, 3)} m vs ballistic-only ${sig(balMan, 3)} m`,
      `free flight (20-60 s): IMM ${sig(immFree, 3)} m vs CA-only ${sig(caFree, 3)} m`,
    );
    expect(immMan).toBeLessThan(balMan);
    expect(immFree).toBeLessThan(caFree);
  });
});
