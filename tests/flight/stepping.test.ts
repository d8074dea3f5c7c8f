/**
 * The steppable flight (src/flight/propagation/flight.ts): advancing a flight in any increments must give
 * the trajectory of flying it whole, to the last bit, because the integrator takes its own steps (not
 * cut at the advance targets), states inside a step come from its dense output, and events and samples
 * are handled in time order as the clock passes them. Checked on every kind of threat (boost with
 * staging and coasts, ballistic coast, glide with the kernel, manoeuvres, retarget, cruise with fuel-out),
 * with random increments; plus what a consumer reads between advances (state, truth, a snapshot result).
 * A flight takes steps ahead of its clock: nothing of them shows, and a change from outside or a kill
 * at the clock voids them, leaving the flight as one that never took them.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DormandPrince54 } from "../../src/math/ode/index.js";
import {
  TargetingCache,
  createThreatFlight,
  createTruthState,
  flyThreat,
  truthAt,
  type FlightResult,
  type ThreatDefinition,
} from "../../src/flight/index.js";
import { DEG, FULL, LAUNCH, earthOf, pointAt } from "./helpers.js";

const earth = earthOf(FULL);
const cache = new TargetingCache();
const far = (az: number, km: number) => pointAt(LAUNCH.latRad, LAUNCH.lonRad, az * DEG, km * 1000);

const THREATS: ThreatDefinition[] = [
  { id: "hgv", vehicle: "notional-hgv", launch: LAUNCH, target: far(70, 3000) },
  {
    id: "hgv-weave",
    vehicle: "notional-hgv",
    launch: LAUNCH,
    target: far(70, 3000),
    maneuver: { kind: "weave", bankAmplitudeRad: 30 * DEG, periodS: 90 },
  },
  {
    id: "hgv-retarget",
    vehicle: "notional-hgv",
    launch: LAUNCH,
    target: far(70, 3000),
    maneuver: { kind: "retarget", atS: 550, target: far(75, 2800) },
  },
  { id: "mrbm", vehicle: "notional-mrbm", launch: LAUNCH, target: far(50, 2000) },
  { id: "srbm", vehicle: "notional-srbm", launch: { ...LAUNCH, timeS: 37.25 }, target: far(50, 450) },
  { id: "hcm", vehicle: "notional-hcm", launch: LAUNCH, target: far(30, 1600) },
  {
    id: "rv",
    vehicle: "notional-rv",
    burnout: {
      latRad: 0.4,
      lonRad: 0.1,
      altM: 0,
      timeS: 5,
      speedMps: 4000,
      flightPathAngleRad: 35 * DEG,
      azimuthRad: 1,
    },
  },
];

const whole = new Map<string, FlightResult>();
function wholeOf(def: ThreatDefinition): FlightResult {
  let r = whole.get(def.id as string);
  if (r === undefined) {
    r = flyThreat(def, earth, { cache });
    whole.set(def.id as string, r);
  }
  return r;
}

function same(a: ArrayLike<number>, b: ArrayLike<number>, n = a.length): boolean {
  if (a.length < n || b.length < n) return false;
  for (let i = 0; i < n; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function expectIdentical(a: FlightResult, b: FlightResult): void {
  expect(a.events.map((e) => [e.type, e.timeS])).toEqual(b.events.map((e) => [e.type, e.timeS]));
  for (let i = 0; i < a.events.length; i++) expect(same(a.events[i].state, b.events[i].state)).toBe(true);
  expect(a.phases).toEqual(b.phases);
  const sa = a.samples;
  const sb = b.samples;
  expect(sa.count).toBe(sb.count);
  for (const k of ["timeS", "massKg", "altM", "mach", "thrustN", "surfaceTempK", "phase"] as const)
    expect(same(sa[k], sb[k], sa.count)).toBe(true);
  expect(same(sa.posEcefM, sb.posEcefM, 3 * sa.count)).toBe(true);
  expect(same(sa.velEcefMps, sb.velEcefMps, 3 * sa.count)).toBe(true);
  expect(a.summary).toEqual(b.summary);
  expect(a.steps).toBe(b.steps);
  expect(a.rhsEvaluations).toBe(b.rhsEvaluations);
  expect(a.endTimeS).toBe(b.endTimeS);
}

describe("stepping a flight equals flying it whole", () => {
  it("bit for bit, for every kind of threat, in random increments (property)", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...THREATS),
        fc.array(
          fc.oneof(
            fc.double({ min: 0.01, max: 1, noNaN: true }),
            fc.double({ min: 1, max: 150, noNaN: true }),
          ),
          { minLength: 1, maxLength: 40 },
        ),
        (def, increments) => {
          const ref = wholeOf(def);
          const f = createThreatFlight(def, earth, { cache });
          let t = f.startTimeS;
          let k = 0;
          let wrong = 0;
          while (!f.ended) {
            t += increments[k++ % increments.length];
            const reached = f.advanceTo(t);
            if (reached !== (f.ended ? f.timeS : t)) wrong++;
          }
          expect(wrong).toBe(0);
          expectIdentical(f.result(), ref);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("and in the engine's pattern: 1 s increments, and increments landing exactly on events", () => {
    for (const def of THREATS) {
      const ref = wholeOf(def);
      const f = createThreatFlight(def, earth, { cache });
      for (let t = Math.ceil(f.startTimeS); !f.ended; t += 1) f.advanceTo(t);
      expectIdentical(f.result(), ref);
      const g = createThreatFlight(def, earth, { cache });
      for (const e of ref.events) g.advanceTo(e.timeS);
      g.advanceTo(Infinity);
      expectIdentical(g.result(), ref);
    }
  });

  it("between advances: the state, the truth and a snapshot result agree with the whole flight", () => {
    const def = THREATS[0];
    const ref = wholeOf(def);
    const f = createThreatFlight(def, earth, { cache });
    const truth = createTruthState();
    const refTruth = createTruthState();
    const s = ref.samples;
    // At every 10th sample time: the flight's state is the sample (both from the same dense output).
    for (let i = 0; i < s.count - 1; i += 10) {
      const t = s.timeS[i];
      if (t < f.timeS) continue;
      f.advanceTo(t);
      const y = f.state;
      if (ref.events.some((e) => e.timeS === t)) continue;
      expect(
        same(y, [
          ...s.posEcefM.subarray(3 * i, 3 * i + 3),
          ...s.velEcefMps.subarray(3 * i, 3 * i + 3),
          s.massKg[i],
        ]),
      ).toBe(true);
      f.truthInto(t, truth);
      truthAt(ref, t, refTruth);
      expect(truth.phase).toBe(refTruth.phase);
      expect(truth.altM).toBe(s.altM[i]);
      expect(truth.mach).toBe(s.mach[i]);
      expect(truth.thrustN).toBe(s.thrustN[i]);
      expect(truth.surfaceTempK).toBe(s.surfaceTempK[i]);
      const snap = f.result();
      expect(snap.samples.count).toBeLessThanOrEqual(s.count);
      expect(same(snap.samples.timeS, s.timeS, snap.samples.count)).toBe(true);
      expect(same(snap.samples.posEcefM, s.posEcefM, 3 * snap.samples.count)).toBe(true);
    }
    f.advanceTo(Infinity);
    expectIdentical(f.result(), ref);
  });
});

describe("steps ahead of the clock", () => {
  // A flight given an integrator that keeps only its history has no room for steps ahead: the
  // reference. Its integrator's last step is the one the clock is in (so its end is a step end).
  function pair(def: ThreatDefinition) {
    const dp = new DormandPrince54(7, { historySteps: 4 });
    const plain = createThreatFlight(def, earth, { cache, integrator: dp });
    const ahead = createThreatFlight(def, earth, { cache });
    return { plain, ahead, dp };
  }
  const y = new Float64Array(7);
  const z = new Float64Array(7);

  // What a consumer reads between advances. The kept history is compared when no change from outside
  // came at a restart (two restarts in a row shift the integrator's ring of kept steps by a slot, and
  // the ring is longer with room for steps ahead).
  function expectSameView(
    plain: ReturnType<typeof pair>["plain"],
    ahead: typeof plain,
    history = true,
  ): void {
    expect(ahead.timeS).toBe(plain.timeS);
    expect(ahead.steps).toBe(plain.steps);
    expect(ahead.rhsEvaluations).toBe(plain.rhsEvaluations);
    if (history) {
      const h = plain.historyStartS;
      expect(ahead.historyStartS).toBe(h);
      expect(ahead.truthValidFromS).toBe(plain.truthValidFromS);
      // (A time after historyStartS may still be refused: it counts from the last event's state too.)
      for (const f of [0, 0.25, 0.5, 0.75]) {
        const t = h + f * (plain.timeS - h);
        const answer = (fl: typeof plain, out: Float64Array) => {
          try {
            return fl.stateAt(t, out);
          } catch {
            return null;
          }
        };
        const a = answer(ahead, y);
        const p = answer(plain, z);
        expect(a === null).toBe(p === null);
        if (a !== null && p !== null) expect(same(a, p)).toBe(true);
      }
    }
    expect(same(ahead.state, plain.state)).toBe(true);
    const a = ahead.result();
    const p = plain.result();
    expect(a.samples.count).toBe(p.samples.count);
    expect(same(a.samples.timeS, p.samples.timeS)).toBe(true);
    expect(a.steps).toBe(p.steps);
    expect(a.rhsEvaluations).toBe(p.rhsEvaluations);
  }

  it("show nothing between advances (counters, history, states, snapshots)", () => {
    for (const def of [THREATS[0], THREATS[3], THREATS[5]]) {
      const { plain, ahead } = pair(def);
      let wentAhead = false;
      for (let t = Math.ceil(plain.startTimeS); !plain.ended; t += 1) {
        plain.advanceTo(t);
        ahead.advanceTo(t);
        if (t % 7 === 0) expectSameView(plain, ahead);
        // The integrator's own count shows the steps taken ahead.
        if ((ahead as unknown as { dp: DormandPrince54 }).dp.stepsTaken > ahead.steps) wentAhead = true;
      }
      expect(ahead.ended).toBe(true);
      expect(wentAhead).toBe(true);
      expectIdentical(ahead.result(), plain.result());
      expectIdentical(ahead.result(), wholeOf(def));
    }
  });

  it("are void on a change from outside at the clock: inside a step, at a step end, at a restart", () => {
    for (const def of [THREATS[0], THREATS[1], THREATS[3], THREATS[5]]) {
      const { plain, ahead, dp } = pair(def);
      const events = wholeOf(def).events.map((e) => e.timeS);
      let k = 0;
      for (let t = Math.ceil(plain.startTimeS); !plain.ended; t += 1) {
        // Often the clock lands on the end of its step, now and then on an event (a restart), first; a
        // change comes there, and every 23 s (not more often: steps must get to their ends).
        let at = t;
        if (k % 2 === 0 && dp.stepEndS > plain.timeS && dp.stepEndS < t) at = dp.stepEndS;
        const e = events.find((x) => x > plain.timeS && x < t);
        if (k % 7 === 3 && e !== undefined) at = e;
        plain.advanceTo(at);
        ahead.advanceTo(at);
        if ((at !== t || k % 23 === 0) && !plain.ended) {
          plain.invalidate();
          ahead.invalidate();
          expectSameView(plain, ahead, false);
        }
        k++;
      }
      expect(ahead.ended).toBe(true);
      expectIdentical(ahead.result(), plain.result());
    }
  });

  it("are void on a kill ahead of the clock, at it or back in time", () => {
    for (const def of THREATS) {
      const span = wholeOf(def).endTimeS - wholeOf(def).startTimeS;
      for (const frac of [0.2, 0.55, 0.8]) {
        for (const back of [-0.5, 0, 0.5, 3]) {
          const { plain, ahead } = pair(def);
          const t = Math.ceil(plain.startTimeS + frac * span);
          for (let s = Math.ceil(plain.startTimeS); s <= t; s += 1) {
            plain.advanceTo(s);
            ahead.advanceTo(s);
          }
          const tk = Math.max(t - back, plain.truthValidFromS);
          expect(ahead.terminate(tk, "kill")).toBe(plain.terminate(tk, "kill"));
          expectIdentical(ahead.result(), plain.result());
        }
      }
    }
  });
});
