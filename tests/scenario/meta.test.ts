// Field metadata is declared once with each schema and readable by code (for the web editor's forms).
import { describe, expect, it } from "vitest";
import * as z from "zod";
import { environmentSchema, fieldMeta, scenarioSchema, sensorSchema } from "../../src/scenario/index.js";
import { geoPoint } from "../../src/scenario/fields/index.js";

/** Every leaf schema under `schema`, with its path (objects, lists, unions and wrappers walked). */
function leaves(schema: z.core.$ZodType, path: string, out: [string, z.core.$ZodType][]): void {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  if (fieldMeta(schema) !== undefined) {
    out.push([path, schema]);
    return;
  }
  switch (def.type) {
    case "object":
      for (const [k, v] of Object.entries(def.shape as Record<string, z.core.$ZodType>))
        leaves(v, `${path}.${k}`, out);
      return;
    case "array":
      return leaves(def.element as z.core.$ZodType, `${path}[]`, out);
    case "union":
      for (const o of def.options as z.core.$ZodType[]) leaves(o, path, out);
      return;
    case "optional":
    case "default":
    case "prefault":
      return leaves(def.innerType as z.core.$ZodType, path, out);
    default:
      out.push([path, schema]);
  }
}

describe("field metadata", () => {
  it("a geo point declares units, ranges and defaults", () => {
    const shape = geoPoint().shape;
    expect(fieldMeta(shape.lat)).toMatchObject({
      kind: "quantity",
      dimension: "angle",
      siUnit: "rad",
      min: "-90 deg",
      max: "90 deg",
    });
    expect(fieldMeta(shape.lon)).toMatchObject({ min: "-180 deg", max: "360 deg", maxExclusive: true });
    expect(fieldMeta(shape.alt)).toMatchObject({
      kind: "quantity",
      dimension: "length",
      units: ["m", "km", "nmi", "ft", "mi"],
      default: "0 m",
      min: "-1 km",
      max: "1000 km",
    });
  });

  it("enums and switches carry their values, defaults and sources", () => {
    expect(fieldMeta(environmentSchema.shape.earth)).toMatchObject({
      kind: "enum",
      values: ["wgs84", "sphere"],
      default: "wgs84",
      source: expect.stringContaining("TR8350.2"),
    });
    expect(fieldMeta(environmentSchema.shape.rotation)).toMatchObject({ kind: "boolean", default: true });
  });

  it("every leaf of the scenario schema is either described or a kind tag", () => {
    const out: [string, z.core.$ZodType][] = [];
    leaves(scenarioSchema, "", out);
    expect(out.length).toBeGreaterThan(100);
    for (const [path, schema] of out) {
      const def = schema._zod.def as { type: string };
      if (def.type === "literal") {
        expect(path).toMatch(/\.(kind|distribution)$/);
        continue;
      }
      expect(fieldMeta(schema), path).toBeDefined();
    }
    // Spot check: the Walker pattern's fields are found through the sensor union.
    const walker: [string, z.core.$ZodType][] = [];
    leaves(sensorSchema, "sensors[]", walker);
    expect(walker.map(([p]) => p)).toContain("sensors[].walker.altitude");
  });
});
