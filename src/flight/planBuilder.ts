/**
 * Turns a threat definition (vehicle, start, target, manoeuvre) and a boost steering into a FlightPlan.
 *
 * Starts:
 * - `launch`: on the pad at rest relative to the rotating Earth (ECEF velocity 0), full stack mass.
 * - `burnout`: position from geodetic (lat, lon, alt); velocity relative to the rotating Earth (ECEF) of the
 *   given speed, flight-path angle above the local geodetic horizontal and azimuth clockwise from north,
 *   i.e. v = V (cos g sin az E + cos g cos az N + sin g U) in the geodetic East-North-Up frame. The vehicle
 *   then has only its payload mass (re-entry vehicle, glider, or cruiser with full fuel).
 */
import { enuRotationInto } from "../earth/enu.js";
import { DragModel, LiftDragModel } from "./aero/models.js";
import type { ThreatDefinition, VehicleDefinition, BoosterDefinition, GeodeticPoint } from "./definitions.js";
import type { FlightEarthModel } from "./earthModel.js";
import { FlightRefusalError } from "./errors.js";
import { DEFAULT_EMISSIVITY } from "./heating.js";
import type { FlightPlan, PlannedBurn } from "./plan.js";
import { burnSchedule, stackMassKg, stageThrustVacN } from "./propulsion.js";

/** Default half-width of the energy-management bank-reversal corridor, rad (notional: 10 deg). */
export const DEFAULT_REVERSAL_HEADING_ERROR_RAD = (10 * Math.PI) / 180;

/** Steering of a boost: the solved (or default) parameters. */
export interface BoostSteering {
  readonly azimuthRad: number;
  readonly finalPitchRad: number;
  /** Thrust termination after launch, s (Infinity: full burn). */
  readonly cutoffAfterLaunchS: number;
  /** Thrust termination at this ECEF speed, m/s (Infinity: none). */
  readonly cutoffSpeedMps: number;
  /** End of the pitch programme after launch, s (default: the cut-off time or the last burnout). */
  readonly pitchEndAfterLaunchS?: number;
}

/** Monte Carlo dispersions applied on top of a (cached) nominal steering. All optional. */
export interface Dispersions {
  /** Multiplier on drag (all phases). */
  readonly dragScale?: number;
  /** Multiplier on lift. */
  readonly liftScale?: number;
  /** Multiplier on vacuum thrust (at unchanged mass flow: an Isp dispersion). */
  readonly thrustScale?: number;
  /** Added to the launch azimuth, rad. */
  readonly azimuthErrorRad?: number;
  /** Added to the final pitch, rad. */
  readonly pitchErrorRad?: number;
}

/** Runtime aero models built once per vehicle definition (tables keep a bracket cache). */
interface RuntimeVehicle {
  boostDrag: DragModel | null;
  coastDrag: DragModel | null;
  lift: LiftDragModel | null;
}
const runtimeCache = new WeakMap<VehicleDefinition, RuntimeVehicle>();

function runtimeOf(v: VehicleDefinition): RuntimeVehicle {
  let r = runtimeCache.get(v);
  if (r === undefined) {
    const booster = v.kind === "ballistic" ? v.booster : v.booster;
    r = {
      boostDrag: booster !== undefined ? new DragModel(booster.aero) : null,
      coastDrag: v.kind === "ballistic" ? new DragModel(v.reentryVehicle.aero) : null,
      lift:
        v.kind === "hgv"
          ? new LiftDragModel(v.glider.aero)
          : v.kind === "cruise"
            ? new LiftDragModel(v.cruiser.aero)
            : null,
    };
    runtimeCache.set(v, r);
  }
  return r;
}

export function ecefOf(earth: FlightEarthModel, p: GeodeticPoint): Float64Array {
  const out = new Float64Array(3);
  earth.ecefFromGeodeticInto(p.latRad, p.lonRad, p.altM, out);
  return out;
}

