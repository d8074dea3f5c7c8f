/**
 * The filter figures that tell the truth (project issue 12, items 5 and 6): per predict-and-update,
 * for each problem, three ways to run the same filter on the same models and measurements:
 * - fast: the library's allocation-free path (`predictInto` / `updateInto` on preallocated states,
 *   models with `...Into` members, or the built-in models);
 * - public: what a user writes first, `new ExtendedKalmanFilter({ transition: { f, F, Q },
 *   measurement: { h, H, R } })` with plain models that allocate their results, and the allocating
 *   `predict` / `update`; and the same with the user models written with JavaScript arrays
 *   (`public_array_models`: the API takes any ArrayLike<number> back, and a small JavaScript array is
 *   far cheaper to allocate than a typed array of more than 64 bytes, whose store is off the heap);
 * - dense: a straightforward filter written here in plain JavaScript with preallocated arrays
 *   (textbook triple loops, gain by an explicit inverse of S, covariance (I - K H) P symmetrised; the
 *   UKF with the same sigma points and weights), calling the same plain user models.
 * Targets (issue 12 item 6): public within 1.5 times fast, and no slower than dense (CPU time, medians
 * of interleaved runs). The problems: a linear KF (2-D constant velocity, position measured), an EKF
 * with range and bearing (2-D), an EKF with a 3-D radar (range, azimuth, elevation), and UKFs with
 * the linear 3-D model and with a nonlinear coordinated-turn model (sigma points in the prediction).
 * First, the machine's cost of one off-heap typed array (offHeapAllocationUs), which the public
 * runners' user models pay on every call and which has varied tenfold between sessions on one VM.
 */
import { KalmanFilter } from "../src/tracking/filters/kalman.js";
import { ExtendedKalmanFilter } from "../src/tracking/filters/extendedKalman.js";
import { UnscentedKalmanFilter } from "../src/tracking/filters/unscentedKalman.js";
import { ConstantVelocityModel } from "../src/tracking/models/transition/constantVelocity.js";
import { RadarMeasurementModel } from "../src/tracking/models/measurement/radar.js";
import type {
  GaussianState,
  MeasurementModel,
  TrackingFilter,
  TransitionModel,
} from "../src/tracking/types.js";
import { spawnSync } from "node:child_process";
import { dirname, extname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { TimeStats } from "./harness.js";
import { loadAverage, measureInterleaved, perOpUs, report, runTimes, statsOf } from "./harness.js";

// ------------------------------------------------------------------ plain user models

/**
 * Where a model function writes its result: a typed array or a plain JavaScript array. The public
 * runners' user models allocate one per call, of one kind or the other (`Alloc`): `typed` is what a
 * user following the library's conventions writes, `plain` what one writing ordinary JavaScript does.
 */
interface Out {
  readonly length: number;
  [i: number]: number;
  fill(v: number): unknown;
}
type Alloc = (n: number) => Out;
const typed: Alloc = (n) => new Float64Array(n);
/** A packed array of n zeros (push keeps it packed: `new Array(n)` would be holey). */
const plain: Alloc = (n) => {
  const a: number[] = [];
  for (let i = 0; i < n; i++) a.push(0);
  return a;
};

/** Wraps to (-pi, pi]. */
function wrap(a: number): number {
  const t = 2 * Math.PI;
  return a - t * Math.floor((a + Math.PI) / t);
}

/** 2-D nearly constant velocity [x, y, vx, vy], white acceleration q (m^2/s^3). */
function cv2dF<O extends Out>(dt: number, out: O): O {
  out.fill(0);
  for (let i = 0; i < 4; i++) out[i * 5] = 1;
  out[2] = dt;
  out[7] = dt;
  return out;
}
function cv2dQ<O extends Out>(q: number, dt: number, out: O): O {
  out.fill(0);
  const a = (q * dt * dt * dt) / 3;
  const b = (q * dt * dt) / 2;
  const c = q * dt;
  out[0] = a;
  out[5] = a;
  out[2] = b;
  out[8] = b;
  out[7] = b;
  out[13] = b;
  out[10] = c;
  out[15] = c;
  return out;
}
function cv2dApply<O extends Out>(x: ArrayLike<number>, dt: number, out: O): O {
  const [x0, x1, x2, x3] = [x[0], x[1], x[2], x[3]];
  out[0] = x0 + dt * x2;
  out[1] = x1 + dt * x3;
  out[2] = x2;
  out[3] = x3;
  return out;
}

/** Range and bearing of [x, y, ...] from the origin; bearing atan2(y, x) wraps. */
function rbH<O extends Out>(x: ArrayLike<number>, out: O): O {
  out[0] = Math.hypot(x[0], x[1]);
  out[1] = Math.atan2(x[1], x[0]);
  return out;
}
function rbJ<O extends Out>(x: ArrayLike<number>, n: number, out: O): O {
  out.fill(0);
  const r2 = x[0] * x[0] + x[1] * x[1];
  const r = Math.sqrt(r2);
  out[0] = x[0] / r;
  out[1] = x[1] / r;
  out[n] = -x[1] / r2;
  out[n + 1] = x[0] / r2;
  return out;
}

/** Coordinated turn with unknown rate [x, y, vx, vy, omega] (Bar-Shalom, Li and Kirubarajan 2001,
 *  section 11.7.2): velocity turning at omega rad/s. */
function ctF<O extends Out>(x: ArrayLike<number>, dt: number, out: O): O {
  const w = x[4];
  const vx = x[2];
  const vy = x[3];
  const [x0, x1] = [x[0], x[1]];
  if (Math.abs(w) < 1e-9) {
    out[0] = x0 + dt * vx;
    out[1] = x1 + dt * vy;
    out[2] = vx;
    out[3] = vy;
  } else {
    const s = Math.sin(w * dt);
    const c = Math.cos(w * dt);
    out[0] = x0 + (s / w) * vx - ((1 - c) / w) * vy;
    out[1] = x1 + ((1 - c) / w) * vx + (s / w) * vy;
    out[2] = c * vx - s * vy;
    out[3] = s * vx + c * vy;
  }
  out[4] = w;
  return out;
}
/** Its Jacobian by central differences in omega (the rest analytic). */
function ctJ<O extends Out>(x: ArrayLike<number>, dt: number, out: O): O {
  out.fill(0);
  const w = x[4];
  const s = Math.sin(w * dt);
  const c = Math.cos(w * dt);
  const small = Math.abs(w) < 1e-9;
  out[0] = 1;
  out[6] = 1;
  out[2] = small ? dt : s / w;
  out[3] = small ? 0 : -(1 - c) / w;
  out[7] = small ? 0 : (1 - c) / w;
  out[8] = small ? dt : s / w;
  out[12] = c;
  out[13] = -s;
  out[17] = s;
  out[18] = c;
  out[24] = 1;
  const h = 1e-6;
  const fp = ctF([x[0], x[1], x[2], x[3], w + h], dt, [0, 0, 0, 0, 0]);
  const fm = ctF([x[0], x[1], x[2], x[3], w - h], dt, [0, 0, 0, 0, 0]);
  for (let i = 0; i < 4; i++) out[i * 5 + 4] = (fp[i] - fm[i]) / (2 * h);
  return out;
}
/** The 2-D CWNA blocks of unit density laid into 5 x 5, a little noise on omega. */
function ctQ<O extends Out>(dt: number, out: O): O {
  const b = cv2dQ(1, dt, new Float64Array(16));
  out.fill(0);
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) out[i * 5 + j] = b[i * 4 + j];
  out[24] = 1e-6 * dt;
  return out;
}

