/**
 * Track initiation: radar one-point conversion (mean and covariance against the measurement
 * geometry) and least-squares triangulation of lines of sight (exact intersection without noise, a
 * consistent covariance with noise, and the chi-square rejecting the "ghost" crossing of lines from two
 * different targets).
 */
import { afterAll, describe, expect, it } from "vitest";
import { radarInitialGaussian } from "../../src/tracking/initiation/radarInit.js";
import { Triangulator } from "../../src/tracking/initiation/triangulate.js";
import { lineOfSightDetection } from "../../src/sensors/models/detections.js";
import { gateThreshold } from "../../src/tracking/association/gating.js";
import { nees } from "../../src/tracking/metrics/consistency.js";
import { TestRng } from "./helpers.js";
import { ecef, losDetection, radarDetection } from "./scenario.js";
import type { Satellite, Target } from "./scenario.js";
import { Worst, recordValidation, sig } from "../validation.js";

const target: Target = { id: "a", p0: ecef(36, 140, 60e3), v: [1000, -2000, 500] };

describe("radar one-point initiation", () => {
  const parts: string[] = [];
  afterAll(() => {
    if (parts.length > 0)
      recordValidation({
        area: "tracking",
        model: "radarInitialGaussian (one-point radar initiation)",
        reference:
          "chi-square with 3 dof: the converted position's NEES averages 3 if its covariance is right (500 detections, 30 m, 2 mrad at about 170 km); noise-free, the range rate lies along the line of sight",
        figure: parts.join("; "),
        tolerance: "mean NEES 2.6 to 3.4; range rate to 5e-5 m/s, position to 0.05 m",
      });
  });
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
    parts.unshift(`mean NEES ${sig(sum / N, 3)} (3)`);
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
    let posErr = 0;
    for (let i = 0; i < 3; i++) posErr = Math.max(posErr, Math.abs(g.mean[i] - target.p0[i]));
    parts.push(
      `noise-free: range-rate error ${sig(Math.abs(vAlong - trueAlong), 2)} m/s, position ${sig(posErr, 2)} m`,
    );
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
  const exactErr = new Worst();
  const exactChi = new Worst();
  const noisy: string[] = [];
  afterAll(() => {
    if (exactErr.count > 0)
      recordValidation({
        area: "tracking",
        model: "Triangulator (least-squares lines of sight)",
        reference:
          "noise-free lines of sight from 2 and 3 satellites 1,000 km up meet at the target (60 km up); residual chi-square 0 with 2K - 3 dof",
        figure: `2 and 3 satellites: worst position error ${sig(exactErr.value, 2)} m per axis, worst chi-square ${sig(exactChi.value, 2)}`,
        tolerance: "< 1e-3 m per axis; chi-square < 1e-9",
      });
    if (noisy.length > 0)
      recordValidation({
        area: "tracking",
        model: "Triangulator covariance and chi-square",
        reference:
          "chi-square statistics of a least-squares fit: 3 satellites, 50 urad noise, 300 draws: position NEES ~ chi-square(3), residual ~ chi-square(2K - 3 = 3); a ghost crossing of two targets' lines fails the 99.9 % gate chi2inv(0.999, 3) = 16.27",
        figure: noisy.join("; "),
        tolerance:
          "mean NEES 2.6 to 3.4, mean residual 2.5 to 3.5; true intersection under the gate, ghost over it (or none)",
      });
  });
  it("intersects noise-free lines exactly (2 and 3 satellites)", () => {
    const tri = new Triangulator();
    const rng = new TestRng(1);
    const exact = sats.map((s) => losDetection({ ...s, sigmaAngleRad: 0 }, target, 0, rng));
    for (const set of [exact.slice(0, 2), exact]) {
      // Noise-free angles, but the model still needs an R: give it the nominal one.
      const dets = set.map((d) =>
        lineOfSightDetection({ ...d, R: Float64Array.from([2.5e-9, 0, 0, 2.5e-9]) }),
      );
      const t = tri.triangulate(dets);
      expect(t).not.toBeNull();
      const at = `${set.length} satellites`;
      for (let i = 0; i < 3; i++)
        expect(exactErr.add(Math.abs(t!.positionEcefM[i] - target.p0[i]), at)).toBeLessThan(1e-3);
      expect(exactChi.add(t!.chiSquare, at)).toBeLessThan(1e-9);
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
    noisy.unshift(
      `mean position NEES ${sig(sum / N, 3)} (3), mean residual chi-square ${sig(chi / N, 3)} (3)`,
    );
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
    noisy.push(
      `true intersection chi-square ${sig(good.chiSquare, 3)}, ghost ${ghost === null ? "none" : sig(ghost.chiSquare, 3)} (gate ${sig(gateThreshold(0.999, 3), 4)})`,
    );
    expect(good.chiSquare).toBeLessThan(gateThreshold(0.999, 3));
    expect(ghost === null || ghost.chiSquare > gateThreshold(0.999, 3)).toBe(true);
  });
});
