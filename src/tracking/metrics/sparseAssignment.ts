/**
 * The cut-off assignment behind OSPA, GOSPA and the scorer's truth-to-track pairing, at the cost of a
 * raid rather than of a dense matrix.
 *
 * With the cost min(c, d)^p, the optimal assignment of the smaller set to the larger is a maximum-weight
 * matching on the "close" pairs (d < c) with weights c^p - d^p: every other pairing costs exactly c^p,
 * the same as leaving both ends unmatched, and an optimal matching leaves no close pair with both ends
 * free (adding it would lower the cost). So (with k close pairs matched)
 *   sum_i min(c, d_i)^p over an optimal assignment = sum_{matched} d^p + c^p (m - k),
 * and the problem splits into the connected components of the close-pair graph, each solved alone by the
 * Munkres algorithm on its own small matrix. Raids are clustered, so components are a few objects each:
 * the work is the neighbour search (a uniform grid of cell c: each point visits the 27 cells around it)
 * plus a few tiny assignments, instead of an m x n matrix and an O(n^3) solve.
 *
 * Ties: where several assignments share the optimal cost, the dense solve and this one may pick
 * different ones; the cost (and so OSPA and GOSPA) is the same.
 */
import { munkres } from "munkres";

/** Points as packed ECEF triples [x0, y0, z0, x1, ...], m. */
export type PackedPoints = ArrayLike<number>;

/** Close pairs (d < c) found by the grid search: indices into X and Y and their distances. */
export interface ClosePairs {
  readonly count: number;
  readonly i: Int32Array;
  readonly j: Int32Array;
  readonly distanceM: Float64Array;
}

const OFFSET = 32768;

function cellKey(ix: number, iy: number, iz: number): number {
  return ((ix + OFFSET) * 65536 + (iy + OFFSET)) * 65536 + (iz + OFFSET);
}

/** Every pair (i in X, j in Y) closer than c, by a uniform grid of cell size c over Y. */
export function closePairs(X: PackedPoints, m: number, Y: PackedPoints, n: number, c: number): ClosePairs {
  if (!(c > 0) || !Number.isFinite(c))
    throw new RangeError(`closePairs: c must be positive and finite, given ${c}`);
  const grid = new Map<number, number[]>();
  const inv = 1 / c;
  for (let j = 0; j < n; j++) {
    const k = cellKey(
      Math.floor(Y[3 * j] * inv),
      Math.floor(Y[3 * j + 1] * inv),
      Math.floor(Y[3 * j + 2] * inv),
    );
    const cell = grid.get(k);
    if (cell === undefined) grid.set(k, [j]);
    else cell.push(j);
  }
  let cap = Math.max(16, m + n);
  let I = new Int32Array(cap);
  let J = new Int32Array(cap);
  let D = new Float64Array(cap);
  let count = 0;
  const c2 = c * c;
  for (let i = 0; i < m; i++) {
    const x = X[3 * i];
    const y = X[3 * i + 1];
    const z = X[3 * i + 2];
    const cx = Math.floor(x * inv);
    const cy = Math.floor(y * inv);
    const cz = Math.floor(z * inv);
    for (let a = -1; a <= 1; a++)
      for (let b = -1; b <= 1; b++)
        for (let e = -1; e <= 1; e++) {
          const cell = grid.get(cellKey(cx + a, cy + b, cz + e));
          if (cell === undefined) continue;
          for (const j of cell) {
            const dx = Y[3 * j] - x;
            const dy = Y[3 * j + 1] - y;
            const dz = Y[3 * j + 2] - z;
            const d2 = dx * dx + dy * dy + dz * dz;
            if (!(d2 < c2)) continue;
            if (count === cap) {
              cap *= 2;
              I = grow(I, cap);
              J = grow(J, cap);
              const nd = new Float64Array(cap);
              nd.set(D);
              D = nd;
            }
            I[count] = i;
            J[count] = j;
            D[count] = Math.sqrt(d2);
            count++;
          }
        }
  }
  return { count, i: I, j: J, distanceM: D };
}

function grow(a: Int32Array, cap: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(cap);
  b.set(a);
  return b;
}

/** One matched close pair. */
export interface MatchedPair {
  readonly i: number;
  readonly j: number;
  readonly distanceM: number;
}

/**
 * The optimal cut-off assignment (cost min(c, d)^p) of X (m points) and Y (n points), from their close
 * pairs: the matched close pairs, in increasing i.
 */
