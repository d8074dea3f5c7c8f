/**
 * The angle-only line-of-sight measurement model of a space infrared sensor. It lives with the sensors
 * (src/sensors/models/lineOfSight.ts), which attach one to every line-of-sight detection; re-exported
 * here among the tracking layer's measurement models.
 */
export {
  LineOfSightMeasurementModel,
  lineOfSightMeasurementModel,
} from "../../../sensors/models/lineOfSight.js";
