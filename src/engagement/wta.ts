/**
 * Weapon-target assignment (the static WTA of Manne 1958 and den Broeder, Ellison and Emerling 1959):
 * given threats i with values V_i (the expected value of the assets they would destroy), batteries j
 * with shots to spend (c_j, within magazines, rates of fire and recharge over the planning horizon),
 * and per pair a single-shot kill probability p_ij and a most-shots n_ij (the shots battery j can take at
 * threat i inside its engagement window; 0 where it cannot reach), choose integer shots x_ij maximising
 * the expected value saved
 *     sum_i V_i (1 - prod_j (1 - p_ij)^x_ij)
 * subject to sum_i x_ij <= c_j, x_ij <= n_ij, and sum_j x_ij <= S (doctrine: shots per threat).
 *
 * Two solvers:
 * - `exactWta`: depth-first search over how many shots each battery puts on each threat, pruned by a
 *   bound (every threat's best case from the shots still to place), so small raids (a few threats and
 *   batteries) are solved exactly;
 * - `greedyWta`: maximum marginal return, one shot at a time to the pair that adds the most expected value
 *   (den Broeder et al. 1959). It is optimal when a threat's kill probability does not depend on the
 *   battery (p_ij = p_i, identical weapons) and no pair limits bind: each threat's marginal return then
 *   falls geometrically with its shots and an exchange argument shows no swap improves the greedy
 *   choice; with different weapons it can be beaten (tests/engagement/wta.test.ts measures by how much on
 *   random small cases).
 * `assignWeapons` picks the exact solver while its search is small, the greedy one beyond, and the greedy
 * one for a single battery, where it is the optimum: the objective is then a sum over threats of
 * concave functions of each threat's shots (V_i (1 - (1 - p_i)^x_i), whose increments fall with x_i),
 * under one budget and upper bounds on each x_i (pair limits, shots per threat), and marginal
 * allocation is optimal for such problems (Fox, "Discrete optimization via marginal analysis",
 * Management Science 13(3), 1966). A battery defending its own area against its own threats is the
 * battle manager's common case, where the search would cost up to EXACT_WTA_LIMIT nodes a cycle.
 */

export interface WtaProblem {
  /** Value of each threat (expected value of what it would destroy), >= 0. */
  readonly threatValues: readonly number[];
  /** Shots each battery may spend, whole numbers >= 0. */
  readonly batteryShots: readonly number[];
  /** Single-shot kill probability of battery j at threat i, [j][i] in [0, 1]. */
  readonly killProbability: readonly (readonly number[])[];
  /** Most shots battery j can take at threat i (its engagement window), [j][i]; default unbounded. */
  readonly maxPairShots?: readonly (readonly number[])[];
  /** Most shots at each threat over all batteries (doctrine); default unbounded. */
  readonly maxShotsPerThreat?: number;
  /** Most shots at threat i over all batteries (shots it has left), on top of maxShotsPerThreat. */
  readonly threatShotCaps?: readonly number[];
}

export interface WtaSolution {
  /** Shots of battery j at threat i, [j][i]. */
  readonly shots: number[][];
  /** Expected value saved, sum_i V_i (1 - survival_i). */
  readonly expectedValue: number;
  /** Probability each threat survives the shots assigned to it. */
  readonly survival: number[];
  /** "exact": the optimum (the search, or marginal allocation for one battery); "greedy": maximum
   *  marginal return over several batteries, which can fall short of it. */
  readonly method: "exact" | "greedy";
}

/** Most shots a battery may be given, or a threat or a pair capped at (bounds the searches' work). */
const MAX_SHOTS = 1e6;

/** Whether n is a whole number of shots in [0, MAX_SHOTS]. */
function shotsOk(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= MAX_SHOTS;
}

