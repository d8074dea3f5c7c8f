/**
 * The spatial index of one scan's detections for the pre-gate (coarseGate.ts): each track visits only
 * the detections near it instead of all of them, so a scan costs O(tracks + detections + pairs near
 * each other) rather than O(tracks x detections).
 *
 * - Points (detections that fix a position) are bucketed by that position in uniform grids (ECEF m),
 *   one per class of spread (k s_d within a factor 4 of each other: a radar's cross-range spread grows
 *   with range, and a few far detections would otherwise widen every query). A track of reach
 *   (c, rho) passes the pre-gate with point d only if |x_d - c| <= rho + k s_d, so in each class the
 *   cells meeting the cube of half-side rho + max_class k s_d around c hold every point it can pass.
 * - Bearings from one origin o (a scan is one sensor at one instant) are bucketed by their unit
 *   direction u_d (a grid over the unit sphere's neighbourhood). With w = c - o, rho_w = |w| and theta
 *   the angle between u_d and w, the pre-gate (perpendicular distance within rho + k |along| s_d,
 *   along > -rho) implies sin(theta) <= rho / rho_w + k s_d =: s; for s <= 0.7 it also implies
 *   theta <= pi / 2 (behind the origin |cos(theta)| < rho / rho_w <= s and sin(theta) <= s cannot
 *   both hold), so theta <= asin(s), and the chord |u_d - w / rho_w| = 2 sin(theta / 2) <= theta:
 *   the cells meeting the cube of half-side asin(s) around w / rho_w hold every bearing it can pass.
 *   Bearings from another origin, and tracks with s > 0.7 (near the sensor), are tested directly.
 * Each kind is bucketed at a base cell size (about twice a typical query's half-side) and, when a
 * query needs it, at coarser sizes (4, 16 and 64 times), so a track with a large reach (a young track:
 * tens of kilometres) meets a few coarse cells instead of many fine ones or every detection. Small
 * margins cover the rounding of the pre-gate's own arithmetic. The index decides nothing: every
 * pair it lists is tested by the pre-gate, then by the exact gate, so decisions are those of testing
 * every pair (tests/tracking/spatialIndex.test.ts checks the superset on random scans, and the
 * tracker's event logs with and without the index).
 */
import { BEARING, type ScanGeometry } from "./coarseGate.js";
import { medianInPlace, PointGrid } from "./spatialIndex.js";

/** Largest s = rho / |c - o| + k sigma for which a bearing query is made (see the file comment). */
const MAX_SINE = 0.7;
/** Relative and absolute margins for rounding. */
const REL = 1e-7;
const ABS_M = 1e-3;
const ABS_RAD = 1e-9;

/** Coarser levels: cells 4^L times the base size, L = 1..LEVELS - 1; built on first use in a scan. */
const LEVELS = 4;
const LEVEL_RATIO = 4;

/** A grid and its coarser copies, built on demand. */
class LeveledGrid {
  private readonly grids = Array.from({ length: LEVELS }, () => new PointGrid());
  private built = new Uint8Array(LEVELS);
  private xyz: Float64Array = new Float64Array(0);
  private count = 0;
  private base = 1;

  reset(xyz: Float64Array, count: number, baseCell: number): void {
    this.xyz = xyz;
    this.count = count;
    this.base = baseCell;
    this.built.fill(0);
    this.grids[0].build(xyz, count, baseCell);
    this.built[0] = 1;
  }

  /** Items in the cells of the first level whose cube of half-side `half` meets few enough cells, into
   *  out; -1 when even the coarsest meets too many. */
  query(cx: number, cy: number, cz: number, half: number, out: Int32Array): number {
    // The level whose cell is at least the half-side: then at most 3 cells a side.
    let level = 0;
    let cell = this.base;
    while (level < LEVELS - 1 && cell < half) {
      level++;
      cell *= LEVEL_RATIO;
    }
    for (; level < LEVELS; level++) {
      if (!this.built[level]) {
        this.grids[level].build(this.xyz, this.count, this.base * LEVEL_RATIO ** level);
        this.built[level] = 1;
      }
      const n = this.grids[level].query(cx, cy, cz, half, out, 0);
      if (n >= 0) return n;
    }
    return -1;
  }
}

