/**
 * Monte Carlo consistency of every built-in filter with every built-in transition model (Stone Soup
 * style parametrisation): truth drawn from the filter's own model (process noise from Q, initial
 * state from the prior), measurements from the measurement model with noise from R. For a consistent
 * filter the run-averaged NEES at each step lies in its 95 % chi-square interval
 * [chi2inv(0.025, N n) / N, chi2inv(0.975, N n) / N] (Bar-Shalom, Li and Kirubarajan 2001, section
 * 5.4.2); we require it at no fewer than 80 % of the steps (the steps of one run are correlated, so
 * the count scatters more than a binomial), the NIS likewise, and the grand averages within 15 % of
 * n and m (a filter whose noise is off by a factor of two fails these). The IMM (truth from its
 * ballistic mode) is scored on position and velocity; its mixture covariances hold the other modes'
 * spread, so it is conservative by construction when the truth follows one mode: it is checked for
 * over-confidence (upper bounds) and gross conservatism (mean NEES >= 0.75 n). Fixed seeds; 100 runs x
 * 40 steps.
 */
import { afterAll, describe, expect, it } from "vitest";
import { stateDimension } from "../../src/tracking/types.js";
import { KalmanFilter } from "../../src/tracking/filters/kalman.js";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { UnscentedKalmanFilter } from "../../src/tracking/filters/unscentedKalman.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import { ConstantAccelerationModel } from "../../src/tracking/models/transition/constantAcceleration.js";
import { SingerModel } from "../../src/tracking/models/transition/singer.js";
import { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import { RadarMeasurementModel } from "../../src/tracking/models/measurement/radar.js";
import { positionMeasurementModel } from "../../src/tracking/models/measurement/linear.js";
import { averageChiSquareBounds, nees } from "../../src/tracking/metrics/consistency.js";
import { ImmFilter } from "../../src/tracking/filters/imm.js";
import type {
  GaussianState,
  Innovation,
  MeasurementModel,
  TrackingFilter,
  TransitionModel,
} from "../../src/tracking/types.js";
import { createInnovation, isNonlinearTransition } from "../../src/tracking/types.js";
import { TestRng } from "./helpers.js";
import { recordValidation, sig } from "../validation.js";

const A = 6378137;
/** Radar at (0 N, 0 E): ENU rows E = +y, N = +z, U = +x. */
function radar(m: 3 | 4): RadarMeasurementModel {
  const R =
    m === 4 ? [100, 0, 0, 0, 0, 1e-6, 0, 0, 0, 0, 1e-6, 0, 0, 0, 0, 1] : [100, 0, 0, 0, 1e-6, 0, 0, 0, 1e-6];
  return new RadarMeasurementModel().configureFrom([A, 0, 0], [0, 0, 0], [0, 1, 0, 0, 0, 1, 1, 0, 0], R, m);
}

function propagateTruth(model: TransitionModel, x: Float64Array, dt: number, rng: TestRng): Float64Array {
  const n = stateDimension(model);
  const mean = isNonlinearTransition(model) ? model.f(x, dt) : matVec(model.F(dt), x, n);
  return rng.gaussian(mean, model.Q(dt), n);
}

function matVec(F: ArrayLike<number>, x: Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) out[i] += F[i * n + j] * x[j];
  return out;
}

function measure(model: MeasurementModel, x: Float64Array, rng: TestRng): Float64Array {
  const m = Math.round(Math.sqrt(model.R.length));
  const zTrue = "h" in model ? model.h(x) : matVec(model.H, x, 0).slice(0, 0);
  if (!("h" in model)) {
    const n = x.length;
    const z = new Float64Array(m);
    for (let i = 0; i < m; i++) for (let j = 0; j < n; j++) z[i] += model.H[i * n + j] * x[j];
    return rng.gaussian(z, model.R, m);
  }
  return rng.gaussian(zTrue, model.R, m);
}

interface Case {
  name: string;
  /** The filter and the transition model, for the validation table. */
  filterName: string;
  modelName: string;
  make: () => { filter: TrackingFilter; model: TransitionModel; meas: MeasurementModel };
  mean0: number[];
  /** Components scored by NEES (default: the whole state). */
  neesDim?: number;
  /** A mixture filter (the IMM): its combined covariance also holds the other modes' spread, so it is
   *  conservative when the truth follows one mode; check NEES and NIS for over-confidence only (upper
   *  bound) and the mean NEES for gross conservatism (at least 0.75 n). */
  mixture?: boolean;
}

