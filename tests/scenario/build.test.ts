// From a loaded scenario to the layers' objects: inline vehicles, per-threat cross-sections, manoeuvre
// and catalog-kind checks against the built-in catalog.
import { describe, expect, it } from "vitest";
import { createTruthState } from "../../src/flight/truthAt.js";
import { Radar } from "../../src/sensors/radar/radar.js";
import { sensorObjects, threatDefinitions } from "../../src/scenario/build/index.js";
import { loadScenario } from "../../src/scenario/index.js";
import { geodeticToEcefInto } from "../../src/earth/geodetic.js";
import { HEAD, issuesOf } from "./helpers.js";

const DEG = Math.PI / 180;
const SENSORS = `sensors:
  - { id: r, kind: radar, model: notional-x-band, at: { lat: 35 deg, lon: 139 deg, alt: 0 m } }
`;
const threat = (vehicle: string, extra = "") =>
  `  - id: t
    vehicle: ${vehicle}
    launch: { at: { lat: 33 deg, lon: 128 deg }, time: 0 s }
    target: { lat: 35 deg, lon: 139 deg }
${extra}`;

describe("building a scenario", () => {
  it("an inline vehicle's rcs replaces the radar's notional cross-section after boost (SNR ~ sigma)", () => {
    const snrOf = (vehicle: string) => {
      const s = loadScenario(HEAD + "threats:\n" + threat(vehicle) + SENSORS, { fileName: "t.yaml" });
      const radar = sensorObjects(s)[0] as Radar;
      const truth = createTruthState("t", "hgv");
      truth.phase = "glide";
      truth.altM = 40e3;
      geodeticToEcefInto(35 * DEG, 134 * DEG, 40e3, truth.posEcefM);
      return radar.geometry(truth, 0).snr;
    };
    const nominal = snrOf("notional-hgv"); // 0.1 m^2 notional glide-vehicle RCS (src/sensors/rcs.ts)
    const inline = snrOf("{ kind: hgv, base: notional-hgv, rcs: 0 dBsm }"); // 1 m^2
    expect(inline / nominal).toBeCloseTo(10, 10);
  });

  it("an inline glider given L/D and beta flies a polar with that L/D and beta (Tracy & Wright's parameters)", () => {
    const s = loadScenario(
      HEAD +
        "threats:\n" +
        threat("{ kind: hgv, base: notional-hgv, liftToDrag: 3.2, ballisticCoefficient: 20000 kg/m^2 }"),
      { fileName: "t.yaml" },
    );
    const v = threatDefinitions(s)[0].vehicle;
    if (typeof v === "string" || v.kind !== "hgv") throw new Error("expected an inline glider");
    const { cl, cd, refAreaM2 } = v.glider.aero;
    let best = 0;
    let cdBest = 0;
    for (let i = 0; i < cl.length; i++) {
      if (cl[i] / cd[i] > best) {
        best = cl[i] / cd[i];
        cdBest = cd[i];
      }
    }
    expect(best).toBeCloseTo(3.2, 6);
    expect(v.glider.massKg / (cdBest * refAreaM2)).toBeCloseTo(20000, 0);
  });

  it("a weave or jink on a ballistic missile or RV is refused at its line", () => {
    const issues = issuesOf(
      HEAD +
        "threats:\n" +
        threat(
          "notional-srbm",
          "    maneuver: { kind: jink, time: 10 s, bankAngle: 10 deg, duration: 5 s }\n",
        ),
      {
        catalog: undefined,
      },
    );
    expect(issues.map((i) => i.path)).toEqual(["threats[0].maneuver"]);
    expect(issues[0].given).toBe("a jink for a ballistic vehicle");
    expect(issues[0].line).toBe(9);
  });

  it("a radar model on an infrared constellation is refused, listing the infrared models", () => {
    const issues = issuesOf(
      HEAD +
        "sensors:\n  - { id: s, kind: infrared-constellation, model: notional-s-band, walker: { altitude: 1000 km, inclination: 80 deg, planes: 2, perPlane: 4 } }\n",
      { catalog: undefined },
    );
    expect(issues).toHaveLength(1);
    expect(issues[0].path).toBe("sensors[0].model");
    expect(issues[0].expected).toContain("notional-leo-ir");
    expect(issues[0].given).toBe('"notional-s-band", a radar model');
  });
});
