/**
 * Notional electromagnetic railguns. Labels: [S] secondary public source (press, reports quoting
 * programme offices), [U] commonly quoted, unconfirmed, [N] our own choice, made plausible and
 * consistent with the [S] figures. Nothing here describes a real weapon's performance; every number is
 * a parameter a scenario can override.
 *
 * Drag of the flight bodies: no public C_D(Mach) exists for these projectiles [U]. The tables have the
 * shape of a fin- or flare-stabilised projectile's zero-yaw drag curve (a transonic rise to a peak near
 * Mach 1.1-1.2, then a slow fall at supersonic and hypersonic speed: McCoy, "Modern Exterior
 * Ballistics", 1999, ch. 2-3), with notional values [N].
 */
import type { RailgunDefinition } from "../definitions.js";

const DEG = Math.PI / 180;
const G = 9.80665;

const MACH = [0, 0.8, 1.0, 1.2, 1.5, 2, 3, 4, 6, 8];
/** A slender fin-stabilised dart, C_D on its body diameter [N]. */
const DART_CD = [0.15, 0.15, 0.35, 0.4, 0.35, 0.3, 0.22, 0.18, 0.15, 0.14];
/** A slender guided flight body with canards (HVP-like): a little more drag than a dart [N]. */
const GUIDED_CD = [0.17, 0.17, 0.38, 0.43, 0.38, 0.32, 0.24, 0.2, 0.17, 0.16];

/**
 * Japan-like railgun (ATLA's prototype, in spirit).
 * - Muzzle speed about 2,230 m/s (Mach 6.5), announced with the first shipboard firing from JS Asuka,
 *   October 2023 [S] (ATLA on X, 17 Oct 2023, as reported by the press).
 * - Projectile 320 g, bore 40 mm, barrel about 6 m, gun about 8 t [S] (press reports of the ATLA
 *   prototype): taken as the launch package, so (1/2) 0.32 kg (2,230 m/s)^2 = 0.80 MJ at the muzzle.
 *   The flight body is not public [U]: a 200 g sub-calibre dart of 20 mm diameter [N] (a full-bore
 *   320 g slug, 3 cm long, would lose half its speed in the first 1.5 km of sea-level air).
 * - Rails good for about 120 rounds [S].
 * - "5 MJ class": read as the stored energy per shot (the kinetic energy is 0.8 MJ), so a launcher
 *   efficiency of 0.16 [S, interpretation].
 * - Unguided, hit-to-kill: struck within 0.4 m of the target's centre (a notional vulnerable radius of
 *   the target), kill given a hit 0.7 [N].
 * - Rate 10 rounds a minute [N]; bank charged in 5 s, 0.8 MW sustained from the ship [N] (6.25 s a shot
 *   once the bank is drained: the power, not the loader, sets the sustained rate); 100 rounds [N].
 * - Mount: elevation -5 to 80 deg, 60 and 40 deg/s, settle 0.5 s [N] (naval gun mounts slew at tens of
 *   degrees a second). Dispersion 0.5 mrad per axis, 10 m/s in muzzle speed [N].
 */
export const NOTIONAL_RAILGUN: RailgunDefinition = {
  kind: "railgun",
  name: "notional-railgun",
  description: "Notional shipboard railgun, Japan-like: 40 mm, 320 g at 2,230 m/s, unguided",
  muzzleSpeedMps: 2230,
  launchPackageMassKg: 0.32,
  projectile: {
    flightBodyMassKg: 0.2,
    aero: {
      kind: "drag-table",
      refAreaM2: Math.PI * 0.01 * 0.01,
      mach: MACH,
      cd: DART_CD,
      source: "[N] 20 mm dart, C_D(M) shape per McCoy 1999",
    },
    guidance: null,
    lethality: { kind: "hit-to-kill", hitRadiusM: 0.4, killGivenHit: 0.7 },
    source: "[S] 320 g launch package (ATLA prototype, press); [N] 200 g dart, drag and lethality",
  },
  rateOfFirePerMin: 10,
  magazineRounds: 100,
  pulsedPower: { launcherEfficiency: 0.16, rechargeTimeS: 5, sustainedPowerW: 0.8e6, bankShots: 1 },
  barrelLifeRounds: 120,
  mount: {
    elevationMinRad: -5 * DEG,
    elevationMaxRad: 80 * DEG,
    azimuthSlewRateRadS: 60 * DEG,
    elevationSlewRateRadS: 40 * DEG,
    settleTimeS: 0.5,
  },
  dispersion: { aimSigmaRad: 0.5e-3, muzzleSpeedSigmaMps: 10 },
  reactionTimeS: 2,
  envelope: {
    minInterceptAltitudeM: 100,
    maxInterceptAltitudeM: 20_000,
    minRangeM: 500,
    maxRangeM: 60_000,
    maxTimeOfFlightS: 90,
    minArrivalSpeedMps: 400,
  },
  sources: [
    "[S] ATLA first shipboard railgun firing, JS Asuka, Oct 2023: about 2,230 m/s (Mach 6.5); rails about 120 rounds",
    "[S] press on the ATLA prototype: 40 mm bore, 320 g projectile, about 6 m barrel, about 8 t",
    "[S, interpretation] '5 MJ class' as stored energy per shot: launcher efficiency 0.8 MJ / 5 MJ = 0.16",
    "[N] rate of fire, power plant, mount, dispersion, drag, lethality, magazine",
  ],
};

