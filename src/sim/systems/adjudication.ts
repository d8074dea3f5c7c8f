/**
 * Intercept adjudication: each round against its TRUE target (weapons.ts fixes it at the shot).
 *
 * The closest approach is located in continuous time: the range rate g = (r_T - r) . (v_T - v) of the
 * round's flight and its target's is taken at every frame (the weapons system asks for frames every
 * 0.05 s in the end-game); where it turns from closing to opening, the minimum of the distance inside
 * the frame is found by Brent's method on g itself, on the round's dense output and the threat's
 * (src/weapons/engagement/closestApproach.ts). A 1 s step would miss by kilometres at the closing
 * speeds of these engagements (3-6 km/s).
 *
 * Not every minimum is the end-game: early in an interceptor's flight (its vertical rise, its turn)
 * the distance can pass a shallow minimum tens of kilometres out. A minimum is adjudicated when it is
 * within END_GAME_MISS_M or at most 5 s before the shot's planned intercept; one outside both is noted
 * (the smallest is reported if the round never reaches an end-game) and the round flies on. A round
 * whose flight ends while still closing is adjudicated at its end; one that passes its planned
 * intercept by 30 s while opening, or whose target ends first, is a miss without an end-game.
 *
 * The kill: one uniform draw from the shot's own stream `kill:<shotId>` against the weapon's lethality
 * at the miss distance (src/weapons/engagement/killDraw.ts); a killed threat's flight is ended at the
 * closest approach (`terminate`: no detections and no impact after it). A kill drawn on a target that
 * already ended in the same frame (its impact or another round's kill within one end-game step) does
 * not count: the intercept is logged with killed false and a `miss` says why.
 * Events: `intercept` for every closest approach adjudicated (miss distance, Pk, draw, killed, altitude,
 * range from the launcher, closing speed), and `miss` for every round that did not kill (after its
 * intercept, or alone with the reason when there was none).
 */
import type { EarthModel } from "../../earth/model.js";
import { createTruthState } from "../../flight/truthAt.js";
import type { RandomStream } from "../../math/random.js";
import {
  ClosestApproachFinder,
  createClosestApproach,
  type ClosestApproach,
  type StateSource,
} from "../../weapons/engagement/closestApproach.js";
import { flightSource } from "../../weapons/engagement/flyToClosestApproach.js";
import { drawKill } from "../../weapons/engagement/killDraw.js";
import { groundRangeM } from "../../weapons/fireControl/geometry.js";
import type { Lethality } from "../../weapons/lethality.js";
import type { EventLog } from "../events.js";
import type { SimSystem } from "../loop.js";
import type { ThreatFlight } from "../threatFlight.js";
import type { TruthSystem } from "./truth.js";
import type { RoundRecord, WeaponsSystem } from "./weapons.js";

/** A minimum of the distance this close is the end-game, m. */
export const END_GAME_MISS_M = 2_000;
/** A minimum this long before the planned intercept (or later) is the end-game, s. */
const END_GAME_LEAD_S = 5;
/** A round this long past its planned intercept, opening, has missed, s. */
const PASSED_S = 30;

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

export class AdjudicationSystem implements SimSystem {
  readonly name = "adjudication";
  private readonly finder = new ClosestApproachFinder();
  private readonly ca: ClosestApproach = createClosestApproach();
  private readonly y = new Float64Array(7);
  private readonly truth = createTruthState();
  private readonly tp = new Float64Array(3);
  private readonly tv = new Float64Array(3);
  private frameS = 0;
  private targetFlight: ThreatFlight | null = null;
  /** The target's state source: its truth from its start to its end, or to the frame's time. */
  private readonly targetSource: StateSource = (tS, pos, vel) => {
    const f = this.targetFlight as ThreatFlight;
    const end = f.endTimeS;
    const last = end === end ? end : this.frameS;
    if (tS < f.startTimeS || tS > last + 1e-9) return false;
    const s = f.truthInto(Math.min(tS, last), this.truth);
    pos.set(s.posEcefM);
    vel.set(s.velEcefMps);
    return true;
  };

  constructor(
    private readonly weapons: WeaponsSystem,
    private readonly truthSystem: TruthSystem,
    private readonly log: EventLog,
    private readonly stream: (name: string) => RandomStream,
    private readonly earth: EarthModel,
    /** The lethality of a weapon's round (its battery's). */
    private readonly lethalityOf: (weaponId: string) => Lethality,
  ) {}

  nextFrameS(): number {
    return Infinity;
  }

  runFrame(timeS: number): void {
    this.frameS = timeS;
    for (const rr of this.weapons.rounds) if (!rr.done) this.judge(rr, timeS);
  }

  /** Range rate of the round against its target at tS (NaN when either has no state there). */
  private rangeRate(rr: RoundRecord, tS: number): number {
    const f = rr.round.flight;
    if (tS > f.timeS || tS < f.historyStartS) return NaN;
    if (!this.targetSource(tS, this.tp, this.tv)) return NaN;
    const y = f.stateAt(tS, this.y);
    let s = 0;
    for (let c = 0; c < 3; c++) s += (this.tp[c] - y[c]) * (this.tv[c] - y[3 + c]);
    return s;
  }

