import { describe, expect, it } from "vitest";
import fc from "fast-check";
import { RADAR_CATALOG } from "../../src/sensors/catalog.js";
import { radarHorizonRangeM } from "../../src/earth/visibility.js";
import { geodeticToEcefInto } from "../../src/earth/geodetic.js";
import { MEAN_EARTH_RADIUS_M } from "../../src/earth/wgs84.js";
import { Radar, type RadarModel } from "../../src/sensors/radar/radar.js";
import { makeSiteState } from "../../src/sensors/radar/site.js";
import { detectionProbability } from "../../src/sensors/radar/swerling.js";
import { sampleMoments, testRng, truthAt } from "./helpers.js";
import { Worst, recordValidation, sig } from "../validation.js";

const DEG = Math.PI / 180;
const xBand = RADAR_CATALOG["notional-x-band"];
const sBand = RADAR_CATALOG["notional-s-band"];

/** Slant range from a radar at (0, 0, hr) to a target at height ht at ground distance s along the equator. */
function slantAt(hr: number, ht: number, groundM: number): number {
  const a = geodeticToEcefInto(0, 0, hr, new Float64Array(3));
  const b = geodeticToEcefInto(0, groundM / MEAN_EARTH_RADIUS_M, ht, new Float64Array(3));
  return Math.hypot(a[0] - b[0], a[1] - b[1], a[2] - b[2]);
}

describe("effective-Earth horizon", () => {
  it("masks targets beyond d = sqrt(2 k R h_r) + sqrt(2 k R h_t) for several radar and target heights", () => {
    // Skolnik, Introduction to Radar Systems 3rd ed., sec. 8.2; docs/sources.md: with k = 4/3 and
    // R = 6,371 km, d ~ 4.12 (sqrt(h_r) + sqrt(h_t)) km for heights in metres.
    const kR = (4 / 3) * MEAN_EARTH_RADIUS_M;
    const vsExact = new Worst();
    const vsTextbook = new Worst();
    for (const hr of [10, 25, 100]) {
      const radar = new Radar({
        id: "h",
        model: {
          ...sBand,
          instrumentedRangeM: 1e8,
          fieldOfRegard: { ...sBand.fieldOfRegard, elevationMinRad: -Math.PI / 2 },
        },
        site: { kind: "fixed", at: { latDeg: 0, lonDeg: 0, altM: hr } },
      });
      for (const ht of [1e3, 10e3, 40e3, 100e3]) {
        // largest ground distance along the equator at which the radar still sees the target
        let lo = 0;
        let hi = 5_000e3;
        for (let i = 0; i < 60; i++) {
          const mid = 0.5 * (lo + hi);
          const t = truthAt({ latDeg: 0, lonDeg: mid / MEAN_EARTH_RADIUS_M / DEG, altM: ht });
          if (radar.geometry(t, 0).aboveHorizon) lo = mid;
          else hi = mid;
        }
        const slant = slantAt(hr, ht, lo);
        const formula = Math.sqrt(2 * kR) * (Math.sqrt(hr) + Math.sqrt(ht));
        vsExact.add(Math.abs(slant / radarHorizonRangeM(hr, ht) - 1), `${hr} m, ${ht / 1000} km`);
        vsTextbook.add(Math.abs(slant / formula - 1) / (ht / (2 * kR) + 1e-6), `${hr} m, ${ht / 1000} km`);
        // the textbook formula is the small-height limit of the tangent lengths sqrt(2 kR h + h^2)
        expect(Math.abs(slant / formula - 1)).toBeLessThan(ht / (2 * kR) + 1e-6);
        expect(slant / radarHorizonRangeM(hr, ht)).toBeCloseTo(1, 6);
      }
    }
    // the 4.12 km rule of thumb
    recordValidation({
      area: "sensors",
      model: "Radar horizon masking (Radar.geometry)",
      reference:
        "Skolnik, Introduction to Radar Systems 3rd ed., sec. 8.2: k = 4/3, d = sqrt(2 k R h_r) + sqrt(2 k R h_t), d ~ 4.12 (sqrt h_r + sqrt h_t) km; exact tangents sqrt(2 k R h + h^2)",
      figure:
        `masking range (bisection) over ${vsExact.count} radar and target heights (10-100 m, 1-100 km) vs radarHorizonRangeM: worst ${sig(vsExact.value, 2)} relative; ` +
        `departure from the textbook form at most ${sig(vsTextbook.value, 2)} of the allowance h_t/(2kR); sqrt(2kR) = ${sig(Math.sqrt(2 * kR) / 1000, 4)} km per sqrt(m)`,
      tolerance: "< 5e-7; < 1 allowance; 4.12 to 0.005",
    });
    expect(Math.sqrt(2 * kR) / 1000).toBeCloseTo(4.12, 2);
  });
});

