/**
 * U.S. Standard Atmosphere 1976 above 86 km: the standard's kinetic-temperature profile in closed form
 * and its printed density and pressure tables, interpolated in the logarithm.
 *
 * Source: NOAA/NASA/USAF, "U.S. Standard Atmosphere, 1976", NOAA-S/T 76-1562 = NASA-TM-X-74335
 * (NTRS 19770009539), U.S. Government Printing Office, October 1976.
 * - Temperature, Part 1 sec. 1.3.2, eqs. 25-31 (geometric altitude Z):
 *   86-91 km isothermal 186.8673 K; 91-110 km the ellipse T = Tc + A sqrt(1 - ((Z - 91)/a)^2) with
 *   Tc = 263.1905 K, A = -76.3232 K, a = -19.9429 km; 110-120 km linear, 12 K/km from 240 K;
 *   above 120 km T = Tinf - (Tinf - T10) exp(-lambda xi), xi = (Z - 120)(r0 + 120)/(r0 + Z),
 *   Tinf = 1000 K, T10 = 360 K, lambda = 0.01875 /km, r0 = 6356.766 km.
 * - Density, Part 4 Table I (geometric altitude, metric units), document pages 68-73: the printed
 *   4-significant-figure densities at the altitudes listed in RHO_NODES_KM.
 * - Pressure, the same Table I: the printed 5-figure pressures at the altitudes in P_NODES_KM (the
 *   subset of rows tabulated by F. J. Regan, Re-Entry Vehicle Dynamics, AIAA 1984, and reproduced in
 *   several public implementations, plus the 100 km row).
 * The two transcriptions are independent: with the standard's mean molecular weights, P M / (R* T)
 * reproduces the density column within 0.09 % wherever both have a row (tests/earth/atmosphere.test.ts).
 * PDAS and other full re-integrations of the diffusion model differ from the printed tables by up to
 * about 1 % between 86 and 120 km; the printed tables are the standard, so they are used here.
 *
 * Interpolation: a natural cubic spline through ln(rho) and through ln(P) (C2, so drag and its
 * derivative are smooth). Leaving any one node out and re-interpolating from its neighbours (twice the
 * real spacing) reproduces it within 0.5 % (worst case 112 km), so between the real nodes the
 * interpolation error is far below the 1 % the issue allows. Above 1000 km the logarithms are extended
 * linearly with the slope at 1000 km (not part of the standard; the density there is below 4e-15 kg/m^3).
 */

/** Altitudes (km, geometric) of the printed density rows used as nodes. */
const RHO_NODES_KM = [
  86, 87, 88, 89, 90, 91, 92, 93, 94, 95, 96, 97, 98, 99, 100, 102, 104, 106, 108, 110, 112, 114, 116, 118,
  120, 122, 124, 126, 128, 130, 132, 134, 136, 138, 140, 142, 144, 146, 148, 150, 155, 160, 165, 170, 175,
  180, 185, 190, 195, 200, 205, 210, 215, 220, 225, 230, 235, 240, 245, 250, 255, 260, 265, 270, 275, 280,
  285, 290, 295, 300, 310, 320, 340, 360, 380, 400, 420, 440, 460, 480, 500, 525, 550, 575, 600, 625, 650,
  675, 700, 725, 750, 775, 800, 825, 850, 875, 900, 925, 950, 975, 1000,
];

