/**
 * Sensing: every sensor looks at its own revisit times (a queue of next-look times), at the truth of
 * that instant, and sends its detections on the bus to the tracker, stamped with the look time. The
 * first detection of each threat by each sensor (an infrared constellation counts as one sensor) is
 * logged as a `detection` event.
 *
 * Randomness: each sensor draws from its own stream (`sensor:<id>` of the run's seed and index), so
 * adding a sensor or a threat changes no other sensor's draws.
 */
import type { RandomStream } from "../../math/random.js";
import { constellationOf } from "../../sensors/coverage.js";
import type { Detection } from "../../sensors/detection.js";
import type { Sensor } from "../../sensors/sensor.js";
import type { DetectionBus } from "../detectionBus.js";
import type { EventLog } from "../events.js";
import type { SimSystem } from "../loop.js";
import { TimeQueue } from "../timeQueue.js";
import type { TruthView } from "./truth.js";

/** First detection of a threat (by any sensor). */
export interface FirstDetection {
  readonly timeS: number;
  readonly sensorId: string;
}

export class SensingSystem implements SimSystem {
  readonly name = "sensing";
  private readonly queue: TimeQueue;
  private readonly fresh: Detection[] = [];
  private readonly seenBy = new Set<string>();
  /** Threat id -> its first detection. */
  readonly firstDetections = new Map<string, FirstDetection>();
  /** Looks taken, per sensor (same order as the sensors). */
  readonly looks: number[];

  constructor(
    private readonly sensors: readonly Sensor[],
    private readonly streams: readonly RandomStream[],
    private readonly truth: TruthView,
    private readonly bus: DetectionBus,
    private readonly log: EventLog,
  ) {
    this.queue = new TimeQueue(sensors.length);
    for (let i = 0; i < sensors.length; i++) this.queue.set(i, sensors[i].nextLookTimeS);
    this.looks = sensors.map(() => 0);
  }

  nextFrameS(afterS: number): number {
    void afterS; // every look due by the last frame was taken: the queue's head is after it
    return this.queue.peekTimeS();
  }

  runFrame(timeS: number): void {
    const q = this.queue;
    // Every sensor whose look is due now (the schedule's own tolerance: src/sensors/schedule.ts).
    while (q.size > 0 && q.peekTimeS() <= timeS + 1e-9) {
      const i = q.peekKey();
      const s = this.sensors[i];
      const fresh = this.fresh;
      fresh.length = 0;
      s.observe(this.truth.at(timeS), timeS, this.streams[i], fresh);
      this.looks[i]++;
      for (const d of fresh) {
        this.noteFirst(d);
        this.bus.send(d);
      }
      const next = s.nextLookTimeS;
      // A sensor must move its schedule past the look it just took.
      if (!(next > timeS)) throw new Error(`sensor ${s.id}: next look ${next} s is not after ${timeS} s`);
      q.set(i, next);
    }
  }

  private noteFirst(d: Detection): void {
    if (d.truthId === null) return;
    const sensorId = constellationOf(d.sensorId);
    const key = `${d.truthId}\u0000${sensorId}`;
    if (this.seenBy.has(key)) return;
    this.seenBy.add(key);
    if (!this.firstDetections.has(d.truthId))
      this.firstDetections.set(d.truthId, { timeS: d.timeS, sensorId });
    this.log.push({ timeS: d.timeS, type: "detection", threatId: d.truthId, sensorId });
  }
}