const cv = () => new ConstantVelocityModel({ psdM2S3: 4 });
const cvPiecewise = () => new ConstantVelocityModel({ accelSigmaMps2: 2 });
const ca = () => new ConstantAccelerationModel({ psdM2S5: 0.5, initialAccelSigmaMps2: 5 });
const singer = () => new SingerModel({ timeConstantS: 20, accelSigmaMps2: 5 });
const ballistic = () =>
  new BallisticModel({ accelPsdM2S3: 1, kappaPriorMean: 1e-4, kappaPriorSigma: 2e-5, kappaPsd: 1e-14 });

const pv = [A + 30e3, 50e3, 80e3, -300, 1500, -500];
const pvBallistic = [A + 50e3, 30e3, 60e3, -1500, 2000, -300];

function cases(): Case[] {
  const list: Case[] = [];
  const linearModels: [string, () => TransitionModel][] = [
    ["CV", cv],
    ["CV piecewise", cvPiecewise],
    ["CA", ca],
    ["Singer", singer],
  ];
  for (const [name, mk] of linearModels) {
    list.push({
      name: `KF ${name} / position`,
      filterName: "KalmanFilter, 3-D position measurements",
      modelName: name,
      make: () => {
        const model = mk();
        const meas = positionMeasurementModel(
          stateDimension(model),
          Float64Array.from([400, 0, 0, 0, 400, 0, 0, 0, 400]),
        );
        return {
          filter: new KalmanFilter({ transition: model as ConstantVelocityModel, measurement: meas }),
          model,
          meas,
        };
      },
      mean0: pv,
    });
  }
  const all: [string, () => TransitionModel, number[]][] = [
    ["CV", cv, pv],
    ["CA", ca, pv],
    ["Singer", singer, pv],
    ["ballistic", ballistic, pvBallistic],
  ];
  for (const [name, mk, mean0] of all) {
    list.push({
      name: `EKF ${name} / radar 4-D`,
      filterName: "ExtendedKalmanFilter, radar range, azimuth, elevation, range rate",
      modelName: name,
      make: () => {
        const model = mk();
        const meas = radar(4);
        return { filter: new ExtendedKalmanFilter({ transition: model, measurement: meas }), model, meas };
      },
      mean0,
    });
    list.push({
      name: `UKF ${name} / radar 3-D`,
      filterName: "UnscentedKalmanFilter, radar range, azimuth, elevation",
      modelName: name,
      make: () => {
        const model = mk();
        const meas = radar(3);
        return { filter: new UnscentedKalmanFilter({ transition: model, measurement: meas }), model, meas };
      },
      mean0,
    });
  }
  // The IMM (ballistic, constant acceleration, constant velocity), truth from its ballistic mode: its
  // combined estimate is a Gaussian-mixture approximation, scored on position and velocity.
  list.push({
    name: "IMM ballistic+CA+CV / radar 4-D (truth ballistic)",
    filterName: "ImmFilter (ballistic, CA, CV EKFs), radar 4-D, truth from the ballistic mode",
    modelName: "ballistic",
    make: () => {
      const model = ballistic();
      const meas = radar(4);
      const filter = new ImmFilter({
        filters: [
          new ExtendedKalmanFilter({ transition: model, measurement: meas }),
          new ExtendedKalmanFilter({ transition: ca(), measurement: meas }),
          new ExtendedKalmanFilter({ transition: cv(), measurement: meas }),
        ],
        sojournTimesS: [60, 20, 20],
        initialProbabilities: [0.8, 0.1, 0.1],
        measurement: meas,
      });
      return { filter: filter as unknown as TrackingFilter, model, meas };
    },
    mean0: pvBallistic,
    neesDim: 6,
    mixture: true,
  });
  return list;
}

const RUNS = 100;
const STEPS = 40;

/** One case's figures for the validation table. */
interface Outcome {
  model: string;
  n: number;
  m: number;
  neesMean: number;
  nisMean: number;
  neesIn: number;
  nisIn: number;
}

/** "lo-hi" of the 95 % interval of a RUNS-run average with k degrees of freedom. */
function interval(k: number): string {
  const b = averageChiSquareBounds(RUNS, k);
  return `${sig(b.lower, 3)}-${sig(b.upper, 3)}`;
}

