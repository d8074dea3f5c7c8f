// Bounded work from the command line (issue 10 item 4): a step or a sample count beyond the documented
// limits is refused before any flight, as bad input, at once.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.js";
import { MAX_SAMPLES } from "../../src/cli/options.js";

let work: string;
beforeAll(() => void (work = mkdtempSync(join(tmpdir(), "raijin-limits-"))));
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

function raid(threats: number, duration: string): string {
  const path = join(work, `raid-${threats}-${duration.replace(" ", "")}.yaml`);
  let text = `name: Limits\nepoch: 2030-06-01T00:00:00Z\nduration: ${duration}\nassets:\n`;
  text += "  - { id: port, at: { lat: 35.29 deg, lon: 139.67 deg, alt: 0 m }, value: 10 }\nthreats:\n";
  for (let i = 0; i < threats; i++)
    text += `  - { id: t${i}, vehicle: notional-srbm, launch: { at: { lat: 37 deg, lon: 135.2 deg, alt: 0 m }, time: 0 s }, target: port }\n`;
  writeFileSync(path, text);
  return path;
}

describe("limits on the work a command may ask", () => {
  it("trajectory --step 1e-6 (16 GB in 62 s before) is refused at once", async () => {
    const t0 = performance.now();
    const r = await cli("trajectory", raid(1, "10 min"), "--step", "1e-6");
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("raijin: --step must be a number of seconds from 0.01 to 60, given 1e-6\n");
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it("more samples than the limit are refused before flying, naming what to change", async () => {
    // 300 threats for up to 4 h at 0.05 s: 86 million samples.
    const t0 = performance.now();
    const r = await cli("trajectory", raid(300, "7 d"), "--step", "0.05");
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      new RegExp(
        `would be [\\d,]+ samples, over Raijin's limit of ${MAX_SAMPLES.toLocaleString("en-US")}: give a larger --step`,
      ),
    );
    expect(r.stdout).toBe("");
    expect(performance.now() - t0).toBeLessThan(10_000);
    const run = await cli("run", raid(300, "7 d"));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/over Raijin's limit of 1,000,000: fewer threats or a shorter duration/);
  }, 60_000);
});
