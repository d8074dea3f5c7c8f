/**
 * Open seams: two sensor kinds the library does not have, written here against the `Sensor` interface
 * with their own measurement models, tracked by the library's tracker without any change to it.
 * - A fire-control radar that reports Cartesian ECEF positions (a linear model, z = [p], its own point
 *   initiation);
 * - an interceptor's seeker on a moving platform that reports [elevation, azimuth] in its body frame
 *   (x along its velocity), azimuth in the second component and clockwise: an angle-only bearing whose
 *   layout differs from the infrared line of sight. Two seekers triangulate a track.
 */
import { afterAll, describe, expect, it } from "vitest";
import { recordValidation, sig } from "../validation.js";
import type { TruthState } from "../../src/flight/truth.js";
import { createTruthState } from "../../src/flight/truthAt.js";
import type { Detection } from "../../src/sensors/detection.js";
import type {
  BearingInitiation,
  DetectionMeasurementModel,
  PointInitiation,
} from "../../src/sensors/measurement.js";
import type { Sensor } from "../../src/sensors/sensor.js";
import type { SensorRandom } from "../../src/sensors/stream.js";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { Tracker } from "../../src/tracking/management/tracker.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import { TestRng, TruthTally } from "./helpers.js";
import { ecef, targetState, type Target } from "./scenario.js";

/** A position report: z = p + v, v ~ N(0, sigma^2 I); fixes a point by itself. */
class PositionReport implements DetectionMeasurementModel, PointInitiation {
  readonly kind = "point" as const;
  readonly R: Float64Array;
  constructor(readonly sigmaM: number) {
    this.R = Float64Array.from([sigmaM ** 2, 0, 0, 0, sigmaM ** 2, 0, 0, 0, sigmaM ** 2]);
  }
  hInto(x: Float64Array, out: Float64Array): Float64Array {
    out[0] = x[0];
    out[1] = x[1];
    out[2] = x[2];
    return out;
  }
  HInto(x: Float64Array, out: Float64Array): Float64Array {
    const n = x.length;
    out.fill(0, 0, 3 * n);
    for (let i = 0; i < 3; i++) out[i * n + i] = 1;
    return out;
  }
  h(x: Float64Array): Float64Array {
    return this.hInto(x, new Float64Array(3));
  }
  H(x: Float64Array): Float64Array {
    return this.HInto(x, new Float64Array(3 * x.length));
  }
  positionEcefInto(z: ArrayLike<number>, out: Float64Array): Float64Array {
    out[0] = z[0];
    out[1] = z[1];
    out[2] = z[2];
    return out;
  }
  positionSigmaM(): number {
    return Math.sqrt(3) * this.sigmaM;
  }
  initialGaussianInto(
    z: ArrayLike<number>,
    velocitySigmaMps: number,
    mean: Float64Array,
    cov: Float64Array,
  ): void {
    mean.fill(0, 0, 6);
    cov.fill(0, 0, 36);
    for (let i = 0; i < 3; i++) {
      mean[i] = z[i];
      cov[i * 7] = this.sigmaM ** 2;
      cov[(3 + i) * 7] = velocitySigmaMps ** 2;
    }
  }
}