describe("NEES and NIS consistency over Monte Carlo runs (every filter x model)", () => {
  const outcomes = new Map<string, Outcome[]>();
  afterAll(() => {
    for (const [filterName, list] of outcomes) {
      const mixture = filterName.startsWith("ImmFilter");
      const dims = [...new Set(list.map((o) => o.n))].sort((a, b) => a - b);
      const m = list[0].m;
      const models = list
        .map(
          (o) =>
            `${o.model}${dims.length > 1 ? ` (n ${o.n})` : ""} NEES ${sig(o.neesMean, 3)}, NIS ${sig(o.nisMean, 3)} ` +
            `(steps ${mixture ? "under the upper bound" : "inside"}: ${o.neesIn}, ${o.nisIn} of ${STEPS})`,
        )
        .join("; ");
      recordValidation({
        area: "tracking",
        model: `NEES and NIS, ${filterName}`,
        reference:
          "Bar-Shalom, Li & Kirubarajan 2001 sec. 5.4.2: for a consistent filter NEES ~ chi-square(n), NIS ~ chi-square(m); " +
          `the ${RUNS}-run average at a step lies in [chi2inv(0.025, ${RUNS} k), chi2inv(0.975, ${RUNS} k)] / ${RUNS} with 95 % probability; ` +
          `truth drawn from the filter's own model, ${RUNS} runs x ${STEPS} steps`,
        figure:
          `mean over runs and steps (n ${dims.join(", ")}; m ${m}): ${models}; ` +
          `95 % intervals: NEES ${dims.map((n) => `(n ${n}) ${interval(n)}`).join(", ")}, NIS (m ${m}) ${interval(m)}`,
        tolerance: mixture
          ? `mean NEES 0.75 n to 1.15 n, mean NIS < 1.15 m (a mixture is conservative when the truth follows one mode); at least ${0.8 * STEPS} of ${STEPS} steps under the upper bound`
          : `mean NEES and NIS within 15 % of n and m; at least ${0.8 * STEPS} of ${STEPS} steps inside the interval`,
      });
    }
  });
  cases().forEach((c, caseIndex) => {
    it(c.name, () => {
      const { filter, model, meas } = c.make();
      const n = stateDimension(model);
      const m = Math.round(Math.sqrt(meas.R.length));
      const neesSum = new Float64Array(STEPS);
      const nisSum = new Float64Array(STEPS);
      const rng = new TestRng(1000 + caseIndex);
      const inn: Innovation = createInnovation(4);
      for (let run = 0; run < RUNS; run++) {
        let est: GaussianState = filter.createState(0);
        const P6 = new Float64Array(36);
        for (let i = 0; i < 6; i++) P6[i * 7] = i < 3 ? 200 ** 2 : 30 ** 2;
        filter.initializeInto(c.mean0, P6, 0, est);
        // Truth from the model's prior (for the IMM: its first mode's).
        const prior: GaussianState =
          stateDimension(model) === est.x.length
            ? est
            : (est as unknown as { modes: GaussianState[] }).modes[0];
        let truth = rng.gaussian(prior.x, prior.P, n);
        for (let k = 0; k < STEPS; k++) {
          const t = k + 1;
          truth = propagateTruth(model, truth, 1, rng);
          const z = measure(meas, truth, rng);
          const pred = filter.predict(est, t);
          filter.innovationInto(pred, z, inn);
          nisSum[k] += inn.nis;
          est = filter.update(pred, z);
          neesSum[k] += nees(est.x, est.P, truth, c.neesDim ?? n);
        }
      }
      const nd = c.neesDim ?? n;
      const neesB = averageChiSquareBounds(RUNS, nd);
      const nisB = averageChiSquareBounds(RUNS, m);
      let neesIn = 0;
      let nisIn = 0;
      for (let k = 0; k < STEPS; k++) {
        const a = neesSum[k] / RUNS;
        const b = nisSum[k] / RUNS;
        if ((c.mixture || a >= neesB.lower) && a <= neesB.upper) neesIn++;
        if ((c.mixture || b >= nisB.lower) && b <= nisB.upper) nisIn++;
      }
      expect(neesIn, `NEES inside at ${neesIn}/${STEPS} steps`).toBeGreaterThanOrEqual(0.8 * STEPS);
      expect(nisIn, `NIS inside at ${nisIn}/${STEPS} steps`).toBeGreaterThanOrEqual(0.8 * STEPS);
      const neesMean = neesSum.reduce((a, b) => a + b, 0) / (RUNS * STEPS);
      const nisMean = nisSum.reduce((a, b) => a + b, 0) / (RUNS * STEPS);
      const list = outcomes.get(c.filterName) ?? [];
      list.push({ model: c.modelName, n: nd, m, neesMean, nisMean, neesIn, nisIn });
      outcomes.set(c.filterName, list);
      if (c.mixture) {
        expect(neesMean / nd, `mean NEES ${neesMean} for n = ${nd}`).toBeGreaterThan(0.75);
        expect(neesMean / nd, `mean NEES ${neesMean} for n = ${nd}`).toBeLessThan(1.15);
        expect(nisMean / m, `mean NIS ${nisMean} for m = ${m}`).toBeLessThan(1.15);
      } else {
        expect(Math.abs(neesMean / nd - 1), `mean NEES ${neesMean} for n = ${nd}`).toBeLessThan(0.15);
        expect(Math.abs(nisMean / m - 1), `mean NIS ${nisMean} for m = ${m}`).toBeLessThan(0.15);
      }
    });
  });
});
