/**
 * Weapon kinds: the one place a weapon definition's `kind` is looked up. A kind brings the checks its
 * definitions pass and the battery that fires them (battery.ts: the role the layers above use, so they
 * never switch on the kind). The railgun and the interceptor are registered here; another kind is added
 * with registerWeaponKind, without editing this module or anything that builds batteries.
 */
import type { RadarSite, SiteSpec } from "../sensors/radar/site.js";
import { InterceptorBattery, RailgunBattery, type WeaponBattery } from "./battery/battery.js";
import { validateInterceptor, validateRailgun } from "./catalog/checks.js";
import type { InterceptorDefinition, RailgunDefinition, WeaponDefinition } from "./definitions.js";

export interface WeaponKind<D extends WeaponDefinition = WeaponDefinition> {
  /** The name definitions of this kind carry in `kind` (and a scenario's weapon in its `kind:`). */
  readonly kind: D["kind"];
  /** Checks a definition of this kind; throws a RangeError naming the weapon and the bad field. */
  validate(definition: D): void;
  /** A battery of `rounds` (default: the definition's magazine) for a checked definition at `site`. */
  battery(id: string, definition: D, site: SiteSpec | RadarSite, rounds?: number): WeaponBattery;
}

const RAILGUN: WeaponKind<RailgunDefinition> = {
  kind: "railgun",
  validate: validateRailgun,
  battery: (id, d, site, rounds) => new RailgunBattery(id, d, site, rounds),
};

const INTERCEPTOR: WeaponKind<InterceptorDefinition> = {
  kind: "interceptor",
  validate: validateInterceptor,
  battery: (id, d, site, rounds) => new InterceptorBattery(id, d, site, rounds),
};

const kinds = new Map<string, WeaponKind>();

/**
 * Adds a kind (RangeError when its name is taken). The definition type D is the kind's own: the
 * registry hands it only definitions whose `kind` is this kind's name.
 */
export function registerWeaponKind<D extends WeaponDefinition>(k: WeaponKind<D>): void {
  if (typeof k?.kind !== "string" || k.kind.length === 0)
    throw new RangeError("registerWeaponKind: k.kind must be a non-empty string");
  if (kinds.has(k.kind)) throw new RangeError(`registerWeaponKind: kind "${k.kind}" is already registered`);
  // Safe: weaponKind looks a kind up by the definition's own `kind`, so k sees only its own definitions.
  kinds.set(k.kind, k as unknown as WeaponKind);
}

registerWeaponKind(RAILGUN);
registerWeaponKind(INTERCEPTOR);

/** The registered kinds' names, in registration order. */
export function weaponKinds(): string[] {
  return [...kinds.keys()];
}

/** The kind of a definition; RangeError naming the registered kinds when it has none. */
export function weaponKind(definition: WeaponDefinition): WeaponKind {
  const name = (definition as { kind?: unknown } | null | undefined)?.kind;
  const k = typeof name === "string" ? kinds.get(name) : undefined;
  if (k === undefined)
    throw new RangeError(
      `weapon: unknown kind ${JSON.stringify(name) ?? String(name)} (registered: ${weaponKinds().join(", ")})`,
    );
  return k;
}

/** Checks a weapon definition through its kind; throws a RangeError naming the weapon and the bad field. */
export function validateWeapon<T extends WeaponDefinition>(d: T): T {
  weaponKind(d).validate(d);
  return d;
}

/** A battery for a weapon definition (checked first), by its kind. */
export function createBattery(
  id: string,
  definition: WeaponDefinition,
  site: SiteSpec | RadarSite,
  rounds?: number,
): WeaponBattery {
  const k = weaponKind(definition);
  k.validate(definition);
  return k.battery(id, definition, site, rounds);
}
