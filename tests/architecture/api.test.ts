// The public API report (etc/raijin.api.md, scripts/api-report.ts): the package root's exports and
// their signatures as checked in. A change to the public surface fails here until the report is
// regenerated (`npm run api`), so it shows as a diff in review.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { API_REPORT, apiReport } from "../../scripts/api-report.js";

describe("public API", () => {
  it("matches the checked-in report (run `npm run api` after a deliberate change)", () => {
    const now = apiReport();
    const checkedIn = readFileSync(API_REPORT, "utf8");
    if (now !== checkedIn) {
      const a = checkedIn.split("\n");
      const b = now.split("\n");
      const firstDiff = b.findIndex((line, i) => line !== a[i]);
      expect.fail(
        `the public API differs from etc/raijin.api.md from line ${firstDiff + 1}:\n` +
          `  report: ${a[firstDiff] ?? "(end)"}\n  now:    ${b[firstDiff] ?? "(end)"}\n` +
          "run `npm run api` if the change is deliberate",
      );
    }
  });
});
