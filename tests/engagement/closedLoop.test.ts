/**
 * The closed kill chain in `simulate` (src/sim/engagement.ts and the systems it builds), over many
 * seeds (fast-check picks them): the invariants of issue 14.
 * - no shot without a confirmed track, and none before its threat's first detection;
 * - no intercept before its threat's launch or after its end;
 * - every threat ends intercepted, leaked or fallen short, exactly once, and a killed threat is not in
 *   the truth the sensors look at from its kill on, and has no impact;
 * - magazines never below zero; shots never closer than the rate of fire, the recharge and the launch
 *   interval allow; a railgun's bank gives exactly one shot's energy a round;
 * - the same scenario and seed give the same events.jsonl, byte for byte.
 * The scenario is small (three short-range missiles, one radar, a railgun and a glide-phase
 * interceptor battery) so a run takes about a second.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { eventsJsonl } from "../../src/analysis/run/outputs.js";
import { buildWorld, simulateScenario, type ScenarioRun } from "../../src/scenario/build/world.js";
import { loadScenario } from "../../src/scenario/index.js";
import { simulate } from "../../src/sim/run.js";
import type { RailgunDefinition } from "../../src/weapons/definitions.js";
import { recordValidation } from "../validation.js";

const TEXT = `name: closed loop
epoch: 2030-06-01T00:00:00Z
duration: 10 min
assets:
  - { id: port, at: { lat: 35.29 deg, lon: 139.67 deg, alt: 0 m }, value: 10, radius: 3 km }
threats:
  - { id: srbm-1, vehicle: notional-srbm, launch: { at: { lat: 37.6 deg, lon: 135.4 deg, alt: 0 m }, time: 0 s }, target: port }
  - { id: srbm-2, vehicle: notional-srbm, launch: { at: { lat: 37.9 deg, lon: 135.9 deg, alt: 0 m }, time: 10 s }, target: { lat: 35.6 deg, lon: 139.9 deg, alt: 0 m } }
  - id: srbm-3
    vehicle: notional-srbm
    launch: { at: { lat: 37.2 deg, lon: 135.0 deg, alt: 0 m }, time: 20 s }
    target: port
    trajectory: { shape: depressed }
sensors:
  - { id: radar, kind: radar, model: notional-s-band, at: { lat: 35.4 deg, lon: 139.4 deg, alt: 30 m } }
weapons:
  - { id: railgun-1, kind: railgun, model: notional-32mj-railgun, at: { lat: 35.3 deg, lon: 139.6 deg, alt: 10 m }, rounds: 6 }
  - { id: gpi-1, kind: interceptor, model: notional-gpi, at: { lat: 35.4 deg, lon: 139.4 deg, alt: 30 m }, rounds: 3 }
doctrine: { mode: shoot-look-shoot, maxShotsPerThreat: 3, minKillProbability: 0.02 }
`;

const scenario = loadScenario(TEXT, { fileName: "closed-loop.yaml" });
const world = buildWorld(scenario);

interface Seen {
  /** Per frame: the time and the threats the sensors could look at. */
  readonly frames: { timeS: number; ids: string[] }[];
}

function runWith(seed: number): { run: ScenarioRun; seen: Seen } {
  const seen: Seen = { frames: [] };
  const r = simulate(world, {
    seed,
    // A watcher after tracking: what the truth view shows the sensors at each frame (it only reads).
    systems: (ctx) => [
      {
        name: "watch",
        nextFrameS: () => Infinity,
        runFrame: (t) => seen.frames.push({ timeS: t, ids: ctx.truth.at(t).map((x) => x.id) }),
      },
    ],
  });
  return { run: { ...r, scenario }, seen };
}