/** Great-circle (geocentric) azimuth from a to b at a, clockwise from geodetic north, rad. */
export function azimuthTowardRad(
  a: GeodeticPoint,
  aEcef: ArrayLike<number>,
  bEcef: ArrayLike<number>,
): number {
  const ra = Math.hypot(aEcef[0], aEcef[1], aEcef[2]);
  const rb = Math.hypot(bEcef[0], bEcef[1], bEcef[2]);
  const c = (aEcef[0] * bEcef[0] + aEcef[1] * bEcef[1] + aEcef[2] * bEcef[2]) / (ra * rb);
  const d = [
    bEcef[0] / rb - (c * aEcef[0]) / ra,
    bEcef[1] / rb - (c * aEcef[1]) / ra,
    bEcef[2] / rb - (c * aEcef[2]) / ra,
  ];
  const enu = enuRotationInto(a.latRad, a.lonRad, new Float64Array(9));
  return Math.atan2(
    d[0] * enu[0] + d[1] * enu[1] + d[2] * enu[2],
    d[0] * enu[3] + d[1] * enu[4] + d[2] * enu[5],
  );
}

/** Central angle between two ECEF points, rad. */
export function centralAngleRad(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const cx = a[1] * b[2] - a[2] * b[1];
  const cy = a[2] * b[0] - a[0] * b[2];
  const cz = a[0] * b[1] - a[1] * b[0];
  return Math.atan2(Math.hypot(cx, cy, cz), a[0] * b[0] + a[1] * b[1] + a[2] * b[2]);
}

export function boosterOf(v: VehicleDefinition): BoosterDefinition | undefined {
  return v.booster;
}

export function payloadMassOf(v: VehicleDefinition): number {
  if (v.kind === "ballistic") return v.reentryVehicle.massKg;
  if (v.kind === "hgv") return v.glider.massKg;
  return v.cruiser.dryMassKg + v.cruiser.fuelMassKg;
}

/** Total burn time of the booster (last burnout after first ignition), s. */
export function fullBurnS(b: BoosterDefinition): number {
  const s = burnSchedule(b.stages);
  return s[s.length - 1].endS;
}

/** Default steering: azimuth toward the target (or north), the booster's own final pitch, full burn. */
export function defaultSteering(
  def: ThreatDefinition,
  vehicle: VehicleDefinition,
  earth: FlightEarthModel,
): BoostSteering {
  let az = 0;
  if (def.launch !== undefined && def.target !== undefined) {
    az = azimuthTowardRad(def.launch, ecefOf(earth, def.launch), ecefOf(earth, def.target));
  }
  const b = vehicle.booster;
  return {
    azimuthRad: az,
    finalPitchRad: b !== undefined ? b.pitchProgram.finalPitchRad : 0,
    cutoffAfterLaunchS: Infinity,
    cutoffSpeedMps: Infinity,
  };
}

/**
 * Refuses a launch the vehicle cannot make: no booster, or a stack heavier than its first stage lifts
 * (sea-level thrust at the launch altitude, T_vac - p A_e, not above the stack's weight under local
 * gravity: it would sit on the pad, or fall through it).
 */
export function checkLaunch(
  def: ThreatDefinition,
  vehicle: VehicleDefinition,
  earth: FlightEarthModel,
): void {
  const L = def.launch;
  if (L === undefined) return;
  const booster = vehicle.booster;
  if (booster === undefined)
    throw new FlightRefusalError(def.id, "launch", `${vehicle.name} has no booster: give it a burnout start`);
  const s0 = booster.stages[0];
  const atm = new Float64Array(4);
  earth.atmosphereInto(L.altM, atm);
  const thrust = stageThrustVacN(s0) - atm[1] * (s0.nozzleExitAreaM2 ?? 0);
  const p = new Float64Array(3);
  earth.ecefFromGeodeticInto(L.latRad, L.lonRad, L.altM, p);
  const g = new Float64Array(3);
  earth.gravityInto(p, g);
  const mass = stackMassKg(booster.stages, payloadMassOf(vehicle));
  const weight = mass * Math.hypot(g[0], g[1], g[2]);
  if (!(thrust > weight))
    throw new FlightRefusalError(
      def.id,
      "vehicle",
      `${vehicle.name} cannot lift off: its ${(mass / 1000).toFixed(1)} t stack weighs ${(weight / 1000).toFixed(0)} kN, more than the ${(Math.max(0, thrust) / 1000).toFixed(0)} kN its first stage gives at the launch altitude`,
    );
}

