/**
 * Tracking benchmarks. Every timed figure gives CPU time (the process's, user + system) beside wall
 * time, the median and the spread (max - min) beside the best, and the one-minute load average when it
 * ran (bench/harness.ts); the `value` is the CPU median (on a shared machine the wall time also counts
 * waiting for a core).
 * - Filters, fast path: microseconds per predict-and-update of a 6-state constant-velocity EKF and UKF
 *   with a 3-D radar, a UKF with a nonlinear motion model (ballistic, sigma points in the prediction),
 *   a three-model IMM. Targets from project issue 5: EKF <= 2 us, UKF <= 10 us, IMM <= 15 us.
 * - Filters, public path: the allocating API on plain user models beside the fast path and beside a
 *   dense filter written in plain JavaScript (trackingFilters.ts; targets from issue 12 item 6).
 * - GNN assignment of 20 x 20, triangulation of 3 lines of sight.
 * - The tracker on a synthetic raid: microseconds per detection at 20 targets, and at 20, 200 and
 *   2,000 targets (the CPU-time exponent shows the work per scan is linear: spatial indexes, sparse
 *   gating, association by components).
 */
import { bestTimeMs, loadAverage, measureRuns, perOpUs, report } from "./harness.js";
import { runFilterComparisons } from "./trackingFilters.js";
import { ExtendedKalmanFilter } from "../src/tracking/filters/extendedKalman.js";
import { UnscentedKalmanFilter } from "../src/tracking/filters/unscentedKalman.js";
import { ConstantVelocityModel } from "../src/tracking/models/transition/constantVelocity.js";
import { RadarMeasurementModel } from "../src/tracking/models/measurement/radar.js";
import { ConstantAccelerationModel } from "../src/tracking/models/transition/constantAcceleration.js";
import { BallisticModel } from "../src/tracking/models/transition/ballistic.js";
import { ImmFilter } from "../src/tracking/filters/imm.js";
import { GnnAssigner } from "../src/tracking/association/gnn.js";
import { Triangulator } from "../src/tracking/initiation/triangulate.js";
import { LineOfSightMeasurementModel } from "../src/tracking/models/measurement/lineOfSight.js";
import type { Detection } from "../src/sensors/detection.js";
import { lineOfSightDetection, radarDetection } from "../src/sensors/models/detections.js";
import { Tracker } from "../src/tracking/management/tracker.js";
import { geodeticToEcefInto } from "../src/earth/geodetic.js";
import { enuRotationInto } from "../src/earth/enu.js";
import type { GaussianState, TrackingFilter } from "../src/tracking/types.js";

/** A radar on the equator at 0 deg longitude (ENU rows: E = y, N = z, U = x in ECEF). */
function radarModel(): RadarMeasurementModel {
  const sd = [20, 1e-3, 1e-3];
  return new RadarMeasurementModel().configureFrom(
    [6378137, 0, 0],
    [0, 0, 0],
    [0, 1, 0, 0, 0, 1, 1, 0, 0],
    [sd[0] ** 2, 0, 0, 0, sd[1] ** 2, 0, 0, 0, sd[2] ** 2],
    3,
  );
}

/**
 * Microseconds per predict+update of `filter` on a target flying straight at 2 km/s, 150 km from the
 * radar, with 10 Hz radar updates (deterministic pseudo-noise): CPU and wall, median, spread and best
 * of `repeats` batches of `steps`.
 */
function timePerStep<S extends GaussianState>(
  filter: TrackingFilter<S>,
  radar: RadarMeasurementModel,
  init: (s: S) => void,
  steps = 20000,
  repeats = 11,
): Record<string, number> {
  const state = filter.createState(0);
  const pred = filter.createState(0);
  const truth = new Float64Array(6);
  const z = new Float64Array(3);
  const dt = 0.1;
  const body = (): number => {
    // Restart the geometry each batch so every batch sees the same flight.
    truth.set([6378137 + 20000, 100000, 100000, -1000, 1500, 800]);
    init(state);
    state.timeS = 0;
    let t = 0;
    let sink = 0;
    for (let k = 0; k < steps; k++) {
      t += dt;
      for (let i = 0; i < 3; i++) truth[i] += truth[i + 3] * dt;
      filter.predictInto(state, t, pred);
      radar.hInto(truth, z);
      z[0] += 10 * (((k * 7) % 5) - 2);
      z[1] += 5e-4 * (((k * 3) % 5) - 2);
      filter.updateInto(pred, z, state);
      // Read the result as a tracker would (the IMM combines its modes when its estimate is read).
      sink += state.x[0] * 1e-30 + state.P[0] * 1e-30;
    }
    return sink + state.x[0];
  };
  return { ...perOpUs(measureRuns(body, repeats, 2), steps), loadAverage1m: loadAverage() };
}