export function sparseCutoffAssignment(
  pairs: ClosePairs,
  m: number,
  n: number,
  c: number,
  p: number,
): MatchedPair[] {
  if (pairs.count === 0) return [];
  return new CloseComponents(pairs, m, n).assign(c, p);
}

/**
 * The connected components of a close-pair graph, found once and solved for any exponent p (the scorer
 * pairs with p = 1 and scores OSPA and GOSPA with p = 2 on the same pairs). Components are in the order
 * of their first pair, and each one's pairs in increasing pair index; a component's X and Y members are
 * numbered in the order they first appear there. Those are the local matrices the one-call form built,
 * so the solves (and their choices among equal-cost optima) are the same.
 */
export class CloseComponents {
  /** Number of components. */
  readonly count: number;
  /** Component q's pairs are order[start[q]] .. order[start[q + 1] - 1] (indices into the pairs). */
  private readonly start: Int32Array;
  private readonly order: Int32Array;
  /** Per pair: the local index of its X and of its Y member within its component. */
  private readonly localX: Int32Array;
  private readonly localY: Int32Array;
  /** Per component: how many X and how many Y members it has. */
  private readonly xCount: Int32Array;
  private readonly yCount: Int32Array;

  constructor(
    private readonly pairs: ClosePairs,
    m: number,
    n: number,
  ) {
    // Union-find over X (0..m-1) and Y (m..m+n-1), roots the smallest index.
    const parent = new Int32Array(m + n);
    for (let k = 0; k < parent.length; k++) parent[k] = k;
    const find = (a: number): number => {
      while (parent[a] !== a) {
        parent[a] = parent[parent[a]];
        a = parent[a];
      }
      return a;
    };
    const P = pairs.count;
    for (let k = 0; k < P; k++) {
      const a = find(pairs.i[k]);
      const b = find(m + pairs.j[k]);
      if (a !== b) parent[a < b ? b : a] = a < b ? a : b;
    }
    // Component ids in the order of their first pair, then a counting sort of the pairs by component.
    const idOfRoot = new Int32Array(m + n).fill(-1);
    const compOfPair = new Int32Array(P);
    let count = 0;
    for (let k = 0; k < P; k++) {
      const r = find(pairs.i[k]);
      if (idOfRoot[r] < 0) idOfRoot[r] = count++;
      compOfPair[k] = idOfRoot[r];
    }
    const start = new Int32Array(count + 1);
    for (let k = 0; k < P; k++) start[compOfPair[k] + 1]++;
    for (let q = 0; q < count; q++) start[q + 1] += start[q];
    const fill = start.slice(0, count);
    const order = new Int32Array(P);
    for (let k = 0; k < P; k++) order[fill[compOfPair[k]]++] = k;
    // Local indices: each point belongs to one component, so one table per side serves them all.
    const xAt = new Int32Array(m).fill(-1);
    const yAt = new Int32Array(n).fill(-1);
    const localX = new Int32Array(P);
    const localY = new Int32Array(P);
    const xCount = new Int32Array(count);
    const yCount = new Int32Array(count);
    for (let q = 0; q < count; q++) {
      for (let t = start[q]; t < start[q + 1]; t++) {
        const k = order[t];
        const i = pairs.i[k];
        const j = pairs.j[k];
        if (xAt[i] < 0) xAt[i] = xCount[q]++;
        if (yAt[j] < 0) yAt[j] = yCount[q]++;
        localX[k] = xAt[i];
        localY[k] = yAt[j];
      }
    }
    this.count = count;
    this.start = start;
    this.order = order;
    this.localX = localX;
    this.localY = localY;
    this.xCount = xCount;
    this.yCount = yCount;
  }

  /** The optimal assignment for cost min(c, d)^p: the matched close pairs, in increasing i. */
  assign(c: number, p: number): MatchedPair[] {
    const out: MatchedPair[] = [];
    const cp = c ** p;
    for (let q = 0; q < this.count; q++) this.solve(q, p, cp, out);
    out.sort((u, v) => u.i - v.i);
    return out;
  }

