/**
 * Quantities with units in scenario files ("300 km", "2.5 km/s", "40 deg", "10 dBsm") converted to SI.
 *
 * Each field declares a dimension; only that dimension's units are accepted, so "300 km" in a duration
 * field is an error, not a silent misreading. A bare number is refused wherever a unit is required
 * (docs/design.md, Conventions: "reject a bare number where the unit would be ambiguous"); unitless fields
 * (counts, probabilities, Mach numbers) use plain numbers and never come here.
 *
 * Conversion factors are exact definitions from NIST SP 811 (2008), "Guide for the Use of the
 * International System of Units", Appendix B.8/B.9: nautical mile 1852 m, foot 0.3048 m,
 * international mile 1609.344 m, knot 1852/3600 m/s, avoirdupois pound 0.45359237 kg, standard
 * acceleration of gravity g0 = 9.80665 m/s^2 (3rd CGPM, 1901).
 *
 * Decibels: `dB` is a power ratio, x dB -> 10^(x/10) linear (IEEE Std 100; SNR, gains and losses are
 * power ratios in radar work), and `dBsm` is radar cross-section relative to 1 m^2, x dBsm ->
 * 10^(x/10) m^2. Only dimensions that are power-like accept them: `ratio` (dB only) and `rcs` (m^2,
 * cm^2 or dBsm). A ratio has no plain linear unit on purpose: "13" could be meant as dB or linear.
 *
 * Mach is refused as a speed unit: it is a ratio to the local speed of sound, which depends on
 * altitude, so it cannot be converted without an atmosphere. Fields that mean Mach are named `mach`.
 */

import { didYouMean } from "./suggest.js";

export type Dimension =
  | "length"
  | "speed"
  | "angle"
  | "angularRate"
  | "duration"
  | "mass"
  | "area"
  | "rcs"
  | "power"
  | "frequency"
  | "temperature"
  | "energy"
  | "acceleration"
  | "ballisticCoefficient"
  | "specificImpulse"
  | "force"
  | "irradiance"
  | "intensity"
  | "ratio"
  | "rate";

interface UnitDef {
  /** Canonical symbol, as listed in messages. */
  readonly symbol: string;
  /** Other accepted spellings (never listed, always accepted). */
  readonly aliases?: readonly string[];
  /** SI value per unit (linear units). */
  readonly factor: number;
  /** Decibel unit: SI = factor * 10^(x/10). */
  readonly decibel?: boolean;
}

interface DimensionDef {
  /** Noun phrase used in messages ("a length"). */
  readonly noun: string;
  /** SI unit symbol ("" for a pure ratio). */
  readonly si: string;
  readonly units: readonly UnitDef[];
}

const DEG = Math.PI / 180;
const NMI = 1852; // NIST SP 811 B.9, exact
const FT = 0.3048; // NIST SP 811 B.9, exact
const MI = 1609.344; // international mile, NIST SP 811 B.9, exact
const LB = 0.45359237; // avoirdupois pound, NIST SP 811 B.9, exact
const G0 = 9.80665; // standard gravity, 3rd CGPM (1901), exact

