import type { Kysely } from "kysely";
import { oneOf } from "./columns.ts";

/**
 * competitor_feed connectors: a competitor-price JSON feed that syncs on the schedule like a store.
 * The provider lists are written out here rather than read from CONNECTOR_PROVIDERS, so this
 * migration keeps meaning what it meant when the list grows again.
 *
 * Down removes the competitor_feed connectors (their sync runs go with them) before putting the old
 * constraint back, which they would break; the prices they brought stay in competitor_prices, as
 * the prices of a manual import would.
 */
const BEFORE = ["shopify", "stripe", "meta_ads", "google_ads", "ga4", "mercadolibre", "amazon", "csv"] as const;
const AFTER = [...BEFORE, "competitor_feed"] as const;

async function replaceProviderCheck(db: Kysely<unknown>, providers: readonly string[]): Promise<void> {
  await db.schema.alterTable("connectors").dropConstraint("connectors_provider").execute();
  await db.schema.alterTable("connectors").addCheckConstraint("connectors_provider", oneOf("provider", providers)).execute();
}

export async function up(db: Kysely<unknown>): Promise<void> {
  await replaceProviderCheck(db, AFTER);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  const connectors = db.withTables<{ connectors: { provider: string } }>();
  await connectors.deleteFrom("connectors").where("provider", "=", "competitor_feed").execute();
  await replaceProviderCheck(db, BEFORE);
}
