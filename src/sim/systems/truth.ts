/**
 * Truth: the threats' flights advance with the clock. A threat joins the world at its launch (a
 * `launch` event at its launch time) and leaves it when its flight ends (`impact` with the point, the
 * miss distance and the defended asset it hit, followed by `leak` when it hit one; or `flight-ended`
 * with the reason; a kill is logged by the adjudication that made it); at the run's end, threats still
 * in flight get a `still-flying` event, so a scenario shorter than its flights says so instead of
 * cutting them silently.
 *
 * Other systems read the truth through `TruthView` (the threats in flight at a frame's time); only
 * metrics and sensors may: nothing that decides (tracking, battle management) is given it.
 */
import { groundDistanceM, WARHEAD_DAMAGE_RADIUS_M } from "../../engagement/threatEvaluation.js";
import type { TruthState } from "../../flight/truth.js";
import { createTruthState, type MutableTruthState } from "../../flight/truthAt.js";
import type { EventLog } from "../events.js";
import type { SimSystem } from "../loop.js";
import type { ThreatFlight } from "../threatFlight.js";
import type { WorldAsset } from "../world.js";

const R2D = 180 / Math.PI;

export interface TruthView {
  /** Threats in flight at timeS (launched, not yet ended before timeS); timeS must be the current frame's. */
  at(timeS: number): readonly TruthState[];
  /** Every threat flight of the run (in definition order), flying or not. */
  readonly flights: readonly ThreatFlight[];
}

/** How long the run goes on after the last threat has ended, for late detections and drops, s. */
export const RUN_TAIL_S = 30;

export class TruthSystem implements SimSystem, TruthView {
  readonly name = "truth";
  private readonly states: MutableTruthState[];
  private readonly launched: boolean[];
  private readonly ended: boolean[];
  private readonly live: TruthState[] = [];
  private liveAtS = NaN;
  private lastFrameS = 0;
  private endedCount = 0;
  private lastEndS = 0;
  /** Start times in increasing order, for the next launch. */
  private readonly starts: number[];

  constructor(
    readonly flights: readonly ThreatFlight[],
    private readonly log: EventLog,
    private readonly durationS: number,
    /** The defended assets an impact may hit. */
    private readonly assets: readonly WorldAsset[] = [],
  ) {
    this.states = flights.map((f) => createTruthState(f.id, f.kind));
    this.launched = flights.map(() => false);
    this.ended = flights.map(() => false);
    this.starts = flights.map((f) => f.startTimeS).sort((a, b) => a - b);
  }

  /** The run's end: its duration, or a little after the last threat ended once all have. */
  endS(): number {
    if (this.flights.length > 0 && this.endedCount === this.flights.length)
      return Math.min(this.durationS, this.lastEndS + RUN_TAIL_S);
    return this.durationS;
  }

  nextFrameS(afterS: number): number {
    for (const s of this.starts) if (s > afterS) return s;
    return Infinity;
  }

  runFrame(timeS: number): void {
    this.lastFrameS = timeS;
    const fl = this.flights;
    for (let i = 0; i < fl.length; i++) {
      if (this.ended[i]) continue;
      const f = fl[i];
      if (timeS < f.startTimeS) continue;
      if (!this.launched[i]) {
        this.launched[i] = true;
        this.log.push({ timeS: f.startTimeS, type: "launch", threatId: f.id });
      }
      f.advanceTo(timeS);
      const end = f.endTimeS;
      if (!Number.isNaN(end)) this.noteEnd(i, end);
    }
    this.liveAtS = NaN;
  }

  private noteEnd(i: number, endS: number): void {
    const f = this.flights[i];
    this.ended[i] = true;
    this.endedCount++;
    if (endS > this.lastEndS) this.lastEndS = endS;
    const r = f.result();
    // The run keeps every ended flight's samples: without the growth's slack.
    r.samples.compact();
    if (f.impacted) {
      const imp = r.summary.impact;
      const miss = r.summary.missDistanceM;
      const hit = imp === null ? null : assetHit(this.assets, imp.latRad * R2D, imp.lonRad * R2D);
      this.log.push({
        timeS: endS,
        type: "impact",
        threatId: f.id,
        detail: {
          latDeg: imp === null ? NaN : round(imp.latRad * R2D, 5),
          lonDeg: imp === null ? NaN : round(imp.lonRad * R2D, 5),
          missM: Number.isFinite(miss) ? round(miss, 1) : null,
          assetId: hit?.id ?? null,
        },
      });
      if (hit !== null)
        this.log.push({
          timeS: endS,
          type: "leak",
          threatId: f.id,
          detail: { assetId: hit.id, value: hit.value },
        });
    } else if (f.endReason === "terminated") {
      // A kill: the system that ended the flight logs it.
    } else {
      const last = r.events[r.events.length - 1];
      this.log.push({
        timeS: endS,
        type: "flight-ended",
        threatId: f.id,
        detail: { reason: last?.type ?? "ended" },
      });
    }
  }

  /** Forgets the threats in flight computed for the current frame (a flight was ended in the frame). */
  invalidate(): void {
    this.liveAtS = NaN;
  }

  at(timeS: number): readonly TruthState[] {
    if (this.liveAtS === timeS) return this.live;
    const live = this.live;
    live.length = 0;
    const fl = this.flights;
    for (let i = 0; i < fl.length; i++) {
      const f = fl[i];
      if (!this.launched[i] || timeS < f.startTimeS) continue;
      // Ended by this frame: an impact is seen up to its time; a kill (terminated, possibly within
      // this frame by the adjudication, before truth has noted it) is not seen from its time on.
      const end = f.endTimeS;
      if (end === end && (timeS > end || f.endReason === "terminated")) continue;
      live.push(f.truthInto(timeS, this.states[i]));
    }
    this.liveAtS = timeS;
    return live;
  }

  /** Whether threat i has ended (by the current frame). */
  hasEnded(i: number): boolean {
    return this.ended[i];
  }

  finish(endS: number): void {
    const scratch = createTruthState();
    for (let i = 0; i < this.flights.length; i++) {
      if (!this.launched[i] || this.ended[i]) continue;
      const f = this.flights[i];
      // The state at the last frame (the flight was advanced that far), logged at the run's end.
      f.truthInto(this.lastFrameS, scratch);
      this.log.push({
        timeS: endS,
        type: "still-flying",
        threatId: f.id,
        detail: { altM: round(scratch.altM, 0), phase: scratch.phase },
      });
    }
  }
}

/** The defended asset an impact at (lat, lon) hits: within its radius plus the warhead's damage
 *  radius; the nearest when several; null when none. */
export function assetHit(assets: readonly WorldAsset[], latDeg: number, lonDeg: number): WorldAsset | null {
  let best: WorldAsset | null = null;
  let bestD = Infinity;
  for (const a of assets) {
    const d = groundDistanceM(latDeg, lonDeg, a.latDeg, a.lonDeg);
    if (d <= a.radiusM + WARHEAD_DAMAGE_RADIUS_M && d < bestD) {
      best = a;
      bestD = d;
    }
  }
  return best;
}

function round(v: number, digits: number): number {
  return Number(v.toFixed(digits));
}
