/**
 * The glide kernel (src/flight/kernels/glideRhs.ts, served as the force model forces/glideKernel.ts) is a
 * gliding flight's right-hand side written out flat for speed. Its reference is the composed path it
 * stands for (GravityForce, then GlideGuidance's command, then LiftDragForce: GlideKernelForce.genericInto):
 * on every state it serves, for every environment switch, both lift tables, manoeuvres on and off, the
 * derivatives must be the same doubles, bit for bit; outside its domain it must decline and leave the
 * composed path to run.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { enuRotationInto, enuVectorToEcefInto } from "../../src/earth/enu.js";
import { makeEarthModel, type EarthEnvironment } from "../../src/earth/model.js";
import {
  Aimpoint,
  FlightContext,
  GlideGuidance,
  GlideKernelForce,
  GlideLaw,
  GravityForce,
  GuidanceCommand,
  LiftDragForce,
  LiftDragModel,
  NOTIONAL_CAVH,
  NOTIONAL_HTV2,
  flyThreat,
  type ThreatDefinition,
} from "../../src/flight/index.js";
import { DEG, pointAt } from "./helpers.js";

const ENVIRONMENTS: EarthEnvironment[] = [];
for (const earth of ["wgs84", "sphere"] as const)
  for (const rotation of [true, false])
    for (const gravity of ["j2", "point"] as const)
      for (const atmosphere of ["ussa1976", "none"] as const)
        ENVIRONMENTS.push({ earth, rotation, gravity, atmosphere });

const DEFAULT_ENV: EarthEnvironment = {
  earth: "wgs84",
  rotation: true,
  gravity: "j2",
  atmosphere: "ussa1976",
};
const WGS84_MODEL = makeEarthModel(DEFAULT_ENV);

interface Glide {
  force: GlideKernelForce;
  law: GlideLaw;
  aim: Aimpoint;
  lift: LiftDragForce;
  ctx: FlightContext;
  cmd: GuidanceCommand;
}

function glideFor(env: EarthEnvironment, cavh: boolean, manoeuvre: boolean): Glide {
  const earth = makeEarthModel(env);
  const lift = new LiftDragForce(new LiftDragModel((cavh ? NOTIONAL_CAVH : NOTIONAL_HTV2).glider.aero));
  const law = new GlideLaw();
  const aim = new Aimpoint();
  const t = new Float64Array(3);
  earth.ecefFromGeodeticInto(35 * DEG, 62 * DEG, 0, t);
  aim.set(t);
  if (manoeuvre) {
    law.weaveAmplitudeRad = 20 * DEG;
    law.weaveStartS = 100;
    law.jinkBankRad = 30 * DEG;
    law.jinkStartS = 300;
    law.jinkEndS = 340;
  }
  const force = new GlideKernelForce(new GravityForce(earth), new GlideGuidance(earth, law, aim, lift));
  return { force, law, aim, lift, ctx: new FlightContext(earth), cmd: new GuidanceCommand() };
}

/** A state at geodetic (lat, lon, alt) with a local-frame velocity (east, north, up), m/s. */
function stateAt(
  latDeg: number,
  lonDeg: number,
  altM: number,
  eastMps: number,
  northMps: number,
  upMps: number,
  massKg: number,
): Float64Array {
  const y = new Float64Array(7);
  const p = new Float64Array(3);
  // Test points on WGS-84 whatever the model's shape: only their spread matters here.
  WGS84_MODEL.ecefFromGeodeticInto(latDeg * DEG, lonDeg * DEG, altM, p);
  y.set(p);
  const v = enuVectorToEcefInto(
    enuRotationInto(latDeg * DEG, lonDeg * DEG, new Float64Array(9)),
    [eastMps, northMps, upMps],
    new Float64Array(3),
  );
  y.set(v, 3);
  y[6] = massKg;
  return y;
}

function bothPaths(g: Glide, tS: number, y: Float64Array): { kernel: boolean; same: boolean } {
  const k = g.force.kernel;
  if (k === null) throw new Error("no kernel for an EarthModel");
  const viaKernel = new Float64Array(7).fill(NaN);
  const generic = new Float64Array(7).fill(NaN);
  const served = k.evaluate(g.force.glide, tS, y, viaKernel);
  g.force.genericInto(g.ctx, g.cmd, tS, y, generic);
  if (!served) return { kernel: false, same: viaKernel.every(Number.isNaN) };
  let same = true;
  for (let i = 0; i < 7; i++) if (!Object.is(viaKernel[i], generic[i])) same = false;
  return { kernel: true, same };
}