/** 3-D nearly constant velocity [p, v] (ECEF-like), q m^2/s^3; a radar at the origin (ENU = xyz). */
function cv3dF<O extends Out>(dt: number, out: O): O {
  out.fill(0);
  for (let i = 0; i < 6; i++) out[i * 7] = 1;
  for (let i = 0; i < 3; i++) out[i * 6 + 3 + i] = dt;
  return out;
}
function cv3dQ<O extends Out>(q: number, dt: number, out: O): O {
  out.fill(0);
  for (let i = 0; i < 3; i++) {
    out[i * 7] = (q * dt * dt * dt) / 3;
    out[i * 6 + 3 + i] = (q * dt * dt) / 2;
    out[(3 + i) * 6 + i] = (q * dt * dt) / 2;
    out[(3 + i) * 7] = q * dt;
  }
  return out;
}
function cv3dApply<O extends Out>(x: ArrayLike<number>, dt: number, out: O): O {
  for (let i = 0; i < 3; i++) {
    out[i] = x[i] + dt * x[3 + i];
    out[3 + i] = x[3 + i];
  }
  return out;
}
/** The radar of radar3d() by hand: range, azimuth atan2(x, y) (ENU = the state's axes), elevation. */
function radarH<O extends Out>(x: ArrayLike<number>, out: O): O {
  out[0] = Math.hypot(x[0], x[1], x[2]);
  out[1] = Math.atan2(x[0], x[1]);
  out[2] = Math.atan2(x[2], Math.hypot(x[0], x[1]));
  return out;
}
function radarJ<O extends Out>(x: ArrayLike<number>, out: O): O {
  const [e, n, u] = [x[0], x[1], x[2]];
  const rho2 = e * e + n * n;
  const rho = Math.sqrt(rho2);
  const r2 = rho2 + u * u;
  const r = Math.sqrt(r2);
  out.fill(0);
  out[0] = e / r;
  out[1] = n / r;
  out[2] = u / r;
  out[6] = n / rho2;
  out[7] = -e / rho2;
  out[12] = (-u * e) / (rho * r2);
  out[13] = (-u * n) / (rho * r2);
  out[14] = rho / r2;
  return out;
}

// ------------------------------------------------------------------ problems

/** A user's pair of models, made with one kind of result array. */
interface UserModels {
  transition: TransitionModel;
  measurement: MeasurementModel;
}

interface Problem {
  name: string;
  n: number;
  dtS: number;
  x0: Float64Array;
  P0: Float64Array;
  /** Measurements, one per step. */
  zs: Float64Array[];
  /** The plain user models: allocating typed arrays (`plain`) or JavaScript arrays (`array`). */
  plain: UserModels;
  array: UserModels;
  /** The allocation-free models of the fast path. */
  fastTransition: TransitionModel;
  fastMeasurement: MeasurementModel;
  kind: "kf" | "ekf" | "ukf";
}

/** Deterministic standard normals (benchmark noise only). */
function normals(seed: number): () => number {
  let s = seed >>> 0;
  const u = () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s + 0.5) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(u())) * Math.cos(2 * Math.PI * u());
}

