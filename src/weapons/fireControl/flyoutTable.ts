/**
 * Flyout tables: what a weapon's round does against ground range s and altitude h of an intercept
 * point (geometry.ts), tabulated once per weapon model from the flight model (drag, gravity, the Earth
 * model's shape and rotation) and interpolated by fire control:
 *   time of flight t(s, h), launch elevation e(s, h) (the gun's; a vertically launched missile's is
 *   90 deg), speed at arrival v(s, h), flight-path angle at arrival gamma(s, h), and a missile's loft
 *   l(s, h) (how far above the point it aims while its motors burn: its trajectory shaping; 0 for a
 *   gun).
 * The grid is regular in s and h; values are bilinear in each cell, so the time of flight's gradient
 * (for Newton steps on the intercept time) is the cell's. A cell with any corner out of reach (NaN) is
 * out of reach: the envelope edge is resolved to one cell, conservatively.
 *
 * Built from a family of unguided trajectories (tableFromTrajectories: a gun) or point by point from
 * guided flyouts (tableFromPoints: a missile flown to each grid point).
 */

/** One interpolated table entry (caller-owned, reused). */
export interface FlyoutPoint {
  tofS: number;
  elevationRad: number;
  speedMps: number;
  pathAngleRad: number;
  /** Loft of a missile's flight to the point, m (0 for a gun). */
  loftM: number;
  /** d t / d s and d t / d h of the cell, s/m. */
  dTofdRange: number;
  dTofdAlt: number;
}

export function createFlyoutPoint(): FlyoutPoint {
  return {
    tofS: NaN,
    elevationRad: NaN,
    speedMps: NaN,
    pathAngleRad: NaN,
    loftM: NaN,
    dTofdRange: NaN,
    dTofdAlt: NaN,
  };
}

export interface FlyoutGrid {
  /** Ground ranges s_i = i * rangeStepM, i = 0 .. rangeCount - 1, m. */
  readonly rangeStepM: number;
  readonly rangeCount: number;
  /** Altitudes h_j = altMinM + j * altStepM, j = 0 .. altCount - 1, m. */
  readonly altMinM: number;
  readonly altStepM: number;
  readonly altCount: number;
}

/** A grid's steps, counts and base, each refused with a RangeError naming it (`grid.rangeStepM`). */
export function checkFlyoutGrid(g: FlyoutGrid): void {
  for (const k of ["rangeStepM", "altStepM"] as const)
    if (!(g[k] > 0 && Number.isFinite(g[k])))
      throw new RangeError(`flyout grid: grid.${k} must be a finite number > 0, given ${g[k]}`);
  for (const k of ["rangeCount", "altCount"] as const)
    if (!Number.isInteger(g[k]) || g[k] < 2)
      throw new RangeError(`flyout grid: grid.${k} must be a whole number >= 2, given ${g[k]}`);
  if (g.rangeCount * g.altCount > 4e6)
    throw new RangeError(
      `flyout grid: grid.rangeCount x altCount must be at most 4e6 cells, given ${g.rangeCount * g.altCount}`,
    );
  if (!Number.isFinite(g.altMinM))
    throw new RangeError(`flyout grid: grid.altMinM must be finite, given ${g.altMinM}`);
}

export class FlyoutTable {
  readonly grid: FlyoutGrid;
  /** Cell values, row-major by altitude: index j * rangeCount + i. NaN: out of reach. */
  readonly tofS: Float64Array;
  readonly elevationRad: Float64Array;
  readonly speedMps: Float64Array;
  readonly pathAngleRad: Float64Array;
  /** A missile's loft to each point, m (0 for a gun and wherever not set). */
  readonly loftM: Float64Array;
  /** Largest range and altitude of the grid, m. */
  readonly maxRangeM: number;
  readonly maxAltM: number;
  private readonly invDs: number;
  private readonly invDh: number;

  constructor(grid: FlyoutGrid) {
    checkFlyoutGrid(grid);
    this.grid = grid;
    const n = grid.rangeCount * grid.altCount;
    this.tofS = new Float64Array(n).fill(NaN);
    this.elevationRad = new Float64Array(n).fill(NaN);
    this.speedMps = new Float64Array(n).fill(NaN);
    this.pathAngleRad = new Float64Array(n).fill(NaN);
    this.loftM = new Float64Array(n);
    this.maxRangeM = (grid.rangeCount - 1) * grid.rangeStepM;
    this.maxAltM = grid.altMinM + (grid.altCount - 1) * grid.altStepM;
    this.invDs = 1 / grid.rangeStepM;
    this.invDh = 1 / grid.altStepM;
  }

