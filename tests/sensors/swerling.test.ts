import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { marcumQ1 } from "../../src/sensors/radar/marcumQ.js";
import {
  DetectionProbabilityCache,
  detectionProbability,
  requiredSnr,
  type SwerlingCase,
} from "../../src/sensors/radar/swerling.js";

const dB = (x: number) => 10 * Math.log10(x);
const fromDb = (d: number) => 10 ** (d / 10);

/** Average of the nonfluctuating Pd over an SNR density, Simpson's rule on [0, 40 S]. */
function averagedPd(meanSnr: number, pfa: number, density: (s: number) => number): number {
  const t = -Math.log(pfa);
  const n = 4000;
  const h = (40 * meanSnr) / n;
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const s = i * h;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * marcumQ1(Math.sqrt(2 * s), Math.sqrt(2 * t)) * density(s);
  }
  return (sum * h) / 3;
}

describe("detectionProbability", () => {
  it("reproduces the published single-pulse SNR for Pd = 0.9, Pfa = 1e-6", () => {
    // Nonfluctuating, square-law detector: 13.18 dB (Richards, Fundamentals of Radar Signal Processing,
    // 2nd ed., fig. 6.17 reads ~13.2 dB; exact value 13.18349 dB quoted in the sdr library docs,
    // sdr.min_snr(0.9, 1e-6, detector="square-law")). Albersheim's equation gives 13.1 dB (Richards eq. 6.87).
    expect(detectionProbability({ snr: fromDb(13.18349), pfa: 1e-6, swerling: 0 })).toBeCloseTo(0.9, 5);
    // Swerling I: Pd = Pfa^(1/(1+S)) => S = ln(Pfa)/ln(Pd) - 1 = 21.14 dB (Richards eq. 6.60; Skolnik,
    // Introduction to Radar Systems 3rd ed., fig. 2.23, ~21 dB).
    expect(dB(requiredSnr({ pd: 0.9, pfa: 1e-6, swerling: 1 }))).toBeCloseTo(21.1436, 3);
    expect(detectionProbability({ snr: fromDb(21.14364), pfa: 1e-6, swerling: 1 })).toBeCloseTo(0.9, 5);
    // Swerling III (chi-square 4 dof): 17.30 dB, between the two (Mahafza 3rd ed. fig. 2.12 shape).
    expect(dB(requiredSnr({ pd: 0.9, pfa: 1e-6, swerling: 3 }))).toBeCloseTo(17.296, 2);
    expect(dB(requiredSnr({ pd: 0.9, pfa: 1e-6, swerling: 0 }))).toBeCloseTo(13.1835, 3);
  });

  it("Swerling I and III closed forms equal the nonfluctuating Pd averaged over their SNR densities", () => {
    // Swerling I: exponential SNR density; Swerling III: chi-square with 4 dof, 4 s / S^2 exp(-2 s / S).
    for (const snr of [3, 20, 100]) {
      const pfa = 1e-6;
      const sw1 = averagedPd(snr, pfa, (s) => Math.exp(-s / snr) / snr);
      const sw3 = averagedPd(snr, pfa, (s) => ((4 * s) / (snr * snr)) * Math.exp((-2 * s) / snr));
      expect(detectionProbability({ snr, pfa, swerling: 1 })).toBeCloseTo(sw1, 7);
      expect(detectionProbability({ snr, pfa, swerling: 3 })).toBeCloseTo(sw3, 7);
    }
  });

  it("gives Pd = Pfa at zero SNR and increases with SNR (property)", () => {
    const cases: SwerlingCase[] = [0, 1, 3];
    for (const swerling of cases)
      expect(detectionProbability({ snr: 0, pfa: 1e-4, swerling })).toBeCloseTo(1e-4, 12);
    fc.assert(
      fc.property(
        fc.double({ min: -10, max: 40, noNaN: true }),
        fc.double({ min: 0.01, max: 3, noNaN: true }),
        fc.constantFrom<SwerlingCase>(0, 1, 3),
        fc.double({ min: -10, max: -2, noNaN: true }),
        (snrDb, step, swerling, logPfa) => {
          const pfa = 10 ** logPfa;
          const a = detectionProbability({ snr: fromDb(snrDb), pfa, swerling });
          const b = detectionProbability({ snr: fromDb(snrDb + step), pfa, swerling });
          expect(b).toBeGreaterThanOrEqual(a - 1e-12);
          expect(a).toBeGreaterThanOrEqual(0);
          expect(b).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 200 },
    );
  });

  it("requiredSnr inverts detectionProbability (round trip)", () => {
    for (const swerling of [0, 1, 3] as const) {
      for (const pd of [0.1, 0.5, 0.9, 0.99]) {
        const snr = requiredSnr({ pd, pfa: 1e-8, swerling });
        expect(detectionProbability({ snr, pfa: 1e-8, swerling })).toBeCloseTo(pd, 8);
      }
    }
  });

  it("the hot-path cache agrees with the exact function", () => {
    const cache = new DetectionProbabilityCache(1e-6);
    for (let d = -5; d <= 30; d += 0.37) {
      for (const swerling of [0, 1, 3] as const) {
        const exact = detectionProbability({ snr: fromDb(d), pfa: 1e-6, swerling });
        expect(Math.abs(cache.pdOf(fromDb(d), swerling) - exact)).toBeLessThan(1e-4);
      }
    }
  });

  it("rejects a false-alarm probability outside (0, 1)", () => {
    expect(() => detectionProbability({ snr: 10, pfa: 0, swerling: 1 })).toThrow(RangeError);
    expect(() => detectionProbability({ snr: 10, pfa: 1, swerling: 1 })).toThrow(RangeError);
  });
});
