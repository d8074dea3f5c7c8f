/**
 * One weapon against one threat: a small, self-contained engagement loop built from the layer's
 * reusable pieces (the closed loop over many runs the same pieces as systems: src/sim/systems/weapons.ts):
 *
 * 1. Truth: the threat's own flight (src/flight), advanced tick by tick.
 * 2. Track: either perfect or real. A perfect track is the truth and its prediction the threat's true
 *    path ahead (the threat flown whole beforehand, `perfectPath`): fire control with flawless
 *    information, so what is left is the weapon's own error (dispersion, guidance, lethality). A real
 *    track: the scenario's sensors look at the truth on their own schedules (`observe`), their
 *    detections reach the tracker at their arrival times (`step`), the fire control takes the
 *    longest-confirmed track and predicts it with the tracking layer's motion models (the filter's own
 *    prediction; a track the motion check has seen lifting, along its glide: fireControl/
 *    liftingPrediction.ts, as the battle manager and the weapons system predict it); it never reads
 *    the truth.
 * 3. Fire control (engageFireControl.ts), once a second from the first confirmed track: the track's
 *    prediction (trackPrediction.ts), the PIP of a shot at the battery's earliest time (pip.ts with the
 *    weapon's flyout table), the Pk of that shot (shotKillProbability.ts; a lifting track planned
 *    against the battle manager's 2 g manoeuvre); the shot is fired when the battery is ready, the
 *    solution is inside the envelope and its Pk is at least the doctrine's minimum
 *    (`minKillProbability`; below it the shot is held and tried again at the next cycle). A real track
 *    taken as thrusting (the tracking layer's motion check, tracking/predict/motion.ts) is held (`hold`,
 *    why "boosting"), as the battle manager holds it: boost-phase intercept is not modelled, and a
 *    boosting track's prediction is no path to plan a shot on (docs/models.md 10.7). A gun's aim is
 *    then refined by flyouts (firingSolution.ts) and dispersed by its aiming and muzzle-speed errors,
 *    drawn from the stream `engage:<weapon>:<threat>:dispersion`.
 * 4. Rounds in flight (rounds.ts): command guidance over the data link, midcourse PIP updates, seeker
 *    acquisition and homing; each round's divert is totalled.
 * 5. Closest approach in continuous time (closestApproach.ts on both flights' dense output) when the
 *    range rate turns positive, or at the round's end if it ends while closing; the kill is drawn from
 *    `engage:<weapon>:<threat>:kill` against the lethality at that miss, and a killed threat's flight is
 *    terminated there.
 * Ticks: 0.5 s while no round flies, 0.05 s while one does (the seeker's look and the midcourse update
 * cadence of the loop; command-link messages are applied at their own times).
 * Deterministic: same inputs and seed, the same timeline.
 */
import type { FlightEarthModel } from "../../flight/earthModel.js";
import type { Flight } from "../../flight/propagation/flight.js";
import type { FlightResult } from "../../flight/result.js";
import { createTruthState } from "../../flight/truthAt.js";
import type { VehicleKind } from "../../flight/truth.js";
import { randomStream, type RandomStream } from "../../math/random.js";
import type { Detection } from "../../sensors/detection.js";
import type { Sensor } from "../../sensors/sensor.js";
import type { Tracker } from "../../tracking/management/tracker.js";
import type { MotionAssessmentOptions } from "../../tracking/predict/motion.js";
import type { GaussianState } from "../../tracking/types.js";
import type { WeaponBattery } from "../battery/battery.js";
import type { FlyoutTable } from "../fireControl/flyoutTable.js";
import { shotKillProbability } from "../fireControl/shotKillProbability.js";
import { createClosestApproach } from "./closestApproach.js";
import { EngageFireControl } from "./engageFireControl.js";
import { r3, type EngagementEvent, type EngagementResult, type ShotOutcome } from "./engagementRecord.js";
import { ApproachTracker, flightSource } from "./flyToClosestApproach.js";
import { drawKill } from "./killDraw.js";
import { launchRound } from "./launch.js";
import { type GuidanceNote, type Round, type RoundContext } from "./rounds.js";

export interface EngagementSensing<S extends GaussianState> {
  readonly sensors: readonly Sensor[];
  readonly tracker: Tracker<S>;
}

