// The engine loop (src/sim/loop.ts, src/sim/run.ts): sensors look at their own revisit times, not at
// multiples of a fixed step; systems are added to a run without editing the loop; the clock stops when
// the raid is over or at the scenario's end, and says which threats were still flying.
import { describe, expect, it } from "vitest";
import { buildWorld, simulateScenario } from "../../src/scenario/build/world.js";
import { loadScenario } from "../../src/scenario/index.js";
import { runSystems, Ticks, type SimSystem } from "../../src/sim/loop.js";
import { simulate } from "../../src/sim/run.js";
import { TimeQueue } from "../../src/sim/timeQueue.js";

function scenario(radarModel: string, duration = "10 min"): string {
  return `name: engine test
epoch: 2030-06-01T00:00:00Z
duration: ${duration}
assets:
  - { id: base, at: { lat: 35 deg, lon: 140 deg, alt: 0 m } }
threats:
  - id: rv
    vehicle: notional-rv
    burnout: { at: { lat: 35 deg, lon: 135 deg, alt: 80 km }, time: 0 s, speed: 2 km/s, flightPathAngle: 30 deg, azimuth: 90 deg }
    target: base
sensors:
  - { id: r, kind: radar, model: ${radarModel}, at: { lat: 35 deg, lon: 137 deg, alt: 10 m } }
tracking: { filter: ekf }
`;
}

const load = (text: string) => loadScenario(text, { fileName: "engine.yaml" });

describe("sensor looks", () => {
  it("a revisit of 0.25 s gives four times the looks and detections of 1 s", () => {
    const slow = simulateScenario(load(scenario("{ base: notional-s-band, revisit: 1 s }")), { seed: 5 });
    const fast = simulateScenario(load(scenario("{ base: notional-s-band, revisit: 0.25 s }")), { seed: 5 });
    expect(fast.endS).toBe(slow.endS);
    // Looks at 0, 0.25, ..., endS against 0, 1, ..., endS.
    expect(fast.looks[0]).toBe(4 * (slow.looks[0] - 1) + 1);
    const ratio = fast.tracking.detections / slow.tracking.detections;
    expect(ratio).toBeGreaterThan(3.8);
    expect(ratio).toBeLessThan(4.2);
  });

  it("a revisit that is a multiple of nothing else still looks on time, stamped at the look", () => {
    const r = simulateScenario(load(scenario("{ base: notional-s-band, revisit: 0.37 s }")), { seed: 5 });
    const times = [...r.trackSamples.rows()].map((s) => s.timeS);
    expect(times.length).toBeGreaterThan(50);
    for (const t of times) {
      const k = Math.round(t / 0.37);
      expect(Math.abs(t - k * 0.37)).toBeLessThan(1e-9);
    }
    expect(r.looks[0]).toBe(Math.floor(r.endS / 0.37 + 1e-9) + 1);
  });
});

describe("systems", () => {
  it("a system added to a run sees the frames and the tracks without any edit to the loop", () => {
    const world = buildWorld(load(scenario("notional-s-band")));
    const seen: { timeS: number; confirmed: number }[] = [];
    const r = simulate(world, {
      seed: 5,
      systems: (ctx) => [
        {
          name: "toy-counter",
          // Its own cadence: every 7 s.
          nextFrameS: (afterS) => 7 * (Math.floor(afterS / 7 + 1e-9) + 1),
          runFrame: (timeS) => {
            if (Math.abs(timeS / 7 - Math.round(timeS / 7)) > 1e-9) return;
            seen.push({ timeS, confirmed: ctx.tracks.tracks.filter((t) => t.status === "confirmed").length });
          },
        },
      ],
    });
    expect(seen.length).toBe(Math.floor(r.endS / 7) + 1);
    expect(seen.some((s) => s.confirmed === 1)).toBe(true);
    // The same run without the toy system has the same event log: it only watched.
    const plain = simulate(world, { seed: 5 });
    expect(plain.events).toEqual(r.events);
  });

  it("runs systems in list order at the earliest time any of them asks for, and refuses a clock that stalls", () => {
    const order: string[] = [];
    const mk = (name: string, every: number): SimSystem => ({
      name,
      nextFrameS: (a) => every * (Math.floor(a / every + 1e-9) + 1),
      runFrame: (t) => order.push(`${t}:${name}`),
    });
    runSystems([mk("a", 2), mk("b", 3)], { startS: 0, endS: () => 6 });
    expect(order).toEqual(["0:a", "0:b", "2:a", "2:b", "3:a", "3:b", "4:a", "4:b", "6:a", "6:b"]);
    const stuck: SimSystem = { name: "stuck", nextFrameS: (a) => a, runFrame: () => undefined };
    expect(() => runSystems([stuck], { startS: 0, endS: () => 10 })).toThrow(
      /stuck asked for a frame at 0 s/,
    );
  });

  it("the time queue gives keys in time order, ties by key, and moves keys", () => {
    const q = new TimeQueue(5);
    q.set(3, 2);
    q.set(1, 2);
    q.set(4, 0.5);
    q.set(0, 7);
    expect(q.peekKey()).toBe(4);
    q.set(4, 9);
    expect([q.peekKey(), q.peekTimeS()]).toEqual([1, 2]);
    q.remove(1);
    expect(q.peekKey()).toBe(3);
    q.set(3, Infinity);
    expect(q.peekKey()).toBe(0);
    expect(() => q.set(5, 1)).toThrow(RangeError);
    expect(new Ticks(0.25).after(1)).toBe(1.25);
  });
});

