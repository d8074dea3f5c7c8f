import { describe, expect, it } from "vitest";
import fc from "fast-check";
import * as z from "zod";
import {
  DIMENSIONS,
  type Dimension,
  formatNumber,
  parseLooseQuantity,
  parseQuantity,
  toSI,
  unitsOf,
} from "../../src/scenario/units.js";
import { length, ratio } from "../../src/scenario/fields/index.js";

function si(text: string, dim: Dimension): number {
  const r = parseQuantity(text, dim);
  if (!r.ok) throw new Error(`${text}: expected ${r.expected}, given ${r.given}`);
  return r.si;
}

function failure(input: unknown, dim: Dimension): { expected: string; given: string } {
  const r = parseQuantity(input, dim);
  if (r.ok) throw new Error(`${String(input)} parsed`);
  return r;
}

describe("parseQuantity: one conversion per unit", () => {
  // Exact factors from NIST SP 811 (2008) Appendix B.8/B.9; g0 from the 3rd CGPM (1901);
  // dB as a power ratio 10^(x/10) (IEEE Std 100).
  const cases: [string, Dimension, number][] = [
    ["300 km", "length", 300e3],
    ["0 m", "length", 0],
    ["1 nmi", "length", 1852],
    ["1 NM", "length", 1852],
    ["10 ft", "length", 3.048],
    ["1 mi", "length", 1609.344],
    ["2.5 km/s", "speed", 2500],
    ["3200 m/s", "speed", 3200],
    ["36 km/h", "speed", 10],
    ["3600 kn", "speed", 1852],
    ["180 deg", "angle", Math.PI],
    ["-90 deg", "angle", -Math.PI / 2],
    ["1 rad", "angle", 1],
    ["5 mrad", "angle", 5e-3],
    ["20 urad", "angle", 20e-6],
    ["60 arcmin", "angle", Math.PI / 180],
    ["3600 arcsec", "angle", Math.PI / 180],
    ["90 deg/s", "angularRate", Math.PI / 2],
    ["30 min", "duration", 1800],
    ["1e-6 s", "duration", 1e-6],
    ["250 ms", "duration", 0.25],
    ["4 us", "duration", 4e-6],
    ["2 h", "duration", 7200],
    ["1 d", "duration", 86400],
    ["907 kg", "mass", 907],
    ["320 g", "mass", 0.32],
    ["8 t", "mass", 8000],
    ["1 lb", "mass", 0.45359237],
    ["0.4839 m^2", "area", 0.4839],
    ["0.4839 m²", "area", 0.4839],
    ["25 cm^2", "area", 25e-4],
    ["10 dBsm", "rcs", 10],
    ["-10 dBsm", "rcs", 0.1],
    ["0 dBsm", "rcs", 1],
    ["0.1 m^2", "rcs", 0.1],
    ["5 MW", "power", 5e6],
    ["3 kW", "power", 3e3],
    ["10 GHz", "frequency", 10e9],
    ["3.3 MHz", "frequency", 3.3e6],
    ["3200 K", "temperature", 3200],
    ["32 MJ", "energy", 32e6],
    ["9.80665 m/s^2", "acceleration", 9.80665],
    ["30 g0", "acceleration", 30 * 9.80665],
    ["13000 kg/m^2", "ballisticCoefficient", 13000],
    ["250 s", "specificImpulse", 250],
    ["100 kN", "force", 1e5],
    ["1 W/cm^2", "irradiance", 1e4],
    ["1e-15 W/m^2", "irradiance", 1e-15],
    ["2 kW/sr", "intensity", 2000],
    ["20 dB", "ratio", 100],
    ["-3 dB", "ratio", 10 ** -0.3],
    ["10 /min", "rate", 1 / 6],
    ["300km", "length", 300e3],
    ["  +1.5e3   m ", "length", 1500],
    [".5 km", "length", 500],
  ];
  it.each(cases)("%s (%s) -> %d SI", (text, dim, expected) => {
    expect(si(text, dim)).toBeCloseTo(expected, 12);
    expect(si(text, dim) / (expected || 1)).toBeCloseTo(expected === 0 ? 0 : 1, 12);
  });

  it("every listed unit of every dimension parses (no dead table entries)", () => {
    for (const dim of Object.keys(DIMENSIONS) as Dimension[]) {
      for (const u of unitsOf(dim)) expect(parseQuantity(`1 ${u}`, dim).ok, `${dim} ${u}`).toBe(true);
    }
  });
});

