import type { Kysely } from "kysely";

/**
 * Indexes on foreign-key columns that had none. Without them, deleting a variant or subscription
 * (and so a whole workspace, through ON DELETE CASCADE) scans the child table once per parent row,
 * and per-variant or per-subscription lookups scan whole tables.
 */
const INDEXES: readonly { readonly name: string; readonly table: string; readonly columns: readonly string[] }[] = [
  { name: "order_items_variant", table: "order_items", columns: ["variant_id"] },
  { name: "inventory_snapshots_variant", table: "inventory_snapshots", columns: ["variant_id", "date"] },
  { name: "competitor_prices_variant", table: "competitor_prices", columns: ["variant_id"] },
  { name: "price_change_proposals_variant", table: "price_change_proposals", columns: ["variant_id"] },
  { name: "invoices_subscription", table: "invoices", columns: ["subscription_id"] },
  { name: "invoices_customer", table: "invoices", columns: ["customer_id"] },
  { name: "subscription_mrr_changes_subscription", table: "subscription_mrr_changes", columns: ["subscription_id", "changed_at"] },
  { name: "subscriptions_plan", table: "subscriptions", columns: ["plan_id"] },
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const index of INDEXES) await db.schema.createIndex(index.name).on(index.table).columns([...index.columns]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const index of [...INDEXES].reverse()) await db.schema.dropIndex(index.name).execute();
}
