/**
 * How much a missed scan says about a track's target being gone. In the log-likelihood-ratio track
 * score (Blackman and Popoli, Design and Analysis of Modern Tracking Systems, 1999, ch. 6; Sittler's
 * sequential test), a scan that does not update a track adds ln(1 - P_D P_G) to its score: a sensor
 * that almost always detects the target (P_D near 1) makes a miss strong evidence that the target is
 * gone, while a sensor that detects it one look in three makes a miss nearly uninformative.
 *
 * P_D is not known to the tracker (it depends on the target's signature, range, aspect and the
 * background: a boost plume is seen by every satellite in view, a cooled glide body by few), so it is
 * estimated per track and per sensor as the fraction of that sensor's recent scans that updated the
 * track, with exponential forgetting (weight `LOOK_MEMORY` per scan: about ten scans of memory).
 * A run of misses is scored with the estimate at the sensor's last hit, so the run cannot lower its
 * own penalty; the misses still enter the estimate for later runs.
 *
 * Simultaneous misses (scans of several sensors at the same measurement time) count once, with the
 * largest of their evidences: sensors looking at one target at one moment miss it for shared reasons
 * (the signature dropping at burnout or as a glide body cools, a manoeuvre out of every gate), so
 * their misses are far from independent. Summing them would let five satellites that saw a boost
 * plume delete its track within a second of burnout, while another radar still updates it.
 *
 * A track is deleted when the evidence since its last update exceeds `deleteAfterMisses` misses of a
 * sensor that updated it on every look (P_D = 1: each such miss adds -ln(1 - P_G), 4.6 for the usual
 * 99 % gate). With one reliable sensor this is the classic "N consecutive misses" rule; with sensors
 * that see the target intermittently (infrared satellites on a glide body) it takes proportionally
 * more misses, instead of a few seconds of scans by several satellites deleting a track that is
 * still there.
 */

/** Weight of the past per scan in the detection-rate estimate (memory about 1 / (1 - 0.9) = 10 scans). */
export const LOOK_MEMORY = 0.9;

/** One sensor's record for one track. */
export interface SensorLooks {
  /** Measurement time of the sensor's last update of the track, s. */
  lastHitS: number;
  /** Discounted hits and scans. */
  hits: number;
  looks: number;
  /** The detection-rate estimate hits / looks just after the last hit. */
  rateAtLastHit: number;
}

/** Records a hit of the sensor at time timeS (creating the record on the first one). */
export function recordHit(map: Map<string, SensorLooks>, sensorId: string, timeS: number): void {
  let s = map.get(sensorId);
  if (s === undefined) {
    s = { lastHitS: timeS, hits: 0, looks: 0, rateAtLastHit: 1 };
    map.set(sensorId, s);
  }
  s.hits = LOOK_MEMORY * s.hits + 1;
  s.looks = LOOK_MEMORY * s.looks + 1;
  s.rateAtLastHit = s.hits / s.looks;
  if (timeS > s.lastHitS) s.lastHitS = timeS;
}

/**
 * Records a missed scan; returns its evidence -ln(1 - P_D P_G) (nats, >= 0) with P_D the sensor's
 * detection-rate estimate at its last hit and P_G the gate probability.
 */
export function recordMiss(s: SensorLooks, gateProbability: number): number {
  s.hits = LOOK_MEMORY * s.hits;
  s.looks = LOOK_MEMORY * s.looks + 1;
  return -Math.log(1 - s.rateAtLastHit * gateProbability);
}

/** The evidence of `misses` misses of a sensor that always updates the track, nats. */
export function missEvidenceLimit(misses: number, gateProbability: number): number {
  return -misses * Math.log(1 - gateProbability);
}

/** A track's run of misses since its last update (reset on every hit). */
export class MissRun {
  /** Evidence of the run, nats. */
  evidence = 0;
  /** Consecutive missed scans (informative; deletion uses the evidence). */
  count = 0;
  private instantS = Number.NaN;
  private instantEvidence = 0;

  reset(): void {
    this.evidence = 0;
    this.count = 0;
    this.instantS = Number.NaN;
    this.instantEvidence = 0;
  }

  /** Adds a missed scan at measurement time timeS with evidence e (simultaneous misses: the largest). */
  add(timeS: number, e: number): void {
    this.count++;
    if (timeS === this.instantS) {
      if (e > this.instantEvidence) {
        this.evidence += e - this.instantEvidence;
        this.instantEvidence = e;
      }
      return;
    }
    this.instantS = timeS;
    this.instantEvidence = e;
    this.evidence += e;
  }
}
