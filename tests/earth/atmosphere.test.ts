import { afterAll, describe, expect, it } from "vitest";
import fc from "fast-check";
import {
  densityKgM3,
  geometricToGeopotentialM,
  geopotentialToGeometricM,
  molecularWeightRatio,
  speedOfSoundMps,
  ussa1976,
  ussa1976Into,
} from "../../src/earth/index.js";
import {
  P_SPLINE,
  RHO_SPLINE,
  buildLogSpline,
  evalLogSpline,
  printedUpperDensityNodes,
  printedUpperPressureNodes,
  upperTemperatureK,
} from "../../src/earth/ussa1976Upper.js";
import { Worst, recordValidation, sig } from "../validation.js";

/**
 * |value - printed| within one unit of the printed last digit. The printed tables' own arithmetic
 * differs from an exact evaluation of the defining equations by up to one unit there: e.g. at 11 km the
 * equations give 226.9996 mb and Table I prints 2.2699e2 (10 km: 264.9990 printed 2.6499e2).
 */
function expectPrinted(value: number, printed: string, scale = 1): number {
  const ref = Number(printed) * scale;
  const [mantissa, exponent = "0"] = printed.toLowerCase().split("e");
  const decimals = mantissa.includes(".") ? mantissa.split(".")[1].length : 0;
  const unit = 10 ** (Number(exponent) - decimals) * scale;
  expect(Math.abs(value - ref), `${value} vs printed ${printed}`).toBeLessThanOrEqual(unit * (1 + 1e-9));
  return Math.abs(value - ref) / unit;
}

// NOAA/NASA/USAF, U.S. Standard Atmosphere, 1976 (NOAA-S/T 76-1562, NASA-TM-X-74335), Part 4 Table I,
// geometric-altitude pages (document pages 53-67): Z (m), T (K), P (mb), rho (kg/m^3) as printed.
// Below 86 km the printed T column is the molecular-scale temperature TM (computed with M = M0).
const TABLE_I_BELOW_86: Array<[number, string, string, string]> = [
  [0, "288.150", "1.01325e3", "1.2250e0"],
  [1000, "281.651", "8.9876e2", "1.1117e0"],
  [2000, "275.154", "7.9501e2", "1.0066e0"],
  [5000, "255.676", "5.4048e2", "7.3643e-1"],
  [10000, "223.252", "2.6499e2", "4.1351e-1"],
  [11000, "216.774", "2.2699e2", "3.6480e-1"],
  [15000, "216.650", "1.2111e2", "1.9476e-1"],
  [20000, "216.650", "5.5293e1", "8.8910e-2"],
  [25000, "221.552", "2.5492e1", "4.0084e-2"],
  [30000, "226.509", "1.1970e1", "1.8410e-2"],
  [32000, "228.490", "8.8906e0", "1.3555e-2"],
  [36000, "239.282", "4.9852e0", "7.2579e-3"],
  [40000, "250.350", "2.8714e0", "3.9957e-3"],
  [45000, "264.164", "1.4910e0", "1.9663e-3"],
  [47400, "270.650", "1.1022e0", "1.4187e-3"],
  [50000, "270.650", "7.9779e-1", "1.0269e-3"],
  [55000, "260.771", "4.2525e-1", "5.6810e-4"],
  [60000, "247.021", "2.1958e-1", "3.0968e-4"],
  [65000, "233.292", "1.0929e-1", "1.6321e-4"],
  [70000, "219.585", "5.2209e-2", "8.2829e-5"],
  [75000, "208.399", "2.3881e-2", "3.9921e-5"],
  [80000, "198.639", "1.0524e-2", "1.8458e-5"],
  [85000, "188.893", "4.4568e-3", "8.2196e-6"],
];

