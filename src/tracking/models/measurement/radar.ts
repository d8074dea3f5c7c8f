/**
 * The radar measurement model (range, azimuth, elevation, range rate). It lives with the sensors
 * (src/sensors/models/radar.ts), which attach one to every radar detection; re-exported here among the
 * tracking layer's measurement models.
 */
export { RadarMeasurementModel, radarMeasurementModel } from "../../../sensors/models/radar.js";