/** Checks every invariant on one run; returns counts for the figure. */
function checkInvariants(r: ScenarioRun, seen: Seen): { shots: number; kills: number } {
  const ev = r.events;
  const firstConfirmed = new Map<string, number>();
  const firstDetection = new Map<string, number>();
  const launch = new Map<string, number>();
  for (const e of ev) {
    if (e.type === "track-confirmed" && e.trackId !== undefined && !firstConfirmed.has(e.trackId))
      firstConfirmed.set(e.trackId, e.timeS);
    if (e.type === "detection" && e.threatId !== undefined && !firstDetection.has(e.threatId))
      firstDetection.set(e.threatId, e.timeS);
    if (e.type === "launch" && e.threatId !== undefined) launch.set(e.threatId, e.timeS);
  }
  const endOf = new Map(r.threats.map((t) => [t.threatId, t.endS]));
  const kills = new Map<string, number>();
  let shots = 0;
  for (const e of ev) {
    if (e.type === "shot") {
      shots++;
      // No shot without a confirmed track.
      const c = firstConfirmed.get(e.trackId as string);
      expect(c, `${e.shotId}: track ${e.trackId} never confirmed`).toBeDefined();
      expect(e.timeS).toBeGreaterThanOrEqual(c as number);
      // No shot before the threat's first detection.
      if (e.threatId !== undefined)
        expect(e.timeS).toBeGreaterThanOrEqual(firstDetection.get(e.threatId) ?? Infinity);
    }
    if (e.type === "intercept") {
      const id = e.threatId as string;
      expect(e.timeS).toBeGreaterThanOrEqual(launch.get(id) as number);
      expect(e.timeS).toBeLessThanOrEqual((endOf.get(id) as number) + 1e-6);
      if (e.detail.killed) {
        expect(kills.has(id), `${id} killed twice`).toBe(false);
        kills.set(id, e.timeS);
      }
    }
  }
  // Every threat ends exactly once: a kill, an impact or another end of flight.
  for (const t of r.threats) {
    const ends = ev.filter(
      (e) =>
        e.threatId === t.threatId &&
        (e.type === "impact" || e.type === "flight-ended" || (e.type === "intercept" && e.detail.killed)),
    ).length;
    expect(ends, `${t.threatId} ends ${ends} times`).toBe(1);
    expect(["intercepted", "leaked", "fallen-short"]).toContain(t.engagement?.result);
    const leaked = ev.some((e) => e.type === "leak" && e.threatId === t.threatId);
    expect(leaked).toBe(t.engagement?.result === "leaked");
    const k = kills.get(t.threatId);
    if (k !== undefined) {
      expect(t.outcome).toBe("intercepted");
      // Gone from the truth the sensors read from the kill on.
      for (const f of seen.frames) if (f.timeS >= k) expect(f.ids).not.toContain(t.threatId);
      expect(ev.some((e) => e.type === "impact" && e.threatId === t.threatId)).toBe(false);
    }
  }
  // Magazines, rates of fire, recharge, energy.
  const e = r.engagement!;
  const batteries = world.createBatteries();
  for (const w of e.weapons) {
    const b = batteries.find((x) => x.id === w.weaponId)!;
    expect(w.roundsLeft).toBeGreaterThanOrEqual(0);
    expect(w.roundsFired + w.roundsLeft).toBe(b.roundsLeft);
    const times = e.shots.filter((s) => s.weaponId === w.weaponId).map((s) => s.firedS);
    expect(times.length).toBe(w.roundsFired);
    const interval = b.sustainedShotIntervalS;
    for (let i = 1; i < times.length; i++)
      expect(times[i] - times[i - 1]).toBeGreaterThanOrEqual(interval * (1 - 1e-9));
    if (w.kind === "railgun" && b.definition.kind === "railgun") {
      const d = b.definition as RailgunDefinition;
      const shotJ = (0.5 * d.launchPackageMassKg * d.muzzleSpeedMps ** 2) / d.pulsedPower.launcherEfficiency;
      expect(w.energyUsedJ).toBeCloseTo(w.roundsFired * shotJ, 0);
    }
  }
  // Every round ends in exactly one kill or one miss, and none was fired below the doctrine's least Pk
  // (0.02 here) on the prediction it was fired on.
  for (const s of e.shots) {
    expect(s.plannedPk, `${s.shotId} planned Pk`).toBeGreaterThanOrEqual(0.02);
    const kill = ev.filter((x) => x.type === "intercept" && x.shotId === s.shotId && x.detail.killed).length;
    const miss = ev.filter((x) => x.type === "miss" && x.shotId === s.shotId).length;
    if (s.outcome !== null) expect(kill + miss).toBe(1);
  }
  return { shots, kills: kills.size };
}

