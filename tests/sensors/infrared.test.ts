import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import { normalCdf } from "../../src/math/stats/distributions.js";
import { geodeticToEcefInto } from "../../src/earth/geodetic.js";
import { IR_CATALOG } from "../../src/sensors/catalog.js";
import type { SatelliteEphemeris } from "../../src/sensors/infrared/ephemeris.js";
import { IrConstellation, type IrSensorModel } from "../../src/sensors/infrared/irSensor.js";
import { fastNormalCdf } from "../../src/sensors/infrared/normalCdf.js";
import {
  BandRadianceTable,
  intensityBreakdown,
  MWIR_BAND,
  targetIntensityWPerSr,
} from "../../src/sensors/infrared/signature.js";
import { WalkerConstellation } from "../../src/sensors/infrared/walker.js";
import { sampleMoments, testRng, truthAt } from "./helpers.js";
import { recordValidation, sig } from "../validation.js";

const DEG = Math.PI / 180;
const sensor: IrSensorModel = IR_CATALOG["notional-leo-ir"].sensor;
const table = new BandRadianceTable(MWIR_BAND);

/** One satellite fixed over (0 N, 0 E) at 1,000 km, moving north at 7.35 km/s (geometry under control). */
function fixedSatellite(): SatelliteEphemeris {
  const p = geodeticToEcefInto(0, 0, 1_000e3, new Float64Array(3));
  return {
    count: 1,
    ids: ["fixed"],
    positionVelocityEcefInto(_i, _t, pos, vel) {
      pos.set(p);
      vel[0] = 0;
      vel[1] = 0;
      vel[2] = 7350;
    },
  };
}

const srbmBoost = (lonDeg: number) =>
  truthAt({
    id: "srbm",
    kind: "ballistic",
    phase: "boost",
    latDeg: 0,
    lonDeg,
    altM: 30e3,
    thrustN: 1e5,
    mach: 4,
  });
const glider = (lonDeg: number, tempK = 1500) =>
  truthAt({
    id: "hgv",
    kind: "hgv",
    phase: "glide",
    latDeg: 0,
    lonDeg,
    altM: 40e3,
    surfaceTempK: tempK,
    mach: 15,
  });

describe("infrared signatures", () => {
  const body: string[] = [];
  afterAll(() => {
    if (body.length > 0)
      recordValidation({
        area: "sensors",
        model: "Infrared body signature (intensityBreakdown)",
        reference:
          "closed forms: glide body eps L_band(T) A (0.85, 0.5 m^2, 3-5 um); cruise body at the recovery temperature T_inf (1 + 0.89 * 0.2 M^2), USSA 1976 221.552 K at 25 km",
        figure: body.join("; "),
        tolerance: "< 5e-7 relative; < 0.5 K",
      });
  });
  it("a boosting missile is 10-100 times brighter than a glider at 1,200-2,000 K (the often-quoted 10-20x [U])", () => {
    // MRBM-class booster, 3e5 N (a DF-17-class first stage, notional) vs the glide body.
    const plume = targetIntensityWPerSr(
      truthAt({ kind: "hgv", phase: "boost", latDeg: 0, lonDeg: 0, altM: 30e3, thrustN: 3e5, mach: 5 }),
      table,
    );
    const ratios = [1200, 1500, 2000].map((t) => plume / targetIntensityWPerSr(glider(0, t), table));
    recordValidation({
      area: "sensors",
      model: "Boost vs glide detectability (MWIR intensity ratio)",
      reference: "the often-quoted 10-20x [U]: a boosting missile is far brighter than a glide body",
      figure: `3e5 N boost plume / glide body at 1,200, 1,500, 2,000 K: ${ratios.map((r) => sig(r, 3)).join(", ")}`,
      tolerance: "between 10 and 100",
    });
    for (const t of [1200, 1500, 2000]) {
      const ratio = plume / targetIntensityWPerSr(glider(0, t), table);
      expect(ratio).toBeGreaterThan(10);
      expect(ratio).toBeLessThan(100);
    }
  });

  it("glide-body intensity is emissivity x band radiance x area, and rises steeply with temperature", () => {
    const b = intensityBreakdown(glider(0, 1500), table);
    expect(b.plumeWPerSr).toBe(0);
    body.unshift(
      `glide body at 1,500 K relative error ${sig(Math.abs(b.bodyWPerSr / (0.85 * table.radiance(1500) * 0.5) - 1), 2)}`,
    );
    expect(b.bodyWPerSr).toBeCloseTo(0.85 * table.radiance(1500) * 0.5, 6);
    expect(
      targetIntensityWPerSr(glider(0, 2000), table) / targetIntensityWPerSr(glider(0, 1000), table),
    ).toBeGreaterThan(5);
  });

  it("a cruise missile radiates at its recovery temperature, T_inf (1 + 0.89 * 0.2 M^2)", () => {
    const cm = truthAt({
      kind: "cruise",
      phase: "cruise",
      latDeg: 0,
      lonDeg: 0,
      altM: 25e3,
      mach: 6,
      surfaceTempK: 0,
    });
    const b = intensityBreakdown(cm, table);
    // USSA-1976 at 25 km: 221.552 K (NASA-TM-X-74335, Table I).
    body.push(
      `cruise Mach 6 at 25 km ${sig(b.bodyTemperatureK, 5)} K, error ${sig(Math.abs(b.bodyTemperatureK - 221.552 * (1 + 0.89 * 0.2 * 36)), 2)} K`,
    );
    expect(b.bodyTemperatureK).toBeCloseTo(221.552 * (1 + 0.89 * 0.2 * 36), 0);
  });
});

