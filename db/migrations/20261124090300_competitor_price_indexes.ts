import type { Kysely } from "kysely";

/**
 * Competitor observations by time, and by competitor, within a workspace. A price comparison reads
 * one window of observations, states how fresh they are (the latest observation), lists the
 * competitors the workspace tracks (one index probe per name) and finds each series' last
 * observation before the window (a probe per competitor and product, newest first); without these,
 * each of those reads every observation of the workspace however short the window.
 */
const INDEXES: readonly { readonly name: string; readonly columns: readonly string[] }[] = [
  { name: "competitor_prices_workspace_time", columns: ["workspace_id", "observed_at"] },
  { name: "competitor_prices_workspace_competitor", columns: ["workspace_id", "competitor", "product_id", "observed_at"] },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of INDEXES) await db.schema.createIndex(index.name).on("competitor_prices").columns([...index.columns]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [...INDEXES].reverse()) await db.schema.dropIndex(index.name).execute();
}