export function buildPlan(
  def: ThreatDefinition,
  vehicle: VehicleDefinition,
  earth: FlightEarthModel,
  steering: BoostSteering,
  dispersions: Dispersions = {},
): FlightPlan {
  const rt = runtimeOf(vehicle);
  const payload = payloadMassOf(vehicle);
  const y0 = new Float64Array(7);
  const planeNormal = new Float64Array([0, 0, 1]);
  const enu = new Float64Array(9);
  const booster = vehicle.booster;
  let startTimeS: number;
  let launched: boolean;
  let burns: PlannedBurn[] = [];
  let pitchEnd = 0;
  if (def.launch !== undefined) {
    checkLaunch(def, vehicle, earth);
    if (booster === undefined)
      throw new RangeError("unreachable: checkLaunch refuses a launch without a booster");
    const L = def.launch;
    startTimeS = L.timeS;
    launched = true;
    earth.ecefFromGeodeticInto(L.latRad, L.lonRad, L.altM, y0);
    y0[6] = stackMassKg(booster.stages, payload);
    enuRotationInto(L.latRad, L.lonRad, enu);
    const az = steering.azimuthRad + (dispersions.azimuthErrorRad ?? 0);
    const ea = [
      Math.sin(az) * enu[0] + Math.cos(az) * enu[3],
      Math.sin(az) * enu[1] + Math.cos(az) * enu[4],
      Math.sin(az) * enu[2] + Math.cos(az) * enu[5],
    ];
    // n = r_hat x e_az.
    const r = Math.hypot(y0[0], y0[1], y0[2]);
    const ux = y0[0] / r;
    const uy = y0[1] / r;
    const uz = y0[2] / r;
    planeNormal[0] = uy * ea[2] - uz * ea[1];
    planeNormal[1] = uz * ea[0] - ux * ea[2];
    planeNormal[2] = ux * ea[1] - uy * ea[0];
    const nn = Math.hypot(planeNormal[0], planeNormal[1], planeNormal[2]);
    for (let i = 0; i < 3; i++) planeNormal[i] /= nn;
    const thrustScale = dispersions.thrustScale ?? 1;
    burns = burnSchedule(booster.stages).map((b) => ({
      startS: startTimeS + b.startS,
      endS: startTimeS + b.endS,
      thrustVacN: b.thrustVacN * thrustScale,
      massFlowKgS: b.massFlowKgS,
      exitAreaM2: b.exitAreaM2,
      dropMassKg: b.dropMassKg,
    }));
    pitchEnd =
      steering.pitchEndAfterLaunchS ??
      Math.min(burns[burns.length - 1].endS - startTimeS, steering.cutoffAfterLaunchS);
  } else if (def.burnout !== undefined) {
    const B = def.burnout;
    startTimeS = B.timeS;
    launched = false;
    earth.ecefFromGeodeticInto(B.latRad, B.lonRad, B.altM, y0);
    enuRotationInto(B.latRad, B.lonRad, enu);
    const ch = Math.cos(B.flightPathAngleRad);
    const ve = B.speedMps * ch * Math.sin(B.azimuthRad);
    const vn = B.speedMps * ch * Math.cos(B.azimuthRad);
    const vu = B.speedMps * Math.sin(B.flightPathAngleRad);
    for (let i = 0; i < 3; i++) y0[3 + i] = ve * enu[i] + vn * enu[3 + i] + vu * enu[6 + i];
    y0[6] = payload;
  } else {
    throw new RangeError("a threat needs a launch or a burnout start");
  }
  const targetEcef = def.target !== undefined ? ecefOf(earth, def.target) : null;
  const man = def.maneuver ?? { kind: "none" as const };
  const p = booster?.pitchProgram;
  const glideDef =
    vehicle.kind === "hgv"
      ? {
          ...vehicle.guidance,
          maxLoadFactor: vehicle.guidance.maxLoadFactor ?? Infinity,
          maxDynamicPressurePa: vehicle.guidance.maxDynamicPressurePa ?? Infinity,
          reversalHeadingErrorRad:
            vehicle.guidance.reversalHeadingErrorRad ?? DEFAULT_REVERSAL_HEADING_ERROR_RAD,
        }
      : vehicle.kind === "cruise"
        ? {
            pullUpAlphaRad: 0,
            pullUpDynamicPressurePa: Infinity,
            glideEndSpeedMps: 0,
            diveRangeM: vehicle.guidance.diveRangeM,
            bankMaxRad: vehicle.guidance.bankMaxRad,
            headingGain: vehicle.guidance.headingGain,
            altitudeRateGain: 0,
            navigationConstant: vehicle.guidance.navigationConstant,
            maxLoadFactor: Infinity,
            maxDynamicPressurePa: Infinity,
            reversalHeadingErrorRad: DEFAULT_REVERSAL_HEADING_ERROR_RAD,
          }
        : null;
  let cruise: FlightPlan["cruise"] = null;
  if (vehicle.kind === "cruise") {
    const atm = new Float64Array(4);
    earth.atmosphereInto(vehicle.cruise.altitudeM, atm);
    cruise = {
      altitudeM: vehicle.cruise.altitudeM,
      speedMps: vehicle.cruise.mach * atm[3],
      omegaRadS: vehicle.cruise.altitudeHoldOmegaRadS,
      damping: vehicle.cruise.altitudeHoldDamping,
      speedGain: vehicle.cruise.speedGain,
      maxThrustN: vehicle.cruiser.maxThrustN,
      ispS: vehicle.cruiser.ispS,
      dryMassKg: vehicle.cruiser.dryMassKg,
    };
  }
  const nose =
    vehicle.kind === "ballistic"
      ? vehicle.reentryVehicle
      : vehicle.kind === "hgv"
        ? vehicle.glider
        : vehicle.cruiser;
  return {
    id: def.id ?? vehicle.name,
    kind: vehicle.kind === "ballistic" ? "ballistic" : vehicle.kind,
    vehicleName: vehicle.name,
    startTimeS,
    y0,
    launched,
    burns,
    boostDrag: rt.boostDrag,
    pitch: {
      riseEndS: p?.verticalRiseS ?? 0,
      kickEndS: (p?.verticalRiseS ?? 0) + (p?.kickDurationS ?? 0),
      kickPitchRad: p?.kickPitchRad ?? Math.PI / 2,
      finalPitchRad: steering.finalPitchRad + (dispersions.pitchErrorRad ?? 0),
      endS: pitchEnd,
    },
    planeNormal,
    cutoffAfterLaunchS: steering.cutoffAfterLaunchS,
    cutoffSpeedMps: steering.cutoffSpeedMps,
    payloadMassKg: payload,
    afterBoost: vehicle.kind === "ballistic" ? "coast" : vehicle.kind === "hgv" ? "glider" : "cruise",
    coastDrag: rt.coastDrag,
    lift: rt.lift,
    glide: glideDef,
    cruise,
    targetEcef,
    impactAltM: def.target?.altM ?? 0,
    maneuver: {
      weaveAmplitudeRad: man.kind === "weave" ? man.bankAmplitudeRad : 0,
      weavePeriodS: man.kind === "weave" ? man.periodS : 60,
      weaveStartS: man.kind === "weave" ? (man.startS ?? startTimeS) : startTimeS,
      jinkBankRad: man.kind === "jink" ? man.bankRad : 0,
      jinkStartS: man.kind === "jink" ? man.startS : 0,
      jinkEndS: man.kind === "jink" ? man.endS : 0,
      jinkRampS: man.kind === "jink" ? (man.rampS ?? 5) : 5,
      retargetAtS: man.kind === "retarget" ? man.atS : Infinity,
      retargetEcef: man.kind === "retarget" ? ecefOf(earth, man.target) : null,
    },
    noseRadiusM: nose.noseRadiusM,
    emissivity: nose.emissivity ?? DEFAULT_EMISSIVITY,
    dragScale: dispersions.dragScale ?? 1,
    liftScale: dispersions.liftScale ?? 1,
  };
}
