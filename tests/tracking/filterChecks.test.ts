/**
 * The filters refuse what they cannot stand behind, and hand back their statistics as values:
 * - bad input (NaN, infinities, empty or wrong-length measurements, states of the wrong dimension,
 *   non-square R, a NaN time) is refused with a RangeError naming the argument, for every filter
 *   (property test over random bad values);
 * - a covariance that is not positive definite is never returned: an indefinite prediction makes the
 *   update throw NonPositiveDefiniteError;
 * - `update` fills the caller's Innovation with what `innovationInto` computes;
 * - the allocating calls return independent states (views on shared slabs) equal bit for bit to the
 *   allocation-free ones, and a linear model's F(dt) and any model's Q(dt) are evaluated once per
 *   distinct step (unless the model says its Q reads the state);
 * - the tracker drops (and reports) a track whose covariance is made indefinite, and goes on; it
 *   refuses a detection with a NaN measurement.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { NonPositiveDefiniteError } from "../../src/math/matrix.js";
import { KalmanFilter } from "../../src/tracking/filters/kalman.js";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { UnscentedKalmanFilter } from "../../src/tracking/filters/unscentedKalman.js";
import { ImmFilter } from "../../src/tracking/filters/imm.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import { ConstantAccelerationModel } from "../../src/tracking/models/transition/constantAcceleration.js";
import { positionMeasurementModel } from "../../src/tracking/models/measurement/linear.js";
import { RadarMeasurementModel } from "../../src/tracking/models/measurement/radar.js";
import { Tracker } from "../../src/tracking/management/tracker.js";
import { createInnovation } from "../../src/tracking/types.js";
import type {
  GaussianState,
  LinearTransitionModel,
  NonlinearTransitionModel,
  TrackingFilter,
} from "../../src/tracking/types.js";
import { TestRng } from "./helpers.js";
import { ecef, radarDetection } from "./scenario.js";
import type { RadarSite, Target } from "./scenario.js";

const R3 = Float64Array.from([400, 0, 0, 0, 400, 0, 0, 0, 400]);
const position = positionMeasurementModel(6, R3);
const radar = new RadarMeasurementModel().configureFrom(
  [0, 0, 0],
  [0, 0, 0],
  [1, 0, 0, 0, 1, 0, 0, 0, 1],
  [400, 0, 0, 0, 1e-6, 0, 0, 0, 1e-6],
  3,
);

/** Every filter kind, with a measurement model it accepts and a valid measurement of a target at
 *  (30 km, 120 km, 20 km). */
function filters(): { name: string; f: TrackingFilter<GaussianState>; z: number[] }[] {
  const cv = () => new ConstantVelocityModel({ psdM2S3: 10 });
  const rz = Array.from(radar.h(Float64Array.from([30e3, 120e3, 20e3, 0, 0, 0])));
  return [
    { name: "KF", f: new KalmanFilter({ transition: cv(), measurement: position }), z: [30e3, 120e3, 20e3] },
    { name: "EKF", f: new ExtendedKalmanFilter({ transition: cv(), measurement: radar }), z: rz },
    { name: "UKF", f: new UnscentedKalmanFilter({ transition: cv(), measurement: radar }), z: rz },
    {
      name: "IMM",
      f: new ImmFilter({
        filters: [
          new ExtendedKalmanFilter({ transition: cv() }),
          new ExtendedKalmanFilter({ transition: new ConstantAccelerationModel({ psdM2S5: 1 }) }),
        ],
        measurement: radar,
      }) as unknown as TrackingFilter<GaussianState>,
      z: rz,
    },
  ];
}

function prior(f: TrackingFilter<GaussianState>): GaussianState {
  const s = f.createState(0);
  const P6 = new Float64Array(36);
  for (let i = 0; i < 6; i++) P6[i * 7] = i < 3 ? 1e4 : 1e4;
  return f.initializeInto([30e3, 120e3, 20e3, 100, -50, 10], P6, 0, s);
}

const bad = fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

