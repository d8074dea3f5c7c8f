/**
 * Notional hypersonic cruise missile (notional-hcm): Mach 6 at 25 km, inside the Mach 5-8 / 20-30 km
 * envelope of the category (CRS R45811, "Hypersonic Weapons: Background and Issues for Congress") [S];
 * the X-51A flew Mach 5.1 near 18 km for about 240 s on its scramjet (USAF/AFRL, 2013) [S].
 * - Scramjet specific impulse 1,200 s (fuel-based Isp of hydrocarbon scramjets near Mach 6 is roughly
 *   1,000-1,500 s: Heiser & Pratt, "Hypersonic Airbreathing Propulsion", AIAA 1994, fig. 1.x) [notional].
 * - Cruiser 1,350 kg dry + 150 kg fuel; waverider-like polar C_L = 2.3 alpha, C_D = 0.03 + 0.5 C_L^2 on 1 m^2
 *   (max L/D 4.1, notional): at Mach 6 and 25 km it needs C_L about 0.22, L/D about 4, drag about 3.4 kN, so
 *   150 kg of fuel lasts about 500 s, about 900 km of cruise (Breguet R = V Isp (L/D) ln(m0/m1)).
 * - Booster: notional single solid stage, 2,900 kg of propellant at Isp 265 s: ideal dv 2.5 km/s with the
 *   1.5 t cruiser, about Mach 6 at cruise altitude after losses.
 */
import { polarTable } from "../aero/models.js";
import type { CruiseVehicleDefinition } from "../definitions.js";
import { DEG, stackDrag } from "./common.js";

export const NOTIONAL_HCM: CruiseVehicleDefinition = {
  kind: "cruise",
  name: "notional-hcm",
  source: "notional Mach 5-8 cruise missile per CRS R45811 envelope",
  cruiser: {
    dryMassKg: 1350,
    fuelMassKg: 150,
    ispS: 1200,
    maxThrustN: 12_000,
    aero: polarTable(
      [3, 10],
      [0, 2, 4, 6, 8, 10, 12].map((a) => a * DEG),
      [
        { clAlphaPerRad: 2.3, cd0: 0.03, k: 0.5 },
        { clAlphaPerRad: 2.3, cd0: 0.03, k: 0.5 },
      ],
      1.0,
      "notional waverider-like polar, max L/D 4.1",
    ),
    noseRadiusM: 0.02,
    emissivity: 0.85,
    source: "notional",
  },
  booster: {
    stages: [
      {
        name: "booster",
        propellantMassKg: 2900,
        dryMassKg: 350,
        ispVacS: 265,
        burnTimeS: 30,
        nozzleExitAreaM2: 0.15,
        source: "notional",
      },
    ],
    aero: stackDrag(0.7),
    pitchProgram: { verticalRiseS: 3, kickDurationS: 8, kickPitchRad: 50 * DEG, finalPitchRad: 0 },
    source: "notional",
  },
  cruise: {
    altitudeM: 25_000,
    mach: 6,
    altitudeHoldOmegaRadS: 0.05,
    altitudeHoldDamping: 0.8,
    speedGain: 0.05,
  },
  guidance: { diveRangeM: 80_000, bankMaxRad: 30 * DEG, headingGain: 2, navigationConstant: 4 },
};
