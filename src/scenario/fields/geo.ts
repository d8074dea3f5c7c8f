/**
 * Places and moving platforms: a geodetic point `{ lat: 35 deg, lon: 139 deg, alt: 0 m }` (WGS-84
 * geodetic latitude and longitude, height above the ellipsoid) and a ship track of timed waypoints.
 */
import * as z from "zod";
import { formatSI } from "../units.js";
import { raise } from "./meta.js";
import { strict } from "./object.js";
import { angle, duration, length } from "./quantity.js";

/**
 * A geodetic point. Output in SI: lat and lon in radians, alt in metres. Longitude is accepted in
 * [-180, 360) deg and kept as given (trigonometry does not care); altitude spans the deepest sites to
 * the top of the modelled atmosphere (USSA-1976 ends at 1000 km).
 */
export const geoPoint = () =>
  strict({
    lat: angle({ min: "-90 deg", max: "90 deg", description: "geodetic latitude (WGS-84)" }),
    lon: angle({
      min: "-180 deg",
      max: "360 deg",
      maxExclusive: true,
      description: "longitude, east positive",
    }),
    alt: length({
      min: "-1 km",
      max: "1000 km",
      default: "0 m",
      description: "height above the WGS-84 ellipsoid",
    }),
  });

export type GeoPoint = z.output<ReturnType<typeof geoPoint>>;

/**
 * A moving platform's track: waypoints with scenario times (s from the epoch), strictly increasing.
 * Motion between waypoints is for the platform model to define (e.g. great-circle at constant speed).
 */
export const track = () =>
  z
    .array(
      strict({
        time: duration({ min: "0 s", description: "time of the waypoint, from the scenario epoch" }),
        at: geoPoint(),
      }),
    )
    .min(2)
    .superRefine((points, ctx) => {
      for (let i = 1; i < points.length; i++) {
        if (!(points[i].time > points[i - 1].time)) {
          const prev = formatSI(points[i - 1].time, "duration");
          raise(ctx, { expected: `a time after the previous waypoint's (${prev})` }, [i, "time"]);
        }
      }
    });

export type TrackPoint = z.output<ReturnType<typeof track>>[number];
