/** Helpers shared by the CSV import tests: fixture paths, scratch files, and row counts per table. */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { sql } from "kysely";
import type { Db } from "../../db/database.ts";
import type { Progress } from "../../lib/progress.ts";

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function fixture(name: string): string {
  return path.join(repoRoot, "test", "fixtures", "csv", name);
}

let scratchDir: string | undefined;

/** Writes a file into a per-process scratch directory and returns its path. */
export function scratchFile(name: string, content: string | Buffer): string {
  scratchDir ??= mkdtempSync(path.join(tmpdir(), "bizos-csv-"));
  const file = path.join(scratchDir, name);
  writeFileSync(file, content);
  return file;
}

/** A fixture's text with some replacements, as a new scratch file (same encoding: UTF-8 fixtures only). */
export function variantOf(fixtureName: string, name: string, edit: (text: string) => string): string {
  return scratchFile(name, edit(readFileSync(fixture(fixtureName), "utf8")));
}

const TABLES = ["orders", "order_items", "customers", "products", "variants", "refunds", "imports"] as const;
export type CountedTable = (typeof TABLES)[number];

/** Row counts of the tables an import writes, for one workspace or for all. */
export async function countRows(db: Db, workspaceId?: number): Promise<Record<CountedTable, number>> {
  const counts: Record<CountedTable, number> = { orders: 0, order_items: 0, customers: 0, products: 0, variants: 0, refunds: 0, imports: 0 };
  for (const table of TABLES) {
    const where = workspaceId === undefined ? sql`` : sql` where workspace_id = ${workspaceId}`;
    const result = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}${where}`.execute(db);
    counts[table] = Number(result.rows[0]?.n ?? 0);
  }
  return counts;
}

/** A Progress that records what it was told. */
export function recordingProgress(): Progress & { readonly phases: { label: string; total: number | null; advanced: number; finished: boolean }[] } {
  const phases: { label: string; total: number | null; advanced: number; finished: boolean }[] = [];
  return {
    phases,
    start: (label, total) => phases.push({ label, total, advanced: 0, finished: false }),
    advance: (n) => {
      const current = phases.at(-1);
      if (current) current.advanced += n;
    },
    finish: () => {
      const current = phases.at(-1);
      if (current) current.finished = true;
    },
  };
}