  /** Cells that are within reach. */
  get reachableCells(): number {
    let n = 0;
    for (let k = 0; k < this.tofS.length; k++) if (this.tofS[k] === this.tofS[k]) n++;
    return n;
  }

  /**
   * Bilinear lookup at (rangeM, altM) into `out`; false (and `out` untouched) outside the grid or in a
   * cell with a corner out of reach. Allocation-free.
   */
  lookup(rangeM: number, altM: number, out: FlyoutPoint): boolean {
    const g = this.grid;
    const u = rangeM * this.invDs;
    const w = (altM - g.altMinM) * this.invDh;
    if (!(u >= 0 && w >= 0 && u <= g.rangeCount - 1 && w <= g.altCount - 1)) return false;
    let i = Math.floor(u);
    let j = Math.floor(w);
    if (i >= g.rangeCount - 1) i = g.rangeCount - 2;
    if (j >= g.altCount - 1) j = g.altCount - 2;
    const fu = u - i;
    const fw = w - j;
    const k00 = j * g.rangeCount + i;
    const k10 = k00 + 1;
    const k01 = k00 + g.rangeCount;
    const k11 = k01 + 1;
    const t = this.tofS;
    const t00 = t[k00];
    const t10 = t[k10];
    const t01 = t[k01];
    const t11 = t[k11];
    // NaN in any corner: the sum is NaN.
    if (t00 + t10 + t01 + t11 !== t00 + t10 + t01 + t11) return false;
    const a00 = (1 - fu) * (1 - fw);
    const a10 = fu * (1 - fw);
    const a01 = (1 - fu) * fw;
    const a11 = fu * fw;
    out.tofS = a00 * t00 + a10 * t10 + a01 * t01 + a11 * t11;
    out.dTofdRange = ((1 - fw) * (t10 - t00) + fw * (t11 - t01)) * this.invDs;
    out.dTofdAlt = ((1 - fu) * (t01 - t00) + fu * (t11 - t10)) * this.invDh;
    const e = this.elevationRad;
    out.elevationRad = a00 * e[k00] + a10 * e[k10] + a01 * e[k01] + a11 * e[k11];
    const v = this.speedMps;
    out.speedMps = a00 * v[k00] + a10 * v[k10] + a01 * v[k01] + a11 * v[k11];
    const p = this.pathAngleRad;
    out.pathAngleRad = a00 * p[k00] + a10 * p[k10] + a01 * p[k01] + a11 * p[k11];
    const l = this.loftM;
    out.loftM = a00 * l[k00] + a10 * l[k10] + a01 * l[k01] + a11 * l[k11];
    return true;
  }

  /** Sets a grid point (builders). */
  setPoint(
    i: number,
    j: number,
    tofS: number,
    elevationRad: number,
    speedMps: number,
    pathAngleRad: number,
    loftM = 0,
  ): void {
    const k = j * this.grid.rangeCount + i;
    this.tofS[k] = tofS;
    this.elevationRad[k] = elevationRad;
    this.speedMps[k] = speedMps;
    this.pathAngleRad[k] = pathAngleRad;
    this.loftM[k] = loftM;
  }
}

/** One unguided trajectory, sampled densely (the samples are joined by straight lines in (s, h)). */
export interface SampledTrajectory {
  /** Launch elevation, rad. */
  readonly elevationRad: number;
  readonly count: number;
  /** Time of flight at each sample, s. */
  readonly tofS: ArrayLike<number>;
  readonly rangeM: ArrayLike<number>;
  readonly altM: ArrayLike<number>;
  readonly speedMps: ArrayLike<number>;
  readonly pathAngleRad: ArrayLike<number>;
}

interface Crossing {
  tof: number;
  range: number;
  speed: number;
  gamma: number;
}

/**
 * Table of a gun from its trajectories at increasing elevations. Each trajectory crosses each
 * altitude row on its way up (branch 0) and, past its apex, on its way down (branch 1); between two
 * adjacent elevations with a crossing on the same branch, the grid ranges between their crossing ranges
 * are filled by linear interpolation in range (elevation, time of flight, speed and path angle alike).
 * Where several solutions reach a grid point (the low and the high trajectory, or both branches), the
 * shortest time of flight is kept: fire control wants the earliest intercept.
 */
