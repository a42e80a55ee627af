import type { Kysely } from "kysely";
import { AD_PLATFORMS } from "../schema/marketing.ts";
import { now, oneOf, tenantFactTable, tenantTable } from "./columns.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await tenantTable(db, "ad_campaigns")
    .addColumn("platform", "text", (col) => col.notNull())
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("objective", "text")
    .addColumn("status", "text", (col) => col.notNull().defaultTo("active"))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("ad_campaigns_platform", oneOf("platform", AD_PLATFORMS))
    .addCheckConstraint("ad_campaigns_status", oneOf("status", ["active", "paused", "archived"]))
    .addUniqueConstraint("ad_campaigns_natural_key", ["workspace_id", "platform", "external_id"])
    .execute();

  await tenantFactTable(db, "ad_spend_daily")
    .addColumn("campaign_id", "bigint", (col) => col.notNull().references("ad_campaigns.id").onDelete("cascade"))
    .addColumn("date", "date", (col) => col.notNull())
    .addColumn("spend_cents", "bigint", (col) => col.notNull())
    .addColumn("impressions", "bigint", (col) => col.notNull())
    .addColumn("clicks", "bigint", (col) => col.notNull())
    .addColumn("conversions", "integer", (col) => col.notNull())
    .addColumn("conversion_value_cents", "bigint", (col) => col.notNull())
    .addPrimaryKeyConstraint("ad_spend_daily_pk", ["workspace_id", "campaign_id", "date"])
    .execute();

  await tenantFactTable(db, "web_sessions_daily")
    .addColumn("date", "date", (col) => col.notNull())
    .addColumn("source", "text", (col) => col.notNull())
    .addColumn("medium", "text", (col) => col.notNull())
    .addColumn("sessions", "integer", (col) => col.notNull())
    .addColumn("users", "integer", (col) => col.notNull())
    .addColumn("conversions", "integer", (col) => col.notNull())
    .addPrimaryKeyConstraint("web_sessions_daily_pk", ["workspace_id", "date", "source", "medium"])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["web_sessions_daily", "ad_spend_daily", "ad_campaigns"]) {
    await db.schema.dropTable(table).execute();
  }
}
