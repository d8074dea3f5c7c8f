/**
 * Weapon kinds are open (src/weapons/kinds.ts): a kind registered from outside the library is checked
 * and given batteries by the same createBattery and validateWeapon the scenario layer calls, without
 * editing them; an unknown kind and a taken name are refused with RangeErrors that say what is known.
 */
import { describe, expect, it } from "vitest";
import {
  createBattery,
  InterceptorBattery,
  NOTIONAL_GPI,
  NOTIONAL_RAILGUN,
  registerWeaponKind,
  validateWeapon,
  weaponKind,
  weaponKinds,
  type WeaponBattery,
  type WeaponDefinition,
} from "../../src/weapons/index.js";

/** A toy kind: an interceptor launcher with a fixed number of cells and nothing else of its own. */
interface ToyDefinition extends WeaponDefinition {
  readonly kind: "toy-launcher";
  readonly cells: number;
}

const SITE = { kind: "fixed", at: { latDeg: 35, lonDeg: 139, altM: 10 } } as const;

const TOY: ToyDefinition = {
  kind: "toy-launcher",
  name: "toy",
  description: "a test's own weapon kind",
  magazineRounds: 4,
  reactionTimeS: 2,
  envelope: NOTIONAL_GPI.envelope,
  sources: [],
  cells: 4,
};

const built: string[] = [];
registerWeaponKind<ToyDefinition>({
  kind: "toy-launcher",
  validate: (d) => {
    if (!(Number.isInteger(d.cells) && d.cells > 0))
      throw new RangeError(`toy-launcher ${d.name}: cells must be a whole number > 0, given ${d.cells}`);
  },
  // Its battery: the built-in interceptor launcher's bookkeeping with the toy's cells as its rounds.
  battery: (id, d, site, rounds): WeaponBattery => {
    built.push(id);
    return new InterceptorBattery(id, NOTIONAL_GPI, site, rounds ?? d.cells);
  },
});

describe("weapon kinds (src/weapons/kinds.ts)", () => {
  it("the built-in kinds come first, then what was registered", () => {
    expect(weaponKinds()).toEqual(["railgun", "interceptor", "toy-launcher"]);
    expect(weaponKind(NOTIONAL_RAILGUN).kind).toBe("railgun");
  });

  it("createBattery and validateWeapon reach a registered kind through the definition's kind", () => {
    const b = createBattery("toy-1", TOY, SITE);
    expect(built).toEqual(["toy-1"]);
    expect(b.roundsLeft).toBe(4);
    expect(createBattery("toy-2", TOY, SITE, 2).roundsLeft).toBe(2);
    expect(validateWeapon(TOY)).toBe(TOY);
    const bad = { ...TOY, cells: 0 };
    expect(() => validateWeapon(bad)).toThrow(/toy-launcher toy: cells must be a whole number > 0, given 0/);
    // A battery is built only from a definition its kind has checked.
    expect(() => createBattery("toy-3", bad, SITE)).toThrow(RangeError);
    expect(built).toEqual(["toy-1", "toy-2"]);
  });

  it("an unknown kind is refused naming the registered ones", () => {
    const stray = { ...TOY, kind: "plasma" };
    expect(() => createBattery("p", stray, SITE)).toThrow(
      /weapon: unknown kind "plasma" \(registered: railgun, interceptor, toy-launcher\)/,
    );
    expect(() => validateWeapon({ ...TOY, kind: undefined } as unknown as WeaponDefinition)).toThrow(
      RangeError,
    );
  });

  it("a name is registered once, and must be a non-empty string", () => {
    const again = {
      kind: "railgun",
      validate: () => undefined,
      battery: () => createBattery("x", TOY, SITE),
    };
    expect(() => registerWeaponKind(again)).toThrow(/kind "railgun" is already registered/);
    expect(() => registerWeaponKind({ ...again, kind: "" })).toThrow(/non-empty string/);
  });
});
