/**
 * The tracker's spatial indexes change no decision:
 * - property: on random scans (points and bearings, tracks of every size of reach, pairs placed just
 *   inside the pre-gate's bound), the scan index lists every detection the brute-force pre-gate passes;
 * - property: the duplicate search finds the same tracks with and without its index;
 * - end to end: the tracker's events, update records and final states on the reference raid and the
 *   20-threat raid are identical with the indexes and the IMM's pre-gate (pregate.ts) always on and
 *   with neither.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { BEARING, POINT, ScanGeometry, coarseGatePasses } from "../../src/tracking/management/coarseGate.js";
import { ScanIndex } from "../../src/tracking/management/scanIndex.js";
import { PointGrid, medianInPlace } from "../../src/tracking/management/spatialIndex.js";
import { DuplicateFinder } from "../../src/tracking/management/duplicates.js";
import { Track } from "../../src/tracking/management/track.js";
import { Tracker } from "../../src/tracking/management/tracker.js";
import { createGaussianState } from "../../src/tracking/filters/common.js";
import { loadScenario } from "../../src/scenario/index.js";
import { earthModelOf, sensorObjects, threatDefinitions } from "../../src/scenario/build/index.js";
import { trackingFilter } from "../../src/scenario/build/tracker.js";
import { flyRaid, senseRaid } from "../../src/sim/raid.js";
import type { Detection } from "../../src/sensors/detection.js";
import { TestRng } from "./helpers.js";
import { ecef } from "./scenario.js";
import { recordValidation } from "../validation.js";

const SIGMAS = 6;

function unit(v: number[]): number[] {
  const n = Math.hypot(v[0], v[1], v[2]);
  return v.map((c) => c / n);
}

/** A random direction perpendicular to u. */
function perpendicular(u: number[], rng: TestRng): number[] {
  const a = [rng.normal(), rng.normal(), rng.normal()];
  const d = a[0] * u[0] + a[1] * u[1] + a[2] * u[2];
  return unit([a[0] - d * u[0], a[1] - d * u[1], a[2] - d * u[2]]);
}

/**
 * A random scan around a raid near 36 N 140 E: T track reaches (radii log-uniform 1 m to 300 km) and
 * D detections, points (spread 10 m to 20 km) or bearings from a satellite 1,000 km up (and a few from
 * a second one), a third of them placed just inside the pre-gate bound of a random track.
 */
function randomScan(seed: number, T: number, D: number, bearings: number) {
  const rng = new TestRng(seed);
  const centre = ecef(36, 140, 50e3);
  const reach = new Float64Array(4 * T);
  for (let t = 0; t < T; t++) {
    for (let i = 0; i < 3; i++) reach[4 * t + i] = centre[i] + 300e3 * (2 * rng.uniform() - 1);
    reach[4 * t + 3] = Math.exp(Math.log(1) + (Math.log(3e5) - Math.log(1)) * rng.uniform());
  }
  const g = new ScanGeometry();
  g.kind = new Uint8Array(D);
  g.pos = new Float64Array(3 * D);
  g.dir = new Float64Array(3 * D);
  g.spread = new Float64Array(D);
  g.count = D;
  const sats = [ecef(30, 135, 1000e3), ecef(42, 146, 1000e3)];
  for (let k = 0; k < D; k++) {
    const t = Math.floor(rng.uniform() * T);
    const c = [reach[4 * t], reach[4 * t + 1], reach[4 * t + 2]];
    const rho = reach[4 * t + 3];
    const near = rng.uniform() < 0.35;
    if (rng.uniform() < bearings) {
      g.kind[k] = BEARING;
      const o = rng.uniform() < 0.9 ? sats[0] : sats[1];
      const sigma = 10e-6 + 200e-6 * rng.uniform();
      g.spread[k] = sigma;
      // Aim at the track's centre, then tilt: just inside the bound, or anywhere up to 5 degrees.
      const w = [c[0] - o[0], c[1] - o[1], c[2] - o[2]];
      const dist = Math.hypot(w[0], w[1], w[2]);
      const u0 = unit(w);
      const p = perpendicular(u0, rng);
      const tilt = near ? (0.999 * (rho + SIGMAS * sigma * dist)) / dist : 0.09 * rng.uniform();
      const u = unit(u0.map((x, i) => x + tilt * p[i]));
      g.pos.set(o, 3 * k);
      g.dir.set(u, 3 * k);
    } else {
      g.kind[k] = POINT;
      const spread = SIGMAS * Math.exp(Math.log(10) + (Math.log(2e4) - Math.log(10)) * rng.uniform());
      g.spread[k] = spread;
      const dir = unit([rng.normal(), rng.normal(), rng.normal()]);
      const r = near ? 0.9999 * (rho + spread) : 400e3 * rng.uniform();
      g.pos.set(
        c.map((x, i) => x + r * dir[i]),
        3 * k,
      );
    }
  }
  return { reach, g };
}

