/**
 * The battle manager on its own (src/engagement/battleManager.ts): built from a track picture, its
 * batteries' read-only views and an order book, with no simulation and no truth in reach. A ballistic
 * missile's track (its true states with a small covariance, as a good radar would give) heads for a
 * defended port; the battle manager evaluates it, plans and orders shots under the doctrine.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { BattleManager } from "../../src/engagement/battleManager.js";
import { DEFAULT_DOCTRINE, type Doctrine } from "../../src/engagement/doctrine.js";
import {
  batteryView,
  type FireOrder,
  type OrderBook,
  type OrderView,
  type TrackPicture,
  type TrackView,
} from "../../src/engagement/picture.js";
import { makeEarthModel } from "../../src/earth/model.js";
import { flyThreat } from "../../src/flight/fly.js";
import type { FlightResult } from "../../src/flight/result.js";
import { createTruthState, truthAt } from "../../src/flight/truthAt.js";
import { threatDefinitions } from "../../src/scenario/build/index.js";
import {
  ballisticTrackingModel,
  impactPredictionModel,
  trackingFilter,
} from "../../src/scenario/build/tracker.js";
import { loadScenario } from "../../src/scenario/index.js";
import { planningModes } from "../../src/sim/engagement.js";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { ImmFilter } from "../../src/tracking/filters/imm.js";
import type { BallisticModel } from "../../src/tracking/models/transition/ballistic.js";
import type { GaussianState, TrackingFilter } from "../../src/tracking/types.js";
import { InterceptorBattery } from "../../src/weapons/battery/battery.js";
import { weaponModel } from "../../src/weapons/catalog/index.js";
import type { InterceptorDefinition } from "../../src/weapons/definitions.js";

const EARTH = makeEarthModel();
const PORT = { id: "port", latDeg: 35.29, lonDeg: 139.67, value: 10, radiusM: 3000 };
const FAR = { id: "far", latDeg: 43.0, lonDeg: 141.3, value: 10, radiusM: 3000 };

let flight: FlightResult;
const filter: TrackingFilter<GaussianState> = new ExtendedKalmanFilter({
  transition: ballisticTrackingModel(EARTH),
}) as unknown as TrackingFilter<GaussianState>;

beforeAll(() => {
  const s = loadScenario(`name: t
epoch: 2030-06-01T00:00:00Z
duration: 10 min
assets:
  - { id: port, at: { lat: 35.29 deg, lon: 139.67 deg, alt: 0 m } }
threats:
  - { id: srbm, vehicle: notional-srbm, launch: { at: { lat: 37.6 deg, lon: 135.4 deg, alt: 0 m }, time: 0 s }, target: port }
`);
  flight = flyThreat(threatDefinitions(s)[0], EARTH, { sampleIntervalS: 1 });
});

/** The track at tS: the truth with a 30 m, 5 m/s covariance (and the model's drag prior). */
function trackAt(tS: number): TrackView {
  const s = truthAt(flight, tS, createTruthState());
  const state = filter.createState(tS);
  const cov = new Float64Array(36);
  for (let i = 0; i < 3; i++) {
    cov[i * 7] = 900;
    cov[(i + 3) * 7] = 25;
  }
  filter.initializeInto([...s.posEcefM, ...s.velEcefMps], cov, tS, state);
  return { id: "T1", status: "confirmed", confirmedAtS: 60, lastUpdateS: tS, updateIntervalS: 1, state };
}

/**
 * Orders as a weapons system would report them: here none is ever fired (they stay pending), or, with
 * `hold`, every one is held at once (no solution when it came to fire).
 */
function book(hold = false): OrderBook & { add(o: FireOrder): void } {
  const orders: OrderView[] = [];
  return {
    orders,
    get: (id) => orders.find((o) => o.order.orderId === id),
    add(o) {
      orders.push({
        order: o,
        state: hold ? "held" : "pending",
        shotId: null,
        plannedInterceptS: o.interceptTimeS,
        doneS: hold ? o.decidedS : NaN,
        heldBecause: hold ? "no solution" : null,
      });
    },
  };
}

function manager(doctrine: Partial<Doctrine>, assets = [PORT], rounds = 4, hold = false) {
  const def = weaponModel("notional-gpi") as InterceptorDefinition;
  const battery = new InterceptorBattery(
    "gpi-1",
    def,
    { kind: "fixed", at: { latDeg: 35.4, lonDeg: 139.4, altM: 30 } },
    rounds,
  );
  const tracks: TrackView[] = [];
  const picture: TrackPicture = { tracks, filter };
  const orders = book(hold);
  const bm = new BattleManager({
    picture,
    batteries: [batteryView(battery)],
    orders,
    assets,
    doctrine: { ...DEFAULT_DOCTRINE, ...doctrine },
    earth: EARTH,
    ballisticModel: impactPredictionModel(EARTH),
    motion: { earth: EARTH, stateNames: filter.stateNames },
    kappaIndex: filter.stateNames.indexOf("kappa"),
  });
  /** Decides every second from `fromS`; returns every order given. */
  const play = (fromS: number, toS: number): FireOrder[] => {
    const given: FireOrder[] = [];
    for (let t = fromS; t <= toS; t++) {
      tracks.length = 0;
      tracks.push(trackAt(t));
      for (const p of bm.decide(t).planned) {
        orders.add(p.order);
        given.push(p.order);
      }
    }
    return given;
  };
  return { bm, play, battery };
}

