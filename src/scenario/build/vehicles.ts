/**
 * Inline vehicles: a catalog vehicle of the same kind with some parameters changed (see the schema in
 * ../schema/threats.ts for which parameters each kind takes).
 */
import { polarTable } from "../../flight/aero/models.js";
import { threatVehicle } from "../../flight/catalog/index.js";
import type {
  BallisticVehicleDefinition,
  CruiseVehicleDefinition,
  GliderVehicleDefinition,
  VehicleDefinition,
} from "../../flight/definitions.js";
import type { InlineVehicle, VehicleRef } from "../schema/threats.js";

const DEG = Math.PI / 180;

/**
 * Angle of attack at which a rebuilt glider polar reaches its best L/D (10 deg, as the HTV-2-like and
 * CAV-H-like catalog gliders do).
 */
const BEST_ALPHA_RAD = 10 * DEG;
/** The glide is planned at this fraction of the best L/D (the catalog gliders use 0.88-0.9). */
const PLANNING_FRACTION = 0.9;

/** The flight-layer definition of a scenario's vehicle reference. */
export function vehicleDefinition(ref: VehicleRef, threatId: string): VehicleDefinition {
  if (typeof ref === "string") return threatVehicle(ref);
  return inlineVehicle(ref, threatId);
}

function inlineVehicle(v: InlineVehicle, threatId: string): VehicleDefinition {
  const base = threatVehicle(v.base);
  const name = `${v.base} (inline, ${threatId})`;
  switch (v.kind) {
    case "ballistic":
    case "rv":
      return ballistic(base as BallisticVehicleDefinition, v, name);
    case "hgv":
      return glider(base as GliderVehicleDefinition, v, name);
    case "cruise":
      return cruise(base as CruiseVehicleDefinition, v, name);
  }
}

function ballistic(base: BallisticVehicleDefinition, v: InlineVehicle, name: string): VehicleDefinition {
  const rv = base.reentryVehicle;
  return {
    ...base,
    name,
    reentryVehicle: {
      ...rv,
      massKg: v.mass ?? rv.massKg,
      aero:
        v.ballisticCoefficient === undefined
          ? rv.aero
          : { kind: "ballistic-coefficient", betaKgM2: v.ballisticCoefficient, source: "scenario file" },
    },
  };
}

/**
 * A glider given by its best L/D and its ballistic coefficient at that point (Tracy & Wright 2020's two
 * glider parameters): a Mach-independent parabolic polar C_D = C_D0 + k C_L^2 with
 *   max L/D = 1 / (2 sqrt(C_D0 k)) at C_L* = sqrt(C_D0 / k), where C_D = 2 C_D0,
 * so beta = m / (2 C_D0 S) gives C_D0, then k = 1 / (4 C_D0 (L/D)^2), and the lift slope puts C_L* at
 * BEST_ALPHA_RAD (Vinh 1980 ch. 2 for the polar). Parameters not given keep the base's values, read off
 * its table at its best L/D.
 */
function glider(base: GliderVehicleDefinition, v: InlineVehicle, name: string): VehicleDefinition {
  const massKg = v.mass ?? base.glider.massKg;
  if (v.liftToDrag === undefined && v.ballisticCoefficient === undefined) {
    return { ...base, name, glider: { ...base.glider, massKg } };
  }
  const best = bestPoint(base);
  const ld = v.liftToDrag ?? best.liftToDrag;
  const areaM2 = base.glider.aero.refAreaM2;
  const beta = v.ballisticCoefficient ?? base.glider.massKg / (best.cd * areaM2);
  const cd0 = massKg / (beta * 2 * areaM2);
  const k = 1 / (4 * cd0 * ld * ld);
  const clStar = Math.sqrt(cd0 / k);
  const row = { clAlphaPerRad: clStar / BEST_ALPHA_RAD, cd0, k };
  const aero = polarTable(
    [3, 25],
    [0, 2.5, 5, 7.5, 10, 12.5, 15, 17.5, 20].map((a) => a * DEG),
    [row, row],
    areaM2,
    `parabolic polar rebuilt for L/D ${ld} and beta ${beta.toFixed(0)} kg/m^2 (scenario file)`,
  );
  return {
    ...base,
    name,
    glider: { ...base.glider, massKg, aero },
    guidance: { ...base.guidance, planningLiftToDrag: PLANNING_FRACTION * ld },
  };
}

/** Best L/D of a glider's table and the C_D there (scanning the table's points). */
function bestPoint(v: GliderVehicleDefinition): { liftToDrag: number; cd: number } {
  const { cl, cd } = v.glider.aero;
  let best = { liftToDrag: 0, cd: cd[0] };
  for (let i = 0; i < cl.length; i++) {
    const ld = cl[i] / cd[i];
    if (ld > best.liftToDrag) best = { liftToDrag: ld, cd: cd[i] };
  }
  return best;
}

function cruise(base: CruiseVehicleDefinition, v: InlineVehicle, name: string): VehicleDefinition {
  return {
    ...base,
    name,
    cruiser: { ...base.cruiser, dryMassKg: v.mass ?? base.cruiser.dryMassKg },
    cruise: {
      ...base.cruise,
      mach: v.mach ?? base.cruise.mach,
      altitudeM: v.cruiseAltitude ?? base.cruise.altitudeM,
    },
  };
}
