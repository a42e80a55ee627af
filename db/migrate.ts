import { Migrator, NO_MIGRATIONS, sql, type MigrationResult } from "kysely";
import type { Db } from "./database.ts";
import { migrationProvider } from "./migrations/index.ts";

export interface MigrationState {
  readonly name: string;
  readonly executedAt: Date | null;
}

export class MigrationError extends Error {
  override readonly name = "MigrationError";
  constructor(
    message: string,
    readonly results: readonly MigrationResult[],
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function migrator(db: Db): Migrator {
  return new Migrator({ db, provider: migrationProvider });
}

function check(results: readonly MigrationResult[] | undefined, error: unknown, verb: string): readonly MigrationResult[] {
  if (error) {
    const failed = results?.find((result) => result.status === "Error");
    const reason = error instanceof Error ? error.message : JSON.stringify(error);
    const hint = /extension "vector"/.test(reason)
      ? " The pgvector extension must be installed in this PostgreSQL (on Debian: bash scripts/ensure-pgvector.sh)."
      : "";
    throw new MigrationError(`Migration ${verb} failed${failed ? ` at ${failed.migrationName}` : ""}: ${reason}${hint}`, results ?? [], {
      cause: error,
    });
  }
  return results ?? [];
}

/** Applies every pending migration; returns the ones applied now. */
export async function migrateToLatest(db: Db): Promise<readonly MigrationResult[]> {
  const { results, error } = await migrator(db).migrateToLatest();
  return check(results, error, "up");
}

/** Reverts the most recent migration. */
export async function migrateDown(db: Db): Promise<readonly MigrationResult[]> {
  const { results, error } = await migrator(db).migrateDown();
  return check(results, error, "down");
}

/** Reverts every migration, newest first. */
export async function migrateToZero(db: Db): Promise<readonly MigrationResult[]> {
  const { results, error } = await migrator(db).migrateTo(NO_MIGRATIONS);
  return check(results, error, "down");
}

export async function migrationStatus(db: Db): Promise<readonly MigrationState[]> {
  const list = await migrator(db).getMigrations();
  return list.map((info) => ({ name: info.name, executedAt: info.executedAt ?? null }));
}

/** Drops every table (and the migration history) in the public schema, then migrates from scratch. */
export async function resetDatabase(db: Db): Promise<readonly MigrationResult[]> {
  await sql`drop schema if exists public cascade`.execute(db);
  await sql`create schema public`.execute(db);
  return migrateToLatest(db);
}