/** A fire-control radar reporting the positions of every target within range, every `revisitS`. */
class FireControlRadar implements Sensor {
  readonly latencyS = 0.1;
  nextLookTimeS = 0;
  readonly model: PositionReport;
  constructor(
    readonly id: string,
    readonly siteEcefM: Float64Array,
    readonly rangeM: number,
    sigmaM: number,
    readonly revisitS = 1,
  ) {
    this.model = new PositionReport(sigmaM);
  }
  reset(): void {
    this.nextLookTimeS = 0;
  }
  observe(
    truths: readonly TruthState[],
    timeS: number,
    rng: SensorRandom,
    out: Detection[] = [],
  ): Detection[] {
    if (timeS < this.nextLookTimeS - 1e-9) return out;
    this.nextLookTimeS = timeS + this.revisitS;
    for (const t of truths) {
      const p = t.posEcefM;
      const s = this.siteEcefM;
      if (Math.hypot(p[0] - s[0], p[1] - s[1], p[2] - s[2]) > this.rangeM) continue;
      const z = Float64Array.from([0, 1, 2].map((i) => p[i] + this.model.sigmaM * rng.normal()));
      out.push({
        timeS,
        arrivalTimeS: timeS + this.latencyS,
        sensorId: this.id,
        kind: "position-report",
        z,
        R: this.model.R,
        model: this.model,
        initiation: this.model,
        sensorPosEcefM: this.siteEcefM,
        sensorVelEcefMps: new Float64Array(3),
        rotEcefToLocal: Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]),
        snr: 100,
        truthId: t.id,
      });
    }
    return out;
  }
}

/** Body frame rows (ECEF -> body): x along the velocity, y = x cross up-ish, z = x cross y. */
function bodyFrame(pos: ArrayLike<number>, vel: ArrayLike<number>): Float64Array {
  const v = Math.hypot(vel[0], vel[1], vel[2]);
  const x = [vel[0] / v, vel[1] / v, vel[2] / v];
  const r = Math.hypot(pos[0], pos[1], pos[2]);
  const up = [pos[0] / r, pos[1] / r, pos[2] / r];
  let y = [x[1] * up[2] - x[2] * up[1], x[2] * up[0] - x[0] * up[2], x[0] * up[1] - x[1] * up[0]];
  const ny = Math.hypot(y[0], y[1], y[2]);
  y = y.map((c) => c / ny);
  const z = [x[1] * y[2] - x[2] * y[1], x[2] * y[0] - x[0] * y[2], x[0] * y[1] - x[1] * y[0]];
  return Float64Array.from([...x, ...y, ...z]);
}

/** [elevation, azimuth] of the target in a body frame: el = atan2(b_z, hypot(b_x, b_y)), az =
 *  atan2(-b_y, b_x) (clockwise); the azimuth (component 1) wraps. A bearing, position only. */
class SeekerAngles implements DetectionMeasurementModel, BearingInitiation {
  readonly kind = "bearing" as const;
  readonly angleComponents = [1];
  readonly R: Float64Array;
  constructor(
    readonly originEcefM: Float64Array,
    readonly rot: Float64Array,
    sigmaRad: number,
  ) {
    this.R = Float64Array.from([sigmaRad ** 2, 0, 0, sigmaRad ** 2]);
  }
  private body(x: ArrayLike<number>): number[] {
    const s = this.originEcefM;
    const q = this.rot;
    const d = [x[0] - s[0], x[1] - s[1], x[2] - s[2]];
    return [0, 1, 2].map((i) => q[3 * i] * d[0] + q[3 * i + 1] * d[1] + q[3 * i + 2] * d[2]);
  }
  hInto(x: Float64Array, out: Float64Array): Float64Array {
    const [bx, by, bz] = this.body(x);
    out[0] = Math.atan2(bz, Math.hypot(bx, by));
    out[1] = Math.atan2(-by, bx);
    return out;
  }
  /** By central differences (a toy: the tracker does not care how H is made). */
  HInto(x: Float64Array, out: Float64Array): Float64Array {
    const n = x.length;
    out.fill(0, 0, 2 * n);
    const xp = Float64Array.from(x);
    const hp = new Float64Array(2);
    const hm = new Float64Array(2);
    for (let j = 0; j < 3; j++) {
      const step = 1;
      xp[j] = x[j] + step;
      this.hInto(xp, hp);
      xp[j] = x[j] - step;
      this.hInto(xp, hm);
      xp[j] = x[j];
      out[j] = (hp[0] - hm[0]) / (2 * step);
      let da = hp[1] - hm[1];
      if (da > Math.PI) da -= 2 * Math.PI;
      if (da < -Math.PI) da += 2 * Math.PI;
      out[n + j] = da / (2 * step);
    }
    return out;
  }
  h(x: Float64Array): Float64Array {
    return this.hInto(x, new Float64Array(2));
  }
  H(x: Float64Array): Float64Array {
    return this.HInto(x, new Float64Array(2 * x.length));
  }
  directionEcefInto(z: ArrayLike<number>, out: Float64Array): Float64Array {
    const ce = Math.cos(z[0]);
    const b = [ce * Math.cos(z[1]), -ce * Math.sin(z[1]), Math.sin(z[0])];
    const q = this.rot;
    for (let i = 0; i < 3; i++) out[i] = q[i] * b[0] + q[3 + i] * b[1] + q[6 + i] * b[2];
    return out;
  }
  angleSigmaRad(): number {
    return Math.sqrt(this.R[0] + this.R[3]);
  }
}

