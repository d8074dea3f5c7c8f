/** The single-engagement pieces: closest approach in continuous time, the kill draw. */
export * from "./closestApproach.js";
export * from "./killDraw.js";
export * from "./flyToClosestApproach.js";
export * from "./rounds.js";
export * from "./roundLaunch.js";
export * from "./launch.js";
export * from "./engage.js";
export * from "./engageFireControl.js";
export * from "./engagementRecord.js";
export * from "./reach.js";