export const DIMENSIONS: Readonly<Record<Dimension, DimensionDef>> = {
  length: {
    noun: "a length",
    si: "m",
    units: [
      { symbol: "m", factor: 1 },
      { symbol: "km", factor: 1e3 },
      { symbol: "nmi", aliases: ["NM"], factor: NMI },
      { symbol: "ft", factor: FT },
      { symbol: "mi", factor: MI },
    ],
  },
  speed: {
    noun: "a speed",
    si: "m/s",
    units: [
      { symbol: "m/s", factor: 1 },
      { symbol: "km/s", factor: 1e3 },
      { symbol: "km/h", factor: 1e3 / 3600 },
      { symbol: "kn", aliases: ["kt"], factor: NMI / 3600 },
    ],
  },
  angle: {
    noun: "an angle",
    si: "rad",
    units: [
      { symbol: "deg", aliases: ["°"], factor: DEG },
      { symbol: "rad", factor: 1 },
      { symbol: "mrad", factor: 1e-3 },
      { symbol: "urad", aliases: ["µrad", "μrad"], factor: 1e-6 },
      { symbol: "arcmin", factor: DEG / 60 },
      { symbol: "arcsec", factor: DEG / 3600 },
    ],
  },
  angularRate: {
    noun: "an angular rate",
    si: "rad/s",
    units: [
      { symbol: "rad/s", factor: 1 },
      { symbol: "deg/s", factor: DEG },
    ],
  },
  duration: {
    noun: "a duration",
    si: "s",
    units: [
      { symbol: "s", factor: 1 },
      { symbol: "ms", factor: 1e-3 },
      { symbol: "us", aliases: ["µs", "μs"], factor: 1e-6 },
      { symbol: "min", factor: 60 },
      { symbol: "h", factor: 3600 },
      { symbol: "d", factor: 86400 },
    ],
  },
  mass: {
    noun: "a mass",
    si: "kg",
    units: [
      { symbol: "kg", factor: 1 },
      { symbol: "g", factor: 1e-3 },
      { symbol: "t", factor: 1e3 },
      { symbol: "lb", factor: LB },
    ],
  },
  area: {
    noun: "an area",
    si: "m^2",
    units: [
      { symbol: "m^2", aliases: ["m²", "m2"], factor: 1 },
      { symbol: "cm^2", aliases: ["cm²", "cm2"], factor: 1e-4 },
    ],
  },
  rcs: {
    noun: "a radar cross-section",
    si: "m^2",
    units: [
      { symbol: "m^2", aliases: ["m²", "m2"], factor: 1 },
      { symbol: "cm^2", aliases: ["cm²", "cm2"], factor: 1e-4 },
      { symbol: "dBsm", factor: 1, decibel: true },
    ],
  },
  power: {
    noun: "a power",
    si: "W",
    units: [
      { symbol: "W", factor: 1 },
      { symbol: "kW", factor: 1e3 },
      { symbol: "MW", factor: 1e6 },
      { symbol: "GW", factor: 1e9 },
    ],
  },
  frequency: {
    noun: "a frequency",
    si: "Hz",
    units: [
      { symbol: "Hz", factor: 1 },
      { symbol: "kHz", factor: 1e3 },
      { symbol: "MHz", factor: 1e6 },
      { symbol: "GHz", factor: 1e9 },
    ],
  },
  temperature: { noun: "a temperature", si: "K", units: [{ symbol: "K", factor: 1 }] },
  energy: {
    noun: "an energy",
    si: "J",
    units: [
      { symbol: "J", factor: 1 },
      { symbol: "kJ", factor: 1e3 },
      { symbol: "MJ", factor: 1e6 },
      { symbol: "GJ", factor: 1e9 },
    ],
  },
  acceleration: {
    noun: "an acceleration",
    si: "m/s^2",
    units: [
      { symbol: "m/s^2", aliases: ["m/s²", "m/s2"], factor: 1 },
      { symbol: "g0", factor: G0 },
    ],
  },
  ballisticCoefficient: {
    noun: "a ballistic coefficient",
    si: "kg/m^2",
    units: [{ symbol: "kg/m^2", aliases: ["kg/m²", "kg/m2"], factor: 1 }],
  },
  specificImpulse: { noun: "a specific impulse", si: "s", units: [{ symbol: "s", factor: 1 }] },
  force: {
    noun: "a force",
    si: "N",
    units: [
      { symbol: "N", factor: 1 },
      { symbol: "kN", factor: 1e3 },
      { symbol: "MN", factor: 1e6 },
    ],
  },
  irradiance: {
    noun: "an irradiance",
    si: "W/m^2",
    units: [
      { symbol: "W/m^2", aliases: ["W/m²", "W/m2"], factor: 1 },
      { symbol: "W/cm^2", aliases: ["W/cm²", "W/cm2"], factor: 1e4 },
    ],
  },
  intensity: {
    noun: "a radiant intensity",
    si: "W/sr",
    units: [
      { symbol: "W/sr", factor: 1 },
      { symbol: "kW/sr", factor: 1e3 },
    ],
  },
  ratio: { noun: "a power ratio", si: "", units: [{ symbol: "dB", factor: 1, decibel: true }] },
  rate: {
    noun: "a rate",
    si: "1/s",
    units: [
      { symbol: "/s", aliases: ["1/s"], factor: 1 },
      { symbol: "/min", aliases: ["1/min"], factor: 1 / 60 },
      { symbol: "/h", aliases: ["1/h"], factor: 1 / 3600 },
    ],
  },
};