/** Classes of point spread: class c holds the points with spread in (max / 4^(c+1), max / 4^c], the
 *  last class everything smaller. */
const SPREAD_CLASSES = 3;
const SPREAD_RATIO = 4;

export class ScanIndex {
  /** Points by class of spread (see SPREAD_CLASSES): a query's cube grows with the largest spread of
   *  the points it looks for, so a few far radar detections (kilometres of cross-range spread) no
   *  longer widen every query. */
  private readonly points = Array.from({ length: SPREAD_CLASSES }, () => new LeveledGrid());
  private readonly bearings = new LeveledGrid();
  /** Per grid: scan index of each bucketed detection, and its coordinates. */
  private pointIds = Array.from({ length: SPREAD_CLASSES }, () => new Int32Array(16));
  private bearingIds = new Int32Array(16);
  private pointXyz = Array.from({ length: SPREAD_CLASSES }, () => new Float64Array(48));
  private bearingXyz = new Float64Array(48);
  private readonly nPointsOf = new Int32Array(SPREAD_CLASSES);
  private readonly spreadOf = new Float64Array(SPREAD_CLASSES);
  private nPoints = 0;
  private nBearings = 0;
  /** Bearings from another origin than the first (always listed). */
  private loose = new Int32Array(16);
  private nLoose = 0;
  private readonly origin = new Float64Array(3);
  private maxAngleSpread = 0;
  private sigmas = 6;
  private scratch = new Int32Array(16);
  private values = new Float64Array(16);

  /**
   * Builds the index of the scan geometry `g` for tracks whose reaches are reach[4 t .. 4 t + 3]
   * (centre, radius; trackReachInto) for t < tracks (their radii size the cells).
   */
  build(g: ScanGeometry, sigmas: number, reach: Float64Array, tracks: number): void {
    const D = g.count;
    this.sigmas = sigmas;
    if (this.bearingIds.length < D) {
      for (let c = 0; c < SPREAD_CLASSES; c++) {
        this.pointIds[c] = new Int32Array(2 * D);
        this.pointXyz[c] = new Float64Array(6 * D);
      }
      this.bearingIds = new Int32Array(2 * D);
      this.bearingXyz = new Float64Array(6 * D);
      this.loose = new Int32Array(2 * D);
      this.scratch = new Int32Array(2 * D);
    }
    let np = 0;
    let nb = 0;
    let nl = 0;
    let maxP = 0;
    let maxA = 0;
    let haveOrigin = false;
    const o = this.origin;
    for (let k = 0; k < D; k++) {
      const p = 3 * k;
      if (g.kind[k] === BEARING) {
        if (!haveOrigin) {
          o[0] = g.pos[p];
          o[1] = g.pos[p + 1];
          o[2] = g.pos[p + 2];
          haveOrigin = true;
        }
        if (g.pos[p] !== o[0] || g.pos[p + 1] !== o[1] || g.pos[p + 2] !== o[2]) {
          this.loose[nl++] = k;
          continue;
        }
        this.bearingIds[nb] = k;
        this.bearingXyz[3 * nb] = g.dir[p];
        this.bearingXyz[3 * nb + 1] = g.dir[p + 1];
        this.bearingXyz[3 * nb + 2] = g.dir[p + 2];
        if (g.spread[k] > maxA) maxA = g.spread[k];
        nb++;
      } else {
        if (g.spread[k] > maxP) maxP = g.spread[k];
        np++;
      }
    }
    // Points by class of spread (a second pass: the classes are fractions of the largest spread).
    const nOf = this.nPointsOf;
    const spreadOf = this.spreadOf;
    nOf.fill(0);
    spreadOf.fill(0);
    if (np > 0) {
      for (let k = 0; k < D; k++) {
        if (g.kind[k] === BEARING) continue;
        const sp = g.spread[k];
        let c = 0;
        // An infinite spread makes every bound infinite: all points fall in the last class, whose
        // infinite spread makes its queries decline, so it is listed whole. A NaN spread (class 0)
        // never passes the pre-gate itself, so its listing does not matter.
        for (let lim = maxP / SPREAD_RATIO; c < SPREAD_CLASSES - 1 && sp <= lim; lim /= SPREAD_RATIO) c++;
        const q = nOf[c]++;
        this.pointIds[c][q] = k;
        const p = 3 * k;
        const xyz = this.pointXyz[c];
        xyz[3 * q] = g.pos[p];
        xyz[3 * q + 1] = g.pos[p + 1];
        xyz[3 * q + 2] = g.pos[p + 2];
        if (!(sp <= spreadOf[c])) spreadOf[c] = sp;
      }
    }
    this.nPoints = np;
    this.nBearings = nb;
    this.nLoose = nl;
    this.maxAngleSpread = maxA;
    // Cells about twice a typical query's half-side, so a query meets a few cells.
    if (this.values.length < tracks) this.values = new Float64Array(2 * tracks);
    const v = this.values;
    if (np > 0) {
      let n = 0;
      for (let t = 0; t < tracks; t++) {
        const r = reach[4 * t + 3];
        if (r < Infinity) v[n++] = r;
      }
      const median = medianInPlace(v, n);
      for (let c = 0; c < SPREAD_CLASSES; c++) {
        if (nOf[c] === 0) continue;
        const typical = median + spreadOf[c];
        this.points[c].reset(this.pointXyz[c], nOf[c], typical < 5e5 ? Math.max(2 * typical, 1) : 1e6);
      }
    }
    if (nb > 0) {
      let n = 0;
      for (let t = 0; t < tracks; t++) {
        const dx = reach[4 * t] - o[0];
        const dy = reach[4 * t + 1] - o[1];
        const dz = reach[4 * t + 2] - o[2];
        const a = reach[4 * t + 3] / Math.sqrt(dx * dx + dy * dy + dz * dz);
        if (a < Infinity) v[n++] = a;
      }
      const typical = medianInPlace(v, n) + sigmas * maxA;
      this.bearings.reset(this.bearingXyz, nb, typical < 0.5 ? Math.max(2 * typical, 1e-6) : 1);
    }
  }