/** Printed densities (kg/m^3) at RHO_NODES_KM, Table I. */
const RHO_NODES_KGM3 = [
  6.958e-6, 5.824e-6, 4.875e-6, 4.081e-6, 3.416e-6, 2.86e-6, 2.393e-6, 2e-6, 1.67e-6, 1.393e-6, 1.162e-6,
  9.685e-7, 8.071e-7, 6.725e-7, 5.604e-7, 3.935e-7, 2.769e-7, 1.954e-7, 1.381e-7, 9.708e-8, 6.838e-8,
  4.975e-8, 3.72e-8, 2.847e-8, 2.222e-8, 1.767e-8, 1.428e-8, 1.171e-8, 9.717e-9, 8.152e-9, 6.904e-9, 5.897e-9,
  5.074e-9, 4.396e-9, 3.831e-9, 3.358e-9, 2.958e-9, 2.618e-9, 2.326e-9, 2.076e-9, 1.585e-9, 1.233e-9,
  9.75e-10, 7.815e-10, 6.339e-10, 5.194e-10, 4.295e-10, 3.581e-10, 3.006e-10, 2.541e-10, 2.16e-10, 1.846e-10,
  1.585e-10, 1.367e-10, 1.184e-10, 1.029e-10, 8.979e-11, 7.858e-11, 6.898e-11, 6.073e-11, 5.36e-11, 4.742e-11,
  4.206e-11, 3.738e-11, 3.329e-11, 2.971e-11, 2.656e-11, 2.378e-11, 2.133e-11, 1.916e-11, 1.552e-11,
  1.264e-11, 8.503e-12, 5.805e-12, 4.013e-12, 2.803e-12, 1.975e-12, 1.402e-12, 1.002e-12, 7.208e-13,
  5.215e-13, 3.509e-13, 2.384e-13, 1.637e-13, 1.137e-13, 7.998e-14, 5.712e-14, 4.148e-14, 3.07e-14, 2.318e-14,
  1.788e-14, 1.41e-14, 1.136e-14, 9.339e-15, 7.824e-15, 6.664e-15, 5.759e-15, 5.038e-15, 4.453e-15, 3.968e-15,
  3.561e-15,
];

/** Altitudes (km, geometric) of the printed pressure rows used as nodes. */
const P_NODES_KM = [
  86, 87, 88, 89, 90, 91, 93, 95, 97, 99, 100, 101, 103, 105, 107, 109, 110, 111, 112, 113, 114, 115, 116,
  117, 118, 119, 120, 125, 130, 135, 140, 145, 150, 160, 170, 180, 190, 200, 210, 220, 230, 240, 250, 260,
  270, 280, 290, 300, 310, 320, 330, 340, 350, 360, 370, 380, 390, 400, 410, 420, 430, 440, 450, 460, 470,
  480, 490, 500, 525, 550, 575, 600, 625, 650, 675, 700, 725, 750, 775, 800, 825, 850, 875, 900, 925, 950,
  975, 1000,
];

/** Printed pressures (Pa) at P_NODES_KM, Table I. */
const P_NODES_PA = [
  0.37338, 0.31259, 0.26173, 0.21919, 0.18359, 0.15381, 0.10801, 0.075966, 0.053571, 0.037948, 0.032011,
  0.027192, 0.019742, 0.014477, 0.010751, 0.0081142, 0.0071042, 0.0062614, 0.0055547, 0.004957, 0.0044473,
  0.0040096, 0.0036312, 0.0033022, 0.0030144, 0.0027615, 0.0025382, 0.0017354, 0.0012505, 0.00093568,
  0.00072028, 0.00056691, 0.00045422, 0.00030395, 0.0002121, 0.00015271, 0.00011266, 8.4736e-5, 6.4756e-5,
  5.0149e-5, 3.9276e-5, 3.1059e-5, 2.4767e-5, 1.9894e-5, 1.6083e-5, 1.3076e-5, 1.0683e-5, 8.7704e-6,
  7.2285e-6, 5.9796e-6, 4.963e-6, 4.132e-6, 3.4498e-6, 2.8878e-6, 2.4234e-6, 2.0384e-6, 1.7184e-6, 1.4518e-6,
  1.2291e-6, 1.0427e-6, 8.8645e-7, 7.5517e-7, 6.4468e-7, 5.5155e-7, 4.7292e-7, 4.0642e-7, 3.5011e-7,
  3.0236e-7, 2.12e-7, 1.5137e-7, 1.1028e-7, 8.213e-8, 6.2601e-8, 4.8865e-8, 3.9048e-8, 3.1908e-8, 2.6611e-8,
  2.2599e-8, 1.9493e-8, 1.7036e-8, 1.5051e-8, 1.3415e-8, 1.2043e-8, 1.0873e-8, 9.8635e-9, 8.9816e-9,
  8.2043e-9, 7.5138e-9,
];

