/**
 * The teaching scenarios (scenarios/teaching/), each checked against arithmetic a reader can do by hand,
 * written out in the test.
 */
import { readFileSync } from "node:fs";
import { afterAll, describe, expect, it } from "vitest";
import { radarHorizonRangeM } from "../../src/earth/visibility.js";
import { createTruthState, truthAt } from "../../src/flight/truthAt.js";
import { simulateScenario, type ScenarioRun } from "../../src/scenario/build/world.js";
import { analyseScenario, loadScenario, type Scenario } from "../../src/scenario/index.js";
import { recordValidation, sig } from "../validation.js";

function load(name: string): Scenario {
  const file = `scenarios/teaching/${name}.yaml`;
  return loadScenario(readFileSync(file, "utf8"), { fileName: file });
}

const runs = new Map<string, ScenarioRun>();
function run(name: string, seed = 1): ScenarioRun {
  const key = `${name}#${seed}`;
  let r = runs.get(key);
  if (r === undefined) {
    r = simulateScenario(load(name), { seed });
    runs.set(key, r);
  }
  return r;
}

describe("one glider against one railgun (glider-vs-railgun.yaml)", () => {
  let figure = "";
  afterAll(() => {
    if (figure !== "")
      recordValidation({
        area: "engagement",
        model: "teaching: one glider against one 32 MJ railgun",
        reference:
          "by hand: 128 MJ drawn a round (0.5 x 10.24 kg x (2,500 m/s)^2 / 0.25), 1/400 of the rails a round, one round per max(60 s / 10, 128 MJ / 25 MW) = 6 s, next round after the last one's closest approach and the 3 s look, intercepts within 40 km altitude and 200 km range",
        figure,
        tolerance: "exact for energy and wear; the rest as inequalities",
      });
  });

  it("spends exactly 128 MJ and 1/400 of the rails a round, no faster than one round in 6 s, looking between rounds", () => {
    const r = run("glider-vs-railgun");
    const e = r.engagement!;
    const gun = e.weapons[0];
    // E_shot = (1/2) m v^2 / eta = 0.5 * 10.24 * 2500^2 / 0.25 = 128,000,000 J.
    const shotJ = (0.5 * 10.24 * 2500 * 2500) / 0.25;
    expect(shotJ).toBe(128e6);
    expect(gun.roundsFired).toBeGreaterThan(0);
    expect(gun.roundsFired).toBeLessThanOrEqual(6);
    expect(gun.energyUsedJ).toBeCloseTo(gun.roundsFired * shotJ, 0);
    expect(gun.barrelWear).toBeCloseTo(gun.roundsFired / 400, 12);
    // 10 rounds a minute: 6 s; the 25 MW plant recharges 128 MJ in 5.12 s, inside that.
    const interval = Math.max(60 / 10, shotJ / 25e6);
    expect(interval).toBe(6);
    const shots = e.shots;
    for (let i = 1; i < shots.length; i++) {
      expect(shots[i].firedS - shots[i - 1].firedS).toBeGreaterThanOrEqual(interval);
      // Shoot-look-shoot: the next round only after the last one passed and the 3 s look.
      const ca = shots[i - 1].outcome?.closestApproachS ?? shots[i - 1].firedS;
      expect(shots[i].firedS).toBeGreaterThanOrEqual(ca + 3);
    }
    for (const s of shots) {
      const o = s.outcome;
      if (o === null || o.closestApproachS === null) continue;
      expect(o.altM as number).toBeLessThanOrEqual(40_000 + 2_000);
      expect(o.rangeM as number).toBeLessThanOrEqual(200_000);
      // A kill is drawn against the fragmenting payload: Pk = 0.9 (1 - exp(-ln 2 (3 m / miss)^2)).
      const miss = o.missM as number;
      expect(o.pk).toBeCloseTo(0.9 * (1 - Math.exp(-Math.LN2 * (3 / miss) ** 2)), 9);
    }
    const t = r.threats[0];
    expect(["intercepted", "leaked", "fallen-short"]).toContain(t.engagement?.result);
    figure = `seed 1: ${gun.roundsFired} rounds, ${sig(gun.energyUsedJ! / 1e6, 4)} MJ, wear ${sig(100 * gun.barrelWear!, 3)} %, shortest spacing ${shots.length > 1 ? sig(Math.min(...shots.slice(1).map((s, i) => s.firedS - shots[i].firedS)), 3) : "-"} s, ${t.engagement?.result}`;
  }, 60_000);
});

