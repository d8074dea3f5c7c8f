import { afterAll, describe, expect, it } from "vitest";
import { eciToEcf, gstime } from "satellite.js";
import { TleConstellation, TleError } from "../../src/sensors/infrared/tle.js";
import { recordValidation, sig } from "../validation.js";

// Vallado et al., "Revisiting Spacetrack Report #3", AIAA 2006-6753, verification case 00005
// (Vanguard 1) and its published SGP4 output (tcppver.out): TEME position (km) at 0 and 360 min.
const VANGUARD = {
  name: "00005",
  line1: "1 00005U 58002B   00179.78495062  .00000023  00000-0  28098-4 0  4753",
  line2: "2 00005  34.2682 348.7242 1859667 331.7664  19.3264 10.82419157413667",
};
const EPOCH = new Date((2451723.28495062 - 2440587.5) * 86_400_000);

describe("TLE constellation (satellite.js SGP4)", () => {
  const c = new TleConstellation([VANGUARD], { epoch: EPOCH, gmstAtEpochRad: gstime(EPOCH) });
  const p = new Float64Array(3);
  const v = new Float64Array(3);
  const parts: string[] = [];
  afterAll(() => {
    if (parts.length > 0)
      recordValidation({
        area: "sensors",
        model: "TleConstellation (satellite.js SGP4)",
        reference:
          "Vallado et al., Revisiting Spacetrack Report #3, AIAA 2006-6753: case 00005 (Vanguard 1) TEME output at 0 and 360 min; TEME -> ECEF as satellite.js (GMST)",
        figure: parts.join("; "),
        tolerance: "< 10 m (the epoch through a millisecond Date), < 0.01 m/s; < 5 m",
      });
  });

  // The epoch passes through a Date (millisecond resolution): up to ~7 m along track at 7 km/s.
  it("reproduces the published TEME positions of the Vallado 00005 case", () => {
    c.positionVelocityTemeInto(0, 0, p, v);
    const at0 = Math.hypot(p[0] - 7022465.29266, p[1] + 1400082.96755, p[2] - 39.95155);
    const v0 = Math.abs(v[0] - 1893.841015);
    const q = new Float64Array(3);
    c.positionVelocityTemeInto(0, 360 * 60, q, new Float64Array(3));
    const at360 = Math.hypot(q[0] + 7154031.20202, q[1] + 3783176.82504, q[2] + 3536194.12294);
    parts.unshift(
      `position error ${sig(at0, 2)} m at 0 min, ${sig(at360, 2)} m at 360 min; vx ${sig(v0, 2)} m/s`,
    );
    expect(Math.abs(p[0] - 7022465.29266)).toBeLessThan(10);
    expect(Math.abs(p[1] + 1400082.96755)).toBeLessThan(10);
    expect(Math.abs(p[2] - 39.95155)).toBeLessThan(10);
    expect(Math.abs(v[0] - 1893.841015)).toBeLessThan(0.01);
    c.positionVelocityTemeInto(0, 360 * 60, p, v);
    expect(Math.abs(p[0] + 7154031.20202)).toBeLessThan(10);
    expect(Math.abs(p[1] + 3783176.82504)).toBeLessThan(10);
    expect(Math.abs(p[2] + 3536194.12294)).toBeLessThan(10);
  });

  it("takes TEME to ECEF through GMST as satellite.js does (within metres after 6 h)", () => {
    const t = 360 * 60;
    c.positionVelocityTemeInto(0, t, p, v);
    const date = new Date(EPOCH.getTime() + t * 1000);
    const ref = eciToEcf({ x: p[0] / 1000, y: p[1] / 1000, z: p[2] / 1000 }, gstime(date));
    c.positionVelocityEcefInto(0, t, p, v);
    const d = Math.hypot(p[0] / 1000 - ref.x, p[1] / 1000 - ref.y, p[2] / 1000 - ref.z) * 1000;
    parts.push(`ECEF vs satellite.js eciToEcf after 6 h ${sig(d, 2)} m`);
    expect(d).toBeLessThan(5);
  });

  // SGP4 velocity is its own analytic expression: for this eccentric orbit it differs from the
  // derivative of SGP4 position by up to ~0.2 m/s (checked on the raw TEME output too).
  it("ECEF velocity is the derivative of ECEF position", () => {
    const a = new Float64Array(3);
    const b = new Float64Array(3);
    const d = new Float64Array(3);
    c.positionVelocityEcefInto(0, 1000, d, v);
    c.positionVelocityEcefInto(0, 999.99, a, d);
    c.positionVelocityEcefInto(0, 1000.01, b, d);
    for (let k = 0; k < 3; k++) expect(Math.abs((b[k] - a[k]) / 0.02 - v[k])).toBeLessThan(0.5);
  });

  it("names satellites and refuses bad element sets", () => {
    expect(c.ids).toEqual(["00005"]);
    expect(
      () =>
        new TleConstellation([{ line1: "garbage", line2: "garbage" }], { epoch: EPOCH, gmstAtEpochRad: 0 }),
    ).toThrow(TleError);
  });
});
