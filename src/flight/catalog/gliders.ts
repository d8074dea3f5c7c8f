/**
 * Notional hypersonic boost-glide vehicles.
 *
 * HTV-2-like (notional-htv2; `notional-hgv` is the same vehicle under the docs/design.md public name):
 * - mass about 1,000 kg (Wright 2015, as used by Tracy & Wright 2020) [S];
 * - L/D = 2.6 and beta = m / (C_D A) = 13,000 kg/m^2 (Tracy & Wright, "Modeling the Performance of
 *   Hypersonic Boost-Glide Missiles", Science & Global Security 28(3), 2020, from Acton's fit to HTV-2 flight
 *   data) [S]; entry near 100 km at about 6 km/s and -5 deg, glide from about 47 km (Acton, Science &
 *   Global Security 23, 2015) [S];
 * - our table: a parabolic polar C_L = 2.29 alpha (C_L = 0.4 at 10 deg), C_D = 0.0769 + 0.481 C_L^2 on a notional reference area
 *   of 0.5 m^2, chosen so that max L/D = 1/(2 sqrt(C_D0 k)) = 2.6 at alpha = 10 deg, and at that point
 *   C_D A = 2 C_D0 A = 0.0769 m^2 = 1,000 kg / 13,000 kg/m^2 (the Tracy & Wright beta). Mach-independent,
 *   as in their constant-L/D model.
 * CAV-H-like (notional-cav-h): 907 kg, reference area 0.4839 m^2 (the Common Aero Vehicle-Hypersonic
 *   academic model, T. H. Phillips, "A Common Aero Vehicle (CAV) Model, Description, and Employment Guide",
 *   Schafer Corp. 2003, as reproduced in many open entry-guidance papers; primary not checked) [S]; C_L and
 *   C_D over Mach 3.5-23 and alpha 10-20 deg in the form C_L = C_L0(M) + C_La(M) alpha, C_D = C_D0(M) +
 *   K(M) C_L^2, values rounded from a public polynomial fit of that model; extended to alpha 0 and 5 deg by
 *   the same form. Max L/D is 3.3 near Mach 10 (the often-quoted "about 3.5" is not reached by the fits we
 *   could find). Notional.
 * Nose radius 5 cm (notional): with Sutton-Graves and eps = 0.85 it gives 3,250 K at 6 km/s and 50 km,
 *   matching Tracy & Wright's "about 3,200 K" (tests/flight/heating.test.ts).
 * Booster (both): notional two-stage solid, 25 t + 7 t of propellant, Isp 275/295 s vacuum (typical solid
 *   motors, Sutton & Biblarz ch. 12): ideal dv 7.7 km/s with a 1 t glider, about 6.5 km/s at burnout after
 *   losses, enough for glides of 6,000+ km; shorter flights cut the thrust off at the planned speed
 *   (gliderBoost.ts; a notional thrust termination).
 * Guidance settings are notional (chosen and checked by the tests in tests/flight/hgv.test.ts).
 * Pull-up limits (notional: no public value for these gliders): load factor 3 g0 and dynamic pressure
 *   80 kPa. For scale, the Space Shuttle orbiter's entry was flown within a 2.5 g normal-load limit
 *   (Harpold & Graves, "Shuttle Entry Guidance", AAS 78-147, 1978); the equilibrium glide of these
 *   gliders runs at 20-50 kPa (q = m (g - V^2/r) / (S C_L)), and the unlimited 20 deg pull-up of a 5 deg
 *   boost reached 7.8 g and 136-184 kPa, 10-16 km below the glide. The planner flattens the boost (a lower
 *   final pitch) until the pull-up bottoms out below 80 kPa; the law caps the lift at 3 g.
 */
/** Pull-up load-factor limit of the notional gliders, g0 (notional, see the header). */
export const GLIDER_MAX_LOAD_FACTOR = 3;
/** Pull-up dynamic-pressure limit of the notional gliders, Pa (notional, see the header). */
export const GLIDER_MAX_DYNAMIC_PRESSURE_PA = 80_000;
import { polarTable } from "../aero/models.js";
import type { BoosterDefinition, GliderVehicleDefinition, LiftDragAeroDefinition } from "../definitions.js";
import { DEG, stackDrag } from "./common.js";

const ALPHA_DEG = [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20];
/** HTV-2-like polar: 2 C_D0 S = m / beta at max L/D, so C_D0 = 1000 / 13000 / (2 * 0.5 m^2) = 0.0769. */
const HTV2_S_M2 = 0.5;
const HTV2_CD0 = 1000 / 13000 / (2 * HTV2_S_M2);
const HTV2_LD = 2.6;
const HTV2_ROW = {
  clAlphaPerRad: (2 * HTV2_CD0 * HTV2_LD) / (10 * DEG),
  cd0: HTV2_CD0,
  k: 1 / (4 * HTV2_CD0 * HTV2_LD * HTV2_LD),
};

