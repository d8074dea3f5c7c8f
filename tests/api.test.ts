// The public surface docs/design.md promises, imported from the package root: each name exists and does
// what its line in docs/design.md says (a smoke test of the surface; the layers' tests validate the models).
import { describe, expect, it } from "vitest";
import * as raijin from "../src/index.js";

describe("package root (docs/design.md public surface)", () => {
  it("exports every promised name", () => {
    const names = [
      "geodeticToEcef",
      "ecefToGeodetic",
      "ecefToEnu",
      "enuToEcef",
      "ecefToEci",
      "eciToEcef",
      "gmstRad",
      "ussa1976",
      "radarHorizonRangeM",
      "detectionProbability",
      "KalmanFilter",
      "ExtendedKalmanFilter",
      "UnscentedKalmanFilter",
      "ImmFilter",
      "loadScenario",
      "ScenarioError",
      "simulate",
    ];
    const missing = names.filter((n) => !(n in raijin));
    expect(missing).toEqual([]);
  });

  it("the Earth functions take and give the documented shapes", () => {
    const p = raijin.geodeticToEcef({ latDeg: 35, lonDeg: 139, altM: 100 });
    expect(p).toHaveLength(3);
    const g = raijin.ecefToGeodetic(p);
    expect(g.latDeg).toBeCloseTo(35, 9);
    expect(g.lonDeg).toBeCloseTo(139, 9);
    expect(g.altM).toBeCloseTo(100, 6);
    // U.S. Standard Atmosphere 1976, Table I, sea level: 288.15 K, 101325 Pa, 1.225 kg/m^3, 340.29 m/s.
    const a = raijin.ussa1976(0);
    expect(a.temperatureK).toBeCloseTo(288.15, 6);
    expect(a.pressurePa).toBeCloseTo(101325, 3);
    expect(a.densityKgM3).toBeCloseTo(1.225, 3);
    expect(a.speedOfSoundMps).toBeCloseTo(340.29, 2);
    // 4.12 (sqrt(h_r) + sqrt(h_t)) km with heights in metres (k = 4/3).
    expect(raijin.radarHorizonRangeM(25, 10_000) / 1000).toBeCloseTo(4.12 * (5 + 100), -1);
    expect(raijin.detectionProbability({ snr: 100, pfa: 1e-6, swerling: 1 })).toBeCloseTo(
      1e-6 ** (1 / 101),
      12,
    );
    expect(raijin.gmstRad(new Date("2000-01-01T12:00:00Z"))).toBeCloseTo(4.894961212735793, 6);
  });

  it("a filter predicts and updates in Stone Soup's roles", () => {
    const kf = new raijin.KalmanFilter({
      transition: {
        F: (dt: number) => Float64Array.of(1, dt, 0, 1),
        Q: (dt: number) => Float64Array.of(dt ** 3 / 3, dt ** 2 / 2, dt ** 2 / 2, dt),
      },
      measurement: { H: Float64Array.of(1, 0), R: Float64Array.of(1) },
    });
    const prior = { x: Float64Array.of(0, 1), P: Float64Array.of(1, 0, 0, 1), timeS: 0 };
    const pred = kf.predict(prior, 1);
    expect(pred.timeS).toBe(1);
    expect(Array.from(pred.x)).toEqual([1, 1]);
    const post = kf.update(pred, Float64Array.of(1.5));
    expect(post.x[0]).toBeGreaterThan(1);
    expect(post.x[0]).toBeLessThan(1.5);
  });

  it("loadScenario and simulate run a small scenario end to end", () => {
    const s = raijin.loadScenario(
      `name: smoke
epoch: 2030-06-01T00:00:00Z
duration: 10 min
threats:
  - id: rv
    vehicle: notional-rv
    burnout: { at: { lat: 35 deg, lon: 135 deg, alt: 80 km }, time: 0 s, speed: 2 km/s, flightPathAngle: 30 deg, azimuth: 90 deg }
    target: { lat: 35 deg, lon: 140 deg }
sensors:
  - { id: r, kind: radar, model: notional-s-band, at: { lat: 35 deg, lon: 137 deg, alt: 10 m } }
tracking: { filter: ekf }
`,
      { fileName: "smoke.yaml" },
    );
    const run = raijin.simulateScenario(s, { seed: 7 });
    expect(run.threats.map((t) => t.threatId)).toEqual(["rv"]);
    expect(run.threats[0].firstDetectionS).not.toBeNull();
    expect(run.threats[0].firstConfirmedTrackS).not.toBeNull();
    expect(run.events.some((e) => e.type === "impact")).toBe(true);
    expect(() => raijin.loadScenario("name: [", { fileName: "bad.yaml" })).toThrow(raijin.ScenarioError);
  });
});