  /** Component q's matched pairs into out (cost min(c, d)^p, cp = c^p). */
  private solve(q: number, p: number, cp: number, out: MatchedPair[]): void {
    const { pairs, order, localX, localY } = this;
    const k0 = this.start[q];
    const E = this.start[q + 1] - k0;
    const matched = (k: number) => out.push({ i: pairs.i[k], j: pairs.j[k], distanceM: pairs.distanceM[k] });
    if (E === 1) {
      matched(order[k0]);
      return;
    }
    // Rows are the smaller side.
    const swap = this.xCount[q] > this.yCount[q];
    const rowOf = swap ? localY : localX;
    const colOf = swap ? localX : localY;
    const rows = swap ? this.yCount[q] : this.xCount[q];
    const cols = swap ? this.xCount[q] : this.yCount[q];
    if (rows * cols > DENSE_LIMIT) {
      // A large component (a dense raid: truths within the cut-off of many others): the sparse solve.
      const ri = new Int32Array(E);
      const ci = new Int32Array(E);
      const w = new Float64Array(E);
      for (let e = 0; e < E; e++) {
        const k = order[k0 + e];
        ri[e] = rowOf[k];
        ci[e] = colOf[k];
        w[e] = pairs.distanceM[k] ** p - cp;
      }
      const match = sparseMinCostMatching(rows, cols, ri, ci, w);
      for (let e = 0; e < E; e++) if (match[ri[e]] === e) matched(order[k0 + e]);
      return;
    }
    // Dense: cost c^p off the close pairs (the same as leaving both ends unmatched).
    const cost: number[][] = [];
    const pairAt: number[][] = [];
    for (let r = 0; r < rows; r++) {
      cost.push(new Array<number>(cols).fill(cp));
      pairAt.push(new Array<number>(cols).fill(-1));
    }
    for (let e = 0; e < E; e++) {
      const k = order[k0 + e];
      cost[rowOf[k]][colOf[k]] = pairs.distanceM[k] ** p;
      pairAt[rowOf[k]][colOf[k]] = k;
    }
    for (const [r, col] of munkres(cost)) if (pairAt[r][col] >= 0) matched(pairAt[r][col]);
  }
}

/**
 * Components above this many matrix cells (rows x cols) are solved by sparseMinCostMatching instead of
 * the Munkres algorithm on a dense matrix: 64 x 64 and below keep the dense solve (and its choice
 * among equal-cost optima) that every small case has always had; above it the dense matrices and the
 * O(n^3) solve of a dense raid's components (a thousand truths within 20 km of each other) cost
 * hundreds of megabytes and most of the scoring's time.
 */
const DENSE_LIMIT = 64 * 64;

/**
 * The minimum-cost matching of a sparse bipartite graph whose edge costs are all negative (here
 * d^p - c^p): rows r, columns q, edges e (row ri[e], column ci[e], cost w[e] < 0); a row may stay
 * unmatched at cost 0. Returns, per row, the index of its matched edge or -1.
 *
 * Successive shortest augmenting paths with Dijkstra on reduced costs (the Hungarian method in its
 * shortest-path form: Kuhn 1955; Edmonds and Karp, JACM 19(2), 1972, for the potentials; as in
 * Jonker and Volgenant, Computing 38, 1987): each row gets a private "unmatched" column of cost 0, so
 * every row is assigned and the rows assigned to their own column are the unmatched ones; free
 * columns lead to a sink. Column potentials start at the column's cheapest edge and the sink's at the
 * lowest of them, so every reduced cost starts non-negative; each search runs until no column is
 * nearer than the sink, and the potentials of the nodes it settled move by their distance less the
 * sink's (Johnson's update), which keeps them so. O(r (E + V) log V) time, O(E + V) memory.
 */
