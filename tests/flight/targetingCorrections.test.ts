/**
 * Corrections to targeting and flight bookkeeping (project issues 9 and 12), each with the case that
 * failed before:
 * - the equilibrium glide on the rotating Earth (Coriolis and centrifugal terms in the range formula, the
 *   guidance and the boost planner): gliders launched east along the equator at 8,000-12,000 km missed by
 *   4.6-271 km with no warning; now they reach the target within the solver's tolerance, or are refused
 *   with the vehicle's reach;
 * - robust ballistic targeting: lofted missiles moved by up to 0.45 deg failed to converge ("miss 55 m")
 *   in about half the cases; now every one converges;
 * - physics refusals are one error class (FlightRefusalError) with the threat id, the field and the reach;
 * - phases on samples change at their event's time (a re-entry vehicle's samples were marked "reentry"
 *   from its apogee on, 120 s early);
 * - a burnout start without a target flies free (no miss distance).
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { glideDistancePerLiftToDragM } from "../../src/flight/guidance/glideLaw.js";
import { makeEarthModel } from "../../src/earth/model.js";
import {
  FlightRefusalError,
  LiftDragTable,
  NOTIONAL_HGV,
  NOTIONAL_HTV2,
  PHASES,
  TARGETING_TOLERANCE_M,
  TargetingCache,
  createThreatFlight,
  flyThreat,
  threatSteering,
  type FlightResult,
  type ThreatDefinition,
} from "../../src/flight/index.js";
import { threatDefinitions } from "../../src/scenario/build/index.js";
import { loadScenario } from "../../src/scenario/index.js";
import { DEG, FULL, earthOf, pointAt } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const earth = earthOf(FULL);
const EQUATOR = { latRad: 0, lonRad: 0, altM: 0, timeS: 0 };
const east = (km: number) => pointAt(0, 0, 90 * DEG, km * 1000);
const west = (km: number) => pointAt(0, 0, 270 * DEG, km * 1000);

function refusal(f: () => unknown): FlightRefusalError {
  try {
    f();
  } catch (e) {
    if (e instanceof FlightRefusalError) return e;
    throw e;
  }
  throw new Error("expected a FlightRefusalError");
}

describe("equilibrium glide on the rotating Earth", () => {
  it("the range formula reduces to Vinh's without rotation and integrates dV/ds exactly with it (property)", () => {
    const worst = new Worst();
    fc.assert(
      fc.property(
        fc.double({ min: 2500, max: 7000, noNaN: true }),
        fc.double({ min: 1500, max: 2400, noNaN: true }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        (v0, vf, k) => {
          const r = 6.41e6;
          const gp = 3.986004418e14 / (r * r) - 0.02;
          const b = 2 * 7.292115e-5 * k;
          const closed = glideDistancePerLiftToDragM(v0, vf, r, gp, b);
          // dV/ds = -(g' - b V - V^2/r) / V per unit L/D: s = integral of V / (g' - b V - V^2/r) dV.
          const n = 4000;
          let s = 0;
          const h = (v0 - vf) / n;
          const fv = (v: number) => v / (gp - b * v - (v * v) / r);
          for (let i = 0; i < n; i++) {
            const a = vf + i * h;
            s += (h / 6) * (fv(a) + 4 * fv(a + h / 2) + fv(a + h));
          }
          expect(worst.add(Math.abs(closed / s - 1), `k = ${sig(k, 2)}`)).toBeLessThan(1e-9);
          if (k === 0) {
            const vc2 = gp * r;
            expect(closed).toBeCloseTo(0.5 * r * Math.log((vc2 - vf * vf) / (vc2 - v0 * v0)), 3);
          }
        },
      ),
      { numRuns: 200 },
    );
    recordValidation({
      area: "flight",
      model: "Equilibrium-glide range on the rotating Earth",
      reference:
        "dV/ds = -(g' - b V - V^2/r)/(V L/D) integrated numerically (Simpson, 4,000 panels); b = 0 gives Vinh's (r/2) ln((vc^2 - vf^2)/(vc^2 - v^2))",
      figure: `worst relative difference of the closed form ${sig(worst.value, 2)} over 200 random speeds and headings`,
      tolerance: "< 1e-9",
    });
  });

  it("east along the equator a glide goes farther than west (the Eotvos effect lightens it)", () => {
    const r = 6.41e6;
    const gp = 3.986004418e14 / (r * r);
    const w = 7.292115e-5;
    const eastward = glideDistancePerLiftToDragM(6000, 1800, r, gp, 2 * w);
    const westward = glideDistancePerLiftToDragM(6000, 1800, r, gp, -2 * w);
    expect(eastward / westward).toBeGreaterThan(1.2);
  });

  it("a glide at best L/D east or west along the equator flies the rotating-frame range (within 3 %), not Vinh's", () => {
    // Sphere, point gravity, rotation on, USSA 1976: the glide of tests/flight/glide.test.ts, along the
    // equator (Clairaut's constant +1 east, -1 west), aimed far beyond reach so the law holds its best L/D.
    const env = makeEarthModel({ earth: "sphere", rotation: true, gravity: "point", atmosphere: "ussa1976" });
    const aero = NOTIONAL_HTV2.glider.aero;
    const table = new LiftDragTable(aero.mach, aero.alphaRad, aero.cl, aero.cd);
    table.lookup(10, 10 * DEG);
    const ldMax = table.cl / table.cd;
    const figures: string[] = [];
    for (const [dir, az, k] of [
      ["east", 90, 1],
      ["west", 270, -1],
    ] as [string, number, number][]) {
      const res = flyThreat(
        {
          id: dir,
          vehicle: "notional-htv2",
          burnout: {
            latRad: 0,
            lonRad: 0,
            altM: 100e3,
            timeS: 0,
            speedMps: 6000,
            flightPathAngleRad: -5 * DEG,
            azimuthRad: az * DEG,
          },
          target: { latRad: 0, lonRad: (az === 90 ? 150 : -150) * DEG, altM: 0 },
        },
        env,
      );
      const sm = res.samples;
      const v = sm.velEcefMps;
      const p = sm.posEcefM;
      const at = (speed: number) => {
        for (let i = 0; i < sm.count; i++)
          if (sm.phase[i] === 4 && Math.hypot(v[3 * i], v[3 * i + 1], v[3 * i + 2]) < speed) return i;
        return -1;
      };
      const i1 = at(5000);
      const i2 = at(2500);
      const lon = (i: number) => Math.atan2(p[3 * i + 1], p[3 * i]);
      const flown = Math.abs(lon(i2) - lon(i1)) * env.aM;
      const sp = (i: number) => Math.hypot(v[3 * i], v[3 * i + 1], v[3 * i + 2]);
      const rMean = env.aM + 0.5 * (sm.altM[i1] + sm.altM[i2]);
      const x = (i: number) => p[3 * i] ** 2 + p[3 * i + 1] ** 2;
      const gp = env.gmM3S2 / rMean ** 2 - (env.omegaRadS ** 2 * 0.5 * (x(i1) + x(i2))) / rMean;
      const rotating =
        (ldMax * glideDistancePerLiftToDragM(sp(i1), sp(i2), rMean, gp, 2 * env.omegaRadS * k) * env.aM) /
        rMean;
      const vinh =
        (ldMax * glideDistancePerLiftToDragM(sp(i1), sp(i2), rMean, env.gmM3S2 / rMean ** 2, 0) * env.aM) /
        rMean;
      figures.push(
        `${dir}: flown ${sig(flown / 1000, 4)} km, rotating-frame formula ${sig(rotating / 1000, 4)} km (${sig((flown / rotating - 1) * 100, 2)} %), Vinh's ${sig(vinh / 1000, 4)} km (${sig((flown / vinh - 1) * 100, 2)} %)`,
      );
      expect(Math.abs(flown / rotating - 1)).toBeLessThan(0.03);
      expect(Math.abs(flown / vinh - 1)).toBeGreaterThan(0.05);
    }
    recordValidation({
      area: "flight",
      model: "Equilibrium glide range, rotating Earth",
      reference:
        "s = (L/D) r [Vc ln((Vc - v2)/(Vc - v1)) + V2 ln((v1 - V2)/(v2 - V2))]/(Vc - V2) with the Coriolis and centrifugal terms, from 5 to 2.5 km/s along the equator (sphere, point gravity, rotation, USSA 1976)",
      figure: figures.join("; "),
      tolerance: "within 3 % (Vinh's non-rotating formula is off by more than 5 %)",
    });
  });

  const reached: string[] = [];
  afterAll(() => {
    if (reached.length > 0)
      recordValidation({
        area: "flight",
        model: "Boost-glide targeting on the rotating Earth",
        reference:
          "aimpoints east along the equator on the full model (before: 4.6, 271 and 132 km misses at 8,000, 10,000 and 12,000 km, 80 km for the CAV-H at 12,000 km, with no warning)",
        figure: reached.join("; "),
        tolerance: `miss < ${TARGETING_TOLERANCE_M} m (the solver's tolerance)`,
      });
  });
  for (const [vehicle, rangeKm] of [
    ["notional-hgv", 8000],
    ["notional-hgv", 10_000],
    ["notional-hgv", 12_000],
    ["notional-cav-h", 12_000],
  ] as [string, number][]) {
    it(`${vehicle} east along the equator at ${rangeKm} km reaches the target within the tolerance`, () => {
      const res = flyThreat({ id: "glide", vehicle, launch: EQUATOR, target: east(rangeKm) }, earth, {
        cache: null,
      });
      reached.push(`${vehicle} ${rangeKm} km: ${sig(res.summary.missDistanceM, 2)} m`);
      expect(res.summary.impacted).toBe(true);
      expect(res.summary.missDistanceM).toBeLessThan(TARGETING_TOLERANCE_M);
      expect(res.targeting?.missM).toBeLessThan(TARGETING_TOLERANCE_M);
    });
  }

  it("a glider beyond its reach is refused with the reach (12,000 km west at the equator)", () => {
    const e = refusal(() =>
      threatSteering(
        { id: "hgv-far", vehicle: "notional-hgv", launch: EQUATOR, target: west(12_000) },
        earth,
        null,
      ),
    );
    expect(e.threatId).toBe("hgv-far");
    expect(e.field).toBe("target");
    expect(e.message).toMatch(
      /^threat hgv-far: target out of reach: 12013 km away, notional-hgv glides about \d+ km/,
    );
    expect(e.reachM).toBeGreaterThan(5000e3);
    expect(e.reachM).toBeLessThan(12_000e3);
  });
});

describe("physics refusals: one error class, with the threat, the field and the figures", () => {
  const L = { latRad: 30 * DEG, lonRad: 40 * DEG, altM: 0, timeS: 0 };
  it("out of reach, too close, at the launch point, no target, cannot lift off", () => {
    const far = refusal(() =>
      threatSteering(
        {
          id: "srbm-far",
          vehicle: "notional-srbm",
          launch: L,
          target: pointAt(L.latRad, L.lonRad, 0, 1500e3),
        },
        earth,
        null,
      ),
    );
    expect([far.field, far.threatId]).toEqual(["target", "srbm-far"]);
    expect(far.message).toMatch(/out of reach: \d+ km away, notional-srbm reaches about \d+ km at full burn/);
    expect(far.reachM).toBeGreaterThan(500e3);
    const near = refusal(() =>
      threatSteering(
        { id: "hgv-near", vehicle: "notional-hgv", launch: L, target: pointAt(L.latRad, L.lonRad, 0, 200e3) },
        earth,
        null,
      ),
    );
    expect(near.message).toMatch(/target too close: \d+ km away, notional-hgv overshoots it/);
    const here = refusal(() =>
      threatSteering({ id: "here", vehicle: "notional-mrbm", launch: L, target: { ...L } }, earth, null),
    );
    expect([here.field, here.message]).toEqual([
      "target",
      "threat here: the target is at the launch point (0 m away): nothing to fly to",
    ]);
    const none = refusal(() =>
      threatSteering({ id: "no-target", vehicle: "notional-mrbm", launch: L }, earth, null),
    );
    expect(none.field).toBe("target");
    const heavy = refusal(() =>
      threatSteering(
        {
          id: "heavy",
          vehicle: { ...NOTIONAL_HGV, name: "heavy-hgv", glider: { ...NOTIONAL_HGV.glider, massKg: 80_000 } },
          launch: L,
          target: pointAt(L.latRad, L.lonRad, 0, 3000e3),
        },
        earth,
        null,
      ),
    );
    expect(heavy.field).toBe("vehicle");
    expect(heavy.message).toMatch(
      /heavy-hgv cannot lift off: its 115\.3 t stack weighs \d+ kN, more than the \d+ kN/,
    );
    expect(heavy).toBeInstanceOf(RangeError);
  });
});

describe("robust ballistic targeting (the raid-20 threats moved by up to 0.45 deg)", () => {
  const file = fileURLToPath(new URL("../../scenarios/raid-20.yaml", import.meta.url));
  const base = threatDefinitions(loadScenario(readFileSync(file, "utf8"), { fileName: file })).filter((d) =>
    /rbm/.test(typeof d.vehicle === "string" ? d.vehicle : d.vehicle.name),
  );
  it("every shape converges below the tolerance: minimum energy, depressed, lofted", () => {
    const worst = new Worst();
    let flights = 0;
    let solves = 0;
    for (let j = 1; j <= 12; j++)
      for (const d of base) {
        const a = ((j * 7919) % 1000) / 1000 - 0.5;
        const b = ((j * 104729) % 1000) / 1000 - 0.5;
        const L = d.launch as NonNullable<ThreatDefinition["launch"]>;
        const def = {
          ...d,
          launch: { ...L, latRad: L.latRad + 0.9 * a * DEG, lonRad: L.lonRad + 0.9 * b * DEG },
        };
        const r = threatSteering(def, earth, null);
        solves++;
        flights += r?.report.flights ?? 0;
        expect(worst.add(r?.report.missM ?? NaN, `${d.id} copy ${j}`)).toBeLessThan(TARGETING_TOLERANCE_M);
      }
    recordValidation({
      area: "flight",
      model: "Ballistic targeting, robust (nested Illinois on the range parameter, secant on the azimuth)",
      reference:
        "the SRBM and MRBM threats of scenarios/raid-20.yaml (minimum energy, depressed, lofted), 12 copies each moved by up to 0.45 deg (before: half the lofted copies did not converge)",
      figure: `${solves} solves, worst miss ${sig(worst.value, 2)} m (${worst.at}), ${sig(flights / solves, 2)} flights a solve`,
      tolerance: `< ${TARGETING_TOLERANCE_M} m, every solve`,
    });
  });
});

describe("phases on samples and free flight", () => {
  function phasesConsistent(res: FlightResult): number {
    let wrong = 0;
    const s = res.samples;
    for (let i = 0; i < s.count; i++) {
      const t = s.timeS[i];
      let expected = res.phases[0].phase;
      for (const p of res.phases) if (p.startS <= t) expected = p.phase;
      if (PHASES[s.phase[i]] !== expected) wrong++;
    }
    return wrong;
  }

  it("every sample carries the phase of its own time (rv-1 of the mixed raid: re-entry from 343.5 s, not from apogee)", () => {
    const file = fileURLToPath(new URL("../../scenarios/mixed-raid.yaml", import.meta.url));
    const defs = threatDefinitions(loadScenario(readFileSync(file, "utf8"), { fileName: file }));
    const cache = new TargetingCache();
    for (const def of defs) {
      const res = flyThreat(def, earth, { cache });
      expect(phasesConsistent(res)).toBe(0);
      if (def.id === "rv-1") {
        const reentry = res.events.find((e) => e.type === "reentry");
        const first = Array.from(res.samples.phase).findIndex((p) => PHASES[p] === "reentry");
        expect(res.samples.timeS[first]).toBeGreaterThanOrEqual(reentry?.timeS ?? Infinity);
        expect(res.samples.altM[first]).toBeLessThan(100_000);
      }
    }
  });

  it("a glider from a burnout state without a target glides free at its best L/D, with no miss distance", () => {
    const def: ThreatDefinition = {
      id: "free",
      vehicle: "notional-htv2",
      burnout: {
        latRad: 0,
        lonRad: 0,
        altM: 60e3,
        timeS: 0,
        speedMps: 4000,
        flightPathAngleRad: 0,
        azimuthRad: 0,
      },
    };
    const res = flyThreat(def, earth);
    expect(res.summary.impacted).toBe(true);
    expect(res.summary.missDistanceM).toBeNaN();
    expect(res.phases.map((p) => p.phase)).toContain("glide");
    // No heading to hold: no bank, so the ground track stays on the meridian it started along.
    const imp = res.summary.impact;
    expect(Math.abs(imp?.lonRad ?? NaN)).toBeLessThan(0.01);
    expect(res.summary.groundRangeM).toBeGreaterThan(1000e3);
    const f = createThreatFlight(def, earth);
    expect(f.run().summary.groundRangeM).toBe(res.summary.groundRangeM);
  });
});
