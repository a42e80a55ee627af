import type { Kysely } from "kysely";
import { emptyJson, now, oneOf, tenantTable } from "./columns.ts";

/**
 * What proactive insights, alerts, digests and jobs need:
 * - insights: one row per ongoing problem (the fingerprint is unique per workspace), updated while it lasts,
 *   with its confidence, ranking score, recommended action and subject (what it is about, for "why").
 * - insight_feedback: a member's "not useful" / "useful" about an insight; similar insights rank
 *   lower for that member.
 * - insight_notifications: which insight went to which member, how (alert, digest, weekly) and on
 *   which channel, so "why did you send me this?" finds it and an alert is sent once.
 * - member_preferences: digest time, channels, alert channels, quiet hours and language overrides,
 *   as settings parsed by engines/notifications/preferences.ts (absent keys take the defaults).
 * - job_runs: every job by its idempotency key (digest:{member}:{date}…): status, attempts, last
 *   error; `bizos jobs status|failed|retry` read it, and a repeat of a done key does nothing.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable("insights")
    .addColumn("subject", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("confidence", "real", (col) => col.notNull().defaultTo(0.5))
    .addColumn("score", "real", (col) => col.notNull().defaultTo(0))
    .addColumn("action", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .addColumn("occurrences", "integer", (col) => col.notNull().defaultTo(1))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("insights_open").on("insights").columns(["workspace_id", "status", "last_seen_at"]).execute();

  await tenantTable(db, "insight_feedback")
    .addColumn("member_id", "bigint", (col) => col.notNull().references("members.id").onDelete("cascade"))
    .addColumn("insight_id", "bigint", (col) => col.references("insights.id").onDelete("set null"))
    .addColumn("insight_type", "text", (col) => col.notNull())
    .addColumn("subject", "text", (col) => col.notNull().defaultTo(""))
    .addColumn("verdict", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("insight_feedback_verdict", oneOf("verdict", ["useful", "not_useful"]))
    .execute();
  await db.schema.createIndex("insight_feedback_member").on("insight_feedback").columns(["workspace_id", "member_id", "insight_type"]).execute();
  await db.schema.createIndex("insight_feedback_insight").on("insight_feedback").columns(["insight_id"]).execute();

  await tenantTable(db, "insight_notifications")
    .addColumn("insight_id", "bigint", (col) => col.notNull().references("insights.id").onDelete("cascade"))
    .addColumn("member_id", "bigint", (col) => col.notNull().references("members.id").onDelete("cascade"))
    .addColumn("kind", "text", (col) => col.notNull())
    .addColumn("channel", "text", (col) => col.notNull())
    .addColumn("outbox_id", "bigint", (col) => col.references("outbox.id").onDelete("set null"))
    .addColumn("severity", "text", (col) => col.notNull())
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("insight_notifications_kind", oneOf("kind", ["alert", "digest", "weekly"]))
    .execute();
  await db.schema.createIndex("insight_notifications_member").on("insight_notifications").columns(["workspace_id", "member_id", "created_at"]).execute();
  await db.schema.createIndex("insight_notifications_insight").on("insight_notifications").columns(["insight_id"]).execute();
  await db.schema.createIndex("insight_notifications_outbox").on("insight_notifications").columns(["outbox_id"]).execute();
  await db.schema.createIndex("insight_notifications_once").on("insight_notifications").columns(["insight_id", "member_id", "kind", "channel", "severity"]).unique().execute();

  await tenantTable(db, "member_preferences")
    .addColumn("member_id", "bigint", (col) => col.notNull().unique().references("members.id").onDelete("cascade"))
    .addColumn("settings", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .execute();
  await db.schema.createIndex("member_preferences_workspace").on("member_preferences").columns(["workspace_id"]).execute();

  await tenantTable(db, "job_runs")
    .addColumn("queue", "text", (col) => col.notNull())
    .addColumn("job_key", "text", (col) => col.notNull().unique())
    .addColumn("payload", "jsonb", (col) => col.notNull().defaultTo(emptyJson))
    .addColumn("status", "text", (col) => col.notNull().defaultTo("queued"))
    .addColumn("attempts", "integer", (col) => col.notNull().defaultTo(0))
    .addColumn("run_after", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("last_error", "text")
    .addColumn("result", "jsonb")
    .addColumn("started_at", "timestamptz")
    .addColumn("finished_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addColumn("updated_at", "timestamptz", (col) => col.notNull().defaultTo(now))
    .addCheckConstraint("job_runs_status", oneOf("status", ["queued", "running", "done", "failed", "dead"]))
    .execute();
  await db.schema.createIndex("job_runs_due").on("job_runs").columns(["status", "run_after"]).execute();
  await db.schema.createIndex("job_runs_workspace").on("job_runs").columns(["workspace_id", "queue", "created_at"]).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable("job_runs").execute();
  await db.schema.dropTable("member_preferences").execute();
  await db.schema.dropTable("insight_notifications").execute();
  await db.schema.dropTable("insight_feedback").execute();
  await db.schema.dropIndex("insights_open").execute();
  await db.schema
    .alterTable("insights")
    .dropColumn("updated_at")
    .dropColumn("occurrences")
    .dropColumn("action")
    .dropColumn("score")
    .dropColumn("confidence")
    .dropColumn("subject")
    .execute();
}
