/**
 * Checks that span fields or sections: unique ids, references to assets, times within the scenario,
 * catalog names, Walker phasing, uncertainty paths. They read the raw data (what the YAML holds, before
 * zod), so they run even when other fields are wrong and every problem is reported in one go; anything
 * they cannot read is left to the schema's own messages.
 */
import type { PendingIssue } from "./issues.js";
import { didYouMean, listOf } from "./suggest.js";
import { DIMENSIONS, formatSI, parseLooseQuantity, parseQuantity } from "./units.js";

/** Names known to the catalog, to report unknown vehicle, sensor and weapon names. */
export interface ScenarioCatalog {
  readonly vehicles?: Iterable<string>;
  readonly sensors?: Iterable<string>;
  readonly weapons?: Iterable<string>;
  /** Kind of each named vehicle (ballistic, rv, hgv, cruise): an inline vehicle's `base` must match its kind. */
  readonly vehicleKinds?: ReadonlyMap<string, string>;
  /** Kind of each named sensor model (radar, infrared-constellation): it must match the sensor's kind. */
  readonly sensorKinds?: ReadonlyMap<string, string>;
  /** Kind of each named weapon model (railgun, interceptor): it must match the weapon's kind. */
  readonly weaponKinds?: ReadonlyMap<string, string>;
}

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec | undefined =>
  typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Rec) : undefined;
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
const seconds = (v: unknown): number | undefined => {
  const r = parseQuantity(v, "duration");
  return r.ok ? r.si : undefined;
};

const SECTIONS = [
  ["assets", "asset"],
  ["threats", "threat"],
  ["sensors", "sensor"],
  ["weapons", "weapon"],
] as const;

export function crossCheck(data: unknown, catalog?: ScenarioCatalog): PendingIssue[] {
  const root = rec(data);
  if (root === undefined) return [];
  const out: PendingIssue[] = [];
  checkUniqueIds(root, out);
  checkThreats(root, out);
  checkSensors(root, out);
  checkDoctrine(root, out);
  if (catalog !== undefined) checkCatalog(root, catalog, out);
  checkUncertainty(root, out);
  return out;
}

function checkUniqueIds(root: Rec, out: PendingIssue[]): void {
  for (const [section, noun] of SECTIONS) {
    const seen = new Map<string, number>();
    list(root[section]).forEach((item, i) => {
      const id = str(rec(item)?.id);
      if (id === undefined) return;
      const first = seen.get(id);
      if (first === undefined) seen.set(id, i);
      else
        out.push({
          path: [section, i, "id"],
          expected: `a unique ${noun} id`,
          given: `"${id}", already the id of ${section}[${first}]`,
        });
    });
  }
}

function assetIds(root: Rec): string[] {
  const ids = list(root.assets).flatMap((a) => {
    const id = str(rec(a)?.id);
    return id === undefined ? [] : [id];
  });
  return [...new Set(ids)];
}

function checkTarget(
  target: unknown,
  path: PropertyKey[],
  assets: readonly string[],
  out: PendingIssue[],
): void {
  const name = str(target);
  if (name === undefined || assets.includes(name)) return;
  const expected =
    assets.length === 0
      ? "a point { lat, lon, alt } (no assets are defined, so no asset id can be named)"
      : `an asset id (${listOf(assets)}) or a point { lat, lon, alt }`;
  out.push({ path, expected, given: `"${name}"${didYouMean(name, assets)}` });
}

/** Doctrine's weapon priorities name weapons of the scenario, each once. */
function checkDoctrine(root: Rec, out: PendingIssue[]): void {
  const weapons = list(root.weapons).flatMap((w) => {
    const id = str(rec(w)?.id);
    return id === undefined ? [] : [id];
  });
  const seen = new Set<string>();
  list(rec(root.doctrine)?.weaponPriorities).forEach((v, i) => {
    const id = str(v);
    if (id === undefined) return;
    const path: PropertyKey[] = ["doctrine", "weaponPriorities", i];
    if (!weapons.includes(id))
      out.push({
        path,
        expected:
          weapons.length === 0
            ? "no weapon ids (the scenario has no weapons)"
            : `a weapon id (${listOf(weapons)})`,
        given: `"${id}"${didYouMean(id, weapons)}`,
      });
    else if (seen.has(id)) out.push({ path, expected: "each weapon once", given: `"${id}" again` });
    seen.add(id);
  });
}

