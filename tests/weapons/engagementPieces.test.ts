/**
 * Pieces of the engagement loop against closed forms:
 * - closest approach of two bodies on straight lines: t* = -(dr . dv) / |dv|^2, d* = |dr + dv t*|;
 * - the midcourse PIP against a constant-velocity target and a missile of constant average speed s:
 *   the smallest positive root of |dr + v_T t|^2 = s^2 t^2 (a quadratic);
 * - the homing estimator's position error against the raw look error;
 * - the command link's message times, and the kill draw's use of its stream.
 */
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { randomStream } from "../../src/math/random.js";
import {
  ClosestApproachFinder,
  CommandLink,
  HomingEstimator,
  clearOf,
  TrackPrediction,
  createClosestApproach,
  createMidcourseSolution,
  drawKill,
  midcoursePip,
} from "../../src/weapons/index.js";
import { Worst, recordValidation, sig } from "../validation.js";
import { VACUUM, integrate } from "./helpers.js";

const line =
  (p0: number[], v: number[]) =>
  (t: number, p: Float64Array, w: Float64Array): boolean => {
    for (let c = 0; c < 3; c++) {
      p[c] = p0[c] + v[c] * t;
      w[c] = v[c];
    }
    return true;
  };

describe("closest approach", () => {
  const err = new Worst();
  const terr = new Worst();
  afterAll(() => {
    recordValidation({
      area: "weapons",
      model: "ClosestApproachFinder (continuous-time closest approach)",
      reference: "two straight lines: t* = -(dr.dv)/|dv|^2, d* = |dr + dv t*|",
      figure: `${err.count} random encounters at 1-8 km/s: worst distance error ${sig(err.value, 2)} m, time error ${sig(terr.value, 2)} s`,
      tolerance: "1e-6 m + closing speed x 1e-7 s; 1e-6 s",
    });
  });

  it("finds the closed-form closest approach of straight-line motion (property)", () => {
    const finder = new ClosestApproachFinder();
    const out = createClosestApproach();
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -5e4, max: 5e4, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.array(fc.double({ min: -8e3, max: 8e3, noNaN: true }), { minLength: 3, maxLength: 3 }),
        fc.double({ min: 1, max: 20, noNaN: true }),
        (dr, dv, tc) => {
          const v2 = dv[0] ** 2 + dv[1] ** 2 + dv[2] ** 2;
          if (v2 < 1e6) return;
          const tStar = -(dr[0] * dv[0] + dr[1] * dv[1] + dr[2] * dv[2]) / v2;
          // B moves relative to A; A sits at the origin moving at 1 km/s along x (both on lines).
          const va = [1000, 0, 0];
          const a = line([0, 0, 0], va);
          const b = line(dr, [dv[0] + va[0], dv[1] + va[1], dv[2] + va[2]]);
          finder.find(a, b, tStar - tc, tStar + tc, 0.5, out);
          const dStar = Math.hypot(dr[0] + dv[0] * tStar, dr[1] + dv[1] * tStar, dr[2] + dv[2] * tStar);
          // Near a hit the distance error is the closing speed times the time error.
          expect(err.add(Math.abs(out.distanceM - dStar), "")).toBeLessThan(1e-6 + Math.sqrt(v2) * 1e-7);
          expect(terr.add(Math.abs(out.timeS - tStar), "")).toBeLessThan(1e-6);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("returns an end of the interval when the bodies still close or already open", () => {
    const finder = new ClosestApproachFinder();
    const out = createClosestApproach();
    finder.find(line([0, 0, 0], [0, 0, 0]), line([1000, 10, 0], [-100, 0, 0]), 0, 5, 1, out);
    expect(out.timeS).toBe(5);
    expect(out.distanceM).toBeCloseTo(Math.hypot(500, 10), 9);
  });
});

describe("midcourse PIP", () => {
  it("meets a constant-velocity target where a missile of constant speed does (quadratic closed form)", () => {
    const p0 = [80_000, 20_000, 30_000];
    const vT = [-2500, 100, -300];
    const pred = new TrackPrediction().fromSource(0, 200, 1, line(p0, vT));
    const rM = [0, 0, 0];
    const s = 3000;
    const out = createMidcourseSolution();
    midcoursePip(pred, rM, s, 0, NaN, out, 1e-9);
    // |p0 + vT t|^2 = s^2 t^2:  (|vT|^2 - s^2) t^2 + 2 (p0.vT) t + |p0|^2 = 0.
    const A = vT[0] ** 2 + vT[1] ** 2 + vT[2] ** 2 - s * s;
    const B = 2 * (p0[0] * vT[0] + p0[1] * vT[1] + p0[2] * vT[2]);
    const C = p0[0] ** 2 + p0[1] ** 2 + p0[2] ** 2;
    const roots = [
      (-B + Math.sqrt(B * B - 4 * A * C)) / (2 * A),
      (-B - Math.sqrt(B * B - 4 * A * C)) / (2 * A),
    ];
    const t = Math.min(...roots.filter((r) => r > 0));
    expect(out.converged).toBe(true);
    expect(out.interceptTimeS).toBeCloseTo(t, 6);
    expect(out.pipEcefM[0]).toBeCloseTo(p0[0] + vT[0] * t, 2);
  });
});

describe("homing estimator", () => {
  it("smooths the look noise: position error well below the raw look error after a second of looks", () => {
    const rng = randomStream(3, 0, "homing-estimator");
    const est = new HomingEstimator(100, 0);
    // A target in free fall 300 km up (above the ballistic model's drag ceiling), flown in the test with
    // point-mass gravity; the missile closes on it from 20 km.
    const R = 6.671e6;
    const target = integrate(VACUUM, [R, 0, 0], [-200, 3000, 500], 0.01, 1.2);
    const missile = (t: number) => [R - 20_000 + 1500 * t, -30_000 + 2500 * t, 0];
    const sigmaTheta = 1e-3;
    est.start(0, [R + 100, 100, -100], [-200, 3000, 500], 200, 200);
    let rawSq = 0;
    let estSq = 0;
    let n = 0;
    for (let k = 1; k <= 100; k++) {
      const t = target.t[k];
      const p = target.pos[k];
      const m = missile(t);
      const d = p.map((x, i) => x - m[i]);
      const range = Math.hypot(...d);
      // Noisy unit line of sight: small angles about two axes normal to it.
      const a1 = rng.normal(0, sigmaTheta);
      const a2 = rng.normal(0, sigmaTheta);
      const u = d.map((x) => x / range);
      const e1n = Math.hypot(u[1], u[0]);
      const e1 = [-u[1] / e1n, u[0] / e1n, 0];
      const e2 = [u[1] * e1[2] - u[2] * e1[1], u[2] * e1[0] - u[0] * e1[2], u[0] * e1[1] - u[1] * e1[0]];
      const um = u.map((x, i) => x + a1 * e1[i] + a2 * e2[i]);
      const nm = Math.hypot(...um);
      est.update(
        t,
        m,
        um.map((x) => x / nm),
        range,
        sigmaTheta,
        5,
      );
      if (k > 50) {
        const x = est.state.x;
        estSq += (x[0] - p[0]) ** 2 + (x[1] - p[1]) ** 2 + (x[2] - p[2]) ** 2;
        rawSq += (range * a1) ** 2 + (range * a2) ** 2;
        n++;
      }
    }
    expect(Math.sqrt(estSq / n)).toBeLessThan(0.5 * Math.sqrt(rawSq / n));
  });
});

describe("changes from outside keep clear of a flight's scheduled times", () => {
  it("a time within 1 us of a scheduled one moves to 1 us after it; others stay", () => {
    // A restart a few ulp before a scheduled segment end leaves the integrator a segment too short to
    // step (6.499999999999989 s against a staging at 6.5 s: DormandPrince54 step-size underflow).
    expect(clearOf([3, 6.5, 9.5], 6.499999999999989)).toBe(6.5 + 1e-6);
    expect(clearOf([3, 6.5, 9.5], 6.5)).toBe(6.5 + 1e-6);
    expect(clearOf([3, 6.5, 9.5], 6.4)).toBe(6.4);
  });
});

describe("command link and kill draw", () => {
  it("sends at its rate; each message describes the track latency earlier", () => {
    const l = new CommandLink({ updateRateHz: 10, latencyS: 0.1 }, 5);
    expect(l.messageTimeS(3)).toBeCloseTo(5.3, 12);
    expect(l.firstMessageAtOrAfter(5.25)).toBe(3);
    expect(l.dataTimeS(5.3)).toBeCloseTo(5.2, 12);
    expect(() => new CommandLink({ updateRateHz: 0, latencyS: 0 }, 0)).toThrow(/updateRateHz/);
  });

  it("draws once per shot from its stream, kills below the Pk", () => {
    const rng = randomStream(1, 0, "kill");
    const twin = randomStream(1, 0, "kill");
    const a = drawKill({ kind: "hit-to-kill", hitRadiusM: 0.5, killGivenHit: 0.9 }, 0.2, rng);
    expect(a.draw).toBe(twin.next());
    expect(a.killed).toBe(a.draw < 0.9);
    const b = drawKill({ kind: "hit-to-kill", hitRadiusM: 0.5, killGivenHit: 0.9 }, 3, rng);
    expect(b.pk).toBe(0);
    expect(b.killed).toBe(false);
    expect(b.draw).toBe(twin.next());
  });
});
