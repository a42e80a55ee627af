import { sql, type Kysely } from "kysely";
import { PROPOSAL_STATUSES } from "../schema/operations.ts";
import { emptyJson, now, oneOf, tenantTable } from "./columns.ts";

export async function up(db: Kysely<unknown>): Promise<void> {
  await tenantTable(db, "competitor_prices")
    .addColumn("product_id", "bigint", (col) => col.notNull().references("products.id").onDelete("cascade"))
    .addColumn("variant_id", "bigint", (col) => col.references("variants.id").onDelete("cascade"))
    .addColumn("competitor", "text", (col) => col.notNull())
    .addColumn("url", "text")
    .addColumn("price_cents", "bigint", (col) => col.notNull())
    .addColumn("currency", "char(3)", (col) => col.notNull())
    .addColumn("in_stock", "boolean", (col) => col.notNull().defaultTo(true))
    .addColumn("observed_at", "timestamptz", (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex("competitor_prices_product_time")
    .on("competitor_prices")
    .columns(["workspace_id", "product_id", "observed_at"])
    .execute();

  await tenantTable(db, "price_change_proposals")
    .addColumn("code", "text", (col) => col.notNull())
    .addColumn("variant_id", "bigint", (col) => col.notNull().references("variants.id").onDelete("cascade"))
    .addColumn("current_price_cents", "bigint", (col) => col.notNull())
    .addColumn("proposed_price_cents", "bigint", (col) => col.notNull())
    .addColumn("rule", "text")
    .addColumn("explanation", "text")
    .addColumn("status", "text", (col) => col.notNull())
    .addColumn("requested_by_member_id", "bigint", (col) => col.references("members.id").onDelete("set null"))
    .addColumn("decided_by_member_id", "bigint", (col) => col.references("members.id").onDelete("set null"))
    .addColumn("decided_at", "timestamptz")
    .addColumn("decision_channel", "text")
    .addColumn("expires_at", "timestamptz", (col) => col.notNull())
    .addColumn("applied_at", "timestamptz")
    .addColumn("previous_price_cents", "bigint")
    .addColumn("idempotency_key", "text", (col) => col.notNull().unique())
    .addColumn("error", "text")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("price_change_proposals_status", oneOf("status", PROPOSAL_STATUSES))
    .addCheckConstraint("price_change_proposals_price", sql`proposed_price_cents >= 0`)
    .addUniqueConstraint("price_change_proposals_code", ["workspace_id", "code"])
    .execute();

  await tenantTable(db, "conversations")
    .addColumn("member_id", "bigint", (col) => col.references("members.id").onDelete("set null"))
    .addColumn("channel", "text", (col) => col.notNull())
    .addColumn("thread_key", "text", (col) => col.notNull())
    .addColumn("title", "text")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addUniqueConstraint("conversations_thread", ["workspace_id", "channel", "thread_key"])
    .execute();

  await tenantTable(db, "messages")
    .addColumn("conversation_id", "bigint", (col) => col.notNull().references("conversations.id").onDelete("cascade"))
    .addColumn("member_id", "bigint", (col) => col.references("members.id").onDelete("set null"))
    .addColumn("role", "text", (col) => col.notNull())
    .addColumn("content", "text", (col) => col.notNull())
    .addColumn("language", "text")
    .addColumn("metadata", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("messages_role", oneOf("role", ["user", "assistant", "tool", "system"]))
    .execute();
  await db.schema.createIndex("messages_conversation").on("messages").columns(["conversation_id", "created_at"]).execute();

  await tenantTable(db, "insights")
    .addColumn("type", "text", (col) => col.notNull())
    .addColumn("severity", "text", (col) => col.notNull())
    .addColumn("fingerprint", "text", (col) => col.notNull())
    .addColumn("title", "text", (col) => col.notNull())
    .addColumn("summary", "text", (col) => col.notNull())
    .addColumn("impact_cents", "bigint")
    .addColumn("evidence", "jsonb", (col) => col.notNull())
    .addColumn("status", "text", (col) => col.notNull().defaultTo("open"))
    .addColumn("first_seen_at", "timestamptz", (col) => col.notNull())
    .addColumn("last_seen_at", "timestamptz", (col) => col.notNull())
    .addCheckConstraint("insights_severity", oneOf("severity", ["info", "warning", "critical"]))
    .addCheckConstraint("insights_status", oneOf("status", ["open", "dismissed", "resolved"]))
    .addUniqueConstraint("insights_fingerprint", ["workspace_id", "fingerprint"])
    .execute();

  await tenantTable(db, "audit_log")
    .addColumn("actor_kind", "text", (col) => col.notNull())
    .addColumn("actor_id", "text")
    .addColumn("action", "text", (col) => col.notNull())
    .addColumn("subject_kind", "text", (col) => col.notNull())
    .addColumn("subject_id", "text")
    .addColumn("channel", "text")
    .addColumn("details", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("audit_log_actor_kind", oneOf("actor_kind", ["member", "system", "job"]))
    .execute();
  await db.schema.createIndex("audit_log_subject").on("audit_log").columns(["workspace_id", "subject_kind", "subject_id"]).execute();

  await tenantTable(db, "outbox")
    .addColumn("channel", "text", (col) => col.notNull())
    .addColumn("recipient", "text", (col) => col.notNull())
    .addColumn("payload", "jsonb", (col) => col.notNull())
    .addColumn("idempotency_key", "text", (col) => col.notNull().unique())
    .addColumn("status", "text", (col) => col.notNull().defaultTo("pending"))
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("last_error", "text")
    .addColumn("sent_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("outbox_status", oneOf("status", ["pending", "sending", "sent", "failed", "dead"]))
    .execute();
  await db.schema.createIndex("outbox_due").on("outbox").columns(["status", "next_attempt_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ["outbox", "audit_log", "insights", "messages", "conversations", "price_change_proposals", "competitor_prices"]) {
    await db.schema.dropTable(table).execute();
  }
}
