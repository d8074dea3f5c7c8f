import { describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  detectionRangeM,
  radarEquationSnr,
  referenceFromHardware,
  snrAtRange,
  type RadarReference,
} from "../../src/sensors/radar/radarEquation.js";

const ref: RadarReference = { referenceRangeM: 500e3, referenceRcsM2: 1, referenceSnrDb: 13 };

describe("radar equation, reference form", () => {
  it("returns the reference SNR at the reference point", () => {
    expect(10 * Math.log10(snrAtRange(ref, 500e3, 1))).toBeCloseTo(13, 12);
  });

  it("detection range scales with the fourth root of the cross-section (property)", () => {
    // SNR ~ sigma / R^4 (Richards eq. 2.43): at fixed SNR, R ~ sigma^(1/4).
    expect(detectionRangeM(ref, 16, 13) / detectionRangeM(ref, 1, 13)).toBeCloseTo(2, 12);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-4, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 25, noNaN: true }),
        (s1, s2, snrDb) => {
          const ratio = detectionRangeM(ref, s2, snrDb) / detectionRangeM(ref, s1, snrDb);
          expect(ratio / (s2 / s1) ** 0.25).toBeCloseTo(1, 10);
          // and the SNR there is the requested one
          expect(10 * Math.log10(snrAtRange(ref, detectionRangeM(ref, s1, snrDb), s1))).toBeCloseTo(snrDb, 9);
        },
      ),
    );
  });

  it("falls 12 dB per doubling of range", () => {
    expect(10 * Math.log10(snrAtRange(ref, 250e3, 1) / snrAtRange(ref, 500e3, 1))).toBeCloseTo(12.0412, 4);
  });

  it("the hardware form is consistent with its reference point", () => {
    // X-band-like numbers (notional): 30 kW average, 10 ms dwell, 9.2 m^2, 3 cm, 500 K, 6 dB.
    const hw = {
      averagePowerW: 30e3,
      dwellTimeS: 0.01,
      apertureM2: 9.2,
      wavelengthM: 0.03,
      systemTemperatureK: 500,
      lossesDb: 6,
    };
    const r = referenceFromHardware(hw, 1, 13);
    expect(10 * Math.log10(radarEquationSnr(hw, r.referenceRangeM, 1))).toBeCloseTo(13, 9);
    // Hand evaluation of Richards eq. 2.43 for these numbers: SNR(1 m^2, 1000 km) =
    // 30e3 * 0.01 * 9.2^2 / (4 pi 0.03^2 1e24 1.380649e-23 500 10^0.6) = 81.694 (19.1 dB).
    expect(radarEquationSnr(hw, 1e6, 1)).toBeCloseTo(81.694, 2);
  });
});
