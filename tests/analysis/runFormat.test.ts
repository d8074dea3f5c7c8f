// The run format (src/analysis/format/runFormat.ts): what the writers produce is what the reader
// accepts, for both kinds of folder; and a folder that does not hold the format is refused at the file
// and line that is wrong.
import { describe, expect, it } from "vitest";
import { trajectoriesCsv } from "../../src/analysis/export/csv.js";
import { sceneCzml, trackPackets } from "../../src/analysis/export/sceneCzml.js";
import {
  parseRunFiles,
  RunFormatError,
  RUN_FORMAT_VERSION,
  type RunFileKey,
} from "../../src/analysis/format/runFormat.js";
import { eventsJsonl, runSummary, tracksCsv } from "../../src/analysis/run/outputs.js";
import { runTrajectoryStudy, trajectorySummaryFile } from "../../src/analysis/trajectory/study.js";
import { simulateScenario } from "../../src/scenario/build/world.js";
import { earthModelOf } from "../../src/scenario/build/earth.js";
import { TrackSampleColumns } from "../../src/sim/trackSamples.js";
import { loadScenario } from "../../src/scenario/index.js";

const SCENARIO = loadScenario(
  `name: format test
epoch: 2030-06-01T00:00:00Z
duration: 10 min
assets:
  - { id: base, at: { lat: 35 deg, lon: 140 deg, alt: 0 m } }
threats:
  - id: rv
    vehicle: notional-rv
    burnout: { at: { lat: 35 deg, lon: 135 deg, alt: 80 km }, time: 0 s, speed: 2 km/s, flightPathAngle: 30 deg, azimuth: 90 deg }
    target: base
sensors:
  - { id: r, kind: radar, model: notional-s-band, at: { lat: 35 deg, lon: 137 deg, alt: 10 m } }
tracking: { filter: ekf }
`,
  { fileName: "format.yaml" },
);

function runFiles(): Record<RunFileKey, string> {
  const r = simulateScenario(SCENARIO, { seed: 3 });
  return {
    summary: JSON.stringify(runSummary(r)),
    events: eventsJsonl(r),
    trajectories: trajectoriesCsv(r.flights.map((f) => f.result)),
    tracks: tracksCsv(r),
    scene: JSON.stringify([...sceneCzml(r), ...trackPackets(r.trackSamples, SCENARIO.epoch)]),
  };
}

describe("run format", () => {
  const files = runFiles();

  it("writes the same track packets from a run's columns as from its rows", () => {
    // Interleaved tracks, every status, paired and unpaired rows, a track confirmed once only.
    const c = new TrackSampleColumns(["t0", "t1"]);
    const P = new Float64Array(36).fill(1);
    const statuses = ["tentative", "confirmed", "confirmed", "deleted"] as const;
    for (let k = 0; k < 40; k++) {
      const x = [6.4e6 + 10 * k, 1e5 - k, 2e5 + 3 * k, 1, 2, 3];
      c.push(k, `trk-${k % 3}`, statuses[k % 4], x, P, (k % 5) - 2 < 0 ? -1 : k % 2);
    }
    c.push(40, "trk-lone", "confirmed", [6.4e6, 0, 0, 0, 0, 0], P, 0);
    const earth = earthModelOf(SCENARIO);
    for (const e of [undefined, earth])
      expect(JSON.stringify(trackPackets(c, SCENARIO.epoch, e))).toBe(
        JSON.stringify(trackPackets([...c.rows()], SCENARIO.epoch, e)),
      );
    const r = simulateScenario(SCENARIO, { seed: 3 });
    expect(JSON.stringify(trackPackets(r.trackSamples, SCENARIO.epoch, earth))).toBe(
      JSON.stringify(trackPackets([...r.trackSamples.rows()], SCENARIO.epoch, earth)),
    );
  });

  it("reads back what raijin run writes", () => {
    const parsed = parseRunFiles(files);
    expect(parsed.kind).toBe("run");
    expect(parsed.summary.formatVersion).toBe(RUN_FORMAT_VERSION);
    expect(parsed.events.length).toBeGreaterThan(3);
    expect(parsed.events[0].type).toBe("launch");
    expect(parsed.trajectoryRows).toBeGreaterThan(100);
    expect(parsed.trackRows).toBeGreaterThan(10);
  });

  it("reads back what raijin trajectory writes", () => {
    const study = runTrajectoryStudy(SCENARIO);
    const parsed = parseRunFiles({
      summary: JSON.stringify(trajectorySummaryFile(study, 1)),
      trajectories: trajectoriesCsv(study.flights.map((f) => f.result)),
      scene: JSON.stringify(sceneCzml(study)),
    });
    expect(parsed.kind).toBe("trajectory");
    expect(parsed.summary.threats[0].id).toBe("rv");
  });

  it("writes every event with its keys in one order", () => {
    for (const line of files.events.trim().split("\n")) {
      const keys = Object.keys(JSON.parse(line));
      expect(keys.slice(0, 2)).toEqual(["timeS", "type"]);
    }
  });

  const refusal = (f: Partial<Record<RunFileKey, string>>): string => {
    try {
      parseRunFiles(f);
    } catch (e) {
      expect(e).toBeInstanceOf(RunFormatError);
      return (e as Error).message;
    }
    throw new Error("accepted");
  };

  it("refuses a folder that does not hold the format, naming the file and line", () => {
    expect(
      refusal({ ...files, summary: files.summary.replace(`"formatVersion":1`, `"formatVersion":9`) }),
    ).toMatch(/summary.json: formatVersion 9/);
    expect(refusal({ ...files, tracks: undefined })).toMatch(/tracks.csv: missing/);
    const lines = files.events.split("\n");
    lines[2] = lines[2].slice(0, 10);
    expect(refusal({ ...files, events: lines.join("\n") })).toMatch(/events.jsonl:3: not a JSON object/);
    const cut = files.trajectories.slice(0, files.trajectories.lastIndexOf(",")) + "\n";
    expect(refusal({ ...files, trajectories: cut })).toMatch(/trajectories.csv:\d+: expected 11 fields/);
    expect(refusal({ ...files, scene: "" })).toMatch(/scene.czml: not JSON/);
    const noThreats = JSON.parse(files.summary) as Record<string, unknown>;
    delete noThreats.threats;
    expect(refusal({ ...files, summary: JSON.stringify(noThreats) })).toMatch(/summary.json: threats/);
  });
});
