/** The numerical core (src/math): vectors, frame brands, integrators, random streams, statistics. */
export * from "./vec3.js";
export * from "./frames.js";
export * from "./matrix.js";
export * from "./ode/index.js";
export * from "./random.js";
export * from "./stats/index.js";