/** A seeker on a platform flying a straight line; it sees every target in front of it. */
class Seeker implements Sensor {
  readonly latencyS = 0;
  nextLookTimeS = 0;
  constructor(
    readonly id: string,
    readonly platform: Target,
    readonly sigmaRad: number,
    readonly revisitS = 0.5,
  ) {}
  reset(): void {
    this.nextLookTimeS = 0;
  }
  observe(
    truths: readonly TruthState[],
    timeS: number,
    rng: SensorRandom,
    out: Detection[] = [],
  ): Detection[] {
    if (timeS < this.nextLookTimeS - 1e-9) return out;
    this.nextLookTimeS = timeS + this.revisitS;
    const own = targetState(this.platform, timeS);
    const origin = own.slice(0, 3);
    const rot = bodyFrame(origin, own.subarray(3, 6));
    const model = new SeekerAngles(origin, rot, this.sigmaRad);
    for (const t of truths) {
      const z = model.h(Float64Array.from([...t.posEcefM, 0, 0, 0]));
      if (Math.abs(z[1]) > Math.PI / 2) continue; // behind the seeker
      z[0] += this.sigmaRad * rng.normal();
      z[1] += this.sigmaRad * rng.normal();
      out.push({
        timeS,
        arrivalTimeS: timeS,
        sensorId: this.id,
        kind: "seeker",
        z,
        R: model.R,
        model,
        initiation: model,
        sensorPosEcefM: origin,
        sensorVelEcefMps: own.slice(3, 6),
        rotEcefToLocal: rot,
        snr: 40,
        truthId: t.id,
      });
    }
    return out;
  }
}

/** Runs sensors over straight-line targets at 0.5 s steps and feeds the tracker what has arrived. */
function run(sensors: Sensor[], targets: Target[], endS: number, seed: number) {
  const rng = new TestRng(seed);
  const tracker = new Tracker({
    filter: new ExtendedKalmanFilter({
      transition: new ConstantVelocityModel({ psdM2S3: 10 }),
      maxIterations: 3,
    }),
    recordUpdates: true,
  });
  const tally = new TruthTally();
  const truths = targets.map((t) => createTruthState(t.id, "hgv"));
  let pending: Detection[] = [];
  for (let k = 0; k * 0.5 <= endS; k++) {
    const t = k * 0.5;
    truths.forEach((s, i) => {
      const x = targetState(targets[i], t);
      s.timeS = t;
      s.phase = "glide";
      s.posEcefM.set(x.subarray(0, 3));
      s.velEcefMps.set(x.subarray(3, 6));
    });
    for (const s of sensors) s.observe(truths, t, rng, pending);
    const arrived = pending.filter((d) => d.arrivalTimeS <= t + 1e-9);
    pending = pending.filter((d) => d.arrivalTimeS > t + 1e-9);
    tally.add(tracker.step(t, arrived).updates);
  }
  return { tracker, tally };
}