function diag(values: number[]): Float64Array {
  const n = values.length;
  const m = new Float64Array(n * n);
  values.forEach((v, i) => (m[i * n + i] = v));
  return m;
}

const STEPS = 4000;

function kf2d(): Problem {
  const g = normals(1);
  const dt = 0.1;
  const R = diag([100, 100]);
  const H = Float64Array.from([1, 0, 0, 0, 0, 1, 0, 0]);
  const truth = Float64Array.from([1000, 2000, 150, -80]);
  const zs: Float64Array[] = [];
  for (let k = 0; k < STEPS; k++) {
    cv2dApply(Float64Array.from(truth), dt, truth);
    zs.push(Float64Array.from([truth[0] + 10 * g(), truth[1] + 10 * g()]));
  }
  const q = 5;
  const user = (alloc: Alloc): UserModels => ({
    transition: { F: (t: number) => cv2dF(t, alloc(16)), Q: (t: number) => cv2dQ(q, t, alloc(16)) },
    measurement: { H, R },
  });
  return {
    name: "kf_cv2d_position",
    kind: "kf",
    n: 4,
    dtS: dt,
    x0: Float64Array.from([1000, 2000, 150, -80]),
    P0: diag([400, 400, 100, 100]),
    zs,
    plain: user(typed),
    array: user(plain),
    fastTransition: {
      ndim: 4,
      F: (t: number) => cv2dF(t, new Float64Array(16)),
      FInto: (t: number, out: Float64Array) => cv2dF(t, out),
      Q: (t: number) => cv2dQ(q, t, new Float64Array(16)),
      QInto: (t: number, out: Float64Array) => cv2dQ(q, t, out),
    },
    fastMeasurement: { H, R },
  };
}

function ekf2d(): Problem {
  const g = normals(2);
  const dt = 0.1;
  const R = diag([25, 1e-6]);
  const truth = Float64Array.from([-20e3, 5e3, 150, -80]);
  const zs: Float64Array[] = [];
  for (let k = 0; k < STEPS; k++) {
    cv2dApply(Float64Array.from(truth), dt, truth);
    const z = rbH(truth, new Float64Array(2));
    zs.push(Float64Array.from([z[0] + 5 * g(), wrap(z[1] + 1e-3 * g())]));
  }
  const q = 5;
  const user = (alloc: Alloc): UserModels => ({
    transition: {
      f: (x: Float64Array, t: number) => cv2dApply(x, t, alloc(4)),
      F: (_x: Float64Array, t: number) => cv2dF(t, alloc(16)),
      Q: (t: number) => cv2dQ(q, t, alloc(16)),
    },
    measurement: {
      h: (x: Float64Array) => rbH(x, alloc(2)),
      H: (x: Float64Array) => rbJ(x, 4, alloc(8)),
      R,
      angleComponents: [1],
    },
  });
  return {
    name: "ekf_cv2d_range_bearing",
    kind: "ekf",
    n: 4,
    dtS: dt,
    x0: Float64Array.from([-20e3, 5e3, 150, -80]),
    P0: diag([400, 400, 100, 100]),
    zs,
    plain: user(typed),
    array: user(plain),
    fastTransition: {
      ndim: 4,
      f: (x: Float64Array, t: number) => cv2dApply(x, t, new Float64Array(4)),
      fInto: (x: Float64Array, t: number, out: Float64Array) => cv2dApply(x, t, out),
      F: (_x: Float64Array, t: number) => cv2dF(t, new Float64Array(16)),
      FInto: (_x: Float64Array, t: number, out: Float64Array) => cv2dF(t, out),
      Q: (t: number) => cv2dQ(q, t, new Float64Array(16)),
      QInto: (t: number, out: Float64Array) => cv2dQ(q, t, out),
    },
    fastMeasurement: {
      h: (x: Float64Array) => rbH(x, new Float64Array(2)),
      hInto: (x: Float64Array, out: Float64Array) => rbH(x, out),
      H: (x: Float64Array) => rbJ(x, 4, new Float64Array(8)),
      HInto: (x: Float64Array, out: Float64Array) => rbJ(x, 4, out),
      R,
      angleComponents: [1],
    },
  };
}

/** Radar at the origin with ENU = the state's axes: range, azimuth atan2(x, y), elevation. */
function radar3d(): RadarMeasurementModel {
  return new RadarMeasurementModel().configureFrom(
    [0, 0, 0],
    [0, 0, 0],
    [1, 0, 0, 0, 1, 0, 0, 0, 1],
    [400, 0, 0, 0, 1e-6, 0, 0, 0, 1e-6],
    3,
  );
}

