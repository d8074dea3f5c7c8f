import { readFileSync } from "node:fs";
import { loadScenario } from "../src/scenario/index.js";
import { copiedRaid } from "./raidCopies.js";
import { buildWorld } from "../src/scenario/build/world.js";
import { simulate } from "../src/sim/run.js";
import { threatSteering } from "../src/flight/fly.js";
const base = loadScenario(readFileSync("scenarios/raid-20.yaml", "utf8"), { fileName: "raid-20.yaml" });
const n = Number(process.argv[2] ?? 200);
const w = buildWorld(copiedRaid(base, n));
for (const d of w.threats) threatSteering(d, w.earth);
const c0 = process.cpuUsage();
const r = simulate(w, { seed: 1 });
const c = process.cpuUsage(c0);
console.log(
  JSON.stringify({
    n,
    cpuMs: (c.user + c.system) / 1000,
    endS: r.endS,
    frames: r.frames,
    detections: r.tracking.detections,
    rssMB: process.memoryUsage().rss / 1e6,
  }),
);
