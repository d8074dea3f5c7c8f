/**
 * The PIP solver's reach field (pip.ts): per grid point of a flyout table, a lower bound on the distance
 * in the ground-range/altitude plane to the nearest point the weapon reaches within its envelope, so the
 * solver's scan can step across an unreachable stretch of the band without passing a way in.
 */
import type { EnvelopeDefinition } from "../definitions.js";
import type { FlyoutTable } from "./flyoutTable.js";

const reachCache = new WeakMap<FlyoutTable, Map<string, Float32Array>>();

/**
 * The reach field of a table within an envelope (reachDistances), memoised per table and envelope: a
 * battle manager and its weapons each build a solver per battery for every run, and the field depends
 * on nothing else. Read-only once built.
 */
export function reachDistanceField(table: FlyoutTable, e: EnvelopeDefinition): Float32Array {
  let byEnvelope = reachCache.get(table);
  if (byEnvelope === undefined) {
    byEnvelope = new Map();
    reachCache.set(table, byEnvelope);
  }
  const key = [
    e.maxTimeOfFlightS,
    e.minArrivalSpeedMps,
    e.minInterceptAltitudeM,
    e.maxInterceptAltitudeM,
    e.minRangeM,
    e.maxRangeM,
  ].join(",");
  let d = byEnvelope.get(key);
  if (d === undefined) {
    d = reachDistances(table, e);
    byEnvelope.set(key, d);
  }
  return d;
}

/**
 * The chamfer distance transform of reach (see PipSolver.reachDist): two raster passes with steps of
 * one cell in range (ds), in altitude (dh) and diagonally (sqrt(ds^2 + dh^2)); the result is scaled by
 * 0.9 (the chamfer metric overestimates the Euclidean distance by at most about 8 % for these steps)
 * so it is a lower bound.
 */
function reachDistances(table: FlyoutTable, e: EnvelopeDefinition): Float32Array {
  const g = table.grid;
  const nR = g.rangeCount;
  const nA = g.altCount;
  const ds = g.rangeStepM;
  const dh = g.altStepM;
  const dd = Math.hypot(ds, dh);
  const d = new Float32Array(nR * nA);
  for (let j = 0; j < nA; j++) {
    const h = g.altMinM + j * dh;
    for (let i = 0; i < nR; i++) {
      const k = j * nR + i;
      const s = i * ds;
      const inReach =
        table.tofS[k] <= e.maxTimeOfFlightS &&
        table.speedMps[k] >= e.minArrivalSpeedMps &&
        h >= e.minInterceptAltitudeM &&
        h <= e.maxInterceptAltitudeM &&
        s >= e.minRangeM &&
        s <= e.maxRangeM;
      d[k] = inReach ? 0 : Infinity;
    }
  }
  const at = (i: number, j: number) => (i < 0 || j < 0 || i >= nR || j >= nA ? Infinity : d[j * nR + i]);
  for (let j = 0; j < nA; j++)
    for (let i = 0; i < nR; i++) {
      const k = j * nR + i;
      d[k] = Math.min(
        d[k],
        at(i - 1, j) + ds,
        at(i, j - 1) + dh,
        at(i - 1, j - 1) + dd,
        at(i + 1, j - 1) + dd,
      );
    }
  for (let j = nA - 1; j >= 0; j--)
    for (let i = nR - 1; i >= 0; i--) {
      const k = j * nR + i;
      d[k] = Math.min(
        d[k],
        at(i + 1, j) + ds,
        at(i, j + 1) + dh,
        at(i + 1, j + 1) + dd,
        at(i - 1, j + 1) + dd,
      );
    }
  for (let k = 0; k < d.length; k++) d[k] *= 0.9;
  return d;
}