function checkThreats(root: Rec, out: PendingIssue[]): void {
  const assets = assetIds(root);
  const durationS = seconds(root.duration);
  const durationText = `${String(root.duration)}${typeof root.duration === "string" && durationS !== undefined ? ` = ${formatSI(durationS, "duration")}` : ""}`;
  const within = (v: unknown, path: PropertyKey[]) => {
    const t = seconds(v);
    if (t !== undefined && durationS !== undefined && t > durationS) {
      out.push({ path, expected: `a time within the scenario duration (<= ${durationText})` });
    }
  };
  list(root.threats).forEach((item, i) => {
    const threat = rec(item);
    if (threat === undefined) return;
    const base: PropertyKey[] = ["threats", i];
    checkTarget(threat.target, [...base, "target"], assets, out);
    const start = rec(threat.launch) ?? rec(threat.burnout);
    const startKey = rec(threat.launch) !== undefined ? "launch" : "burnout";
    within(start?.time, [...base, startKey, "time"]);
    const startS = seconds(start?.time);

    const m = rec(threat.maneuver);
    if (m !== undefined) {
      const timeKey = m.kind === "weave" ? "start" : "time";
      const path = [...base, "maneuver", timeKey];
      within(m[timeKey], path);
      const t = seconds(m[timeKey]);
      if (t !== undefined && startS !== undefined && t < startS) {
        out.push({
          path,
          expected: `a time at or after the threat's ${startKey} (${formatSI(startS, "duration")})`,
        });
      }
      if (m.kind === "retarget") checkTarget(m.target, [...base, "maneuver", "target"], assets, out);
    }

    if (threat.trajectory !== undefined) {
      if (rec(threat.burnout) !== undefined) {
        out.push({
          path: [...base, "trajectory"],
          expected:
            "no trajectory shape for a threat that starts from a burnout state (the state fixes its flight)",
          given: "a trajectory",
        });
      }
      const kind = str(rec(threat.vehicle)?.kind);
      if (kind !== undefined && kind !== "ballistic") {
        out.push({
          path: [...base, "trajectory"],
          expected: "a trajectory shape only for a ballistic vehicle",
          given: `a trajectory for a vehicle of kind "${kind}"`,
        });
      }
    }
  });
}

function checkSensors(root: Rec, out: PendingIssue[]): void {
  list(root.sensors).forEach((item, i) => {
    const w = rec(rec(item)?.walker);
    if (w === undefined) return;
    const { planes, phasing } = w;
    if (
      typeof planes === "number" &&
      typeof phasing === "number" &&
      Number.isInteger(planes) &&
      phasing >= planes
    ) {
      out.push({
        path: ["sensors", i, "walker", "phasing"],
        expected: `an integer in [0, ${planes - 1}] (Walker phasing f must be less than the number of planes)`,
      });
    }
  });
}

