/**
 * The infrared layer sees the scenario's Earth (project issue 9 item 5): occlusion by the sphere of
 * 6,371 km when the scenario says `earth: sphere`, by the WGS-84 ellipsoid otherwise. A line of sight
 * that passes 6,374.5 km from the centre over the equator goes through WGS-84 (equatorial radius
 * 6,378.137 km) and above the sphere.
 */
import { describe, expect, it } from "vitest";
import { geodeticToEcefInto } from "../../src/earth/geodetic.js";
import { SPHERE_RADIUS_M, WGS84_A_M } from "../../src/earth/wgs84.js";
import { IR_CATALOG } from "../../src/sensors/catalog.js";
import type { SatelliteEphemeris } from "../../src/sensors/infrared/ephemeris.js";
import { IrConstellation } from "../../src/sensors/infrared/irSensor.js";
import { loadScenario } from "../../src/scenario/index.js";
import { sensorObjects } from "../../src/scenario/build/sensors.js";
import { truthAt } from "./helpers.js";

const sensor = { ...IR_CATALOG["notional-leo-ir"].sensor, atmosphere: undefined };

function satelliteOverEquator(): SatelliteEphemeris {
  const p = geodeticToEcefInto(0, 0, 1_000e3, new Float64Array(3));
  return {
    count: 1,
    ids: ["s"],
    positionVelocityEcefInto(_i, _t, pos, vel) {
      pos.set(p);
      vel.set([0, 0, 7350]);
    },
  };
}

/** Longitude of a target at 30 km over the equator whose line of sight from the satellite passes
 *  `missM` from the Earth's centre (bisection). */
function longitudeForMiss(missM: number): number {
  const s = geodeticToEcefInto(0, 0, 1_000e3, new Float64Array(3));
  const miss = (lonDeg: number) => {
    const t = geodeticToEcefInto(0, (lonDeg * Math.PI) / 180, 30e3, new Float64Array(3));
    const d = [t[0] - s[0], t[1] - s[1], t[2] - s[2]];
    const cross = [s[1] * d[2] - s[2] * d[1], s[2] * d[0] - s[0] * d[2], s[0] * d[1] - s[1] * d[0]];
    return Math.hypot(...cross) / Math.hypot(...d);
  };
  let lo = 20;
  let hi = 40;
  for (let i = 0; i < 60; i++) {
    const mid = 0.5 * (lo + hi);
    if (miss(mid) > missM) lo = mid;
    else hi = mid;
  }
  return 0.5 * (lo + hi);
}

describe("infrared occlusion on the scenario's Earth", () => {
  it("hides a target behind WGS-84 that the sphere leaves in view", () => {
    const lon = longitudeForMiss(6_374.5e3);
    const target = truthAt({
      id: "t",
      kind: "ballistic",
      phase: "boost",
      latDeg: 0,
      lonDeg: lon,
      altM: 30e3,
      thrustN: 1e6,
      mach: 5,
    });
    const wgs = new IrConstellation({ id: "w", sensor, ephemeris: satelliteOverEquator() });
    const sphere = new IrConstellation({
      id: "s",
      sensor,
      ephemeris: satelliteOverEquator(),
      earthShape: { aM: SPHERE_RADIUS_M, bM: SPHERE_RADIUS_M },
    });
    expect(wgs.geometry(target, 0, 0).occluded).toBe(true);
    expect(sphere.geometry(target, 0, 0).occluded).toBe(false);
    // The hot loop agrees with the plain geometry.
    const rng = { uniform: () => 0, normal: () => 0 };
    expect(wgs.look([target], 0, rng)).toHaveLength(0);
    expect(sphere.look([target], 0, rng)).toHaveLength(1);
    expect(WGS84_A_M).toBeGreaterThan(6_374.5e3);
  });

  it("builds a scenario's layer on its Earth", () => {
    const sc = loadScenario(
      `name: sphere layer
epoch: 2030-06-01T00:00:00Z
duration: 1 min
environment: { earth: sphere }
assets:
  - { id: a, at: { lat: 0 deg, lon: 0 deg, alt: 0 m } }
threats:
  - { id: t, vehicle: notional-srbm, launch: { at: { lat: 1 deg, lon: 1 deg, alt: 0 m }, time: 0 s }, target: a }
sensors:
  - { id: layer, kind: infrared-constellation, model: notional-leo-ir, walker: { altitude: 1000 km, inclination: 81 deg, planes: 4, perPlane: 7, phasing: 1 } }
`,
      { fileName: "sphere.yaml" },
    );
    const layer = sensorObjects(sc)[0] as IrConstellation;
    expect(layer.earthShape).toEqual({ aM: SPHERE_RADIUS_M, bM: SPHERE_RADIUS_M });
  });
});
