/**
 * A uniform grid over points in 3-D (ECEF positions in metres, or unit vectors), hashed so that only
 * occupied cells take room, rebuilt for each use (a scan's detections, a step's tracks). Items are
 * bucketed by the cell holding their point; a query lists the items of every cell meeting a cube
 * around a centre, a superset of the items within that distance (the callers then apply their exact
 * tests). Work: O(items) to build, O(cells met + items listed) per query; no allocation once the
 * largest set has been seen.
 *
 * Cells are stored compactly (counting sort): an open-addressing table maps a cell's integer
 * coordinates to its slot, each slot holds the range of its items in one array.
 */

/** Cells met by a query above which `query` declines (returns -1): the caller then tests every item. */
export const MAX_QUERY_CELLS = 64;

export class PointGrid {
  private cellM = 1;
  private count = 0;
  /** Per item: its cell's slot. */
  private itemSlot = new Int32Array(16);
  /** Items ordered by slot; slot s holds items order[start[s] .. start[s + 1]). */
  private order = new Int32Array(16);
  /** Per slot: integer cell coordinates and the start of its items (start has slots + 1 entries). */
  private slotX = new Int32Array(16);
  private slotY = new Int32Array(16);
  private slotZ = new Int32Array(16);
  private start = new Int32Array(17);
  private fill = new Int32Array(16);
  private slots = 0;
  /** Open addressing: slot + 1 per table entry (0 empty); size a power of two >= 2 x items. */
  private table = new Int32Array(32);
  private mask = 31;

  /** The cell size of the last build. */
  get cellSize(): number {
    return this.cellM;
  }

  /**
   * Buckets `count` items whose points are xyz[3 i .. 3 i + 2] into cubic cells of side `cellSize`
   * (positive; coordinates / cellSize must stay within +-2^30).
   */
  build(xyz: Float64Array, count: number, cellSize: number): void {
    if (!(cellSize > 0)) throw new RangeError(`PointGrid.build: cellSize must be > 0, got ${cellSize}`);
    this.cellM = cellSize;
    this.count = count;
    if (this.itemSlot.length < count) {
      this.itemSlot = new Int32Array(2 * count);
      this.order = new Int32Array(2 * count);
      this.slotX = new Int32Array(2 * count);
      this.slotY = new Int32Array(2 * count);
      this.slotZ = new Int32Array(2 * count);
      this.start = new Int32Array(2 * count + 1);
      this.fill = new Int32Array(2 * count);
    }
    let size = 32;
    while (size < 2 * count) size *= 2;
    if (this.table.length < size) this.table = new Int32Array(size);
    this.mask = size - 1;
    this.table.fill(0, 0, size);
    const inv = 1 / cellSize;
    let slots = 0;
    const cnt = this.fill;
    for (let i = 0; i < count; i++) {
      const ix = Math.floor(xyz[3 * i] * inv);
      const iy = Math.floor(xyz[3 * i + 1] * inv);
      const iz = Math.floor(xyz[3 * i + 2] * inv);
      let s = this.find(ix, iy, iz);
      if (s < 0) {
        s = slots++;
        this.slotX[s] = ix;
        this.slotY[s] = iy;
        this.slotZ[s] = iz;
        cnt[s] = 0;
        this.insert(ix, iy, iz, s);
      }
      cnt[s]++;
      this.itemSlot[i] = s;
    }
    this.slots = slots;
    const st = this.start;
    st[0] = 0;
    for (let s = 0; s < slots; s++) {
      st[s + 1] = st[s] + cnt[s];
      cnt[s] = st[s];
    }
    // Items in increasing index within each cell.
    for (let i = 0; i < count; i++) this.order[cnt[this.itemSlot[i]]++] = i;
  }

  /**
   * Appends to `out` (from index `at`) the items of every cell meeting the cube of half-side `radius`
   * around (cx, cy, cz); returns the new end, or -1 (nothing appended) when the cube meets more than
   * `maxCells` cells. `out` must have room for every item.
   */
  query(
    cx: number,
    cy: number,
    cz: number,
    radius: number,
    out: Int32Array,
    at: number,
    maxCells = MAX_QUERY_CELLS,
  ): number {
    if (this.count === 0) return at;
    const inv = 1 / this.cellM;
    const x0 = Math.floor((cx - radius) * inv);
    const x1 = Math.floor((cx + radius) * inv);
    const y0 = Math.floor((cy - radius) * inv);
    const y1 = Math.floor((cy + radius) * inv);
    const z0 = Math.floor((cz - radius) * inv);
    const z1 = Math.floor((cz + radius) * inv);
    const cells = (x1 - x0 + 1) * (y1 - y0 + 1) * (z1 - z0 + 1);
    // Not finite (a NaN centre) or too many: decline.
    if (!(cells <= maxCells)) return -1;
    let n = at;
    for (let ix = x0; ix <= x1; ix++) {
      for (let iy = y0; iy <= y1; iy++) {
        for (let iz = z0; iz <= z1; iz++) {
          const s = this.find(ix, iy, iz);
          if (s < 0) continue;
          const e = this.start[s + 1];
          for (let q = this.start[s]; q < e; q++) out[n++] = this.order[q];
        }
      }
    }
    return n;
  }

  /** Number of occupied cells of the last build. */
  get occupiedCells(): number {
    return this.slots;
  }

  private hash(ix: number, iy: number, iz: number): number {
    return (Math.imul(ix, 73856093) ^ Math.imul(iy, 19349663) ^ Math.imul(iz, 83492791)) & this.mask;
  }

  private find(ix: number, iy: number, iz: number): number {
    let h = this.hash(ix, iy, iz);
    for (;;) {
      const e = this.table[h];
      if (e === 0) return -1;
      const s = e - 1;
      if (this.slotX[s] === ix && this.slotY[s] === iy && this.slotZ[s] === iz) return s;
      h = (h + 1) & this.mask;
    }
  }

  private insert(ix: number, iy: number, iz: number, s: number): void {
    let h = this.hash(ix, iy, iz);
    while (this.table[h] !== 0) h = (h + 1) & this.mask;
    this.table[h] = s + 1;
  }
}

/**
 * The median of values[0..count) by selection (values is reordered; O(count) on average), or 0 for an
 * empty set. Deterministic: the pivot is the middle element.
 */
export function medianInPlace(values: Float64Array, count: number): number {
  if (count === 0) return 0;
  const k = count >> 1;
  let lo = 0;
  let hi = count - 1;
  while (lo < hi) {
    const pivot = values[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (values[i] < pivot) i++;
      while (values[j] > pivot) j--;
      if (i <= j) {
        const t = values[i];
        values[i] = values[j];
        values[j] = t;
        i++;
        j--;
      }
    }
    if (k <= j) hi = j;
    else if (k >= i) lo = i;
    else break;
  }
  return values[k];
}
