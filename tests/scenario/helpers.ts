/** Shared helpers for the scenario tests. */
import { readFileSync } from "node:fs";
import { expect } from "vitest";
import {
  loadScenario,
  type LoadOptions,
  ScenarioError,
  type ScenarioIssue,
} from "../../src/scenario/index.js";

export const SCENARIOS = new URL("../../scenarios/", import.meta.url);
export const readScenario = (name: string) => readFileSync(new URL(name, SCENARIOS), "utf8");

/** A valid head for small test documents (lines 1-3). */
export const HEAD = "name: t\nepoch: 2030-06-01T00:00:00Z\nduration: 30 min\n";

/**
 * Load `text` expecting failure; returns the issues (fails the test if it loads or throws otherwise).
 * These tests exercise the loader's mechanics, so names are not checked against the built-in catalog
 * unless a test passes one (tests/scenario/catalog.test.ts checks the built-in catalog itself).
 */
export function issuesOf(text: string, options: LoadOptions = {}): readonly ScenarioIssue[] {
  try {
    loadScenario(text, { fileName: "t.yaml", catalog: null, ...options });
  } catch (e) {
    expect(e).toBeInstanceOf(ScenarioError);
    return (e as ScenarioError).issues;
  }
  throw new Error("expected a ScenarioError, but the scenario loaded");
}

/** [line, column, path] of each issue, for compact assertions. */
export const places = (issues: readonly ScenarioIssue[]) => issues.map((i) => [i.line, i.column, i.path]);
