/**
 * Tracking: the tracker takes the detections that have reached it (in arrival order) at each frame where
 * some arrived, and at every tick for track maintenance (drops by coast time and covariance). Its track
 * events wait in `pendingEvents` for the scorer, which names the threat each track follows (metrics only)
 * before they go into the log.
 */
import type { Detection } from "../../sensors/detection.js";
import type { Tracker, TrackEvent } from "../../tracking/management/tracker.js";
import type { GaussianState } from "../../tracking/types.js";
import type { DetectionBus } from "../detectionBus.js";
import type { SimSystem } from "../loop.js";
import type { Ticks } from "../loop.js";

export class TrackingSystem implements SimSystem {
  readonly name = "tracking";
  private readonly arrived: Detection[] = [];
  /** Track events not yet logged (the scorer attributes and logs them). */
  readonly pendingEvents: TrackEvent[] = [];
  /** Detections given to the tracker. */
  delivered = 0;

  constructor(
    readonly tracker: Tracker<GaussianState>,
    private readonly bus: DetectionBus,
    private readonly ticks: Ticks,
  ) {}

  nextFrameS(afterS: number): number {
    return Math.min(this.bus.nextArrivalAfterS(afterS), this.ticks.after(afterS));
  }

  runFrame(timeS: number): void {
    const arrived = this.bus.takeArrived(timeS, this.arrived);
    if (arrived.length === 0 && !this.ticks.isTick(timeS)) return;
    this.delivered += arrived.length;
    const r = this.tracker.step(timeS, arrived);
    for (const e of r.events) this.pendingEvents.push(e);
  }
}
