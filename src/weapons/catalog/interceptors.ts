/**
 * Notional interceptor missiles. Labels as in ./railguns.ts ([S] secondary public source, [U] commonly
 * quoted and unconfirmed, [N] our own choice). The stacks are NOT copies of real missiles: public
 * dimensions and quoted speeds are used, and stage masses are sized by the Tsiolkovsky equation so the
 * burnout speed lands near the quoted one after gravity and drag losses (src/flight/propulsion.ts
 * `idealDeltaVMps`; the flown burnout speeds are checked in tests/weapons/catalog.test.ts).
 * Solid-motor vacuum specific impulses 245-290 s (Sutton & Biblarz, "Rocket Propulsion Elements",
 * 9th ed., ch. 12) [N].
 *
 * Lateral limits: min(structural, q C_N S / m + F_divert / m) (definitions.ts). Missile normal-force
 * coefficients of 10-20 on the body cross-section at high angle of attack (Fleeman, "Tactical Missile
 * Design", 2nd ed., 2006, ch. 2) [N].
 * Seekers: notional; the radar seeker's reference point and the infrared NEIs are chosen to give
 * acquisition ranges of the orders quoted for such missiles (a few tens of km for an active radar
 * seeker, hundreds of km for an exo-atmospheric LWIR seeker) [U].
 */
import { stackDrag } from "../../flight/catalog/common.js";
import type { InterceptorDefinition } from "../definitions.js";

const DEG = Math.PI / 180;
const G = 9.80665;

/** Kill-vehicle drag: a blunt body, ballistic coefficient notional [N]. */
const KV_AERO = { kind: "ballistic-coefficient", betaKgM2: 2000, source: "[N] blunt kill vehicle" } as const;

/**
 * Terminal, endo-atmospheric (SM-6-class in spirit).
 * - Dimensions: about 6.6 m, 0.34 m body with a 0.53 m booster, about 1,500 kg [S] (US Navy fact file,
 *   Standard Missile; CSIS Missile Defense Project, SM-6). Speed about Mach 3.5 [U]; range 240 km or
 *   more [U]; sea-based terminal defence against ballistic missiles in their last seconds [S] (MDA).
 * - Two motors (a booster, then the missile's dual-thrust motor as one burn) [S for the arrangement,
 *   N for the masses]; the missile body flies on after burnout (no kill vehicle).
 * - Active radar seeker (AMRAAM-derived [S]): 1 m^2 at 25 km at 13 dB [N], so about 12 km against a
 *   0.05 m^2 re-entry vehicle; field of regard 35 deg [N].
 * - Blast-fragmentation warhead: lethal radius 8 m, reliability 0.9 [N].
 * - Lateral limit 40 g structural, C_N S = 15 x 0.091 m^2 [N]: the air, not the airframe, limits it
 *   above about 25 km, which makes it an endo-atmospheric interceptor.
 */
export const NOTIONAL_SM6_CLASS: InterceptorDefinition = {
  kind: "interceptor",
  name: "notional-sm6-class",
  description: "Notional terminal endo-atmospheric interceptor (SM-6-class in spirit), blast-fragmentation",
  stages: [
    { name: "booster", propellantMassKg: 460, dryMassKg: 250, ispVacS: 245, burnTimeS: 6, source: "[N]" },
    {
      name: "dual-thrust motor",
      propellantMassKg: 330,
      dryMassKg: 0,
      ispVacS: 250,
      burnTimeS: 20,
      source: "[N]",
    },
  ],
  aero: stackDrag(0.34),
  lateralLimit: { structuralMps2: 40 * G, normalForceAreaM2: 15 * 0.0908, divertThrustN: 0 },
  payload: {
    separates: false,
    massKg: 460,
    aero: stackDrag(0.34),
    lateralLimit: { structuralMps2: 40 * G, normalForceAreaM2: 15 * 0.0908, divertThrustN: 0 },
  },
  guidance: {
    verticalRiseS: 2,
    thrustVectorMaxRad: 15 * DEG,
    midcourseUpdateIntervalS: 1,
    navigationRatio: 4,
    augmented: true,
    timeConstantS: 0.2,
  },
  seeker: {
    kind: "radar",
    reference: { referenceRangeM: 25_000, referenceRcsM2: 1, referenceSnrDb: 13 },
    thresholdSnrDb: 13,
    fieldOfRegardHalfAngleRad: 35 * DEG,
    angleNoiseAtThresholdRad: 10e-3,
    angleNoiseFloorRad: 0.5e-3,
    frameRateHz: 100,
    source: "[S] active radar seeker (AMRAAM-derived); [N] figures",
  },
  lethality: { kind: "blast-fragmentation", lethalRadiusM: 8, reliability: 0.9 },
  envelope: {
    minInterceptAltitudeM: 500,
    maxInterceptAltitudeM: 34_000,
    minRangeM: 2_000,
    maxRangeM: 240_000,
    maxTimeOfFlightS: 240,
    minArrivalSpeedMps: 500,
  },
  magazineRounds: 8,
  launchIntervalS: 1,
  reactionTimeS: 3,
  sources: [
    "[S] US Navy fact file, Standard Missile; CSIS Missile Defense Project, SM-6: ~6.6 m, 0.34/0.53 m, ~1,500 kg",
    "[U] about Mach 3.5; 240 km or more",
    "[S] MDA: SM-6 sea-based terminal defence",
    "[U] Mk 41 VLS: about one launch a second",
    "[N] stage masses, seeker, warhead, lateral limit, envelope",
  ],
};

