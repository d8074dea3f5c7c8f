/**
 * Building sensors from catalog names (or inline models), for the scenario layer.
 */
import { gmstRad } from "../earth/eci.js";
import { argError, finiteArg } from "../math/check.js";
import { irConstellationModel, radarModel, type IrConstellationModel } from "./catalog.js";
import { IrConstellation } from "./infrared/irSensor.js";
import type { SignatureModel } from "./infrared/signature.js";
import { TleConstellation, type TleEntry } from "./infrared/tle.js";
import { WalkerConstellation, type WalkerPattern } from "./infrared/walker.js";
import { Radar, type FieldOfRegard, type RadarModel } from "./radar/radar.js";
import type { SiteSpec } from "./radar/site.js";
import type { RcsTable } from "./rcs.js";

export interface RadarSpec {
  readonly id: string;
  /** Catalog name (e.g. "notional-s-band") or a full model. */
  readonly model: string | RadarModel;
  readonly site: SiteSpec;
  /** Points a sector radar: centre of the azimuth sector, rad from north (overrides the model's). */
  readonly boresightAzimuthRad?: number;
  /** Replaces the model's field of regard entirely (applied before the boresight). */
  readonly fieldOfRegard?: FieldOfRegard;
  /** Model fields to override (e.g. { revisitS: 2, falseAlarmsPerLook: 0.1 }). */
  readonly overrides?: Partial<RadarModel>;
  readonly rcs?: RcsTable;
  /** Mean cross-section after boost of particular threats, m^2, by truth id. */
  readonly rcsOverridesM2?: ReadonlyMap<string, number>;
  readonly firstLookS?: number;
}

/** An optional finite number of a spec (a time, an angle), or a RangeError naming it. */
function optionalFinite(fn: string, name: string, v: number | undefined, min = -Infinity): void {
  if (v !== undefined && !(Number.isFinite(v) && v >= min))
    throw argError(fn, name, min === -Infinity ? "a finite number" : `a finite number >= ${min}`, v);
}

export function createRadar(spec: RadarSpec): Radar {
  optionalFinite("createRadar", "spec.boresightAzimuthRad", spec.boresightAzimuthRad);
  optionalFinite("createRadar", "spec.firstLookS", spec.firstLookS, 0);
  const f = spec.fieldOfRegard;
  if (f !== undefined)
    for (const k of [
      "azimuthCenterRad",
      "azimuthHalfWidthRad",
      "elevationMinRad",
      "elevationMaxRad",
    ] as const)
      finiteArg("createRadar", `spec.fieldOfRegard.${k}`, f[k]);
  const base = typeof spec.model === "string" ? radarModel(spec.model) : spec.model;
  const model: RadarModel = { ...base, ...spec.overrides };
  let fieldOfRegard = spec.fieldOfRegard ?? model.fieldOfRegard;
  if (spec.boresightAzimuthRad !== undefined)
    fieldOfRegard = { ...fieldOfRegard, azimuthCenterRad: spec.boresightAzimuthRad };
  return new Radar({
    id: spec.id,
    model,
    site: spec.site,
    fieldOfRegard,
    rcs: spec.rcs,
    rcsOverridesM2: spec.rcsOverridesM2,
    firstLookS: spec.firstLookS,
  });
}

export interface IrConstellationSpec {
  readonly id: string;
  /** Catalog name (e.g. "notional-leo-ir") or a full model. */
  readonly model: string | IrConstellationModel;
  /** Scenario epoch (UTC): fixes the Earth's rotation angle at t = 0. */
  readonly epoch: Date;
  /** Walker pattern fields to override (altitude, inclination, planes, ...). */
  readonly walker?: Partial<WalkerPattern>;
  /** Satellites from TLEs instead of the Walker pattern. */
  readonly tles?: readonly TleEntry[];
  /** Sensor fields to override (e.g. { neiSpaceWPerM2: 5e-11 }). */
  readonly sensorOverrides?: Partial<IrConstellationModel["sensor"]>;
  /** Walker propagation with J2 secular drift (default true). */
  readonly j2?: boolean;
  readonly signature?: SignatureModel;
  readonly firstLookS?: number;
  /** The Earth's shape (equatorial and polar radii, m): the scenario's; default WGS-84. */
  readonly earthShape?: { readonly aM: number; readonly bM: number };
}

export function createIrConstellation(spec: IrConstellationSpec): IrConstellation {
  if (!(spec.epoch instanceof Date) || !Number.isFinite(spec.epoch.getTime()))
    throw argError("createIrConstellation", "spec.epoch", "a valid Date", spec.epoch);
  optionalFinite("createIrConstellation", "spec.firstLookS", spec.firstLookS, 0);
  const base = typeof spec.model === "string" ? irConstellationModel(spec.model) : spec.model;
  const sensor = { ...base.sensor, ...spec.sensorOverrides };
  const gmst0 = gmstRad(spec.epoch);
  const ephemeris = spec.tles
    ? new TleConstellation(spec.tles, { epoch: spec.epoch, gmstAtEpochRad: gmst0 })
    : new WalkerConstellation({ ...base.walker, ...spec.walker }, { gmstAtEpochRad: gmst0, j2: spec.j2 });
  return new IrConstellation({
    id: spec.id,
    sensor,
    ephemeris,
    signature: spec.signature,
    firstLookS: spec.firstLookS,
    earthShape: spec.earthShape,
  });
}