  /**
   * The scan indices (ascending, each once) of the detections a track of reach (cx, cy, cz, radius)
   * may pass the pre-gate with, into out; returns their count. out must hold the scan's detections.
   */
  candidates(cx: number, cy: number, cz: number, radius: number, out: Int32Array): number {
    const n = this.candidatesUnsorted(cx, cy, cz, radius, out);
    sortInts(out, n);
    return n;
  }

  /**
   * As `candidates`, each once but in no particular order: the tracker sorts only those that pass the
   * pre-gate (in a dense raid a few of the tens listed).
   */
  candidatesUnsorted(cx: number, cy: number, cz: number, radius: number, out: Int32Array): number {
    let n = 0;
    const tmp = this.scratch;
    if (this.nPoints > 0) {
      for (let c = 0; c < SPREAD_CLASSES; c++) {
        const count = this.nPointsOf[c];
        if (count === 0) continue;
        const ids = this.pointIds[c];
        const r = radius + this.spreadOf[c];
        const half = r + REL * r + ABS_M;
        const end = this.points[c].query(cx, cy, cz, half, tmp);
        if (end < 0) for (let q = 0; q < count; q++) out[n++] = ids[q];
        else for (let q = 0; q < end; q++) out[n++] = ids[tmp[q]];
      }
    }
    if (this.nBearings > 0) {
      const o = this.origin;
      const wx = cx - o[0];
      const wy = cy - o[1];
      const wz = cz - o[2];
      const rw = Math.sqrt(wx * wx + wy * wy + wz * wz);
      const s = (radius + ABS_M) / rw + this.sigmas * this.maxAngleSpread + REL;
      let end = -1;
      if (rw > 0 && s <= MAX_SINE) {
        const half = Math.asin(s) * (1 + REL) + ABS_RAD;
        end = this.bearings.query(wx / rw, wy / rw, wz / rw, half, tmp);
      }
      if (end < 0) for (let q = 0; q < this.nBearings; q++) out[n++] = this.bearingIds[q];
      else for (let q = 0; q < end; q++) out[n++] = this.bearingIds[tmp[q]];
    }
    for (let q = 0; q < this.nLoose; q++) out[n++] = this.loose[q];
    return n;
  }
}

/** Sorts a[0..n) ascending (insertion sort for the usual short lists). */
export function sortInts(a: Int32Array, n: number): void {
  if (n > 32) {
    a.subarray(0, n).sort();
    return;
  }
  for (let i = 1; i < n; i++) {
    const v = a[i];
    let j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}
