/**
 * Where a radar is: a fixed geodetic site, or a ship moving along a track of timed waypoints.
 *
 * Ship tracks are interpolated along the geodesic (the ellipsoidal great circle, GeographicLib via
 * src/earth/geodesic.ts) between consecutive waypoints at constant speed within each leg; the velocity
 * is that speed along the local forward azimuth of the geodesic, in the local horizontal plane.
 * Before the first waypoint the ship waits at it, after the last it stops there (zero velocity).
 * Rhumb-line legs are not offered: over ship legs of tens to hundreds of kilometres the two paths
 * differ by far less than a radar's range resolution matters for coverage.
 *
 * The site stands on the scenario's Earth (`earth` in the spec, src/earth/model.ts): latitude,
 * longitude and height are converted with that model's shape, so with `earth: sphere` a site at
 * altitude h is at radius 6,371 km + h, where the threats of the same scenario are (project issue 9
 * item 5); without one, on WGS-84. The ship's path along the surface is still interpolated on the
 * WGS-84 geodesic: on the sphere the great circle differs from it by a few tenths of a percent of a
 * leg's length (the flattening), metres over a ship's leg, and the speed likewise.
 */
import { GeodesicPath, geodesicInverse } from "../../earth/geodesic.js";
import { enuRotationInto } from "../../earth/enu.js";
import { geodeticToEcefInto } from "../../earth/geodetic.js";
import type { EarthModel } from "../../earth/model.js";
import { RAD_PER_DEG } from "../../earth/wgs84.js";
import { checkGeodetic, finiteArg, rangeArg } from "../../math/check.js";

export interface GeodeticPosition {
  readonly latDeg: number;
  readonly lonDeg: number;
  /** Height above the Earth model's surface (WGS-84 ellipsoid by default), m (antenna phase centre). */
  readonly altM: number;
}

export interface TrackWaypoint {
  /** Simulation time at the waypoint, s (strictly increasing along the track). */
  readonly timeS: number;
  readonly latDeg: number;
  readonly lonDeg: number;
}

export type SiteSpec = (
  | { readonly kind: "fixed"; readonly at: GeodeticPosition }
  | {
      readonly kind: "track";
      readonly waypoints: readonly TrackWaypoint[];
      /** Antenna height above the surface, m (mast height for a ship at sea level). */
      readonly altM: number;
    }
) & {
  /** The Earth the site stands on (default WGS-84; see the file comment). */
  readonly earth?: EarthModel;
};

/** The site's state at one time; all arrays caller-owned and reused. */
export interface SiteState {
  timeS: number;
  latRad: number;
  lonRad: number;
  altM: number;
  readonly posEcefM: Float64Array;
  readonly velEcefMps: Float64Array;
  /** ECEF -> ENU rotation, row-major (rows E, N, U). */
  readonly rotEcefToEnu: Float64Array;
}

export function makeSiteState(): SiteState {
  return {
    timeS: NaN,
    latRad: 0,
    lonRad: 0,
    altM: 0,
    posEcefM: new Float64Array(3),
    velEcefMps: new Float64Array(3),
    rotEcefToEnu: new Float64Array(9),
  };
}

interface Leg {
  t0: number;
  t1: number;
  lat0: number;
  lon0: number;
  azimuthDeg: number;
  distanceM: number;
  /** The leg's geodesic, set up once (each call of stateInto asks it for one point). */
  path: GeodesicPath;
}

/** A radar site: fixed, or moving along a ship track. */
export class RadarSite {
  readonly moving: boolean;
  /** Fastest speed along the track (its fastest leg), m/s; 0 for a fixed site. */
  readonly maxSpeedMps: number;
  private readonly legs: Leg[] = [];
  private readonly first: GeodeticPosition;
  private readonly last: GeodeticPosition;

