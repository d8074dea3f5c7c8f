/**
 * Equilibrium glide (Tracy & Wright 2020, after Vinh 1981; Acton 2015 entry): an HTV-2-like glider entering
 * at 100 km, 6 km/s, -5 deg, aimed far beyond its reach so the guidance holds its maximum L/D, settles at
 * the altitude where lift balances gravity less centrifugal force, L = m (g - V^2/r), i.e. where the density
 * is rho_eq = 2 m (g - V^2/r) / (V^2 S C_L). Switches: sphere, no rotation, point gravity, USSA-1976.
 * Checked: altitude within 500 m of the equilibrium altitude once the pull-up transient has damped (250 s
 * into the glide) down to 2 km/s; ground distance between 5 and 2.5 km/s within 3 % of the equilibrium-glide
 * range s = (r/2)(L/D) ln((1 - V2^2/vc^2)/(1 - V1^2/vc^2)).
 */
import { describe, expect, it } from "vitest";
import { makeEarthModel } from "../../src/earth/model.js";
import { LiftDragTable, NOTIONAL_HTV2, equilibriumGlideRangeM, flyThreat } from "../../src/flight/index.js";
import { DEG } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const earth = makeEarthModel({ earth: "sphere", rotation: false, gravity: "point", atmosphere: "ussa1976" });
const aero = NOTIONAL_HTV2.glider.aero;
const table = new LiftDragTable(aero.mach, aero.alphaRad, aero.cl, aero.cd);
table.lookup(10, 10 * DEG);
const CL_STAR = table.cl;
const LD_MAX = table.cl / table.cd;
const M = NOTIONAL_HTV2.glider.massKg;