const model: RadarModel = { ...xBand, fieldOfRegard: { ...xBand.fieldOfRegard, azimuthCenterRad: 90 * DEG } };
const makeRadar = (m: RadarModel = model) =>
  new Radar({ id: "x", model: m, site: { kind: "fixed", at: { latDeg: 0, lonDeg: 0, altM: 10 } } });

describe("radar detection", () => {
  it("detection range scales with the fourth root of the cross-section", () => {
    // Range at which single-look Pd = 0.5, found by bisection on the radar's own Pd, for two targets
    // of the same Swerling case whose cross-sections differ by 16: the ranges must differ by 2.
    const rcs = {
      ballistic: { default: { rcsM2: 0.05, swerling: 3 as const } },
      hgv: { default: { rcsM2: 0.8, swerling: 3 as const } },
      cruise: { default: { rcsM2: 1, swerling: 1 as const } },
      interceptor: { default: { rcsM2: 1, swerling: 1 as const } },
      projectile: { default: { rcsM2: 1, swerling: 1 as const } },
    };
    const radar = new Radar({
      id: "x",
      model: { ...model, instrumentedRangeM: 1e8 },
      site: { kind: "fixed", at: { latDeg: 0, lonDeg: 0, altM: 10 } },
      rcs,
    });
    const pdHalfRange = (kind: "ballistic" | "hgv") => {
      let lo = 10e3;
      let hi = 9_000e3;
      for (let i = 0; i < 60; i++) {
        const mid = 0.5 * (lo + hi);
        const t = truthAt({
          kind,
          phase: "midcourse",
          latDeg: 0,
          lonDeg: mid / MEAN_EARTH_RADIUS_M / DEG,
          altM: 1_000e3,
        });
        if (radar.geometry(t, 0).pd > 0.5) lo = mid;
        else hi = mid;
      }
      return slantAt(10, 1_000e3, lo);
    };
    const ballisticM = pdHalfRange("ballistic");
    const ballisticKm = ballisticM / 1e3;
    const ratio = pdHalfRange("hgv") / ballisticM;
    const expectedKm = 1_200 * 10 ** ((13 - 11.953714) / 40);
    recordValidation({
      area: "sensors",
      model: "Radar detection range ~ sigma^(1/4)",
      reference:
        "radar equation SNR ~ sigma / R^4 (Richards eq. 2.43) through the radar's own Pd: Pd = 0.5 ranges of 0.8 and 0.05 m^2 Swerling III targets (16x)",
      figure:
        `|range ratio - 2| ${sig(Math.abs(ratio - 2), 2)}; Pd = 0.5 range ${sig(ballisticKm, 5)} km, ` +
        `${sig(Math.abs(ballisticKm - expectedKm), 2)} km from the 11.95 dB Swerling III requirement and the 13 dB / 1 m^2 / 1,200 km reference`,
      tolerance: "ratio to 5e-5; range to 0.5 km",
    });
    expect(ratio).toBeCloseTo(2, 4);
    // and the Pd = 0.5 range itself is where the mean SNR reaches the Swerling III requirement, 11.95 dB
    expect(detectionProbability({ snr: 10 ** (11.953714 / 10), pfa: 1e-6, swerling: 3 })).toBeCloseTo(0.5, 5);
    expect(ballisticKm).toBeCloseTo(1_200 * 10 ** ((13 - 11.953714) / 40), 0);
  });

  it("an HGV under the radar horizon is not detected while a ballistic RV at the same ground range is", () => {
    const radar = makeRadar();
    const lon = 900e3 / MEAN_EARTH_RADIUS_M / DEG; // 900 km east, inside the sector
    const hgv = truthAt({ id: "hgv", kind: "hgv", phase: "glide", latDeg: 0, lonDeg: lon, altM: 40e3 });
    const rv = truthAt({
      id: "rv",
      kind: "ballistic",
      phase: "midcourse",
      latDeg: 0,
      lonDeg: lon,
      altM: 300e3,
    });
    expect(radar.geometry(hgv, 0).aboveHorizon).toBe(false);
    expect(radar.geometry(rv, 0).visible).toBe(true);
    const rng = testRng(11);
    let nHgv = 0;
    let nRv = 0;
    for (let t = 0; t < 50; t++) {
      for (const d of radar.observe([hgv, rv], t, rng)) {
        if (d.truthId === "hgv") nHgv++;
        else nRv++;
      }
    }
    // binomial(50, Pd): within 5 standard deviations of its mean
    const pd = radar.geometry(rv, 0).pd;
    recordValidation({
      area: "sensors",
      model: "HGV under the radar horizon vs ballistic RV",
      reference:
        "effective-Earth horizon (k = 4/3, Skolnik sec. 8.2): from a 10 m X-band site, a glider at 40 km altitude 900 km away is below it, an RV at 300 km at the same ground range is not",
      figure: `detections in 50 looks: HGV ${nHgv}; RV ${nRv} (50 Pd = ${sig(50 * pd, 3)})`,
      tolerance: "HGV 0; RV within 5 sd of 50 Pd, Pd > 0.8",
    });
    expect(nHgv).toBe(0);
    expect(pd).toBeGreaterThan(0.8);
    expect(Math.abs(nRv - 50 * pd)).toBeLessThan(5 * Math.sqrt(50 * pd * (1 - pd)));
  });

  it("respects the azimuth sector, the elevation limits and the instrumented range", () => {
    const radar = makeRadar();
    const east = truthAt({ kind: "ballistic", phase: "midcourse", latDeg: 0, lonDeg: 5, altM: 300e3 });
    const west = truthAt({ kind: "ballistic", phase: "midcourse", latDeg: 0, lonDeg: -5, altM: 300e3 });
    const far = truthAt({ kind: "ballistic", phase: "midcourse", latDeg: 0, lonDeg: 25, altM: 1_000e3 });
    const overhead = truthAt({ kind: "ballistic", phase: "midcourse", latDeg: 0, lonDeg: 0.01, altM: 300e3 });
    expect(radar.geometry(east, 0).inFieldOfRegard).toBe(true);
    expect(radar.geometry(west, 0).inFieldOfRegard).toBe(false);
    expect(radar.geometry(far, 0).inRange).toBe(false);
    expect(radar.geometry(overhead, 0).inFieldOfRegard).toBe(false); // above 85 deg
  });

  it("the hot loop and the plain geometry agree on visibility and detection (property)", () => {
    // With the uniform draw fixed at 0.5, a target is detected exactly when geometry() says it is
    // visible with Pd > 0.5.
    const radar = makeRadar();
    const half = { uniform: () => 0.5, normal: () => 0 };
    fc.assert(
      fc.property(
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: -20, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 1_500e3, noNaN: true }),
        fc.constantFrom<"glide" | "midcourse" | "boost">("glide", "midcourse", "boost"),
        (lat, lon, alt, phase) => {
          const t = truthAt({
            kind: phase === "glide" ? "hgv" : "ballistic",
            phase,
            latDeg: lat,
            lonDeg: lon,
            altM: alt,
          });
          const g = radar.geometry(t, 0);
          expect(radar.look([t], 0, half).length).toBe(g.visible && g.pd > 0.5 ? 1 : 0);
        },
      ),
      { numRuns: 500 },
    );
  });

  it("measurement noise has zero mean and the covariance the detection carries (NEES ~ 4)", () => {
    const radar = makeRadar();
    const t = truthAt({
      id: "rv",
      kind: "ballistic",
      phase: "midcourse",
      latDeg: 1,
      lonDeg: 4,
      altM: 200e3,
      velEnu: [-3000, 500, -1500],
    });
    const g = radar.geometry(t, 0);
    expect(g.pd).toBeGreaterThan(0.99);
    const truthZ = [g.rangeM, g.azimuthRad, g.elevationRad, g.rangeRateMps];
    const rng = testRng(12);
    const n = 4000;
    const rows: number[][] = [];
    let nees = 0;
    let R: Float64Array | null = null;
    while (rows.length < n) {
      const [d] = radar.look([t], 0, rng);
      if (!d) continue; // a rare missed look (Pd < 1)
      const e = [0, 1, 2, 3].map((k) => d.z[k] - truthZ[k]);
      rows.push(e);
      for (let k = 0; k < 4; k++) nees += (e[k] * e[k]) / d.R[5 * k];
      R = d.R;
    }
    const { mean, cov } = sampleMoments(rows);
    const Rm = R as Float64Array;
    const names = ["range", "azimuth", "elevation", "range rate"];
    const meanSe = new Worst();
    const varErr = new Worst();
    for (let k = 0; k < 4; k++) {
      meanSe.add(Math.abs(mean[k]) / Math.sqrt(Rm[5 * k] / n), names[k]);
      varErr.add(Math.abs(cov[k][k] / Rm[5 * k] - 1), names[k]);
    }
    recordValidation({
      area: "sensors",
      model: "Radar measurement noise",
      reference:
        "zero-mean Gaussian errors with the covariance R each detection carries (range, azimuth, elevation, range rate), 4,000 looks at an RV 200 km up",
      figure:
        `worst mean ${sig(meanSe.value, 2)} standard errors (${meanSe.at}); worst variance / R off by ${sig(varErr.value * 100, 2)} % (${varErr.at}); ` +
        `average NEES ${sig(nees / n, 4)} (4)`,
      tolerance: `< 4 standard errors; < ${sig(400 * Math.sqrt(2 / n), 2)} %; NEES 4 +- ${sig(4 * Math.sqrt(8 / n), 2)}`,
    });
    for (let k = 0; k < 4; k++) {
      expect(Math.abs(mean[k])).toBeLessThan(4 * Math.sqrt(Rm[5 * k] / n));
      expect(Math.abs(cov[k][k] / Rm[5 * k] - 1)).toBeLessThan(4 * Math.sqrt(2 / n));
    }
    expect(Math.abs(nees / n - 4)).toBeLessThan(4 * Math.sqrt(8 / n));
  });

  it("noise shrinks as 1/sqrt(SNR) down to its floors", () => {
    const radar = makeRadar();
    const near = truthAt({ kind: "ballistic", phase: "midcourse", latDeg: 0, lonDeg: 3, altM: 300e3 });
    const far = truthAt({ kind: "ballistic", phase: "midcourse", latDeg: 0, lonDeg: 9, altM: 300e3 });
    const rng = testRng(13);
    const dn = radar.look([near], 0, rng)[0];
    const df = radar.look([far], 0, rng)[0];
    expect(df.snr).toBeLessThan(dn.snr);
    expect(df.R[0]).toBeGreaterThan(dn.R[0]);
    expect(dn.R[0]).toBeGreaterThanOrEqual(model.noise.rangeFloorM ** 2);
  });

  it("false alarms arrive at the configured Poisson rate and carry no truth id", () => {
    const radar = makeRadar({ ...model, falseAlarmsPerLook: 0.5 });
    const rng = testRng(14);
    let n = 0;
    const looks = 2000;
    for (let t = 0; t < looks; t++) {
      for (const d of radar.look([], t, rng)) {
        expect(d.truthId).toBeNull();
        expect(d.z[0]).toBeLessThanOrEqual(model.instrumentedRangeM);
        n++;
      }
    }
    // Poisson: mean 1000, sd 31.6
    recordValidation({
      area: "sensors",
      model: "Radar false alarms",
      reference: "Poisson arrivals, 0.5 per look over 2,000 looks (mean 1,000, sd 31.6), no truth id",
      figure: `${n} false alarms (${sig((n - 0.5 * looks) / Math.sqrt(0.5 * looks), 2)} sd)`,
      tolerance: "within 4 sd",
    });
    expect(Math.abs(n - 0.5 * looks)).toBeLessThan(4 * Math.sqrt(0.5 * looks));
  });

  it("detections follow the contract: z layout, ENU rotation, range rate sign", () => {
    const radar = new Radar({
      id: "s",
      model: sBand,
      site: { kind: "fixed", at: { latDeg: 35, lonDeg: 139, altM: 25 } },
    });
    const receding = truthAt({
      id: "a",
      kind: "ballistic",
      phase: "boost",
      latDeg: 35.5,
      lonDeg: 139,
      altM: 50e3,
      velEnu: [0, 2000, 0],
    });
    const [d] = radar.look([receding], 3, testRng(15));
    expect(d.kind).toBe("radar");
    expect(d.z).toHaveLength(4);
    expect(d.R).toHaveLength(16);
    expect(d.z[3]).toBeGreaterThan(0); // moving away: opening range rate is positive
    expect(Math.abs(d.z[1])).toBeLessThan(5 * DEG); // due north
    expect(d.rotEcefToLocal[8]).toBeCloseTo(Math.sin(35 * DEG), 12); // U row, z component
  });
});

