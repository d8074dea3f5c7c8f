/** Statistics: streaming moments, quantiles, Wilson intervals, normal and chi-square functions. */
export * from "./running.js";
export * from "./quantiles.js";
export * from "./wilson.js";
export * from "./special.js";
export * from "./distributions.js";