function radarProblem(kind: "ekf" | "ukf"): Problem {
  const g = normals(kind === "ekf" ? 3 : 4);
  const dt = 0.1;
  const radar = radar3d();
  const truth = Float64Array.from([30e3, 120e3, 20e3, -1000, 1500, 800]);
  const zs: Float64Array[] = [];
  for (let k = 0; k < STEPS; k++) {
    cv3dApply(Float64Array.from(truth), dt, truth);
    const z = radar.h(truth);
    zs.push(Float64Array.from([z[0] + 20 * g(), wrap(z[1] + 1e-3 * g()), z[2] + 1e-3 * g()]));
  }
  const q = 100;
  const R = Float64Array.from(radar.R);
  // The typed models measure with the library's radar model's allocating h and H, the plain ones with
  // the same radar written by hand.
  const user = (alloc: Alloc): UserModels => ({
    transition:
      kind === "ekf"
        ? {
            f: (x: Float64Array, t: number) => cv3dApply(x, t, alloc(6)),
            F: (_x: Float64Array, t: number) => cv3dF(t, alloc(36)),
            Q: (t: number) => cv3dQ(q, t, alloc(36)),
          }
        : { F: (t: number) => cv3dF(t, alloc(36)), Q: (t: number) => cv3dQ(q, t, alloc(36)) },
    measurement: {
      h: alloc === typed ? (x: Float64Array) => radar.h(x) : (x: Float64Array) => radarH(x, alloc(3)),
      H: alloc === typed ? (x: Float64Array) => radar.H(x) : (x: Float64Array) => radarJ(x, alloc(18)),
      R,
      angleComponents: [1],
    },
  });
  return {
    name: kind === "ekf" ? "ekf_cv3d_radar3" : "ukf_cv3d_radar3",
    kind,
    n: 6,
    dtS: dt,
    x0: Float64Array.from([30e3, 120e3, 20e3, -1000, 1500, 800]),
    P0: diag([1e4, 1e4, 1e4, 1e4, 1e4, 1e4]),
    zs,
    plain: user(typed),
    array: user(plain),
    fastTransition: new ConstantVelocityModel({ psdM2S3: q }),
    fastMeasurement: radar,
  };
}

function ukfTurn(): Problem {
  const g = normals(5);
  const dt = 0.5;
  const R = diag([25, 1e-6]);
  const truth = Float64Array.from([-20e3, 5e3, 250, 100, 0.02]);
  const zs: Float64Array[] = [];
  for (let k = 0; k < STEPS; k++) {
    ctF(Float64Array.from(truth), dt, truth);
    const z = rbH(truth, new Float64Array(2));
    zs.push(Float64Array.from([z[0] + 5 * g(), wrap(z[1] + 1e-3 * g())]));
  }
  const user = (alloc: Alloc): UserModels => ({
    transition: {
      f: (x: Float64Array, t: number) => ctF(x, t, alloc(5)),
      F: (x: Float64Array, t: number) => ctJ(x, t, alloc(25)),
      Q: (t: number) => ctQ(t, alloc(25)),
    },
    measurement: {
      h: (x: Float64Array) => rbH(x, alloc(2)),
      H: (x: Float64Array) => rbJ(x, 5, alloc(10)),
      R,
      angleComponents: [1],
    },
  });
  return {
    name: "ukf_turn2d_range_bearing",
    kind: "ukf",
    n: 5,
    dtS: dt,
    x0: Float64Array.from([-20e3, 5e3, 250, 100, 0.02]),
    P0: diag([400, 400, 100, 100, 1e-4]),
    zs,
    plain: user(typed),
    array: user(plain),
    fastTransition: {
      ndim: 5,
      f: (x: Float64Array, t: number) => ctF(x, t, new Float64Array(5)),
      fInto: (x: Float64Array, t: number, out: Float64Array) => ctF(x, t, out),
      F: (x: Float64Array, t: number) => ctJ(x, t, new Float64Array(25)),
      Q: (t: number) => ctQ(t, new Float64Array(25)),
      QInto: (t: number, out: Float64Array) => ctQ(t, out),
    },
    fastMeasurement: {
      h: (x: Float64Array) => rbH(x, new Float64Array(2)),
      hInto: (x: Float64Array, out: Float64Array) => rbH(x, out),
      H: (x: Float64Array) => rbJ(x, 5, new Float64Array(10)),
      HInto: (x: Float64Array, out: Float64Array) => rbJ(x, 5, out),
      R,
      angleComponents: [1],
    },
  };
}

// ------------------------------------------------------------------ the dense reference filters

/** Solves the m x m inverse of S by Gauss-Jordan with partial pivoting into inv (work: m x 2m). */
function invert(S: Float64Array, m: number, inv: Float64Array, work: Float64Array): void {
  const w = 2 * m;
  for (let i = 0; i < m; i++) {
    for (let j = 0; j < m; j++) {
      work[i * w + j] = S[i * m + j];
      work[i * w + m + j] = i === j ? 1 : 0;
    }
  }
  for (let c = 0; c < m; c++) {
    let p = c;
    for (let r = c + 1; r < m; r++) if (Math.abs(work[r * w + c]) > Math.abs(work[p * w + c])) p = r;
    if (p !== c) {
      for (let j = 0; j < w; j++) {
        const t = work[c * w + j];
        work[c * w + j] = work[p * w + j];
        work[p * w + j] = t;
      }
    }
    const d = work[c * w + c];
    for (let j = 0; j < w; j++) work[c * w + j] /= d;
    for (let r = 0; r < m; r++) {
      if (r === c) continue;
      const f = work[r * w + c];
      for (let j = 0; j < w; j++) work[r * w + j] -= f * work[c * w + j];
    }
  }
  for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) inv[i * m + j] = work[i * w + m + j];
}

function residual(
  z: ArrayLike<number>,
  zp: ArrayLike<number>,
  m: number,
  angles: readonly number[],
  y: Float64Array,
) {
  for (let i = 0; i < m; i++) y[i] = z[i] - zp[i];
  for (const a of angles) y[a] = wrap(y[a]);
}