describe("parseQuantity: properties", () => {
  const value = fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true });
  it("a linear unit scales the number by its factor (round trip through text)", () => {
    const linear = (Object.keys(DIMENSIONS) as Dimension[]).flatMap((d) =>
      DIMENSIONS[d].units.filter((u) => !u.decibel).map((u) => [d, u.symbol, u.factor] as const),
    );
    fc.assert(
      fc.property(value, fc.constantFrom(...linear), (v, [dim, unit, factor]) => {
        const r = parseQuantity(`${v} ${unit}`, dim);
        expect(r.ok).toBe(true);
        // `==` on purpose: the text of -0 is "0", and 0 == -0 is the round trip we mean.
        if (r.ok) expect(r.si == v * factor).toBe(true);
      }),
    );
  });
  it("decibels invert: 10 log10(linear) gives back the number of dB", () => {
    fc.assert(
      fc.property(fc.double({ min: -100, max: 100, noNaN: true }), (x) => {
        expect(10 * Math.log10(si(`${x} dB`, "ratio"))).toBeCloseTo(x, 9);
        expect(10 * Math.log10(si(`${x} dBsm`, "rcs"))).toBeCloseTo(x, 9);
      }),
    );
  });
  it("never throws, whatever the input", () => {
    fc.assert(
      fc.property(
        fc.anything(),
        fc.constantFrom(...(Object.keys(DIMENSIONS) as Dimension[])),
        (input, dim) => {
          const r = parseQuantity(input, dim);
          if (r.ok) expect(Number.isFinite(r.si)).toBe(true);
          else expect(r.expected.length).toBeGreaterThan(0);
        },
      ),
    );
  });
});

describe("parseQuantity: errors name the allowed units", () => {
  it("refuses a bare number and lists the units", () => {
    const f = failure(300, "length");
    expect(f.expected).toBe('a length with a unit (m, km, nmi, ft, mi), e.g. "300 km"');
    expect(f.given).toBe("300, a bare number without a unit");
    expect(failure("300", "length").given).toContain("bare number");
  });
  it("refuses an unknown unit, suggesting the nearest", () => {
    const f = failure("3200 kmh", "speed");
    expect(f.expected).toContain("m/s, km/s, km/h, kn");
    expect(f.given).toBe('"3200 kmh", unknown unit "kmh" (did you mean "km/h"?)');
  });
  it("says when a unit belongs to another dimension", () => {
    expect(failure("300 km", "duration").given).toBe('"300 km", "km" is a unit of a length');
  });
  it("says that units are case-sensitive", () => {
    expect(failure("5 mw", "power").given).toContain('did you mean "MW"?');
  });
  it("refuses Mach as a speed, with the reason", () => {
    expect(failure("6 Mach", "speed").given).toContain("Mach is not a fixed speed");
    expect(failure("6 mach", "speed").given).toContain("`mach` field");
  });
  it("refuses non-numbers, overflow and other shapes", () => {
    expect(failure("fast", "speed").given).toBe('"fast"');
    expect(failure("1e999 m", "length").given).toContain("too large");
    expect(failure("4000 dB", "ratio").given).toContain("too large");
    expect(failure({ a: 1 }, "length").given).toBe("a mapping");
    expect(failure(undefined, "length").given).toBe("nothing");
    expect(failure(null, "length").given).toBe("an empty value");
  });
  it("toSI refuses a unit of the wrong dimension", () => {
    expect(toSI(1, "km", "length")).toBe(1000);
    expect(() => toSI(1, "km", "speed")).toThrow(RangeError);
  });
});

describe("quantity fields: range checked after conversion, reported as written and in SI", () => {
  const alt = length({ min: "-1 km", max: "1000 km", default: "0 m" });
  const issueOf = (schema: z.ZodType, input: unknown) => {
    const r = schema.safeParse(input);
    if (r.success) throw new Error("parsed");
    return r.error.issues[0] as z.core.$ZodIssueCustom;
  };
  it("accepts values in range in any unit, and fills the default", () => {
    expect(alt.parse("1000 km")).toBe(1e6);
    expect(alt.parse("-3280 ft")).toBeCloseTo(-999.744, 9);
    expect(alt.parse(undefined)).toBe(0);
  });
  it("reports a value out of range with the bounds in file units and SI", () => {
    const issue = issueOf(alt, "1001 km");
    expect(issue.params).toEqual({
      expected: "a length in [-1 km, 1000 km] (SI: [-1000, 1e6] m)",
      given: '"1001 km" (SI: 1.001e6 m)',
    });
    expect((issueOf(alt, "-2 km").params as { given: string }).given).toBe('"-2 km" (SI: -2000 m)');
  });
  it("treats exclusive bounds and dB ranges", () => {
    const loss = ratio({ min: "0 dB", max: "30 dB" });
    expect(loss.parse("3 dB")).toBeCloseTo(1.99526, 5);
    expect((issueOf(loss, "-1 dB").params as { expected: string }).expected).toBe(
      "a power ratio in [0 dB, 30 dB] (SI: [1, 1000] (linear))",
    );
  });
});

describe("parseLooseQuantity and formatNumber", () => {
  it("infers the dimension from the unit, or none for a bare number", () => {
    expect(parseLooseQuantity("2 min")).toEqual({ ok: true, si: 120, dimensions: ["duration"] });
    expect(parseLooseQuantity(0.5)).toEqual({ ok: true, si: 0.5, dimensions: [] });
    const s = parseLooseQuantity("3 s");
    expect(s.ok && s.dimensions).toEqual(["duration", "specificImpulse"]);
    expect(parseLooseQuantity("3 furlongs").ok).toBe(false);
  });
  it("prints compact numbers", () => {
    expect(formatNumber(1e6)).toBe("1e6");
    expect(formatNumber(1800)).toBe("1800");
    expect(formatNumber(Math.PI)).toBe("3.14159");
    expect(formatNumber(-2.5e-7)).toBe("-2.5e-7");
  });
});
