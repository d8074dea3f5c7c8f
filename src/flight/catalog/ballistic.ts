/**
 * Notional ballistic missiles, one per range band (catalog/common.ts), and a stand-alone re-entry vehicle.
 *
 * The stacks are NOT copies of any real missile: stage masses are sized by the Tsiolkovsky equation so the
 * ideal velocity increment covers the band's top range with room for gravity and drag losses:
 *   minimum-energy burnout speed v^2 = (mu/R) 2 sin(psi/2)/(1 + sin(psi/2)) (Bate, Mueller & White
 *   eq. 6.2-20): 2.4 km/s for 600 km, 4.9 km/s for 3,000 km, 6.1 km/s for 5,500 km; losses of a
 *   60-140 s solid boost are several hundred m/s (gravity) plus drag.
 * Solid-motor specific impulse 265-290 s vacuum and structural fractions of 10-15 % are typical of
 * solid motors (Sutton & Biblarz, "Rocket Propulsion Elements", 9th ed., tables 12-3 and 2-1 / ch. 12).
 * Re-entry-vehicle ballistic coefficients span 5,000-50,000 kg/m^2 in the open literature (e.g. Regan &
 * Anandakrishnan 1993 ch. 4; Wright, Science & Global Security studies of RV re-entry).
 */
import type { BallisticVehicleDefinition } from "../definitions.js";
import { DEG, stackDrag } from "./common.js";

const NOTIONAL = "notional: sized by Tsiolkovsky to the range band (catalog/ballistic.ts header)";

/** Short range, single-stage solid, 300-600 km class. */
export const NOTIONAL_SRBM: BallisticVehicleDefinition = {
  kind: "ballistic",
  name: "notional-srbm",
  source: NOTIONAL,
  booster: {
    stages: [
      {
        name: "stage 1",
        propellantMassKg: 2900,
        dryMassKg: 420,
        ispVacS: 265,
        burnTimeS: 60,
        nozzleExitAreaM2: 0.12,
        source: "notional; ideal dv 3.3 km/s with the 700 kg RV",
      },
    ],
    aero: stackDrag(0.88),
    pitchProgram: { verticalRiseS: 4, kickDurationS: 8, kickPitchRad: 80 * DEG, finalPitchRad: 40 * DEG },
    source: NOTIONAL,
  },
  reentryVehicle: {
    massKg: 700,
    aero: {
      kind: "ballistic-coefficient",
      betaKgM2: 10_000,
      source: "notional, within the public 5,000-50,000 kg/m^2 span",
    },
    noseRadiusM: 0.1,
    source: "notional",
  },
};

/** Medium range, two-stage solid with a 3 s coast, 1,000-3,000 km class. */
export const NOTIONAL_MRBM: BallisticVehicleDefinition = {
  kind: "ballistic",
  name: "notional-mrbm",
  source: NOTIONAL,
  booster: {
    stages: [
      {
        name: "stage 1",
        propellantMassKg: 6000,
        dryMassKg: 600,
        ispVacS: 270,
        burnTimeS: 60,
        nozzleExitAreaM2: 0.3,
        coastAfterS: 3,
        source: "notional; ideal dv 2.85 km/s",
      },
      {
        name: "stage 2",
        propellantMassKg: 1700,
        dryMassKg: 200,
        ispVacS: 285,
        burnTimeS: 55,
        source: "notional; ideal dv 3.2 km/s with the 600 kg RV",
      },
    ],
    aero: stackDrag(1.4),
    pitchProgram: { verticalRiseS: 6, kickDurationS: 10, kickPitchRad: 80 * DEG, finalPitchRad: 35 * DEG },
    source: NOTIONAL,
  },
  reentryVehicle: {
    massKg: 600,
    aero: {
      kind: "ballistic-coefficient",
      betaKgM2: 25_000,
      source: "notional, within the public 5,000-50,000 kg/m^2 span",
    },
    noseRadiusM: 0.05,
    source: "notional",
  },
};

/** Intermediate range, two-stage solid, 3,000-5,500 km class. */
export const NOTIONAL_IRBM: BallisticVehicleDefinition = {
  kind: "ballistic",
  name: "notional-irbm",
  source: NOTIONAL,
  booster: {
    stages: [
      {
        name: "stage 1",
        propellantMassKg: 14_100,
        dryMassKg: 1410,
        ispVacS: 275,
        burnTimeS: 70,
        nozzleExitAreaM2: 0.6,
        source: "notional; ideal dv 3.4 km/s",
      },
      {
        name: "stage 2",
        propellantMassKg: 3100,
        dryMassKg: 370,
        ispVacS: 290,
        burnTimeS: 65,
        source: "notional; ideal dv 3.7 km/s with the 800 kg RV (7.0 km/s in all)",
      },
    ],
    aero: stackDrag(1.4),
    pitchProgram: { verticalRiseS: 6, kickDurationS: 10, kickPitchRad: 80 * DEG, finalPitchRad: 30 * DEG },
    source: NOTIONAL,
  },
  reentryVehicle: {
    massKg: 800,
    aero: {
      kind: "ballistic-coefficient",
      betaKgM2: 40_000,
      source: "notional, within the public 5,000-50,000 kg/m^2 span",
    },
    noseRadiusM: 0.04,
    source: "notional",
  },
};

/** A re-entry vehicle alone, for `burnout:` starts (state given at burnout). */
export const NOTIONAL_RV: BallisticVehicleDefinition = {
  kind: "ballistic",
  name: "notional-rv",
  source: "notional re-entry vehicle",
  reentryVehicle: {
    massKg: 500,
    aero: {
      kind: "ballistic-coefficient",
      betaKgM2: 20_000,
      source: "notional, within the public 5,000-50,000 kg/m^2 span",
    },
    noseRadiusM: 0.05,
    source: "notional",
  },
};