function initCv(s: GaussianState): void {
  s.x.set([6378137 + 20000, 100000, 100000, -1000, 1500, 800]);
  s.P.fill(0);
  for (let i = 0; i < 6; i++) s.P[i * 7] = i < 3 ? 100 ** 2 : 100 ** 2;
}

function reportStep(name: string, t: Record<string, number>, target: number, detail = {}): void {
  report({
    name,
    value: t.cpuMedianUs,
    unit: "us CPU per predict+update (median)",
    target: `<= ${target}`,
    pass: t.cpuMedianUs <= target,
    detail: { ...t, ...detail },
  });
}

export function run(): void {
  const radar = radarModel();
  const cv = new ConstantVelocityModel({ psdM2S3: 100 });
  const ekf = new ExtendedKalmanFilter({ transition: cv, measurement: radar });
  reportStep("tracking.ekf_cv6_radar3_predict_update", timePerStep(ekf, radar, initCv), 2);
  const ukf = new UnscentedKalmanFilter({ transition: cv, measurement: radar });
  reportStep("tracking.ukf_cv6_radar3_predict_update", timePerStep(ukf, radar, initCv), 10, {
    motion: "linear (constant velocity): the prediction is the Kalman one, exact",
  });
  // A UKF with a nonlinear motion model: sigma points through the ballistic dynamics (RK4 with gravity,
  // J2, rotation and drag) in every prediction.
  const ukfBallistic = new UnscentedKalmanFilter({
    transition: new BallisticModel({ accelPsdM2S3: 1 }),
    measurement: radar,
  });
  const P7 = new Float64Array(49);
  for (let i = 0; i < 6; i++) P7[i * 8] = 100 ** 2;
  P7[48] = 1e-8;
  const x7 = [6378137 + 20000, 100000, 100000, -1000, 1500, 800, 1e-4];
  reportStep(
    "tracking.ukf_ballistic7_radar3_predict_update",
    timePerStep(
      ukfBallistic,
      radar,
      (s) => {
        s.x.set(x7);
        s.P.set(P7);
      },
      2000,
      7,
    ),
    100,
    { motion: "nonlinear (ballistic, 7 states): 15 sigma points through the dynamics each prediction" },
  );
  const imm = new ImmFilter({
    filters: [
      new ExtendedKalmanFilter({ transition: new BallisticModel({ accelPsdM2S3: 1 }), measurement: radar }),
      new ExtendedKalmanFilter({
        transition: new ConstantAccelerationModel({ psdM2S5: 100 }),
        measurement: radar,
      }),
      new ExtendedKalmanFilter({ transition: cv, measurement: radar }),
    ],
    sojournTimesS: [30, 10, 10],
    measurement: radar,
  });
  const P6 = new Float64Array(36);
  for (let i = 0; i < 6; i++) P6[i * 7] = 100 ** 2;
  const x6 = [6378137 + 20000, 100000, 100000, -1000, 1500, 800];
  reportStep(
    "tracking.imm3_ballistic_ca_cv_radar3_predict_update",
    timePerStep(imm, radar, (s) => imm.initializeInto(x6, P6, 0, s), 5000, 11),
    15,
    { modes: ["ballistic EKF (7)", "constant acceleration EKF (9)", "constant velocity EKF (6)"] },
  );
  runFilterComparisons();
  runAssociation();
  runTrackerThroughput();
  runTrackerScaling();
}

