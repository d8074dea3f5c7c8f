import { describe, expect, it } from "vitest";
import { RADAR_CATALOG, IR_CATALOG } from "../../src/sensors/catalog.js";
import {
  constellationOf,
  detectionSpans,
  irFootprintBoundary,
  radarCoverageBoundary,
  satelliteTracks,
} from "../../src/sensors/coverage.js";
import type { Detection } from "../../src/sensors/detection.js";
import { lineOfSightDetection } from "../../src/sensors/models/detections.js";
import { IrConstellation } from "../../src/sensors/infrared/irSensor.js";
import { WalkerConstellation } from "../../src/sensors/infrared/walker.js";
import { Radar } from "../../src/sensors/radar/radar.js";
import { radarHorizonRangeM } from "../../src/earth/visibility.js";
import { MEAN_EARTH_RADIUS_M } from "../../src/earth/wgs84.js";

const DEG = Math.PI / 180;

function det(truthId: string | null, sensorId: string, timeS: number): Detection {
  return lineOfSightDetection({
    timeS,
    sensorId,
    z: new Float64Array(2),
    R: new Float64Array(4),
    sensorPosEcefM: new Float64Array(3),
    rotEcefToLocal: new Float64Array(9),
    snr: 10,
    truthId,
  });
}

/** Great-circle distance on the mean sphere, m. */
function sphereDistance(lat1: number, lon1: number, lat2: number, lon2: number): number {
  const a =
    Math.sin(((lat2 - lat1) * DEG) / 2) ** 2 +
    Math.cos(lat1 * DEG) * Math.cos(lat2 * DEG) * Math.sin(((lon2 - lon1) * DEG) / 2) ** 2;
  return 2 * MEAN_EARTH_RADIUS_M * Math.asin(Math.sqrt(a));
}

describe("detection spans", () => {
  it("gives first, last and held time per (threat, sensor), splitting at gaps", () => {
    const ds = [
      ...[10, 11, 12, 13].map((t) => det("a", "r1", t)),
      ...[40, 41].map((t) => det("a", "r1", t)), // a gap of 27 s: a second interval
      det("a", "ir/sat-1-1", 20),
      det("a", "ir/sat-2-3", 22),
      det(null, "r1", 5), // false alarm: ignored
      det("b", "r1", 30),
    ];
    const spans = detectionSpans(ds, { maxGapS: 10 });
    const a1 = spans.find((s) => s.truthId === "a" && s.sensorId === "r1");
    expect(a1).toMatchObject({ firstS: 10, lastS: 41, heldS: 3 + 1, count: 6, intervals: 2 });
    expect(spans.find((s) => s.truthId === "b")).toMatchObject({ firstS: 30, lastS: 30, heldS: 0, count: 1 });
    // per constellation
    const byLayer = detectionSpans(ds, { sensorKey: constellationOf });
    expect(byLayer.find((s) => s.sensorId === "ir")).toMatchObject({
      firstS: 20,
      lastS: 22,
      heldS: 2,
      count: 2,
    });
    expect(spans.map((s) => `${s.truthId}:${s.sensorId}`)).toEqual([
      "a:ir/sat-1-1",
      "a:ir/sat-2-3",
      "a:r1",
      "b:r1",
    ]);
  });
});

