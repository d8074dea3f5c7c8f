/**
 * The multi-target tracker end to end on synthetic radars and satellites: crossing targets with GNN and
 * JPDA (the association keeps each track on its target: no swaps), measurement-level fusion of two
 * radars and out-of-sequence measurements (reprocessing gives exactly the in-order result), angle-only
 * tracks started by triangulation, M-of-N confirmation, deletion after misses, stable ids.
 */
import { afterAll, describe, expect, it } from "vitest";
import { makeEarthModel } from "../../src/earth/model.js";
import { Tracker } from "../../src/tracking/management/tracker.js";
import { Track } from "../../src/tracking/management/track.js";
import { createGaussianState } from "../../src/tracking/filters/common.js";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { UnscentedKalmanFilter } from "../../src/tracking/filters/unscentedKalman.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import type { Detection } from "../../src/sensors/detection.js";
import { TestRng, TruthTally } from "./helpers.js";
import { byArrivalStep, ecef, losDetection, radarDetection, targetState } from "./scenario.js";
import type { RadarSite, Satellite, Target } from "./scenario.js";
import { Worst, recordValidation, sig } from "../validation.js";

const cvEkf = () => new ExtendedKalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 10 }) });

/** Two targets crossing at 30 deg, 40 km up, about 150 km from the radar. */
function crossingTargets(): Target[] {
  const c = ecef(36.2, 140.5, 40e3);
  // Local east/north directions at the crossing point.
  const lat = 36.2 * (Math.PI / 180);
  const lon = 140.5 * (Math.PI / 180);
  const east = [-Math.sin(lon), Math.cos(lon), 0];
  const north = [-Math.sin(lat) * Math.cos(lon), -Math.sin(lat) * Math.sin(lon), Math.cos(lat)];
  const speed = 2000;
  const h = 15 * (Math.PI / 180);
  const va = [0, 1, 2].map((i) => speed * (Math.cos(h) * east[i] + Math.sin(h) * north[i]));
  const vb = [0, 1, 2].map((i) => speed * (Math.cos(h) * east[i] - Math.sin(h) * north[i]));
  // Both pass the crossing point at t = 30 s.
  return [
    { id: "A", p0: [0, 1, 2].map((i) => c[i] - 30 * va[i]), v: va },
    { id: "B", p0: [0, 1, 2].map((i) => c[i] - 30 * vb[i]), v: vb },
  ];
}

const radarA: RadarSite = {
  id: "radar-A",
  latDeg: 35.3,
  lonDeg: 139.7,
  sigmaRangeM: 20,
  sigmaAngleRad: 1e-3,
  sigmaRangeRateMps: 2,
};
const radarB: RadarSite = {
  id: "radar-B",
  latDeg: 35.0,
  lonDeg: 141.2,
  sigmaRangeM: 30,
  sigmaAngleRad: 1.5e-3,
  latencyS: 2.5,
};

describe("tracker: crossing targets", () => {
  const parts: string[] = [];
  afterAll(() => {
    if (parts.length > 0)
      recordValidation({
        area: "tracking",
        model: "Tracker, crossing targets (CV EKF)",
        reference:
          "no swap: two targets 40 km up crossing at 30 deg, 2 km/s, about 150 km from one radar (20 m, 1 mrad, 1 Hz); each confirmed track stays on its own target through the crossing",
        figure: parts.join("; "),
        tolerance: "2 confirmed tracks, one per target; purity > 0.97; error at 60 s < 300 m",
      });
  });
  for (const association of ["gnn", "jpda"] as const) {
    it(`${association} keeps each track on its target through the crossing`, () => {
      const targets = crossingTargets();
      const rng = new TestRng(21);
      const tracker = new Tracker({
        filter: cvEkf(),
        association,
        clutterDensity: 1e-6,
        recordUpdates: true,
      });
      const tally = new TruthTally();
      const purity = (tr: Track) => tally.purity(tr.id);
      let last: readonly Track[] = [];
      for (let t = 0; t <= 60; t++) {
        const dets = targets.map((tg) => radarDetection(radarA, tg, t, rng));
        const res = tracker.step(t, dets);
        tally.add(res.updates);
        last = res.tracks;
      }
      const confirmed = last.filter((tr) => tr.status === "confirmed");
      expect(confirmed.map((tr) => tr.id)).toEqual(["T1", "T2"]);
      const p = confirmed.map(purity);
      expect(p.map((x) => x.truth).sort()).toEqual(["A", "B"]);
      for (const x of p) expect(x.share).toBeGreaterThan(0.97);
      // And the estimates sit on their targets at the end.
      const errs: number[] = [];
      for (const tr of confirmed) {
        const truth = targetState(
          targets.find((tg) => tg.id === purity(tr).truth)!,
          60,
        );
        const err = Math.hypot(tr.state.x[0] - truth[0], tr.state.x[1] - truth[1], tr.state.x[2] - truth[2]);
        errs.push(err);
        expect(err).toBeLessThan(300);
      }
      parts.push(
        `${association.toUpperCase()}: ${confirmed.length} tracks, purity ${p.map((x) => sig(x.share, 3)).join(" and ")}, error at 60 s ${errs.map((e) => sig(e, 2)).join(" and ")} m`,
      );
    });
  }
});