export function tableFromTrajectories(
  trajectories: readonly SampledTrajectory[],
  grid: FlyoutGrid,
): FlyoutTable {
  const table = new FlyoutTable(grid);
  const nA = grid.altCount;
  const nR = grid.rangeCount;
  // crossings[k][b * nA + j]: trajectory k's crossing of altitude row j on branch b (or undefined).
  const crossings: (Crossing | undefined)[][] = trajectories.map((tr) => {
    const row: (Crossing | undefined)[] = new Array(2 * nA);
    let apexPassed = false;
    for (let i = 0; i + 1 < tr.count; i++) {
      const h0 = tr.altM[i];
      const h1 = tr.altM[i + 1];
      if (h1 < h0) apexPassed = true;
      if (h1 === h0) continue;
      const lo = Math.min(h0, h1);
      const hi = Math.max(h0, h1);
      const jLo = Math.max(0, Math.ceil((lo - grid.altMinM) / grid.altStepM));
      const jHi = Math.min(nA - 1, Math.floor((hi - grid.altMinM) / grid.altStepM));
      const branch = h1 > h0 ? 0 : 1;
      if (branch === 0 && apexPassed) continue; // a rise after the apex (a skip): not a gun solution
      for (let j = jLo; j <= jHi; j++) {
        const slot = branch * nA + j;
        if (row[slot] !== undefined) continue; // first crossing only
        const h = grid.altMinM + j * grid.altStepM;
        const f = (h - h0) / (h1 - h0);
        row[slot] = {
          tof: tr.tofS[i] + f * (tr.tofS[i + 1] - tr.tofS[i]),
          range: tr.rangeM[i] + f * (tr.rangeM[i + 1] - tr.rangeM[i]),
          speed: tr.speedMps[i] + f * (tr.speedMps[i + 1] - tr.speedMps[i]),
          gamma: tr.pathAngleRad[i] + f * (tr.pathAngleRad[i + 1] - tr.pathAngleRad[i]),
        };
      }
    }
    return row;
  });
  const tof = table.tofS;
  const fill = (j: number, c0: Crossing, c1: Crossing, e0: number, e1: number): void => {
    if (c0.range === c1.range) return;
    const rLo = Math.min(c0.range, c1.range);
    const rHi = Math.max(c0.range, c1.range);
    const iLo = Math.max(0, Math.ceil(rLo / grid.rangeStepM));
    const iHi = Math.min(nR - 1, Math.floor(rHi / grid.rangeStepM));
    for (let i = iLo; i <= iHi; i++) {
      const f = (i * grid.rangeStepM - c0.range) / (c1.range - c0.range);
      const t = c0.tof + f * (c1.tof - c0.tof);
      const cell = j * nR + i;
      if (tof[cell] <= t) continue; // a shorter solution is already there (NaN compares false)
      table.setPoint(
        i,
        j,
        t,
        e0 + f * (e1 - e0),
        c0.speed + f * (c1.speed - c0.speed),
        c0.gamma + f * (c1.gamma - c0.gamma),
      );
    }
  };
  // The lowest trajectory that reaches a row: the grazing one (apex exactly at the row) lies between it
  // and the one below, and joins its two crossings; the ranges between them are reached only by
  // elevations in that last step, so they are filled from its ascending to its descending crossing
  // (the elevation is then within one step of the solution, as everywhere else).
  for (let k = 0; k < trajectories.length; k++) {
    const e = trajectories[k].elevationRad;
    for (let j = 0; j < nA; j++) {
      const up = crossings[k][j];
      const down = crossings[k][nA + j];
      if (up === undefined || down === undefined) continue;
      if (k > 0 && crossings[k - 1][j] !== undefined) continue;
      fill(j, up, down, e, e);
    }
  }
  for (let k = 0; k + 1 < trajectories.length; k++) {
    const e0 = trajectories[k].elevationRad;
    const e1 = trajectories[k + 1].elevationRad;
    for (let b = 0; b < 2; b++) {
      for (let j = 0; j < nA; j++) {
        const c0 = crossings[k][b * nA + j];
        const c1 = crossings[k + 1][b * nA + j];
        if (c0 !== undefined && c1 !== undefined) fill(j, c0, c1, e0, e1);
      }
    }
  }
  return table;
}

/** What a guided flyout to one point gives (null: the point is out of reach). */
export interface PointFlyout {
  readonly tofS: number;
  readonly elevationRad: number;
  readonly speedMps: number;
  readonly pathAngleRad: number;
  /** The loft the flight flew, m (default 0). */
  readonly loftM?: number;
}

/** Table of a guided weapon: `flyTo(rangeM, altM)` flown for every grid point. */
export function tableFromPoints(
  grid: FlyoutGrid,
  flyTo: (rangeM: number, altM: number) => PointFlyout | null,
): FlyoutTable {
  const table = new FlyoutTable(grid);
  for (let j = 0; j < grid.altCount; j++) {
    for (let i = 0; i < grid.rangeCount; i++) {
      const r = flyTo(i * grid.rangeStepM, grid.altMinM + j * grid.altStepM);
      if (r !== null) table.setPoint(i, j, r.tofS, r.elevationRad, r.speedMps, r.pathAngleRad, r.loftM ?? 0);
    }
  }
  return table;
}
