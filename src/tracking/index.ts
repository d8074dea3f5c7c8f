/**
 * The tracking layer (src/tracking): filters, motion and measurement models, association, track
 * management, prediction from tracks and metrics, in Stone Soup's roles.
 */
export * from "./types.js";
// Models
export * from "./models/transition/constantVelocity.js";
export * from "./models/transition/constantAcceleration.js";
export * from "./models/transition/singer.js";
export * from "./models/transition/ballistic.js";
export * from "./models/measurement/linear.js";
export * from "./models/measurement/radar.js";
export * from "./models/measurement/lineOfSight.js";
export { wrapAngle } from "./models/measurement/angles.js";
// Filters
export { KalmanFilter } from "./filters/kalman.js";
export type { KalmanFilterOptions } from "./filters/kalman.js";
export { ExtendedKalmanFilter } from "./filters/extendedKalman.js";
export type { ExtendedKalmanFilterOptions } from "./filters/extendedKalman.js";
export { UnscentedKalmanFilter } from "./filters/unscentedKalman.js";
export type { UnscentedKalmanFilterOptions } from "./filters/unscentedKalman.js";
export { ImmFilter, markovTransitionMatrixInto } from "./filters/imm.js";
export type { ImmOptions, ImmState, ImmModeFilter } from "./filters/imm.js";
export { createGaussianState, copyGaussianState, mergeGaussians } from "./filters/common.js";
// Initiation
export * from "./initiation/radarInit.js";
export * from "./initiation/triangulate.js";
export * from "./initiation/losInitiator.js";
// Association
export * from "./association/gating.js";
export * from "./association/gnn.js";
export * from "./association/jpda.js";
// Track management
export * from "./management/confirmation.js";
export * from "./management/track.js";
export * from "./management/tracker.js";
// Prediction
export * from "./predict/propagate.js";
export * from "./predict/impactPoint.js";
export * from "./predict/covarianceRepair.js";
export * from "./predict/motion.js";
export * from "./predict/footprint.js";
// Metrics
export * from "./metrics/rmse.js";
export * from "./metrics/consistency.js";
export * from "./metrics/ospa.js";
export * from "./metrics/gospa.js";
export * from "./metrics/continuity.js";
export * from "./metrics/timeToConfirm.js";