describe("scan index", () => {
  it("lists every detection the brute-force pre-gate passes (random scans)", () => {
    let passed = 0;
    let listed = 0;
    let pairs = 0;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 1e9 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.constantFrom(0, 0.5, 1),
        (seed, T, D, bearings) => {
          const { reach, g } = randomScan(seed, T, D, bearings);
          const index = new ScanIndex();
          index.build(g, SIGMAS, reach, T);
          const out = new Int32Array(D);
          for (let t = 0; t < T; t++) {
            const [x, y, z, r] = reach.subarray(4 * t, 4 * t + 4);
            const n = index.candidates(x, y, z, r, out);
            const got = new Set(out.subarray(0, n));
            expect(got.size).toBe(n);
            for (let q = 1; q < n; q++) expect(out[q]).toBeGreaterThan(out[q - 1]);
            for (let k = 0; k < D; k++) {
              pairs++;
              if (!coarseGatePasses(x, y, z, r, g, k, SIGMAS)) continue;
              passed++;
              expect(got.has(k)).toBe(true);
            }
            listed += n;
          }
        },
      ),
      { numRuns: 300 },
    );
    // The index lists far fewer pairs than there are, and the near-boundary pairs were exercised.
    expect(passed).toBeGreaterThan(1000);
    expect(listed).toBeLessThan(0.5 * pairs);
  });

  it("a grid query lists every point within the cube, and the median is the median", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 1, max: 200 }), (seed, n) => {
        const rng = new TestRng(seed);
        const xyz = new Float64Array(3 * n).map(() => 1e5 * (2 * rng.uniform() - 1));
        const grid = new PointGrid();
        const h = 100 + 5e4 * rng.uniform();
        grid.build(xyz, n, h);
        const c = [0, 1, 2].map(() => 1e5 * (2 * rng.uniform() - 1));
        const r = 3e4 * rng.uniform();
        const out = new Int32Array(n);
        const m = grid.query(c[0], c[1], c[2], r, out, 0, 1e9);
        const got = new Set(out.subarray(0, m));
        for (let i = 0; i < n; i++) {
          const inside = [0, 1, 2].every((a) => Math.abs(xyz[3 * i + a] - c[a]) <= r);
          if (inside) expect(got.has(i)).toBe(true);
        }
        const v = Float64Array.from({ length: n }, () => rng.uniform());
        const sorted = [...v].sort((a, b) => a - b);
        expect(medianInPlace(v, n)).toBe(sorted[n >> 1]);
      }),
      { numRuns: 200 },
    );
  });
});

/** A track with one state: position near `p`, velocity v, diagonal covariance, last update at timeS. */
function trackAt(number: number, p: number[], v: number[], sigmaP: number, sigmaV: number, timeS: number) {
  const track = new Track(number, timeS, 3, 5);
  const s = createGaussianState(6, timeS);
  s.x.set([...p, ...v]);
  for (let i = 0; i < 3; i++) {
    s.P[i * 7] = sigmaP ** 2;
    s.P[(3 + i) * 7] = sigmaV ** 2;
  }
  track.history.push({ timeS, state: s, detections: [], weights: [], initial: true, fullModel: true });
  track.hits = number % 4;
  if (number % 3 === 0) track.status = "confirmed";
  return track;
}