describe("the battle manager alone, on a track picture", () => {
  it("plans a shot at a missile heading for a defended asset: after its reaction time, inside the envelope, worth firing; then waits (shoot-look-shoot)", () => {
    const { bm, play } = manager({ minKillProbability: 0.05 });
    const orders = play(60, 300);
    expect(orders.length).toBe(1);
    const o = orders[0];
    expect(o.weaponId).toBe("gpi-1");
    expect(o.shotTimeS).toBeGreaterThanOrEqual(o.decidedS + 3);
    expect(o.interceptAltM).toBeGreaterThanOrEqual(30_000 - 1);
    expect(o.plannedPk).toBeGreaterThanOrEqual(0.05);
    const a = bm.assessmentOf("T1");
    expect(a?.threatClass).toBe("ballistic");
    expect(a?.assets.map((x) => x.assetId)).toEqual(["port"]);
    // Its impact predicted near the port, and its time within seconds of the flight's end.
    expect(Math.abs((a?.impactTimeS as number) - flight.endTimeS)).toBeLessThan(10);
  }, 120_000);

  it("weapons tight holds fire at a track that threatens no defended asset; weapons free engages it", () => {
    expect(manager({ weaponsControl: "tight" }, [FAR]).play(60, 300)).toEqual([]);
    expect(manager({ weaponsControl: "free" }, [FAR]).play(60, 300).length).toBe(1);
  }, 120_000);

  it("a salvo fires its size at once, spaced by the launch interval; the minimum intercept altitude is kept", () => {
    const salvo = manager({ mode: "salvo", salvoSize: 2, minInterceptAltitudeM: 50_000 }).play(60, 300);
    expect(salvo.length).toBe(2);
    expect(salvo[0].decidedS).toBe(salvo[1].decidedS);
    expect(salvo[1].shotTimeS - salvo[0].shotTimeS).toBeGreaterThanOrEqual(1);
    for (const o of salvo) expect(o.interceptAltM).toBeGreaterThanOrEqual(50_000 - 1);
  }, 120_000);

  it("a held order fired no round: it does not use up the threat's shots, and the track is ordered again", () => {
    // One shot per threat: without the give-back the first held order would end the engagement.
    const orders = manager({ maxShotsPerThreat: 1 }, [PORT], 4, true).play(60, 300);
    expect(orders.length).toBeGreaterThan(1);
    for (let k = 1; k < orders.length; k++)
      expect(orders[k].decidedS).toBeGreaterThan(orders[k - 1].decidedS);
  }, 120_000);

  it("never orders more rounds than the magazine holds", () => {
    expect(manager({ mode: "salvo", salvoSize: 4 }, [PORT], 1).play(60, 300).length).toBe(1);
  }, 120_000);
  it("plans with stand-ins for the IMM's modes (the ballistic mode with 2 s substeps); a list that does not match the modes is refused", () => {
    const imm = trackingFilter({ filter: "imm" }, EARTH);
    const modes = planningModes(imm)!;
    expect(imm).toBeInstanceOf(ImmFilter);
    const own = (imm as unknown as ImmFilter).filters;
    expect(modes.length).toBe(own.length);
    expect(((modes[0] as unknown as ExtendedKalmanFilter).transition as BallisticModel).maxStepS).toBe(2);
    expect((own[0].transition as BallisticModel).maxStepS).toBe(0.5);
    expect(modes.slice(1)).toEqual(own.slice(1));
    expect(planningModes(filter)).toBeUndefined();
    const options = (f: TrackingFilter<GaussianState>, m: TrackingFilter<GaussianState>[]) => ({
      picture: { tracks: [], filter: f },
      batteries: [],
      orders: book(),
      assets: [PORT],
      doctrine: DEFAULT_DOCTRINE,
      earth: EARTH,
      ballisticModel: impactPredictionModel(EARTH),
      motion: { earth: EARTH, stateNames: f.stateNames },
      kappaIndex: -1,
      planningModes: m,
    });
    expect(() => new BattleManager(options(imm, modes))).not.toThrow();
    expect(() => new BattleManager(options(imm, modes.slice(1)))).toThrow(RangeError);
    expect(() => new BattleManager(options(imm, [modes[2], modes[1], modes[0]]))).toThrow(/planningModes/);
    expect(() => new BattleManager(options(filter, modes))).toThrow(/no IMM/);
  });
});