/**
 * Upper tier, exo-atmospheric (SM-3-class in spirit, Block IIA-like).
 * - 21 in (0.53 m) throughout, about 6.6 m [S] (MDA, CSIS); burnout about 4.5 km/s [U]
 *   (REFERENCES: SM-3 IA/IB about 3 km/s, IIA about 4.5 km/s); intercepts above the atmosphere [S].
 * - Three motors then a separating kinetic warhead of about 25 kg with divert and attitude thrusters
 *   [U] (LEAP ~23 kg); hit-to-kill [S].
 * - LWIR seeker (8-12 um): NEI 2e-11 W/m^2 at SNR 10 [N]: about 220 km against a 300 K re-entry body
 *   of 0.3 m^2; 10 deg field of regard [N].
 * - Divert: 1,500 N on the 25 kg vehicle (6 g), structural 15 g [N].
 * - Hit radius 0.5 m, kill given a hit 0.95 [N].
 */
export const NOTIONAL_SM3_CLASS: InterceptorDefinition = {
  kind: "interceptor",
  name: "notional-sm3-class",
  description: "Notional upper-tier exo-atmospheric interceptor (SM-3-class in spirit), hit-to-kill",
  stages: [
    { name: "booster", propellantMassKg: 470, dryMassKg: 230, ispVacS: 245, burnTimeS: 6, source: "[N]" },
    {
      name: "second stage",
      propellantMassKg: 500,
      dryMassKg: 150,
      ispVacS: 265,
      burnTimeS: 15,
      source: "[N]",
    },
    {
      name: "third stage",
      propellantMassKg: 80,
      dryMassKg: 40,
      ispVacS: 285,
      burnTimeS: 10,
      source: "[N]",
    },
  ],
  aero: stackDrag(0.53),
  lateralLimit: { structuralMps2: 20 * G, normalForceAreaM2: 1.0, divertThrustN: 0 },
  payload: {
    separates: true,
    massKg: 25,
    aero: KV_AERO,
    lateralLimit: { structuralMps2: 15 * G, normalForceAreaM2: 0, divertThrustN: 1500 },
  },
  guidance: {
    verticalRiseS: 3,
    thrustVectorMaxRad: 15 * DEG,
    midcourseUpdateIntervalS: 2,
    navigationRatio: 4,
    augmented: false,
    timeConstantS: 0.1,
  },
  seeker: {
    kind: "infrared",
    band: { lowerM: 8e-6, upperM: 12e-6 },
    neiWPerM2: 2e-11,
    thresholdSnr: 10,
    fieldOfRegardHalfAngleRad: 10 * DEG,
    angleNoiseAtThresholdRad: 50e-6,
    angleNoiseFloorRad: 10e-6,
    frameRateHz: 100,
    source: "[S] LWIR seeker; [N] figures",
  },
  lethality: { kind: "hit-to-kill", hitRadiusM: 0.5, killGivenHit: 0.95 },
  envelope: {
    minInterceptAltitudeM: 70_000,
    maxInterceptAltitudeM: 1_000_000,
    minRangeM: 20_000,
    maxRangeM: 2_000_000,
    maxTimeOfFlightS: 900,
    minArrivalSpeedMps: 1000,
  },
  magazineRounds: 8,
  launchIntervalS: 1,
  reactionTimeS: 3,
  sources: [
    "[S] MDA and CSIS Missile Defense Project, SM-3: 21 in Block IIA, ~6.6 m, exo-atmospheric hit-to-kill",
    "[U] burnout about 4.5 km/s (IIA); kinetic warhead about 23-25 kg with divert thrusters",
    "[U] Mk 41 VLS: about one launch a second",
    "[N] stage masses, seeker, divert thrust, envelope",
  ],
};

