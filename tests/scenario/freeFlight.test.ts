/**
 * Project issue 9 item 4: a `burnout:` start needs no target (free flight from the given state, no miss
 * distance); a launch still does (its boost is steered to the target), refused at the threat's line.
 */
import { describe, expect, it } from "vitest";
import { makeEarthModel } from "../../src/earth/model.js";
import { flyThreat } from "../../src/flight/index.js";
import { threatDefinitions } from "../../src/scenario/build/index.js";
import { loadScenario } from "../../src/scenario/index.js";
import { HEAD, issuesOf } from "./helpers.js";

describe("threat targets", () => {
  it("a burnout start without a target loads and flies free", () => {
    const s = loadScenario(
      HEAD +
        "threats:\n" +
        "  - id: rv\n" +
        "    vehicle: notional-rv\n" +
        "    burnout: { at: { lat: 35 deg, lon: 135 deg, alt: 80 km }, time: 0 s, speed: 2.5 km/s, flightPathAngle: 30 deg, azimuth: 90 deg }\n",
      { fileName: "t.yaml" },
    );
    const [def] = threatDefinitions(s);
    expect(def.target).toBeUndefined();
    const res = flyThreat(def, makeEarthModel());
    expect(res.summary.impacted).toBe(true);
    expect(res.summary.missDistanceM).toBeNaN();
  });

  it("a launch without a target is refused at the threat's entry", () => {
    const issues = issuesOf(
      HEAD +
        "threats:\n" +
        "  - id: m\n" +
        "    vehicle: notional-mrbm\n" +
        "    launch: { at: { lat: 35 deg, lon: 135 deg, alt: 0 m }, time: 0 s }\n",
      { catalog: undefined },
    );
    expect(issues.map((i) => i.path)).toEqual(["threats[0].target"]);
    expect(issues[0].expected).toMatch(/a launched threat is steered to one/);
    expect(issues[0].line).toBe(5);
  });
});