/** A deterministic pseudo-random 20 x 20 cost matrix (NIS-like values, some pairs outside the gate). */
function costMatrix(n: number): Float64Array {
  const c = new Float64Array(n * n);
  let s = 12345;
  for (let i = 0; i < n * n; i++) {
    s = (s * 1103515245 + 12345) % 2147483648;
    const u = s / 2147483648;
    c[i] = u < 0.3 ? Infinity : u * 20;
  }
  return c;
}

/** Three lines of sight from satellites 1000 km up to a target 60 km up near 36 N 140 E. */
function linesOfSight(): Detection[] {
  const target = [-3947000, 3312000, 3763000];
  const sats = [
    [-4800000, 3000000, 4200000],
    [-3200000, 4200000, 4400000],
    [-4300000, 3900000, 3300000],
  ];
  return sats.map((s, k) => {
    const r = Math.hypot(s[0], s[1], s[2]);
    const x = [-s[0] / r, -s[1] / r, -s[2] / r];
    const e = Math.hypot(x[0], x[1]);
    const y = [-x[1] / e, x[0] / e, 0];
    const z = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
    const rot = Float64Array.from([...x, ...y, ...z]);
    const R = Float64Array.from([2.5e-9, 0, 0, 2.5e-9]);
    const model = new LineOfSightMeasurementModel().configureFrom(s, rot, R);
    const zz = model.h(Float64Array.from([...target, 0, 0, 0]));
    return lineOfSightDetection({
      timeS: 0,
      sensorId: `sat-${k}`,
      z: zz,
      R,
      sensorPosEcefM: Float64Array.from(s),
      rotEcefToLocal: rot,
      snr: 10,
    });
  });
}

export function runAssociation(): void {
  const n = 20;
  const cost = costMatrix(n);
  const gnn = new GnnAssigner();
  const reps = 200;
  const ms = bestTimeMs(
    () => {
      let s = 0;
      for (let r = 0; r < reps; r++) s += gnn.assign(cost, n, n, 13.3).cost;
      return s;
    },
    10,
    3,
  );
  report({
    name: "tracking.gnn_assign_20x20",
    value: (ms * 1000) / reps,
    unit: "us",
    detail: { solver: "munkres 2.0.4 on a 20 x 40 matrix (20 detections + 20 miss columns)" },
  });
  const dets = linesOfSight();
  const tri = new Triangulator();
  const tReps = 2000;
  const tms = bestTimeMs(
    () => {
      let s = 0;
      for (let r = 0; r < tReps; r++) s += tri.triangulate(dets)?.chiSquare ?? 0;
      return s;
    },
    10,
    3,
  );
  report({
    name: "tracking.triangulate_3_lines",
    value: (tms * 1000) / tReps,
    unit: "us",
    detail: { lines: 3, gaussNewtonIterations: 3 },
  });
}

