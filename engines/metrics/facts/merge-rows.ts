import type { FactRow } from "./types.ts";

function key(row: FactRow): string {
  return `${row.bucket ?? "\u0002"}|${row.member ?? "\u0002"}`;
}

/** Joins rows of the same groups computed by different statements (rollup sums + raw distinct counts). */
export function mergeRows(...parts: readonly (readonly FactRow[])[]): FactRow[] {
  const merged = new Map<string, FactRow>();
  for (const rows of parts) {
    for (const row of rows) {
      const existing = merged.get(key(row));
      merged.set(key(row), existing ? { ...existing, values: { ...existing.values, ...row.values } } : row);
    }
  }
  return [...merged.values()];
}
