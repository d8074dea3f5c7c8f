/**
 * The event log of a run (`events.jsonl`): one object per event, in time order, with the ids involved.
 * Each event type has its own typed `detail` payload (SimEventDetails), so a writer, the viewer and a
 * test read the same fields by name. `threatId` on track and engagement events names the threat the
 * track follows, for analysis only: it comes from the scorer's truth-to-track pairing or the
 * adjudicator's, never from the tracker or the battle manager (which do not know the truth).
 */
import type { TrackDeletionReason } from "../tracking/management/track.js";

/** The `detail` payload of each event type (null: the event carries none). */
export interface SimEventDetails {
  launch: null;
  /** The first detection of a threat by a sensor (a constellation counts as one sensor). */
  detection: null;
  "track-initiated": null;
  "track-confirmed": null;
  "track-dropped": { readonly reason: TrackDeletionReason };
  /** Where the threat came down, how far from its aimpoint (null: no aimpoint), and the defended asset
   *  it hit (null: none; src/engagement/threatEvaluation.ts WARHEAD_DAMAGE_RADIUS_M). */
  impact: {
    readonly latDeg: number;
    readonly lonDeg: number;
    readonly missM: number | null;
    readonly assetId: string | null;
  };
  /** A threat that was not intercepted came down on a defended asset. */
  leak: { readonly assetId: string; readonly value: number };
  /** The battle manager ordered a battery to fire at a track (its plan at the decision). */
  "engagement-planned": {
    readonly orderId: string;
    readonly shotTimeS: number;
    readonly interceptTimeS: number;
    readonly interceptAltM: number;
    readonly interceptRangeM: number;
    readonly pk: number;
    readonly threatClass: string;
    readonly assetId: string | null;
    readonly value: number;
    readonly method: string;
    readonly tier: number;
  };
  /** A round left its battery. */
  shot: {
    readonly orderId: string;
    readonly kind: string;
    readonly plannedInterceptS: number;
    readonly plannedAltM: number;
    readonly plannedRangeM: number;
    readonly plannedPk: number;
    readonly azimuthDeg: number;
    readonly elevationDeg: number;
    readonly roundsLeft: number;
  };
  /** An order the weapons could not carry out at its time (no intercept on the latest track, refused). */
  "shot-held": { readonly orderId: string; readonly why: string };
  /** A round's closest approach to its true target, located in continuous time, and the kill draw. */
  intercept: {
    readonly missM: number;
    readonly pk: number;
    readonly draw: number;
    readonly killed: boolean;
    readonly altM: number;
    readonly rangeM: number;
    readonly closingSpeedMps: number;
  };
  /** A round that did not kill: after its intercept (missM), or without one (why). */
  miss: { readonly reason: string; readonly missM: number | null };
  /** The battle manager's kill assessment of an engagement, from the track picture after it. */
  "kill-assessed": {
    readonly outcome: "killed" | "survived";
    readonly basis: string;
    readonly shotIds: readonly string[];
  };
  /** A flight that ended without an impact: it outlived the flight-time limit or reached orbit. */
  "flight-ended": { readonly reason: string };
  /** The run ended (its duration) with the threat still in flight: no impact, no outcome. */
  "still-flying": { readonly altM: number; readonly phase: string };
  /** The scorer could not make the impact prediction from this track (the run goes on). */
  "impact-prediction-skipped": { readonly reason: string };
}

export type SimEventType = keyof SimEventDetails;

interface EventIds {
  readonly timeS: number;
  readonly threatId?: string;
  readonly sensorId?: string;
  readonly trackId?: string;
  readonly weaponId?: string;
  readonly shotId?: string;
}

/** One event: its type, time, ids and the typed detail of that type. */
export type SimEventOf<T extends SimEventType> = EventIds & {
  readonly type: T;
} & (SimEventDetails[T] extends null
    ? { readonly detail?: undefined }
    : { readonly detail: SimEventDetails[T] });

export type SimEvent = { [T in SimEventType]: SimEventOf<T> }[SimEventType];

/** Order of types at equal times: causes before effects. */
const ORDER: Record<SimEventType, number> = {
  launch: 0,
  detection: 1,
  "track-initiated": 2,
  "track-confirmed": 3,
  "engagement-planned": 4,
  shot: 5,
  "shot-held": 6,
  intercept: 7,
  miss: 8,
  "track-dropped": 9,
  "kill-assessed": 10,
  impact: 11,
  leak: 12,
  "flight-ended": 13,
  "still-flying": 14,
  "impact-prediction-skipped": 15,
};

/** Time order; at equal times by type in the order above, then by ids (a total order: deterministic). */
export function compareEvents(a: SimEvent, b: SimEvent): number {
  return (
    a.timeS - b.timeS ||
    ORDER[a.type] - ORDER[b.type] ||
    cmp(a.threatId, b.threatId) ||
    cmp(a.trackId, b.trackId) ||
    cmp(a.sensorId, b.sensorId) ||
    cmp(a.weaponId, b.weaponId) ||
    cmp(a.shotId, b.shotId) ||
    cmp(orderIdOf(a), orderIdOf(b))
  );
}

/** The order id of an engagement event (two orders of one battery at one track can share a time). */
function orderIdOf(e: SimEvent): string | undefined {
  const d = e.detail as { orderId?: unknown } | undefined;
  return typeof d?.orderId === "string" ? d.orderId : undefined;
}

function cmp(a: string | undefined, b: string | undefined): number {
  const x = a ?? "";
  const y = b ?? "";
  return x < y ? -1 : x > y ? 1 : 0;
}

/** The run's log: systems append as they go; `sorted()` gives the time-ordered log. */
export class EventLog {
  private readonly list: SimEvent[] = [];

  push(e: SimEvent): void {
    this.list.push(e);
  }

  get length(): number {
    return this.list.length;
  }

  /** The events in log order (compareEvents: a total order, so the same for any insertion order). */
  sorted(): SimEvent[] {
    return [...this.list].sort(compareEvents);
  }
}
