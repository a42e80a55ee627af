import { sql, type Kysely } from "kysely";
import { IDENTITY_CHANNELS, LOCALES, ROLES, VERTICALS, WEEK_STARTS } from "../schema/core.ts";
import { emptyJson, now, oneOf, tenantTable } from "./columns.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("workspaces")
    .addColumn("id", "bigint", (col) => col.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("slug", "text", (col) => col.notNull().unique())
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("vertical", "text", (col) => col.notNull())
    .addColumn("currency", "char(3)", (col) => col.notNull())
    .addColumn("timezone", "text", (col) => col.notNull())
    .addColumn("locale", "text", (col) => col.notNull())
    .addColumn("week_start", "text", (col) => col.notNull().defaultTo("monday"))
    .addColumn("settings", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("workspaces_slug_format", sql`slug ~ '^[a-z0-9][a-z0-9-]{0,62}$'`)
    .addCheckConstraint("workspaces_vertical", oneOf("vertical", VERTICALS))
    .addCheckConstraint("workspaces_currency", sql`currency ~ '^[A-Z]{3}$'`)
    .addCheckConstraint("workspaces_locale", oneOf("locale", LOCALES))
    .addCheckConstraint("workspaces_week_start", oneOf("week_start", WEEK_STARTS))
    .execute();

  await tenantTable(db, "members")
    .addColumn("name", "text", (col) => col.notNull())
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("language", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("members_role", oneOf("role", ROLES))
    .addCheckConstraint("members_language", oneOf("language", LOCALES))
    .execute();
  await db.schema.createIndex("members_workspace").on("members").column("workspace_id").execute();

  await tenantTable(db, "channel_identities")
    .addColumn("member_id", "bigint", (col) => col.notNull().references("members.id").onDelete("cascade"))
    .addColumn("channel", "text", (col) => col.notNull())
    .addColumn("external_id", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("channel_identities_channel", oneOf("channel", IDENTITY_CHANNELS))
    .addUniqueConstraint("channel_identities_unique", ["channel", "external_id"])
    .execute();
  await db.schema.createIndex("channel_identities_member").on("channel_identities").column("member_id").execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("channel_identities").execute();
  await db.schema.dropTable("members").execute();
  await db.schema.dropTable("workspaces").execute();
}
