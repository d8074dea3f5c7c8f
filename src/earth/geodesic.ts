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

/** GeographicLib's Direct asks for its standard results, with the distance as input. */
const DIRECT_CAPS = geographiclib.Geodesic.STANDARD | geographiclib.Geodesic.DISTANCE_IN;

/**
 * The geodesic leaving (latDeg, lonDeg) at azimuthDeg, set up once: `position(s)` equals
 * geodesicDirect(latDeg, lonDeg, azimuthDeg, s) to the last bit (GeographicLib's Direct builds this
 * same line and asks it for the same position), without building the line again at every call (a
 * ship's track asks for many points of each leg).
 */
export class GeodesicPath {
  private readonly line: ReturnType<typeof WGS84.DirectLine>;

  constructor(latDeg: number, lonDeg: number, azimuthDeg: number) {
    checkLat("GeodesicPath", "latDeg", latDeg);
    finiteArg("GeodesicPath", "lonDeg", lonDeg);
    finiteArg("GeodesicPath", "azimuthDeg", azimuthDeg);
    // DirectLine with these capabilities builds the line Direct builds (its distance 0 is unused).
    this.line = WGS84.DirectLine(latDeg, lonDeg, azimuthDeg, 0, DIRECT_CAPS);
  }

  /** End point (deg) and forward azimuth there after distanceM along the path. */
  position(distanceM: number): GeodesicDirectResult {
    finiteArg("GeodesicPath.position", "distanceM", distanceM);
    const r = this.line.GenPosition(false, distanceM, DIRECT_CAPS);
    return { latDeg: r.lat2 ?? Number.NaN, lonDeg: r.lon2 ?? Number.NaN, azimuth2Deg: r.azi2 ?? Number.NaN };
  }
}
