/**
 * A ballistic missile's boost steering, solved on the full simulation (drag, rotation, J2 included).
 * Unknowns: launch azimuth and one range parameter; residuals: the downrange and crossrange components
 * of the impact miss (in the target's local horizontal, along and across the launch-target great
 * circle). Nested: at a fixed azimuth the range parameter is solved on the downrange miss by the Illinois
 * method (steeringShots.ts) from a bracket that is re-established around the last solution; the azimuth
 * is then corrected from the crossrange (first d az = cross / ground range, the small-angle geometry,
 * then secant steps). Converged at a miss below TARGETING_TOLERANCE_M (50 m).
 * - minimum-energy: final pitch = (pi - psi)/4 for the range angle psi (the minimum-energy flight-path
 *   angle, Bate, Mueller & White eq. 6.2-19), range parameter = thrust termination (cut-off) time;
 * - lofted / depressed: full burn (or a given final pitch with the cut-off solved), range parameter =
 *   final pitch; a coarse scan of the pitch finds the maximum-range pitch, the lofted solution is the root
 *   above it, the depressed one below it.
 * A target beyond the vehicle's reach, closer than its shortest flight or at the launch point is a
 * FlightRefusalError naming the target and the reach; a solve that would not converge within its flight
 * budget throws a RangeError (never a silent miss).
 */
import type { ThreatDefinition, TrajectoryShape, VehicleDefinition } from "./definitions.js";
import { DEG } from "./constants.js";
import type { FlightEarthModel } from "./earthModel.js";
import { FlightRefusalError } from "./errors.js";
import { minimumEnergyFlightPathAngleRad } from "./kepler.js";
import { centralAngleRad, defaultSteering, fullBurnS, type BoostSteering } from "./planBuilder.js";
import type { FlightRunner } from "./runner.js";
import {
  illinois,
  km,
  missOf,
  refuseTargetAtLaunch,
  Shooter,
  TARGETING_TOLERANCE_M,
  type Shot,
  type SolvedSteering,
} from "./steeringShots.js";

/**
 * Solves a ballistic missile's steering for its aimpoint and trajectory shape. Throws FlightRefusalError
 * when the target is out of reach, too close or at the launch point, and RangeError when the solve does
 * not converge within its flight budget.
 */
