/**
 * Battle management: the engagement layer's BattleManager (src/engagement/battleManager.ts) on the
 * engine's clock. At every decision tick it decides on the frame's tracks (this system runs after
 * tracking), hands its orders to the weapons (weapons.ts), and logs `engagement-planned` for each order
 * and `kill-assessed` for each assessment.
 *
 * The BattleManager was built from the track picture, its batteries' read-only state and its order
 * book only: it cannot reach the truth. This wrapper names, for the log alone, the threat each track
 * follows (`threatId` on its events, as the scorer does for track events): the threat nearest the
 * track's position extrapolated to the decision, within the scorer's cut-off, or the last one named for
 * that track; a kill assessment names the threat its rounds were adjudicated against. That is analysis,
 * never an input to a decision.
 */
import type { BattleManager } from "../../engagement/battleManager.js";
import type { TrackPicture } from "../../engagement/picture.js";
import { createTruthState } from "../../flight/truthAt.js";
import type { EventLog } from "../events.js";
import type { SimSystem, Ticks } from "../loop.js";
import { SCORING_CUTOFF_M } from "./scoring.js";
import type { TruthView } from "./truth.js";
import type { WeaponsSystem } from "./weapons.js";

function r3(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** The threat a track follows, for the log (see the file comment). */
export class TrackAttribution {
  private readonly last = new Map<string, string>();
  private readonly scratch = createTruthState();

  constructor(
    private readonly truth: TruthView,
    private readonly picture: TrackPicture,
  ) {}

  threatOf(trackId: string, timeS: number): string | undefined {
    let track = null;
    for (const t of this.picture.tracks) if (t.id === trackId) track = t;
    if (track === null) return this.last.get(trackId);
    const x = track.state.x;
    const dt = timeS - track.lastUpdateS;
    const px = x[0] + x[3] * dt;
    const py = x[1] + x[4] * dt;
    const pz = x[2] + x[5] * dt;
    let best: string | undefined;
    let bestD = SCORING_CUTOFF_M;
    for (const f of this.truth.flights) {
      if (timeS < f.startTimeS) continue;
      const end = f.endTimeS;
      if (end === end && timeS > end) continue;
      const s = f.truthInto(end === end ? Math.min(timeS, end) : timeS, this.scratch);
      const d = Math.hypot(s.posEcefM[0] - px, s.posEcefM[1] - py, s.posEcefM[2] - pz);
      if (d < bestD) {
        bestD = d;
        best = f.id;
      }
    }
    if (best !== undefined) this.last.set(trackId, best);
    return best ?? this.last.get(trackId);
  }
}

export class BattleManagementSystem implements SimSystem {
  readonly name = "battle-management";

  constructor(
    readonly manager: BattleManager,
    private readonly weapons: WeaponsSystem,
    private readonly log: EventLog,
    private readonly ticks: Ticks,
    private readonly attribution: TrackAttribution,
  ) {}

  nextFrameS(afterS: number): number {
    return this.ticks.after(afterS);
  }

  runFrame(timeS: number): void {
    if (!this.ticks.isTick(timeS)) return;
    const d = this.manager.decide(timeS);
    for (const p of d.planned) {
      const o = p.order;
      this.weapons.give(o);
      const threatId = this.attribution.threatOf(o.trackId, timeS);
      this.log.push({
        timeS,
        type: "engagement-planned",
        trackId: o.trackId,
        weaponId: o.weaponId,
        ...(threatId === undefined ? {} : { threatId }),
        detail: {
          orderId: o.orderId,
          shotTimeS: r3(o.shotTimeS),
          interceptTimeS: r3(o.interceptTimeS),
          interceptAltM: Math.round(o.interceptAltM),
          interceptRangeM: Math.round(o.interceptRangeM),
          pk: r3(o.plannedPk),
          threatClass: p.threatClass,
          assetId: p.assetId,
          value: p.value,
          method: p.method,
          tier: p.tier,
        },
      });
    }
    for (const a of d.assessed) {
      // The threat the assessed rounds were measured against (the adjudicator's), else the track's.
      let threatId: string | undefined;
      for (const id of a.shotIds) threatId = this.weapons.targetOf(id) ?? threatId;
      threatId ??= this.attribution.threatOf(a.trackId, timeS);
      this.log.push({
        timeS,
        type: "kill-assessed",
        trackId: a.trackId,
        ...(threatId === undefined ? {} : { threatId }),
        ...(a.weaponIds.length > 0 ? { weaponId: a.weaponIds[a.weaponIds.length - 1] } : {}),
        ...(a.shotIds.length > 0 ? { shotId: a.shotIds[a.shotIds.length - 1] } : {}),
        detail: { outcome: a.outcome, basis: a.basis, shotIds: a.shotIds },
      });
    }
  }
}