/** A straightforward Kalman / extended Kalman filter on preallocated arrays. */
class DenseKalman {
  readonly x: Float64Array;
  readonly P: Float64Array;
  private readonly FP: Float64Array;
  private readonly PHt: Float64Array;
  private readonly S: Float64Array;
  private readonly Si: Float64Array;
  private readonly K: Float64Array;
  private readonly IKH: Float64Array;
  private readonly Pn: Float64Array;
  private readonly y: Float64Array;
  private readonly zp: Float64Array;
  private readonly xn: Float64Array;
  private readonly work: Float64Array;
  constructor(
    readonly n: number,
    readonly m: number,
    readonly tr: TransitionModel,
    readonly meas: MeasurementModel,
  ) {
    this.x = new Float64Array(n);
    this.P = new Float64Array(n * n);
    this.FP = new Float64Array(n * n);
    this.PHt = new Float64Array(n * m);
    this.S = new Float64Array(m * m);
    this.Si = new Float64Array(m * m);
    this.K = new Float64Array(n * m);
    this.IKH = new Float64Array(n * n);
    this.Pn = new Float64Array(n * n);
    this.y = new Float64Array(m);
    this.zp = new Float64Array(m);
    this.xn = new Float64Array(n);
    this.work = new Float64Array(2 * m * m);
  }
  predict(dt: number): void {
    const { n, x, P, FP } = this;
    const tr = this.tr;
    let F: ArrayLike<number>;
    if ("f" in tr) {
      F = tr.F(x, dt);
      this.xn.set(tr.f(x, dt));
    } else {
      F = tr.F(dt);
      for (let i = 0; i < n; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += F[i * n + j] * x[j];
        this.xn[i] = s;
      }
    }
    x.set(this.xn);
    const Q = tr.Q(dt);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += F[i * n + k] * P[k * n + j];
        FP[i * n + j] = s;
      }
    }
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = Q[i * n + j];
        for (let k = 0; k < n; k++) s += FP[i * n + k] * F[j * n + k];
        P[i * n + j] = s;
      }
    }
  }
  update(z: ArrayLike<number>): void {
    const { n, m, x, P, PHt, S, Si, K, y, zp } = this;
    const meas = this.meas;
    let H: ArrayLike<number>;
    if ("h" in meas) {
      zp.set(meas.h(x));
      H = meas.H(x);
    } else {
      H = meas.H;
      for (let i = 0; i < m; i++) {
        let s = 0;
        for (let j = 0; j < n; j++) s += H[i * n + j] * x[j];
        zp[i] = s;
      }
    }
    residual(z, zp, m, meas.angleComponents ?? [], y);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += P[i * n + k] * H[j * n + k];
        PHt[i * m + j] = s;
      }
    }
    for (let i = 0; i < m; i++) {
      for (let j = 0; j < m; j++) {
        let s = meas.R[i * m + j];
        for (let k = 0; k < n; k++) s += H[i * n + k] * PHt[k * m + j];
        S[i * m + j] = s;
      }
    }
    invert(S, m, Si, this.work);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += PHt[i * m + k] * Si[k * m + j];
        K[i * m + j] = s;
      }
    }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0; j < m; j++) s += K[i * m + j] * y[j];
      x[i] += s;
    }
    const IKH = this.IKH;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = i === j ? 1 : 0;
        for (let k = 0; k < m; k++) s -= K[i * m + k] * H[k * n + j];
        IKH[i * n + j] = s;
      }
    }
    const Pn = this.Pn;
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < n; k++) s += IKH[i * n + k] * P[k * n + j];
        Pn[i * n + j] = s;
      }
    }
    for (let i = 0; i < n; i++)
      for (let j = 0; j < n; j++) P[i * n + j] = 0.5 * (Pn[i * n + j] + Pn[j * n + i]);
  }
}

