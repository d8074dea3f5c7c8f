/**
 * Measurement models for the detections of one scan, reused from scan to scan (configured in place
 * from each detection, so fusing many sensors allocates no models per detection).
 */
import type { Detection } from "../../sensors/detection.js";
import type { MeasurementModel } from "../types.js";
import { RadarMeasurementModel } from "../models/measurement/radar.js";
import { LineOfSightMeasurementModel } from "../models/measurement/lineOfSight.js";

export class ScanModels {
  private readonly radar3: RadarMeasurementModel[] = [];
  private readonly radar4: RadarMeasurementModel[] = [];
  /** Range, azimuth and elevation views of 4-component radar detections (young tracks). */
  private readonly radar4as3: RadarMeasurementModel[] = [];
  private readonly losModels: LineOfSightMeasurementModel[] = [];

  /** The model of detection d, the k-th of its scan. */
  full(d: Detection, k: number): MeasurementModel {
    if (d.kind === "radar") {
      const pool = d.z.length === 4 ? this.radar4 : this.radar3;
      while (pool.length <= k) pool.push(new RadarMeasurementModel());
      return pool[k].configure(d);
    }
    while (this.losModels.length <= k) this.losModels.push(new LineOfSightMeasurementModel());
    return this.losModels[k].configure(d);
  }

  /** The 3-component view of a 4-component radar detection, for tracks that do not use range rate yet. */
  reduced(d: Detection, k: number): MeasurementModel {
    while (this.radar4as3.length <= k) this.radar4as3.push(new RadarMeasurementModel());
    return this.radar4as3[k].configure(d, false);
  }
}