/** Lowest altitude of the upper model, m (the standard's 86 km boundary). */
export const UPPER_BASE_M = 86000;
/** Highest tabulated altitude, m. */
export const UPPER_TOP_M = 1000000;

/**
 * A natural cubic spline of ln(value) against altitude (m), stored per segment as c0..c3 in powers of
 * (z - z_i), with a 1-km bin index so the segment search is O(1). Node spacing must be >= 1 km.
 */
export interface LogSpline {
  readonly nodesM: Float64Array;
  /** 4 coefficients per segment. */
  readonly coef: Float64Array;
  /** For each 1-km bin above the first node, the last node at or below the bin's start. */
  readonly bin: Int32Array;
  /** d ln(value) / dz at the last node, for the extension above it. */
  readonly endSlope: number;
  readonly endValue: number;
}

const BIN_M = 1000;

/** Builds the natural cubic spline of ln(values) through (nodesM, values). Exported for the tests. */
export function buildLogSpline(nodesM: ArrayLike<number>, values: ArrayLike<number>): LogSpline {
  const n = nodesM.length;
  if (n < 3 || values.length !== n) throw new RangeError("buildLogSpline: need >= 3 matching nodes");
  const z = Float64Array.from(nodesM);
  const y = Float64Array.from(values, Math.log);
  const h = new Float64Array(n - 1);
  for (let i = 0; i < n - 1; i++) {
    h[i] = z[i + 1] - z[i];
    if (!(h[i] >= BIN_M)) throw new RangeError("buildLogSpline: nodes must rise by >= 1 km");
  }
  // Second derivatives m (natural: m0 = m_{n-1} = 0) from the tridiagonal system (Thomas algorithm).
  const m = new Float64Array(n);
  const cp = new Float64Array(n);
  const dp = new Float64Array(n);
  for (let i = 1; i < n - 1; i++) {
    const a = h[i - 1];
    const b = 2 * (h[i - 1] + h[i]);
    const c = h[i];
    const r = 6 * ((y[i + 1] - y[i]) / h[i] - (y[i] - y[i - 1]) / h[i - 1]);
    const denom = b - a * cp[i - 1];
    cp[i] = c / denom;
    dp[i] = (r - a * dp[i - 1]) / denom;
  }
  for (let i = n - 2; i >= 1; i--) m[i] = dp[i] - cp[i] * m[i + 1];
  const coef = new Float64Array(4 * (n - 1));
  for (let i = 0; i < n - 1; i++) {
    coef[4 * i] = y[i];
    coef[4 * i + 1] = (y[i + 1] - y[i]) / h[i] - (h[i] * (2 * m[i] + m[i + 1])) / 6;
    coef[4 * i + 2] = m[i] / 2;
    coef[4 * i + 3] = (m[i + 1] - m[i]) / (6 * h[i]);
  }
  const bins = Math.ceil((z[n - 1] - z[0]) / BIN_M) + 1;
  const bin = new Int32Array(bins);
  let seg = 0;
  for (let k = 0; k < bins; k++) {
    const zStart = z[0] + k * BIN_M;
    while (seg < n - 2 && z[seg + 1] <= zStart) seg++;
    bin[k] = seg;
  }
  const last = 4 * (n - 2);
  const hl = h[n - 2];
  const endSlope = coef[last + 1] + 2 * coef[last + 2] * hl + 3 * coef[last + 3] * hl * hl;
  return { nodesM: z, coef, bin, endSlope, endValue: y[n - 1] };
}

/** ln(value) at altitude zM (>= first node); linear extension above the last node. Allocation-free. */
export function evalLogSpline(s: LogSpline, zM: number): number {
  const nodes = s.nodesM;
  const last = nodes.length - 1;
  if (zM >= nodes[last]) return s.endValue + s.endSlope * (zM - nodes[last]);
  let seg = s.bin[((zM - nodes[0]) / BIN_M) | 0];
  if (zM >= nodes[seg + 1]) seg++;
  const t = zM - nodes[seg];
  const c = s.coef;
  const j = 4 * seg;
  return c[j] + t * (c[j + 1] + t * (c[j + 2] + t * c[j + 3]));
}