const res = flyThreat(
  {
    vehicle: "notional-htv2",
    burnout: {
      latRad: 0,
      lonRad: 0,
      altM: 100e3,
      timeS: 0,
      speedMps: 6000,
      flightPathAngleRad: -5 * DEG,
      azimuthRad: 90 * DEG,
    },
    target: { latRad: 0, lonRad: 110 * DEG, altM: 0 },
  },
  earth,
);
const atm = new Float64Array(4);
function altitudeForDensity(rho: number): number {
  let lo = 0;
  let hi = 100e3;
  for (let k = 0; k < 60; k++) {
    const mid = 0.5 * (lo + hi);
    earth.atmosphereInto(mid, atm);
    if (atm[2] > rho) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

describe("equilibrium glide", () => {
  const s = res.samples;
  const glide = res.phases.find((p) => p.phase === "glide");

  it("passes entry, pull-up and glide in order (Acton 2015 profile: glide in the 40s of km)", () => {
    // Acton's steep entry (-5 deg at 100 km) bottoms out above the notional glider's 80 kPa pull-up
    // limit even at its 3 g load-factor limit: flagged with a limit-exceeded event (catalog/gliders.ts).
    expect(
      res.events
        .map((e) => e.type)
        .filter((t) => t !== "limit-exceeded")
        .slice(0, 3),
    ).toEqual(["burnout-start", "pull-up-start", "pull-up-end"]);
    expect(res.events.some((e) => e.type === "limit-exceeded")).toBe(true);
    expect(glide).toBeDefined();
    const band = res.summary.glideAltitudeBandM;
    expect(band).not.toBeNull();
  });

  it("altitude within 500 m of where L = m (g - V^2/r)", () => {
    let checked = 0;
    const worst = new Worst();
    let sum = 0;
    for (let i = 0; i < s.count; i++) {
      const v = s.velEcefMps;
      const p = s.posEcefM;
      const speed = Math.hypot(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
      if (s.timeS[i] < (glide?.startS ?? 0) + 250 || speed < 2000) continue;
      const r = Math.hypot(p[3 * i], p[3 * i + 1], p[3 * i + 2]);
      const gEff = earth.gmM3S2 / (r * r) - (speed * speed) / r;
      const rhoEq = (2 * M * gEff) / (speed * speed * aero.refAreaM2 * CL_STAR);
      const dev = s.altM[i] - altitudeForDensity(rhoEq);
      sum += dev;
      worst.add(Math.abs(dev), `${sig(speed / 1000, 2)} km/s`);
      expect(Math.abs(s.altM[i] - altitudeForDensity(rhoEq))).toBeLessThan(500);
      checked++;
    }
    recordValidation({
      area: "flight",
      model: "Equilibrium glide altitude",
      reference:
        "Tracy & Wright 2020 after Vinh 1981: L = m (g - V^2/r) at maximum L/D; HTV-2-like glider from 100 km, 6 km/s, -5 deg (sphere, no rotation, point gravity, USSA 1976)",
      figure: `worst |altitude - equilibrium altitude| ${sig(worst.value, 2)} m (at ${worst.at}), mean ${sig(sum / checked, 2)} m, over ${checked} samples from 250 s into the glide down to 2 km/s`,
      tolerance: "< 500 m",
    });
    expect(checked).toBeGreaterThan(500);
  });

  it("ground distance from 5 to 2.5 km/s within 3 % of the equilibrium-glide range", () => {
    const v = s.velEcefMps;
    const p = s.posEcefM;
    const find = (target: number) => {
      for (let i = 0; i < s.count; i++)
        if (Math.hypot(v[3 * i], v[3 * i + 1], v[3 * i + 2]) < target && s.phase[i] === 4) return i;
      return -1;
    };
    const i1 = find(5000);
    const i2 = find(2500);
    const ang = Math.acos(
      (p[3 * i1] * p[3 * i2] + p[3 * i1 + 1] * p[3 * i2 + 1] + p[3 * i1 + 2] * p[3 * i2 + 2]) /
        (Math.hypot(p[3 * i1], p[3 * i1 + 1], p[3 * i1 + 2]) *
          Math.hypot(p[3 * i2], p[3 * i2 + 1], p[3 * i2 + 2])),
    );
    const R = earth.aM;
    const rMean = R + 0.5 * (s.altM[i1] + s.altM[i2]);
    const sp1 = Math.hypot(v[3 * i1], v[3 * i1 + 1], v[3 * i1 + 2]);
    const sp2 = Math.hypot(v[3 * i2], v[3 * i2 + 1], v[3 * i2 + 2]);
    const predicted = (equilibriumGlideRangeM(earth.gmM3S2, rMean, LD_MAX, sp1, sp2) * R) / rMean;
    recordValidation({
      area: "flight",
      model: "Equilibrium glide range",
      reference:
        "s = (r/2)(L/D) ln((1 - V2^2/vc^2) / (1 - V1^2/vc^2)) (Vinh 1981; Tracy & Wright 2020), from 5 to 2.5 km/s",
      figure: `flown ${sig((ang * R) / 1000, 4)} km vs ${sig(predicted / 1000, 4)} km: ${sig(((ang * R) / predicted - 1) * 100, 2)} %`,
      tolerance: "within 3 %",
    });
    expect(Math.abs((ang * R) / predicted - 1)).toBeLessThan(0.03);
  });

  it("stagnation temperature above 3,000 K early in the glide (Tracy & Wright: about 3,200 K at 6 km/s)", () => {
    let tMax = 0;
    let iMax = 0;
    for (let i = 0; i < s.count; i++) {
      if (s.phase[i] === 4 && s.surfaceTempK[i] > tMax) {
        tMax = s.surfaceTempK[i];
        iMax = i;
      }
    }
    const v = s.velEcefMps;
    recordValidation({
      area: "flight",
      model: "Stagnation temperature in the glide",
      reference: "Tracy & Wright 2020: about 3,200 K at 6 km/s for the HTV-2-like nose",
      figure:
        `peak ${sig(tMax, 4)} K at ${sig(s.altM[iMax] / 1000, 3)} km, ${sig(Math.hypot(v[3 * iMax], v[3 * iMax + 1], v[3 * iMax + 2]) / 1000, 3)} km/s ` +
        `(${sig(s.timeS[iMax] - (glide?.startS ?? 0), 2)} s into the glide)`,
      tolerance: "> 3,000 K",
    });
    expect(tMax).toBeGreaterThan(3000);
  });
});