describe("glide kernel equals the generic right-hand side", () => {
  it("bit for bit over random glide states, every environment switch, both tables, with and without manoeuvres", () => {
    const cases = ENVIRONMENTS.flatMap((env) =>
      [false, true].flatMap((cavh) => [false, true].map((man) => ({ env, cavh, man }))),
    );
    expect(cases).toHaveLength(64);
    for (const c of cases) {
      const glide = glideFor(c.env, c.cavh, c.man);
      fc.assert(
        fc.property(
          fc.double({ min: -80, max: 80, noNaN: true }),
          fc.double({ min: -180, max: 180, noNaN: true }),
          fc.double({ min: -5_000, max: 85_000, noNaN: true }),
          fc.double({ min: -7000, max: 7000, noNaN: true }),
          fc.double({ min: -7000, max: 7000, noNaN: true }),
          fc.double({ min: -800, max: 800, noNaN: true }),
          fc.double({ min: 0, max: 1500, noNaN: true }),
          (lat, lon, alt, ve, vn, vu, tS) => {
            if (Math.hypot(ve, vn, vu) < 50) return;
            const y = stateAt(lat, lon, alt, ve, vn, vu, 1000);
            const r = bothPaths(glide, tS, y);
            expect(r.same).toBe(true);
          },
        ),
        { numRuns: 60 },
      );
    }
  });

  it("bit for bit in energy management too: near the aimpoint, with the bank on either side", () => {
    let energyStates = 0;
    for (const sign of [1, -1]) {
      const glide = glideFor(DEFAULT_ENV, false, sign < 0);
      glide.law.reversalSign = sign;
      fc.assert(
        fc.property(
          fc.double({ min: 30, max: 40, noNaN: true }),
          fc.double({ min: 50, max: 60, noNaN: true }),
          fc.double({ min: 25_000, max: 60_000, noNaN: true }),
          fc.double({ min: -6000, max: 6000, noNaN: true }),
          fc.double({ min: -6000, max: 6000, noNaN: true }),
          fc.double({ min: -300, max: 300, noNaN: true }),
          (lat, lon, alt, ve, vn, vu) => {
            if (Math.hypot(ve, vn) < 2500) return;
            const y = stateAt(lat, lon, alt, ve, vn, vu, 1000);
            expect(bothPaths(glide, 100, y).same).toBe(true);
            // The composed path ran last: its law's figures say whether energy management was on.
            if (glide.force.glide.energyBankCos < glide.force.glide.headingBankCos) energyStates++;
          },
        ),
        { numRuns: 300 },
      );
    }
    expect(energyStates).toBeGreaterThan(50);
  });

  it("serves the glide of a real flight and matches it there", () => {
    const launch = { latRad: 30 * DEG, lonRad: 40 * DEG, altM: 0, timeS: 0 };
    const threat: ThreatDefinition = {
      vehicle: "notional-htv2",
      launch,
      target: pointAt(launch.latRad, launch.lonRad, 60 * DEG, 3_000_000),
    };
    const earth = makeEarthModel();
    const flight = flyThreat(threat, earth);
    const glide = glideFor(DEFAULT_ENV, false, false);
    const t = new Float64Array(3);
    const target = pointAt(launch.latRad, launch.lonRad, 60 * DEG, 3_000_000);
    earth.ecefFromGeodeticInto(target.latRad, target.lonRad, 0, t);
    glide.aim.set(t);
    const s = flight.samples;
    let glideStates = 0;
    for (let i = 0; i < s.count; i++) {
      if (s.phase[i] !== 4) continue;
      const y = new Float64Array(7);
      y.set(s.posEcefM.subarray(3 * i, 3 * i + 3), 0);
      y.set(s.velEcefMps.subarray(3 * i, 3 * i + 3), 3);
      y[6] = s.massKg[i];
      const r = bothPaths(glide, s.timeS[i], y);
      expect(r.kernel).toBe(true);
      expect(r.same).toBe(true);
      glideStates++;
    }
    expect(glideStates).toBeGreaterThan(300);
  });

  it("declines outside its domain and writes nothing: above 86 km, below -6 km, at rest", () => {
    const glide = glideFor(DEFAULT_ENV, false, false);
    expect(bothPaths(glide, 0, stateAt(10, 20, 90_000, 3000, 0, 0, 1000))).toEqual({
      kernel: false,
      same: true,
    });
    expect(bothPaths(glide, 0, stateAt(10, 20, -7_000, 3000, 0, 0, 1000))).toEqual({
      kernel: false,
      same: true,
    });
    expect(bothPaths(glide, 0, stateAt(10, 20, 40_000, 0, 0, 0, 1000))).toEqual({
      kernel: false,
      same: true,
    });
  });

  it("the force takes the kernel in glide and the composed path with the kernel switched off, with the same result", () => {
    const glide = glideFor(DEFAULT_ENV, true, true);
    const y = stateAt(33, 50, 35_000, 4000, 1500, -20, 900);
    const a = new Float64Array(7);
    const b = new Float64Array(7);
    glide.force.derivativesInto(glide.ctx, glide.cmd, 200, y, a);
    glide.force.kernel = null;
    glide.force.derivativesInto(glide.ctx, glide.cmd, 200, y, b);
    expect(Array.from(a)).toEqual(Array.from(b));
  });
});