describe("tracker: two radars, one late", () => {
  const target: Target = { id: "A", p0: ecef(36, 140.2, 30e3), v: [800, -1500, 400] };
  function run(latency: number) {
    const rng = new TestRng(5);
    const all: Detection[] = [];
    for (let t = 0; t <= 40; t++) {
      all.push(radarDetection(radarA, target, t, rng));
      if (t % 2 === 1) all.push(radarDetection({ ...radarB, latencyS: latency }, target, t + 0.5, rng));
    }
    const tracker = new Tracker({ filter: cvEkf(), maxLatenessS: 10 });
    const steps = byArrivalStep(all, 1, 46);
    for (let k = 0; k < steps.length; k++) tracker.step(k, steps[k]);
    return tracker;
  }
  it("uses every late detection and matches in-order processing exactly", () => {
    const late = run(2.5);
    const inOrder = run(0);
    expect(late.stats.tooLate).toBe(0);
    expect(late.stats.lateApplied).toBeGreaterThan(10);
    expect(late.tracks.length).toBe(1);
    expect(inOrder.tracks.length).toBe(1);
    const a = late.tracks[0];
    const b = inOrder.tracks[0];
    expect(a.hits).toBe(b.hits);
    expect(a.lastSeenBySensor.has("radar-B")).toBe(true);
    const dx = new Worst();
    const dP = new Worst();
    for (let i = 0; i < 6; i++) {
      dx.add(Math.abs(a.state.x[i] - b.state.x[i]));
      expect(a.state.x[i]).toBeCloseTo(b.state.x[i], 6);
    }
    for (let i = 0; i < 36; i++) {
      dP.add(Math.abs(a.state.P[i] - b.state.P[i]));
      expect(a.state.P[i]).toBeCloseTo(b.state.P[i], 6);
    }
    recordValidation({
      area: "tracking",
      model: "Tracker, out-of-sequence measurements (reprocessing)",
      reference:
        "in-order processing of the same detections: a second radar's reports arrive 2.5 s late, the track is rolled back and replayed",
      figure: `${late.stats.lateApplied} late detections used, ${late.stats.tooLate} refused; final state difference ${sig(dx.value, 2)} (m, m/s), covariance ${sig(dP.value, 2)}`,
      tolerance: "none refused; state and covariance < 5e-7",
    });
  });
  it("does not use detections later than the bound, and counts them", () => {
    const rng = new TestRng(5);
    const tracker = new Tracker({ filter: cvEkf(), maxLatenessS: 2 });
    for (let t = 0; t <= 20; t++) {
      const dets = [radarDetection(radarA, target, t, rng)];
      if (t === 20) dets.push(radarDetection(radarB, target, 15, rng)); // 5 s late
      tracker.step(t, dets);
    }
    expect(tracker.stats.tooLate).toBe(1);
  });
});