/** Deterministic uniform in [0, 1) from a 32-bit LCG (benchmark noise only). */
function lcg(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

/**
 * A raid slice: targets flying straight near 36 N 140 E, 2 radars (1 Hz, range, angles and range
 * rate) and 8 infrared satellites (1 Hz, every target in view), for `durationS`. With `targets`
 * omitted, the fixed 20-target grid of the throughput figure (2-3 km/s); with a count, that many
 * targets at random 30-90 km up in a box of 4 x 4 degrees per 200 targets (side growing as the square
 * root of the count: the same crowding at every size, about one target per 800 km^2, as a cluster of
 * the 20-threat raid's copies in issue 12), at about 2.5 km/s in random directions.
 */
function raidDetections(durationS: number, count?: number): Detection[][] {
  const rnd = lcg(7);
  const gauss = () => Math.sqrt(-2 * Math.log(rnd() + 1e-12)) * Math.cos(2 * Math.PI * rnd());
  const D = Math.PI / 180;
  const targets =
    count === undefined
      ? Array.from({ length: 20 }, (_, k) => {
          const p = geodeticToEcefInto(
            (34 + (k % 5) * 0.5) * D,
            (138 + Math.floor(k / 5) * 0.6) * D,
            40e3 + 2e3 * k,
            new Float64Array(3),
          );
          const v = [800 + 40 * k, -2000 + 30 * k, 300 - 20 * k];
          return { p, v };
        })
      : Array.from({ length: count }, () => {
          const side = 4 * Math.sqrt(count / 200);
          const p = geodeticToEcefInto(
            (35 + side * (rnd() - 0.5)) * D,
            (139 + side * (rnd() - 0.5)) * D,
            30e3 + 60e3 * rnd(),
            new Float64Array(3),
          );
          const v = [1450 * gauss(), 1450 * gauss(), 500 * gauss()];
          return { p, v };
        });
  const radars = [
    [35.3, 139.7],
    [34.0, 136.0],
  ].map(([lat, lon], k) => {
    const pos = geodeticToEcefInto(lat * D, lon * D, 0, new Float64Array(3));
    const rot = enuRotationInto(lat * D, lon * D, new Float64Array(9));
    const R = Float64Array.from([400, 0, 0, 0, 0, 1e-6, 0, 0, 0, 0, 1e-6, 0, 0, 0, 0, 4]);
    return {
      id: `radar-${k}`,
      model: new RadarMeasurementModel().configureFrom(pos, [0, 0, 0], rot, R, 4),
      pos,
      rot,
      R,
    };
  });
  const sats = Array.from({ length: 8 }, (_, k) => {
    const lat = (25 + 5 * (k % 4)) * D;
    const lon = (125 + 10 * Math.floor(k / 4) + 3 * k) * D;
    const pos = geodeticToEcefInto(lat, lon, 1000e3, new Float64Array(3));
    const r = Math.hypot(pos[0], pos[1], pos[2]);
    const x = [-pos[0] / r, -pos[1] / r, -pos[2] / r];
    const e = Math.hypot(x[0], x[1]);
    const y = [-x[1] / e, x[0] / e, 0];
    const z = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
    const rot = Float64Array.from([...x, ...y, ...z]);
    const R = Float64Array.from([1.6e-9, 0, 0, 1.6e-9]);
    return {
      id: `sat-${k}`,
      model: new LineOfSightMeasurementModel().configureFrom(pos, rot, R),
      pos,
      rot,
      R,
    };
  });
  const steps: Detection[][] = [];
  const x = new Float64Array(6);
  for (let t = 0; t < durationS; t++) {
    const dets: Detection[] = [];
    targets.forEach((tg, k) => {
      for (let i = 0; i < 3; i++) {
        x[i] = tg.p[i] + tg.v[i] * t;
        x[3 + i] = tg.v[i];
      }
      for (const r of radars) {
        const z = r.model.h(x);
        for (let i = 0; i < 4; i++) z[i] += Math.sqrt(r.R[i * 5]) * gauss();
        dets.push(
          radarDetection({
            timeS: t,
            sensorId: r.id,
            z,
            R: r.R,
            sensorPosEcefM: r.pos,
            rotEcefToLocal: r.rot,
            snr: 50,
            truthId: `t${k}`,
          }),
        );
      }
      for (const s of sats) {
        const z = s.model.h(x);
        z[0] += 4e-5 * gauss();
        z[1] += 4e-5 * gauss();
        dets.push(
          lineOfSightDetection({
            timeS: t,
            sensorId: s.id,
            z,
            R: s.R,
            sensorPosEcefM: s.pos,
            rotEcefToLocal: s.rot,
            snr: 20,
            truthId: `t${k}`,
          }),
        );
      }
    });
    steps.push(dets);
  }
  return steps;
}

const cvModel = () => new ConstantVelocityModel({ psdM2S3: 100 });
const trackerFilters: [string, () => TrackingFilter<GaussianState>][] = [
  ["ekf_cv", () => new ExtendedKalmanFilter({ transition: cvModel() })],
  [
    "imm3",
    () =>
      new ImmFilter({
        filters: [
          new ExtendedKalmanFilter({ transition: new BallisticModel({ accelPsdM2S3: 1 }) }),
          new ExtendedKalmanFilter({ transition: new ConstantAccelerationModel({ psdM2S5: 100 }) }),
          new ExtendedKalmanFilter({ transition: cvModel() }),
        ],
        sojournTimesS: [30, 10, 10],
      }) as unknown as TrackingFilter<GaussianState>,
  ],
];

export function runTrackerThroughput(): void {
  const durationS = 60;
  const steps = raidDetections(durationS);
  const total = steps.reduce((a, s) => a + s.length, 0);
  for (const [name, make] of trackerFilters) {
    let confirmed = 0;
    const t = measureRuns(
      () => {
        const tracker = new Tracker({ filter: make() });
        for (let k = 0; k < steps.length; k++) tracker.step(k, steps[k]);
        confirmed = tracker.tracks.filter((tr) => tr.status === "confirmed").length;
        return confirmed;
      },
      5,
      1,
    );
    const per = perOpUs(t, total);
    report({
      name: `tracking.tracker_${name}_us_per_detection`,
      value: per.cpuMedianUs,
      unit: "us CPU per detection (median)",
      detail: {
        ...per,
        loadAverage1m: loadAverage(),
        targets: 20,
        radars: 2,
        satellites: 8,
        durationS,
        detections: total,
        confirmedTracks: confirmed,
      },
    });
  }
}

/**
 * The tracker's cost against the size of the raid: 20, 200 and 2,000 targets at the same crowding
 * (10 s of 2 radars and 8 satellites all seeing every target, tracks started and confirmed within it;
 * EKF), microseconds per detection and the CPU-time exponent
 * log(t_2000 / t_200) / log(10) (1: linear; testing every track against every detection of every scan
 * would be about 2, and the dense assignment of the radar scans up to 3).
 */
export function runTrackerScaling(): void {
  const durationS = 10;
  const cpuMs: number[] = [];
  const sizes = [20, 200, 2000];
  for (const count of sizes) {
    const steps = raidDetections(durationS, count);
    const total = steps.reduce((a, s) => a + s.length, 0);
    let confirmed = 0;
    const t = measureRuns(
      () => {
        const tracker = new Tracker({ filter: trackerFilters[0][1]() });
        for (let k = 0; k < steps.length; k++) tracker.step(k, steps[k]);
        confirmed = tracker.tracks.filter((tr) => tr.status === "confirmed").length;
        return confirmed;
      },
      count >= 2000 ? 3 : 5,
      1,
    );
    cpuMs.push(t.cpuMedianMs);
    const per = perOpUs(t, total);
    report({
      name: `tracking.tracker_scaling_${count}_targets_us_per_detection`,
      value: per.cpuMedianUs,
      unit: "us CPU per detection (median)",
      detail: {
        ...per,
        loadAverage1m: loadAverage(),
        targets: count,
        durationS,
        detections: total,
        confirmedTracks: confirmed,
        cpuMedianMs: t.cpuMedianMs,
        ...filterCallsPerDetection(steps, total),
      },
    });
  }
  const exponent = Math.log(cpuMs[2] / cpuMs[1]) / Math.log(sizes[2] / sizes[1]);
  report({
    name: "tracking.tracker_scaling_cpu_exponent_200_to_2000",
    value: Number(exponent.toFixed(3)),
    unit: "d log(CPU time) / d log(targets)",
    target: "<= 1.15",
    pass: exponent <= 1.15,
    detail: {
      cpuMedianMs: Object.fromEntries(sizes.map((n, i) => [n, cpuMs[i]])),
      note: "fixed sensors: a larger crowd is seen from farther and more obliquely, so the measurements crowd more (innovations per detection grow); the per-pair work is constant",
    },
  });
}

/** Filter calls per detection in an untimed run (counts only): the work the tracker asks for. */
function filterCallsPerDetection(steps: Detection[][], total: number): Record<string, number> {
  const f = trackerFilters[0][1]();
  const counts = { innovations: 0, predictions: 0, updates: 0 };
  const innovation = f.innovationInto.bind(f);
  const predict = f.predictInto.bind(f);
  const update = f.updateInto.bind(f);
  f.innovationInto = (...a) => (counts.innovations++, innovation(...a));
  f.predictInto = (...a) => (counts.predictions++, predict(...a));
  f.updateInto = (...a) => (counts.updates++, update(...a));
  const tracker = new Tracker({ filter: f });
  for (let k = 0; k < steps.length; k++) tracker.step(k, steps[k]);
  const r = (v: number) => Number((v / total).toFixed(3));
  return {
    innovationsPerDetection: r(counts.innovations),
    predictionsPerDetection: r(counts.predictions),
    updatesPerDetection: r(counts.updates),
  };
}