/**
 * A 32 MJ railgun with a guided hypervelocity projectile (the US Navy's programme goals, in spirit;
 * the programme ended in 2021).
 * - 32 MJ muzzle energy at about 2.5 km/s and 10 rounds a minute were the Navy's goals; 100-110 nmi
 *   range [S] (O'Rourke, "Navy Lasers, Railgun, and Gun-Launched Guided Projectile: Background and
 *   Issues for Congress", CRS R44175; Navy releases 2014). Launch package 32 MJ / (1/2 (2.5 km/s)^2) =
 *   10.24 kg [derived].
 * - Flight body: a 7 lb (3.2 kg) projectile at up to 2.4 km/s in the Navy's 2014 release [S]; we take
 *   a 5 kg guided body of 60 mm diameter [N] (between that figure and the larger gun-launched HVP).
 * - Guidance: command guidance from the ship's fire-control track, uplinked at 10 Hz with 0.1 s of
 *   latency [N]; canard control, lateral limit 30 g structural, C_N S = 0.01 m^2 [N]; N' = 4, 0.15 s
 *   response [N].
 * - Payload: fragmenting, lethal radius 3 m, reliability 0.9 [N].
 * - Power: launcher efficiency 0.25 [N] (128 MJ stored a shot); some 25 MW quoted for 10 rounds a
 *   minute [U]; bank charged in 5 s [N]. Barrel life: a goal of about 1,000 rounds is often quoted
 *   [U]; we take 400 [N]. 200 rounds [N].
 */
export const NOTIONAL_32MJ_RAILGUN: RailgunDefinition = {
  kind: "railgun",
  name: "notional-32mj-railgun",
  description: "Notional 32 MJ railgun firing a guided hypervelocity projectile at 2.5 km/s",
  muzzleSpeedMps: 2500,
  launchPackageMassKg: 10.24,
  projectile: {
    flightBodyMassKg: 5,
    aero: {
      kind: "drag-table",
      refAreaM2: Math.PI * 0.03 * 0.03,
      mach: MACH,
      cd: GUIDED_CD,
      source: "[N] 60 mm slender guided body, C_D(M) shape per McCoy 1999",
    },
    guidance: {
      lateralLimit: { structuralMps2: 30 * G, normalForceAreaM2: 0.01, divertThrustN: 0 },
      commandLink: { updateRateHz: 10, latencyS: 0.1 },
      navigationRatio: 4,
      timeConstantS: 0.15,
    },
    lethality: { kind: "blast-fragmentation", lethalRadiusM: 3, reliability: 0.9 },
    source: "[S] Navy 2014: 7 lb projectile up to 2.4 km/s; [N] 5 kg, 60 mm, guidance, payload",
  },
  rateOfFirePerMin: 10,
  magazineRounds: 200,
  pulsedPower: { launcherEfficiency: 0.25, rechargeTimeS: 5, sustainedPowerW: 25e6, bankShots: 1 },
  barrelLifeRounds: 400,
  mount: {
    elevationMinRad: -5 * DEG,
    elevationMaxRad: 80 * DEG,
    azimuthSlewRateRadS: 40 * DEG,
    elevationSlewRateRadS: 30 * DEG,
    settleTimeS: 0.5,
  },
  dispersion: { aimSigmaRad: 0.3e-3, muzzleSpeedSigmaMps: 10 },
  reactionTimeS: 2,
  envelope: {
    minInterceptAltitudeM: 100,
    maxInterceptAltitudeM: 40_000,
    minRangeM: 1000,
    maxRangeM: 200_000,
    maxTimeOfFlightS: 200,
    minArrivalSpeedMps: 600,
  },
  sources: [
    "[S] O'Rourke, CRS R44175: 32 MJ goal, 10 rounds a minute, 2.0-2.5 km/s, 100-110 nmi",
    "[S] US Navy release 2014: 7 lb projectile at up to 2.4 km/s, barrel about 32 ft",
    "[U] about 25 MW for 10 rounds a minute; barrel-life goal about 1,000 rounds",
    "[N] flight body, guidance, payload, efficiency, mount, dispersion, magazine",
  ],
};
