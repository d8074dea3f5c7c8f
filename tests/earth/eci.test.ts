import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  WGS84_OMEGA_RADS,
  ecefToEci,
  ecefToEciState,
  ecefToEciStateInto,
  eciToEcef,
  eciToEcefState,
  eciToEcefStateInto,
  gmstRad,
  gmstRadFromUnixMs,
} from "../../src/earth/index.js";
import { Worst, recordValidation, sig } from "../validation.js";

const R2D = 180 / Math.PI;
const uniform = (min: number, max: number) =>
  fc.integer({ min: 0, max: 1_000_000_000 }).map((i) => min + ((max - min) * i) / 1_000_000_000);

describe("GMST (IAU-82)", () => {
  const vallado: string[] = [];
  const rate = new Worst();
  afterAll(() => {
    if (vallado.length > 0)
      recordValidation({
        area: "earth",
        model: "gmstRad (IAU-82)",
        reference:
          "Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., Example 3-5 (1992 Aug 20 12:14 UT1: 152.578787810 deg); eq. 3-47 at J2000.0 (280.460618375 deg) and its rate 7.2921158553e-5 rad/s",
        figure:
          vallado.join("; ") +
          (rate.count > 0
            ? `; rate over 1 minute at ${rate.count} random epochs 1919-2099: worst ${sig(rate.value, 2)} rad`
            : ""),
        tolerance: "< 1e-7 deg (the example's JD in one double); < 5e-10 deg; < 1e-9 rad per minute",
      });
  });

  it("Vallado Example 3-5: 1992 Aug 20 12:14 UT1 -> GMST 152.578787810 deg", () => {
    // Source: D. A. Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., Example 3-5
    // (152.578787810 deg; the 2nd edition prints 152.578787886). Vallado's JD 2448855.009722 in one double
    // carries about 1e-7 deg of rounding, hence the tolerance.
    const err = Math.abs(gmstRad(new Date(Date.UTC(1992, 7, 20, 12, 14, 0))) * R2D - 152.57878781);
    vallado.unshift(`Example 3-5 error ${sig(err, 2)} deg`);
    expect(err).toBeLessThan(1e-7);
  });

  it("Meeus, Astronomical Algorithms, Examples 12.a and 12.b (1987 Apr 10, 0h and 19:21 UT)", () => {
    // Source: J. Meeus, Astronomical Algorithms, 2nd ed., ch. 12 (IAU 1982 expression):
    // 0h UT -> 13h10m46.3668s = 197.693195 deg; 19h21m00s UT -> 8h34m57.0896s = 128.7378734 deg.
    const a = gmstRad(new Date(Date.UTC(1987, 3, 10, 0, 0, 0))) * R2D;
    const b0 = gmstRad(new Date(Date.UTC(1987, 3, 10, 19, 21, 0))) * R2D;
    const errA = Math.abs(a - (13 + 10 / 60 + 46.3668 / 3600) * 15);
    const errB = Math.abs(b0 - (8 + 34 / 60 + 57.0896 / 3600) * 15);
    recordValidation({
      area: "earth",
      model: "gmstRad (IAU-82)",
      reference:
        "Meeus, Astronomical Algorithms, 2nd ed., Examples 12.a and 12.b (1987 Apr 10, 0h and 19:21 UT: 13h10m46.3668s, 8h34m57.0896s)",
      figure: `errors ${sig(errA, 2)} deg and ${sig(errB, 2)} deg (the printed 1e-4 s is 4e-7 deg)`,
      tolerance: "< 1e-6 deg",
    });
    expect(Math.abs(a - (13 + 10 / 60 + 46.3668 / 3600) * 15)).toBeLessThan(1e-6);
    const b = gmstRad(new Date(Date.UTC(1987, 3, 10, 19, 21, 0))) * R2D;
    expect(Math.abs(b - (8 + 34 / 60 + 57.0896 / 3600) * 15)).toBeLessThan(1e-6);
  });

  it("at J2000.0 (2000-01-01T12:00 UT1) equals 67310.54841 s = 280.460618375 deg (eq. 3-47, T = 0)", () => {
    const g = gmstRad(new Date("2000-01-01T12:00:00Z")) * R2D;
    vallado.push(`J2000.0 error ${sig(Math.abs(g - 280.460618375), 2)} deg`);
    expect(g).toBeCloseTo(280.460618375, 9);
  });

  it("advances by 2 pi per sidereal day and stays in [0, 2 pi) (property)", () => {
    fc.assert(
      fc.property(uniform(-1.6e12, 4.1e12), (ms) => {
        const g = gmstRadFromUnixMs(ms);
        expect(g).toBeGreaterThanOrEqual(0);
        expect(g).toBeLessThan(2 * Math.PI);
        // Over one minute the angle grows by 60 s times the IAU-82 rate, 7.2921158553e-5 rad/s.
        const d = gmstRadFromUnixMs(ms + 60000) - g;
        const wrapped = d < 0 ? d + 2 * Math.PI : d;
        expect(rate.add(Math.abs(wrapped - 60 * 7.2921158553e-5))).toBeLessThan(1e-9);
      }),
      { numRuns: 2000, endOnFailure: true, seed: 20301575 },
    );
  });

  it("rejects an invalid Date", () => {
    expect(() => gmstRad(new Date(Number.NaN))).toThrow(RangeError);
  });
});

