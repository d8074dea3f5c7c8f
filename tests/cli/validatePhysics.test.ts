// `raijin validate` finds the physics refusals `raijin run` would make (issue 10 item 7): the flight
// layer's steering solve is called for each threat. Its refusals are RangeErrors; one that names the
// field it concerns (`field`, as the flight layer's FlightRefusalError does) is reported at that field's
// line, any other at the threat's entry; an error that is not a refusal is an internal error, exit 1.
// The steering solve is replaced here so both shapes of refusal are seen whatever the flight layer does.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("../../src/flight/fly.js", async (importOriginal) => {
  const real = await importOriginal<typeof import("../../src/flight/fly.js")>();
  return {
    ...real,
    threatSteering: (def: { id: string }, ...rest: unknown[]) => {
      if (def.id === "refused-with-field")
        throw Object.assign(new RangeError("notional-hgv: target beyond the glider's reach (8,400 km)"), {
          threatId: def.id,
          field: "target",
        });
      if (def.id === "refused-plain") throw new RangeError("notional-hgv: no plan reaches the target");
      if (def.id === "broken") throw new Error("DormandPrince54: step size underflow at t=0 s");
      return (real.threatSteering as (...a: unknown[]) => unknown)(def, ...rest);
    },
  };
});

const { main } = await import("../../src/cli/main.js");

const HEAD = `name: Physics refusals
epoch: 2030-06-01T00:00:00Z
duration: 30 min
assets:
  - { id: port, at: { lat: 35.29 deg, lon: 139.67 deg, alt: 0 m }, value: 10 }
threats:
`;
const threat = (id: string) => `  - id: ${id}
    vehicle: notional-hgv
    launch: { at: { lat: 20 deg, lon: 120 deg, alt: 0 m }, time: 0 s }
    target: port
`;

let work: string;
beforeAll(() => void (work = mkdtempSync(join(tmpdir(), "raijin-physics-"))));
afterAll(() => rmSync(work, { recursive: true, force: true }));

async function cli(...args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await main(["node", "raijin", ...args], {
    out: (s) => void (stdout += s),
    err: (s) => void (stderr += s),
  });
  return { code, stdout, stderr };
}

function file(name: string, text: string): string {
  const path = join(work, name);
  writeFileSync(path, text);
  return path;
}

describe("validate runs the steering solve of each threat", () => {
  it("a refusal naming its field is reported at that field's line; one without, at the threat's entry", async () => {
    const path = file("two.yaml", HEAD + threat("refused-plain") + threat("refused-with-field"));
    for (const command of ["validate", "run", "trajectory"]) {
      const r = await cli(command, path);
      expect([command, r.code]).toEqual([command, 2]);
      // threats[0] starts on line 7; threats[1]'s target is on line 14.
      expect(r.stderr).toContain(
        `${path}:7:5: threats[0]: expected a threat its vehicle can fly, given notional-hgv: no plan reaches the target`,
      );
      expect(r.stderr).toContain(
        `${path}:14:13: threats[1].target: expected a threat its vehicle can fly, given notional-hgv: target beyond the glider's reach (8,400 km)`,
      );
      expect(r.stdout).toBe("");
    }
  });

  it("an error that is not a refusal is an internal error: exit 1, a short message, not bad input", async () => {
    const path = file("broken.yaml", HEAD + threat("broken"));
    for (const command of ["validate", "run"]) {
      const r = await cli(command, path);
      expect([command, r.code]).toEqual([command, 1]);
      expect(r.stderr).toBe("raijin: internal error: DormandPrince54: step size underflow at t=0 s\n");
    }
  });
});