export interface EngagementOptions<S extends GaussianState> {
  readonly earth: FlightEarthModel;
  /** The threat's flight, not yet advanced past its start. */
  readonly threat: Flight;
  readonly battery: WeaponBattery;
  /** The weapon's flyout table (fireControl/flyouts.ts). */
  readonly table: FlyoutTable;
  /** Sensors and tracker (the tracker's filter predicts its tracks), or the threat's whole flight for a
   *  perfect track (the same definition flown to its end). */
  readonly sensing: EngagementSensing<S> | { readonly perfectPath: FlightResult };
  readonly seed: number;
  readonly run?: number;
  /** Rounds to fire at most (default 1); a kill ends the engagement. */
  readonly maxShots?: number;
  /** The class the fire control takes the track for (seeker planning); default "ballistic". */
  readonly targetKind?: VehicleKind;
  /** What the motion check of a real track needs (the IMM's mode names, the Earth); default: the
   *  kinematic test on the state alone. */
  readonly motion?: Omit<MotionAssessmentOptions, "earlier">;
  /** Last time of the engagement, s (the scenario's end). */
  readonly endS: number;
  /**
   * The doctrine's least planned Pk of a shot, in [0, 1] (default 0: any): a solution below it is held
   * (`hold`, why "kill probability ... below the doctrine's minimum") and tried again at the next fire
   * control cycle, as the battle manager holds it, instead of firing the first solution whatever its Pk.
   */
  readonly minKillProbability?: number;
}

/** Ticks: 1/20 s while a round flies, 10 of them (0.5 s) while none does. */
const TICKS_PER_S = 20;
const IDLE_TICKS = 10;
const FIRE_CONTROL_INTERVAL_S = 1;

interface LiveRound {
  readonly round: Round;
  readonly plannedInterceptS: number;
  readonly plannedAltM: number;
  readonly plannedRangeM: number;
  readonly azimuthRad: number;
  readonly elevationRad: number;
  /** Range rate to the threat at the previous tick. */
  lastRate: number;
  lastTimeS: number;
  done: boolean;
}