// Layer bases of Table 4 at geopotential altitude H (m'): TM,b (K, defining values) and the printed
// pressure (mb) and density of Table I's geopotential pages (also reproduced in poliastro's COESA76 docs).
const LAYER_BASES: Array<[number, number, string, string]> = [
  [11000, 216.65, "2.2632e2", "3.6392e-1"],
  [20000, 216.65, "5.4748e1", "8.8035e-2"],
  [32000, 228.65, "8.6801e0", "1.3225e-2"],
  [47000, 270.65, "1.1090e0", "1.4275e-3"],
  [51000, 270.65, "6.6938e-1", "8.6160e-4"],
  [71000, 214.65, "3.9564e-2", "6.4211e-5"],
  [84852, 186.946, "3.7338e-3", "6.958e-6"],
];

// Layer-base pressures (Pa) computed from the defining equations, as published by PDAS ("Properties of
// the U.S. Standard Atmosphere 1976") and used throughout the literature.
const BASE_PRESSURES_PA = [101325.0, 22632.06, 5474.889, 868.0187, 110.9063, 66.93887, 3.95642];

// Speed of sound (m/s) printed in the 1976 standard's tables (Table III), at geometric altitude (m);
// transcribed in the test suite of COESA.jl (D. Matz), checked against the document.
const SPEED_OF_SOUND: Array<[number, string]> = [
  [-5000, "358.99"],
  [0, "340.29"],
  [5000, "320.55"],
  [15000, "295.07"],
  [25000, "298.39"],
  [40000, "317.19"],
  [50000, "329.80"],
  [60000, "315.07"],
  [75000, "289.40"],
  [85000, "275.52"],
  [86000, "274.10"],
];

// Kinetic temperature checks from both describe blocks, one figure.
const kinetic: string[] = [];
afterAll(() => {
  if (kinetic.length > 0)
    recordValidation({
      area: "earth",
      model: "USSA 1976 kinetic temperature",
      reference:
        "Table 8: M/M0 = 0.999694 at 85 km, T = TM M/M0 (eq. 21), 186.8673 K at 86 km; Table I, 14 rows from 86 to 1000 km printed to 0.01 K",
      figure: kinetic.join("; "),
      tolerance: "M/M0 < 5e-13, T < 5e-4 K; <= 1 printed unit",
    });
});