describe("the run's end", () => {
  it("ends 30 s after the last threat and says which threats a shorter scenario left flying", () => {
    const full = simulateScenario(load(scenario("notional-s-band")), { seed: 5 });
    const impact = full.events.find((e) => e.type === "impact");
    expect(impact).toBeDefined();
    expect(full.endS).toBeCloseTo((impact?.timeS ?? 0) + 30, 6);
    expect(full.threats[0].outcome).toBe("impact");
    expect(full.warnings).toEqual([]);

    const cut = simulateScenario(load(scenario("notional-s-band", "100 s")), { seed: 5 });
    expect(cut.endS).toBe(100);
    expect(cut.threats[0].outcome).toBe("still-flying");
    expect(cut.events.filter((e) => e.type === "impact")).toHaveLength(0);
    const still = cut.events.filter((e) => e.type === "still-flying");
    expect(still).toHaveLength(1);
    expect(still[0].timeS).toBe(100);
    expect(cut.warnings[0]).toMatch(/rv was still flying/);
  });

  it("an undetected threat has a defined tracked fraction (0), not NaN", () => {
    // A radar far beyond the horizon of the whole flight.
    const r = simulateScenario(
      load(scenario("notional-s-band").replace("lat: 35 deg, lon: 137 deg", "lat: -35 deg, lon: -40 deg")),
      { seed: 5 },
    );
    expect(r.threats[0].firstDetectionS).toBeNull();
    expect(r.threats[0].trackedFraction).toBe(0);
  });

  it("the summary's first confirmed track is the time of the first track-confirmed event of that threat", () => {
    for (const seed of [1, 2, 3]) {
      const r = simulateScenario(load(scenario("notional-s-band")), { seed });
      const ev = r.events.find((e) => e.type === "track-confirmed" && e.threatId === "rv");
      expect(r.threats[0].firstConfirmedTrackS).toBe(ev?.timeS);
    }
  });
});

describe("robustness", () => {
  it("a track whose covariance is made indefinite gets a repaired, flagged impact prediction, and the run finishes", () => {
    const world = buildWorld(load(scenario("notional-s-band")));
    const clean = simulate(world, { seed: 5 });
    const madeAt = clean.threats[0].impactPrediction?.madeAtS;
    expect(madeAt).toBeDefined();
    expect(clean.threats[0].impactPrediction?.flags).toEqual([]);
    const r = simulate(world, {
      seed: 5,
      systems: (ctx) => [
        {
          name: "corrupter",
          nextFrameS: (a) => (a < (madeAt as number) ? (madeAt as number) : Infinity),
          runFrame: (t) => {
            if (t !== madeAt) return;
            for (const track of ctx.tracks.tracks) if (track.status === "confirmed") track.state.P[0] = -1e6;
          },
        },
      ],
    });
    const p = r.threats[0].impactPrediction;
    expect(p?.flags).toContain("covariance-repaired");
    expect(p?.reliable).toBe(false);
    expect(r.tracking.impactPredictionFailures).toBe(0);
    expect(r.events.some((e) => e.type === "impact")).toBe(true);
  });
});
