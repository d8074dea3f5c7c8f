/**
 * Staging bookkeeping and the rocket equation: a vertical burn with no gravity, no atmosphere and no
 * rotation reaches exactly the Tsiolkovsky velocity increment sum Isp g0 ln(m0/m1) (Sutton & Biblarz,
 * "Rocket Propulsion Elements", eq. 4-7), with the stage masses dropped at the scheduled times.
 */
import { describe, expect, it } from "vitest";
import { makeEarthModel } from "../../src/earth/model.js";
import {
  NOTIONAL_MRBM,
  burnSchedule,
  flyThreat,
  idealDeltaVMps,
  stackMassKg,
  stageThrustVacN,
  G0_MPS2,
  type BallisticVehicleDefinition,
  type FlightEarthModel,
} from "../../src/flight/index.js";
import { recordValidation, sig } from "../validation.js";

const base = makeEarthModel({ earth: "sphere", rotation: false, gravity: "point", atmosphere: "none" });
/** The same model without gravity (the flight layer reads only these members). */
const noGravity: FlightEarthModel = {
  aM: base.aM,
  e2: base.e2,
  omegaRadS: 0,
  gmM3S2: base.gmM3S2,
  gravityInto: (_p, out) => {
    out[0] = 0;
    out[1] = 0;
    out[2] = 0;
    return out;
  },
  geodeticInto: (p, out) => base.geodeticInto(p, out),
  ecefFromGeodeticInto: (a, b, c, out) => base.ecefFromGeodeticInto(a, b, c, out),
  altitudeM: (p) => base.altitudeM(p),
  atmosphereInto: (h, out) => base.atmosphereInto(h, out),
  airInto: (p, out) => base.airInto(p, out),
};

const booster = NOTIONAL_MRBM.booster as NonNullable<BallisticVehicleDefinition["booster"]>;
const vertical: BallisticVehicleDefinition = {
  ...NOTIONAL_MRBM,
  booster: { ...booster, pitchProgram: { ...booster.pitchProgram, verticalRiseS: 1e6 } },
};

describe("propulsion", () => {
  it("thrust = mdot Isp g0 and the burn consumes exactly the propellant", () => {
    for (const s of booster.stages) {
      expect(stageThrustVacN(s)).toBeCloseTo((s.propellantMassKg / s.burnTimeS) * s.ispVacS * G0_MPS2, 6);
    }
  });

  it("vertical burn in vacuum without gravity reaches the Tsiolkovsky velocity; staging times and masses", () => {
    const res = flyThreat(
      {
        vehicle: vertical,
        launch: { latRad: 0.3, lonRad: 0.2, altM: 0, timeS: 10 },
        target: { latRad: 0.3, lonRad: 0.25, altM: 0 },
      },
      noGravity,
      {
        steering: {
          azimuthRad: 0,
          finalPitchRad: Math.PI / 2,
          cutoffAfterLaunchS: Infinity,
          cutoffSpeedMps: Infinity,
        },
        rtol: 1e-12,
        atol: 1e-8,
        maxFlightTimeS: 400,
      },
    );
    const sched = burnSchedule(booster.stages);
    const types = res.events.map((e) => e.type);
    expect(types.slice(0, 4)).toEqual(["launch", "staging", "ignition", "burnout"]);
    const [launch, staging, ignition, burnout] = res.events;
    const m0 = stackMassKg(booster.stages, vertical.reentryVehicle.massKg);
    expect(launch.state[6]).toBe(m0);
    expect(staging.timeS).toBeCloseTo(10 + sched[0].endS, 9);
    expect(staging.state[6]).toBeCloseTo(
      m0 - booster.stages[0].propellantMassKg - booster.stages[0].dryMassKg,
      6,
    );
    expect(ignition.timeS).toBeCloseTo(10 + sched[1].startS, 9);
    expect(burnout.timeS).toBeCloseTo(10 + sched[1].endS, 9);
    // After burnout only the re-entry vehicle remains.
    expect(burnout.state[6]).toBe(vertical.reentryVehicle.massKg);
    const v = Math.hypot(burnout.state[3], burnout.state[4], burnout.state[5]);
    const dv = idealDeltaVMps(booster.stages, vertical.reentryVehicle.massKg);
    recordValidation({
      area: "flight",
      model: "Staging and burn (notional-mrbm, two stages)",
      reference:
        "Tsiolkovsky: delta-v = sum Isp g0 ln(m0/m1) (Sutton & Biblarz, Rocket Propulsion Elements, eq. 4-7); vertical burn, no gravity, no atmosphere",
      figure:
        `burnout speed ${sig(v, 6)} m/s, ${sig(Math.abs(v / dv - 1), 2)} relative from the ideal delta-v; ` +
        `staging and burnout ${sig(Math.max(Math.abs(staging.timeS - 10 - sched[0].endS), Math.abs(burnout.timeS - 10 - sched[1].endS)), 2)} s from the schedule`,
      tolerance: "< 1e-9 relative; times to 5e-10 s, masses exact",
    });
    expect(Math.abs(v / idealDeltaVMps(booster.stages, vertical.reentryVehicle.massKg) - 1)).toBeLessThan(
      1e-9,
    );
  });

  it("mass never increases along a boosted flight (property over the samples)", () => {
    const res = flyThreat(
      {
        vehicle: "notional-irbm",
        launch: { latRad: 0.5, lonRad: 0.5, altM: 0, timeS: 0 },
        target: { latRad: 0.8, lonRad: 0.9, altM: 0 },
      },
      makeEarthModel({ earth: "wgs84", rotation: true, gravity: "j2", atmosphere: "ussa1976" }),
      { sampleIntervalS: 0.5 },
    );
    const m = res.samples.massKg;
    for (let i = 1; i < res.samples.count; i++) expect(m[i]).toBeLessThanOrEqual(m[i - 1]);
  });
});