describe("U.S. Standard Atmosphere 1976 below 86 km", () => {
  // Errors in units of the last printed digit over the Table I rows (23 below, plus the -5 km row).
  const tRows = new Worst();
  const pRows = new Worst();
  const rhoRows = new Worst();
  afterAll(() => {
    if (tRows.count > 0)
      recordValidation({
        area: "earth",
        model: "USSA 1976 below 86 km",
        reference: `U.S. Standard Atmosphere 1976 (NOAA-S/T 76-1562) Table I, ${tRows.count} geometric-altitude rows from -5 to 85 km, all seven layers`,
        figure:
          `worst error in units of the last printed digit: temperature ${sig(tRows.value, 2)} (${tRows.at}), ` +
          `pressure ${sig(pRows.value, 2)} (${pRows.at}), density ${sig(rhoRows.value, 2)} (${rhoRows.at})`,
        tolerance: "<= 1 printed unit",
      });
  });

  it("reproduces Table I (T as TM, P, rho) at 23 altitudes through all seven layers to the printed precision", () => {
    for (const [z, t, pMb, rho] of TABLE_I_BELOW_86) {
      const s = ussa1976(z);
      const at = `${z / 1000} km`;
      tRows.add(expectPrinted(s.temperatureK / molecularWeightRatio(z), t), at);
      pRows.add(expectPrinted(s.pressurePa, pMb, 100), at);
      rhoRows.add(expectPrinted(s.densityKgM3, rho), at);
    }
  });

  it("reproduces the layer bases H = 11, 20, 32, 47, 51, 71, 84.852 km' (T, P, rho) to the printed precision", () => {
    const tErr = new Worst();
    const pUnits = new Worst();
    const rhoUnits = new Worst();
    const pdas = new Worst();
    for (const [h, tmb, pMb, rho] of LAYER_BASES) {
      const z = geopotentialToGeometricM(h);
      const s = ussa1976(z);
      expect(tErr.add(Math.abs(s.temperatureK / molecularWeightRatio(z) - tmb))).toBeLessThan(1e-9);
      pUnits.add(expectPrinted(s.pressurePa, pMb, 100), `${h / 1000} km'`);
      rhoUnits.add(expectPrinted(s.densityKgM3, rho), `${h / 1000} km'`);
    }
    for (let b = 0; b < BASE_PRESSURES_PA.length; b++) {
      const z = geopotentialToGeometricM([0, 11000, 20000, 32000, 47000, 51000, 71000][b]);
      pdas.add(Math.abs(ussa1976(z).pressurePa / BASE_PRESSURES_PA[b] - 1));
      expect(ussa1976(z).pressurePa / BASE_PRESSURES_PA[b] - 1).toBeLessThan(2e-7);
    }
    recordValidation({
      area: "earth",
      model: "USSA 1976 below 86 km",
      reference:
        "layer bases H = 11, 20, 32, 47, 51, 71, 84.852 km': Table 4 TM,b; Table I geopotential pages (P, rho); PDAS base pressures (Pa)",
      figure:
        `TM error ${sig(tErr.value, 2)} K; pressure ${sig(pUnits.value, 2)} and density ${sig(rhoUnits.value, 2)} printed units (worst); ` +
        `PDAS base pressures worst ${sig(pdas.value, 2)} relative`,
      tolerance: "TM < 1e-9 K; <= 1 printed unit; < 2e-7",
    });
  });

  it("reproduces the -5 km row (T 320.676 K, P 1.7776e5 Pa, rho 1.9311) and the printed speed of sound", () => {
    // Table I, first geometric page, and Table III.
    const s = ussa1976(-5000);
    tRows.add(expectPrinted(s.temperatureK, "320.676"), "-5 km");
    pRows.add(expectPrinted(s.pressurePa, "1.7776e5"), "-5 km");
    rhoRows.add(expectPrinted(s.densityKgM3, "1.9311"), "-5 km");
    const sound = new Worst();
    for (const [z, a] of SPEED_OF_SOUND) sound.add(expectPrinted(speedOfSoundMps(z), a), `${z / 1000} km`);
    recordValidation({
      area: "earth",
      model: "USSA 1976 speed of sound",
      reference: `U.S. Standard Atmosphere 1976 Table III (as transcribed in COESA.jl), ${sound.count} altitudes from -5 to 86 km, printed to 0.01 m/s`,
      figure: `worst error ${sig(sound.value, 2)} printed units (${sound.at})`,
      tolerance: "<= 1 printed unit",
    });
  });

  it("kinetic temperature applies the Table 8 molecular-weight ratio between 80 and 86 km", () => {
    // Table 8: M/M0 = 0.999694 at 85 km and 0.999579 at 86 km; T = TM M/M0 (eq. 21).
    kinetic.unshift(
      `M/M0 error ${sig(Math.abs(molecularWeightRatio(85000) - 0.999694), 2)}; T error ${sig(Math.abs(ussa1976(85000).temperatureK - 188.893 * 0.999694), 2)} K at 85 km, ` +
        `${sig(Math.abs(ussa1976(86000).temperatureK - 186.8673), 2)} K at 86 km`,
    );
    expect(molecularWeightRatio(79000)).toBe(1);
    expect(molecularWeightRatio(85000)).toBeCloseTo(0.999694, 12);
    expect(ussa1976(85000).temperatureK).toBeCloseTo(188.893 * 0.999694, 3);
    // At 86 km the lower model and the standard's 186.8673 K isothermal upper layer meet.
    expect(ussa1976(86000).temperatureK).toBeCloseTo(186.8673, 3);
  });

  it("obeys the ideal-gas law rho = P M0 / (R* TM) and eq. 18 geopotential conversion round-trips", () => {
    for (let z = -5000; z <= 86000; z += 250) {
      const s = ussa1976(z);
      const tm = s.temperatureK / molecularWeightRatio(z);
      expect((s.pressurePa * 28.9644) / (8314.32 * tm) / s.densityKgM3 - 1).toBeLessThan(1e-14);
      expect(geopotentialToGeometricM(geometricToGeopotentialM(z))).toBeCloseTo(z, 7);
    }
  });
});