/**
 * Glide-phase interceptor (GPI, in spirit): meets a boost-glide vehicle in its glide, 30-80 km up,
 * where the air is too thin for a terminal interceptor's fins and too thick to ignore.
 * - Northrop Grumman selected in September 2024; co-developed with Japan, which builds the rocket
 *   motors [S] (MDA and Japanese MoD announcements, 2024). Mk 41 VLS-compatible (21 in) [S]. All
 *   performance figures are notional [N].
 * - Two motors, then a 40 kg kill vehicle with divert thrusters (2,000 N) and small aerodynamic
 *   control (C_N S = 0.1 m^2): lateral limit about 5 g at altitude, 15 g structural [N].
 * - MWIR seeker (3-5 um, gliders are hot): NEI 1e-8 W/m^2 at SNR 10 [N]; 20 deg [N].
 * - Hit-to-kill, hit radius 0.7 m (a glider is larger than an RV), 0.95 [N].
 */
export const NOTIONAL_GPI: InterceptorDefinition = {
  kind: "interceptor",
  name: "notional-gpi",
  description: "Notional glide-phase interceptor: hit-to-kill in the glide band (30-80 km)",
  stages: [
    { name: "booster", propellantMassKg: 600, dryMassKg: 200, ispVacS: 255, burnTimeS: 10, source: "[N]" },
    {
      name: "second stage",
      propellantMassKg: 200,
      dryMassKg: 80,
      ispVacS: 280,
      burnTimeS: 12,
      coastAfterS: 0,
      source: "[N]",
    },
  ],
  aero: stackDrag(0.53),
  lateralLimit: { structuralMps2: 25 * G, normalForceAreaM2: 1.5, divertThrustN: 0 },
  payload: {
    separates: true,
    massKg: 40,
    aero: KV_AERO,
    lateralLimit: { structuralMps2: 15 * G, normalForceAreaM2: 0.1, divertThrustN: 2000 },
  },
  guidance: {
    verticalRiseS: 3,
    thrustVectorMaxRad: 15 * DEG,
    midcourseUpdateIntervalS: 1,
    navigationRatio: 4,
    augmented: true,
    timeConstantS: 0.1,
  },
  seeker: {
    kind: "infrared",
    band: { lowerM: 3e-6, upperM: 5e-6 },
    neiWPerM2: 1e-8,
    thresholdSnr: 10,
    fieldOfRegardHalfAngleRad: 20 * DEG,
    angleNoiseAtThresholdRad: 100e-6,
    angleNoiseFloorRad: 20e-6,
    frameRateHz: 100,
    source: "[N]",
  },
  lethality: { kind: "hit-to-kill", hitRadiusM: 0.7, killGivenHit: 0.95 },
  envelope: {
    minInterceptAltitudeM: 30_000,
    maxInterceptAltitudeM: 80_000,
    minRangeM: 10_000,
    maxRangeM: 800_000,
    maxTimeOfFlightS: 500,
    minArrivalSpeedMps: 1000,
  },
  magazineRounds: 8,
  launchIntervalS: 1,
  reactionTimeS: 3,
  sources: [
    "[S] MDA: Northrop Grumman selected for the Glide Phase Interceptor, Sept 2024; US-Japan co-development, Japan building the rocket motors (2024)",
    "[S] Mk 41 VLS-compatible",
    "[N] every performance figure",
  ],
};
