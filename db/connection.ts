import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { createPgConfig } from "@electric-sql/pglite/node-postgres";
import { vector } from "@electric-sql/pglite-pgvector";
import { Kysely, PostgresDialect, sql } from "kysely";
import pg from "pg";
import type { DatabaseTarget } from "../config/index.ts";
import { silentLogger, type Logger } from "../lib/logger.ts";
import type { Database, Db } from "./database.ts";

export type Dialect = DatabaseTarget["kind"];

export interface DatabaseHandle {
  readonly db: Db;
  readonly dialect: Dialect;
  /** Where the data lives, for people (no password). */
  readonly location: string;
  /** The pg pool under `db`, for libraries that take one (the LangGraph checkpointer). Same connections. */
  readonly pool: pg.Pool;
  close(): Promise<void>;
}

const INT8_OID = 20;
const NUMERIC_OID = 1700;
const DATE_OID = 1082;

/**
 * Result parsing shared by both dialects: int8 and numeric become numbers (ids, cents and sums stay
 * far below 2^53), date stays 'YYYY-MM-DD' (no time zone shift). Everything else is pg's default.
 */
const typeOverrides = {
  getTypeParser(oid: number, format?: "text" | "binary") {
    switch (oid) {
      case INT8_OID:
      case NUMERIC_OID:
        return (value: string) => Number(value);
      case DATE_OID:
        return (value: string) => value;
      default:
        return pg.types.getTypeParser(oid, format) as (value: string) => unknown;
    }
  },
};

export interface PgliteOptions {
  /** A directory, or "memory://" for an in-memory database. */
  readonly dataDir: string;
  /** A tarball from dumpDataDir() to start from (fast clones in tests). */
  readonly loadDataDir?: Blob;
}

/** Opens the configured database: PostgreSQL over a pg Pool, or PGlite behind the same pg interface. */
export async function openDatabase(target: DatabaseTarget, logger: Logger = silentLogger): Promise<DatabaseHandle> {
  switch (target.kind) {
    case "postgres":
      return openPostgres(target.url, target.poolMax, logger);
    case "pglite":
      return openPglite({ dataDir: target.dataDir });
  }
}

export function openPostgres(url: string, poolMax = 10, logger: Logger = silentLogger): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolMax, types: typeOverrides });
  // An idle connection can die (server restart, admin termination). Without a listener pg
  // re-emits that as an unhandled 'error' and the process exits; the pool replaces the client.
  pool.on("error", (error) => logger.warn("database connection lost; the pool will reconnect", { error }));
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "postgres",
    location: redactUrl(url),
    pool,
    close: () => db.destroy(),
  };
}

export async function openPglite(options: PgliteOptions): Promise<DatabaseHandle & { readonly pglite: PGlite }> {
  if (!options.dataDir.startsWith("memory://")) mkdirSync(options.dataDir, { recursive: true });
  const pglite = await PGlite.create(options.dataDir, {
    extensions: { vector },
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
  });
  // PGlite is one connection; the pool serialises every query through it.
  const pool = new pg.Pool({ ...createPgConfig(pglite), max: 1, types: typeOverrides });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: "pglite",
    location: options.dataDir,
    pool,
    pglite,
    close: async () => {
      await db.destroy();
      await pglite.close();
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return "postgres://(unparseable url)";
  }
}

export class DatabaseUnavailableError extends Error {
  override readonly name = "DatabaseUnavailableError";
}

/** Fails early, with a message a person can act on, when the database cannot be reached. */
export async function checkConnection(handle: DatabaseHandle): Promise<void> {
  try {
    await sql`select 1`.execute(handle.db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    const hint = /does not exist/.test(reason)
      ? ` Create it first (createdb ${new URL(handle.location).pathname.slice(1)}), or unset DATABASE_URL to use the embedded database.`
      : " Check DATABASE_URL, or unset it to use the embedded database.";
    throw new DatabaseUnavailableError(`Cannot use the ${handle.dialect} database at ${handle.location}: ${reason}.${hint}`, { cause: error });
  }
}
