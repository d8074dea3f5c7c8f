/**
 * The IMM pre-gate (src/tracking/management/pregate.ts) never rejects a pair the exact gate accepts:
 * - closed form: for modes that agree, its NIS equals the IMM's exact innovation NIS (they are equal
 *   for a measurement linear in the state, Bar-Shalom, Li and Kirubarajan 2001, section 11.6.6, and a
 *   line of sight is linear to within a part in 10^6 over metres at 1,500 km);
 * - property: over random two-mode mixtures seen by a satellite (the second mode from metres to
 *   300 km off, weights from 0.001 to 0.999, measurements near either mode), whenever the exact NIS is
 *   within the 99 % gate, the pre-gate's is within the widened gate or NaN (left to the exact gate).
 *   A diverged mode hundreds of kilometres off is where the combined Gaussian stops standing for the
 *   mixture (the pre-gate NIS was 47 times the exact one in a 200-threat raid): the linearity guard
 *   must catch it.
 * - property: the entry a group of detections shares (one look of one sensor: `sameFunctionAs`), made
 *   from any one of them, gives each the NIS and the guard of the pair on its own, R differing per
 *   detection; and the models of one look say they share h, those of other looks or dimensions not.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { ExtendedKalmanFilter } from "../../src/tracking/filters/extendedKalman.js";
import { ImmFilter } from "../../src/tracking/filters/imm.js";
import type { ImmState } from "../../src/tracking/filters/imm.js";
import { ConstantVelocityModel } from "../../src/tracking/models/transition/constantVelocity.js";
import { LineOfSightMeasurementModel } from "../../src/sensors/models/lineOfSight.js";
import { RadarMeasurementModel } from "../../src/sensors/models/radar.js";
import { MixturePregate, PREGATE_WIDENING } from "../../src/tracking/management/pregate.js";
import { gateThreshold } from "../../src/tracking/association/gating.js";
import { createInnovation } from "../../src/tracking/types.js";
import { ecef } from "./scenario.js";

const SAT = ecef(30, 135, 1000e3);
const TARGET = ecef(36, 140, 50e3);
const SIGMA_RAD = 50e-6;

function losModel(): LineOfSightMeasurementModel {
  const R = new Float64Array([SIGMA_RAD ** 2, 0, 0, SIGMA_RAD ** 2]);
  return new LineOfSightMeasurementModel().configureFrom(SAT, [1, 0, 0, 0, 1, 0, 0, 0, 1], R);
}

function imm(): ImmFilter {
  const mode = (psd: number) =>
    new ExtendedKalmanFilter({ transition: new ConstantVelocityModel({ psdM2S3: psd }) });
  return new ImmFilter({ filters: [mode(1), mode(100)] });
}

/** A two-mode state: mode 0 at TARGET, mode 1 offset by `offset` (m), position sigma 300 m each. */
function mixture(f: ImmFilter, offset: readonly number[], w1: number): ImmState {
  const s = f.createState(0);
  s.probabilities[0] = 1 - w1;
  s.probabilities[1] = w1;
  for (let j = 0; j < 2; j++) {
    const m = s.modes[j];
    m.x.fill(0);
    m.P.fill(0);
    for (let i = 0; i < 3; i++) {
      m.x[i] = TARGET[i] + (j === 1 ? offset[i] : 0);
      m.x[3 + i] = i === 0 ? 2000 : 0;
      m.P[i * 6 + i] = 300 ** 2;
      m.P[(3 + i) * 6 + 3 + i] = 100 ** 2;
    }
    m.timeS = 0;
  }
  s.timeS = 0;
  return s;
}

/** The angles of a point p as the model measures them. */
function anglesOf(model: LineOfSightMeasurementModel, p: readonly number[]): Float64Array {
  const x = new Float64Array(6);
  for (let i = 0; i < 3; i++) x[i] = p[i];
  return model.hInto(x, new Float64Array(2));
}

const GATE = gateThreshold(0.99, 2);

/** The second mode's offset from the first: metres to 300 km (log-uniform), any direction. */
const modeOffsetM = fc
  .tuple(
    fc.double({ min: 0, max: Math.log(3e5), noNaN: true }),
    fc.tuple(
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    ),
  )
  .map(([logOffset, dir]) => {
    const n = Math.hypot(...dir) || 1;
    return dir.map((d) => (Math.exp(logOffset) * d) / n);
  });

