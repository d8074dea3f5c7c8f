/**
 * Lifting targets (project issue 9 item 7): the motion check that flags a track as not ballistic
 * (src/tracking/predict/motion.ts) and the reachable glide footprint given instead of a ballistic point
 * (src/tracking/predict/footprint.ts). References: the closed forms of the constant-L/D equilibrium
 * glide (Vinh, Busemann and Culp 1980 ch. 7) against a direct integration of its equations in time;
 * synthetic tracks with and without a known lift. The reference raid's check (every ballistic
 * prediction kept, every lifting target flagged, its true impact inside its footprint) is in
 * referenceRaid.test.ts.
 */
import { describe, expect, it } from "vitest";
import { geodeticToEcefInto } from "../../src/earth/geodetic.js";
import { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import { equilibriumGlideRangeM } from "../../src/flight/kepler.js";
import {
  bankedGlideRangeM,
  glideFootprint,
  kuchemannLiftToDrag,
} from "../../src/tracking/predict/footprint.js";
import { assessTrackMotion } from "../../src/tracking/predict/motion.js";
import type { GaussianState } from "../../src/tracking/types.js";
import { recordValidation, sig } from "../validation.js";

const DEG = Math.PI / 180;

/** Equilibrium glide integrated in time (RK4): dv/dt = -(g - v^2/r)/((L/D) cos s), ds/dt = v,
 *  dpsi/dt = (g - v^2/r) tan(s) / v, until v reaches vEnd. */
function integrateGlide(v0: number, vEnd: number, ld: number, bank: number, g: number, r: number) {
  const f = (v: number) => [
    -(g - (v * v) / r) / (ld * Math.cos(bank)),
    v,
    ((g - (v * v) / r) * Math.tan(bank)) / v,
  ];
  let v = v0;
  let s = 0;
  let psi = 0;
  const h = 0.01;
  while (v > vEnd) {
    const k1 = f(v);
    const k2 = f(v + 0.5 * h * k1[0]);
    const k3 = f(v + 0.5 * h * k2[0]);
    const k4 = f(v + h * k3[0]);
    const dv = (h / 6) * (k1[0] + 2 * k2[0] + 2 * k3[0] + k4[0]);
    if (v + dv < vEnd) {
      // last partial step, linear in v
      const frac = (v - vEnd) / -dv;
      s += frac * (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
      psi += frac * (h / 6) * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]);
      break;
    }
    s += (h / 6) * (k1[1] + 2 * k2[1] + 2 * k3[1] + k4[1]);
    psi += (h / 6) * (k1[2] + 2 * k2[2] + 2 * k3[2] + k4[2]);
    v += dv;
  }
  return { s, psi };
}

function stateAt(
  latDeg: number,
  lonDeg: number,
  altM: number,
  headingDeg: number,
  speed: number,
): GaussianState {
  const p = geodeticToEcefInto(latDeg * DEG, lonDeg * DEG, altM, new Float64Array(3));
  const lat = latDeg * DEG;
  const lon = lonDeg * DEG;
  const east = [-Math.sin(lon), Math.cos(lon), 0];
  const north = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
  const h = headingDeg * DEG;
  const v = [0, 1, 2].map((i) => speed * (Math.sin(h) * east[i] + Math.cos(h) * north[i]));
  const P = new Float64Array(36);
  for (let i = 0; i < 3; i++) {
    P[i * 7] = 100 ** 2;
    P[(i + 3) * 7] = 5 ** 2;
  }
  return { x: Float64Array.from([...p, ...v]), P, timeS: 0 };
}

describe("equilibrium glide footprint", () => {
  it("matches a direct integration of the glide equations: range and turn", () => {
    const g = 9.7;
    const r = 6.4e6;
    let worst = 0;
    for (const [ld, bankDeg, v0] of [
      [2.6, 0, 6000],
      [3.5, 30, 4000],
      [5, 60, 2500],
    ]) {
      const bank = bankDeg * DEG;
      const ref = integrateGlide(v0, 1000, ld, bank, g, r);
      const s = bankedGlideRangeM(v0, 1000, ld, bank, g, r);
      const psi = ld * Math.sin(bank) * Math.log(v0 / 1000);
      worst = Math.max(worst, Math.abs(s / ref.s - 1), bankDeg > 0 ? Math.abs(psi / ref.psi - 1) : 0);
    }
    recordValidation({
      area: "tracking",
      model: "glideFootprint (equilibrium glide range and turn)",
      reference:
        "closed forms s = (L/D) cos(sigma) (r/2) ln[(g r - v^2)/(g r - v0^2)], psi = (L/D) sin(sigma) ln(v0/v) (Vinh, Busemann and Culp 1980 ch. 7) against RK4 integration in time of dv/dt, ds/dt, dpsi/dt: L/D 2.6-5, bank 0-60 deg, 6 to 1 km/s",
      figure: `worst relative error ${sig(worst, 2)}`,
      tolerance: "< 1e-6",
    });
    expect(worst).toBeLessThan(1e-6);
    // At zero bank, the flight layer's equilibrium-glide range (src/flight/kepler.ts) with g = GM / r^2.
    const GM = 3.986004418e14;
    expect(bankedGlideRangeM(6000, 1000, 2.6, 0, GM / (r * r), r)).toBeCloseTo(
      equilibriumGlideRangeM(GM, r, 2.6, 6000, 1000),
      3,
    );
    // Kuchemann's barrier.
    expect(kuchemannLiftToDrag(10)).toBeCloseTo(5.2, 12);
  });

  it("reaches ahead to the closed-form range, symmetric left and right, and not behind", () => {
    const s = stateAt(30, 130, 40e3, 45, 5000);
    const fp = glideFootprint(s, { liftToDragMax: 2.6, glideAltM: 40e3 });
    // Straight-ahead reach: the closed form at sigma = 0 from v0 = 5 km/s (the height adds nothing here).
    const r = Math.hypot(s.x[0], s.x[1], s.x[2]);
    const g = 3.986004418e14 / (r * r);
    const expected = (bankedGlideRangeM(5000, 1000, 2.6, 0, g, r) * (r - 40e3)) / r;
    expect(fp.maxDownrangeM / expected).toBeGreaterThan(0.99);
    expect(fp.maxDownrangeM / expected).toBeLessThan(1.01);
    expect(fp.headingDeg).toBeCloseTo(45, 2); // geocentric vs geodetic north: 1e-4 deg
    // Points ahead (half the reach) inside; behind, and far beyond the reach, outside.
    const ahead = glidePoint(30, 130, 45, fp.maxDownrangeM / 2);
    const behind = glidePoint(30, 130, 225, 200e3);
    const beyond = glidePoint(30, 130, 45, fp.maxDownrangeM * 1.2);
    expect(fp.contains(ahead.latDeg, ahead.lonDeg)).toBe(true);
    expect(fp.contains(behind.latDeg, behind.lonDeg)).toBe(false);
    expect(fp.contains(beyond.latDeg, beyond.lonDeg)).toBe(false);
    // Left and right alike.
    const right = glidePoint(30, 130, 45 + 60, fp.maxCrossrangeM * 0.5);
    const left = glidePoint(30, 130, 45 - 60, fp.maxCrossrangeM * 0.5);
    expect(fp.contains(right.latDeg, right.lonDeg)).toBe(fp.contains(left.latDeg, left.lonDeg));
    // A better glider reaches farther.
    expect(glideFootprint(s, { liftToDragMax: 4, glideAltM: 40e3 }).maxDownrangeM).toBeGreaterThan(
      fp.maxDownrangeM * 1.5,
    );
    expect(() => glideFootprint(s, { maxBankRad: Math.PI })).toThrow(RangeError);
  });
});

