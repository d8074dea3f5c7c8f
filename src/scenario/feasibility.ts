/**
 * What a valid file can still ask and physics refuses, found at load time so `raijin validate` finds every
 * refusal `raijin run` would make, at the offending line (issue 10 item 7): each threat's steering is
 * solved by the flight layer (`threatSteering`: ballistic targeting, the glider's boost plan; the solves
 * are cached, so the run that follows reuses them), and each sensor is built (a TLE that passes the
 * format check but whose elements SGP4 cannot use).
 *
 * The flight layer refuses with a RangeError; one that names the field it concerns (`field`, e.g.
 * `target`, as its FlightRefusalError does) is placed there, any other at the threat's entry. Errors
 * that are not refusals (an integrator failure) are not bad input and propagate.
 */
import { geodesicInverse } from "../earth/geodesic.js";
import { threatSteering } from "../flight/fly.js";
import { TleError } from "../sensors/infrared/tle.js";
import { earthModelOf } from "./build/earth.js";
import { sensorObject } from "./build/sensors.js";
import { targetPoint, threatDefinition } from "./build/threats.js";
import type { PendingIssue } from "./issues.js";
import type { PathSegment } from "./locate.js";
import type { Scenario } from "./schema/scenario.js";

/** A target closer than this to its launch point is the launch point (no trajectory joins them), m. */
export const MIN_TARGET_RANGE_M = 1_000;

const R2D = 180 / Math.PI;

/** The field a refusal names, as path segments under the threat: `.field` if it carries one. */
function fieldOf(e: RangeError): PathSegment[] {
  const field = (e as { field?: unknown }).field;
  if (typeof field === "string" && field !== "")
    return field.split(".").map((s) => (/^\d+$/.test(s) ? Number(s) : s));
  if (Array.isArray(field))
    return field.filter((s): s is PathSegment => typeof s === "string" || typeof s === "number");
  return [];
}

function threatIssues(scenario: Scenario, out: PendingIssue[]): void {
  const earth = earthModelOf(scenario);
  scenario.threats.forEach((t, i) => {
    if (t.launch !== undefined && t.target !== undefined) {
      const target = targetPoint(t.target, scenario.assets);
      const rangeM = geodesicInverse(
        t.launch.at.lat * R2D,
        t.launch.at.lon * R2D,
        target.latRad * R2D,
        target.lonRad * R2D,
      ).distanceM;
      if (rangeM < MIN_TARGET_RANGE_M) {
        out.push({
          path: ["threats", i, "target"],
          expected: `a target at least ${MIN_TARGET_RANGE_M / 1000} km from the launch point`,
          given: `a target ${rangeM.toFixed(0)} m from it`,
        });
        return;
      }
    }
    try {
      threatSteering(threatDefinition(t, scenario.assets), earth);
    } catch (e) {
      if (!(e instanceof RangeError)) throw e;
      out.push({
        path: ["threats", i, ...fieldOf(e)],
        expected: "a threat its vehicle can fly",
        given: e.message,
      });
    }
  });
}

function sensorIssues(scenario: Scenario, out: PendingIssue[]): void {
  scenario.sensors.forEach((s, i) => {
    try {
      sensorObject(s, scenario.epoch);
    } catch (e) {
      if (!(e instanceof TleError) && !(e instanceof RangeError)) throw e;
      const tle = /^TLE (\d+)/.exec(e.message);
      out.push({
        path: tle === null ? ["sensors", i] : ["sensors", i, "tles", Number(tle[1])],
        expected: tle === null ? "a sensor that can be built" : "two-line elements SGP4 can propagate",
        given: e.message,
      });
    }
  });
}

/** Every physics refusal of a valid scenario, each at its place in the file. */
export function feasibilityIssues(scenario: Scenario): PendingIssue[] {
  const out: PendingIssue[] = [];
  threatIssues(scenario, out);
  sensorIssues(scenario, out);
  return out;
}