// Mean molecular weight column (kg/kmol) of Table I at the pressure nodes (same transcription as the
// pressures: Regan, Re-Entry Vehicle Dynamics, 1984), 100 km row M = 28.40.
const M_AT_P_NODES: Record<number, number> = {};
{
  const m = [
    28.95, 28.95, 28.94, 28.93, 28.91, 28.89, 28.82, 28.73, 28.62, 28.48, 28.4, 28.3, 28.1, 27.88, 27.64,
    27.39, 27.27, 27.14, 27.02, 26.9, 26.79, 26.68, 26.58, 26.48, 26.38, 26.29, 26.2, 25.8, 25.44, 25.09,
    24.75, 24.42, 24.1, 23.49, 22.9, 22.34, 21.81, 21.3, 20.83, 20.37, 19.95, 19.56, 19.19, 18.85, 18.53,
    18.24, 17.97, 17.73, 17.5, 17.29, 17.09, 16.91, 16.74, 16.57, 16.42, 16.27, 16.13, 15.98, 15.84, 15.7,
    15.55, 15.4, 15.25, 15.08, 14.91, 14.73, 14.54, 14.33, 13.76, 13.09, 12.34, 11.51, 10.62, 9.72, 8.83, 8.0,
    7.24, 6.58, 6.01, 5.54, 5.16, 4.85, 4.6, 4.4, 4.25, 4.12, 4.02, 3.94,
  ];
  printedUpperPressureNodes().forEach(([z], i) => (M_AT_P_NODES[z] = m[i]));
}

