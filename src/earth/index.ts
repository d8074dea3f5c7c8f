/** The Earth layer: WGS-84, frames (ECEF, ENU, ECI), gravity, atmosphere, visibility, geodesics. */
export * from "./wgs84.js";
export * from "./geodetic.js";
export * from "./enu.js";
export * from "./gravity.js";
export * from "./atmosphere.js";
export * from "./atmosphereTable.js";
export * from "./model.js";
export * from "./eci.js";
export * from "./visibility.js";
export * from "./geodesic.js";
