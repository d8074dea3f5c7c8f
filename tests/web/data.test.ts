// The viewer's readers of the run folder (src/web/data.ts): both summary.json shapes, events.jsonl, and
// trajectories.csv with RFC 4180 quoting. The shapes are the ones src/analysis writes (runSummary in
// src/analysis/run/outputs.ts, threatSummary in src/analysis/trajectory/study.ts).
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { niceStep, tickValues } from "../../src/web/scale.js";
import {
  describeEvent,
  normalizeSummary,
  parseEventsJsonl,
  parseTrajectoriesCsv,
  splitCsvLine,
} from "../../src/web/data.js";

describe("normalizeSummary", () => {
  it("reads the raijin run shape", () => {
    const v = normalizeSummary({
      scenario: "s",
      epoch: "2030-06-01T00:00:00.000Z",
      seed: 1,
      tracking: { filter: "imm" },
      threats: [
        {
          id: "srbm-1",
          vehicle: "notional-srbm",
          kind: "ballistic",
          launchS: 10,
          endS: 281.1,
          groundRangeKm: 444.7,
          apogeeKm: 58.8,
          maxMach: 7.6,
          firstDetectionS: 12,
          firstDetectedBy: "ship-radar",
          firstConfirmedTrackS: 16,
          positionRmseM: 48.4,
        },
      ],
    });
    expect(v.shape).toBe("run");
    expect(v.seed).toBe(1);
    expect(v.threats[0]).toMatchObject({
      id: "srbm-1",
      vehicle: "notional-srbm",
      kind: "ballistic",
      launchS: 10,
      rangeKm: 444.7,
      apogeeKm: 58.8,
      maxMach: 7.6,
      firstDetectedS: 12,
      firstDetectedBy: "ship-radar",
      firstTrackedS: 16,
      positionRmseM: 48.4,
    });
    // The run shape has no time of flight: end minus launch.
    expect(v.threats[0].timeOfFlightS).toBeCloseTo(271.1, 9);
  });

  it("reads the raijin trajectory shape: first detection over the sensors' spans, no track", () => {
    const v = normalizeSummary({
      scenario: "s",
      threats: [
        {
          id: "hgv-1",
          vehicle: "notional-hgv",
          kind: "hgv",
          launchTimeS: 0,
          endTimeS: 523,
          timeOfFlightS: 523,
          groundRangeKm: 1105,
          apogeeKm: 53.4,
          maxMach: 9.7,
          detection: [
            { sensorId: "ship-radar", firstS: 40 },
            { sensorId: "tracking-layer", firstS: 3 },
            { sensorId: "forward-radar", firstS: null },
          ],
        },
      ],
    });
    expect(v.shape).toBe("trajectory");
    expect(v.seed).toBeNull();
    expect(v.threats[0]).toMatchObject({
      launchS: 0,
      timeOfFlightS: 523,
      firstDetectedS: 3,
      firstDetectedBy: "tracking-layer",
      firstTrackedS: null,
      positionRmseM: null,
    });
  });

  it("refuses what is not a summary", () => {
    expect(() => normalizeSummary([])).toThrow(TypeError);
    expect(() => normalizeSummary({ threats: 3 })).toThrow(/threats array/);
  });
});

describe("events.jsonl", () => {
  it("parses each line, skipping blank ones, and describes it", () => {
    const text =
      '{"timeS":0,"type":"launch","threatId":"hgv-1"}\n\n' +
      '{"timeS":271.102,"type":"impact","threatId":"srbm-1","detail":{"missM":23.7}}\n';
    const events = parseEventsJsonl(text);
    expect(events.map((e) => [e.timeS, e.type])).toEqual([
      [0, "launch"],
      [271.102, "impact"],
    ]);
    expect(describeEvent(events[1])).toBe("srbm-1, miss 24 m");
  });

  it("names the bad line", () => {
    expect(() => parseEventsJsonl('{"timeS":0,"type":"launch"}\n{"timeS":1}\n')).toThrow(/line 2/);
    expect(() => parseEventsJsonl("{oops\n")).toThrow(/line 1/);
  });
});

describe("trajectories.csv", () => {
  it("groups samples by threat in first-seen order", () => {
    const csv =
      "timeS,id,phase,latDeg,lonDeg,altM,speedMps,mach\n" +
      "0,a,boost,1,2,0,0,0\n0,b,boost,3,4,10,0,0\n1,a,boost,1.1,2.1,100,0,0\n";
    const s = parseTrajectoriesCsv(csv);
    expect(s.map((x) => x.id)).toEqual(["a", "b"]);
    expect(s[0]).toEqual({ id: "a", timeS: [0, 1], latDeg: [1, 1.1], lonDeg: [2, 2.1], altM: [0, 100] });
  });

  it("says which column is missing", () => {
    expect(() => parseTrajectoriesCsv("timeS,id,latDeg,lonDeg\n")).toThrow(/altM/);
  });

  it("splitCsvLine inverts RFC 4180 quoting (property)", () => {
    const quote = (f: string) => (/[",]/.test(f) ? `"${f.replace(/"/g, '""')}"` : f);
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: fc.constantFrom("a", ",", '"', " ", "1") }), { minLength: 1 }),
        (fields) => {
          expect(splitCsvLine(fields.map(quote).join(","))).toEqual(fields);
        },
      ),
    );
  });
});

describe("chart axis", () => {
  it("niceStep is 1, 2 or 5 times a power of ten and gives 2 to 10 intervals (property)", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-3, max: 1e7, noNaN: true }),
        fc.integer({ min: 3, max: 6 }),
        (span, n) => {
          const step = niceStep(span, n);
          const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-12);
          expect([1, 2, 5, 10].some((m) => Math.abs(mantissa - m) < 1e-9)).toBe(true);
          expect(span / step).toBeGreaterThanOrEqual(n / 3);
          expect(span / step).toBeLessThanOrEqual(2 * n);
          const ticks = tickValues(span, step);
          expect(ticks[0]).toBe(0);
          expect(ticks.at(-1)).toBeLessThanOrEqual(span * (1 + 1e-12));
          expect(span - (ticks.at(-1) ?? 0)).toBeLessThan(step * (1 + 1e-9));
        },
      ),
    );
  });
});