describe("IMM pre-gate", () => {
  it("equals the exact IMM NIS when the modes agree (linear over metres)", () => {
    const f = imm();
    const model = losModel();
    const pre = new MixturePregate(f);
    const s = mixture(f, [5, -3, 2], 0.3);
    const inn = createInnovation(2);
    for (const miss of [0, 300, 3000, 30e3]) {
      const z = anglesOf(model, [TARGET[0], TARGET[1] + miss, TARGET[2]]);
      pre.reset();
      const approx = pre.nis(s, z, model, 2, Infinity);
      f.innovationInto(s, z, inn, model);
      expect(approx).toBeCloseTo(inn.nis, 6 - Math.max(0, Math.log10(inn.nis)));
      expect(Math.abs(approx / inn.nis - 1)).toBeLessThan(1e-5);
    }
  });

  it("never rejects a pair the exact gate accepts (random mixtures, diverged modes included)", () => {
    const f = imm();
    const model = losModel();
    const pre = new MixturePregate(f);
    const inn = createInnovation(2);
    let accepted = 0;
    let guarded = 0;
    fc.assert(
      fc.property(
        modeOffsetM,
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.tuple(fc.double({ min: -3, max: 3, noNaN: true }), fc.double({ min: -3, max: 3, noNaN: true })),
        (offset, w1, at, noise) => {
          const s = mixture(f, offset, w1);
          // A measurement between the modes, plus up to 3 sigma of noise on each angle.
          const p = TARGET.map((c, i) => c + at * offset[i]);
          const z = anglesOf(model, p);
          z[0] += noise[0] * SIGMA_RAD;
          z[1] += noise[1] * SIGMA_RAD;
          f.innovationInto(s, z, inn, model);
          pre.reset();
          const approx = pre.nis(s, z, model, 2, PREGATE_WIDENING * GATE);
          if (Number.isNaN(approx)) guarded++;
          if (inn.nis <= GATE) {
            accepted++;
            expect(approx > PREGATE_WIDENING * GATE).toBe(false);
          }
        },
      ),
      { numRuns: 3000, seed: 42 },
    );
    // The cases above exercise both sides: pairs in the exact gate, and rejections the guard withheld.
    expect(accepted).toBeGreaterThan(300);
    expect(guarded).toBeGreaterThan(10);
  });

  it("a group's entry gives each detection of the look its own NIS and guard (random mixtures, R per detection)", () => {
    const f = imm();
    const pre = new MixturePregate(f);
    const pos = Float64Array.from(SAT);
    const rot = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const modelWith = (sigmaScale: number) => {
      const sa = SIGMA_RAD * sigmaScale;
      return LineOfSightMeasurementModel.sharing(
        pos,
        rot,
        Float64Array.from([sa * sa, 0, 0, SIGMA_RAD ** 2]),
      );
    };
    let compared = 0;
    fc.assert(
      fc.property(
        modeOffsetM,
        fc.double({ min: 0.001, max: 0.999, noNaN: true }),
        fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })),
        fc.tuple(fc.double({ min: 0.5, max: 3, noNaN: true }), fc.double({ min: 0.5, max: 3, noNaN: true })),
        (offset, w1, at, scale) => {
          const s = mixture(f, offset, w1);
          const m1 = modelWith(scale[0]);
          const m2 = modelWith(scale[1]);
          expect(m1.sameFunctionAs(m2)).toBe(true);
          const z1 = anglesOf(
            m1,
            TARGET.map((c, i) => c + at[0] * offset[i]),
          );
          const z2 = anglesOf(
            m2,
            TARGET.map((c, i) => c + at[1] * offset[i]),
          );
          for (const threshold of [Infinity, PREGATE_WIDENING * GATE]) {
            pre.reset();
            const alone = pre.nis(s, z2, m2, 2, threshold);
            pre.reset();
            pre.nis(s, z1, m1, 2, threshold, 3);
            const grouped = pre.nis(s, z2, m2, 2, threshold, 3);
            expect(Number.isNaN(grouped)).toBe(Number.isNaN(alone));
            if (!Number.isNaN(alone)) {
              expect(Math.abs(grouped - alone)).toBeLessThanOrEqual(1e-9 * Math.max(1, alone));
              compared++;
            }
          }
        },
      ),
      { numRuns: 1000, seed: 7 },
    );
    expect(compared).toBeGreaterThan(1000);
  });

  it("models of one look share h; other looks, sensors and dimensions do not", () => {
    const pos = Float64Array.from(SAT);
    const rot = Float64Array.from([1, 0, 0, 0, 1, 0, 0, 0, 1]);
    const R2 = () => Float64Array.from([1e-9, 0, 0, 1e-9]);
    const a = LineOfSightMeasurementModel.sharing(pos, rot, R2());
    expect(a.sameFunctionAs(LineOfSightMeasurementModel.sharing(pos, rot, R2()))).toBe(true);
    // The same numbers in other arrays (another look) are not taken for the same look.
    expect(a.sameFunctionAs(LineOfSightMeasurementModel.sharing(Float64Array.from(SAT), rot, R2()))).toBe(
      false,
    );
    const vel = new Float64Array(3);
    const R4 = () => Float64Array.from({ length: 16 }, (_, i) => (i % 5 === 0 ? 1 : 0));
    const r1 = RadarMeasurementModel.sharing(pos, vel, rot, R4(), 4);
    const r2 = RadarMeasurementModel.sharing(pos, vel, rot, R4(), 4);
    expect(r1.sameFunctionAs(r2)).toBe(true);
    expect(r1.sameFunctionAs(a)).toBe(false);
    expect(a.sameFunctionAs(r1)).toBe(false);
    // A radar's range, azimuth and elevation view is another h; the views of one look share theirs.
    const v1 = r1.positionOnly()!;
    expect(r1.sameFunctionAs(v1)).toBe(false);
    expect(v1.sameFunctionAs(r2.positionOnly()!)).toBe(true);
  });
});
