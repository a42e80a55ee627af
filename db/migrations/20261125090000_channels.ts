import { sql, type Kysely } from "kysely";
import { now, oneOf } from "./columns.ts";

/**
 * What the channels need:
 * - inbound_events: one row per provider event (Slack event id, WhatsApp message id, email
 *   Message-ID) so a retried or duplicated delivery is answered once. Keyed by channel, not by
 *   workspace: the sender may belong to none (an unknown sender still gets one polite reply).
 * - channel_identities.last_inbound_at: when the person last wrote on that channel (WhatsApp's
 *   24-hour customer-service window).
 * - outbox: the member it is for (to release held messages), why it was queued (reply or
 *   proactive), the provider's message id, a 'held' status for messages waiting for the person's
 *   next message, and a nullable workspace_id for replies to unknown senders.
 * - messages: (workspace, member, time) for the per-member rate limit.
 */
const OUTBOX_STATUSES_BEFORE = ["pending", "sending", "sent", "failed", "dead"];
const OUTBOX_STATUSES_AFTER = ["pending", "sending", "sent", "held", "dead"];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable("inbound_events")
    .addColumn("channel", "text", (col) => col.notNull())
    .addColumn("event_id", "text", (col) => col.notNull())
    .addColumn("received_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addPrimaryKeyConstraint("inbound_events_pkey", ["channel", "event_id"])
    .execute();
  await db.schema.createIndex("inbound_events_received").on("inbound_events").column("received_at").execute();

  await db.schema.alterTable("channel_identities").addColumn("last_inbound_at", "timestamptz").execute();

  await db.schema.alterTable("outbox").dropConstraint("outbox_status").execute();
  await sql`update outbox set status = 'pending' where status = 'failed'`.execute(db);
  await db.schema.alterTable("outbox").addCheckConstraint("outbox_status", oneOf("status", OUTBOX_STATUSES_AFTER)).execute();
  await db.schema
    .alterTable("outbox")
    .addColumn("member_id", "bigint", (col) => col.references("members.id").onDelete("set null"))
    .addColumn("kind", "text", (col) => col.notNull().defaultTo("reply"))
    .addColumn("provider_message_id", "text")
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema.alterTable("outbox").addCheckConstraint("outbox_kind", oneOf("kind", ["reply", "proactive"])).execute();
  await db.schema.alterTable("outbox").alterColumn("workspace_id", (col) => col.dropNotNull()).execute();
  await db.schema.createIndex("outbox_member_status").on("outbox").columns(["member_id", "status"]).execute();
  await db.schema.createIndex("outbox_provider_message").on("outbox").columns(["channel", "provider_message_id"]).execute();
  await db.schema.createIndex("outbox_workspace_status").on("outbox").columns(["workspace_id", "status"]).execute();

  await db.schema.createIndex("messages_member_time").on("messages").columns(["workspace_id", "member_id", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("messages_member_time").execute();
  for (const index of ["outbox_workspace_status", "outbox_provider_message", "outbox_member_status"]) await db.schema.dropIndex(index).execute();
  await sql`delete from outbox where workspace_id is null`.execute(db);
  await db.schema.alterTable("outbox").alterColumn("workspace_id", (col) => col.setNotNull()).execute();
  await db.schema.alterTable("outbox").dropConstraint("outbox_kind").execute();
  for (const column of ["updated_at", "provider_message_id", "kind", "member_id"]) await db.schema.alterTable("outbox").dropColumn(column).execute();
  await db.schema.alterTable("outbox").dropConstraint("outbox_status").execute();
  await sql`update outbox set status = 'pending' where status = 'held'`.execute(db);
  await db.schema.alterTable("outbox").addCheckConstraint("outbox_status", oneOf("status", OUTBOX_STATUSES_BEFORE)).execute();
  await db.schema.alterTable("channel_identities").dropColumn("last_inbound_at").execute();
  await db.schema.dropTable("inbound_events").execute();
}