export function solveBallisticSteering(
  runner: FlightRunner,
  def: ThreatDefinition,
  vehicle: VehicleDefinition,
  earth: FlightEarthModel,
): SolvedSteering {
  const booster = vehicle.booster;
  if (def.launch === undefined || def.target === undefined || booster === undefined) {
    throw new RangeError("ballistic targeting needs a launch, a target and a booster");
  }
  const shooter = new Shooter(runner, def, vehicle, earth);
  refuseTargetAtLaunch(def, shooter);
  const shape: TrajectoryShape = def.trajectory ?? "minimum-energy";
  const base = defaultSteering(def, vehicle, earth);
  const psi = centralAngleRad(shooter.L, shooter.T);
  const tFull = fullBurnS(booster);
  const p = booster.pitchProgram;
  let az = base.azimuthRad;
  // With a fixed final pitch (minimum energy: (pi - psi)/4; or a lofted/depressed angle the scenario
  // gives) the range parameter is the thrust-termination time; otherwise it is the pitch of a full burn.
  const fixedPitch =
    shape === "minimum-energy" ? minimumEnergyFlightPathAngleRad(psi) : def.trajectoryPitchRad;
  const steer = (x: number): BoostSteering =>
    fixedPitch !== undefined
      ? { azimuthRad: az, finalPitchRad: fixedPitch, cutoffAfterLaunchS: x, cutoffSpeedMps: Infinity }
      : { azimuthRad: az, finalPitchRad: x, cutoffAfterLaunchS: Infinity, cutoffSpeedMps: Infinity };
  const f = (x: number): Shot => shooter.fly(steer(x));
  const angle =
    shape === "minimum-energy" ? "" : ` with a final pitch of ${((fixedPitch ?? 0) / DEG).toFixed(1)} deg`;

  // The range parameter's limits and a first bracket [lo, hi] with down(lo) < 0 < down(hi) (or reverse).
  let xMin: number;
  let xMax: number;
  let lo: number;
  let hi: number;
  let mLo: Shot;
  let mHi: Shot;
  if (fixedPitch !== undefined) {
    xMin = p.verticalRiseS + p.kickDurationS + 1;
    xMax = tFull;
    lo = xMin;
    hi = xMax;
    mHi = f(hi);
    if (mHi.down < 0)
      throw new FlightRefusalError(
        def.id,
        "target",
        `target out of reach: ${km(shooter.groundRangeM)} km away, ${vehicle.name} reaches about ${km(mHi.reachM)} km at full burn${angle} (short by ${km(-mHi.down)} km)`,
        { reachM: mHi.reachM },
      );
    mLo = f(lo);
    if (mLo.down > 0)
      throw new FlightRefusalError(
        def.id,
        "target",
        `target too close: ${km(shooter.groundRangeM)} km away, ${vehicle.name}'s shortest flight${angle} (thrust cut ${lo.toFixed(0)} s after launch) reaches about ${km(mLo.reachM)} km`,
        { reachM: mLo.reachM },
      );
  } else {
    // Scan the final pitch for the maximum-range pitch.
    xMin = 0;
    xMax = 85 * DEG;
    const pitches: number[] = [];
    const shots: Shot[] = [];
    for (let deg = 0; deg <= 85; deg += 5) {
      pitches.push(deg * DEG);
      shots.push(f(deg * DEG));
    }
    let k = 0;
    for (let i = 1; i < shots.length; i++) if (shots[i].down > shots[k].down) k = i;
    if (shots[k].down < 0)
      throw new FlightRefusalError(
        def.id,
        "target",
        `target out of reach: ${km(shooter.groundRangeM)} km away, ${vehicle.name} reaches about ${km(shots[k].reachM)} km at best (final pitch ${(pitches[k] / DEG).toFixed(0)} deg)`,
        { reachM: shots[k].reachM },
      );
    let j = -1;
    if (shape === "lofted") {
      for (let i = k + 1; i < shots.length; i++)
        if (shots[i].down < 0) {
          j = i;
          break;
        }
    } else {
      for (let i = k - 1; i >= 0; i--)
        if (shots[i].down < 0) {
          j = i;
          break;
        }
    }
    if (j < 0)
      throw new FlightRefusalError(
        def.id,
        "trajectory",
        `no ${shape} trajectory reaches the target ${km(shooter.groundRangeM)} km away: every final pitch ${shape === "lofted" ? "above" : "below"} ${(pitches[k] / DEG).toFixed(0)} deg overshoots it`,
      );
    lo = pitches[j];
    hi = pitches[k];
    mLo = shots[j];
    mHi = shots[k];
  }

  // Nested solve: the range parameter on the downrange miss at a fixed azimuth, then the azimuth on the
  // crossrange miss (secant), re-bracketing the range parameter around its last value.
  const xTol = fixedPitch !== undefined ? 1e-6 : 1e-9;
  let best = illinois(f, lo, mLo, hi, mHi, 0.5 * TARGETING_TOLERANCE_M, xTol);
  let iterations = 1;
  let azPrev = NaN;
  let crossPrev = NaN;
  while (missOf(best.shot) >= TARGETING_TOLERANCE_M) {
    iterations++;
    const cross = best.shot.cross;
    const step =
      Number.isFinite(azPrev) && cross !== crossPrev
        ? (-cross * (az - azPrev)) / (cross - crossPrev)
        : cross / Math.max(shooter.groundRangeM, 1);
    azPrev = az;
    crossPrev = cross;
    az += step;
    // Re-bracket around the last solution: the downrange changes little with the azimuth.
    const x0 = best.x;
    const m0 = f(x0);
    if (Math.abs(m0.down) < 0.5 * TARGETING_TOLERANCE_M) {
      best = { x: x0, shot: m0 };
      continue;
    }
    let span = Math.max(1e-3 * Math.abs(xMax - xMin), 4 * xTol);
    let x1: number;
    let m1: Shot;
    // Downrange grows with the range parameter on the branch being solved (cut-off time; pitch on the
    // depressed branch) or shrinks with it (pitch on the lofted branch).
    const grows = fixedPitch !== undefined || shape !== "lofted";
    const dir = m0.down < 0 === grows ? 1 : -1;
    for (;;) {
      x1 = Math.min(xMax, Math.max(xMin, x0 + dir * span));
      m1 = f(x1);
      if (Math.sign(m1.down) !== Math.sign(m0.down) || x1 === xMin || x1 === xMax) break;
      span *= 4;
    }
    if (Math.sign(m1.down) === Math.sign(m0.down)) {
      best = Math.abs(m1.down) < Math.abs(m0.down) ? { x: x1, shot: m1 } : { x: x0, shot: m0 };
      continue;
    }
    best = illinois(f, x0, m0, x1, m1, 0.5 * TARGETING_TOLERANCE_M, xTol);
  }
  const steering = steer(best.x);
  return {
    steering,
    report: {
      trajectory: shape,
      azimuthRad: steering.azimuthRad,
      finalPitchRad: steering.finalPitchRad,
      cutoffS: steering.cutoffAfterLaunchS,
      cutoffSpeedMps: Infinity,
      iterations,
      flights: shooter.flights,
      missM: missOf(best.shot),
      fromCache: false,
    },
  };
}
