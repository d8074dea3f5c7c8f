/**
 * Threat evaluation from a track (src/engagement/threatEvaluation.ts): a ballistic track's predicted
 * impact names the asset it will hit and when; a gliding track's reachable footprint names the assets it
 * can still reach; and the battle manager's 2 s Runge-Kutta substeps move a predicted impact by metres
 * against the 0.5 s of the scorer's model (src/sim/engagement.ts threatEvaluationModel).
 */
import { describe, expect, it } from "vitest";
import { evaluateThreat, groundDistanceM } from "../../src/engagement/threatEvaluation.js";
import { makeEarthModel } from "../../src/earth/model.js";
import { flyThreat } from "../../src/flight/fly.js";
import { createTruthState, truthAt } from "../../src/flight/truthAt.js";
import { threatDefinitions } from "../../src/scenario/build/index.js";
import { loadScenario } from "../../src/scenario/index.js";
import { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import { predictImpact } from "../../src/tracking/predict/impactPoint.js";
import { assessTrackMotion } from "../../src/tracking/predict/motion.js";
import type { GaussianState } from "../../src/tracking/types.js";
import { recordValidation, sig, Worst } from "../validation.js";

const EARTH = makeEarthModel();
const PORT = { id: "port", latDeg: 35.29, lonDeg: 139.67, value: 10, radiusM: 3000 };
const DEPOT = { id: "depot", latDeg: 35.31, lonDeg: 139.63, value: 4, radiusM: 1000 };
const ELSEWHERE = { id: "elsewhere", latDeg: 33.6, lonDeg: 130.4, value: 5, radiusM: 3000 };

const scenario = loadScenario(`name: t
epoch: 2030-06-01T00:00:00Z
duration: 20 min
assets:
  - { id: port, at: { lat: 35.29 deg, lon: 139.67 deg, alt: 0 m } }
threats:
  - { id: srbm, vehicle: notional-srbm, launch: { at: { lat: 37.6 deg, lon: 135.4 deg, alt: 0 m }, time: 0 s }, target: port }
  - { id: hgv, vehicle: notional-hgv, launch: { at: { lat: 31.0 deg, lon: 128.5 deg, alt: 0 m }, time: 0 s }, target: port }
`);
const [srbmDef, hgvDef] = threatDefinitions(scenario);

/** A 7-component state (position, velocity, kappa) at the truth, 50 m and 5 m/s sigma. */
function stateOf(flightResult: ReturnType<typeof flyThreat>, tS: number): GaussianState {
  const s = truthAt(flightResult, tS, createTruthState());
  const x = new Float64Array([...s.posEcefM, ...s.velEcefMps, 1e-4]);
  const P = new Float64Array(49);
  for (let i = 0; i < 3; i++) {
    P[i * 8] = 2500;
    P[(i + 3) * 8] = 25;
  }
  P[48] = 1e-8;
  return { x, P, timeS: tS };
}

const ballisticMotion = assessTrackMotion({
  x: new Float64Array(6),
  P: new Float64Array(36),
  timeS: 0,
} as never);

describe("threat evaluation", () => {
  it("a ballistic track: the predicted impact names the port, soonest first, and its time to go", () => {
    const f = flyThreat(srbmDef, EARTH, { sampleIntervalS: 1 });
    const t = 150;
    const a = evaluateThreat(
      "T1",
      stateOf(f, t),
      { ...ballisticMotion, ballistic: true },
      [ELSEWHERE, DEPOT, PORT],
      {
        earth: EARTH,
        ballisticModel: new BallisticModel({ earth: EARTH, maxStepS: 2 }),
        kappaIndex: 6,
      },
    );
    expect(a.threatClass).toBe("ballistic");
    // The port (aimed at) and the depot 4 km from it are at risk; the far asset is not.
    expect(a.assets.map((x) => x.assetId).sort()).toEqual(["depot", "port"]);
    expect(a.value).toBe(10);
    expect(Math.abs(a.impactTimeS - f.endTimeS)).toBeLessThan(5);
    expect(groundDistanceM(a.impact!.latDeg, a.impact!.lonDeg, PORT.latDeg, PORT.lonDeg)).toBeLessThan(2000);
  }, 60_000);

  it("a gliding track: the assets inside its reachable footprint, ranked by time to go", () => {
    const f = flyThreat(hgvDef, EARTH, { sampleIntervalS: 1 });
    const lifting = { ...ballisticMotion, lifting: true, ballistic: false, reasons: ["test: lifting"] };
    const a = evaluateThreat("T2", stateOf(f, 300), lifting, [ELSEWHERE, PORT], {
      earth: EARTH,
      ballisticModel: new BallisticModel({ earth: EARTH, maxStepS: 2 }),
      kappaIndex: 6,
    });
    expect(a.threatClass).toBe("lifting");
    expect(a.assets.map((x) => x.assetId)).toContain("port");
    // Time to go: the distance over the ground speed, a lower bound on the glider's arrival.
    const port = a.assets.find((x) => x.assetId === "port")!;
    expect(port.timeToGoS).toBeLessThan(f.endTimeS - 300);
    expect(port.timeToGoS).toBeGreaterThan(0.3 * (f.endTimeS - 300));
  }, 60_000);

  it("2 s substeps move the predicted impact by metres against the tracker's 0.5 s", () => {
    const f = flyThreat(srbmDef, EARTH, { sampleIntervalS: 1 });
    const fine = new BallisticModel({ earth: EARTH, maxStepS: 0.5 });
    const coarse = new BallisticModel({ earth: EARTH, maxStepS: 2 });
    const worst = new Worst();
    const worstT = new Worst();
    for (const t of [60, 100, 150, 200, 230]) {
      const s = stateOf(f, t);
      const a = predictImpact(s, { model: fine, kappaIndex: 6 })!;
      const b = predictImpact(s, { model: coarse, kappaIndex: 6 })!;
      worst.add(groundDistanceM(a.latDeg, a.lonDeg, b.latDeg, b.lonDeg), `t ${t} s`);
      worstT.add(Math.abs(a.timeS - b.timeS), `t ${t} s`);
    }
    expect(worst.value).toBeLessThan(50);
    expect(worstT.value).toBeLessThan(0.1);
    recordValidation({
      area: "engagement",
      model: "threat evaluation: impact prediction with 2 s Runge-Kutta substeps",
      reference:
        "the same unscented-transform prediction with the tracker's 0.5 s substeps (SRBM, 5 track times)",
      figure: `worst impact point ${sig(worst.value, 2)} m (${worst.at}), time ${sig(worstT.value, 2)} s`,
      tolerance: "50 m, 0.1 s",
    });
  }, 60_000);
});