describe("ship-borne radar", () => {
  const track = {
    kind: "track" as const,
    altM: 25,
    waypoints: [
      { timeS: 0, latDeg: 30, lonDeg: 130 },
      { timeS: 3600, latDeg: 30.2, lonDeg: 130.3 },
    ],
  };
  it("moves along its track at constant speed, with velocity the derivative of position", () => {
    const radar = new Radar({ id: "ship", model: sBand, site: track });
    const st = radar.site.stateInto(1800, radar.state);
    const v = Array.from(st.velEcefMps);
    const p1 = radar.site.stateInto(1799.5, makeSiteState()).posEcefM;
    const p2 = radar.site.stateInto(1800.5, makeSiteState()).posEcefM;
    for (let k = 0; k < 3; k++) expect(p2[k] - p1[k]).toBeCloseTo(v[k], 3);
    const speed = Math.hypot(v[0], v[1], v[2]);
    expect(speed).toBeGreaterThan(9);
    expect(speed).toBeLessThan(11); // ~35 km in an hour
  });
  it("waits at the first waypoint before the track starts and stops at the last", () => {
    const radar = new Radar({ id: "ship", model: sBand, site: track });
    const st = radar.site.stateInto(-10, radar.state);
    expect(st.latRad / DEG).toBeCloseTo(30, 12);
    expect(Math.hypot(...st.velEcefMps)).toBe(0);
    const end = radar.site.stateInto(9999, radar.state);
    expect(end.lonRad / DEG).toBeCloseTo(130.3, 12);
  });
});