function check(p: WtaProblem): void {
  const nT = p.threatValues.length;
  const nB = p.batteryShots.length;
  p.threatValues.forEach((v, i) => {
    if (!(v >= 0) || !Number.isFinite(v))
      throw new RangeError(`wta: threatValues[${i}] must be a finite number >= 0, given ${v}`);
  });
  p.batteryShots.forEach((c, j) => {
    if (!shotsOk(c))
      throw new RangeError(`wta: batteryShots[${j}] must be a whole number in [0, ${MAX_SHOTS}], given ${c}`);
  });
  if (p.killProbability.length !== nB)
    throw new RangeError(`wta: killProbability needs ${nB} rows (batteries)`);
  p.killProbability.forEach((row, j) => {
    if (row.length !== nT) throw new RangeError(`wta: killProbability[${j}] needs ${nT} entries (threats)`);
    row.forEach((q, i) => {
      if (!(q >= 0 && q <= 1))
        throw new RangeError(`wta: killProbability[${j}][${i}] must be in [0, 1], given ${q}`);
    });
  });
  if (p.maxPairShots !== undefined) {
    if (p.maxPairShots.length !== nB) throw new RangeError(`wta: maxPairShots needs ${nB} rows`);
    p.maxPairShots.forEach((row, j) => {
      if (row.length !== nT) throw new RangeError(`wta: maxPairShots[${j}] needs ${nT} entries`);
      row.forEach((n, i) => {
        if (!shotsOk(n))
          throw new RangeError(
            `wta: maxPairShots[${j}][${i}] must be a whole number in [0, ${MAX_SHOTS}], given ${n}`,
          );
      });
    });
  }
  const s = p.maxShotsPerThreat;
  if (s !== undefined && !shotsOk(s))
    throw new RangeError(`wta: maxShotsPerThreat must be a whole number in [0, ${MAX_SHOTS}], given ${s}`);
  if (p.threatShotCaps !== undefined) {
    if (p.threatShotCaps.length !== nT) throw new RangeError(`wta: threatShotCaps needs ${nT} entries`);
    p.threatShotCaps.forEach((c, i) => {
      if (!shotsOk(c))
        throw new RangeError(
          `wta: threatShotCaps[${i}] must be a whole number in [0, ${MAX_SHOTS}], given ${c}`,
        );
    });
  }
}

/** Most shots at each threat: the smaller of maxShotsPerThreat and its own cap. */
function threatCaps(p: WtaProblem): number[] {
  const all = p.maxShotsPerThreat ?? Infinity;
  return p.threatValues.map((_, i) => Math.min(all, p.threatShotCaps?.[i] ?? Infinity));
}

function pairLimit(p: WtaProblem, j: number, i: number): number {
  return p.maxPairShots === undefined ? Infinity : p.maxPairShots[j][i];
}

function valueOf(p: WtaProblem, survival: readonly number[]): number {
  let v = 0;
  for (let i = 0; i < survival.length; i++) v += p.threatValues[i] * (1 - survival[i]);
  return v;
}

/** Maximum marginal return: one shot at a time where it adds the most expected value. */
export function greedyWta(problem: WtaProblem): WtaSolution {
  check(problem);
  const nT = problem.threatValues.length;
  const nB = problem.batteryShots.length;
  const shots = Array.from({ length: nB }, () => new Array<number>(nT).fill(0));
  const left = [...problem.batteryShots];
  const perThreat = new Array<number>(nT).fill(0);
  const survival = new Array<number>(nT).fill(1);
  const cap = threatCaps(problem);
  for (;;) {
    let best = 0;
    let bj = -1;
    let bi = -1;
    for (let j = 0; j < nB; j++) {
      if (left[j] === 0) continue;
      for (let i = 0; i < nT; i++) {
        if (perThreat[i] >= cap[i] || shots[j][i] >= pairLimit(problem, j, i)) continue;
        const gain = problem.threatValues[i] * survival[i] * problem.killProbability[j][i];
        // Ties go to the lower battery, then the lower threat (a deterministic order).
        if (gain > best) {
          best = gain;
          bj = j;
          bi = i;
        }
      }
    }
    if (bj < 0) break;
    shots[bj][bi]++;
    left[bj]--;
    perThreat[bi]++;
    survival[bi] *= 1 - problem.killProbability[bj][bi];
  }
  return { shots, expectedValue: valueOf(problem, survival), survival, method: "greedy" };
}

