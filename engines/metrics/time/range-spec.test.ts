import { describe, expect, it } from "vitest";
import { z } from "zod";
import { rangeSpecSchema } from "./range-spec.ts";

/** Every property of every object in a JSON schema, with its path. */
function properties(node: unknown, path = ""): Array<{ path: string; schema: object }> {
  if (typeof node !== "object" || node === null) return [];
  const found: Array<{ path: string; schema: object }> = [];
  const entries: Array<[string, unknown]> = Object.entries(node);
  for (const [key, value] of entries) {
    if (key === "properties" && typeof value === "object" && value !== null) {
      const named: Array<[string, unknown]> = Object.entries(value);
      for (const [name, schema] of named) {
        if (typeof schema === "object" && schema !== null) found.push({ path: `${path}.${name}`, schema });
      }
    }
    found.push(...properties(value, `${path}/${key}`));
  }
  return found;
}

describe("range spec schema", () => {
  it("describes every field for LLM tools", () => {
    const json = z.toJSONSchema(rangeSpecSchema);
    const fields = properties(json);
    expect(fields.length).toBeGreaterThan(20);
    expect(fields.filter((field) => !("description" in field.schema) || typeof field.schema.description !== "string").map((field) => field.path)).toEqual([]);
  });

  it("accepts each kind and rejects bad values", () => {
    expect(rangeSpecSchema.safeParse({ kind: "last", n: 7, unit: "day" }).success).toBe(true);
    expect(rangeSpecSchema.safeParse({ kind: "since", month: 9, year: 2025 }).success).toBe(true);
    expect(rangeSpecSchema.safeParse({ kind: "last", n: 1.5, unit: "day" }).success).toBe(false);
    expect(rangeSpecSchema.safeParse({ kind: "this", unit: "day" }).success).toBe(false);
    expect(rangeSpecSchema.safeParse({ kind: "since", start: "2026-09-01", month: 9 }).success).toBe(false);
    expect(rangeSpecSchema.safeParse({ kind: "month", month: 10, fromDay: 20, toDay: 10 }).success).toBe(false);
    expect(rangeSpecSchema.safeParse({ kind: "between", start: "2026-02-29", end: "2026-03-01" }).success).toBe(false);
    expect(rangeSpecSchema.safeParse({ kind: "fortnight" }).success).toBe(false);
  });
});