export function sparseMinCostMatching(
  r: number,
  q: number,
  ri: Int32Array,
  ci: Int32Array,
  w: Float64Array,
): Int32Array {
  const E = w.length;
  // Edges by row (CSR).
  const start = new Int32Array(r + 1);
  for (let e = 0; e < E; e++) start[ri[e] + 1]++;
  for (let i = 0; i < r; i++) start[i + 1] += start[i];
  const edgeAt = new Int32Array(E);
  const fill = start.slice(0, r);
  for (let e = 0; e < E; e++) edgeAt[fill[ri[e]]++] = e;
  // Columns 0..q-1 real, q + i the private "unmatched" column of row i.
  const cols = q + r;
  const potC = new Float64Array(cols);
  for (let e = 0; e < E; e++) if (w[e] < potC[ci[e]]) potC[ci[e]] = w[e];
  const potR = new Float64Array(r);
  // The sink's potential: no higher than any column's, so its edges start non-negative.
  let potT = 0;
  for (let j = 0; j < q; j++) if (potC[j] < potT) potT = potC[j];
  const rowOfCol = new Int32Array(cols).fill(-1);
  const colOfRow = new Int32Array(r).fill(-1);
  /** Edge by which each row is matched (-1: its private column or none yet). */
  const edgeOfRow = new Int32Array(r).fill(-1);
  // Dijkstra scratch: distances to columns, the row each column was reached from (and by which
  // edge, -1 for a private column), settled marks, a binary heap of columns.
  const dist = new Float64Array(cols).fill(Infinity);
  const fromRow = new Int32Array(cols);
  const viaEdge = new Int32Array(cols);
  const settled = new Uint8Array(cols);
  const touched = new Int32Array(cols);
  const settledRows = new Int32Array(r);
  const rowDist = new Float64Array(r);
  const heap = new Int32Array(cols);
  const heapPos = new Int32Array(cols).fill(-1);
  for (let i0 = 0; i0 < r; i0++) {
    let nTouched = 0;
    let nHeap = 0;
    let nRows = 0;
    const push = (j: number, d: number, from: number, edge: number): void => {
      if (settled[j] || !(d < dist[j])) return;
      if (dist[j] === Infinity) touched[nTouched++] = j;
      dist[j] = d;
      fromRow[j] = from;
      viaEdge[j] = edge;
      let k = heapPos[j];
      if (k < 0) {
        k = nHeap++;
        heap[k] = j;
        heapPos[j] = k;
      }
      // Sift up.
      while (k > 0) {
        const parent = (k - 1) >> 1;
        const pj = heap[parent];
        if (!(dist[pj] > d)) break;
        heap[k] = pj;
        heapPos[pj] = k;
        k = parent;
      }
      heap[k] = j;
      heapPos[j] = k;
    };
    const pop = (): number => {
      const top = heap[0];
      heapPos[top] = -1;
      const last = heap[--nHeap];
      if (nHeap > 0) {
        let k = 0;
        const d = dist[last];
        for (;;) {
          const a = 2 * k + 1;
          if (a >= nHeap) break;
          const b = a + 1;
          const c = b < nHeap && dist[heap[b]] < dist[heap[a]] ? b : a;
          if (!(dist[heap[c]] < d)) break;
          heap[k] = heap[c];
          heapPos[heap[k]] = k;
          k = c;
        }
        heap[k] = last;
        heapPos[last] = k;
      }
      return top;
    };
    const scanRow = (i: number, di: number): void => {
      settledRows[nRows] = i;
      rowDist[nRows++] = di;
      const base = di + potR[i];
      for (let t = start[i]; t < start[i + 1]; t++) {
        const e = edgeAt[t];
        const j = ci[e];
        push(j, base + w[e] - potC[j], i, e);
      }
      const own = q + i;
      push(own, base - potC[own], i, -1);
    };
    scanRow(i0, 0);
    // The sink: every free column reaches it at reduced cost potC[j] - potT (>= 0); the search stops
    // when no column left in the heap is nearer than the sink.
    let free = -1;
    let D = Infinity;
    while (nHeap > 0 && dist[heap[0]] < D) {
      const j = pop();
      settled[j] = 1;
      if (rowOfCol[j] < 0) {
        const dt = dist[j] + potC[j] - potT;
        if (dt < D) {
          D = dt;
          free = j;
        }
        continue;
      }
      scanRow(rowOfCol[j], dist[j]);
    }
    // Potentials of the settled nodes (Johnson's update, shifted by -D: the sink's stays).
    for (let t = 0; t < nTouched; t++) {
      const j = touched[t];
      if (settled[j]) potC[j] += dist[j] - D;
    }
    for (let t = 0; t < nRows; t++) potR[settledRows[t]] += rowDist[t] - D;
    // Augment along the path back to i0.
    let j = free;
    for (;;) {
      const i = fromRow[j];
      const prev = colOfRow[i];
      rowOfCol[j] = i;
      colOfRow[i] = j;
      edgeOfRow[i] = viaEdge[j];
      if (i === i0) break;
      j = prev;
    }
    for (let t = 0; t < nTouched; t++) {
      const c = touched[t];
      dist[c] = Infinity;
      settled[c] = 0;
      heapPos[c] = -1;
    }
  }
  return edgeOfRow;
}

/** OSPA and GOSPA of an assignment's matched pairs (same definitions as ospa.ts and gospa.ts). */
export function ospaGospaOf(
  matched: readonly MatchedPair[],
  m: number,
  n: number,
  c: number,
  p: number,
): { ospa: number; gospa: number } {
  let sum = 0;
  for (const pr of matched) sum += pr.distanceM ** p;
  const k = matched.length;
  const big = Math.max(m, n);
  const cp = c ** p;
  return {
    ospa: big === 0 ? 0 : ((sum + cp * (big - k)) / big) ** (1 / p),
    gospa: (sum + (cp / 2) * (m - k + (n - k))) ** (1 / p),
  };
}
