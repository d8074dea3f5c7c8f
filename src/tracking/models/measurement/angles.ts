/** Angle wrapping for residuals (src/sensors/models/angles.ts), re-exported for the tracking layer. */
export { wrapAngle } from "../../../sensors/models/angles.js";