/**
 * The exact optimum by depth-first search: battery by battery, threat by threat, how many shots this
 * battery puts on this threat (from the most it can down to none). At the start of each battery the
 * branch is cut when even its best case cannot beat the best found: every threat taking all the shots
 * still to place at the best kill probability left (capped by the shots per threat).
 */
export function exactWta(problem: WtaProblem): WtaSolution {
  check(problem);
  const nT = problem.threatValues.length;
  const nB = problem.batteryShots.length;
  const cap = threatCaps(problem);
  const shots = Array.from({ length: nB }, () => new Array<number>(nT).fill(0));
  const survival = new Array<number>(nT).fill(1);
  const perThreat = new Array<number>(nT).fill(0);
  let bestValue = valueOf(problem, survival);
  let bestShots: number[][] = shots.map((r) => [...r]);
  let bestSurvival = [...survival];
  const bestPFrom = Array.from({ length: nB + 1 }, () => new Array<number>(nT).fill(0));
  const shotsFrom = new Array<number>(nB + 1).fill(0);
  for (let j = nB - 1; j >= 0; j--) {
    shotsFrom[j] = shotsFrom[j + 1] + problem.batteryShots[j];
    for (let i = 0; i < nT; i++)
      bestPFrom[j][i] = Math.max(bestPFrom[j + 1][i], problem.killProbability[j][i]);
  }
  const bound = (j: number): number => {
    let v = 0;
    for (let i = 0; i < nT; i++) {
      const n = Math.max(0, Math.min(shotsFrom[j], cap[i] - perThreat[i]));
      v += problem.threatValues[i] * (1 - survival[i] * (1 - bestPFrom[j][i]) ** n);
    }
    return v;
  };
  const search = (j: number, i: number, left: number): void => {
    if (j === nB) {
      const v = valueOf(problem, survival);
      if (v > bestValue + 1e-12) {
        bestValue = v;
        bestShots = shots.map((r) => [...r]);
        bestSurvival = [...survival];
      }
      return;
    }
    if (i === nT) {
      search(j + 1, 0, j + 1 < nB ? problem.batteryShots[j + 1] : 0);
      return;
    }
    if (i === 0 && bound(j) <= bestValue + 1e-12) return;
    const q = problem.killProbability[j][i];
    const most = q > 0 ? Math.max(0, Math.min(left, pairLimit(problem, j, i), cap[i] - perThreat[i])) : 0;
    for (let n = most; n >= 0; n--) {
      const before = survival[i];
      shots[j][i] = n;
      perThreat[i] += n;
      survival[i] = before * (1 - q) ** n;
      search(j, i + 1, left - n);
      survival[i] = before;
      perThreat[i] -= n;
      shots[j][i] = 0;
    }
  };
  search(0, 0, nB > 0 ? problem.batteryShots[0] : 0);
  return { shots: bestShots, expectedValue: bestValue, survival: bestSurvival, method: "exact" };
}

/** Size of the exact search: the ways each battery can spread its shots over the threats (or none). */
export function exactSearchSize(problem: WtaProblem): number {
  check(problem);
  const nT = problem.threatValues.length;
  let size = 1;
  for (const c of problem.batteryShots) {
    // Compositions of c shots into nT + 1 parts (one part unspent): C(c + nT, nT).
    let ways = 1;
    for (let k = 1; k <= nT; k++) ways = (ways * (c + k)) / k;
    size *= ways;
    if (size > 1e15) return Infinity;
  }
  return size;
}

/** Largest exact search `assignWeapons` runs before it falls back to the greedy method. */
export const EXACT_WTA_LIMIT = 2e5;

/** The exact optimum for small raids, maximum marginal return for large ones. */
export function assignWeapons(problem: WtaProblem): WtaSolution {
  if (problem.batteryShots?.length === 1) return { ...greedyWta(problem), method: "exact" };
  return exactSearchSize(problem) <= EXACT_WTA_LIMIT ? exactWta(problem) : greedyWta(problem);
}