  constructor(readonly spec: SiteSpec) {
    if (spec.kind === "fixed") {
      checkGeodetic("RadarSite", "site.at", spec.at);
      this.moving = false;
      this.maxSpeedMps = 0;
      this.first = spec.at;
      this.last = spec.at;
      return;
    }
    const w = spec.waypoints;
    if (w.length < 1) throw new RangeError("ship track: at least one waypoint is needed");
    finiteArg("RadarSite", "site.altM", spec.altM);
    for (let i = 0; i < w.length; i++) {
      rangeArg("RadarSite", `site.waypoints[${i}].latDeg`, w[i].latDeg, -90, 90, "deg");
      finiteArg("RadarSite", `site.waypoints[${i}].lonDeg`, w[i].lonDeg);
      finiteArg("RadarSite", `site.waypoints[${i}].timeS`, w[i].timeS);
      if (i > 0 && !(w[i].timeS > w[i - 1].timeS)) {
        throw new RangeError(`ship track: waypoint times must increase (waypoint ${i})`);
      }
    }
    for (let i = 0; i + 1 < w.length; i++) {
      const inv = geodesicInverse(w[i].latDeg, w[i].lonDeg, w[i + 1].latDeg, w[i + 1].lonDeg);
      this.legs.push({
        t0: w[i].timeS,
        t1: w[i + 1].timeS,
        lat0: w[i].latDeg,
        lon0: w[i].lonDeg,
        azimuthDeg: inv.azimuth1Deg,
        distanceM: inv.distanceM,
        path: new GeodesicPath(w[i].latDeg, w[i].lonDeg, inv.azimuth1Deg),
      });
    }
    this.moving = this.legs.some((l) => l.distanceM > 0);
    this.maxSpeedMps = this.legs.reduce((v, l) => Math.max(v, l.distanceM / (l.t1 - l.t0)), 0);
    this.first = { latDeg: w[0].latDeg, lonDeg: w[0].lonDeg, altM: spec.altM };
    const z = w[w.length - 1];
    this.last = { latDeg: z.latDeg, lonDeg: z.lonDeg, altM: spec.altM };
  }

  /** Writes the site's state at `timeS` into `out` (skips the work when `out` already holds that time). */
  stateInto(timeS: number, out: SiteState): SiteState {
    if (out.timeS === timeS) return out;
    out.timeS = timeS;
    let latDeg = this.first.latDeg;
    let lonDeg = this.first.lonDeg;
    let speed = 0;
    let azDeg = 0;
    const altM = this.first.altM;
    const legs = this.legs;
    if (legs.length > 0 && timeS > legs[0].t0) {
      if (timeS >= legs[legs.length - 1].t1) {
        latDeg = this.last.latDeg;
        lonDeg = this.last.lonDeg;
      } else {
        let i = 0;
        while (timeS >= legs[i].t1) i++;
        const leg = legs[i];
        const span = leg.t1 - leg.t0;
        const s = (leg.distanceM * (timeS - leg.t0)) / span;
        const p = leg.path.position(s);
        latDeg = p.latDeg;
        lonDeg = p.lonDeg;
        azDeg = p.azimuth2Deg;
        speed = leg.distanceM / span;
      }
    }
    out.latRad = latDeg * RAD_PER_DEG;
    out.lonRad = lonDeg * RAD_PER_DEG;
    out.altM = altM;
    if (this.spec.earth === undefined) geodeticToEcefInto(out.latRad, out.lonRad, altM, out.posEcefM);
    else this.spec.earth.ecefFromGeodeticInto(out.latRad, out.lonRad, altM, out.posEcefM);
    const r = enuRotationInto(out.latRad, out.lonRad, out.rotEcefToEnu);
    // v_ecef = R^T v_enu with v_enu = speed (sin az, cos az, 0)
    const ve = speed * Math.sin(azDeg * RAD_PER_DEG);
    const vn = speed * Math.cos(azDeg * RAD_PER_DEG);
    out.velEcefMps[0] = r[0] * ve + r[3] * vn;
    out.velEcefMps[1] = r[1] * ve + r[4] * vn;
    out.velEcefMps[2] = r[2] * ve + r[5] * vn;
    return out;
  }
}