describe("tracker: angle-only tracks from satellites", () => {
  const sats: Satellite[] = [
    { id: "sat-1", latDeg: 30, lonDeg: 130, altM: 1000e3, sigmaAngleRad: 40e-6 },
    { id: "sat-2", latDeg: 45, lonDeg: 150, altM: 1000e3, sigmaAngleRad: 40e-6 },
    { id: "sat-3", latDeg: 25, lonDeg: 152, altM: 1000e3, sigmaAngleRad: 40e-6 },
  ];
  it("starts tracks by triangulation and keeps them pure (UKF)", () => {
    const targets: Target[] = [
      { id: "A", p0: ecef(36, 140, 60e3), v: [1500, -2500, 800] },
      { id: "B", p0: ecef(38, 143, 45e3), v: [-2000, 1000, -500] },
    ];
    const rng = new TestRng(8);
    const tracker = new Tracker({
      filter: new UnscentedKalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: 10 }) }),
      recordUpdates: true,
    });
    const tally = new TruthTally();
    const purity = (tr: Track) => tally.purity(tr.id);
    let res = tracker.step(0, []);
    for (let t = 0; t <= 30; t++) {
      const dets = sats.flatMap((s) => targets.map((tg) => losDetection(s, tg, t, rng)));
      res = tracker.step(t, dets);
      tally.add(res.updates);
    }
    expect(tracker.stats.initiatedLos).toBe(2);
    const confirmed = res.tracks.filter((tr) => tr.status === "confirmed");
    expect(confirmed.length).toBe(2);
    const pos = new Worst();
    const vel = new Worst();
    for (const tr of confirmed) {
      const p = purity(tr);
      expect(p.share).toBe(1);
      const truth = targetState(
        targets.find((tg) => tg.id === p.truth)!,
        30,
      );
      expect(
        pos.add(Math.hypot(tr.state.x[0] - truth[0], tr.state.x[1] - truth[1], tr.state.x[2] - truth[2])),
      ).toBeLessThan(200);
      expect(
        vel.add(Math.hypot(tr.state.x[3] - truth[3], tr.state.x[4] - truth[4], tr.state.x[5] - truth[5])),
      ).toBeLessThan(50);
    }
    recordValidation({
      area: "tracking",
      model: "Tracker, angle-only tracks (UKF, triangulation initiation)",
      reference:
        "the true states of two targets (45-60 km up, 2-3 km/s) seen by three satellites 1,000 km up (40 urad), 30 s of 1 Hz scans",
      figure: `${tracker.stats.initiatedLos} tracks started by triangulation, both pure; worst error at 30 s: position ${sig(pos.value, 2)} m, velocity ${sig(vel.value, 2)} m/s`,
      tolerance: "2 tracks, purity 1; < 200 m; < 50 m/s",
    });
  });
});

describe("tracker: confirmation, deletion, ids", () => {
  it("confirms by 3 of 5, deletes after misses, never reuses ids", () => {
    const a: Target = { id: "A", p0: ecef(36, 140.2, 30e3), v: [800, -1500, 400] };
    const b: Target = { id: "B", p0: ecef(36.5, 140.8, 35e3), v: [-600, 1000, 300] };
    const rng = new TestRng(13);
    const tracker = new Tracker({ filter: cvEkf(), confirmHits: 3, confirmWindow: 5, deleteAfterMisses: 4 });
    const events: { t: number; type: string; id: string; reason?: string }[] = [];
    for (let t = 0; t <= 30; t++) {
      const dets = [radarDetection(radarA, b, t, rng)];
      if (t <= 10 || t >= 20) dets.push(radarDetection(radarA, a, t, rng));
      for (const e of tracker.step(t, dets).events)
        events.push({ t: e.timeS, type: e.type, id: e.trackId, reason: e.reason });
    }
    // Both start at t = 0 and confirm at the third hit.
    expect(events.filter((e) => e.type === "track-confirmed" && e.t === 2).length).toBe(2);
    // B's detection comes first in each scan, so B is T1 and A is T2. A's track is dropped after 4
    // consecutive misses (t = 11..14); A's return at t = 20 gets a new id.
    const drops = events.filter((e) => e.type === "track-dropped");
    expect(drops).toEqual([{ t: 14, type: "track-dropped", id: "T2", reason: "misses" }]);
    const later = events.filter((e) => e.type === "track-initiated" && e.t === 20);
    expect(later.map((e) => e.id)).toEqual(["T3"]);
    expect(tracker.tracks.map((tr) => tr.id)).toEqual(["T1", "T3"]);
    const confirmedAt = (id: string) => events.find((e) => e.type === "track-confirmed" && e.id === id)?.t;
    recordValidation({
      area: "tracking",
      model: "Tracker management (3-of-5 confirmation, deletion by miss evidence, ids)",
      reference:
        "the rules: confirmation at the third hit; a radar that detects the track on every look makes each miss worth ln 100 (99 % gate), so deleteAfterMisses = 4 drops it at the fourth miss; ids never reused",
      figure:
        `T1 and T2 confirmed at ${confirmedAt("T1")} s and ${confirmedAt("T2")} s (their third scan); A's track T2 dropped at ${drops[0].t} s, ` +
        `the fourth miss after its last hit at 10 s; A's return at 20 s starts ${later[0].id} (confirmed at ${confirmedAt("T3")} s)`,
      tolerance: "exactly: 2 s; 14 s; a new id T3",
    });
  });
});

