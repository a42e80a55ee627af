import type { ColumnType, Insertable, Selectable } from "kysely";
import type { CreatedAt, Id, Json, JsonWithDefault, Timestamp, UpdatedAt } from "./columns.ts";
import type { InsightSeverity } from "./operations.ts";

export const FEEDBACK_VERDICTS = ["useful", "not_useful"] as const;
export type FeedbackVerdict = (typeof FEEDBACK_VERDICTS)[number];

/** A member's word on an insight; "not_useful" lowers insights of the same type and subject for them. */
export interface InsightFeedbackTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  insight_id: number | null;
  insight_type: string;
  subject: ColumnType<string, string | undefined, string>;
  verdict: FeedbackVerdict;
  created_at: CreatedAt;
}

export const NOTIFICATION_KINDS = ["alert", "digest", "weekly"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/** An insight told to a member: by which message, on which channel (alerts are sent once per severity). */
export interface InsightNotificationsTable {
  id: Id;
  workspace_id: number;
  insight_id: number;
  member_id: number;
  kind: NotificationKind;
  /** slack, whatsapp or email. */
  channel: string;
  outbox_id: number | null;
  severity: InsightSeverity;
  created_at: CreatedAt;
}

/** A member's notification settings (engines/notifications/preferences.ts parses them; absent keys are defaults). */
export interface MemberPreferencesTable {
  id: Id;
  workspace_id: number;
  member_id: number;
  settings: JsonWithDefault<Record<string, unknown>>;
  updated_at: UpdatedAt;
}

export const JOB_RUN_STATUSES = ["queued", "running", "done", "failed", "dead"] as const;
/** queued: waiting (run_after); running: claimed; done; failed: will retry at run_after; dead: gave up (`bizos jobs retry`). */
export type JobRunStatus = (typeof JOB_RUN_STATUSES)[number];

/** One job by its idempotency key (digest:{member}:{date}…); a done key is never run again. */
export interface JobRunsTable {
  id: Id;
  workspace_id: number;
  queue: string;
  job_key: string;
  payload: JsonWithDefault<Record<string, unknown>>;
  status: ColumnType<JobRunStatus, JobRunStatus | undefined, JobRunStatus>;
  attempts: ColumnType<number, number | undefined, number>;
  run_after: ColumnType<Date, Date | string | undefined, Date | string>;
  last_error: string | null;
  /** What the job did (counts), for `bizos jobs status`. */
  result: Json<Record<string, unknown>> | null;
  started_at: Timestamp | null;
  finished_at: Timestamp | null;
  created_at: CreatedAt;
  updated_at: UpdatedAt;
}

export type InsightFeedback = Selectable<InsightFeedbackTable>;
export type InsightNotification = Selectable<InsightNotificationsTable>;
export type NewInsightNotification = Insertable<InsightNotificationsTable>;
export type MemberPreferencesRow = Selectable<MemberPreferencesTable>;
export type JobRun = Selectable<JobRunsTable>;
export type NewJobRun = Insertable<JobRunsTable>;
