/**
 * Argument checks of the flight layer's public entry points (issue 10 item 10): the numbers of a flight's
 * options and of a threat definition, each refused with a RangeError that names it, before any
 * targeting solve or integration runs on a NaN. A threat definition's refusals are FlightRefusalErrors
 * carrying the entry's field, so the scenario layer places them at the threat's line.
 */
import { argError } from "../math/check.js";
import type { GeodeticPoint, ThreatDefinition } from "./definitions.js";
import { FlightRefusalError, type FlightRefusalField } from "./errors.js";

/** The numeric options a flight takes (FlightOptions, FlyThreatOptions). */
interface TimingOptions {
  readonly sampleIntervalS?: number;
  readonly maxFlightTimeS?: number;
  readonly endTimeS?: number;
  readonly rtol?: number;
  readonly atol?: number;
  readonly historySteps?: number;
  readonly sampleCapacity?: number;
}

/** Most integration steps a flight keeps for dense output (a flight keeps a few; memory stays bounded). */
const MAX_HISTORY_STEPS = 10_000;

/**
 * `o`'s numbers, named `options.<key>`: the sample interval finite (0 or less: no samples), the flight-time
 * limit finite and > 0, the end time not NaN nor -Infinity (+Infinity: no scenario end), the tolerances
 * finite and > 0, the kept steps a whole number >= 1.
 */
export function checkFlightOptions(fn: string, o: TimingOptions): void {
  const s = o.sampleIntervalS;
  if (s !== undefined && !Number.isFinite(s))
    throw argError(fn, "options.sampleIntervalS", "a finite number of s (0 or less: no samples)", s);
  const m = o.maxFlightTimeS;
  if (m !== undefined && !(m > 0 && Number.isFinite(m)))
    throw argError(fn, "options.maxFlightTimeS", "a finite number > 0", m);
  const e = o.endTimeS;
  if (e !== undefined && !(e > -Infinity))
    throw argError(fn, "options.endTimeS", "a time in s (Infinity: no end)", e);
  for (const k of ["rtol", "atol"] as const) {
    const v = o[k];
    if (v !== undefined && !(v > 0 && Number.isFinite(v)))
      throw argError(fn, `options.${k}`, "a finite number > 0", v);
  }
  const h = o.historySteps;
  if (h !== undefined && !(Number.isInteger(h) && h >= 1 && h <= MAX_HISTORY_STEPS))
    throw argError(fn, "options.historySteps", `a whole number in [1, ${MAX_HISTORY_STEPS}]`, h);
  const c = o.sampleCapacity;
  if (c !== undefined && !(Number.isInteger(c) && c >= 0 && c <= 1e8))
    throw argError(fn, "options.sampleCapacity", "a whole number in [0, 1e8]", c);
}

function refuse(
  def: ThreatDefinition,
  field: FlightRefusalField,
  name: string,
  expected: string,
  v: unknown,
) {
  return new FlightRefusalError(def.id, field, `${name} must be ${expected}, given ${String(v)}`);
}

function finite(def: ThreatDefinition, field: FlightRefusalField, name: string, v: number): void {
  if (!Number.isFinite(v)) throw refuse(def, field, name, "a finite number", v);
}

/** A point: latitude in [-pi/2, pi/2] rad, longitude and height finite. */
function point(def: ThreatDefinition, field: FlightRefusalField, p: GeodeticPoint): void {
  if (typeof p !== "object" || p === null) throw refuse(def, field, field, "{ latRad, lonRad, altM }", p);
  if (!(p.latRad >= -Math.PI / 2 && p.latRad <= Math.PI / 2))
    throw refuse(def, field, `${field}.latRad`, "a latitude in [-pi/2, pi/2] rad", p.latRad);
  finite(def, field, `${field}.lonRad`, p.lonRad);
  finite(def, field, `${field}.altM`, p.altM);
}

/**
 * A threat definition's numbers: its launch or burnout (position, time; the burnout's speed > 0, its
 * flight-path angle in [-pi/2, pi/2]), its target, its manoeuvre and its trajectory's final pitch.
 */
export function checkThreatDefinition(def: ThreatDefinition): void {
  if (typeof def !== "object" || def === null)
    throw new RangeError(`threat definition must be an object, given ${String(def)}`);
  if (def.launch !== undefined) {
    point(def, "launch", def.launch);
    finite(def, "launch", "launch.timeS", def.launch.timeS);
  }
  const b = def.burnout;
  if (b !== undefined) {
    point(def, "burnout", b);
    finite(def, "burnout", "burnout.timeS", b.timeS);
    if (!(b.speedMps > 0 && Number.isFinite(b.speedMps)))
      throw refuse(def, "burnout", "burnout.speedMps", "a finite number > 0", b.speedMps);
    if (!(b.flightPathAngleRad >= -Math.PI / 2 && b.flightPathAngleRad <= Math.PI / 2))
      throw refuse(
        def,
        "burnout",
        "burnout.flightPathAngleRad",
        "an angle in [-pi/2, pi/2] rad",
        b.flightPathAngleRad,
      );
    finite(def, "burnout", "burnout.azimuthRad", b.azimuthRad);
  }
  if (def.target !== undefined) point(def, "target", def.target);
  if (def.trajectoryPitchRad !== undefined)
    finite(def, "trajectory", "trajectoryPitchRad", def.trajectoryPitchRad);
  const m = def.maneuver;
  if (m !== undefined && m.kind !== "none") {
    if (m.kind === "weave") {
      finite(def, "maneuver", "maneuver.bankAmplitudeRad", m.bankAmplitudeRad);
      if (!(m.periodS > 0 && Number.isFinite(m.periodS)))
        throw refuse(def, "maneuver", "maneuver.periodS", "a finite number > 0", m.periodS);
      if (m.startS !== undefined) finite(def, "maneuver", "maneuver.startS", m.startS);
    } else if (m.kind === "jink") {
      finite(def, "maneuver", "maneuver.bankRad", m.bankRad);
      finite(def, "maneuver", "maneuver.startS", m.startS);
      finite(def, "maneuver", "maneuver.endS", m.endS);
      if (m.rampS !== undefined && !(m.rampS >= 0 && Number.isFinite(m.rampS)))
        throw refuse(def, "maneuver", "maneuver.rampS", "a finite number >= 0", m.rampS);
    } else if (m.kind === "retarget") {
      finite(def, "maneuver", "maneuver.atS", m.atS);
      if (typeof m.target !== "object" || m.target === null)
        throw refuse(def, "maneuver", "maneuver.target", "{ latRad, lonRad, altM }", m.target);
      if (!(m.target.latRad >= -Math.PI / 2 && m.target.latRad <= Math.PI / 2))
        throw refuse(
          def,
          "maneuver",
          "maneuver.target.latRad",
          "a latitude in [-pi/2, pi/2] rad",
          m.target.latRad,
        );
      finite(def, "maneuver", "maneuver.target.lonRad", m.target.lonRad);
      finite(def, "maneuver", "maneuver.target.altM", m.target.altM);
    }
  }
}