describe("filters refuse bad input with a RangeError naming the argument", () => {
  for (const { name, f, z } of filters()) {
    it(`${name}: measurements`, () => {
      const pred = f.predict(prior(f), 1);
      expect(() => f.update(pred, [])).toThrow(/update: z must have \d components, got 0/);
      expect(() => f.update(pred, [...z, 1])).toThrow(RangeError);
      fc.assert(
        fc.property(fc.nat(z.length - 1), bad, (i, v) => {
          const zz = [...z];
          zz[i] = v;
          expect(() => f.update(pred, zz)).toThrow(/update: z is not finite/);
          expect(() => f.innovationInto(pred, zz, createInnovation())).toThrow(/innovation: z is not finite/);
        }),
        { numRuns: 30 },
      );
      expect(() => f.update(pred, z, { H: new Float64Array(18), R: new Float64Array(5) })).toThrow(
        /R must be a square matrix/,
      );
    });
    it(`${name}: states and times`, () => {
      const s = prior(f);
      expect(() => f.predict(s, Number.NaN)).toThrow(/predict: timeS must be a finite time/);
      expect(() => f.predict(s, -1)).toThrow(/predict backwards/);
      const broken = f.predict(s, 1);
      const modes = (broken as GaussianState & { modes?: GaussianState[] }).modes;
      const x = modes !== undefined ? modes[0].x : broken.x;
      x[2] = Number.NaN;
      expect(() => f.predict(broken, 2)).toThrow(/predict: state.*x is not finite \(NaN at index 2\)/);
      expect(() => f.update(broken, z)).toThrow(RangeError);
      expect(() =>
        f.predict({ x: new Float64Array(3), P: new Float64Array(9), timeS: 0 } as GaussianState, 1),
      ).toThrow(RangeError);
      expect(() =>
        f.initializeInto([0, 0, Number.NaN, 0, 0, 0], new Float64Array(36), 0, f.createState()),
      ).toThrow(/initialize: mean6 is not finite/);
    });
  }
});

describe("filters never return a covariance that is not positive definite", () => {
  for (const { name, f, z } of filters()) {
    if (name === "IMM") continue;
    it(`${name}: an indefinite predicted covariance is refused by the update`, () => {
      const pred = f.predict(prior(f), 1);
      // A correlation of 2 between the x and y velocities: every variance positive (and still
      // positive after the update, which leaves that block nearly alone), the matrix indefinite.
      pred.P[3 * 6 + 4] = pred.P[4 * 6 + 3] = 2 * Math.sqrt(pred.P[21] * pred.P[28]);
      expect(() => f.update(pred, z)).toThrow(NonPositiveDefiniteError);
      expect(() => f.verifyCovariance(pred)).toThrow(NonPositiveDefiniteError);
    });
  }
});

