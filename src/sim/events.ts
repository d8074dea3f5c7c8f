/**
 * The event log of a run (`events.jsonl`): one object per event, in time order, with the ids involved.
 * Each event type has its own typed `detail` payload (SimEventDetails), so a writer, the viewer and a
 * test read the same fields by name. `threatId` on track events names the threat the track follows, for
 * analysis only: it comes from the scorer's truth-to-track pairing, never from the tracker (which does
 * not know truth).
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
  /** Where the threat came down, and how far from its aimpoint (null: no aimpoint). */
  impact: { readonly latDeg: number; readonly lonDeg: number; readonly missM: number | null };
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
  "track-dropped": 4,
  impact: 5,
  "flight-ended": 6,
  "still-flying": 7,
  "impact-prediction-skipped": 8,
};

/** Time order; at equal times by type in the order above, then by ids (a total order: deterministic). */
export function compareEvents(a: SimEvent, b: SimEvent): number {
  return (
    a.timeS - b.timeS ||
    ORDER[a.type] - ORDER[b.type] ||
    cmp(a.threatId, b.threatId) ||
    cmp(a.trackId, b.trackId) ||
    cmp(a.sensorId, b.sensorId)
  );
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
