/**
 * Angle-only track initiation: lines of sight that no track claimed are pooled for a short window; lines
 * from two or more different satellites, taken within `windowS` of each other, that meet (their
 * triangulation's chi-square passes the gate) start a track.
 *
 * Procedure (greedy, deterministic): every pair of pooled lines from different sensors is first screened
 * by its closest approach (both ranges positive, miss distance within a generous bound), then
 * triangulated; pairs passing the chi-square gate with 1 degree of freedom, whose point lies between
 * `minAltitudeM` and `maxAltitudeM`, are sorted by chi-square. Taking the best pair whose lines are both
 * unused, lines from further sensors are added one at a time while each addition passes the gate with
 * 2 more degrees of freedom. Lines older than the window (relative to the newest) leave the pool.
 *
 * Ghosts: two satellites watching N targets see up to N^2 line crossings in the plane of their lines,
 * but in three dimensions lines from different targets almost never meet within the angular noise,
 * which is what the chi-square test exploits; a third satellite removes the remaining ghosts.
 */
import type { Detection } from "../../sensors/detection.js";
import { WGS84_A_M } from "../../earth/wgs84.js";
import { gateThreshold } from "../association/gating.js";
import { bearingOf, Triangulator } from "./triangulate.js";
import type { Triangulation } from "./triangulate.js";

export interface LosInitiatorOptions {
  /** Largest time difference between lines combined, s; default 1. */
  windowS?: number;
  /** Gate probability of the chi-square tests; default 0.999. */
  gateProbability?: number;
  /** Largest target speed, m/s, for the allowance of lines at different times; default 8000. */
  maxSpeedMps?: number;
  /** Altitude bounds of acceptable intersections (above the WGS-84 equatorial radius), m. */
  minAltitudeM?: number;
  maxAltitudeM?: number;
}

export interface LosGroup {
  detections: Detection[];
  triangulation: Triangulation;
  /** Latest time among the lines, s. */
  timeS: number;
}

export class LosInitiator {
  readonly windowS: number;
  readonly gateProbability: number;
  readonly maxSpeedMps: number;
  readonly minAltitudeM: number;
  readonly maxAltitudeM: number;
  private pool: Detection[] = [];
  private readonly tri = new Triangulator();
  private readonly u1 = new Float64Array(3);
  private readonly u2 = new Float64Array(3);

  constructor(options: LosInitiatorOptions = {}) {
    this.windowS = options.windowS ?? 1;
    this.gateProbability = options.gateProbability ?? 0.999;
    this.maxSpeedMps = options.maxSpeedMps ?? 8000;
    this.minAltitudeM = options.minAltitudeM ?? -30e3;
    this.maxAltitudeM = options.maxAltitudeM ?? 2000e3;
  }

  /** Lines waiting for partners. */
  get pending(): readonly Detection[] {
    return this.pool;
  }

  /** Pools a detection that gives a bearing only (its `initiation` is a bearing). */
  add(detection: Detection): void {
    bearingOf(detection);
    this.pool.push(detection);
  }

  /** Variance allowance for lines taken dt apart: (v_max dt / 2)^2. */
  private missVariance(dt: number): number {
    const h = 0.5 * this.maxSpeedMps * dt;
    return h * h;
  }

  private acceptable(t: Triangulation | null, dof: number): t is Triangulation {
    if (!t) return false;
    if (!(t.chiSquare <= gateThreshold(this.gateProbability, dof))) return false;
    const p = t.positionEcefM;
    const alt = Math.hypot(p[0], p[1], p[2]) - WGS84_A_M;
    return alt >= this.minAltitudeM && alt <= this.maxAltitudeM;
  }

