/**
 * Battery state: the pulsed-power bank limits the rate of fire (a battery cannot fire faster than its
 * capacitors charge), the loader limits it when power is plentiful, the mount's lay time follows the
 * slew rates and settle time, and magazine and rails run out. Times are checked against the arithmetic
 * written in each test.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { recordValidation, sig } from "../validation.js";
import {
  Mount,
  NOTIONAL_RAILGUN,
  NOTIONAL_SM6_CLASS,
  PulsedPowerStore,
  RailgunBattery,
  InterceptorBattery,
  type RailgunDefinition,
} from "../../src/weapons/index.js";

const DEG = Math.PI / 180;
const SITE = { kind: "fixed", at: { latDeg: 35, lonDeg: 139, altM: 10 } } as const;

/** Fires as fast as the battery allows at a fixed pointing; returns the shot times. */
function fireAll(b: RailgunBattery, n: number, el = 30 * DEG): number[] {
  const times: number[] = [];
  let t = 0;
  for (let i = 0; i < n; i++) {
    const s = b.earliestShotS(t, 0, el);
    if (!Number.isFinite(s)) break;
    b.fire(s, 0, el);
    times.push(s);
    t = s;
  }
  return times;
}

describe("pulsed power", () => {
  it("a 32 MJ shot at 25 % efficiency draws 128 MJ; a 25 MW plant refills it in 5.12 s", () => {
    const p = new PulsedPowerStore(
      { launcherEfficiency: 0.25, rechargeTimeS: 1, sustainedPowerW: 25e6, bankShots: 1 },
      32e6,
    );
    expect(p.shotEnergyJ).toBeCloseTo(128e6, 3);
    expect(p.chargePowerW).toBe(25e6);
    expect(p.sustainedIntervalS).toBeCloseTo(5.12, 12);
    p.fire(0);
    expect(p.readyAt(0)).toBeCloseTo(5.12, 12);
    expect(p.readyAt(3)).toBeCloseTo(5.12, 12);
    expect(p.energyAt(2.56)).toBeCloseTo(64e6, 3);
  });

  it("the charger, not the plant, limits when it is the slower", () => {
    const p = new PulsedPowerStore({ launcherEfficiency: 0.5, rechargeTimeS: 8, sustainedPowerW: 1e9 }, 1e6);
    expect(p.chargePowerW).toBeCloseTo(2e6 / 8, 6);
    p.fire(10);
    expect(p.readyAt(10)).toBeCloseTo(18, 12);
  });

  it("a bank of three shots fires a burst, then at the charging rate", () => {
    const p = new PulsedPowerStore(
      { launcherEfficiency: 1, rechargeTimeS: 4, sustainedPowerW: 1e9, bankShots: 3 },
      1e6,
    );
    const t: number[] = [];
    let now = 0;
    for (let i = 0; i < 6; i++) {
      const s = p.readyAt(now);
      p.fire(s);
      t.push(s);
      now = s;
    }
    // Three at t = 0 (full bank), then each 4 s (one shot's energy per recharge time).
    expect(t).toEqual([0, 0, 0, 4, 8, 12]);
    expect(() => p.fire(12)).toThrow(RangeError);
  });
});