const kmToM = (km: number): number => km * 1000;

export const RHO_SPLINE: LogSpline = buildLogSpline(RHO_NODES_KM.map(kmToM), RHO_NODES_KGM3);
export const P_SPLINE: LogSpline = buildLogSpline(P_NODES_KM.map(kmToM), P_NODES_PA);

/** The printed tables, for tests and documentation: [altitude m, value] pairs. */
export function printedUpperDensityNodes(): Array<[number, number]> {
  return RHO_NODES_KM.map((km, i) => [km * 1000, RHO_NODES_KGM3[i]]);
}
export function printedUpperPressureNodes(): Array<[number, number]> {
  return P_NODES_KM.map((km, i) => [km * 1000, P_NODES_PA[i]]);
}

// Temperature profile constants (eqs. 25-31), in metres.
const T7_K = 186.8673;
const Z8_M = 91000;
const TC_K = 263.1905;
const A_K = -76.3232;
const INV_A_M = 1 / -19942.9;
const Z9_M = 110000;
const T9_K = 240;
const LK9_KPM = 0.012;
const Z10_M = 120000;
const T10_K = 360;
const TINF_K = 1000;
const LAMBDA_PER_M = 0.01875e-3;
const R0_M = 6356766;

/** Kinetic temperature (K) above 86 km, closed form of the standard (eqs. 25-31). */
export function upperTemperatureK(zM: number): number {
  if (zM <= Z8_M) return T7_K;
  if (zM <= Z9_M) {
    const u = (zM - Z8_M) * INV_A_M;
    return TC_K + A_K * Math.sqrt(1 - u * u);
  }
  if (zM <= Z10_M) return T9_K + LK9_KPM * (zM - Z9_M);
  const xi = ((zM - Z10_M) * (R0_M + Z10_M)) / (R0_M + zM);
  return TINF_K - (TINF_K - T10_K) * Math.exp(-LAMBDA_PER_M * xi);
}

/** dT/dZ (K/m) of the closed form; continuous at 91, 110 and 120 km by the standard's construction. */
export function upperTemperatureSlopeKPerM(zM: number): number {
  if (zM <= Z8_M) return 0;
  if (zM <= Z9_M) {
    const u = (zM - Z8_M) * INV_A_M;
    return (-A_K * u * INV_A_M) / Math.sqrt(1 - u * u);
  }
  if (zM <= Z10_M) return LK9_KPM;
  const xi = ((zM - Z10_M) * (R0_M + Z10_M)) / (R0_M + zM);
  const dxi = ((R0_M + Z10_M) * (R0_M + Z10_M)) / ((R0_M + zM) * (R0_M + zM));
  return (TINF_K - T10_K) * LAMBDA_PER_M * Math.exp(-LAMBDA_PER_M * xi) * dxi;
}

/**
 * The hot-path table: the three curves resampled on a uniform 1-km grid from 86 to 1000 km, 12
 * coefficients per cell (ln rho, ln P, T; each c0..c3 in powers of (Z - Z_k)). Every spline node lies
 * on the grid, so the ln rho and ln P cubics are reproduced exactly; T is the cubic Hermite
 * interpolant of the closed form and its slope, within 1e-5 K of it outside the 91-110 km ellipse,
 * which is evaluated in closed form (tests/earth/atmosphere.test.ts).
 * One index computation, three Horner cubics and two exponentials per call.
 */
const CELL_M = 1000;
const CELLS = (UPPER_TOP_M - UPPER_BASE_M) / CELL_M;
const TABLE = new Float64Array(12 * CELLS);

/**
 * Value and slope at zEval of the spline segment that contains zInSeg. Evaluating a cell's two ends
 * on the segment of its left end reproduces that segment's cubic exactly (nodes lie on the grid).
 */