  /** Quick screen of two lines: closest approach in front of both sensors, miss distance plausible. */
  private screen(a: Detection, b: Detection): boolean {
    const ba = bearingOf(a);
    const bb = bearingOf(b);
    const u = ba.directionEcefInto(a.z, this.u1);
    const v = bb.directionEcefInto(b.z, this.u2);
    const s = ba.originEcefM;
    const t = bb.originEcefM;
    const w0 = s[0] - t[0];
    const w1 = s[1] - t[1];
    const w2 = s[2] - t[2];
    const uv = u[0] * v[0] + u[1] * v[1] + u[2] * v[2];
    const uw = u[0] * w0 + u[1] * w1 + u[2] * w2;
    const vw = v[0] * w0 + v[1] * w1 + v[2] * w2;
    const den = 1 - uv * uv;
    if (den < 1e-8) return false; // nearly parallel
    const ra = (uv * vw - uw) / den;
    const rb = (vw - uv * uw) / den;
    if (ra <= 0 || rb <= 0) return false;
    const d0 = w0 + ra * u[0] - rb * v[0];
    const d1 = w1 + ra * u[1] - rb * v[1];
    const d2 = w2 + ra * u[2] - rb * v[2];
    const miss = Math.sqrt(d0 * d0 + d1 * d1 + d2 * d2);
    const Ra = a.model.R;
    const Rb = b.model.R;
    const sigma =
      Math.max(ra, rb) * Math.sqrt(Math.max(Ra[0], Ra[3], Rb[0], Rb[3])) +
      Math.sqrt(this.missVariance(Math.abs(a.timeS - b.timeS)));
    return miss <= 10 * sigma;
  }

  /**
   * Forms groups from the pool and removes their lines; drops lines older than the window relative to
   * `nowS`. Returns the groups in a deterministic order.
   */
  harvest(nowS: number): LosGroup[] {
    this.pool = this.pool.filter((d) => d.timeS >= nowS - this.windowS);
    const P = this.pool.length;
    const groups: LosGroup[] = [];
    if (P < 2) return groups;
    const cands: { i: number; j: number; chi2: number }[] = [];
    for (let i = 0; i < P; i++) {
      const a = this.pool[i];
      for (let j = i + 1; j < P; j++) {
        const b = this.pool[j];
        if (a.sensorId === b.sensorId || Math.abs(a.timeS - b.timeS) > this.windowS) continue;
        if (!this.screen(a, b)) continue;
        const t = this.tri.triangulate([a, b], this.missVariance(Math.abs(a.timeS - b.timeS)));
        if (this.acceptable(t, 1)) cands.push({ i, j, chi2: t.chiSquare });
      }
    }
    cands.sort((p, q) => p.chi2 - q.chi2 || p.i - q.i || p.j - q.j);
    const used = new Uint8Array(P);
    for (const c of cands) {
      if (used[c.i] || used[c.j]) continue;
      const members = [c.i, c.j];
      let dets = [this.pool[c.i], this.pool[c.j]];
      const spread = () => {
        let lo = Infinity;
        let hi = -Infinity;
        for (const d of dets) {
          lo = Math.min(lo, d.timeS);
          hi = Math.max(hi, d.timeS);
        }
        return hi - lo;
      };
      let best = this.tri.triangulate(dets, this.missVariance(spread()));
      if (!this.acceptable(best, 1)) continue;
      // Extend with lines from other sensors.
      for (let k = 0; k < P; k++) {
        if (used[k] || members.includes(k)) continue;
        const d = this.pool[k];
        if (dets.some((e) => e.sensorId === d.sensorId || Math.abs(e.timeS - d.timeS) > this.windowS))
          continue;
        const trial = [...dets, d];
        let lo = Infinity;
        let hi = -Infinity;
        for (const e of trial) {
          lo = Math.min(lo, e.timeS);
          hi = Math.max(hi, e.timeS);
        }
        const t = this.tri.triangulate(trial, this.missVariance(hi - lo));
        if (!t || !best) continue;
        const increment = t.chiSquare - best.chiSquare;
        if (increment <= gateThreshold(this.gateProbability, 2) && this.acceptable(t, t.dof)) {
          members.push(k);
          dets = trial;
          best = t;
        }
      }
      if (!best) continue;
      for (const k of members) used[k] = 1;
      let latest = -Infinity;
      for (const d of dets) latest = Math.max(latest, d.timeS);
      groups.push({ detections: dets, triangulation: best, timeS: latest });
    }
    this.pool = this.pool.filter((_, k) => !used[k]);
    return groups;
  }
}