/** A straightforward unscented Kalman filter (alpha 1, beta 2, kappa 0) on preallocated arrays. */
class DenseUkf {
  readonly x: Float64Array;
  readonly P: Float64Array;
  private readonly L: Float64Array;
  private readonly X: Float64Array[];
  private readonly Y: Float64Array[];
  private readonly Z: Float64Array[];
  private readonly wm: Float64Array;
  private readonly wc: Float64Array;
  private readonly zMean: Float64Array;
  private readonly S: Float64Array;
  private readonly Si: Float64Array;
  private readonly Pxz: Float64Array;
  private readonly K: Float64Array;
  private readonly dz: Float64Array;
  private readonly y: Float64Array;
  private readonly work: Float64Array;
  private readonly c: number;
  constructor(
    readonly n: number,
    readonly m: number,
    readonly tr: TransitionModel,
    readonly meas: MeasurementModel,
  ) {
    const np = 2 * n + 1;
    this.x = new Float64Array(n);
    this.P = new Float64Array(n * n);
    this.L = new Float64Array(n * n);
    this.X = Array.from({ length: np }, () => new Float64Array(n));
    this.Y = Array.from({ length: np }, () => new Float64Array(n));
    this.Z = Array.from({ length: np }, () => new Float64Array(m));
    // alpha = 1, beta = 2, kappa = 0: lambda = 0.
    this.c = Math.sqrt(n);
    this.wm = new Float64Array(np).fill(1 / (2 * n));
    this.wc = new Float64Array(np).fill(1 / (2 * n));
    this.wm[0] = 0;
    this.wc[0] = 2;
    this.zMean = new Float64Array(m);
    this.S = new Float64Array(m * m);
    this.Si = new Float64Array(m * m);
    this.Pxz = new Float64Array(n * m);
    this.K = new Float64Array(n * m);
    this.dz = new Float64Array(m);
    this.y = new Float64Array(m);
    this.work = new Float64Array(2 * m * m);
  }
  private sigma(): void {
    const { n, P, L, X, x, c } = this;
    L.fill(0);
    for (let j = 0; j < n; j++) {
      let d = P[j * n + j];
      for (let k = 0; k < j; k++) d -= L[j * n + k] * L[j * n + k];
      const l = Math.sqrt(d);
      L[j * n + j] = l;
      for (let i = j + 1; i < n; i++) {
        let s = P[i * n + j];
        for (let k = 0; k < j; k++) s -= L[i * n + k] * L[j * n + k];
        L[i * n + j] = s / l;
      }
    }
    X[0].set(x);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        X[1 + i][j] = x[j] + c * L[j * n + i];
        X[1 + n + i][j] = x[j] - c * L[j * n + i];
      }
    }
  }
  predict(dt: number): void {
    const { n, x, P, Y } = this;
    const tr = this.tr;
    const np = 2 * n + 1;
    if (!("f" in tr)) {
      // Linear: the Kalman prediction (exact for the unscented transform too).
      const F = tr.F(dt);
      const Q = tr.Q(dt);
      const xn = new Float64Array(n);
      for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) xn[i] += F[i * n + j] * x[j];
      x.set(xn);
      const FP = this.L;
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = 0;
          for (let k = 0; k < n; k++) s += F[i * n + k] * P[k * n + j];
          FP[i * n + j] = s;
        }
      }
      for (let i = 0; i < n; i++) {
        for (let j = 0; j < n; j++) {
          let s = Q[i * n + j];
          for (let k = 0; k < n; k++) s += FP[i * n + k] * F[j * n + k];
          P[i * n + j] = s;
        }
      }
      return;
    }
    this.sigma();
    for (let k = 0; k < np; k++) Y[k].set(tr.f(this.X[k], dt));
    x.fill(0);
    for (let k = 0; k < np; k++) for (let j = 0; j < n; j++) x[j] += this.wm[k] * Y[k][j];
    const Q = tr.Q(dt);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = Q[i * n + j];
        for (let k = 0; k < np; k++) s += this.wc[k] * (Y[k][i] - x[i]) * (Y[k][j] - x[j]);
        P[i * n + j] = s;
      }
    }
  }
  update(z: ArrayLike<number>): void {
    const { n, m, x, P, Z, X, zMean, S, Si, Pxz, K, dz, y } = this;
    const meas = this.meas;
    const np = 2 * n + 1;
    const angles = meas.angleComponents ?? [];
    this.sigma();
    for (let k = 0; k < np; k++) Z[k].set("h" in meas ? meas.h(X[k]) : new Float64Array(m));
    zMean.set(Z[0]);
    for (let k = 1; k < np; k++) {
      residual(Z[k], Z[0], m, angles, dz);
      for (let i = 0; i < m; i++) zMean[i] += this.wm[k] * dz[i];
    }
    S.set(meas.R);
    Pxz.fill(0);
    for (let k = 0; k < np; k++) {
      residual(Z[k], zMean, m, angles, dz);
      const w = this.wc[k];
      for (let i = 0; i < m; i++) for (let j = 0; j < m; j++) S[i * m + j] += w * dz[i] * dz[j];
      for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) Pxz[i * m + j] += w * (X[k][i] - x[i]) * dz[j];
    }
    invert(S, m, Si, this.work);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < m; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += Pxz[i * m + k] * Si[k * m + j];
        K[i * m + j] = s;
      }
    }
    residual(z, zMean, m, angles, y);
    for (let i = 0; i < n; i++) for (let j = 0; j < m; j++) x[i] += K[i * m + j] * y[j];
    // P -= K S K^T = K Pxz^T.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < n; j++) {
        let s = 0;
        for (let k = 0; k < m; k++) s += K[i * m + k] * Pxz[j * m + k];
        P[i * n + j] -= s;
      }
    }
    for (let i = 0; i < n; i++) {
      for (let j = i + 1; j < n; j++) {
        const s = 0.5 * (P[i * n + j] + P[j * n + i]);
        P[i * n + j] = s;
        P[j * n + i] = s;
      }
    }
  }
}

// ------------------------------------------------------------------ the runners

/** Which of a problem's models a runner's filter is built on. */
type Models = "plain" | "array" | "fast";

function makeFilter(p: Problem, models: Models): TrackingFilter<GaussianState> {
  const user = models === "plain" ? p.plain : p.array;
  const transition = models === "fast" ? p.fastTransition : user.transition;
  const measurement = models === "fast" ? p.fastMeasurement : user.measurement;
  if (p.kind === "ukf") return new UnscentedKalmanFilter({ transition, measurement });
  if (p.kind === "kf") {
    return new KalmanFilter({
      transition: transition as ConstructorParameters<typeof KalmanFilter>[0]["transition"],
      measurement: measurement as ConstructorParameters<typeof KalmanFilter>[0]["measurement"],
    });
  }
  return new ExtendedKalmanFilter({ transition, measurement });
}

/** The final state of each runner is kept, to check that they agree. */
interface Run {
  body: () => number;
  final: () => Float64Array;
}