function segmentValueSlope(s: LogSpline, zInSeg: number, zEval: number, out: Float64Array): void {
  const nodes = s.nodesM;
  let seg = s.bin[((zInSeg - nodes[0]) / BIN_M) | 0];
  if (seg < nodes.length - 2 && zInSeg >= nodes[seg + 1]) seg++;
  const t = zEval - nodes[seg];
  const c = s.coef;
  const j = 4 * seg;
  out[0] = c[j] + t * (c[j + 1] + t * (c[j + 2] + t * c[j + 3]));
  out[1] = c[j + 1] + t * (2 * c[j + 2] + 3 * t * c[j + 3]);
}

function hermiteInto(
  y0: number,
  d0: number,
  y1: number,
  d1: number,
  h: number,
  dst: Float64Array,
  at: number,
): void {
  const slope = (y1 - y0) / h;
  dst[at] = y0;
  dst[at + 1] = d0;
  dst[at + 2] = (3 * slope - 2 * d0 - d1) / h;
  dst[at + 3] = (d0 + d1 - 2 * slope) / (h * h);
}

{
  const a = new Float64Array(2);
  const b = new Float64Array(2);
  for (let k = 0; k < CELLS; k++) {
    const z0 = UPPER_BASE_M + k * CELL_M;
    const z1 = z0 + CELL_M;
    segmentValueSlope(RHO_SPLINE, z0, z0, a);
    segmentValueSlope(RHO_SPLINE, z0, z1, b);
    hermiteInto(a[0], a[1], b[0], b[1], CELL_M, TABLE, 12 * k);
    segmentValueSlope(P_SPLINE, z0, z0, a);
    segmentValueSlope(P_SPLINE, z0, z1, b);
    hermiteInto(a[0], a[1], b[0], b[1], CELL_M, TABLE, 12 * k + 4);
    // Value and slope at z0 are the right-hand limits: at 110 km the standard's rounded ellipse
    // constants give 240.0016 K from the left and exactly 240 K from the right.
    const eps = 1e-6;
    const d0 = upperTemperatureSlopeKPerM(z0 + eps);
    const tz0 = upperTemperatureK(z0 + eps) - d0 * eps;
    hermiteInto(tz0, d0, upperTemperatureK(z1), upperTemperatureSlopeKPerM(z1), CELL_M, TABLE, 12 * k + 8);
  }
}

const END_LN_RHO = RHO_SPLINE.endValue;
const END_LN_RHO_SLOPE = RHO_SPLINE.endSlope;
const END_LN_P = P_SPLINE.endValue;
const END_LN_P_SLOPE = P_SPLINE.endSlope;

/**
 * Writes [temperatureK, pressurePa, densityKgM3] for geometric altitude zM >= 86 km into out.
 * Allocation-free. Above 1000 km: closed-form T, logarithms of P and rho extended linearly.
 */
export function upperAtmosphereInto(zM: number, out: { [index: number]: number }): void {
  const u = (zM - UPPER_BASE_M) * (1 / CELL_M);
  if (u < CELLS) {
    const k = u | 0;
    const t = zM - (UPPER_BASE_M + k * CELL_M);
    const j = 12 * k;
    const c = TABLE;
    // On the 91-110 km ellipse the cubic would be off by up to 0.02 K near 110 km, so it is evaluated
    // directly there (one square root).
    if (zM > Z8_M && zM <= Z9_M) {
      const w = (zM - Z8_M) * INV_A_M;
      out[0] = TC_K + A_K * Math.sqrt(1 - w * w);
    } else {
      out[0] = c[j + 8] + t * (c[j + 9] + t * (c[j + 10] + t * c[j + 11]));
    }
    out[1] = Math.exp(c[j + 4] + t * (c[j + 5] + t * (c[j + 6] + t * c[j + 7])));
    out[2] = Math.exp(c[j] + t * (c[j + 1] + t * (c[j + 2] + t * c[j + 3])));
    return;
  }
  const dz = zM - UPPER_TOP_M;
  out[0] = upperTemperatureK(zM);
  out[1] = Math.exp(END_LN_P + END_LN_P_SLOPE * dz);
  out[2] = Math.exp(END_LN_RHO + END_LN_RHO_SLOPE * dz);
}
