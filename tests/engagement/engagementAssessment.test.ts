// The battle manager's kill assessment step (src/engagement/engagementAssessment.ts): an engagement is
// assessed once all its orders have settled, from what the track picture shows after the rounds passed
// (killAssessment.ts); held orders give their shots back to the threat's cap.
import { describe, expect, it } from "vitest";
import { assessEngagements } from "../../src/engagement/engagementAssessment.js";
import type { OrderBook, OrderState, OrderView, TrackView } from "../../src/engagement/picture.js";
import { newTrackFile, type TrackFile } from "../../src/engagement/trackFile.js";
import { ASSESSMENT_TIMEOUT_S } from "../../src/engagement/killAssessment.js";

const DELAY_S = 5;

function track(id: string, lastUpdateS: number): TrackView {
  return {
    id,
    status: "confirmed",
    confirmedAtS: 0,
    lastUpdateS,
    updateIntervalS: 1,
    state: { x: new Float64Array(6), P: new Float64Array(36), timeS: lastUpdateS },
  };
}

function order(orderId: string, state: OrderState, doneS = NaN): OrderView {
  return {
    order: {
      orderId,
      weaponId: orderId.split("@")[0],
      trackId: "T1",
      decidedS: 0,
      shotTimeS: 1,
      interceptTimeS: 50,
      interceptAltM: 30e3,
      interceptRangeM: 50e3,
      plannedPk: 0.5,
      threatClass: "ballistic",
      alongTrackAccelMps2: 0,
    },
    state,
    shotId: state === "held" || state === "pending" ? null : `${orderId}/shot`,
    plannedInterceptS: 50,
    doneS,
    heldBecause: state === "held" ? "no solution" : null,
  };
}

function book(views: OrderView[]): OrderBook {
  const byId = new Map(views.map((v) => [v.order.orderId, v]));
  return { orders: views, get: (id) => byId.get(id) };
}

/** A file on T1 with an engagement of these orders, `ordered` rounds counted against its cap. */
function file(orderIds: string[]): TrackFile {
  const f = newTrackFile(track("T1", 0), 0, 2);
  f.engagement = { orderIds };
  f.ordered = orderIds.length;
  return f;
}

describe("assessEngagements", () => {
  it("waits while an order is pending or its round flies", () => {
    for (const state of ["pending", "fired"] as const) {
      const f = file(["gun@T1#1", "gun@T1#2"]);
      const orders = book([order("gun@T1#1", "done", 50), order("gun@T1#2", state)]);
      const tracks = new Map([["T1", track("T1", 40)]]);
      expect(assessEngagements([f], orders, tracks, 200, DELAY_S)).toEqual([]);
      expect(f.engagement).not.toBeNull();
      expect(f.ordered).toBe(2);
    }
  });

  it("drops an engagement whose orders were all held, and gives their shots back", () => {
    const f = file(["gun@T1#1", "gun@T1#2"]);
    const out = assessEngagements(
      [f],
      book([order("gun@T1#1", "held"), order("gun@T1#2", "held")]),
      new Map([["T1", track("T1", 40)]]),
      60,
      DELAY_S,
    );
    expect(out).toEqual([]);
    expect(f.engagement).toBeNull();
    expect(f.ordered).toBe(0);
    expect(f.closed).toBe(false);
  });

  it("closes a track that is gone after the rounds passed, and returns a held order's shot", () => {
    const f = file(["gun@T1#1", "sam@T1#2"]);
    const orders = book([order("gun@T1#1", "done", 50), order("sam@T1#2", "held")]);
    // Too early, cycle after cycle: the sensors have not had their look yet, and the held order is
    // not given back before the engagement ends (once given back per cycle, it let the threat be shot
    // at beyond the doctrine's cap).
    for (let t = 51; t < 50 + DELAY_S; t++) {
      expect(assessEngagements([f], orders, new Map(), t, DELAY_S)).toEqual([]);
      expect(f.ordered).toBe(2);
    }
    const out = assessEngagements([f], orders, new Map(), 50 + DELAY_S, DELAY_S);
    expect(out).toHaveLength(1);
    expect(out[0]).toMatchObject({
      trackId: "T1",
      outcome: "killed",
      orderIds: ["gun@T1#1", "sam@T1#2"],
      shotIds: ["gun@T1#1/shot"],
      weaponIds: ["gun"],
    });
    expect(f.closed).toBe(true);
    expect(f.engagement).toBeNull();
    expect(f.ordered).toBe(1);
  });

  it("reopens a track updated after the rounds passed, and times out one only coasting", () => {
    const survived = file(["gun@T1#1"]);
    const done = book([order("gun@T1#1", "done", 50)]);
    const out = assessEngagements([survived], done, new Map([["T1", track("T1", 52)]]), 56, DELAY_S);
    expect(out[0].outcome).toBe("survived");
    expect(survived.closed).toBe(false);
    expect(survived.engagement).toBeNull();
    expect(survived.ordered).toBe(1);

    const coasting = file(["gun@T1#1"]);
    const stale = new Map([["T1", track("T1", 49)]]);
    expect(assessEngagements([coasting], done, stale, 56, DELAY_S)).toEqual([]);
    const late = assessEngagements([coasting], done, stale, 50 + DELAY_S + ASSESSMENT_TIMEOUT_S, DELAY_S);
    expect(late[0].outcome).toBe("killed");
    expect(coasting.closed).toBe(true);
  });
});
