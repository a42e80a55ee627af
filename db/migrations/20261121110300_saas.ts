import { sql, type Kysely } from "kysely";
import { MRR_CHANGE_KINDS, SUBSCRIPTION_STATUSES } from "../schema/saas.ts";
import { now, oneOf, tenantTable } from "./columns.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await tenantTable(db, "plans")
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("interval", "text", (col) => col.notNull())
    .addColumn("price_cents", "bigint", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("plans_interval", oneOf("interval", ["month", "year"]))
    .addUniqueConstraint("plans_natural_key", ["workspace_id", "external_id"])
    .execute();

  await tenantTable(db, "saas_customers")
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("email", "text")
    .addColumn("country", "text")
    .addColumn("created_at", "timestamptz", (col) => col.notNull())
    .addUniqueConstraint("saas_customers_natural_key", ["workspace_id", "external_id"])
    .execute();

  await tenantTable(db, "subscriptions")
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("customer_id", "bigint", (col) => col.notNull().references("saas_customers.id").onDelete("cascade"))
    .addColumn("plan_id", "bigint", (col) => col.notNull().references("plans.id"))
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("quantity", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("mrr_cents", "bigint", (col) => col.notNull())
    .addColumn("trial_start", "timestamptz")
    .addColumn("trial_end", "timestamptz")
    .addColumn("started_at", "timestamptz", (col) => col.notNull())
    .addColumn("canceled_at", "timestamptz")
    .addCheckConstraint("subscriptions_status", oneOf("status", SUBSCRIPTION_STATUSES))
    .addUniqueConstraint("subscriptions_natural_key", ["workspace_id", "external_id"])
    .execute();
  await db.schema.createIndex("subscriptions_customer").on("subscriptions").column("customer_id").execute();

  await tenantTable(db, "subscription_mrr_changes")
    .addColumn("subscription_id", "bigint", (col) => col.notNull().references("subscriptions.id").onDelete("cascade"))
    .addColumn("changed_at", "timestamptz", (col) => col.notNull())
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("from_mrr_cents", "bigint", (col) => col.notNull())
    .addColumn("to_mrr_cents", "bigint", (col) => col.notNull())
    .addCheckConstraint("subscription_mrr_changes_kind", oneOf("kind", MRR_CHANGE_KINDS))
    .execute();
  await db.schema
    .createIndex("subscription_mrr_changes_time")
    .on("subscription_mrr_changes")
    .columns(["workspace_id", "changed_at"])
    .execute();

  await tenantTable(db, "invoices")
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("subscription_id", "bigint", (col) => col.references("subscriptions.id").onDelete("set null"))
    .addColumn("customer_id", "bigint", (col) => col.notNull().references("saas_customers.id").onDelete("cascade"))
    .addColumn("issued_at", "timestamptz", (col) => col.notNull())
    .addColumn("period_start", "timestamptz", (col) => col.notNull())
    .addColumn("period_end", "timestamptz", (col) => col.notNull())
    .addColumn("amount_cents", "bigint", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull())
    .addCheckConstraint("invoices_status", oneOf("status", ["paid", "open", "void", "uncollectible"]))
    .addCheckConstraint("invoices_period", sql`period_end >= period_start`)
    .addUniqueConstraint("invoices_natural_key", ["workspace_id", "external_id"])
    .execute();
  await db.schema.createIndex("invoices_time").on("invoices").columns(["workspace_id", "issued_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["invoices", "subscription_mrr_changes", "subscriptions", "saas_customers", "plans"]) {
    await db.schema.dropTable(table).execute();
  }
}