describe("U.S. Standard Atmosphere 1976 above 86 km", () => {
  const printedRows: string[] = [];
  afterAll(() => {
    if (printedRows.length > 0)
      recordValidation({
        area: "earth",
        model: "USSA 1976 density and pressure above 86 km",
        reference:
          "Table I rows off the density nodes (86.5, 115, 175, 985 km) and the density rows 5.604e-7, 2.076e-9, 2.541e-10, 1.916e-11, 5.215e-13, 3.561e-15 kg/m^3 at 100, 150, 200, 300, 500, 1000 km",
        figure: printedRows.join("; "),
        tolerance: "density < 0.2 %, pressure < 0.1 %; 100-1000 km < 1 % (the requirement)",
      });
  });

  it("returns the printed Table I densities at all 101 tabulated altitudes 86-1000 km", () => {
    // At exactly 86 km the lower model answers (the standard's two models differ there by ~2e-4, see
    // "is continuous at 86 km"), so that row is reported apart and held only to the one-sided bound.
    const worst = new Worst();
    let at86 = NaN;
    for (const [z, rho] of printedUpperDensityNodes()) {
      const e = densityKgM3(z) / rho - 1;
      if (z > 86000) expect(worst.add(Math.abs(e), `${z / 1000} km`)).toBeLessThan(1e-9);
      else at86 = e;
    }
    recordValidation({
      area: "earth",
      model: "USSA 1976 density above 86 km",
      reference: `Table I, the ${worst.count + 1} tabulated density rows from 86 to 1000 km (spline nodes)`,
      figure: `worst relative error ${sig(worst.value, 2)} above 86 km; at 86.000 km (lower model) ${sig(at86, 2)}`,
      tolerance: "< 1e-9 above 86 km (the 86 km row: one-sided, below +1e-9)",
    });
    for (const [z, rho] of printedUpperDensityNodes()) expect(densityKgM3(z) / rho - 1).toBeLessThan(1e-9);
  });

  it("between the density rows, agrees within 0.3% with P M / (R* T) from the independent pressure and M columns", () => {
    // 88 altitudes, most of them not density rows (101, 103, ..., 115, 117, 119, 125, 135, ... km):
    // this checks the interpolation against the standard's own data, well inside the 1% requirement
    // (worst 0.22% at 111 km, where the temperature profile changes from the ellipse to the line).
    let checked = 0;
    const worst = new Worst();
    for (const [z, p] of printedUpperPressureNodes()) {
      const rhoPmt = (p * M_AT_P_NODES[z]) / (8314.32 * upperTemperatureK(z));
      expect(worst.add(Math.abs(densityKgM3(z) / rhoPmt - 1), `${z / 1000} km`), `at ${z} m`).toBeLessThan(
        3e-3,
      );
      checked++;
    }
    recordValidation({
      area: "earth",
      model: "USSA 1976 density above 86 km",
      reference: `rho = P M / (R* T) from Table I's independent pressure and molecular-weight columns, ${checked} altitudes 86-1000 km, most between the density rows`,
      figure: `worst ${sig(worst.value * 100, 2)} % (${worst.at})`,
      tolerance: "< 0.3 % asserted (1 % required)",
    });
    expect(checked).toBe(88);
  });

  it("matches printed off-node rows: 86.5, 115, 175, 985 km (rho within 0.2 %, P within 0.1 %)", () => {
    // Table I rows as printed: 86.5 km P 3.4163e-1 Pa rho 6.366e-6; 115 km rho 4.289e-8;
    // 175 km P 1.7936e-4 rho 6.339e-10 (a density node); 985 km P 7.9185e-9 rho 3.797e-15.
    const rows: Array<[number, number | null, number]> = [
      [86500, 3.4163e-1, 6.366e-6],
      [115000, null, 4.289e-8],
      [175000, 1.7936e-4, 6.339e-10],
      [985000, 7.9185e-9, 3.797e-15],
    ];
    const rhoErr = new Worst();
    const pErr = new Worst();
    for (const [z, p, rho] of rows) {
      const s = ussa1976(z);
      expect(rhoErr.add(Math.abs(s.densityKgM3 / rho - 1), `${z / 1000} km`)).toBeLessThan(2e-3);
      if (p !== null) expect(pErr.add(Math.abs(s.pressurePa / p - 1), `${z / 1000} km`)).toBeLessThan(1e-3);
    }
    printedRows.unshift(
      `off the nodes: worst density error ${sig(rhoErr.value * 100, 2)} % (${rhoErr.at}), pressure ${sig(pErr.value * 100, 2)} % (${pErr.at})`,
    );
  });

  it("densities at 100, 150, 200, 300, 500 and 1000 km are within 1% of the table", () => {
    // Table I: 5.604e-7, 2.076e-9, 2.541e-10, 1.916e-11, 5.215e-13, 3.561e-15 kg/m^3.
    const rows: Array<[number, number]> = [
      [100e3, 5.604e-7],
      [150e3, 2.076e-9],
      [200e3, 2.541e-10],
      [300e3, 1.916e-11],
      [500e3, 5.215e-13],
      [1000e3, 3.561e-15],
    ];
    const worst = new Worst();
    for (const [z, rho] of rows) worst.add(Math.abs(ussa1976(z).densityKgM3 / rho - 1), `${z / 1000} km`);
    printedRows.push(`100-1000 km density worst ${sig(worst.value * 100, 2)} % (${worst.at})`);
    for (const [z, rho] of rows) expect(Math.abs(ussa1976(z).densityKgM3 / rho - 1)).toBeLessThan(0.01);
  });

  it("kinetic temperature follows the standard's profile (printed values to 0.01 K)", () => {
    // Table I: 186.87 (86, 90 km), 188.42 (95), 195.08 (100), 240.00 (110), 300.00 (115), 360.00 (120),
    // 469.27 (130), 634.39 (150), 854.56 (200), 976.01 (300), 999.24 (500), 999.99 (750), 1000.00 (1000).
    const rows: Array<[number, string]> = [
      [86e3, "186.87"],
      [90e3, "186.87"],
      [95e3, "188.42"],
      [100e3, "195.08"],
      [110e3, "240.00"],
      [115e3, "300.00"],
      [120e3, "360.00"],
      [130e3, "469.27"],
      [150e3, "634.39"],
      [200e3, "854.56"],
      [300e3, "976.01"],
      [500e3, "999.24"],
      [750e3, "999.99"],
      [1000e3, "1000.00"],
    ];
    const worst = new Worst();
    for (const [z, t] of rows) worst.add(expectPrinted(ussa1976(z).temperatureK, t), `${z / 1000} km`);
    kinetic.push(`86-1000 km (all four segments): worst ${sig(worst.value, 2)} printed units (${worst.at})`);
  });

  it("the spline reproduces any left-out density row within 1% (twice the real spacing)", () => {
    const nodes = printedUpperDensityNodes();
    let worst = 0;
    for (let i = 1; i < nodes.length - 1; i++) {
      const rest = nodes.filter((_, j) => j !== i);
      const s = buildLogSpline(
        rest.map((n) => n[0]),
        rest.map((n) => n[1]),
      );
      worst = Math.max(worst, Math.abs(Math.exp(evalLogSpline(s, nodes[i][0])) / nodes[i][1] - 1));
    }
    recordValidation({
      area: "earth",
      model: "USSA 1976 density spline above 86 km",
      reference: `Table I: each of the ${nodes.length - 2} interior density rows predicted from the others (leave one out, twice the real spacing)`,
      figure: `worst ${sig(worst * 100, 2)} %`,
      tolerance: "< 1 %",
    });
    expect(worst).toBeLessThan(0.01);
  });

  it("the 1-km hot-path table equals the splines and the closed-form temperature", () => {
    const out = new Float64Array(4);
    for (let z = 86000.5; z < 1e6; z += 137.3) {
      ussa1976Into(z, out);
      expect(Math.abs(out[0] - upperTemperatureK(z))).toBeLessThan(1e-5);
      expect(Math.abs(Math.log(out[2]) - evalLogSpline(RHO_SPLINE, z))).toBeLessThan(1e-12);
      expect(Math.abs(Math.log(out[1]) - evalLogSpline(P_SPLINE, z))).toBeLessThan(1e-12);
    }
  });
});