describe("the closed loop's invariants over many seeds", () => {
  let runs = 0;
  let totalShots = 0;
  let totalKills = 0;
  afterAll(() => {
    recordValidation({
      area: "engagement",
      model: "closed kill chain in simulate: invariants (issue 14)",
      reference:
        "no shot without a confirmed track or before first detection; intercepts within each threat's flight; one end per threat; killed threats leave the truth; magazines, rate of fire, recharge, launch interval; bank energy per round; determinism",
      figure: `${runs} seeds of a 3-SRBM raid against a railgun and a GPI battery: ${totalShots} shots, ${totalKills} kills, no violation`,
      tolerance: "none allowed",
    });
  });

  it("holds for every seed", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        const { run, seen } = runWith(seed);
        const c = checkInvariants(run, seen);
        runs++;
        totalShots += c.shots;
        totalKills += c.kills;
      }),
      { numRuns: 6, seed: 14 },
    );
    expect(totalShots).toBeGreaterThan(0);
  }, 180_000);

  it("is deterministic: the same seed gives the same events.jsonl, byte for byte", () => {
    const a = simulateScenario(scenario, { seed: 7 });
    const b = simulateScenario(scenario, { seed: 7 });
    expect(eventsJsonl(b)).toBe(eventsJsonl(a));
    expect(a.events.some((e) => e.type === "shot")).toBe(true);
  }, 60_000);
});

describe("the doctrine's least kill probability", () => {
  it("holds at firing: an order whose solution on the latest track falls below it is held, not fired", () => {
    // The reference with a floor of 0.05 (it has 0.3), low enough to admit the railgun's long shots at
    // the SRBMs: orders are given on the battle manager's prediction a reaction time before the shot;
    // the weapon solves again on the latest track, and a solution of seed 4's falls below the floor
    // there (Pk 0.03 at seed 1 before the GPI's table had lofts: fired, before the floor was checked at
    // firing).
    const file = "scenarios/reference-raid.yaml";
    const text = readFileSync(file, "utf8");
    expect(text).toMatch(/^ {2}minKillProbability: 0\.3 /m);
    const ref = loadScenario(text.replace(/^( {2}minKillProbability:) 0\.3 /m, "$1 0.05 "), {
      fileName: file,
    });
    expect(ref.doctrine?.minKillProbability).toBe(0.05);
    const r = simulateScenario(ref, { seed: 4 });
    const shots = r.engagement?.shots ?? [];
    expect(shots.length).toBeGreaterThan(0);
    for (const s of shots) expect(s.plannedPk, `${s.shotId} planned Pk`).toBeGreaterThanOrEqual(0.05);
    expect(
      r.events.some(
        (e) => e.type === "shot-held" && String(e.detail.why).includes("below the doctrine's minimum"),
      ),
    ).toBe(true);
  }, 120_000);
});