describe("statistics as values; states carved from slabs; F and Q once per step", () => {
  for (const { name, f, z } of filters()) {
    it(`${name}: update fills the caller's Innovation with innovationInto's values`, () => {
      const pred = f.predict(prior(f), 1);
      const a = createInnovation();
      const b = createInnovation();
      f.innovationInto(pred, z, a);
      f.update(pred, z, undefined, b);
      expect(b.m).toBe(a.m);
      expect(b.nis).toBe(a.nis);
      expect(b.logLikelihood).toBe(a.logLikelihood);
      expect(Array.from(b.y.subarray(0, b.m))).toEqual(Array.from(a.y.subarray(0, a.m)));
      expect(Number.isFinite(b.nis) && b.nis >= 0).toBe(true);
    });
    it(`${name}: allocating results are independent and equal the allocation-free path`, () => {
      const s0 = prior(f);
      const p1 = f.predict(s0, 1);
      const u1 = f.update(p1, z);
      const p2 = f.predict(u1, 2);
      const into = f.createState();
      f.predictInto(s0, 1, into);
      const out = f.createState();
      f.updateInto(into, z, out);
      expect(Array.from(u1.x)).toEqual(Array.from(out.x));
      expect(Array.from(u1.P)).toEqual(Array.from(out.P));
      // Later results do not overwrite earlier ones.
      const keep = Array.from(u1.x);
      f.update(p2, z);
      f.predict(p2, 5);
      expect(Array.from(u1.x)).toEqual(keep);
      expect(p1.x).not.toBe(u1.x);
    });
  }
  it("a linear model's F(dt) and Q(dt) are evaluated once per distinct step", () => {
    const cv = new ConstantVelocityModel({ psdM2S3: 10 });
    let calls = 0;
    const plain: LinearTransitionModel = {
      F: (dt) => (calls++, cv.F(dt)),
      Q: (dt) => (calls++, cv.Q(dt)),
    };
    const f = new KalmanFilter({ transition: plain, measurement: position });
    let s = prior(f);
    for (let k = 1; k <= 20; k++) s = f.update(f.predict(s, k), [30e3, 120e3, 20e3]);
    // Q once at construction (its size is the state's dimension), then F and Q once for dt = 1 s.
    expect(calls).toBe(1 + 2);
    f.predict(s, 20.5);
    expect(calls).toBe(5);
  });
  it("a nonlinear model's Q(dt) once per distinct step, unless it says Q reads the state", () => {
    const cv = new ConstantVelocityModel({ psdM2S3: 10 });
    const run = (filter: "EKF" | "UKF", dependsOnState: boolean) => {
      let qCalls = 0;
      const plain: NonlinearTransitionModel = {
        ndim: 6,
        f: (x, dt) => {
          const F = cv.F(dt);
          return Float64Array.from({ length: 6 }, (_, i) => {
            let v = 0;
            for (let j = 0; j < 6; j++) v += F[i * 6 + j] * x[j];
            return v;
          });
        },
        F: (_x, dt) => cv.F(dt),
        Q: (dt) => (qCalls++, cv.Q(dt)),
        processNoiseDependsOnState: dependsOnState,
      };
      const f =
        filter === "EKF"
          ? new ExtendedKalmanFilter({ transition: plain, measurement: radar })
          : new UnscentedKalmanFilter({ transition: plain, measurement: radar });
      const rz = radar.h(Float64Array.from([30e3, 120e3, 20e3, 0, 0, 0]));
      let s = prior(f);
      for (let k = 1; k <= 20; k++) s = f.update(f.predict(s, k), rz);
      return { qCalls, x: Array.from(s.x), P: Array.from(s.P) };
    };
    for (const filter of ["EKF", "UKF"] as const) {
      const reused = run(filter, false);
      const asked = run(filter, true);
      expect(reused.qCalls).toBe(1);
      expect(asked.qCalls).toBe(20);
      // A Q that is a function of dt alone: reusing it changes nothing.
      expect(reused.x).toEqual(asked.x);
      expect(reused.P).toEqual(asked.P);
    }
    // The ballistic model's Q grows with the drag where f was last evaluated: asked for every time.
    expect(new BallisticModel({ aeroNoiseFraction: 0.1 }).processNoiseDependsOnState).toBe(true);
    expect(new BallisticModel({}).processNoiseDependsOnState).toBe(false);
  });
});

describe("tracker: covariance hygiene", () => {
  const site: RadarSite = { id: "r", latDeg: 35.3, lonDeg: 139.7, sigmaRangeM: 20, sigmaAngleRad: 1e-3 };
  const targets: Target[] = [
    { id: "A", p0: ecef(36, 140.2, 30e3), v: [800, -1500, 400] },
    { id: "B", p0: ecef(36.5, 140.8, 35e3), v: [-600, 1000, 300] },
  ];
  it("drops and reports a track whose covariance is made indefinite; the other goes on", () => {
    const rng = new TestRng(3);
    const tracker = new Tracker({
      filter: new ExtendedKalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 10 }) }),
    });
    const events: string[] = [];
    for (let t = 0; t <= 20; t++) {
      if (t === 10) {
        // Corrupt T1's covariance: a position-velocity correlation of 2 on the x axis.
        const P = tracker.tracks[0].state.P;
        P[3] = P[18] = 2 * Math.sqrt(P[0] * P[21]);
      }
      const res = tracker.step(
        t,
        targets.map((tg) => radarDetection(site, tg, t, rng)),
      );
      for (const e of res.events) events.push(`${e.timeS} ${e.type} ${e.trackId} ${e.reason ?? ""}`.trim());
    }
    expect(events).toContain("10 track-dropped T1 covariance");
    expect(tracker.stats.filterErrors).toBe(1);
    // T2 follows its target to the end; T1's target starts a new track (T3), confirmed.
    expect(tracker.tracks.map((t) => [t.id, t.status])).toEqual([
      ["T2", "confirmed"],
      ["T3", "confirmed"],
    ]);
  });
  it("refuses a detection with a NaN measurement, naming it", () => {
    const rng = new TestRng(4);
    const tracker = new Tracker({
      filter: new ExtendedKalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 10 }) }),
    });
    const d = radarDetection(site, targets[0], 0, rng);
    d.z[1] = Number.NaN;
    expect(() => tracker.step(0, [radarDetection(site, targets[1], 0, rng), d])).toThrow(
      /Tracker.step: detections\[1\] \(r\).z is not finite/,
    );
    expect(() => tracker.step(Number.NaN, [])).toThrow(/nowS must be a finite time/);
  });
});
