/**
 * Positions as a globe draws them. CesiumJS (and any viewer of the CZML) places ECEF points on its WGS-84
 * ellipsoid, and the assets and sites as latitude, longitude and height on it; a run on the spherical
 * Earth (`environment: { earth: sphere }`) computes its positions on a sphere of 6,371 km. To keep the
 * scene consistent with the run's own geodetic coordinates (the ones in trajectories.csv, the targets
 * and the sites), each ECEF point is re-expressed as the WGS-84 point with the same latitude, longitude
 * and height on the run's Earth. On the WGS-84 Earth that is the point itself. (Drawing sphere ECEF
 * positions as they are put an impact 21.7 km from its target marker, issue 9 item 5.)
 */
import type { EarthModel } from "../../earth/model.js";
import { geodeticToEcefInto } from "../../earth/geodetic.js";

export type DisplayFrame = (pEcef: ArrayLike<number>, out: Float64Array) => Float64Array;

/** The conversion of a run's ECEF positions for a WGS-84 globe (the identity on WGS-84). */
export function displayFrame(earth: EarthModel): DisplayFrame {
  if (earth.env.earth === "wgs84")
    return (p, out) => {
      out[0] = p[0];
      out[1] = p[1];
      out[2] = p[2];
      return out;
    };
  const geo = new Float64Array(3);
  const tmp = new Float64Array(3);
  return (p, out) => {
    tmp[0] = p[0];
    tmp[1] = p[1];
    tmp[2] = p[2];
    earth.geodeticInto(tmp, geo);
    return geodeticToEcefInto(geo[0], geo[1], geo[2], out);
  };
}

/** Every point of a flattened [x0, y0, z0, x1, ...] array through `frame`, into a new array. */
export function toDisplay(frame: DisplayFrame, positionsEcefM: ArrayLike<number>): Float64Array {
  const out = new Float64Array(positionsEcefM.length);
  const p = new Float64Array(3);
  const q = new Float64Array(3);
  for (let i = 0; i + 2 < positionsEcefM.length; i += 3) {
    p[0] = positionsEcefM[i];
    p[1] = positionsEcefM[i + 1];
    p[2] = positionsEcefM[i + 2];
    frame(p, q);
    out[i] = q[0];
    out[i + 1] = q[1];
    out[i + 2] = q[2];
  }
  return out;
}