describe("command guidance flies on the latest track", () => {
  it("the reference railgun round misses by a few of the track's sigmas, not by the track's staleness", () => {
    // The command link sends the fire-control track (src/sim/systems/weapons.ts): the tracker's whole
    // filter, rebuilt at each update. Seed 1's railgun shot at hgv-2 met it at about 20 km with the
    // track's position sigma near 3 m (tracks.csv); the round missed by 26.9 m while guidance flew one
    // IMM mode's prediction refreshed at most once a second (a velocity 20 m/s off, carried up to 1 s),
    // and by 4.4 m on the latest track. Since the interceptors plan gliders along their glide
    // (liftingPrediction.ts) they kill both gliders at seed 1 and the railgun does not fire; at seed 4
    // (the interceptors' magazine spent on the ballistic missiles) it fires at hgv-2 in its dive and
    // misses by 3.4 m. The bound, 10 m, is about three of the track's sigmas.
    const ref = loadScenario(readFileSync("scenarios/reference-raid.yaml", "utf8"), {
      fileName: "scenarios/reference-raid.yaml",
    });
    const r = simulateScenario(ref, { seed: 4 });
    const rail = (r.engagement?.shots ?? []).filter((s) => s.kind === "railgun");
    expect(rail.length).toBeGreaterThan(0);
    const s = rail[0];
    const ts = r.trackSamples;
    const sigmas: number[] = [];
    for (let k = 0; k < ts.count; k++) {
      const row = ts.row(k);
      if (row.trackId === s.trackId && Math.abs(row.timeS - (s.outcome?.closestApproachS ?? NaN)) < 2)
        sigmas.push(row.sigmaPosM);
    }
    expect(sigmas.length).toBeGreaterThan(0);
    for (const sg of sigmas) expect(sg).toBeLessThan(5);
    expect(s.outcome?.missM).toBeLessThan(10);
    recordValidation({
      area: "engagement",
      model: "command guidance on the latest track (railgun round)",
      reference: "the track's own accuracy at the intercept: a miss of a few position sigmas",
      figure: `reference seed 4: miss ${(s.outcome?.missM ?? NaN).toFixed(1)} m with the track's sigma ${Math.min(...sigmas).toFixed(1)}-${Math.max(...sigmas).toFixed(1)} m (26.9 m on one IMM mode refreshed once a second)`,
      tolerance: "< 10 m",
    });
  }, 60_000);
});

describe("command guidance is rebuilt at every track update", () => {
  it("the teaching railgun's short shots miss by metres, over five seeds", () => {
    // scenarios/teaching/glider-vs-railgun.yaml fires twice (a third time in the dive at seeds 3 and 5);
    // the second shot flies about 33 s, into the glider's dive. With the guidance estimate rebuilt at
    // each update its misses over seeds 1-5 were 12.1, 5.4, 7.1, 14.7 and 7.2 m (mean 9.3); refreshed
    // at most once a second, 26.4, 7.0, 13.6, 26.6 and 30.7 m (mean 20.9), and on one IMM mode as well,
    // 50.4 m at seed 1. The bound on the mean, 15 m, lies between. Planned along the glide
    // (liftingPrediction.ts) and guided on the whole filter once the dive steepens past 3 deg: 6.7,
    // 5.7, 6.8, 11.3 and 2.3 m (mean 6.5; 4.1, 3.9, 2.6, 10.4 and 20.2 m, mean 8.2, on the whole filter
    // throughout); guided along the glide into the dive as well, about 1 km.
    // A first shot that kills leaves no second (a boost plan a few m/s different gave that at seed 5,
    // 2.8 m): it counts as a pass, and at least four seeds must fire a second shot.
    const file = "scenarios/teaching/glider-vs-railgun.yaml";
    const sc = loadScenario(readFileSync(file, "utf8"), { fileName: file });
    const misses: number[] = [];
    for (let seed = 1; seed <= 5; seed++) {
      const shots = simulateScenario(sc, { seed }).engagement?.shots ?? [];
      expect(shots.length, `seed ${seed}`).toBeGreaterThanOrEqual(1);
      if (shots.length === 1) expect(shots[0].outcome?.killed, `seed ${seed}: one shot`).toBe(true);
      else misses.push(shots[1].outcome?.missM ?? NaN);
    }
    expect(misses.length).toBeGreaterThanOrEqual(4);
    const mean = misses.reduce((a, b) => a + b, 0) / misses.length;
    expect(mean, misses.map((m) => m.toFixed(1)).join(", ")).toBeLessThan(15);
    recordValidation({
      area: "engagement",
      model: "command guidance rebuilt at every track update (railgun round)",
      reference: "the same rounds guided on a track refreshed at most once a second: mean miss 20.9 m",
      figure: `teaching glider against railgun, second shot, seeds 1-5: misses ${misses.map((m) => m.toFixed(1)).join(", ")} m, mean ${mean.toFixed(1)} m`,
      tolerance: "mean < 15 m",
    });
  }, 60_000);
});
