/** The field helper library: declare a scenario field once, with its unit, range, default and source. */
export * from "./meta.js";
export * from "./quantity.js";
export * from "./basic.js";
export * from "./geo.js";
export * from "./tle.js";
export * from "./object.js";