function fastRun(p: Problem): Run {
  const f = makeFilter(p, "fast");
  const state = f.createState(0);
  const pred = f.createState(0);
  return {
    body: () => {
      state.x.set(p.x0);
      state.P.set(p.P0);
      state.timeS = 0;
      let t = 0;
      for (const z of p.zs) {
        t += p.dtS;
        f.predictInto(state, t, pred);
        f.updateInto(pred, z, state);
      }
      return state.x[0];
    },
    final: () => Float64Array.from(state.x),
  };
}

/**
 * The allocating public calls (predict, update), on the plain user models (typed arrays or JavaScript
 * arrays) or on the allocation-free ones: the latter is the cost of the public calls alone.
 */
function publicRun(p: Problem, models: Models): Run {
  const f = makeFilter(p, models);
  let last: GaussianState | null = null;
  return {
    body: () => {
      let s: GaussianState = { x: Float64Array.from(p.x0), P: Float64Array.from(p.P0), timeS: 0 };
      let t = 0;
      for (const z of p.zs) {
        t += p.dtS;
        s = f.update(f.predict(s, t), z);
      }
      last = s;
      return s.x[0];
    },
    final: () => Float64Array.from(last?.x ?? []),
  };
}

function denseRun(p: Problem): Run {
  const m = Math.round(Math.sqrt(p.plain.measurement.R.length));
  const d =
    p.kind === "ukf"
      ? new DenseUkf(p.n, m, p.plain.transition, p.plain.measurement)
      : new DenseKalman(p.n, m, p.plain.transition, p.plain.measurement);
  return {
    body: () => {
      d.x.set(p.x0);
      d.P.set(p.P0);
      for (const z of p.zs) {
        d.predict(p.dtS);
        d.update(z);
      }
      return d.x[0];
    },
    final: () => Float64Array.from(d.x),
  };
}

function relativeDifference(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++)
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(b[i])));
  return worst;
}

/** The problems by name. */
function problems(): Problem[] {
  return [kf2d(), ekf2d(), radarProblem("ekf"), radarProblem("ukf"), ukfTurn()];
}

/** The four ways to run a problem, in the order of the figures. */
const RUNNERS = ["fast", "public", "dense", "public_fast_models", "public_array_models"] as const;
type RunnerName = (typeof RUNNERS)[number];

function runnerFor(p: Problem, name: RunnerName): Run {
  if (name === "fast") return fastRun(p);
  if (name === "dense") return denseRun(p);
  return publicRun(p, name === "public" ? "plain" : name === "public_array_models" ? "array" : "fast");
}

/** What a child process measures: wall and CPU ms of each timed run, and the final state. */
export interface ChildTimes {
  wallMs: number[];
  cpuMs: number[];
  final: number[];
}

/**
 * Timed runs of one runner on one problem in this process (filterChild.ts calls it in a process of its
 * own), after `warmup` untimed runs.
 */
export function timeRunnerHere(problem: string, runner: string, repeats: number, warmup = 3): ChildTimes {
  const p = problems().find((q) => q.name === problem);
  const name = RUNNERS.find((r) => r === runner);
  if (!p || !name) throw new RangeError(`filter bench: no problem ${problem} or runner ${runner}`);
  const r = runnerFor(p, name);
  const { wall, cpu } = runTimes(r.body, repeats, warmup);
  return { wallMs: wall, cpuMs: cpu, final: Array.from(r.final()) };
}

/** timeRunnerHere in a child process (filterChild beside this module, compiled or not). */
function timeRunnerInChild(problem: string, runner: RunnerName, repeats: number, warmup: number): ChildTimes {
  return JSON.parse(childOutput([problem, runner, String(repeats), String(warmup)])) as ChildTimes;
}

