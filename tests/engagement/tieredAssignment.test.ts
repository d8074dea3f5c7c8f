// Weapon-target assignment by weapon tiers (src/engagement/tieredAssignment.ts): one tier is the plain
// assignment (wta.ts); a later tier sees only the value the earlier tiers leave; the doctrine's floor,
// magazines, rates of fire and shots per threat bound what is assigned.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  assignByTiers,
  type AssignableBattery,
  type AssignableThreat,
} from "../../src/engagement/tieredAssignment.js";
import { assignWeapons } from "../../src/engagement/wta.js";

const opp = (pk: number, shots = 1) => ({ best: { pk }, shots });
const battery = (roundsAvailable: number, shotIntervalS = 10): AssignableBattery => ({
  roundsAvailable,
  shotIntervalS,
});

describe("assignByTiers", () => {
  it("with one tier, gives the shots the plain assignment gives", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 1, max: 3 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 9, maxLength: 9 }),
        fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 9, maxLength: 9 }),
        (nT, nB, pks, counts) => {
          const threats: AssignableThreat[] = Array.from({ length: nT }, (_, i) => ({
            value: 1 + i,
            opps: Array.from({ length: nB }, (_, j) =>
              counts[i * 3 + j] === 0 ? null : opp(pks[i * 3 + j], 2),
            ),
            shotsLeft: counts[(i + 4) % 9],
          }));
          const batteries = Array.from({ length: nB }, (_, j) => battery(counts[j + 6]));
          const tier = batteries.map((_, j) => j);
          const got = assignByTiers(threats, batteries, [tier], { minKillProbability: 0 }, 100);
          const want = assignWeapons({
            threatValues: threats.map((t) => t.value),
            batteryShots: batteries.map((b) => b.roundsAvailable),
            killProbability: tier.map((j) => threats.map((t) => t.opps[j]?.best.pk ?? 0)),
            maxPairShots: tier.map((j) => threats.map((t) => t.opps[j]?.shots ?? 0)),
            threatShotCaps: threats.map((t) => t.shotsLeft),
          });
          const shots = tier.map(() => threats.map(() => 0));
          for (const a of got.assigned) shots[a.j][a.i] += a.x;
          if (want.shots.flat().some((x) => x > 0)) expect(shots).toEqual(want.shots);
          else expect(got.assigned).toEqual([]);
          expect(got.shotsAssigned).toEqual(threats.map((_, i) => tier.reduce((n, j) => n + shots[j][i], 0)));
        },
      ),
      { seed: 14, numRuns: 300 },
    );
  });

  it("gives a later tier the value the earlier tiers leave", () => {
    // Battery 0 (first tier) reaches only the port's threat: Pk 0.6, value 10, so 4 is left. Battery 1
    // (second tier, one round, Pk 0.9 at both) adds 3.6 there, and 0.9 v at the other threat.
    const plan = (otherValue: number) =>
      assignByTiers(
        [
          { value: 10, opps: [opp(0.6), opp(0.9)], shotsLeft: 2 },
          { value: otherValue, opps: [null, opp(0.9)], shotsLeft: 2 },
        ],
        [battery(1), battery(1)],
        [[0], [1]],
        { minKillProbability: 0 },
        100,
      ).assigned.map((a) => [a.tier, a.j, a.i]);
    expect(plan(3)).toEqual([
      [0, 0, 0],
      [1, 1, 0],
    ]);
    expect(plan(5)).toEqual([
      [0, 0, 0],
      [1, 1, 1],
    ]);
  });

  it("keeps to the doctrine's floor, magazines, rate of fire and shots per threat", () => {
    const one = (threat: Partial<AssignableThreat>, b: AssignableBattery, floor = 0.3, horizonS = 100) =>
      assignByTiers(
        [{ value: 10, opps: [opp(0.5, 20)], shotsLeft: 20, ...threat }],
        [b],
        [[0]],
        { minKillProbability: floor },
        horizonS,
      ).shotsAssigned[0];
    expect(one({}, battery(20))).toBe(11); // 100 s at 10 s: 11 shots
    expect(one({}, battery(20), 0.3, 25)).toBe(3);
    expect(one({}, battery(4))).toBe(4);
    expect(one({}, battery(-2))).toBe(0); // more orders pending than rounds left
    expect(one({ shotsLeft: 2 }, battery(20))).toBe(2);
    expect(one({ opps: [opp(0.5, 3)] }, battery(20))).toBe(3);
    expect(one({}, battery(20), 0.6)).toBe(0); // Pk 0.5 below the floor
  });
});
