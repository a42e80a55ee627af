/**
 * Demo seed benchmark: a fresh database, migrated, seeded; prints elapsed time, orders per second,
 * peak memory and database size.
 *
 *   npx tsx bench/seed-demo.ts --dialect postgres|pglite --orders N [--seed S] [--end YYYY-MM-DD]
 *                              [--url postgres://postgres@127.0.0.1:5432] [--keep]
 *
 * PostgreSQL: creates a database on the server at --url and drops it afterwards (unless --keep).
 * PGlite: a fresh data directory under the system temp directory, removed afterwards (unless --keep).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { sql } from "kysely";
import pg from "pg";
import { openPglite, openPostgres, type DatabaseHandle } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { defaultDemoEnd, seedDemo } from "../demo/index.ts";
import { systemClock } from "../lib/clock.ts";
import { phasePrinter } from "./phase-printer.ts";
import { dialectFlag } from "./bench-args.ts";

const { values } = parseArgs({
  options: {
    dialect: { type: "string", default: "postgres" },
    orders: { type: "string", default: "1000000" },
    seed: { type: "string", default: "42" },
    end: { type: "string" },
    url: { type: "string", default: "postgres://postgres@127.0.0.1:5432" },
    keep: { type: "boolean", default: false },
  },
});

const dialect = dialectFlag(values.dialect);
const orders = Number(values.orders);
const seed = Number(values.seed);
const end = values.end ?? defaultDemoEnd(systemClock);
const out = (line: string) => process.stdout.write(`${line}\n`);

async function openFresh(): Promise<{ handle: DatabaseHandle; cleanup: () => Promise<void> }> {
  if (dialect === "postgres") {
    const name = `bizos_bench_${process.pid}`;
    const adminUrl = new URL(values.url);
    adminUrl.pathname = "/postgres";
    const admin = async (statement: string) => {
      const client = new pg.Client({ connectionString: adminUrl.toString() });
      await client.connect();
      try {
        await client.query(statement);
      } finally {
        await client.end();
      }
    };
    await admin(`create database "${name}"`);
    const url = new URL(values.url);
    url.pathname = `/${name}`;
    const handle = openPostgres(url.toString(), 4);
    return { handle, cleanup: () => (values.keep ? Promise.resolve() : admin(`drop database if exists "${name}" with (force)`)) };
  }
  const dir = mkdtempSync(path.join(tmpdir(), "bizos-bench-"));
  const handle = await openPglite({ dataDir: dir });
  return {
    handle,
    cleanup: () => {
      if (!values.keep) rmSync(dir, { recursive: true, force: true });
      return Promise.resolve();
    },
  };
}

const { handle, cleanup } = await openFresh();
try {
  out(`seed-demo bench: ${dialect} at ${handle.location}, ${orders.toLocaleString("en")} orders, seed ${seed}, end ${end}`);
  await migrateToLatest(handle.db);
  const startedAt = performance.now();
  const manifest = await seedDemo(handle.db, { orders, seed, end, progress: phasePrinter(out) });
  const seconds = (performance.now() - startedAt) / 1000;
  const totalOrders = manifest.workspaces.reduce((acc, w) => acc + w.orders, 0);
  const size = await sql<{ bytes: number }>`select pg_database_size(current_database()) as bytes`.execute(handle.db);
  const bytes = Number(size.rows[0]?.bytes ?? 0);
  out(`elapsed      ${seconds.toFixed(1)} s`);
  out(`orders       ${totalOrders.toLocaleString("en")} (${Math.round(totalOrders / seconds).toLocaleString("en")} orders/s)`);
  out(`peak RSS     ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
  out(`database     ${(bytes / 1024 ** 2).toFixed(0)} MB`);
} finally {
  await handle.close();
  await cleanup();
}