describe("a ballistic salvo against a magazine too small (salvo-small-magazine.yaml)", () => {
  it("fires at most its 2 rounds, one per missile, so at least 4 - 2 = 2 are never engaged and none of those is intercepted", () => {
    const r = run("salvo-small-magazine");
    const gpi = r.engagement!.weapons[0];
    expect(gpi.roundsFired).toBeLessThanOrEqual(2);
    expect(gpi.roundsLeft).toBe(2 - gpi.roundsFired);
    expect(gpi.roundsLeft).toBeGreaterThanOrEqual(0);
    const unengaged = r.threats.filter((t) => t.engagement?.shots === 0);
    expect(unengaged.length).toBeGreaterThanOrEqual(4 - 2);
    for (const t of unengaged) expect(t.engagement?.result).not.toBe("intercepted");
    for (const t of r.threats) expect(t.engagement!.shots).toBeLessThanOrEqual(1);
  }, 60_000);

  it("is the raid the scenario analyser warns about", () => {
    const w = analyseScenario(load("salvo-small-magazine"));
    expect(w.map((x) => x.message)).toContain(
      "the weapons hold 2 rounds in all for a raid of 4 threats: at least 2 can never be shot at",
    );
  }, 60_000);
});

describe("radar only against radar and satellites (radar-only.yaml, radar-and-satellites.yaml)", () => {
  it("the radar sees the glider no farther than its horizon and instrumented range; the LEO layer sees its boost, minutes earlier", () => {
    const radarOnly = run("radar-only");
    const both = run("radar-and-satellites");
    const t1 = radarOnly.threats[0];
    const t2 = both.threats[0];
    expect(t1.firstDetectedBy).toBe("radar");
    expect(t2.firstDetectedBy).toBe("tracking-layer");
    // Where the glider was when the radar first saw it: within the 4/3-Earth horizon of a 30 m mast
    // (the two tangents sqrt(h (2 k R + h)), about sqrt(2 k R h) each) and the 1,000 km instrumented range.
    const flight = radarOnly.flights[0].result;
    const s = truthAt(flight, t1.firstDetectionS as number, createTruthState());
    const radar = radarOnly.sensors[0] as unknown as {
      site: { stateInto: (t: number, o: unknown) => { posEcefM: Float64Array } };
      state: unknown;
    };
    const site = radar.site.stateInto(t1.firstDetectionS as number, radar.state).posEcefM;
    const slant = Math.hypot(s.posEcefM[0] - site[0], s.posEcefM[1] - site[1], s.posEcefM[2] - site[2]);
    const horizon = radarHorizonRangeM(30, s.altM);
    const k = 4 / 3;
    const R = 6_371_000;
    const tangent = (h: number) => Math.sqrt(h * (2 * k * R + h));
    expect(horizon).toBeCloseTo(tangent(30) + tangent(s.altM), 3);
    expect(slant).toBeLessThanOrEqual(horizon);
    expect(slant).toBeLessThanOrEqual(1_000_000);
    // The layer sees the rocket in boost (its plume).
    const s2 = truthAt(both.flights[0].result, t2.firstDetectionS as number, createTruthState());
    expect(s2.phase).toBe("boost");
    // The same impact, minutes more between the first confirmed track and it.
    const gain = (t1.firstConfirmedTrackS as number) - (t2.firstConfirmedTrackS as number);
    expect(gain).toBeGreaterThan(120);
    recordValidation({
      area: "engagement",
      model: "teaching: radar only against radar and the LEO layer (one glider)",
      reference:
        "by hand: a radar sees no farther than the 4/3-Earth horizon, the tangents sqrt(h (2kR + h)) of radar and target, and its instrumented range; an infrared layer sees the boost",
      figure: `radar first saw the glider at ${sig(slant / 1000, 3)} km slant range (horizon ${sig(horizon / 1000, 3)} km at ${sig(s.altM / 1000, 3)} km altitude); with the layer, first track ${sig(gain, 3)} s earlier`,
      tolerance: "slant range <= horizon and <= 1,000 km; first detection in boost; > 120 s earlier",
    });
  }, 120_000);
});