  private judge(rr: RoundRecord, timeS: number): void {
    const f = rr.round.flight;
    if (rr.targetIndex < 0) {
      if (f.ended || timeS >= rr.plannedInterceptS + PASSED_S)
        this.missWithout(rr, Math.min(timeS, f.timeS), "no threat near the track when the round was fired");
      return;
    }
    const target = this.truthSystem.flights[rr.targetIndex];
    this.targetFlight = target;
    const targetEnd = target.endTimeS;
    const targetAlive = !(targetEnd === targetEnd);
    const tq = Math.min(f.timeS, targetAlive ? timeS : targetEnd);
    const rate = tq > rr.lastTimeS ? this.rangeRate(rr, tq) : NaN;
    if (rr.lastRate < 0 && rate >= 0) {
      const ca = this.locate(rr, rr.lastTimeS, tq);
      if (ca !== null) {
        if (ca.distanceM < END_GAME_MISS_M || ca.timeS >= rr.plannedInterceptS - END_GAME_LEAD_S) {
          this.adjudicate(rr, ca, target, timeS);
          return;
        }
        rr.bestMissM = Math.min(rr.bestMissM, ca.distanceM);
      }
    } else if (f.ended || !targetAlive) {
      if (rr.lastRate < 0 && tq > rr.lastTimeS) {
        const ca = this.locate(rr, rr.lastTimeS, tq);
        if (ca !== null) {
          this.adjudicate(rr, ca, target, timeS);
          return;
        }
      }
      const why = !targetAlive
        ? target.impacted
          ? "its target came down first"
          : target.endReason === "terminated"
            ? "its target was destroyed by another round"
            : "its target's flight ended first"
        : `the round's flight ended (${f.endReason ?? "ended"}) before it reached its target`;
      this.missWithout(rr, tq, why);
      return;
    } else if (timeS >= rr.plannedInterceptS + PASSED_S && rate >= 0) {
      this.missWithout(rr, timeS, "it passed its planned intercept without an end-game");
      return;
    }
    if (rate === rate) {
      rr.lastRate = rate;
      rr.lastTimeS = tq;
    }
  }

  private locate(rr: RoundRecord, t0S: number, t1S: number): ClosestApproach | null {
    if (!(t1S > t0S)) return null;
    const ca = this.finder.find(
      flightSource(rr.round.flight),
      this.targetSource,
      t0S,
      t1S,
      Math.max((t1S - t0S) / 4, 1e-6),
      this.ca,
    );
    return ca.found ? ca : null;
  }

  private adjudicate(rr: RoundRecord, ca: ClosestApproach, target: ThreatFlight, timeS: number): void {
    const k = drawKill(this.lethalityOf(rr.weaponId), ca.distanceM, this.stream(`kill:${rr.shotId}`));
    const f = rr.round.flight;
    const tCa = ca.timeS;
    f.stateAt(Math.min(Math.max(tCa, f.historyStartS), f.timeS), this.y);
    const altM = this.earth.altitudeM(this.y);
    const rangeM = groundRangeM(rr.launcherEcefM, this.y);
    const closing = Math.hypot(ca.relVelMps[0], ca.relVelMps[1], ca.relVelMps[2]);
    const alive = !(target.endTimeS === target.endTimeS);
    let killed = false;
    if (k.killed && alive) {
      const reason = `intercepted by ${rr.shotId}`;
      try {
        killed = target.terminate(tCa, reason);
      } catch (e) {
        // Before the target's last change of forces (or its kept steps): end it at the frame instead.
        if (!(e instanceof RangeError)) throw e;
        killed = target.terminate(timeS, reason);
      }
      if (killed) this.truthSystem.invalidate();
    }
    const ids = {
      threatId: target.id,
      trackId: rr.trackId,
      weaponId: rr.weaponId,
      shotId: rr.shotId,
    };
    this.log.push({
      timeS: tCa,
      type: "intercept",
      ...ids,
      detail: {
        missM: r3(ca.distanceM),
        pk: r3(k.pk),
        draw: r3(k.draw),
        killed,
        altM: Math.round(altM),
        rangeM: Math.round(rangeM),
        closingSpeedMps: Math.round(closing),
      },
    });
    const reason = killed
      ? ""
      : k.killed
        ? "its target had already ended"
        : `survived (Pk ${k.pk.toFixed(3)} at ${ca.distanceM.toFixed(1)} m)`;
    if (!killed)
      this.log.push({ timeS: tCa, type: "miss", ...ids, detail: { reason, missM: r3(ca.distanceM) } });
    rr.outcome = {
      killed,
      closestApproachS: tCa,
      missM: ca.distanceM,
      pk: k.pk,
      altM,
      rangeM,
      closingSpeedMps: closing,
      reason,
    };
    this.endRound(rr, tCa);
  }

  private missWithout(rr: RoundRecord, timeS: number, why: string): void {
    const best = Number.isFinite(rr.bestMissM) ? rr.bestMissM : null;
    this.log.push({
      timeS,
      type: "miss",
      ...(rr.targetId === null ? {} : { threatId: rr.targetId }),
      trackId: rr.trackId,
      weaponId: rr.weaponId,
      shotId: rr.shotId,
      detail: { reason: why, missM: best === null ? null : r3(best) },
    });
    rr.outcome = {
      killed: false,
      closestApproachS: null,
      missM: best,
      pk: 0,
      altM: null,
      rangeM: null,
      closingSpeedMps: null,
      reason: why,
    };
    this.endRound(rr, timeS);
  }

  /** The round has finished its run: its flight ends there (its path stops at the approach). */
  private endRound(rr: RoundRecord, tS: number): void {
    const f = rr.round.flight;
    if (!f.ended) {
      try {
        f.terminate(Math.min(tS, f.timeS), "end of run");
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        f.terminate(f.timeS, "end of run");
      }
    }
    this.weapons.roundDone(rr, tS);
  }
}
