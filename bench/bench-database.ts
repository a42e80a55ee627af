/**
 * The seeded demo database the benchmarks share, kept between runs: PostgreSQL database
 * bizos_bench_metrics_<orders>, or PGlite under .data/bench/metrics-<orders>. Seeded once (or again
 * with fresh); later runs only migrate.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { openPglite, openPostgres, type DatabaseHandle, type Dialect } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import { seedDemo } from "../demo/index.ts";
import { phasePrinter } from "./phase-printer.ts";

export const BENCH_END = "2026-11-21";

export interface BenchDatabaseOptions {
  readonly dialect: Dialect;
  readonly orders: number;
  /** Server URL for PostgreSQL (the database name is replaced). */
  readonly url: string;
  readonly fresh: boolean;
  readonly out: (line: string) => void;
}

async function open(options: BenchDatabaseOptions): Promise<{ handle: DatabaseHandle; created: boolean }> {
  if (options.dialect === "postgres") {
    const name = `bizos_bench_metrics_${options.orders}`;
    const admin = new pg.Client({ connectionString: new URL("/postgres", options.url).toString() });
    await admin.connect();
    try {
      if (options.fresh) await admin.query(`drop database if exists "${name}" with (force)`);
      const exists = await admin.query("select 1 from pg_database where datname = $1", [name]);
      if (!exists.rowCount) await admin.query(`create database "${name}"`);
      return { handle: openPostgres(new URL(`/${name}`, options.url).toString(), 4), created: !exists.rowCount };
    } finally {
      await admin.end();
    }
  }
  const dir = path.resolve(".data", "bench", `metrics-${options.orders}`);
  if (options.fresh) rmSync(dir, { recursive: true, force: true });
  const created = !existsSync(dir);
  mkdirSync(dir, { recursive: true });
  return { handle: await openPglite({ dataDir: dir }), created };
}

/** Opens (and if needed seeds) the benchmark database, migrated to the latest schema. */
export async function openBenchDatabase(options: BenchDatabaseOptions): Promise<DatabaseHandle> {
  const { handle, created } = await open(options);
  await migrateToLatest(handle.db);
  if (created || !(await findWorkspaceBySlug(handle.db, "demo"))) {
    options.out("seeding (once; kept for later runs):");
    await seedDemo(handle.db, { orders: options.orders, seed: 42, end: BENCH_END, replace: true, progress: phasePrinter(options.out) });
  }
  return handle;
}

export function percentile(sorted: readonly number[], p: number): number {
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[index] ?? Number.NaN;
}
