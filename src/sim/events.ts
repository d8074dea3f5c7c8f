/**
 * The event log of a run (docs/design.md, `events.jsonl`): one object per event, in time order, with the ids
 * involved. `threatId` on track events names the threat the track follows, for analysis only: it comes
 * from the scorer's truth-to-track assignment, never from the tracker (which does not know truth).
 */
export type SimEventType =
  "launch" | "detection" | "track-initiated" | "track-confirmed" | "track-dropped" | "impact";

export interface SimEvent {
  readonly timeS: number;
  readonly type: SimEventType;
  readonly threatId?: string;
  readonly sensorId?: string;
  readonly trackId?: string;
  /** Anything else the event carries (drop reason, impact point and miss). */
  readonly detail?: Readonly<Record<string, string | number | null>>;
}

const ORDER: Record<SimEventType, number> = {
  launch: 0,
  detection: 1,
  "track-initiated": 2,
  "track-confirmed": 3,
  "track-dropped": 4,
  impact: 5,
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
