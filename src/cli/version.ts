/** The package version, read from package.json two levels up (src/cli/ under tsx, dist/cli/ when built). */
import { readFileSync } from "node:fs";

export function packageInfo(): { name: string; version: string; description: string } {
  const raw: unknown = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
  const pkg = typeof raw === "object" && raw !== null ? (raw as Record<string, unknown>) : {};
  const text = (v: unknown, fallback: string) => (typeof v === "string" ? v : fallback);
  return {
    name: text(pkg.name, "raijin"),
    version: text(pkg.version, "0.0.0"),
    description: text(pkg.description, ""),
  };
}