/** Runs the engagement (see the file comment). */
export function engage<S extends GaussianState>(o: EngagementOptions<S>): EngagementResult {
  const { earth, threat, battery } = o;
  const sensing = "tracker" in o.sensing ? o.sensing : null;
  const perfectPath = "perfectPath" in o.sensing ? o.sensing.perfectPath : null;
  const weaponId = battery.id;
  const threatId = threat.id;
  const run = o.run ?? 0;
  const maxShots = o.maxShots ?? 1;
  if (!Number.isInteger(maxShots) || maxShots < 1)
    throw new RangeError(`engage: maxShots must be a whole number >= 1, given ${maxShots}`);
  if (!Number.isFinite(o.endS))
    throw new RangeError(`engage: options.endS must be a finite time, given ${o.endS}`);
  const minPk = o.minKillProbability ?? 0;
  if (!(minPk >= 0 && minPk <= 1))
    throw new RangeError(`engage: options.minKillProbability must be in [0, 1], given ${minPk}`);
  const events: EngagementEvent[] = [];
  const shots: ShotOutcome[] = [];
  const notes: GuidanceNote[] = [];
  const killRng = randomStream(o.seed, run, `engage:${weaponId}:${threatId}:kill`);
  const dispersionRng = randomStream(o.seed, run, `engage:${weaponId}:${threatId}:dispersion`);
  const seekerRng: RandomStream = randomStream(o.seed, run, `engage:${weaponId}:${threatId}:seeker`);
  const sensorRngs = sensing?.sensors.map((s) => randomStream(o.seed, run, `sensor:${s.id}`)) ?? [];
  const fc = new EngageFireControl({
    earth,
    threat,
    battery,
    table: o.table,
    tracker: sensing?.tracker ?? null,
    perfectPath,
    motion: o.motion,
    events,
  });
  const truth = createTruthState(threatId, threat.kind);
  const truths = [truth];
  const fresh: Detection[] = [];
  let pending: Detection[] = [];
  let solutionReported = false;
  const approach = new ApproachTracker();
  const ca = createClosestApproach();
  const live: LiveRound[] = [];
  const threatSource = flightSource(threat);

  let t = threat.startTimeS;
  let nextFireControlS = t;
  let scheduledShotS = NaN;
  let killed = false;
  const endS = o.endS;
  let boostHoldLogged = false;
  let lowPkHoldLogged = false;

  let holds = 0;
  const fire = (ts: number): void => {
    const launched = launchRound({
      battery,
      earth,
      solver: fc.solver,
      prediction: fc.prediction,
      launcher: fc.launcherAt(ts),
      shotTimeS: ts,
      dispersion: dispersionRng,
      endS,
      targetKind: o.targetKind,
      targetAccelerationMps2: fc.targetAccelerationMps2,
      trackUpdateIntervalS: fc.trackUpdateS,
      solution: fc.sol,
      minKillProbability: minPk,
    });
    if (!launched.fired) {
      // The latest track no longer gives an intercept at the shot time: hold fire (logged once).
      if (holds++ === 0) events.push({ timeS: r3(ts), type: "hold", detail: { why: launched.why } });
      return;
    }
    const { round, plannedInterceptS, plannedAltM, plannedRangeM } = launched;
    const az = launched.azimuthRad;
    const el = launched.elevationRad;
    events.push({ timeS: r3(ts), type: "shot", shotId: round.shot.shotId, detail: launched.detail });
    live.push({
      round,
      plannedInterceptS,
      plannedAltM,
      plannedRangeM,
      azimuthRad: az,
      elevationRad: el,
      lastRate: NaN,
      lastTimeS: ts,
      done: false,
    });
    shots.push({
      shotId: round.shot.shotId,
      timeS: ts,
      azimuthDeg: r3((az * 180) / Math.PI),
      elevationDeg: r3((el * 180) / Math.PI),
      plannedInterceptS: r3(plannedInterceptS),
      plannedAltM: r3(plannedAltM),
      plannedRangeM: r3(plannedRangeM),
      plannedPk: r3(launched.plannedPk),
      closestApproachS: null,
      missM: null,
      interceptAltM: null,
      closingSpeedMps: null,
      pk: 0,
      killed: false,
      divertMps: 0,
      peakLateralG: 0,
    });
  };

  /** Closes a round at its closest approach (or its end), draws the kill. */
  const adjudicate = (lr: LiveRound, idx: number, t0: number, t1: number): void => {
    const rf = lr.round.flight;
    approach.locate(rf, threatSource, t0, Math.min(t1, rf.timeS, threat.timeS), ca);
    lr.done = true;
    const lethality = battery.lethality;
    const base = shots[idx];
    if (!ca.found) {
      shots[idx] = {
        ...base,
        divertMps: r3(lr.round.divertMps),
        peakLateralG: r3(lr.round.peakLateralMps2 / 9.80665),
      };
      return;
    }
    const k = drawKill(lethality, ca.distanceM, killRng);
    const closing = Math.hypot(ca.relVelMps[0], ca.relVelMps[1], ca.relVelMps[2]);
    const pos = new Float64Array(7);
    rf.stateAt(ca.timeS, pos);
    const altM = earth.altitudeM(pos);
    events.push({
      timeS: r3(ca.timeS),
      type: "closest-approach",
      shotId: lr.round.shot.shotId,
      detail: {
        missM: r3(ca.distanceM),
        altitudeKm: r3(altM / 1000),
        closingSpeedMps: r3(closing),
        divertMps: r3(lr.round.divertMps),
        peakLateralG: r3(lr.round.peakLateralMps2 / 9.80665),
      },
    });
    events.push({
      timeS: r3(ca.timeS),
      type: k.killed ? "kill" : "miss",
      shotId: lr.round.shot.shotId,
      detail: { pk: r3(k.pk), draw: r3(k.draw) },
    });
    shots[idx] = {
      ...base,
      closestApproachS: r3(ca.timeS),
      missM: r3(ca.distanceM),
      interceptAltM: r3(altM),
      closingSpeedMps: r3(closing),
      pk: r3(k.pk),
      killed: k.killed,
      divertMps: r3(lr.round.divertMps),
      peakLateralG: r3(lr.round.peakLateralMps2 / 9.80665),
    };
    // The round is not flown on (its guidance may have been updated after the approach, which was
    // located afterwards); a killed threat ends at the approach, or, if its own forces changed after it
    // within this tick, at that change.
    if (k.killed && !threat.ended) {
      killed = true;
      const reason = `intercepted by ${lr.round.shot.shotId}`;
      try {
        threat.terminate(ca.timeS, reason);
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        threat.terminate(threat.timeS, reason);
      }
    }
  };

  // Tick times are k / TICKS_PER_S exactly (a sum of increments would drift off the decimal times the
  // flights schedule their events at).
  let k = Math.ceil(t * TICKS_PER_S);
  while (t < endS) {
    const flying = live.some((r) => !r.done);
    if (threat.ended && !flying) break;
    k += flying ? 1 : IDLE_TICKS;
    const tPrev = t;
    t = Math.min(endS, k / TICKS_PER_S);
    if (!threat.ended) threat.advanceTo(t);
    const threatAlive = !threat.ended || threat.timeS >= t;
    if (threatAlive) threat.truthInto(t, truth);
    // Sensing and tracking.
    if (sensing !== null && threatAlive) {
      fresh.length = 0;
      const sensors = sensing.sensors;
      for (let i = 0; i < sensors.length; i++) sensors[i].observe(truths, t, sensorRngs[i], fresh);
      if (fresh.length > 0) pending.push(...fresh);
      const arrived = pending.filter((d) => d.arrivalTimeS <= t + 1e-9);
      if (arrived.length > 0) pending = pending.filter((d) => d.arrivalTimeS > t + 1e-9);
      sensing.tracker.step(t, arrived);
    }
    // A shot due in this tick, on the solution that scheduled it, re-solved on the latest track.
    if (scheduledShotS > tPrev && scheduledShotS <= t && battery.shots.length < maxShots && !killed) {
      const ts = scheduledShotS;
      scheduledShotS = NaN;
      if (fc.estimate !== null) fire(ts);
    }
    // Fire control.
    if (t >= nextFireControlS && threatAlive) {
      nextFireControlS = t + FIRE_CONTROL_INTERVAL_S;
      const tracked = fc.updateTrack(t);
      if (tracked && fc.boosting && !boostHoldLogged) {
        boostHoldLogged = true;
        events.push({ timeS: r3(t), type: "hold", detail: { why: "boosting" } });
      }
      if (tracked && !fc.boosting && battery.shots.length < maxShots && !(scheduledShotS >= t) && !killed) {
        const s = fc.solveShot(t);
        if (s !== null) {
          const pk = shotKillProbability(
            battery.delivery,
            s,
            fc.prediction,
            fc.launcherAt(s.shotTimeS).posEcefM,
            earth,
            {
              targetKind: o.targetKind,
              targetAccelerationMps2: fc.targetAccelerationMps2,
              trackUpdateIntervalS: fc.trackUpdateS,
            },
          );
          if (!solutionReported) {
            solutionReported = true;
            events.push({
              timeS: r3(t),
              type: "solution",
              detail: {
                shotS: r3(s.shotTimeS),
                interceptS: r3(s.interceptTimeS),
                altitudeKm: r3(s.altM / 1000),
                rangeKm: r3(s.rangeM / 1000),
                timeOfFlightS: r3(s.tofS),
                arrivalSpeedMps: r3(s.arrivalSpeedMps),
                pk: r3(pk.pk),
              },
            });
          }
          if (pk.pk >= minPk) scheduledShotS = s.shotTimeS;
          else if (!lowPkHoldLogged) {
            lowPkHoldLogged = true;
            events.push({
              timeS: r3(t),
              type: "hold",
              detail: { why: `kill probability ${r3(pk.pk)} below the doctrine's minimum ${minPk}` },
            });
          }
        }
      }
    }
    // Rounds in flight.
    const ctx: RoundContext = {
      estimate: fc.estimate,
      truth: threatAlive ? truth : null,
      rng: seekerRng,
      notes,
    };
    for (let i = 0; i < live.length; i++) {
      const lr = live[i];
      if (lr.done) continue;
      const rf = lr.round.flight;
      lr.round.advance(t, ctx);
      const rate = threatAlive && !rf.ended ? approach.rangeRate(rf, threatSource) : NaN;
      if (lr.lastRate < 0 && rate >= 0) adjudicate(lr, i, lr.lastTimeS, t);
      else if (rf.ended || !threatAlive) {
        if (lr.lastRate < 0) adjudicate(lr, i, lr.lastTimeS, Math.min(rf.timeS, threat.timeS));
        else {
          lr.done = true;
          shots[i] = {
            ...shots[i],
            divertMps: r3(lr.round.divertMps),
            peakLateralG: r3(lr.round.peakLateralMps2 / 9.80665),
          };
        }
      }
      lr.lastRate = rate;
      lr.lastTimeS = t;
    }
    for (const n of notes) events.push({ timeS: r3(n.timeS), type: n.type, detail: n.detail });
    notes.length = 0;
  }

  if (threat.ended && threat.endReason === "impact") {
    const y = threat.state;
    events.push({
      timeS: r3(threat.timeS),
      type: "impact",
      detail: { latDeg: r3(latDeg(earth, y)), lonDeg: r3((Math.atan2(y[1], y[0]) * 180) / Math.PI) },
    });
  }
  events.push({ timeS: r3(Math.min(t, endS)), type: "end", detail: { killed, shots: shots.length } });
  events.sort((a, b) => a.timeS - b.timeS);
  const misses = shots.map((s) => s.missM).filter((m): m is number => m !== null);
  const best = shots.reduce<ShotOutcome | null>(
    (b, s) => (s.missM !== null && (b === null || (b.missM as number) > s.missM) ? s : b),
    null,
  );
  return {
    weaponId,
    threatId,
    trackSource: sensing === null ? "perfect" : "sensors",
    events,
    shots,
    killed,
    missM: misses.length === 0 ? null : Math.min(...misses),
    killProbability: best === null ? 0 : best.pk,
    plannedPk: shots.length === 0 ? null : shots[0].plannedPk,
    endS: r3(Math.min(t, endS)),
  };
}

const GEO = new Float64Array(3);

function latDeg(earth: FlightEarthModel, y: ArrayLike<number>): number {
  earth.geodeticInto(y, GEO);
  return (GEO[0] * 180) / Math.PI;
}
