/**
 * Geodesics on the WGS-84 ellipsoid: the inverse problem (distance and azimuths between two points)
 * and the direct problem (where a given azimuth and distance lead), from GeographicLib's JavaScript
 * port (C. F. F. Karney, "Algorithms for geodesics", Journal of Geodesy 87:43-55, 2013; accurate to
 * about 15 nm). Azimuths are clockwise from north in degrees; azimuth2Deg is the forward azimuth at the
 * second point. These allocate a small result object: they are for set-up and reporting, not hot loops.
 */
// The package is CommonJS: Node's ESM loader exposes it only as a default export.
import geographiclib from "geographiclib-geodesic";
import { finiteArg, rangeArg } from "../math/check.js";

const WGS84 = geographiclib.Geodesic.WGS84;
const DISTANCE_AZIMUTHS = geographiclib.Geodesic.DISTANCE | geographiclib.Geodesic.AZIMUTH;

export interface GeodesicInverseResult {
  distanceM: number;
  azimuth1Deg: number;
  azimuth2Deg: number;
}

export interface GeodesicDirectResult {
  latDeg: number;
  lonDeg: number;
  azimuth2Deg: number;
}

function checkLat(fn: string, name: string, latDeg: number): void {
  rangeArg(fn, name, latDeg, -90, 90, "deg");
}

/** Shortest path between two points: distance (m) and azimuths (deg) at both ends. */
export function geodesicInverse(
  latDeg1: number,
  lonDeg1: number,
  latDeg2: number,
  lonDeg2: number,
): GeodesicInverseResult {
  checkLat("geodesicInverse", "latDeg1", latDeg1);
  finiteArg("geodesicInverse", "lonDeg1", lonDeg1);
  checkLat("geodesicInverse", "latDeg2", latDeg2);
  finiteArg("geodesicInverse", "lonDeg2", lonDeg2);
  const r = WGS84.Inverse(latDeg1, lonDeg1, latDeg2, lonDeg2, DISTANCE_AZIMUTHS);
  return {
    distanceM: r.s12 ?? Number.NaN,
    azimuth1Deg: r.azi1 ?? Number.NaN,
    azimuth2Deg: r.azi2 ?? Number.NaN,
  };
}

/** End point (deg) and forward azimuth there after travelling distanceM from (latDeg, lonDeg) at azimuthDeg. */
export function geodesicDirect(
  latDeg: number,
  lonDeg: number,
  azimuthDeg: number,
  distanceM: number,
): GeodesicDirectResult {
  checkLat("geodesicDirect", "latDeg", latDeg);
  finiteArg("geodesicDirect", "lonDeg", lonDeg);
  finiteArg("geodesicDirect", "azimuthDeg", azimuthDeg);
  finiteArg("geodesicDirect", "distanceM", distanceM);
  const r = WGS84.Direct(latDeg, lonDeg, azimuthDeg, distanceM);
  return { latDeg: r.lat2 ?? Number.NaN, lonDeg: r.lon2 ?? Number.NaN, azimuth2Deg: r.azi2 ?? Number.NaN };
}