/** The unit symbols a dimension accepts, in the order messages list them. */
/** A known dimension, or a RangeError naming the argument. */
function checkDimension(fn: string, dimension: unknown): void {
  if (typeof dimension !== "string" || !Object.hasOwn(DIMENSIONS, dimension))
    throw new RangeError(
      `${fn}: dimension must be one of ${Object.keys(DIMENSIONS).join(", ")}, given ${String(dimension)}`,
    );
}

export function unitsOf(dimension: Dimension): string[] {
  checkDimension("unitsOf", dimension);
  return DIMENSIONS[dimension].units.map((u) => u.symbol);
}

function findUnit(dimension: Dimension, symbol: string): UnitDef | undefined {
  return DIMENSIONS[dimension].units.find((u) => u.symbol === symbol || u.aliases?.includes(symbol));
}

/** Dimensions in which `symbol` is a unit (for "km is a length unit" hints and untyped values). */
export function dimensionsOfUnit(symbol: string): Dimension[] {
  return (Object.keys(DIMENSIONS) as Dimension[]).filter((d) => findUnit(d, symbol) !== undefined);
}

/** Convert `value` in `unit` to SI; throws on an unknown unit (for values written in code). */
export function toSI(value: number, unit: string, dimension: Dimension): number {
  checkDimension("toSI", dimension);
  if (typeof value !== "number" || !Number.isFinite(value))
    throw new RangeError(`toSI: value must be a finite number, given ${String(value)}`);
  const u = findUnit(dimension, unit);
  if (u === undefined) throw new RangeError(`"${unit}" is not a unit of ${DIMENSIONS[dimension].noun}`);
  return u.decibel ? u.factor * 10 ** (value / 10) : value * u.factor;
}

/** Compact number text for messages: 6 significant digits, exponent outside [1e-3, 1e6). */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (x === 0) return "0";
  const a = Math.abs(x);
  if (a >= 1e6 || a < 1e-3) {
    const [m, e] = x.toExponential(5).split("e");
    return `${String(Number(m))}e${Number(e)}`;
  }
  return String(Number(x.toPrecision(6)));
}

/** An SI value with its unit, e.g. "1000 m", or "20 (linear)" for a ratio. */
export function formatSI(si: number, dimension: Dimension): string {
  checkDimension("formatSI", dimension);
  const unit = DIMENSIONS[dimension].si;
  return unit === "" ? `${formatNumber(si)} (linear)` : `${formatNumber(si)} ${unit}`;
}

/** How a raw input value reads in a message. */
export function describeValue(input: unknown): string {
  if (input === undefined) return "nothing";
  if (input === null) return "an empty value";
  if (typeof input === "string")
    return JSON.stringify(input.length > 60 ? `${input.slice(0, 57)}...` : input);
  if (typeof input === "number" || typeof input === "boolean") return String(input);
  if (Array.isArray(input)) return `a list of ${input.length} item${input.length === 1 ? "" : "s"}`;
  if (typeof input === "object") return "a mapping";
  return typeof input;
}

export type QuantityResult =
  | { readonly ok: true; readonly si: number; readonly value: number; readonly unit: string }
  | {
      readonly ok: false;
      readonly expected: string;
      readonly given: string;
      /** The input was not even a string: a union may try another branch. */
      readonly wrongType: boolean;
    };

// A decimal number (optional sign, fraction, exponent), then an optional unit after optional space.
const QUANTITY = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)\s*(.*)$/s;

/** What a field of this dimension accepts, for messages: `a length with a unit (m, km, ...)`. */
export function expectedQuantity(dimension: Dimension): string {
  const d = DIMENSIONS[dimension];
  return `${d.noun} with a unit (${unitsOf(dimension).join(", ")}), e.g. "${exampleOf(dimension)}"`;
}