describe("whole profile (properties)", () => {
  const alt = fc.integer({ min: -5000, max: 1_000_000 });

  it("density and pressure fall with altitude, everything is finite and positive", () => {
    const a = new Float64Array(4);
    const b = new Float64Array(4);
    fc.assert(
      fc.property(alt, fc.integer({ min: 1, max: 20000 }), (z, dz) => {
        ussa1976Into(z, a);
        ussa1976Into(z + dz, b);
        for (let i = 0; i < 4; i++) expect(a[i] > 0 && Number.isFinite(a[i])).toBe(true);
        expect(b[2]).toBeLessThan(a[2]);
        expect(b[1]).toBeLessThan(a[1]);
      }),
      { numRuns: 3000, endOnFailure: true, seed: 20300688 },
    );
  });

  it("is continuous at 86 km and beyond 1000 km", () => {
    const lo = ussa1976(86000 - 1e-6);
    const hi = ussa1976(86000 + 1e-6);
    expect(Math.abs(hi.densityKgM3 / lo.densityKgM3 - 1)).toBeLessThan(2e-4);
    expect(Math.abs(hi.pressurePa / lo.pressurePa - 1)).toBeLessThan(2e-4);
    expect(Math.abs(hi.temperatureK - lo.temperatureK)).toBeLessThan(1e-3);
    const out = new Float64Array(4);
    ussa1976Into(1e6 + 1e-6, out);
    expect(Math.abs(out[2] / ussa1976(1e6).densityKgM3 - 1)).toBeLessThan(1e-9);
    ussa1976Into(1.5e6, out);
    expect(out[2]).toBeLessThan(3.561e-15);
    expect(out[2]).toBeGreaterThan(0);
  });

  it("the public form rejects altitudes outside [-5, 1000] km; the hot path does not throw", () => {
    expect(() => ussa1976(-5001)).toThrow(RangeError);
    expect(() => ussa1976(1000001)).toThrow(RangeError);
    expect(() => ussa1976(Number.NaN)).toThrow(RangeError);
    expect(densityKgM3(2e6)).toBeGreaterThanOrEqual(0);
    expect(speedOfSoundMps(-6000)).toBeGreaterThan(340);
  });
});
