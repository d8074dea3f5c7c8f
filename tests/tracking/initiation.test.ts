/**
 * Track initiation: radar one-point conversion (mean and covariance against the measurement
 * geometry) and least-squares triangulation of lines of sight (exact intersection without noise, a
 * consistent covariance with noise, and the chi-square rejecting the "ghost" crossing of lines from two
 * different targets).
 */
import { describe, expect, it } from "vitest";
import { radarInitialGaussian } from "../../src/tracking/initiation/radarInit.js";
import { Triangulator } from "../../src/tracking/initiation/triangulate.js";
import { gateThreshold } from "../../src/tracking/association/gating.js";
import { nees } from "../../src/tracking/metrics/consistency.js";
import { TestRng } from "./helpers.js";
import { ecef, losDetection, radarDetection } from "./scenario.js";
import type { Satellite, Target } from "./scenario.js";

const target: Target = { id: "a", p0: ecef(36, 140, 60e3), v: [1000, -2000, 500] };

describe("radar one-point initiation", () => {
  it("recovers the target position within the converted covariance (NEES over 500 draws)", () => {
    const rng = new TestRng(3);
    const site = {
      id: "r",
      latDeg: 35,
      lonDeg: 139,
      sigmaRangeM: 30,
      sigmaAngleRad: 2e-3,
      sigmaRangeRateMps: 2,
    };
    let sum = 0;
    const N = 500;
    for (let k = 0; k < N; k++) {
      const d = radarDetection(site, target, 0, rng);
      const g = radarInitialGaussian(d, 3000);
      const P3 = new Float64Array(9);
      for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) P3[i * 3 + j] = g.cov[i * 6 + j];
      sum += nees(g.mean.subarray(0, 3), P3, target.p0);
    }
    // Linearised conversion at ~170 km with 2 mrad: average NEES close to 3 (chi-square, 3 dof).
    expect(sum / N).toBeGreaterThan(2.6);
    expect(sum / N).toBeLessThan(3.4);
  });
  it("puts the range rate along the line of sight", () => {
    const site = {
      id: "r",
      latDeg: 35,
      lonDeg: 139,
      sigmaRangeM: 1e-3,
      sigmaAngleRad: 1e-9,
      sigmaRangeRateMps: 1e-6,
    };
    const d = radarDetection(site, target, 0, new TestRng(1));
    const g = radarInitialGaussian(d, 3000);
    const s = ecef(35, 139, 0);
    const los = [0, 1, 2].map((i) => target.p0[i] - s[i]);
    const r = Math.hypot(los[0], los[1], los[2]);
    const vAlong = (g.mean[3] * los[0] + g.mean[4] * los[1] + g.mean[5] * los[2]) / r;
    const trueAlong = (target.v[0] * los[0] + target.v[1] * los[1] + target.v[2] * los[2]) / r;
    expect(vAlong).toBeCloseTo(trueAlong, 4);
    for (let i = 0; i < 3; i++) expect(g.mean[i]).toBeCloseTo(target.p0[i], 1);
  });
});

const sats: Satellite[] = [
  { id: "s1", latDeg: 30, lonDeg: 130, altM: 1000e3, sigmaAngleRad: 50e-6 },
  { id: "s2", latDeg: 45, lonDeg: 150, altM: 1000e3, sigmaAngleRad: 50e-6 },
  { id: "s3", latDeg: 25, lonDeg: 150, altM: 1000e3, sigmaAngleRad: 50e-6 },
];

describe("triangulation of lines of sight", () => {
  it("intersects noise-free lines exactly (2 and 3 satellites)", () => {
    const tri = new Triangulator();
    const rng = new TestRng(1);
    const exact = sats.map((s) => losDetection({ ...s, sigmaAngleRad: 0 }, target, 0, rng));
    for (const set of [exact.slice(0, 2), exact]) {
      // Noise-free angles, but the model still needs an R: give it the nominal one.
      const dets = set.map((d) => ({ ...d, R: Float64Array.from([2.5e-9, 0, 0, 2.5e-9]) }));
      const t = tri.triangulate(dets);
      expect(t).not.toBeNull();
      for (let i = 0; i < 3; i++) expect(Math.abs(t!.positionEcefM[i] - target.p0[i])).toBeLessThan(1e-3);
      expect(t!.chiSquare).toBeLessThan(1e-9);
      expect(t!.dof).toBe(2 * set.length - 3);
    }
  });
  it("has a consistent covariance with noisy lines (NEES over 300 draws)", () => {
    const tri = new Triangulator();
    const rng = new TestRng(9);
    let sum = 0;
    let chi = 0;
    const N = 300;
    for (let k = 0; k < N; k++) {
      const dets = sats.map((s) => losDetection(s, target, 0, rng));
      const t = tri.triangulate(dets)!;
      sum += nees(t.positionEcefM, t.covariance, target.p0);
      chi += t.chiSquare;
    }
    expect(sum / N).toBeGreaterThan(2.6);
    expect(sum / N).toBeLessThan(3.4);
    // Residual chi-square has 2K - 3 = 3 degrees of freedom.
    expect(chi / N).toBeGreaterThan(2.5);
    expect(chi / N).toBeLessThan(3.5);
  });
  it("rejects the ghost crossing of two targets' lines with a third satellite", () => {
    const other: Target = { id: "b", p0: ecef(37, 141, 50e3), v: [0, 0, 0] };
    const rng = new TestRng(2);
    const a = sats.map((s) => losDetection(s, target, 0, rng));
    const b = sats.map((s) => losDetection(s, other, 0, rng));
    const tri = new Triangulator();
    const good = tri.triangulate([a[0], a[1], a[2]])!;
    const ghost = tri.triangulate([a[0], b[1], a[2]]);
    expect(good.chiSquare).toBeLessThan(gateThreshold(0.999, 3));
    expect(ghost === null || ghost.chiSquare > gateThreshold(0.999, 3)).toBe(true);
  });
});
