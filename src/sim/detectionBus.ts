/**
 * Detections in transit from the sensors to the tracker: each reaches the tracker at its arrival time
 * (measurement time plus the sensor's latency), so late data arrives late. Detections that arrive at the
 * same time leave in the order they were sent (a sensor's own order within a look), which keeps the
 * tracker's scans, and so the event log, independent of how the queue is stored.
 */
import type { Detection } from "../sensors/detection.js";

export class DetectionBus {
  /** Detections not yet arrived, from `head` on, kept sorted by (arrival time, send order). */
  private pending: Detection[] = [];
  private head = 0;
  private sent = 0;

  /** Total detections sent. */
  get count(): number {
    return this.sent;
  }

  send(d: Detection): void {
    this.sent++;
    const p = this.pending;
    // Latencies are per sensor and sensors look in time order, so a new detection almost always
    // belongs at the end: insert from the back.
    let i = p.length;
    while (i > this.head && p[i - 1].arrivalTimeS > d.arrivalTimeS) i--;
    if (i === p.length) p.push(d);
    else p.splice(i, 0, d);
  }

  /** Moves the detections that have arrived by timeS into `out` (cleared first); returns it. */
  takeArrived(timeS: number, out: Detection[]): Detection[] {
    out.length = 0;
    const p = this.pending;
    let n = this.head;
    while (n < p.length && p[n].arrivalTimeS <= timeS + 1e-9) out.push(p[n++]);
    this.head = n;
    // Drop the delivered prefix once it is most of the array (amortised O(1) per detection).
    if (n > 1024 && n > p.length >> 1) {
      this.pending = p.slice(n);
      this.head = 0;
    }
    return out;
  }

  /** The earliest arrival strictly after timeS (Infinity when none is pending). */
  nextArrivalAfterS(timeS: number): number {
    const p = this.pending;
    for (let i = this.head; i < p.length; i++) if (p[i].arrivalTimeS > timeS + 1e-9) return p[i].arrivalTimeS;
    return Infinity;
  }
}
