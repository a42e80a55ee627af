/**
 * Fresh databases for tests, on both dialects. Each test gets its own database: PostgreSQL clones
 * a migrated template (CREATE DATABASE … TEMPLATE, ~50 ms); PGlite loads a migrated data-dir dump.
 * Never a mock: the real engines, the real SQL.
 */
import { createHash } from "node:crypto";
import { readFileSync, readdirSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import pg from "pg";
import { afterEach, beforeEach, describe } from "vitest";
import { loadConfig } from "../config/index.ts";
import { openPglite, openPostgres, type DatabaseHandle, type Dialect } from "../db/connection.ts";
import type { Db } from "../db/database.ts";
import { migrateToLatest } from "../db/migrate.ts";

const config = loadConfig();
const adminUrl = config.env.TEST_POSTGRES_URL;
const migrationsDir = path.join(path.dirname(fileURLToPath(import.meta.url)), "..", "db", "migrations");

function migrationsHash(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(migrationsDir).sort()) hash.update(file).update(readFileSync(path.join(migrationsDir, file)));
  return hash.digest("hex").slice(0, 12);
}

function urlFor(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Why PostgreSQL tests cannot run here, or null when they can. */
async function postgresUnavailableReason(): Promise<string | null> {
  try {
    return await withAdmin(async (client) => {
      const found = await client.query("select 1 from pg_available_extensions where name = 'vector'");
      return found.rowCount ? null : "the pgvector extension is not installed (scripts/ensure-pgvector.sh)";
    });
  } catch (error) {
    return `PostgreSQL is unreachable at ${adminUrl} (${error instanceof Error ? error.message : String(error)})`;
  }
}

const unavailable = await postgresUnavailableReason();
if (unavailable && config.env.REQUIRE_POSTGRES_TESTS) {
  throw new Error(`REQUIRE_POSTGRES_TESTS is set but ${unavailable}`);
}

/** The dialects this run covers: PGlite always, PostgreSQL when reachable (always in CI). */
export const dialects: readonly Dialect[] = unavailable ? ["pglite"] : ["pglite", "postgres"];
export const postgresSkipReason = unavailable;

let templateName: Promise<string> | undefined;

function ensurePostgresTemplate(): Promise<string> {
  templateName ??= withAdmin(async (client) => {
    const name = `bizos_tpl_${migrationsHash()}`;
    await client.query("select pg_advisory_lock(hashtext('bizos_test_template'))");
    try {
      const exists = await client.query("select 1 from pg_database where datname = $1", [name]);
      if (!exists.rowCount) await client.query(`create database "${name}"`);
      const handle = openPostgres(urlFor(name), 1);
      try {
        await migrateToLatest(handle.db);
      } finally {
        await handle.close();
      }
    } finally {
      await client.query("select pg_advisory_unlock(hashtext('bizos_test_template'))");
    }
    return name;
  });
  return templateName;
}

let pgliteTemplate: Promise<Blob> | undefined;

function ensurePgliteTemplate(): Promise<Blob> {
  pgliteTemplate ??= (async () => {
    const handle = await openPglite({ dataDir: "memory://" });
    try {
      await migrateToLatest(handle.db);
      return await handle.pglite.dumpDataDir("none");
    } finally {
      await handle.close();
    }
  })();
  return pgliteTemplate;
}

let counter = 0;

/** A new, migrated, empty database of the given dialect; close() drops it. */
export async function createTestDatabase(dialect: Dialect): Promise<DatabaseHandle> {
  switch (dialect) {
    case "pglite":
      return openPglite({ dataDir: "memory://", loadDataDir: await ensurePgliteTemplate() });
    case "postgres": {
      const template = await ensurePostgresTemplate();
      const name = `bizos_test_${process.pid}_${++counter}_${Math.random().toString(36).slice(2, 8)}`;
      await withAdmin((client) => client.query(`create database "${name}" template "${template}"`));
      const handle = openPostgres(urlFor(name), 4);
      return {
        ...handle,
        close: async () => {
          await handle.close();
          await withAdmin((client) => client.query(`drop database if exists "${name}" with (force)`));
        },
      };
    }
  }
}

export interface DatabaseTestContext {
  readonly dialect: Dialect;
  /** The current test's database (a fresh one for every test). */
  readonly db: () => Db;
  readonly handle: () => DatabaseHandle;
}

/**
 * Runs a suite once per dialect, each test in a fresh database. When PostgreSQL is unreachable
 * outside CI the PostgreSQL copy is not registered, and a note says why (CI sets
 * REQUIRE_POSTGRES_TESTS, which turns that into a failure).
 */
export function describeDatabase(title: string, body: (ctx: DatabaseTestContext) => void): void {
  if (postgresSkipReason) {
    // Written reason for the skip: PostgreSQL is not reachable on this machine (never in CI).
    describe.skip(`${title} [postgres] (skipped: ${postgresSkipReason})`, () => undefined);
  }
  for (const dialect of dialects) {
    describe(`${title} [${dialect}]`, () => {
      let current: DatabaseHandle | undefined;
      beforeEach(async () => {
        current = await createTestDatabase(dialect);
      });
      afterEach(async () => {
        await current?.close();
        current = undefined;
      });
      const handle = () => {
        if (!current) throw new Error("no test database: use db() inside a test or hook");
        return current;
      };
      body({ dialect, db: () => handle().db, handle });
    });
  }
}
