// The output files and the scene convert with the scenario's Earth model (issue 9 item 5): on
// `earth: sphere`, trajectories.csv and tracks.csv give latitude, longitude and altitude on the sphere,
// and scene.czml draws each position where a WGS-84 globe puts those coordinates, so an impact lands on
// its target marker (it was drawn 21.7 km away, with altitudes off by -7 to +14 km).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ecefToGeodetic } from "../../src/earth/geodetic.js";
import { geodesicInverse } from "../../src/earth/geodesic.js";
import { main } from "../../src/cli/main.js";
import { parseTrajectoriesCsv, splitCsvLine } from "../../src/web/data.js";

// A target at 60 deg N, where the sphere and the ellipsoid differ by about 10 km in height.
const SCENARIO = `name: Sphere outputs
epoch: 2030-06-01T00:00:00Z
duration: 20 min
environment: { earth: sphere }
assets:
  - { id: base, at: { lat: 60.0 deg, lon: 25.0 deg, alt: 0 m }, value: 10 }
threats:
  - id: srbm-1
    vehicle: notional-srbm
    launch: { at: { lat: 58.0 deg, lon: 28.0 deg, alt: 0 m }, time: 0 s }
    target: base
sensors:
  - { id: site-radar, kind: radar, model: notional-s-band, at: { lat: 59.5 deg, lon: 25.5 deg, alt: 20 m } }
tracking: { filter: ekf, association: gnn }
`;

let work: string;
let out: string;

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "raijin-sphere-"));
  const file = join(work, "sphere.yaml");
  writeFileSync(file, SCENARIO);
  out = join(work, "run");
  const code = await main(["node", "raijin", "run", file, "--out", out], {
    out: () => undefined,
    err: () => undefined,
  });
  expect(code).toBe(0);
}, 60_000);

afterAll(() => rmSync(work, { recursive: true, force: true }));

interface Packet {
  id: string;
  position?: { cartesian?: number[]; cartographicDegrees?: number[] };
}

describe("earth: sphere in the outputs", () => {
  it("trajectories.csv: the impact is at altitude 0 on the sphere, at the target", () => {
    const [s] = parseTrajectoriesCsv(readFileSync(join(out, "trajectories.csv"), "utf8"));
    const last = s.timeS.length - 1;
    expect(Math.abs(s.altM[last])).toBeLessThan(5);
    const miss = geodesicInverse(s.latDeg[last], s.lonDeg[last], 60, 25).distanceM;
    expect(miss).toBeLessThan(1000);
  });

  it("scene.czml: each drawn position has the coordinates of trajectories.csv on the globe's WGS-84", () => {
    const [s] = parseTrajectoriesCsv(readFileSync(join(out, "trajectories.csv"), "utf8"));
    const scene = JSON.parse(readFileSync(join(out, "scene.czml"), "utf8")) as Packet[];
    const threat = scene.find((p) => p.id === "threat/srbm-1")!;
    const c = threat.position!.cartesian!;
    const n = c.length / 4;
    expect(n).toBe(s.timeS.length);
    let worstM = 0;
    for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 50))) {
      const g = ecefToGeodetic([c[4 * i + 1], c[4 * i + 2], c[4 * i + 3]]);
      worstM = Math.max(
        worstM,
        Math.abs(g.altM - s.altM[i]),
        geodesicInverse(g.latDeg, g.lonDeg, s.latDeg[i], s.lonDeg[i]).distanceM,
      );
    }
    // CZML rounds positions to 0.1 m; the CSV to 1e-6 deg (0.1 m) and 0.1 m.
    expect(worstM).toBeLessThan(1);
    // So the drawn impact is on the drawn target marker.
    const end = ecefToGeodetic([c[4 * (n - 1) + 1], c[4 * (n - 1) + 2], c[4 * (n - 1) + 3]]);
    const marker = scene.find((p) => p.id === "asset/base")!.position!.cartographicDegrees!;
    expect(geodesicInverse(end.latDeg, end.lonDeg, marker[1], marker[0]).distanceM).toBeLessThan(1000);
    expect(Math.abs(end.altM - marker[2])).toBeLessThan(5);
  });

  it("tracks.csv: track altitudes on the sphere follow the threat's (no 10 km offset)", () => {
    const [s] = parseTrajectoriesCsv(readFileSync(join(out, "trajectories.csv"), "utf8"));
    const truthAlt = new Map(s.timeS.map((t, i) => [t.toFixed(3), s.altM[i]]));
    const lines = readFileSync(join(out, "tracks.csv"), "utf8").trim().split("\n");
    const header = splitCsvLine(lines[0]);
    const [cT, cThreat, cAlt] = ["timeS", "threatId", "altM"].map((h) => header.indexOf(h));
    const diffs: number[] = [];
    for (const line of lines.slice(1)) {
      const f = splitCsvLine(line);
      const alt = truthAlt.get(Number(f[cT]).toFixed(3));
      if (f[cThreat] === "srbm-1" && alt !== undefined) diffs.push(Math.abs(Number(f[cAlt]) - alt));
    }
    expect(diffs.length).toBeGreaterThan(20);
    diffs.sort((a, b) => a - b);
    expect(diffs[Math.floor(diffs.length / 2)]).toBeLessThan(1000);
  });
});