function positionError(x: ArrayLike<number>, target: Target, timeS: number): number {
  const p = targetState(target, timeS);
  return Math.hypot(x[0] - p[0], x[1] - p[1], x[2] - p[2]);
}

describe("open seams: sensor kinds defined outside the library", () => {
  const parts: string[] = [];
  afterAll(() => {
    if (parts.length === 2)
      recordValidation({
        area: "tracking",
        model:
          "Tracker with sensor kinds defined outside the library (open Sensor and measurement interfaces)",
        reference:
          "the true states of straight-line targets: a toy fire-control radar reporting ECEF positions (30 m, own linear model and point initiation), and two toy seekers on moving platforms reporting [elevation, azimuth] (50 urad, own bearing layout), tracked by the unchanged Tracker",
        figure: parts.join("; "),
        tolerance: "every track pure and on its target; < 60 m (radar), < 50 m (seekers)",
      });
  });
  const targets: Target[] = [
    { id: "A", p0: ecef(36, 140, 40e3), v: [1500, -1800, 300] },
    { id: "B", p0: ecef(36.4, 140.6, 35e3), v: [-1200, 1600, -200] },
  ];

  it("tracks position reports of a toy fire-control radar (its own model and point initiation)", () => {
    const radar = new FireControlRadar("fcr", Float64Array.from(ecef(36.2, 140.3, 0)), 400e3, 30);
    const { tracker, tally } = run([radar], targets, 30, 4);
    const confirmed = tracker.tracks.filter((t) => t.status === "confirmed");
    expect(confirmed).toHaveLength(2);
    expect(tracker.stats.initiatedRadar).toBe(2);
    const errors: number[] = [];
    for (const tr of confirmed) {
      const p = tally.purity(tr.id);
      expect(p.share).toBe(1);
      const target = targets.find((t) => t.id === p.truth)!;
      errors.push(positionError(tr.state.x, target, tr.state.timeS));
      expect(errors[errors.length - 1]).toBeLessThan(60);
    }
    parts.unshift(
      `position reports: 2 tracks started by their own initiation, pure, errors at 30 s ${errors.map((e) => sig(e, 2)).join(" and ")} m`,
    );
    expect(confirmed.map((t) => tally.purity(t.id).truth).sort()).toEqual(["A", "B"]);
  });

  it("triangulates and tracks bearings of two toy seekers (angles in their own layout)", () => {
    // Two interceptors 150-200 km from the target, from the south-west and the south-east, flying
    // at 1 km/s towards where it was at the start.
    const towards = (from: number[], to: number[]) => {
      const d = [0, 1, 2].map((i) => to[i] - from[i]);
      const n = Math.hypot(d[0], d[1], d[2]);
      return d.map((c) => (1000 * c) / n);
    };
    const p1 = ecef(34.8, 138.8, 25e3);
    const p2 = ecef(34.9, 141.8, 25e3);
    const seekers = [
      new Seeker("seeker-1", { id: "i1", p0: p1, v: towards(p1, targets[0].p0) }, 50e-6),
      new Seeker("seeker-2", { id: "i2", p0: p2, v: towards(p2, targets[0].p0) }, 50e-6),
    ];
    const { tracker, tally } = run(seekers, targets.slice(0, 1), 20, 9);
    expect(tracker.stats.initiatedLos).toBeGreaterThanOrEqual(1);
    const confirmed = tracker.tracks.filter((t) => t.status === "confirmed");
    expect(confirmed).toHaveLength(1);
    const tr = confirmed[0];
    expect(tally.purity(tr.id)).toEqual({ truth: "A", share: 1 });
    const err = positionError(tr.state.x, targets[0], tr.state.timeS);
    expect(err).toBeLessThan(50);
    parts.push(
      `seekers: ${tracker.stats.initiatedLos} track triangulated from their bearings, pure, error at 20 s ${sig(err, 2)} m`,
    );
  });
});