describe("coverage geometry", () => {
  it("an all-round radar's ring at a target altitude is the horizon, range or sensitivity limit", () => {
    const radar = new Radar({
      id: "s",
      model: RADAR_CATALOG["notional-s-band"],
      site: { kind: "fixed", at: { latDeg: 35, lonDeg: 135, altM: 25 } },
    });
    // 40 km glider: horizon-limited (~845 km slant), inside the 1,000 km instrumented range
    const ring = radarCoverageBoundary(radar, { targetAltM: 40e3, azimuthSteps: 36 });
    expect(ring).toHaveLength(37);
    expect(ring[36]).toEqual(ring[0]);
    // ground distance whose slant range (law of cosines on the mean sphere) is the horizon range
    const A = MEAN_EARTH_RADIUS_M + 25;
    const B = MEAN_EARTH_RADIUS_M + 40e3;
    const dh = radarHorizonRangeM(25, 40e3);
    const horizon = MEAN_EARTH_RADIUS_M * Math.acos((A * A + B * B - dh * dh) / (2 * A * B));
    for (const p of ring) expect(sphereDistance(35, 135, p.latDeg, p.lonDeg) / horizon).toBeCloseTo(1, 6);
    // with the sensitivity limit for a 0.1 m^2 Swerling I target at Pd 0.5: 700 km x 0.1^(1/4) x 10^(0.23/40)
    const ringRcs = radarCoverageBoundary(radar, { targetAltM: 40e3, rcsM2: 0.1, pd: 0.5, swerling: 1 });
    const d = sphereDistance(35, 135, ringRcs[0].latDeg, ringRcs[0].lonDeg);
    const slant = 700e3 * 0.1 ** 0.25 * 10 ** ((13 - 12.771866) / 40);
    expect(d).toBeLessThan(slant);
    expect(d).toBeGreaterThan(slant - 40e3); // ground distance a little below the slant range at 40 km
  });

  it("a sector radar's ring passes through the site and stays inside the sector", () => {
    const xb = RADAR_CATALOG["notional-x-band"];
    const radar = new Radar({
      id: "x",
      model: xb,
      site: { kind: "fixed", at: { latDeg: 40, lonDeg: 140, altM: 50 } },
      fieldOfRegard: { ...xb.fieldOfRegard, azimuthCenterRad: 270 * DEG },
    });
    const ring = radarCoverageBoundary(radar, { targetAltM: 300e3, azimuthSteps: 25 });
    expect(ring.some((p) => Math.abs(p.latDeg - 40) < 1e-12 && Math.abs(p.lonDeg - 140) < 1e-12)).toBe(true);
    for (const p of ring) expect(p.lonDeg).toBeLessThanOrEqual(140 + 1e-9); // looking west
  });

  it("satellite tracks sample the ephemeris; footprints are rings around the sub-satellite point", () => {
    const leo = IR_CATALOG["notional-leo-ir"];
    const walker = new WalkerConstellation(leo.walker, { gmstAtEpochRad: 0 });
    const tracks = satelliteTracks(walker, 0, 600, 60);
    expect(tracks.timesS).toHaveLength(11);
    expect(tracks.positionsEcefM).toHaveLength(28);
    const p = tracks.positionsEcefM[3];
    expect(Math.hypot(p[30], p[31], p[32])).toBeCloseTo(6378137 + 1e6, 0);
    const ir = new IrConstellation({ id: "leo", sensor: leo.sensor, ephemeris: walker });
    const ring = irFootprintBoundary(ir, 3, { targetAltM: 40e3, timeS: 600, steps: 12 });
    expect(ring).toHaveLength(13);
    const lat = Math.asin(p[32] / Math.hypot(p[30], p[31], p[32])) / DEG;
    const lon = Math.atan2(p[31], p[30]) / DEG;
    const r0 = sphereDistance(lat, lon, ring[0].latDeg, ring[0].lonDeg);
    for (const q of ring) expect(sphereDistance(lat, lon, q.latDeg, q.lonDeg) / r0).toBeCloseTo(1, 6);
    // the 65 deg field of regard reaches past the limb: the Earth-occlusion limit binds, ~3,900 km
    expect(r0).toBeGreaterThan(3_500e3);
    const dim = irFootprintBoundary(ir, 3, { targetAltM: 40e3, timeS: 600, intensityWPerSr: 1e4 });
    expect(sphereDistance(lat, lon, dim[0].latDeg, dim[0].lonDeg)).toBeLessThan(r0);
  });
});
