/** The single-engagement pieces: closest approach in continuous time, the kill draw. */
export * from "./closestApproach.js";
export * from "./killDraw.js";
