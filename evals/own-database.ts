/**
 * A database of a run's own, apart from the configured one: a PostgreSQL database created by name on
 * a server (dropped first when fresh; dropped again on close when the run is throwaway), or PGlite
 * in a directory (emptied first when fresh; removed on close when throwaway). The memory eval and
 * the memory benchmark open theirs with it.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import pg from "pg";
import { openPglite, openPostgres, type DatabaseHandle, type Dialect } from "../db/connection.ts";

/** The local server the benchmarks and the memory eval use unless --url says otherwise. */
export const DEFAULT_SERVER_URL = "postgres://postgres@127.0.0.1:5432";

export interface OwnDatabaseOptions {
  readonly dialect: Dialect;
  /** PostgreSQL: the database's name on the server. */
  readonly name: string;
  /** PostgreSQL: the server (its path is replaced by the database's name). */
  readonly serverUrl: string;
  /** PGlite: the data directory. */
  readonly dir: string;
  /** Start empty: drop the database (remove the directory) first. */
  readonly fresh: boolean;
  /** Drop the database (remove the directory) on close. */
  readonly dropOnClose: boolean;
  readonly poolMax?: number;
}

async function withServer<T>(serverUrl: string, fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: new URL("/postgres", serverUrl).toString() });
  await admin.connect();
  try {
    return await fn(admin);
  } finally {
    await admin.end();
  }
}

async function openOwnPostgres(options: OwnDatabaseOptions): Promise<DatabaseHandle> {
  const quoted = `"${options.name.replaceAll('"', '""')}"`;
  await withServer(options.serverUrl, async (admin) => {
    if (options.fresh) await admin.query(`drop database if exists ${quoted} with (force)`);
    const exists = await admin.query("select 1 from pg_database where datname = $1", [options.name]);
    if (!exists.rowCount) await admin.query(`create database ${quoted}`);
  });
  const handle = openPostgres(new URL(`/${options.name}`, options.serverUrl).toString(), options.poolMax ?? 4);
  if (!options.dropOnClose) return handle;
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await withServer(options.serverUrl, (admin) => admin.query(`drop database if exists ${quoted} with (force)`));
    },
  };
}

async function openOwnPglite(options: OwnDatabaseOptions): Promise<DatabaseHandle> {
  if (options.fresh && existsSync(options.dir)) rmSync(options.dir, { recursive: true, force: true });
  mkdirSync(options.dir, { recursive: true });
  const handle = await openPglite({ dataDir: options.dir });
  if (!options.dropOnClose) return handle;
  return {
    ...handle,
    close: async () => {
      await handle.close();
      rmSync(options.dir, { recursive: true, force: true });
    },
  };
}

/** Opens (creating when needed) the run's database; not migrated. */
export function openOwnDatabase(options: OwnDatabaseOptions): Promise<DatabaseHandle> {
  return options.dialect === "postgres" ? openOwnPostgres(options) : openOwnPglite(options);
}
