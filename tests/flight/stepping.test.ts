/**
 * The steppable flight (src/flight/propagation/flight.ts): advancing a flight in any increments must give
 * the trajectory of flying it whole, to the last bit, because the integrator takes its own steps (not
 * cut at the advance targets), states inside a step come from its dense output, and events and samples
 * are handled in time order as the clock passes them. Checked on every kind of threat (boost with
 * staging and coasts, ballistic coast, glide with the kernel, manoeuvres, retarget, cruise with fuel-out),
 * with random increments; plus what a consumer reads between advances (state, truth, a snapshot result).
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
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
