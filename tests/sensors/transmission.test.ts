/**
 * Atmospheric transmission of the space infrared sensor's band (src/sensors/infrared/transmission.ts):
 * Chapman's air mass against a direct numerical integral of the exponential water-vapour layer along
 * the straight line of sight (up, grazing and down through a tangent point), erfcx against its
 * published values, and the behaviour it exists for (project issue 9 item 9): a launch is first seen
 * from space after its plume clears the cloud top, not at t = 0 on the pad.
 */
import { describe, expect, it } from "vitest";
import { loadScenario } from "../../src/scenario/index.js";
import { simulateScenario as simulate } from "../../src/scenario/build/world.js";
import { createTruthState, truthAt } from "../../src/flight/truthAt.js";
import {
  chapmanAirMass,
  erfcx,
  NOTIONAL_MWIR_ATMOSPHERE,
  slantOpticalDepth,
  slantTransmission,
  verticalOpticalDepth,
  type IrAtmosphere,
} from "../../src/sensors/infrared/transmission.js";
import { SPHERE_RADIUS_M } from "../../src/earth/wgs84.js";
import { recordValidation, sig, Worst } from "../validation.js";

const DEG = Math.PI / 180;
const CLEAR: IrAtmosphere = { ...NOTIONAL_MWIR_ATMOSPHERE, cloudTopAltM: 0 };

/**
 * Optical depth along the straight line from altitude h (radius R + h) at zenith angle z to space,
 * integrated numerically (the reference: no air-mass formula). Altitude along the line from the law of
 * cosines; Simpson's rule on a stretched grid fine near the lowest point.
 */
function integratedOpticalDepth(
  altM: number,
  zenithRad: number,
  a: IrAtmosphere,
  R = SPHERE_RADIUS_M,
): number {
  const r = R + altM;
  const H = a.waterScaleHeightM;
  const k0 = (a.opticalDepthPerMmWater * a.precipitableWaterM * 1000) / H; // per metre at sea level
  const c = Math.cos(zenithRad);
  const density = (s: number) => {
    const rs = Math.sqrt(r * r + s * s + 2 * r * s * c);
    const hs = rs - R;
    return hs < 0 ? Infinity : k0 * Math.exp(-hs / H);
  };
  // Path length to where the layer is negligible (60 scale heights above the lowest point).
  const sMax = 4e6;
  const n = 400_000;
  // s = sMax u^3: dense steps near the start where most of the absorber is.
  let sum = 0;
  for (let i = 0; i <= n; i++) {
    const u = i / n;
    const s = sMax * u * u * u;
    const w = i === 0 || i === n ? 1 : i % 2 === 1 ? 4 : 2;
    sum += w * density(s) * 3 * sMax * u * u;
  }
  return (sum / (3 * n)) * 1;
}