function exampleOf(dimension: Dimension): string {
  const examples: Partial<Record<Dimension, string>> = {
    length: "300 km",
    speed: "2.5 km/s",
    angle: "40 deg",
    duration: "30 min",
    rcs: "-10 dBsm",
    ratio: "13 dB",
  };
  return examples[dimension] ?? `1 ${DIMENSIONS[dimension].units[0].symbol}`;
}

/** Parse one quantity of a known dimension into SI. Never throws. */
export function parseQuantity(input: unknown, dimension: Dimension): QuantityResult {
  checkDimension("parseQuantity", dimension);
  const expected = expectedQuantity(dimension);
  if (typeof input === "number") {
    return {
      ok: false,
      expected,
      given: `${describeValue(input)}, a bare number without a unit`,
      wrongType: false,
    };
  }
  if (typeof input !== "string") return { ok: false, expected, given: describeValue(input), wrongType: true };
  const m = QUANTITY.exec(input.trim());
  if (m === null) return { ok: false, expected, given: describeValue(input), wrongType: false };
  const value = Number(m[1]);
  const symbol = m[2].trim();
  if (!Number.isFinite(value)) {
    return { ok: false, expected, given: `${describeValue(input)}, a number too large`, wrongType: false };
  }
  if (symbol === "") {
    return {
      ok: false,
      expected,
      given: `${describeValue(input)}, a bare number without a unit`,
      wrongType: false,
    };
  }
  const unit = findUnit(dimension, symbol);
  if (unit === undefined) {
    return {
      ok: false,
      expected,
      given: `${describeValue(input)}, ${unknownUnitHint(dimension, symbol)}`,
      wrongType: false,
    };
  }
  const si = unit.decibel ? unit.factor * 10 ** (value / 10) : value * unit.factor;
  if (!Number.isFinite(si)) {
    return { ok: false, expected, given: `${describeValue(input)}, a value too large`, wrongType: false };
  }
  return { ok: true, si, value, unit: unit.symbol };
}

function unknownUnitHint(dimension: Dimension, symbol: string): string {
  if (dimension === "speed" && /^mach$/i.test(symbol)) {
    return "but Mach is not a fixed speed (it depends on the local speed of sound); give a speed, or use a `mach` field";
  }
  const elsewhere = dimensionsOfUnit(symbol);
  if (elsewhere.length > 0) return `"${symbol}" is a unit of ${DIMENSIONS[elsewhere[0]].noun}`;
  const folded = DIMENSIONS[dimension].units.find((u) => u.symbol.toLowerCase() === symbol.toLowerCase());
  if (folded !== undefined)
    return `unknown unit "${symbol}" (did you mean "${folded.symbol}"? units are case-sensitive)`;
  return `unknown unit "${symbol}"${didYouMean(symbol, unitsOf(dimension))}`;
}

export type LooseQuantityResult =
  | { readonly ok: true; readonly si: number; readonly dimensions: readonly Dimension[] }
  | { readonly ok: false; readonly given: string };

/**
 * Parse a value whose dimension is not known from the field (e.g. a distribution parameter that takes
 * the dimension of the parameter it perturbs): a bare number is unitless (dimensions []), "x unit" is
 * converted with the first dimension that knows the unit (units shared by two dimensions, like "s" or
 * "m^2", have the same SI factor in both).
 */
export function parseLooseQuantity(input: unknown): LooseQuantityResult {
  if (typeof input === "number") {
    return Number.isFinite(input)
      ? { ok: true, si: input, dimensions: [] }
      : { ok: false, given: describeValue(input) };
  }
  if (typeof input !== "string") return { ok: false, given: describeValue(input) };
  const m = QUANTITY.exec(input.trim());
  if (m === null) return { ok: false, given: describeValue(input) };
  const symbol = m[2].trim();
  const value = Number(m[1]);
  if (symbol === "")
    return Number.isFinite(value)
      ? { ok: true, si: value, dimensions: [] }
      : { ok: false, given: describeValue(input) };
  const dimensions = dimensionsOfUnit(symbol);
  if (dimensions.length === 0)
    return { ok: false, given: `${describeValue(input)}, unknown unit "${symbol}"` };
  const si = toSI(value, symbol, dimensions[0]);
  return Number.isFinite(si) ? { ok: true, si, dimensions } : { ok: false, given: describeValue(input) };
}