describe("duplicate search index", () => {
  it("drops the same tracks with and without the index (random crowds with duplicates)", () => {
    let dropped = 0;
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1e9 }), fc.integer({ min: 2, max: 120 }), (seed, T) => {
        const rng = new TestRng(seed);
        const centre = ecef(36, 140, 50e3);
        const tracks: Track[] = [];
        for (let i = 0; i < T; i++) {
          // A duplicate of an earlier track (its state moved to this track's time), or a new target.
          const copy = i > 0 && rng.uniform() < 0.4 ? tracks[Math.floor(rng.uniform() * i)] : null;
          const big = rng.uniform() < 0.05;
          const sigmaP = big
            ? 5e4 * rng.uniform()
            : Math.exp(Math.log(5) + Math.log(500 / 5) * rng.uniform());
          const sigmaV = Math.exp(Math.log(1) + Math.log(big ? 3000 : 100) * rng.uniform());
          const timeS = 100 - 4 * rng.uniform();
          let p: number[];
          let v: number[];
          if (copy) {
            const dt = timeS - copy.state.timeS;
            v = [0, 1, 2].map((a) => copy.state.x[3 + a] + sigmaV * rng.normal());
            p = [0, 1, 2].map((a) => copy.state.x[a] + dt * copy.state.x[3 + a] + sigmaP * rng.normal());
          } else {
            v = [0, 1, 2].map(() => 2500 * rng.normal());
            p = [0, 1, 2].map((a) => centre[a] + 2e5 * (2 * rng.uniform() - 1));
          }
          tracks.push(trackAt(i + 1, p, v, sigmaP, sigmaV, timeS));
        }
        const plain = new DuplicateFinder().find(tracks, false).map((t) => t.id);
        const indexed = new DuplicateFinder().find(tracks, true).map((t) => t.id);
        expect(indexed).toEqual(plain);
        dropped += plain.length;
      }),
      { numRuns: 200 },
    );
    expect(dropped).toBeGreaterThan(100);
  });
});

describe("tracker with and without the spatial indexes and the mixture pre-gate", () => {
  const parts: string[] = [];
  for (const [name, seed] of [
    ["mixed-raid", 1],
    ["raid-20", 7],
  ] as const) {
    it(`${name}, seed ${seed}: identical events, update records and final states`, () => {
      const file = fileURLToPath(new URL(`../../scenarios/${name}.yaml`, import.meta.url));
      const scenario = loadScenario(readFileSync(file, "utf8"), { fileName: file });
      const flights = flyRaid(threatDefinitions(scenario), earthModelOf(scenario), { sampleIntervalS: 1 });
      const results = flights.map((f) => f.result);
      const endS = Math.min(scenario.duration, Math.max(...results.map((f) => f.endTimeS)) + 30);
      const detections = senseRaid(results, sensorObjects(scenario), { startS: 0, endS, seed });
      const steps: Detection[][] = Array.from({ length: Math.floor(endS) + 1 }, () => []);
      for (const d of detections) {
        const k = Math.max(0, Math.ceil(d.arrivalTimeS - 1e-9));
        if (k < steps.length) steps[k].push(d);
      }
      const runWith = (spatialIndexMinPairs: number, mixturePregate = true) => {
        const tracker = new Tracker({
          filter: trackingFilter(scenario.tracking),
          association: scenario.tracking.association,
          deleteAfterMisses: scenario.tracking.deleteAfterMisses,
          recordUpdates: true,
          spatialIndexMinPairs,
          mixturePregate,
        });
        const log: string[] = [];
        for (let k = 0; k < steps.length; k++) {
          const r = tracker.step(k, steps[k]);
          for (const e of r.events) log.push(JSON.stringify(e));
          for (const u of r.updates)
            log.push(`${u.trackId} ${u.timeS} ${u.detections.map((d) => d.sensorId).join(",")}`);
        }
        const states = [...tracker.tracks, ...tracker.deletedTracks].map(
          (t) => `${t.id} ${Array.from(t.state.x).join(",")} ${Array.from(t.state.P).join(",")}`,
        );
        return { log, states, stats: tracker.stats };
      };
      const on = runWith(0);
      const off = runWith(Infinity, false);
      expect(on.log).toEqual(off.log);
      expect(on.states).toEqual(off.states);
      expect(on.stats).toEqual(off.stats);
      expect(on.stats.initiatedRadar + on.stats.initiatedLos).toBeGreaterThan(10);
      parts.push(`${name} (seed ${seed}): ${on.log.length} events and updates, ${on.states.length} tracks`);
      if (parts.length === 2)
        recordValidation({
          area: "tracking",
          model: "Tracker spatial indexes (pre-gate, duplicate search) and IMM pre-gate",
          reference:
            "the same tracker testing every track-detection and track-track pair with the exact gate: the indexes and the pre-gate only skip pairs that cannot pass (property tests on random scans and crowds)",
          figure: `bit-identical events, update records and final states: ${parts.join("; ")}`,
          tolerance: "identical",
        });
    });
  }
});
