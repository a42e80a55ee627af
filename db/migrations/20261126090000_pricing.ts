import { sql, type Kysely } from "kysely";
import { emptyJson, now, oneOf, tenantTable } from "./columns.ts";

/**
 * What commerce ops needs:
 * - pricing_rules: the workspace's pricing rules (scope 'workspace', scope_value ''), with overrides per
 *   category (scope_value: the category) and per product (scope_value: the product id). settings holds
 *   only the fields the scope overrides (engines/pricing/rules.ts parses them).
 * - price_change_proposals: the product (for cool-downs and answers without a join), the kind of
 *   change (a price change, or the undo of an earlier one and which), its currency, the channel it
 *   was asked on, and details (the suggestion that produced it: competitor prices, margins, expected
 *   units). Pending proposals are found by (workspace, status, expiry).
 * - competitor_prices: one observation per (product, variant, competitor, time), so importing the same
 *   file or feed twice adds nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await tenantTable(db, "pricing_rules")
    .addColumn("scope", "text", (col) => col.notNull())
    .addColumn("scope_value", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("settings", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("pricing_rules_scope", oneOf("scope", ["workspace", "category", "product"]))
    .addUniqueConstraint("pricing_rules_scope_value", ["workspace_id", "scope", "scope_value"])
    .execute();

  await db.schema
    .alterTable("price_change_proposals")
    .addColumn("product_id", "bigint", (col) => col.references("products.id").onDelete("cascade"))
    .addColumn("kind", "text", (col) => col.notNull().defaultTo("change"))
    .addColumn("undo_of_id", "bigint", (col) => col.references("price_change_proposals.id").onDelete("set null"))
    .addColumn("currency", "char(3)")
    .addColumn("requested_channel", "text")
    .addColumn("details", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .execute();
  await db.schema.alterTable("price_change_proposals").addCheckConstraint("price_change_proposals_kind", oneOf("kind", ["change", "undo"])).execute();
  await db.schema.createIndex("price_change_proposals_pending").on("price_change_proposals").columns(["workspace_id", "status", "expires_at"]).execute();
  await db.schema.createIndex("price_change_proposals_product").on("price_change_proposals").columns(["product_id"]).execute();
  await db.schema.createIndex("price_change_proposals_undo_of").on("price_change_proposals").columns(["undo_of_id"]).execute();

  await sql`create unique index competitor_prices_observation on competitor_prices (workspace_id, product_id, coalesce(variant_id, 0), competitor, observed_at)`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("competitor_prices_observation").execute();
  await db.schema.dropIndex("price_change_proposals_undo_of").execute();
  await db.schema.dropIndex("price_change_proposals_product").execute();
  await db.schema.dropIndex("price_change_proposals_pending").execute();
  await db.schema.alterTable("price_change_proposals").dropConstraint("price_change_proposals_kind").execute();
  await db.schema
    .alterTable("price_change_proposals")
    .dropColumn("details")
    .dropColumn("requested_channel")
    .dropColumn("currency")
    .dropColumn("undo_of_id")
    .dropColumn("kind")
    .dropColumn("product_id")
    .execute();
  await db.schema.dropTable("pricing_rules").execute();
}