/** The standard output of filterChild (beside this module, compiled or not) run with `args`. */
function childOutput(args: string[]): string {
  const self = fileURLToPath(import.meta.url);
  const child = join(dirname(self), `filterChild${extname(self)}`);
  const r = spawnSync(process.execPath, [...process.execArgv, child, ...args], {
    stdio: ["ignore", "pipe", "inherit"],
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`filter bench: ${args.join(" ")} exited with ${r.status ?? r.signal}`);
  return r.stdout;
}

/**
 * The runners of each problem, each in processes of its own: `rounds` rounds, each runner in turn
 * (so a change of load weighs on all alike), `perProcess` timed runs a process. In one process the
 * runners share a heap and a garbage collector, and the collection of one runner's garbage is billed
 * to whichever runner happens to be timed then, and the young generation's size (hence the cost of
 * each allocation) depends on what ran before: the in-process figures are kept in the detail.
 */
function timeRunnersApart(
  p: Problem,
  rounds: number,
  perProcess: number,
  warmup: number,
): { stats: TimeStats[]; finals: Float64Array[] } {
  const wall = RUNNERS.map((): number[] => []);
  const cpu = RUNNERS.map((): number[] => []);
  const finals = RUNNERS.map(() => new Float64Array(0));
  for (let round = 0; round < rounds; round++) {
    RUNNERS.forEach((name, i) => {
      const t = timeRunnerInChild(p.name, name, perProcess, warmup);
      wall[i].push(...t.wallMs);
      cpu[i].push(...t.cpuMs);
      finals[i] = Float64Array.from(t.final);
    });
  }
  return { stats: RUNNERS.map((_, i) => statsOf(wall[i], cpu[i])), finals };
}

/**
 * What one off-heap typed array costs on this machine now: `new Float64Array(36)` (a user's 6 x 6
 * matrix; V8 keeps only typed arrays of at most 64 bytes inside its heap), CPU us per allocation of the
 * whole process (its collector's threads included) beside wall us, median, best and spread of 7
 * batches in a process of its own. The public runners' user models allocate such arrays on every
 * call, so the public/fast ratios move with it: its backing store is freed by a sweeper thread the
 * main thread hands work to, and on a 2-core VM under load that hand-off alone has been measured at
 * 1-3 us (0.25 us with V8's --single-threaded-gc on the same machine, 0.64 us on a quiet one).
 */
export function offHeapAllocationUs(): Record<string, number> {
  const batch = 100_000;
  const { wall, cpu } = runTimes(
    () => {
      let s = 0;
      for (let i = 0; i < batch; i++) {
        const a = new Float64Array(36);
        a[i % 36] = i;
        s += a[0];
      }
      return s;
    },
    7,
    2,
  );
  return perOpUs(statsOf(wall, cpu), batch);
}

/** offHeapAllocationUs in a process of its own (filterChild beside this module). */
function offHeapAllocationInChild(): Record<string, number> {
  return JSON.parse(childOutput(["allocation"])) as Record<string, number>;
}

/** All the filter comparison figures (fast, public with plain models, dense reference, and the public
 *  calls on the allocation-free models), each runner in processes of its own (timeRunnersApart). */
export function runFilterComparisons(rounds = 2, perProcess = 8, warmup = 20, only?: string): void {
  const allocation = offHeapAllocationInChild();
  report({
    name: "tracking.filter.offHeapFloat64Array36",
    value: allocation.cpuMedianUs,
    unit: "us CPU per new Float64Array(36) (median)",
    timing: null,
    detail: {
      ...allocation,
      what: "the machine's cost of one off-heap typed array, which the public runners' user models pay on every call: read the public/fast ratios beside it",
      loadAverage1m: loadAverage(),
    },
  });
  for (const p of problems().filter((q) => only === undefined || q.name === only)) {
    const { stats, finals } = timeRunnersApart(p, rounds, perProcess, warmup);
    const [fast, pub, dense, pubFast, pubArray] = stats;
    // The same runners interleaved in this one process, for the record.
    const together = measureInterleaved(
      RUNNERS.map((name) => runnerFor(p, name).body),
      rounds * perProcess,
      3,
    );
    const ops = p.zs.length;
    const load = loadAverage();
    const agree = {
      publicArraysVsFast: Number(relativeDifference(finals[4], finals[0]).toPrecision(2)),
      publicVsFast: Number(relativeDifference(finals[1], finals[0]).toPrecision(2)),
      denseVsFast: Number(relativeDifference(finals[2], finals[0]).toPrecision(2)),
    };
    const vsFast = pub.cpuMedianMs / fast.cpuMedianMs;
    const vsDense = pub.cpuMedianMs / dense.cpuMedianMs;
    const inOneProcess = {
      what: "the runners interleaved in one process (shared heap and collector)",
      cpuMedianUs: Object.fromEntries(
        RUNNERS.map((name, i) => [name, Number(((together[i].cpuMedianMs * 1000) / ops).toPrecision(4))]),
      ),
      publicOverFast: Number((together[1].cpuMedianMs / together[0].cpuMedianMs).toFixed(3)),
      publicOverDense: Number((together[1].cpuMedianMs / together[2].cpuMedianMs).toFixed(3)),
    };
    const how = `each runner in processes of its own: ${rounds} rounds in turn, ${perProcess} timed runs a process after ${warmup} untimed (allocating code slows over its first runs as the collector's generations settle)`;
    const perOp = (runner: string, t: TimeStats, detail: Record<string, unknown>) =>
      report({
        name: `tracking.filter.${p.name}.${runner}`,
        value: (t.cpuMedianMs * 1000) / ops,
        unit: "us CPU per predict+update (median)",
        detail: { ...perOpUs(t, ops), loadAverage1m: load, ...detail },
      });
    const ratio = (figure: string, value: number, target: number, detail: Record<string, unknown>) =>
      report({
        name: `tracking.filter.${p.name}.${figure}`,
        value: Number(value.toFixed(3)),
        unit: "x (CPU medians)",
        target: `<= ${target}`,
        pass: value <= target,
        detail,
      });
    perOp("fast", fast, { n: p.n, how });
    perOp("dense_reference", dense, { finalStateRelDiffFromFast: agree.denseVsFast });
    perOp("public", pub, { finalStateRelDiffFromFast: agree.publicVsFast });
    perOp("public_calls_fast_models", pubFast, {
      what: "predict/update (allocating, full checks) on the allocation-free models: the public calls' own cost",
      overFast: Number((pubFast.cpuMedianMs / fast.cpuMedianMs).toFixed(3)),
    });
    perOp("public_array_models", pubArray, {
      what: "predict/update on the same plain user models written with JavaScript arrays instead of typed arrays",
      finalStateRelDiffFromFast: agree.publicArraysVsFast,
    });
    ratio("public_over_fast", vsFast, 1.5, { how, inOneProcess });
    ratio("public_array_models_over_fast", pubArray.cpuMedianMs / fast.cpuMedianMs, 1.5, { how });
    ratio("public_over_dense", vsDense, 1, { how });
  }
}
