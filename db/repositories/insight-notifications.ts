/**
 * Which insight was told to whom (insight_notifications) and what members said about insights
 * (insight_feedback). An insight goes to a member at most once per kind, channel and severity (an
 * alert that escalates to critical is sent again); "why did you send me this?" reads the member's
 * latest notification back with its insight and its place in the message it came in.
 */
import type { DbOrTrx } from "../database.ts";
import type { FeedbackVerdict, InsightFeedback, InsightNotification, NotificationKind } from "../schema/notifications.ts";
import type { Insight, InsightSeverity } from "../schema/operations.ts";

export interface NotificationRecord {
  readonly workspaceId: number;
  readonly insightId: number;
  readonly memberId: number;
  readonly kind: NotificationKind;
  /** slack, whatsapp or email. */
  readonly channel: string;
  /** The outbox message that carries it (digests carry several insights in one message). */
  readonly outboxId: number | null;
  readonly severity: InsightSeverity;
}

/** Records that an insight was sent; false when this (insight, member, kind, channel, severity) was already recorded. */
export async function recordNotification(db: DbOrTrx, record: NotificationRecord): Promise<boolean> {
  return (await recordNotifications(db, [record])) === 1;
}

/**
 * Records several in one statement (the insights of one digest message); returns how many were new.
 * Those already recorded for the same insight, member, kind, channel and severity are left as they were.
 */
export async function recordNotifications(db: DbOrTrx, records: readonly NotificationRecord[]): Promise<number> {
  if (records.length === 0) return 0;
  const inserted = await db
    .insertInto("insight_notifications")
    .values(
      records.map((record) => ({
        workspace_id: record.workspaceId,
        insight_id: record.insightId,
        member_id: record.memberId,
        kind: record.kind,
        channel: record.channel,
        outbox_id: record.outboxId,
        severity: record.severity,
      })),
    )
    .onConflict((oc) => oc.columns(["insight_id", "member_id", "kind", "channel", "severity"]).doNothing())
    .returning("id")
    .execute();
  return inserted.length;
}

export interface NotifiedInsight {
  readonly notification: InsightNotification;
  readonly insight: Insight;
  /** Its place (1 = first) among the insights of the same message by ranking score; 1 for a message of one. */
  readonly rank: number;
  /** How many insights that message carried. */
  readonly messageInsights: number;
}

export interface LastNotifiedOptions {
  /** Only notifications sent on this channel. */
  readonly channel?: string;
  /** Only this insight. */
  readonly insightId?: number;
}

const NOTIFICATION_COLUMNS = [
  "n.id",
  "n.workspace_id",
  "n.insight_id",
  "n.member_id",
  "n.kind",
  "n.channel",
  "n.outbox_id",
  "n.severity",
  "n.created_at",
] as const;

/**
 * The insight most recently sent to a member (on a channel, or a given insight), or null when none
 * was. When that message carried several insights (a digest), "this" is its first by ranking score
 * unless an insight is named.
 */
export async function lastNotifiedInsight(db: DbOrTrx, workspaceId: number, memberId: number, options: LastNotifiedOptions = {}): Promise<NotifiedInsight | null> {
  let latest = db
    .selectFrom("insight_notifications as n")
    .select(NOTIFICATION_COLUMNS)
    .where("n.workspace_id", "=", workspaceId)
    .where("n.member_id", "=", memberId);
  if (options.channel !== undefined) latest = latest.where("n.channel", "=", options.channel);
  if (options.insightId !== undefined) latest = latest.where("n.insight_id", "=", options.insightId);
  const last = await latest.orderBy("n.created_at", "desc").orderBy("n.id", "desc").executeTakeFirst();
  if (!last) return null;

  // The message's insights, best first: the digest's order.
  let message = db
    .selectFrom("insight_notifications as n")
    .innerJoin("insights as i", (join) => join.onRef("i.id", "=", "n.insight_id").onRef("i.workspace_id", "=", "n.workspace_id"))
    .select(NOTIFICATION_COLUMNS)
    .where("n.workspace_id", "=", workspaceId)
    .where("n.member_id", "=", memberId);
  message = last.outbox_id === null ? message.where("n.id", "=", last.id) : message.where("n.outbox_id", "=", last.outbox_id);
  const rows = await message.orderBy("i.score", "desc").orderBy("i.impact_cents", (ob) => ob.desc().nullsLast()).orderBy("i.id").execute();
  const index = options.insightId === undefined ? 0 : rows.findIndex((row) => row.insight_id === options.insightId);
  const notification = rows[index];
  if (notification === undefined) return null;
  const insight = await db.selectFrom("insights").selectAll().where("workspace_id", "=", workspaceId).where("id", "=", notification.insight_id).executeTakeFirst();
  if (!insight) return null;
  return { notification, insight, rank: index + 1, messageInsights: rows.length };
}

export interface FeedbackRecord {
  readonly workspaceId: number;
  readonly memberId: number;
  /** Null when the insight is gone (feedback still lowers its type and subject). */
  readonly insightId: number | null;
  readonly insightType: string;
  readonly subject: string;
  readonly verdict: FeedbackVerdict;
}

/** Records a member's verdict on an insight. */
export async function recordFeedback(db: DbOrTrx, record: FeedbackRecord): Promise<InsightFeedback> {
  return db
    .insertInto("insight_feedback")
    .values({
      workspace_id: record.workspaceId,
      member_id: record.memberId,
      insight_id: record.insightId,
      insight_type: record.insightType,
      subject: record.subject,
      verdict: record.verdict,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The workspace's feedback, newest first (one member's, on one insight, when given): ranking lowers what a member found not useful. */
export async function listFeedback(db: DbOrTrx, workspaceId: number, options: { readonly memberId?: number; readonly insightId?: number } = {}): Promise<InsightFeedback[]> {
  let query = db.selectFrom("insight_feedback").selectAll().where("workspace_id", "=", workspaceId);
  if (options.memberId !== undefined) query = query.where("member_id", "=", options.memberId);
  if (options.insightId !== undefined) query = query.where("insight_id", "=", options.insightId);
  return query.orderBy("created_at", "desc").orderBy("id", "desc").execute();
}