describe("railgun battery", () => {
  it("pulsed power limits the rate of fire: 6.2 s a shot instead of the loader's 6 s", () => {
    // Japan-like gun: 0.5 * 0.32 kg * (2230 m/s)^2 = 0.796 MJ; / 0.16 = 4.97 MJ a shot; charger 4.97 MJ / 5 s
    // = 0.99 MW but the plant gives 0.8 MW: 6.22 s a shot, against 60 / 10 = 6 s for the loader.
    const b = new RailgunBattery("rg", NOTIONAL_RAILGUN, SITE, 20);
    const e = (0.5 * 0.32 * 2230 ** 2) / 0.16;
    expect(b.power.shotEnergyJ).toBeCloseTo(e, 3);
    const times = fireAll(b, 10);
    const dt = e / 0.8e6;
    // First shot after the reaction time (2 s) and laying from the parked elevation (-5 deg to 30 deg at
    // 40 deg/s, plus 0.5 s settle = 1.375 s, inside the reaction time): at 2 s; then every e / 0.8 MW.
    expect(times[0]).toBeCloseTo(2, 12);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeCloseTo(dt, 9);
    expect(dt).toBeGreaterThan(6);
    expect(b.power.energyUsedJ).toBeCloseTo(10 * e, 0);
    recordValidation({
      area: "weapons",
      model: "railgun battery: pulsed power against the loader",
      reference:
        "E_shot = (1/2) m v^2 / eta; interval E_shot / min(charger, sustained power), written in the test",
      figure: `notional-railgun: ${sig(e / 1e6, 3)} MJ a shot, ten shots ${sig(dt, 4)} s apart (${sig(60 / dt, 3)} a minute against the loader's 10)`,
      tolerance: "1e-9 s",
    });
  });

  it("with ample power the loader limits the rate: 10 rounds a minute", () => {
    const def: RailgunDefinition = {
      ...NOTIONAL_RAILGUN,
      pulsedPower: { ...NOTIONAL_RAILGUN.pulsedPower, sustainedPowerW: 100e6, rechargeTimeS: 1 },
    };
    const times = fireAll(new RailgunBattery("rg", def, SITE, 20), 10);
    for (let i = 1; i < times.length; i++) expect(times[i] - times[i - 1]).toBeCloseTo(6, 12);
  });

  it("never fires faster than its rate or its capacitors allow (property over random requests)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.double({ min: 0, max: 30, noNaN: true }),
            fc.double({ min: -3, max: 3, noNaN: true }),
            fc.double({ min: 0, max: 1.3, noNaN: true }),
          ),
          { minLength: 1, maxLength: 30 },
        ),
        (reqs) => {
          const b = new RailgunBattery("rg", NOTIONAL_RAILGUN, SITE);
          let t = 0;
          for (const [gap, az, el] of reqs) {
            t += gap;
            const s = b.earliestShotS(t, az, el);
            if (!Number.isFinite(s)) continue;
            b.fire(s, az, el);
            t = s;
          }
          const shots = b.shots;
          for (let i = 1; i < shots.length; i++) {
            expect(shots[i].timeS - shots[i - 1].timeS).toBeGreaterThanOrEqual(
              b.power.sustainedIntervalS * (1 - 1e-9),
            );
          }
          expect(b.roundsLeft).toBe(NOTIONAL_RAILGUN.magazineRounds - shots.length);
        },
      ),
      { numRuns: 60 },
    );
  });

  it("runs out of rounds, and of rails", () => {
    const b = new RailgunBattery("rg", { ...NOTIONAL_RAILGUN, barrelLifeRounds: 3 }, SITE, 5);
    expect(fireAll(b, 10)).toHaveLength(3);
    expect(b.refusal(0, 0.5)).toBe("barrel-worn");
    expect(b.barrelWear).toBe(1);
    const c = new RailgunBattery("rg", NOTIONAL_RAILGUN, SITE, 2);
    expect(fireAll(c, 10)).toHaveLength(2);
    expect(c.refusal(0, 0.5)).toBe("magazine-empty");
    expect(c.earliestShotS(100, 0, 0.5)).toBe(Infinity);
    expect(c.shots.map((s) => s.shotId)).toEqual(["rg-1", "rg-2"]);
  });

  it("refuses elevations beyond the mount's limits", () => {
    const b = new RailgunBattery("rg", NOTIONAL_RAILGUN, SITE);
    expect(b.refusal(0, 85 * DEG)).toBe("elevation-limit");
    expect(() => b.fire(10, 0, 85 * DEG)).toThrow(RangeError);
  });
});

describe("mount", () => {
  it("lays both axes at once at their rates, then settles", () => {
    const m = new Mount({
      elevationMinRad: -5 * DEG,
      elevationMaxRad: 80 * DEG,
      azimuthSlewRateRadS: 60 * DEG,
      elevationSlewRateRadS: 40 * DEG,
      settleTimeS: 0.5,
    });
    m.lay(0, 0, 0);
    // 90 deg of azimuth at 60 deg/s (1.5 s) and 20 deg of elevation at 40 deg/s (0.5 s): 1.5 + 0.5 s.
    expect(m.layTimeS(90 * DEG, 20 * DEG)).toBeCloseTo(2, 12);
    // Azimuth the short way round: 350 deg is 10 deg away.
    expect(m.layTimeS(350 * DEG, 0)).toBeCloseTo(10 / 60 + 0.5, 12);
    expect(m.layTimeS(0, 0)).toBe(0);
    expect(m.readyAt(5, 90 * DEG, 20 * DEG)).toBeCloseTo(7, 12);
  });
});

describe("interceptor battery", () => {
  it("launches one round per launch interval after the reaction time", () => {
    const b = new InterceptorBattery("sam", NOTIONAL_SM6_CLASS, SITE, 3);
    const t: number[] = [];
    const now = 10;
    for (let i = 0; i < 5; i++) {
      const s = b.earliestShotS(now);
      if (!Number.isFinite(s)) break;
      b.fire(s, 0, Math.PI / 2);
      t.push(s);
    }
    expect(t).toEqual([13, 14, 15]);
    expect(b.refusal()).toBe("magazine-empty");
  });
});
