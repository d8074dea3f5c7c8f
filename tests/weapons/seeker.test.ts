/**
 * Seekers: acquisition ranges from the signal equations (inverse square for infrared irradiance,
 * inverse fourth power for the radar equation in reference form), the field of regard, and the angle
 * noise's statistics (its sample standard deviation against the model's sigma).
 */
import { describe, expect, it } from "vitest";
import { createTruthState } from "../../src/flight/truthAt.js";
import { randomStream } from "../../src/math/random.js";
import { Seeker, createSeekerLook, type SeekerDefinition } from "../../src/weapons/index.js";

const IR: SeekerDefinition = {
  kind: "infrared",
  band: { lowerM: 3e-6, upperM: 5e-6 },
  neiWPerM2: 1e-8,
  thresholdSnr: 10,
  fieldOfRegardHalfAngleRad: 0.2,
  angleNoiseAtThresholdRad: 1e-3,
  angleNoiseFloorRad: 1e-4,
  frameRateHz: 100,
};
const RF: SeekerDefinition = {
  kind: "radar",
  reference: { referenceRangeM: 20_000, referenceRcsM2: 1, referenceSnrDb: 13 },
  thresholdSnrDb: 13,
  fieldOfRegardHalfAngleRad: 0.5,
  angleNoiseAtThresholdRad: 5e-3,
  angleNoiseFloorRad: 1e-4,
  frameRateHz: 100,
};

function glider(x: number) {
  const t = createTruthState("hgv-1", "hgv");
  t.phase = "glide";
  t.posEcefM.set([x, 0, 0]);
  t.altM = 40_000;
  t.mach = 15;
  t.surfaceTempK = 1800;
  return t;
}

describe("seekers", () => {
  it("infrared: SNR falls as 1/R^2 and the acquisition range is where it meets the threshold", () => {
    const s = new Seeker(IR);
    const t = glider(0);
    const I = s.signature(t);
    expect(I).toBeGreaterThan(0);
    const r = s.acquisitionRangeM(I);
    expect(s.snr(I, r)).toBeCloseTo(10, 9);
    expect(s.snr(I, r / 2) / s.snr(I, r)).toBeCloseTo(4, 12);
  });

  it("radar: SNR falls as 1/R^4; 1 m^2 reaches the threshold at the reference range", () => {
    const s = new Seeker(RF);
    expect(s.acquisitionRangeM(1)).toBeCloseTo(20_000, 6);
    expect(s.acquisitionRangeM(0.0625)).toBeCloseTo(10_000, 6);
    expect(s.snr(1, 10_000) / s.snr(1, 20_000)).toBeCloseTo(16, 10);
  });

  it("acquires inside the field of regard and range only", () => {
    const s = new Seeker(RF);
    const look = createSeekerLook();
    const rng = randomStream(1, 0, "seeker");
    const truth = glider(12_000); // hgv 0.1 m^2: acquisition range 20 km * 0.1^(1/4) = 11.2 km
    s.look([0, 0, 0], [1, 0, 0], truth, rng, look);
    expect(look.inFieldOfRegard).toBe(true);
    expect(look.acquired).toBe(false);
    truth.posEcefM[0] = 11_000;
    expect(s.look([0, 0, 0], [1, 0, 0], truth, rng, look).acquired).toBe(true);
    const off = Math.tan(0.6) * 11_000;
    truth.posEcefM.set([11_000, off, 0]);
    expect(s.look([0, 0, 0], [1, 0, 0], truth, rng, look).acquired).toBe(false);
    expect(look.inFieldOfRegard).toBe(false);
  });

  it("angle noise has the model's standard deviation per axis and falls with SNR", () => {
    const s = new Seeker(RF);
    const look = createSeekerLook();
    const rng = randomStream(1, 0, "seeker-noise");
    const truth = glider(5_000);
    const n = 20_000;
    let s1 = 0;
    let s2 = 0;
    for (let i = 0; i < n; i++) {
      s.look([0, 0, 0], [1, 0, 0], truth, rng, look);
      s1 += look.losUnitEcef[1] ** 2;
      s2 += look.losUnitEcef[2] ** 2;
    }
    const sigma = look.angleSigmaRad;
    expect(sigma).toBeLessThan(RF.angleNoiseAtThresholdRad);
    // Sample variance of n normals: relative standard error sqrt(2/n) = 1 %.
    expect(Math.sqrt(s1 / n) / sigma).toBeCloseTo(1, 1);
    expect(Math.sqrt(s2 / n) / sigma).toBeCloseTo(1, 1);
    expect(Math.abs(Math.sqrt(s1 / n) / sigma - 1)).toBeLessThan(0.03);
  });

  it("refuses bad definitions", () => {
    expect(() => new Seeker({ ...IR, neiWPerM2: 0 })).toThrow(/neiWPerM2/);
    expect(() => new Seeker({ ...RF, fieldOfRegardHalfAngleRad: 4 })).toThrow(/fieldOfRegard/);
  });
});