function checkCatalog(root: Rec, catalog: ScenarioCatalog, out: PendingIssue[]): void {
  const check = (known: Iterable<string> | undefined, noun: string, value: unknown, path: PropertyKey[]) => {
    const name = str(value);
    if (known === undefined || name === undefined) return;
    const names = [...known];
    if (names.includes(name)) return;
    out.push({
      path,
      expected: `a ${noun} from the catalog: ${listOf(names)}`,
      given: `"${name}"${didYouMean(name, names)}`,
    });
  };
  const entries = [
    ["threats", "vehicle", catalog.vehicles, "vehicle"],
    ["sensors", "model", catalog.sensors, "sensor model"],
    ["weapons", "model", catalog.weapons, "weapon model"],
  ] as const;
  for (const [section, key, known, noun] of entries) {
    list(root[section]).forEach((item, i) => {
      const ref = rec(item)?.[key];
      check(known, noun, ref, [section, i, key]);
      check(known, noun, rec(ref)?.base, [section, i, key, "base"]);
    });
  }
  // A name that exists but is of the wrong kind: a radar model on an infrared constellation, or an
  // inline glider whose base is a ballistic missile.
  const kindCheck = (
    kinds: ReadonlyMap<string, string> | undefined,
    name: unknown,
    wanted: unknown,
    noun: string,
    path: PropertyKey[],
  ) => {
    const n = str(name);
    const w = str(wanted);
    const actual = n === undefined ? undefined : kinds?.get(n);
    if (actual === undefined || w === undefined || actual === w) return;
    const fitting = [...(kinds?.entries() ?? [])].filter(([, k]) => k === w).map(([k]) => k);
    out.push({
      path,
      expected: `a ${w} ${noun}${fitting.length > 0 ? `: ${listOf(fitting)}` : ""}`,
      given: `"${n}", a ${actual} ${noun}`,
    });
  };
  list(root.sensors).forEach((item, i) => {
    const s = rec(item);
    kindCheck(catalog.sensorKinds, s?.model, s?.kind, "model", ["sensors", i, "model"]);
    const m = rec(s?.model);
    kindCheck(catalog.sensorKinds, m?.base, s?.kind, "model", ["sensors", i, "model", "base"]);
  });
  list(root.weapons).forEach((item, i) => {
    const w = rec(item);
    kindCheck(catalog.weaponKinds, w?.model, w?.kind, "model", ["weapons", i, "model"]);
    const m = rec(w?.model);
    kindCheck(catalog.weaponKinds, m?.base, w?.kind, "model", ["weapons", i, "model", "base"]);
  });
  list(root.threats).forEach((item, i) => {
    const v = rec(rec(item)?.vehicle);
    kindCheck(catalog.vehicleKinds, v?.base, v?.kind, "vehicle", ["threats", i, "vehicle", "base"]);
    // Only lifting, guided vehicles manoeuvre: a ballistic missile or RV has no lift to bank.
    const kind = str(v?.kind) ?? catalog.vehicleKinds?.get(str(rec(item)?.vehicle) ?? "");
    const maneuver = rec(rec(item)?.maneuver);
    if (maneuver !== undefined && (kind === "ballistic" || kind === "rv")) {
      out.push({
        path: ["threats", i, "maneuver"],
        expected:
          "no maneuver for a ballistic missile or re-entry vehicle (only hgv and cruise vehicles manoeuvre)",
        given: `a ${str(maneuver.kind) ?? "maneuver"} for a ${kind} vehicle`,
      });
    }
  });
}

/** Follow an uncertainty path through the raw data: keys, list items by id, or list indices. */
function resolve(root: Rec, path: string): { value: unknown } | { missing: string } {
  let node: unknown = root;
  const segs = path.split(".");
  for (let k = 0; k < segs.length; k++) {
    const seg = segs[k];
    const here = segs.slice(0, k).join(".") || "the top level";
    if (Array.isArray(node)) {
      const byId = node.find((it) => rec(it)?.id === seg);
      const idx = /^\d+$/.test(seg) ? Number(seg) : -1;
      if (byId === undefined && !(idx >= 0 && idx < node.length))
        return { missing: `no item "${seg}" in ${here}` };
      node = byId ?? node[idx];
    } else {
      const r = rec(node);
      if (r === undefined || !(seg in r) || !Object.prototype.hasOwnProperty.call(r, seg)) {
        return { missing: `no "${seg}" in ${here}` };
      }
      node = r[seg];
    }
  }
  return { value: node };
}

function checkUncertainty(root: Rec, out: PendingIssue[]): void {
  list(rec(root.uncertainty)?.parameters).forEach((item, i) => {
    const d = rec(item);
    const path = str(d?.path);
    if (d === undefined || path === undefined) return;
    const base: PropertyKey[] = ["uncertainty", "parameters", i];
    const r = resolve(root, path);
    if ("missing" in r) {
      out.push({
        path: [...base, "path"],
        expected: "the path of a value written in the file, e.g. threats.hgv-1.launch.time",
        given: `"${path}" (${r.missing})`,
      });
      return;
    }
    const target = parseLooseQuantity(r.value);
    if (!target.ok) {
      out.push({
        path: [...base, "path"],
        expected: "the path of a single number or quantity",
        given: `"${path}", ${target.given}`,
      });
      return;
    }
    for (const key of ["sigma", "mean", "min", "max"]) {
      const q = parseLooseQuantity(d[key]);
      if (!q.ok) continue;
      const unitless = target.dimensions.length === 0;
      const fits = unitless
        ? q.dimensions.length === 0
        : q.dimensions.some((dim) => target.dimensions.includes(dim));
      if (!fits) {
        const what = unitless ? "a bare number" : `${DIMENSIONS[target.dimensions[0]].noun}`;
        out.push({
          path: [...base, key],
          expected: `${what}, like the value at ${path} (${JSON.stringify(r.value)})`,
        });
      }
    }
  });
}