describe("ECEF <-> ECI", () => {
  const date = new Date("2030-06-01T00:00:00Z");
  const parts: string[] = [];
  const posTrip = new Worst();
  const velTrip = new Worst();
  afterAll(() => {
    if (posTrip.count > 0)
      parts.push(
        `${posTrip.count} random round trips worst ${sig(posTrip.value, 2)} m, ${sig(velTrip.value, 2)} m/s`,
      );
    if (parts.length > 0)
      recordValidation({
        area: "earth",
        model: "ecefToEci, eciToEcef",
        reference:
          "rotation about z by GMST (Vallado sec. 3.7): the Greenwich meridian at right ascension GMST; a fixed surface point moves at omega a = 465.1011 m/s",
        figure: parts.join("; "),
        tolerance: "meridian to 5e-13 rad; round trip < 1e-7 m, < 1e-9 m/s; speed to 5e-4 m/s",
      });
  });

  it("rotates about z by GMST: the Greenwich meridian points at right ascension GMST", () => {
    const g = gmstRad(date);
    const p = ecefToEci([7e6, 0, 1e6], date);
    parts.unshift(
      `meridian angle error ${sig(Math.abs(Math.atan2(p[1], p[0]) - (g > Math.PI ? g - 2 * Math.PI : g)), 2)} rad`,
    );
    expect(Math.atan2(p[1], p[0])).toBeCloseTo(g > Math.PI ? g - 2 * Math.PI : g, 12);
    expect(p[2]).toBe(1e6);
  });

  it("round-trips positions and states, preserves |r| (property)", () => {
    const coord = uniform(-4e7, 4e7);
    const vel = uniform(-8000, 8000);
    fc.assert(
      fc.property(coord, coord, coord, vel, vel, vel, uniform(0, 3e9), (x, y, z, vx, vy, vz, s) => {
        const d = new Date(Date.UTC(2000, 0, 1) + s * 1000);
        const q = eciToEcef(ecefToEci([x, y, z], d), d);
        expect(posTrip.add(Math.hypot(q[0] - x, q[1] - y, q[2] - z))).toBeLessThan(1e-7);
        const st = ecefToEciState([x, y, z], [vx, vy, vz], d);
        expect(Math.hypot(...st.posM)).toBeCloseTo(Math.hypot(x, y, z), 6);
        const back = eciToEcefState(st.posM, st.velMps, d);
        expect(
          velTrip.add(Math.hypot(back.velMps[0] - vx, back.velMps[1] - vy, back.velMps[2] - vz)),
        ).toBeLessThan(1e-9);
      }),
      { numRuns: 2000, endOnFailure: true, seed: 20301576 },
    );
  });

  it("a point fixed on the Earth moves at omega x r in ECI, consistent with the changing rotation", () => {
    // Finite difference of the ECI position of a fixed ECEF point over 1 s, vs the state transform.
    const pE = [6378137, 0, 0];
    const t0 = Date.UTC(2030, 5, 1);
    const p0 = new Float64Array(3);
    const v0 = new Float64Array(3);
    const p1 = new Float64Array(3);
    const v1 = new Float64Array(3);
    ecefToEciStateInto(pE, [0, 0, 0], gmstRadFromUnixMs(t0 - 500), WGS84_OMEGA_RADS, p0, v0);
    ecefToEciStateInto(pE, [0, 0, 0], gmstRadFromUnixMs(t0 + 500), WGS84_OMEGA_RADS, p1, v1);
    const speed = Math.hypot(p1[0] - p0[0], p1[1] - p0[1]);
    expect(speed).toBeCloseTo(WGS84_OMEGA_RADS * 6378137, 2); // 465.1 m/s, to 1 cm/s
    const pEci = new Float64Array(3);
    const vEci = new Float64Array(3);
    ecefToEciStateInto(pE, [0, 0, 0], gmstRadFromUnixMs(t0), WGS84_OMEGA_RADS, pEci, vEci);
    parts.push(
      `surface speed error ${sig(Math.abs(Math.hypot(vEci[0], vEci[1], vEci[2]) - 465.1011), 2)} m/s`,
    );
    expect(Math.hypot(vEci[0], vEci[1], vEci[2])).toBeCloseTo(465.1011, 3);
    const pBack = new Float64Array(3);
    const vBack = new Float64Array(3);
    eciToEcefStateInto(pEci, vEci, gmstRadFromUnixMs(t0), WGS84_OMEGA_RADS, pBack, vBack);
    expect(Math.hypot(vBack[0], vBack[1], vBack[2])).toBeLessThan(1e-9);
  });
});
