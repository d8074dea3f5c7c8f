/** Shared fixtures of the flight tests: Earth models for the switch combinations and target geometry. */
import { makeEarthModel, type EarthEnvironment } from "../../src/earth/model.js";
import type { FlightEarthModel, GeodeticPoint } from "../../src/flight/index.js";

export const DEG = Math.PI / 180;

/** The closed-form checking switches: spherical, non-rotating, point gravity, no atmosphere. */
export const VACUUM_SPHERE: EarthEnvironment = {
  earth: "sphere",
  rotation: false,
  gravity: "point",
  atmosphere: "none",
};
/** The full model. */
export const FULL: EarthEnvironment = {
  earth: "wgs84",
  rotation: true,
  gravity: "j2",
  atmosphere: "ussa1976",
};

export function earthOf(env: EarthEnvironment): FlightEarthModel {
  return makeEarthModel(env);
}

/**
 * A point `rangeM` away from (lat, lon) along the great circle leaving at `azimuthRad` on a sphere of
 * radius R (spherical trigonometry, the "direct problem" on the sphere).
 */
export function pointAt(
  latRad: number,
  lonRad: number,
  azimuthRad: number,
  rangeM: number,
  R = 6371000,
): GeodeticPoint {
  const d = rangeM / R;
  const lat2 = Math.asin(
    Math.sin(latRad) * Math.cos(d) + Math.cos(latRad) * Math.sin(d) * Math.cos(azimuthRad),
  );
  const lon2 =
    lonRad +
    Math.atan2(
      Math.sin(azimuthRad) * Math.sin(d) * Math.cos(latRad),
      Math.cos(d) - Math.sin(latRad) * Math.sin(lat2),
    );
  return { latRad: lat2, lonRad: lon2, altM: 0 };
}

export const LAUNCH = { latRad: 30 * DEG, lonRad: 40 * DEG, altM: 0, timeS: 0 };
