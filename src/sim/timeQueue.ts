/**
 * A min-queue of times keyed by a small integer (a sensor's index, a weapon's index): the engine's
 * "what is due next". Binary heap with a position index, so a key's time can be moved in O(log n).
 * Equal times come out by key, so the order of a frame never depends on insertion history.
 */
export class TimeQueue {
  private readonly heap: number[] = [];
  private readonly times: Float64Array;
  /** Position of each key in the heap, -1 when absent. */
  private readonly pos: Int32Array;

  constructor(readonly capacity: number) {
    if (!Number.isInteger(capacity) || capacity < 0)
      throw new RangeError(`TimeQueue: capacity must be a whole number >= 0, given ${capacity}`);
    this.times = new Float64Array(capacity);
    this.pos = new Int32Array(capacity).fill(-1);
  }

  get size(): number {
    return this.heap.length;
  }

  /** The earliest time in the queue (Infinity when empty). */
  peekTimeS(): number {
    return this.heap.length === 0 ? Infinity : this.times[this.heap[0]];
  }

  /** The key of the earliest time (-1 when empty). */
  peekKey(): number {
    return this.heap.length === 0 ? -1 : this.heap[0];
  }

  /** Sets (inserts or moves) a key's time; Infinity or NaN removes it. */
  set(key: number, timeS: number): void {
    if (!(key >= 0 && key < this.capacity)) throw new RangeError(`TimeQueue: key ${key} out of range`);
    if (!(timeS < Infinity)) {
      this.remove(key);
      return;
    }
    this.times[key] = timeS;
    let i = this.pos[key];
    if (i < 0) {
      i = this.heap.length;
      this.heap.push(key);
      this.pos[key] = i;
    }
    this.up(i);
    this.down(this.pos[key]);
  }

  remove(key: number): void {
    const i = this.pos[key];
    if (i < 0) return;
    const last = this.heap.pop() as number;
    this.pos[key] = -1;
    if (i < this.heap.length) {
      this.heap[i] = last;
      this.pos[last] = i;
      this.up(i);
      this.down(this.pos[last]);
    }
  }

  private less(a: number, b: number): boolean {
    const ta = this.times[a];
    const tb = this.times[b];
    return ta < tb || (ta === tb && a < b);
  }

  private up(i: number): void {
    const h = this.heap;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!this.less(h[i], h[p])) break;
      this.swap(i, p);
      i = p;
    }
  }

  private down(i: number): void {
    const h = this.heap;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < h.length && this.less(h[l], h[m])) m = l;
      if (r < h.length && this.less(h[r], h[m])) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(i: number, j: number): void {
    const h = this.heap;
    const a = h[i];
    h[i] = h[j];
    h[j] = a;
    this.pos[h[i]] = i;
    this.pos[h[j]] = j;
  }
}