describe("infrared constellation detection", () => {
  const ir = new IrConstellation({ id: "ir", sensor, ephemeris: fixedSatellite() });
  const reach: string[] = [];
  afterAll(() => {
    if (reach.length > 0)
      recordValidation({
        area: "sensors",
        model: "Boost vs glide detectability (notional LEO infrared sensor)",
        reference:
          "boost plume much brighter than a glide body (the often-quoted 10-20x [U]); one satellite 1,000 km up, targets against the Earth",
        figure: reach.join("; "),
        tolerance: "boost Pd > 0.999 beyond 2,000 km; glider Pd < 0.01 there, > 0.99 within 1,400 km",
      });
  });

  it("sees a boost plume from more than 2,000 km, against the Earth", () => {
    const g = ir.geometry(srbmBoost(20), 0, 0);
    reach.unshift(`boost plume at ${sig(g.rangeM / 1000, 4)} km: Pd ${sig(g.pd, 4)}`);
    expect(g.rangeM).toBeGreaterThan(2_000e3);
    expect(g.occluded).toBe(false);
    expect(g.earthBackground).toBe(true);
    expect(g.pd).toBeGreaterThan(0.999);
  });

  it("misses a glider at that range but sees it at ~1,350 km", () => {
    const far = ir.geometry(glider(20), 0, 0);
    const near = ir.geometry(glider(8), 0, 0);
    reach.push(
      `1,500 K glider at ${sig(far.rangeM / 1000, 4)} km: Pd ${sig(far.pd, 2)}; at ${sig(near.rangeM / 1000, 4)} km: Pd ${sig(near.pd, 4)}`,
    );
    expect(ir.geometry(glider(20), 0, 0).pd).toBeLessThan(0.01);
    expect(near.rangeM).toBeLessThan(1_400e3);
    expect(near.pd).toBeGreaterThan(0.99);
  });

  it("is blind beyond the limb and sees a high target above it against space", () => {
    expect(ir.geometry(srbmBoost(90), 0, 0).occluded).toBe(true);
    const hot = truthAt({
      kind: "ballistic",
      phase: "boost",
      latDeg: 0,
      lonDeg: 35,
      altM: 300e3,
      thrustN: 1e5,
    });
    const g = ir.geometry(hot, 0, 0);
    expect(g.occluded).toBe(false);
    expect(g.earthBackground).toBe(false);
    expect(g.offNadirRad).toBeGreaterThan(59.8 * DEG); // beyond the limb direction from 1,000 km
    expect(g.pd).toBeGreaterThan(0.999);
  });

  it("observe() returns nothing for an occluded target and a detection with the contract's layout otherwise", () => {
    const rng = testRng(1);
    expect(ir.look([srbmBoost(90)], 0, rng)).toHaveLength(0);
    const [d] = ir.look([srbmBoost(20)], 5, rng);
    expect(d.kind).toBe("los");
    expect(d.sensorId).toBe("ir/fixed");
    expect(d.truthId).toBe("srbm");
    expect(d.z).toHaveLength(2);
    expect(d.R).toHaveLength(4);
    expect(d.arrivalTimeS).toBe(5 + sensor.latencyS);
  });

  it("the noise-free line of sight rebuilt from (alpha, beta) and rotEcefToLocal is the true direction", () => {
    const quiet = new IrConstellation({
      id: "q",
      sensor: { ...sensor, losNoiseRad: 0 },
      ephemeris: fixedSatellite(),
    });
    for (const lon of [3, 8, 15]) {
      const t = srbmBoost(lon);
      const [d] = quiet.look([t], 0, testRng(2));
      const [a, b] = d.z;
      const S = [Math.cos(b) * Math.cos(a), Math.cos(b) * Math.sin(a), Math.sin(b)];
      const r = d.rotEcefToLocal;
      const u = [0, 1, 2].map((k) => r[k] * S[0] + r[3 + k] * S[1] + r[6 + k] * S[2]);
      const dx = [0, 1, 2].map((k) => t.posEcefM[k] - d.sensorPosEcefM[k]);
      const n = Math.hypot(dx[0], dx[1], dx[2]);
      for (let k = 0; k < 3; k++) expect(u[k]).toBeCloseTo(dx[k] / n, 12);
      // x axis of the sensor frame points to nadir
      const p = d.sensorPosEcefM;
      const pn = Math.hypot(p[0], p[1], p[2]);
      for (let k = 0; k < 3; k++) expect(r[k]).toBeCloseTo(-p[k] / pn, 12);
    }
  });

  it("measurement noise has zero mean and the covariance the detection carries", () => {
    const t = srbmBoost(6);
    const quiet = new IrConstellation({
      id: "q",
      sensor: { ...sensor, losNoiseRad: 0 },
      ephemeris: fixedSatellite(),
    });
    const truthZ = quiet.look([t], 0, testRng(3))[0].z;
    const rng = testRng(4);
    const n = 4000;
    const resid: number[][] = [];
    let nees = 0;
    let R: Float64Array | null = null;
    for (let i = 0; i < n; i++) {
      const [d] = ir.look([t], i, rng);
      const e = [d.z[0] - truthZ[0], d.z[1] - truthZ[1]];
      resid.push(e);
      nees += (e[0] * e[0]) / d.R[0] + (e[1] * e[1]) / d.R[3];
      R = d.R;
    }
    const { mean, cov } = sampleMoments(resid);
    const Rm = R as Float64Array;
    const meanSe = Math.max(
      Math.abs(mean[0]) / Math.sqrt(Rm[0] / n),
      Math.abs(mean[1]) / Math.sqrt(Rm[3] / n),
    );
    const varErr = Math.max(Math.abs(cov[0][0] / Rm[0] - 1), Math.abs(cov[1][1] / Rm[3] - 1));
    recordValidation({
      area: "sensors",
      model: "Infrared measurement noise",
      reference:
        "zero-mean Gaussian line-of-sight errors (alpha, beta) with the covariance R each detection carries, 4,000 frames",
      figure:
        `worst mean ${sig(meanSe, 2)} standard errors; worst variance / R off by ${sig(varErr * 100, 2)} %; ` +
        `correlation ${sig(Math.abs(cov[0][1]) / Math.sqrt(Rm[0] * Rm[3]), 2)}; average NEES ${sig(nees / n, 4)} (2)`,
      tolerance: `< 4 standard errors; < ${sig(400 * Math.sqrt(2 / n), 2)} %; < ${sig(4 / Math.sqrt(n), 2)}; NEES 2 +- ${sig(4 * Math.sqrt(4 / n), 2)}`,
    });
    // mean within 4 standard errors; variances within 4 * sqrt(2/n) ~ 9%; NEES average 2 +- 4 sqrt(4/n)
    expect(Math.abs(mean[0])).toBeLessThan(4 * Math.sqrt(Rm[0] / n));
    expect(Math.abs(mean[1])).toBeLessThan(4 * Math.sqrt(Rm[3] / n));
    expect(Math.abs(cov[0][0] / Rm[0] - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(cov[1][1] / Rm[3] - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    expect(Math.abs(cov[0][1]) / Math.sqrt(Rm[0] * Rm[3])).toBeLessThan(4 / Math.sqrt(n));
    expect(Math.abs(nees / n - 2)).toBeLessThan(4 * Math.sqrt(4 / n));
  });

  it("frames on its revisit schedule", () => {
    const slow = new IrConstellation({
      id: "s",
      sensor: { ...sensor, revisitS: 2 },
      ephemeris: fixedSatellite(),
    });
    const rng = testRng(5);
    const counts = [0, 1, 2, 3, 4, 5].map((t) => slow.observe([srbmBoost(10)], t, rng).length);
    expect(counts).toEqual([1, 0, 1, 0, 1, 0]);
    expect(slow.nextLookTimeS).toBe(6);
  });

  it("the fast normal CDF agrees with the accurate one", () => {
    let worst = 0;
    for (let x = -8; x <= 8; x += 0.05) worst = Math.max(worst, Math.abs(fastNormalCdf(x) - normalCdf(x)));
    recordValidation({
      area: "sensors",
      model: "fastNormalCdf (hot-path Pd of the infrared sensor)",
      reference: "the accurate normalCdf (erfc-based), -8 to 8 every 0.05",
      figure: `worst absolute difference ${sig(worst, 2)}`,
      tolerance: "< 2e-7",
    });
    for (let x = -8; x <= 8; x += 0.05) expect(Math.abs(fastNormalCdf(x) - normalCdf(x))).toBeLessThan(2e-7);
  });

  it("the hot loop and the plain geometry agree on every satellite-target pair (property)", () => {
    // With the uniform draw fixed at 0.5, a pair is detected exactly when the plain geometry's Pd > 0.5.
    const walker = new WalkerConstellation(IR_CATALOG["notional-leo-ir"].walker, { gmstAtEpochRad: 1.1 });
    const layer = new IrConstellation({ id: "leo", sensor, ephemeris: walker });
    const half = { uniform: () => 0.5, normal: () => 0 };
    fc.assert(
      fc.property(
        fc.double({ min: -85, max: 85, noNaN: true }),
        fc.double({ min: -180, max: 180, noNaN: true }),
        fc.double({ min: 0, max: 600e3, noNaN: true }),
        fc.constantFrom(0, 2e5),
        fc.integer({ min: 0, max: 6000 }),
        (lat, lon, alt, thrust, t) => {
          const truth = truthAt({
            id: "x",
            kind: "hgv",
            phase: thrust > 0 ? "boost" : "glide",
            latDeg: lat,
            lonDeg: lon,
            altM: alt,
            thrustN: thrust,
            surfaceTempK: 1800,
          });
          const seen = new Set(layer.look([truth], t, half).map((d) => d.sensorId));
          for (let i = 0; i < walker.count; i++) {
            expect(seen.has(layer.sensorIds[i])).toBe(layer.geometry(truth, i, t).pd > 0.5);
          }
        },
      ),
      { numRuns: 300 },
    );
  });

  it("the 28-satellite layer sees a low boost plume most of the time, usually from several satellites", () => {
    // 28 satellites at 1,000 km do not give continuous multiple coverage of a target at 40 km: the
    // targets are mostly seen near the limb. Sampled over 40 places and times.
    const walker = new WalkerConstellation(IR_CATALOG["notional-leo-ir"].walker, { gmstAtEpochRad: 0.7 });
    const layer = new IrConstellation({ id: "leo", sensor, ephemeris: walker });
    let covered = 0;
    let total = 0;
    for (let k = 0; k < 40; k++) {
      const t = truthAt({
        kind: "ballistic",
        phase: "boost",
        latDeg: -60 + 3 * k,
        lonDeg: 37 * k,
        altM: 40e3,
        thrustN: 2e5,
      });
      let seen = 0;
      for (let i = 0; i < walker.count; i++) if (layer.geometry(t, i, 97 * k).pd > 0.5) seen++;
      if (seen > 0) covered++;
      total += seen;
    }
    expect(covered / 40).toBeGreaterThan(0.85);
    expect(total / 40).toBeGreaterThan(2);
  });
});
