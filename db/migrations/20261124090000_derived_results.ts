import { sql, type Kysely } from "kysely";

/**
 * Derived results: analyses over complete days (per-SKU demand forecasts, anomaly findings) stored
 * until the days they read change, and a per-workspace generation bumped by writers of past days.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create table derived_generations (
    workspace_id bigint primary key references workspaces(id) on delete cascade,
    generation bigint not null default 0)`.execute(db);
  await sql`create table derived_results (
    workspace_id bigint not null references workspaces(id) on delete cascade,
    key text not null,
    as_of date not null,
    window_start date not null,
    generation bigint not null,
    result jsonb not null,
    computed_at timestamptz not null default now(),
    primary key (workspace_id, key))`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("derived_results").execute();
  await db.schema.dropTable("derived_generations").execute();
}
