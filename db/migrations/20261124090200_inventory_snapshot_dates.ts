import { sql, type Kysely } from "kysely";

/**
 * Stock snapshots by workspace and date: every inventory answer states how fresh the stock is (the
 * latest snapshot date), which otherwise reads every snapshot of the workspace.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`create index inventory_snapshots_workspace_date on inventory_snapshots (workspace_id, date)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`drop index inventory_snapshots_workspace_date`.execute(db);
}
