// The viewer's site labels (src/web/siteLabels.ts): one label for sites a few km apart, shown only from
// where it clears the next group's. The reference scenario's port is the case that showed the need: a
// ship carries two radars and a railgun at one point, and the port, its fuel depot and an interceptor
// battery lie 4 to 40 km apart.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { geodeticToEcef } from "../../src/earth/geodetic.js";
import {
  CAMERA_PER_SEPARATION,
  SITE_GROUP_M,
  placeSiteLabels,
  type LabelledSite,
} from "../../src/web/siteLabels.js";

const site = (id: string, latDeg: number, lonDeg: number, altM = 0): LabelledSite => {
  const p = geodeticToEcef({ latDeg, lonDeg, altM });
  return { id, name: id.slice(id.indexOf("/") + 1), ecefM: [p[0], p[1], p[2]] };
};

const CAP_M = 1.5e6;

function distanceM(a: LabelledSite, b: LabelledSite): number {
  return Math.hypot(a.ecefM[0] - b.ecefM[0], a.ecefM[1] - b.ecefM[1], a.ecefM[2] - b.ecefM[2]);
}

describe("placeSiteLabels", () => {
  it("gives the reference scenario's ship and port one label each, shown only close in", () => {
    // scenarios/reference-raid.yaml at t = 0.
    const sites = [
      site("asset/port", 35.29, 139.67),
      site("asset/fuel-depot", 35.31, 139.63),
      site("sensor/ship-radar", 35.05, 139.45, 25),
      site("sensor/fire-control", 35.05, 139.45, 30),
      site("weapon/gpi-1", 35.4, 139.4, 30),
      site("weapon/railgun-1", 35.05, 139.45, 10),
    ];
    const places = placeSiteLabels(sites, CAP_M);
    const text = (id: string) => places.get(id)?.text;
    expect(text("asset/port")).toBe("port\nfuel-depot");
    expect(text("asset/fuel-depot")).toBeNull();
    expect(text("sensor/ship-radar")).toBe("ship-radar\nfire-control\nrailgun-1");
    expect([text("sensor/fire-control"), text("weapon/railgun-1")]).toEqual([null, null]);
    expect(text("weapon/gpi-1")).toBe("gpi-1");
    // The port's group is 22 km from the battery (the depot's distance), so it shows from about 200 km
    // away, not from the overview's 1,500 km where the ship's labels, 30 km off, would print over it.
    const port = places.get("asset/port")?.maxCameraDistanceM ?? NaN;
    expect(port).toBeCloseTo(distanceM(sites[1], sites[4]) * CAMERA_PER_SEPARATION, 6);
    expect(port).toBeGreaterThan(150_000);
    expect(port).toBeLessThan(250_000);
    expect(places.get("asset/fuel-depot")?.maxCameraDistanceM).toBe(port);
  });

  it("a lone site keeps the overview's limit", () => {
    expect(placeSiteLabels([site("asset/a", 35, 139)], CAP_M).get("asset/a")).toEqual({
      text: "a",
      maxCameraDistanceM: CAP_M,
    });
  });

  it("every name is shown once; two labels never show where they would meet (property)", () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            dLat: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
            dLon: fc.double({ min: -0.5, max: 0.5, noNaN: true }),
            copies: fc.integer({ min: 1, max: 3 }),
          }),
          { minLength: 1, maxLength: 12 },
        ),
        (spec) => {
          const sites: LabelledSite[] = [];
          spec.forEach((s, i) => {
            for (let c = 0; c < s.copies; c++) sites.push(site(`s${i}-${c}`, 35 + s.dLat, 139 + s.dLon));
          });
          const places = placeSiteLabels(sites, CAP_M);
          expect(places.size).toBe(sites.length);
          // Each name in exactly one label, and a site with another within SITE_GROUP_M before it
          // has no label of its own (its name is in that group's).
          const shown: string[] = [];
          for (let i = 0; i < sites.length; i++) {
            const p = places.get(sites[i].id)!;
            expect(p.maxCameraDistanceM).toBeLessThanOrEqual(CAP_M);
            if (sites.slice(0, i).some((s) => distanceM(s, sites[i]) < SITE_GROUP_M))
              expect(p.text).toBeNull();
            if (p.text !== null) shown.push(...p.text.split("\n"));
          }
          expect(shown.sort()).toEqual(sites.map((s) => s.name).sort());
          // Two labels are of different groups, so far enough apart at any distance both show from.
          for (let i = 0; i < sites.length; i++)
            for (let j = i + 1; j < sites.length; j++) {
              const a = places.get(sites[i].id)!;
              const b = places.get(sites[j].id)!;
              if (a.text === null || b.text === null) continue;
              const shownFrom = Math.min(a.maxCameraDistanceM, b.maxCameraDistanceM);
              expect(shownFrom).toBeLessThanOrEqual(
                distanceM(sites[i], sites[j]) * CAMERA_PER_SEPARATION * (1 + 1e-12),
              );
            }
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });

  it("refuses a limit that is not positive, naming it", () => {
    expect(() => placeSiteLabels([], 0)).toThrow(/maxCameraDistanceM/);
    expect(() => placeSiteLabels([], Number.NaN)).toThrow(RangeError);
  });
});