describe("infrared atmospheric transmission", () => {
  const worst = new Worst();

  it("Chapman's air mass matches the integral along the line of sight, up, grazing and down", () => {
    for (const altM of [6e3, 12e3, 30e3]) {
      for (const zDeg of [0, 30, 60, 80, 88, 90, 92, 95, 100]) {
        const c = Math.cos(zDeg * DEG);
        const delta0 = verticalOpticalDepth(altM, CLEAR);
        const model = slantOpticalDepth(delta0, altM, SPHERE_RADIUS_M + altM, c, CLEAR);
        if ((SPHERE_RADIUS_M + altM) * Math.sin(zDeg * DEG) < SPHERE_RADIUS_M && zDeg > 90) {
          // The line meets the ground: hidden (the sensor's occlusion test drops it too).
          expect(model).toBe(Infinity);
          continue;
        }
        const ref = integratedOpticalDepth(altM, zDeg * DEG, CLEAR);
        const e = worst.add(Math.abs(model / ref - 1), `${altM / 1e3} km, z ${zDeg} deg`);
        expect(e).toBeLessThan(1e-3);
      }
    }
    recordValidation({
      area: "sensors",
      model: "Infrared slant transmission (Chapman air mass)",
      reference:
        "numerical integral of the exponential water-vapour layer (H = 2.4 km) along the straight line of sight over a 6,371 km sphere; targets at 6, 12, 30 km, zenith angles 0-100 deg (down through a tangent point)",
      figure: `worst relative error of the slant optical depth ${sig(worst.value, 2)} (${worst.at})`,
      tolerance: "< 1e-3",
    });
  });

  it("erfcx matches its tabulated values on both sides of the switch to the series", () => {
    // erfcx(1) = e erfc(1) = 0.4275835762, erfcx(10) = 0.0561409927 (Abramowitz and Stegun 7.1, table 7.1 and 7.1.23).
    expect(erfcx(1)).toBeCloseTo(0.4275835762, 9);
    expect(erfcx(10)).toBeCloseTo(0.0561409927, 9);
    expect(Math.abs(erfcx(4.9999999) / erfcx(5) - 1)).toBeLessThan(1e-6);
    // Near the zenith the air mass is sec z (plane-parallel limit), to the form's O(H / r) = 4e-4.
    const sec30 = chapmanAirMass(Math.cos(30 * DEG), SPHERE_RADIUS_M, 2400) * Math.cos(30 * DEG);
    expect(Math.abs(sec30 - 1)).toBeLessThan(1e-3);
    expect(Math.abs(chapmanAirMass(1, SPHERE_RADIUS_M, 2400) - 1)).toBeLessThan(1e-3);
  });

  it("hides a target below the cloud top and sees one above it through less water", () => {
    const a = NOTIONAL_MWIR_ATMOSPHERE;
    expect(slantTransmission(4_999, SPHERE_RADIUS_M + 4_999, 1, a)).toBe(0);
    // A line of sight grazing below the deck hides a target above it.
    const r = SPHERE_RADIUS_M + 8e3;
    const grazing = Math.cos(95 * DEG); // tangent point at r sin(95 deg) - R, about 16 km below: under the deck
    expect(slantTransmission(8e3, r, grazing, a)).toBe(0);
    const t5 = slantTransmission(5_001, SPHERE_RADIUS_M + 5_001, 1, a);
    const t10 = slantTransmission(10e3, SPHERE_RADIUS_M + 10e3, 1, a);
    const t30 = slantTransmission(30e3, SPHERE_RADIUS_M + 30e3, 1, a);
    expect(t5).toBeGreaterThan(0.35); // exp(-7.1 exp(-5 / 2.4)) = 0.41
    expect(t5).toBeLessThan(t10);
    expect(t30).toBeGreaterThan(0.9999);
    // At sea level in a clear sky the water vapour alone hides the pad: zenith transmission exp(-7.1).
    expect(slantTransmission(0, SPHERE_RADIUS_M, 1, CLEAR) / Math.exp(-7.1) - 1).toBeLessThan(7.1 * 1e-3);
  });

  it("first sees a launch after its plume clears the cloud top", () => {
    const scenario = (ir: string) =>
      loadScenario(
        `name: launch detection
epoch: 2030-06-01T00:00:00Z
duration: 8 min
assets:
  - { id: port, at: { lat: 35.29 deg, lon: 139.67 deg, alt: 0 m } }
threats:
  - { id: srbm, vehicle: notional-srbm, launch: { at: { lat: 37.0 deg, lon: 135.2 deg, alt: 0 m }, time: 0 s }, target: port }
  - { id: mrbm, vehicle: notional-mrbm, launch: { at: { lat: 40.5 deg, lon: 128.0 deg, alt: 0 m }, time: 20 s }, target: port }
sensors:
  - id: layer
    kind: infrared-constellation
    model: ${ir}
    walker: { altitude: 1000 km, inclination: 81 deg, planes: 4, perPlane: 7, phasing: 1 }
tracking: { filter: imm, association: gnn }
`,
        { fileName: "launch.yaml" },
      );
    const firstSeen = (ir: string) => {
      const r = simulate(scenario(ir), { seed: 3 });
      return r.threats.map((t) => {
        const f = r.flights.find((x) => x.result.id === t.threatId)!.result;
        const alt = t.firstDetectionS === null ? NaN : truthAt(f, t.firstDetectionS, createTruthState()).altM;
        // The time the truth climbs through 5 km (1 s samples, then linear).
        let clearS = NaN;
        for (let s = f.startTimeS; s < f.startTimeS + 200; s += 0.1) {
          if (truthAt(f, s, createTruthState()).altM >= 5e3) {
            clearS = s;
            break;
          }
        }
        return { id: t.threatId, launchS: t.launchS, firstS: t.firstDetectionS, alt, clearS };
      });
    };
    const cloudy = firstSeen("notional-leo-ir");
    const clear = firstSeen("{ base: notional-leo-ir, cloudTop: 0 km, waterVapourOpticalDepth: 0 }");
    for (const c of cloudy) {
      expect(c.firstS).not.toBeNull();
      expect(c.alt).toBeGreaterThanOrEqual(5e3);
      expect(c.firstS!).toBeGreaterThanOrEqual(c.clearS);
      // ... and soon after: the plume is bright once above the deck.
      expect(c.firstS! - c.clearS).toBeLessThan(10);
    }
    // Without cloud or water vapour the old behaviour: seen on the pad, in the first frames.
    for (const c of clear) expect(c.firstS! - c.launchS).toBeLessThan(2);
    recordValidation({
      area: "sensors",
      model: "Launch detection from space through cloud and water vapour",
      reference:
        "a plume is hidden below the cloud top (notional overcast deck at 5 km) and by the water-vapour column (U.S. Standard 14.2 mm, Anderson et al. 1986); SRBM and MRBM launches, 28-satellite LEO layer, seed 3",
      figure: cloudy
        .map(
          (c) =>
            `${c.id}: first seen ${sig(c.firstS! - c.launchS, 3)} s after launch at ${sig(c.alt / 1e3, 3)} km (clears 5 km at ${sig(c.clearS - c.launchS, 3)} s; clear sky: ${sig(clear.find((x) => x.id === c.id)!.firstS! - c.launchS, 2)} s)`,
        )
        .join("; "),
      tolerance:
        "first seen at or after the plume clears the cloud top, within 10 s of it; clear sky within 2 s",
    });
  });
});
