import { afterAll, describe, expect, it } from "vitest";
import { WGS84_A_M, WGS84_GM_M3S2 } from "../../src/earth/wgs84.js";
import {
  circularOrbitEciInto,
  secularRates,
  walkerDeltaOrbits,
  WalkerConstellation,
} from "../../src/sensors/infrared/walker.js";
import { Worst, recordValidation, sig } from "../validation.js";

const DEG = Math.PI / 180;
const wrap = (x: number) => Math.atan2(Math.sin(x), Math.cos(x));

describe("Walker-delta geometry", () => {
  const pattern = {
    altitudeM: 1_000_000,
    inclinationRad: 81 * DEG,
    planes: 4,
    satellitesPerPlane: 7,
    phasing: 1,
  };
  const slots = new Worst();
  const radius = new Worst();
  const speed = new Worst();
  const incl = new Worst();
  const node = new Worst();
  const rateParts: string[] = [];
  afterAll(() => {
    if (slots.count + radius.count > 0)
      recordValidation({
        area: "sensors",
        model: "Walker-delta geometry (walkerDeltaOrbits, WalkerConstellation)",
        reference:
          "Walker 1984, delta pattern 81 deg: 28/4/1 at 1,000 km: planes every 360/P, slots every 360/S, adjacent planes phased by F 360/T; circular two-body orbits",
        figure:
          `worst of 28 satellites: RAAN and argument of latitude ${sig(slots.value, 2)} rad; radius ${sig(radius.value, 2)} and speed sqrt(GM/a) ${sig(speed.value, 2)} relative; ` +
          `inclination ${sig(incl.value, 2)} deg, ascending node ${sig(node.value, 2)} rad`,
        tolerance: "< 5e-13 rad; < 5e-13; < 5e-10 deg, < 5e-10 rad",
      });
    if (rateParts.length > 0)
      recordValidation({
        area: "sensors",
        model: "secularRates (circular orbit, J2)",
        reference:
          "two-body period 2 pi sqrt(a^3/GM), 105.12 min at 1,000 km; J2 node drift makes 98.6 deg at 800 km sun-synchronous, 360 deg per 365.2422 days (Vallado 4th ed. sec. 9.6)",
        figure: rateParts.join("; "),
        tolerance: "to 0.05 min; to 0.5 %",
      });
  });

  it("spreads planes by 360/P, slots by 360/S, and phases adjacent planes by F 360/T (Walker 1984)", () => {
    const orbits = walkerDeltaOrbits(pattern);
    expect(orbits).toHaveLength(28);
    for (let p = 0; p < 4; p++) {
      for (let s = 0; s < 7; s++) {
        const o = orbits[p * 7 + s];
        slots.add(Math.abs(wrap(o.raanRad - p * 90 * DEG)));
        slots.add(Math.abs(wrap(o.argLatRad - (s * (360 / 7) + p * (360 / 28)) * DEG)));
        expect(wrap(o.raanRad - p * 90 * DEG)).toBeCloseTo(0, 12);
        expect(wrap(o.argLatRad - (s * (360 / 7) + p * (360 / 28)) * DEG)).toBeCloseTo(0, 12);
        expect(o.semiMajorAxisM).toBe(WGS84_A_M + 1_000_000);
      }
    }
  });

  it("places every satellite at radius a with its orbit normal at the inclination and plane node", () => {
    const c = new WalkerConstellation(pattern, { gmstAtEpochRad: 0, j2: false });
    const r = new Float64Array(3);
    const v = new Float64Array(3);
    for (let i = 0; i < c.count; i++) {
      c.positionVelocityEciInto(i, 1234, r, v);
      radius.add(Math.abs(Math.hypot(r[0], r[1], r[2]) / (WGS84_A_M + 1e6) - 1));
      speed.add(Math.abs(Math.hypot(v[0], v[1], v[2]) / Math.sqrt(WGS84_GM_M3S2 / (WGS84_A_M + 1e6)) - 1));
      expect(Math.hypot(r[0], r[1], r[2]) / (WGS84_A_M + 1e6)).toBeCloseTo(1, 12);
      // circular two-body speed sqrt(GM/a)
      expect(Math.hypot(v[0], v[1], v[2]) / Math.sqrt(WGS84_GM_M3S2 / (WGS84_A_M + 1e6))).toBeCloseTo(1, 12);
      const h = [r[1] * v[2] - r[2] * v[1], r[2] * v[0] - r[0] * v[2], r[0] * v[1] - r[1] * v[0]];
      const hn = Math.hypot(h[0], h[1], h[2]);
      incl.add(Math.abs(Math.acos(h[2] / hn) / DEG - 81));
      expect(Math.acos(h[2] / hn) / DEG).toBeCloseTo(81, 9);
      // node direction z x h points along the ascending node at RAAN
      const raan = Math.atan2(h[0], -h[1]);
      node.add(Math.abs(wrap(raan - Math.floor(i / 7) * 90 * DEG)));
      expect(wrap(raan - Math.floor(i / 7) * 90 * DEG)).toBeCloseTo(0, 9);
    }
  });

  it("has the two-body period 2 pi sqrt(a^3/GM) (105.1 min at 1000 km)", () => {
    const rates = secularRates(WGS84_A_M + 1e6, 81 * DEG, 0);
    rateParts.unshift(`period ${sig((2 * Math.PI) / rates.meanMotionRadS / 60, 5)} min`);
    expect((2 * Math.PI) / rates.meanMotionRadS / 60).toBeCloseTo(105.12, 1);
  });

  it("J2 node drift makes a 98.6 deg, 800 km orbit sun-synchronous", () => {
    // Vallado, Fundamentals of Astrodynamics and Applications, 4th ed., sec. 9.6 (sun-synchronous
    // orbits): i ~ 98.6 deg at 800 km altitude; required rate 360 deg per 365.2422 days.
    const rates = secularRates(WGS84_A_M + 800e3, 98.6 * DEG);
    const needed = (2 * Math.PI) / (365.2422 * 86400);
    rateParts.push(
      `98.6 deg, 800 km node rate ${sig(rates.raanRateRadS / needed, 4)} of the sun-synchronous rate`,
    );
    expect(rates.raanRateRadS / needed).toBeCloseTo(1, 2);
  });

  it("velocity is the time derivative of position (central difference), J2 drift included", () => {
    const orbit = walkerDeltaOrbits(pattern)[9];
    const rates = secularRates(orbit.semiMajorAxisM, orbit.inclinationRad);
    const r1 = new Float64Array(3);
    const r2 = new Float64Array(3);
    const v = new Float64Array(3);
    const dummy = new Float64Array(3);
    const t = 700;
    const h = 0.01;
    circularOrbitEciInto(orbit, rates, t, dummy, v);
    circularOrbitEciInto(orbit, rates, t - h, r1, dummy);
    circularOrbitEciInto(orbit, rates, t + h, r2, dummy);
    for (let k = 0; k < 3; k++) expect((r2[k] - r1[k]) / (2 * h)).toBeCloseTo(v[k], 3);
  });

  it("ECEF velocity is the derivative of ECEF position (Earth rotation handled)", () => {
    const c = new WalkerConstellation(pattern, { gmstAtEpochRad: 1.3 });
    const r1 = new Float64Array(3);
    const r2 = new Float64Array(3);
    const v = new Float64Array(3);
    const d = new Float64Array(3);
    c.positionVelocityEcefInto(5, 100, d, v);
    c.positionVelocityEcefInto(5, 100 - 0.01, r1, d);
    c.positionVelocityEcefInto(5, 100 + 0.01, r2, d);
    for (let k = 0; k < 3; k++) expect((r2[k] - r1[k]) / 0.02).toBeCloseTo(v[k], 3);
  });

  it("the batch form gives the same positions and velocities as the per-satellite form", () => {
    const c = new WalkerConstellation(pattern, { gmstAtEpochRad: 2.1 });
    const pos = new Float64Array(3 * c.count);
    const vel = new Float64Array(3 * c.count);
    const p = new Float64Array(3);
    const v = new Float64Array(3);
    for (const t of [0, 1234.5, 86400]) {
      c.allPositionsVelocitiesEcefInto(t, pos, vel);
      for (let i = 0; i < c.count; i++) {
        c.positionVelocityEcefInto(i, t, p, v);
        for (let k = 0; k < 3; k++) {
          expect(Math.abs(pos[3 * i + k] - p[k])).toBeLessThan(1e-6);
          expect(Math.abs(vel[3 * i + k] - v[k])).toBeLessThan(1e-9);
        }
      }
    }
  });

  it("rejects a bad pattern", () => {
    expect(() => walkerDeltaOrbits({ ...pattern, phasing: 4 })).toThrow(RangeError);
    expect(() => walkerDeltaOrbits({ ...pattern, planes: 0 })).toThrow(RangeError);
  });
});