/** HTV-2-like table (see header). */
export const HTV2_AERO: LiftDragAeroDefinition = polarTable(
  [3, 25],
  ALPHA_DEG.map((a) => a * DEG),
  [HTV2_ROW, HTV2_ROW],
  HTV2_S_M2,
  "notional polar with max L/D 2.6 and beta 13,000 kg/m^2 (Tracy & Wright 2020)",
);

/** CAV-H-like table: Mach x alpha (deg 0, 5, 10, 15, 20), row-major. */
const CAVH_MACH = [3.5, 5, 8, 10, 15, 20, 23];
const CAVH_CL = [
  [-0.153, 0.146, 0.445, 0.744, 1.043],
  [-0.154, 0.136, 0.425, 0.715, 1.005],
  [-0.152, 0.121, 0.393, 0.665, 0.937],
  [-0.143, 0.118, 0.38, 0.642, 0.903],
  [-0.113, 0.126, 0.365, 0.604, 0.843],
  [-0.085, 0.137, 0.359, 0.58, 0.802],
  [-0.083, 0.131, 0.345, 0.559, 0.774],
];
const CAVH_CD = [
  [0.145, 0.144, 0.198, 0.306, 0.47],
  [0.12, 0.119, 0.169, 0.271, 0.425],
  [0.091, 0.088, 0.13, 0.217, 0.349],
  [0.077, 0.075, 0.114, 0.194, 0.315],
  [0.072, 0.073, 0.112, 0.189, 0.304],
  [0.068, 0.072, 0.113, 0.19, 0.304],
  [0.068, 0.072, 0.111, 0.187, 0.298],
];
export const CAVH_AERO: LiftDragAeroDefinition = {
  kind: "lift-drag-table",
  refAreaM2: 0.4839,
  mach: CAVH_MACH,
  alphaRad: [0, 5, 10, 15, 20].map((a) => a * DEG),
  cl: CAVH_CL.flat(),
  cd: CAVH_CD.flat(),
  source: "CAV-H academic model (Phillips 2003), rounded public fit; notional",
};

/** Notional two-stage solid booster for the gliders (see header). */
export const GLIDER_BOOSTER: BoosterDefinition = {
  stages: [
    {
      name: "stage 1",
      propellantMassKg: 25_000,
      dryMassKg: 2500,
      ispVacS: 275,
      burnTimeS: 75,
      nozzleExitAreaM2: 0.8,
      source: "notional",
    },
    {
      name: "stage 2",
      propellantMassKg: 7000,
      dryMassKg: 800,
      ispVacS: 295,
      burnTimeS: 60,
      source: "notional",
    },
  ],
  aero: stackDrag(1.8),
  pitchProgram: { verticalRiseS: 6, kickDurationS: 12, kickPitchRad: 70 * DEG, finalPitchRad: 5 * DEG },
  source: "notional two-stage solid",
};

export const NOTIONAL_HTV2: GliderVehicleDefinition = {
  kind: "hgv",
  name: "notional-htv2",
  source: "HTV-2-like per Tracy & Wright 2020, Acton 2015, Wright 2015; notional",
  glider: {
    massKg: 1000,
    aero: HTV2_AERO,
    noseRadiusM: 0.05,
    emissivity: 0.85,
    source: "Wright 2015 (mass); notional nose radius",
  },
  booster: GLIDER_BOOSTER,
  guidance: {
    pullUpAlphaRad: 20 * DEG,
    pullUpDynamicPressurePa: 2000,
    glideEndSpeedMps: 1800,
    diveRangeM: 100_000,
    bankMaxRad: 45 * DEG,
    headingGain: 8,
    altitudeRateGain: 0.05,
    navigationConstant: 3,
    planningLiftToDrag: 2.35,
    maxLoadFactor: GLIDER_MAX_LOAD_FACTOR,
    maxDynamicPressurePa: GLIDER_MAX_DYNAMIC_PRESSURE_PA,
  },
};

export const NOTIONAL_HGV: GliderVehicleDefinition = { ...NOTIONAL_HTV2, name: "notional-hgv" };

export const NOTIONAL_CAVH: GliderVehicleDefinition = {
  kind: "hgv",
  name: "notional-cav-h",
  source: "CAV-H academic model (Phillips 2003 via open papers); notional",
  glider: {
    massKg: 907,
    aero: CAVH_AERO,
    noseRadiusM: 0.05,
    emissivity: 0.85,
    source: "CAV-H model (mass, S_ref)",
  },
  booster: GLIDER_BOOSTER,
  guidance: {
    pullUpAlphaRad: 20 * DEG,
    pullUpDynamicPressurePa: 2000,
    glideEndSpeedMps: 1800,
    diveRangeM: 100_000,
    bankMaxRad: 45 * DEG,
    headingGain: 8,
    altitudeRateGain: 0.05,
    navigationConstant: 3,
    planningLiftToDrag: 2.9,
    maxLoadFactor: GLIDER_MAX_LOAD_FACTOR,
    maxDynamicPressurePa: GLIDER_MAX_DYNAMIC_PRESSURE_PA,
  },
};
