import { CORE_CASES } from "./cases/core.js";
import { ENGAGEMENT_CASES } from "./cases/engagement.js";
import { FLIGHT_CASES } from "./cases/flight.js";
import { SCENARIO_CASES } from "./cases/scenario.js";
import { SENSOR_CASES } from "./cases/sensors.js";
import { TRACKING_CASES } from "./cases/tracking.js";
import { WEAPON_CASES } from "./cases/weapons.js";
import { LIB } from "./fixtures.js";
import { casesOf, invoke, leavesOf, SPECIAL, verdict, type Case } from "./harness.js";
import { writeSync } from "node:fs";
const only = process.argv[2];
let lastKey = "";
function note(p: string) {
  const key = p.replace(/ \[.*/, "");
  if (key === lastKey) return;
  lastKey = key;
  writeSync(1, p.slice(0, 220) + "\n");
}
const CASES = {
  ...CORE_CASES,
  ...SENSOR_CASES,
  ...TRACKING_CASES,
  ...FLIGHT_CASES,
  ...WEAPON_CASES,
  ...ENGAGEMENT_CASES,
  ...SCENARIO_CASES,
};
for (const [name, e] of Object.entries(CASES)) {
  if (only && !only.split(",").includes(name)) continue;
  for (const c of casesOf(e) as Case[]) {
    const fn = c.call ?? (LIB[name] as (...a: unknown[]) => unknown);
    const t0 = performance.now();
    const o = invoke(fn, c.args(), c.out ?? []);
    writeSync(
      1,
      `== ${name}${c.label ? "." + c.label : ""} valid: ${"threw" in o ? "THREW " + String(o.threw) : "ok"} ${(performance.now() - t0).toFixed(0)} ms\n`,
    );
    for (const leaf of leavesOf(c))
      for (const v of SPECIAL) {
        writeSync(2, `${name} ${JSON.stringify(leaf)} ${v}\n`);
        const p = verdict(name, fn, c, leaf, v, false);
        if (p !== null) note(p);
      }
    for (const [leaf, v] of c.refuse ?? []) {
      writeSync(2, `${name} refuse ${JSON.stringify(leaf)} ${String(v)}\n`);
      const p = verdict(name, fn, c, leaf, v, true);
      if (p !== null) note(p);
    }
  }
}