/** The point at distance m along azimuth from (lat, lon), on a 6,371 km sphere (close enough for
 *  in/out checks well inside or outside the edge). */
function glidePoint(latDeg: number, lonDeg: number, azDeg: number, m: number) {
  const d = m / 6371e3;
  const lat = latDeg * DEG;
  const az = azDeg * DEG;
  const lat2 = Math.asin(Math.sin(lat) * Math.cos(d) + Math.cos(lat) * Math.sin(d) * Math.cos(az));
  const lon2 =
    lonDeg * DEG +
    Math.atan2(Math.sin(az) * Math.sin(d) * Math.cos(lat), Math.cos(d) - Math.sin(lat) * Math.sin(lat2));
  return { latDeg: lat2 / DEG, lonDeg: lon2 / DEG };
}

describe("motion check", () => {
  /** A 20 s arc of free flight (the ballistic model, no drag), optionally with a constant lift. */
  function arc(liftMps2: number) {
    const m = new BallisticModel({ drag: false });
    const s0 = stateAt(35, 135, 40e3, 90, 2500);
    const x = Float64Array.from([...s0.x, 0]);
    const y = new Float64Array(7);
    // Lift straight up (across the horizontal velocity): 1 s steps, lift added as a velocity kick.
    for (let k = 0; k < 20; k++) {
      m.fInto(x, 1, y);
      const r = Math.hypot(y[0], y[1], y[2]);
      for (let i = 0; i < 3; i++) y[3 + i] += (liftMps2 * y[i]) / r;
      x.set(y);
    }
    return {
      earlier: s0,
      now: { x: x.slice(0, 6), P: s0.P, timeS: 20 } as GaussianState,
    };
  }

  it("finds no lift on a ballistic arc and finds a lift of 8 m/s^2", () => {
    const b = arc(0);
    const mb = assessTrackMotion(b.now, { earlier: b.earlier });
    expect(mb.ballistic).toBe(true);
    expect(mb.meanAcrossMps2!).toBeLessThan(0.2);
    const l = arc(8);
    const ml = assessTrackMotion(l.now, { earlier: l.earlier });
    expect(ml.lifting).toBe(true);
    expect(ml.ballistic).toBe(false);
    expect(ml.meanAcrossMps2!).toBeGreaterThan(7.5);
    expect(ml.meanAcrossMps2!).toBeLessThan(8.5);
    // The same lift under a velocity uncertainty of 60 m/s is not claimed.
    const P = new Float64Array(36);
    for (let i = 0; i < 6; i++) P[i * 7] = 60 ** 2;
    const noisy = assessTrackMotion({ ...l.now, P }, { earlier: { ...l.earlier, P } });
    expect(noisy.lifting).toBe(false);
  });

  it("reads the IMM: a track whose ballistic modes are unlikely is manoeuvring", () => {
    const s = stateAt(35, 135, 40e3, 90, 2500);
    const imm = {
      ...s,
      modes: [s, s, s],
      probabilities: Float64Array.from([0.2, 0.5, 0.3]),
    };
    const names = [["px", "py", "pz", "vx", "vy", "vz", "kappa"], undefined, undefined];
    const m = assessTrackMotion(imm, { modeStateNames: names });
    expect(m.ballisticProbability).toBeCloseTo(0.2, 12);
    expect(m.manoeuvring).toBe(true);
    const likely: GaussianState = {
      ...imm,
      probabilities: Float64Array.from([0.9, 0.05, 0.05]),
    } as GaussianState;
    expect(assessTrackMotion(likely, { modeStateNames: names }).ballistic).toBe(true);
    expect(() => assessTrackMotion(s, { minBallisticProbability: 2 })).toThrow(RangeError);
  });
});