describe("tracker: a floor under the tracks", () => {
  // A target diving straight down at 2 km/s from 20 km, seen by a radar 1 Hz (the synthetic radar goes
  // on seeing it below the surface): its estimate crosses 5 km below the WGS-84 surface between the
  // scans at 12 s (-4 km) and 13 s (-6 km).
  const earth = makeEarthModel();
  const p0 = ecef(35.6, 140.0, 20e3);
  const r = Math.hypot(p0[0], p0[1], p0[2]);
  const diver: Target = { id: "D", p0, v: p0.map((c) => (-2000 * c) / r) };
  const run = (floor: boolean) => {
    const rng = new TestRng(5);
    const tracker = new Tracker({
      filter: cvEkf(),
      ...(floor ? { floor: { heightM: (p: Float64Array) => earth.altitudeM(p), depthM: 5000 } } : {}),
    });
    const drops: { t: number; reason?: string }[] = [];
    for (let t = 0; t <= 16; t++)
      for (const e of tracker.step(t, [radarDetection(radarA, diver, t, rng)]).events)
        if (e.type === "track-dropped") drops.push({ t: e.timeS, reason: e.reason });
    return { drops, tracks: tracker.tracks.length };
  };

  it("deletes a track whose estimate is more than the floor's depth underground, at that update", () => {
    // The first drop is the track's, at 13 s; each track a later detection starts there goes at once.
    expect(run(true)).toEqual({
      drops: [13, 14, 15, 16].map((t) => ({ t, reason: "underground" })),
      tracks: 0,
    });
    // Without a floor the same track is kept (the detections keep coming).
    expect(run(false)).toEqual({ drops: [], tracks: 1 });
    recordValidation({
      area: "tracking",
      model: "Tracker floor (tracks deleted underground)",
      reference:
        "closed form: a target diving vertically at 2 km/s from 20 km is 5 km below the WGS-84 surface at 12.5 s; with 1 Hz radar updates the first estimate deeper than 5 km is the one at 13 s",
      figure:
        "track dropped as underground at 13 s; each track a later detection starts below the floor is dropped at its start; without a floor the track is kept to the end",
      tolerance: "exactly: 13 s",
    });
  });

  it("refuses a floor without a positive depth", () => {
    expect(() => new Tracker({ filter: cvEkf(), floor: { heightM: () => 0, depthM: 0 } })).toThrow(
      /options\.floor\.depthM/,
    );
  });
});

describe("a track's update interval (what a command link's estimate may age by)", () => {
  it("is the mean of its latest four intervals, 0 after one update", () => {
    const track = new Track(1, 0, 3, 5);
    const push = (timeS: number) =>
      track.history.push({
        timeS,
        state: createGaussianState(6, timeS),
        detections: [],
        weights: [],
        initial: track.history.length === 0,
        fullModel: true,
      });
    push(0);
    expect(track.updateIntervalS).toBe(0);
    push(1);
    expect(track.updateIntervalS).toBe(1);
    for (const t of [2, 2.5, 3.5, 4.5]) push(t);
    // (4.5 - 1) / 4: the interval from 0 to 1 has left the span.
    expect(track.updateIntervalS).toBe(0.875);
  });
});
