/**
 * The step-by-step interface of DormandPrince54 (start / step / interpolate / cut / interpolateHistory),
 * which `integrate` is a loop over and the flight propagator drives directly. Stepping by hand must give
 * the same steps and the same doubles as one integrate call (the same arithmetic in the same order), the
 * dense output of a step must stay readable until the next step, and the kept history must answer for
 * the steps before it exactly as they answered when they were the last. Steps taken ahead and forgotten
 * must leave no trace.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { DormandPrince54, type EventDetector } from "../../src/math/ode/index.js";
import { keplerInitial, keplerRhs, oscillatorRhs } from "./odeProblems.js";

function same(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

describe("DormandPrince54 step by step", () => {
  it("start + step until the segment is done equals integrate, bit for bit (Kepler orbit, random spans)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.05, max: 0.9, noNaN: true }),
        fc.double({ min: 0.1, max: 20, noNaN: true }),
        fc.constantFrom(1e-6, 1e-9, 1e-11),
        (e, span, rtol) => {
          const whole = new DormandPrince54(6, { rtol, atol: rtol * 1e-2 });
          const stepper = new DormandPrince54(6, { rtol, atol: rtol * 1e-2 });
          const y = keplerInitial(e);
          const wholeTimes: number[] = [];
          const wholeMid: number[] = [];
          const out = new Float64Array(6);
          const r = whole.integrate(keplerRhs, 0, y, span, undefined, (s) => {
            wholeTimes.push(s.t1S);
            wholeMid.push(...s.interpolate(0.5 * (s.t0S + s.t1S), out));
          });
          stepper.start(keplerRhs, 0, keplerInitial(e), span);
          const times: number[] = [];
          const mid: number[] = [];
          do {
            stepper.step();
            times.push(stepper.stepEndS);
            mid.push(...stepper.interpolate(0.5 * (stepper.stepStartS + stepper.stepEndS), out));
          } while (!stepper.segmentDone);
          expect(times).toEqual(wholeTimes);
          expect(same(mid, wholeMid)).toBe(true);
          expect(same(stepper.endState, y)).toBe(true);
          expect(stepper.stepsTaken).toBe(r.steps);
          expect(stepper.rhsEvaluationsTotal).toBe(r.rhsEvaluations);
          expect(stepper.proposedStepS).toBe(r.lastStepS);
        },
      ),
      { numRuns: 40 },
    );
  });

  it("keeps the last step's dense output until the next step, and older steps in its history", () => {
    const dp = new DormandPrince54(6, { rtol: 1e-9, atol: 1e-11, historySteps: 4 });
    dp.start(keplerRhs, 0, keplerInitial(0.6), 30);
    const recorded: { t: number; y: Float64Array }[][] = [];
    const out = new Float64Array(6);
    for (let k = 0; k < 10; k++) {
      dp.step();
      const t0 = dp.stepStartS;
      const t1 = dp.stepEndS;
      const pts = [0, 0.3, 0.7, 1].map((f) => {
        const t = t0 + f * (t1 - t0);
        return { t, y: Float64Array.from(dp.interpolate(t, out)) };
      });
      recorded.push(pts);
      // The last four steps answer exactly as they did when each was the last one.
      for (let back = 0; back < Math.min(4, recorded.length); back++) {
        for (const [i, p] of recorded[recorded.length - 1 - back].entries()) {
          // An older step's end is the next step's start: the later step answers there.
          if (i === 3 && back > 0) continue;
          expect(dp.interpolateHistory(p.t, out)).toBe(true);
          expect(same(out, p.y)).toBe(true);
        }
      }
      if (recorded.length > 4) {
        const gone = recorded[recorded.length - 5][1];
        expect(dp.interpolateHistory(gone.t, out)).toBe(false);
      }
    }
    expect(dp.historyStartS).toBe(recorded[6][0].t);
    // The step's end: endState equals the dense output there.
    expect(same(dp.interpolate(dp.stepEndS, out), dp.endState)).toBe(true);
  });

  it("after a restart, the slot awaiting the next step answers no history query", () => {
    const dp = new DormandPrince54(6, { rtol: 1e-9, atol: 1e-11, historySteps: 4 });
    dp.start(keplerRhs, 0, keplerInitial(0.6), 30);
    const starts: { t: number; y: Float64Array }[] = [];
    const out = new Float64Array(6);
    for (let k = 0; k < 6; k++) {
      dp.step();
      starts.push({ t: dp.stepStartS, y: Float64Array.from(dp.interpolate(dp.stepStartS, out)) });
    }
    // A restart at the last step's end: its slot is the next step's; the ring shows three steps.
    const t1 = dp.stepEndS;
    dp.start(keplerRhs, t1, Float64Array.from(dp.endState), 30);
    expect(dp.historyStartS).toBe(starts[3].t);
    // The slot's old step (the one before the oldest shown) ended there: it must not answer.
    expect(dp.interpolateHistory(starts[3].t, out)).toBe(true);
    expect(same(out, starts[3].y)).toBe(true);
    expect(dp.interpolateHistory(starts[2].t, out)).toBe(false);
  });

  it("cut ends a step at an inner time; a restart from there goes on; misuse is a RangeError", () => {
    const dp = new DormandPrince54(2, { rtol: 1e-10, atol: 1e-12 });
    expect(() => dp.step()).toThrow(RangeError);
    dp.start(oscillatorRhs, 0, [0, 1], 10);
    dp.step();
    const tc = 0.5 * (dp.stepStartS + dp.stepEndS);
    expect(() => dp.cut(dp.stepEndS + 1)).toThrow(RangeError);
    dp.cut(tc);
    expect(dp.stepEndS).toBe(tc);
    expect(() => dp.step()).toThrow(RangeError);
    const y = dp.interpolate(tc, new Float64Array(2));
    expect(y[0]).toBeCloseTo(Math.sin(tc), 9);
    dp.start(oscillatorRhs, tc, y, 10);
    do dp.step();
    while (!dp.segmentDone);
    expect(dp.endState[0]).toBeCloseTo(Math.sin(10), 8);
    expect(() => dp.step()).toThrow(RangeError);
  });

  it("steps taken ahead and forgotten leave the stepper as if they had never been taken", () => {
    const opts = { rtol: 1e-9, atol: 1e-11, historySteps: 6 };
    const out = new Float64Array(6);
    const other = new Float64Array(6);
    for (const cutInside of [true, false]) {
      const plain = new DormandPrince54(6, opts);
      const ahead = new DormandPrince54(6, opts);
      plain.start(keplerRhs, 0, keplerInitial(0.6), 30);
      ahead.start(keplerRhs, 0, keplerInitial(0.6), 30);
      for (let k = 0; k < 3; k++) {
        plain.step();
        ahead.step();
      }
      const t0 = plain.stepStartS;
      const t1 = plain.stepEndS;
      const tc = cutInside ? t0 + 0.4 * (t1 - t0) : t1;
      ahead.step();
      ahead.step();
      expect(ahead.keptStepsFrom(t1)).toBe(2);
      expect(ahead.keptStepsFrom(tc)).toBe(2);
      expect(ahead.keptStepsFrom(t0)).toBe(3);
      // The kept steps without the two ahead answer as the plain stepper's do.
      expect(ahead.keptStartS(2, 2)).toBe(plain.keptStartS(0, 2));
      for (const t of [0.5 * (t0 + t1), t0, plain.historyStartS]) {
        expect(ahead.interpolateHistory(t, out, 2)).toBe(true);
        plain.interpolateHistory(t, other);
        expect(same(out, other)).toBe(true);
      }
      expect(ahead.interpolateHistory(t1 + 1e-9, out, 2)).toBe(false);
      const counters = ahead.countersBeforeLatest(2, new Float64Array(2));
      expect([...counters]).toEqual([plain.stepsTaken, plain.rhsEvaluationsTotal]);
      const start = new Float64Array(6);
      ahead.forgetLatest(2, start);
      expect(same(start, plain.endState)).toBe(true);
      expect(ahead.stepsTaken).toBe(plain.stepsTaken);
      expect(ahead.rhsEvaluationsTotal).toBe(plain.rhsEvaluationsTotal);
      expect(ahead.rejectedTotal).toBe(plain.rejectedTotal);
      expect(ahead.proposedStepS).toBe(plain.proposedStepS);
      expect(ahead.stepEndS).toBe(t1);
      expect(() => ahead.step()).toThrow(RangeError);
      // Cut there (or restart at the end) and go on: the same steps and states as the plain stepper.
      const y0 = new Float64Array(6);
      const y1 = new Float64Array(6);
      if (cutInside) {
        plain.interpolate(tc, y0);
        ahead.interpolate(tc, y1);
        plain.cut(tc);
        ahead.cut(tc);
      } else {
        y0.set(plain.endState);
        y1.set(start);
      }
      expect(same(y0, y1)).toBe(true);
      for (const dp of [plain, ahead]) dp.initialStepS = dp.proposedStepS;
      plain.start(keplerRhs, tc, y0, 30);
      ahead.start(keplerRhs, tc, y1, 30);
      do {
        plain.step();
        ahead.step();
        expect(ahead.stepEndS).toBe(plain.stepEndS);
        expect(same(ahead.endState, plain.endState)).toBe(true);
      } while (!plain.segmentDone);
      expect(ahead.segmentDone).toBe(true);
      expect(ahead.rhsEvaluationsTotal).toBe(plain.rhsEvaluationsTotal);
      expect(ahead.historyStartS).toBe(plain.historyStartS);
      expect(() => ahead.forgetLatest(7)).toThrow(RangeError);
    }
  });

  it("the locator's locate/commit find the events integrate finds, without acting on them", () => {
    const fired: number[] = [];
    const zeros: EventDetector = {
      g: (_t, y) => y[0],
      direction: 0,
      terminal: false,
      onEvent: (t) => fired.push(t),
    };
    const dp = new DormandPrince54(2, { rtol: 1e-10, atol: 1e-12, eventTolS: 1e-9 });
    dp.integrate(oscillatorRhs, 0.1, Float64Array.from([Math.sin(0.1), Math.cos(0.1)]), 20, [zeros]);
    const stepper = new DormandPrince54(2, { rtol: 1e-10, atol: 1e-12, eventTolS: 1e-9 });
    stepper.start(oscillatorRhs, 0.1, [Math.sin(0.1), Math.cos(0.1)], 20);
    const loc = stepper.eventLocator;
    loc.begin([{ g: zeros.g, direction: 0 }], 0.1, Float64Array.from([Math.sin(0.1), 0]), 1);
    const found: number[] = [];
    do {
      stepper.step();
      const n = loc.locate(stepper.denseOutput, stepper.stepEndS, stepper.endState, 1e-9);
      for (let k = 0; k < n; k++) found.push(loc.candidateTime(k));
      loc.commit();
    } while (!stepper.segmentDone);
    expect(found).toEqual(fired);
    expect(found).toHaveLength(6);
    for (let k = 0; k < 6; k++) expect(found[k]).toBeCloseTo((k + 1) * Math.PI, 8);
  });

  it("locateInOrder gives locate's events, in the same order at the same times (random detectors, one root per step at most)", () => {
    // g_i = sin(w_i t + phi_i): roots pi / w_i apart, and hMaxS below that, so no bracket holds two.
    const det = fc.record({
      w: fc.double({ min: 0.3, max: 3, noNaN: true }),
      phi: fc.double({ min: 0, max: 6.28, noNaN: true }),
      direction: fc.constantFrom(-1 as const, 0 as const, 1 as const),
      maxCheckS: fc.option(fc.double({ min: 0.05, max: 0.5, noNaN: true }), { nil: undefined }),
    });
    fc.assert(
      fc.property(fc.array(det, { minLength: 1, maxLength: 6 }), (ds) => {
        const hMaxS = Math.PI / Math.max(...ds.map((d) => d.w)) / 1.5;
        const gs = ds.map((d) => ({
          g: (t: number) => Math.sin(d.w * t + d.phi),
          direction: d.direction,
          maxCheckS: d.maxCheckS,
        }));
        const run = (inOrder: boolean): number[] => {
          const stepper = new DormandPrince54(2, { rtol: 1e-9, atol: 1e-12, hMaxS });
          stepper.start(oscillatorRhs, 0, [0, 1], 12);
          const loc = stepper.eventLocator;
          loc.begin(gs, 0, Float64Array.from([0, 1]), 1);
          const found: number[] = [];
          do {
            stepper.step();
            const n = inOrder
              ? loc.locateInOrder(stepper.denseOutput, stepper.stepEndS, stepper.endState, 1e-9)
              : loc.locate(stepper.denseOutput, stepper.stepEndS, stepper.endState, 1e-9);
            for (let k = 0; k < n; k++) found.push(loc.candidateDetector(k), loc.candidateTime(k));
            loc.commit();
          } while (!stepper.segmentDone);
          return found;
        };
        const eager = run(false);
        expect(run(true)).toEqual(eager);
      }),
      { numRuns: 200 },
    );
  });

  it("locateInOrder leaves a later root unsearched when only the first event is read (a jump in g costs one evaluation, not a bisection)", () => {
    let jumpCalls = 0;
    const smooth = { g: (t: number) => t - 0.3, direction: 0 as const };
    // A discontinuity at t = 0.7 (g jumps from -1 to +1): Brent can only bisect to it.
    const jump = {
      g: (t: number) => {
        jumpCalls++;
        return t < 0.7 ? -1 : 1;
      },
      direction: 0 as const,
    };
    // One step over [0, 1] (loose tolerances: the events read the dense output, not the accuracy).
    const stepper = new DormandPrince54(2, { rtol: 1e-2, atol: 1e-2, initialStepS: 1 });
    stepper.start(oscillatorRhs, 0, [0, 1], 1);
    const loc = stepper.eventLocator;
    loc.begin([smooth, jump], 0, Float64Array.from([0, 1]), 1);
    stepper.step();
    expect(stepper.stepEndS).toBe(1);
    jumpCalls = 0;
    expect(loc.locateInOrder(stepper.denseOutput, stepper.stepEndS, stepper.endState, 1e-9)).toBe(2);
    expect(loc.candidateDetector(0)).toBe(0);
    expect(loc.candidateTime(0)).toBeCloseTo(0.3, 8);
    // g at the step end, then at the first event: no search of its bracket.
    expect(jumpCalls).toBe(2);
    // Reading the second event searches it then, as locate would have.
    expect(loc.candidateDetector(1)).toBe(1);
    expect(loc.candidateTime(1)).toBeCloseTo(0.7, 8);
    expect(jumpCalls).toBeGreaterThan(20);
    loc.begin([smooth, jump], 0, Float64Array.from([0, 1]), 1);
    jumpCalls = 0;
    loc.locate(stepper.denseOutput, stepper.stepEndS, stepper.endState, 1e-9);
    expect(jumpCalls).toBeGreaterThan(20);
  });
});
