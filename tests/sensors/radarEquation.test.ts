import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  detectionRangeM,
  radarEquationSnr,
  referenceFromHardware,
  snrAtRange,
  type RadarReference,
} from "../../src/sensors/radar/radarEquation.js";
import { Worst, recordValidation, sig } from "../validation.js";

const ref: RadarReference = { referenceRangeM: 500e3, referenceRcsM2: 1, referenceSnrDb: 13 };

describe("radar equation, reference form", () => {
  const eq: string[] = [];
  afterAll(() => {
    if (eq.length > 0)
      recordValidation({
        area: "sensors",
        model: "snrAtRange, radarEquationSnr",
        reference:
          "radar equation (Richards eq. 2.43): SNR ~ 1/R^4, 12.0412 dB per doubling of range; hand evaluation SNR(1 m^2, 1000 km) = 81.694 for 30 kW, 10 ms, 9.2 m^2, 3 cm, 500 K, 6 dB",
        figure: eq.join("; "),
        tolerance: "< 5e-5 dB; < 5e-3; reference point to 5e-10 dB",
      });
  });
  it("returns the reference SNR at the reference point", () => {
    eq.push(
      `SNR at the reference point off by ${sig(Math.abs(10 * Math.log10(snrAtRange(ref, 500e3, 1)) - 13), 2)} dB`,
    );
    expect(10 * Math.log10(snrAtRange(ref, 500e3, 1))).toBeCloseTo(13, 12);
  });

  it("detection range scales with the fourth root of the cross-section (property)", () => {
    // SNR ~ sigma / R^4 (Richards eq. 2.43): at fixed SNR, R ~ sigma^(1/4).
    const ratio16 = detectionRangeM(ref, 16, 13) / detectionRangeM(ref, 1, 13);
    const scaling = new Worst();
    const snrBack = new Worst();
    expect(ratio16).toBeCloseTo(2, 12);
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-4, max: 1e3, noNaN: true }),
        fc.double({ min: 0, max: 25, noNaN: true }),
        (s1, s2, snrDb) => {
          const ratio = detectionRangeM(ref, s2, snrDb) / detectionRangeM(ref, s1, snrDb);
          scaling.add(Math.abs(ratio / (s2 / s1) ** 0.25 - 1));
          expect(ratio / (s2 / s1) ** 0.25).toBeCloseTo(1, 10);
          // and the SNR there is the requested one
          const back = 10 * Math.log10(snrAtRange(ref, detectionRangeM(ref, s1, snrDb), s1));
          snrBack.add(Math.abs(back - snrDb));
          expect(back).toBeCloseTo(snrDb, 9);
        },
      ),
    );
    recordValidation({
      area: "sensors",
      model: "detectionRangeM (radar equation, reference form)",
      reference: "Richards eq. 2.43: SNR ~ sigma / R^4, so at a fixed SNR the range scales as sigma^(1/4)",
      figure:
        `16x the cross-section: |range ratio - 2| ${sig(Math.abs(ratio16 - 2), 2)}; ${scaling.count} random pairs 1e-4 to 1e3 m^2: ` +
        `worst |ratio / (s2/s1)^(1/4) - 1| ${sig(scaling.value, 2)}, SNR at the returned range off by ${sig(snrBack.value, 2)} dB`,
      tolerance: "< 5e-13; < 5e-11; < 5e-10 dB",
    });
  });

  it("falls 12 dB per doubling of range", () => {
    const perDoubling = 10 * Math.log10(snrAtRange(ref, 250e3, 1) / snrAtRange(ref, 500e3, 1));
    eq.push(`${sig(perDoubling, 6)} dB per doubling of range`);
    expect(perDoubling).toBeCloseTo(12.0412, 4);
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
    eq.push(`hardware form SNR(1 m^2, 1000 km) ${sig(radarEquationSnr(hw, 1e6, 1), 6)} (81.694)`);
    expect(radarEquationSnr(hw, 1e6, 1)).toBeCloseTo(81.694, 2);
  });
});
