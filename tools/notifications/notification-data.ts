/**
 * What the notifications tools return (the answers in agents/answers/notifications read it back):
 * the asker's settings with where each notification goes and when the next digest comes; an insight
 * sent to them with why; their recorded verdict.
 */
import type { IdentityChannel } from "../../db/schema/core.ts";
import type { FeedbackVerdict, NotificationKind } from "../../db/schema/notifications.ts";
import type { Insight, InsightSeverity } from "../../db/schema/operations.ts";
import type { NotificationPreferences } from "../../engines/notifications/preferences.ts";

export const PREFERENCE_FIELDS = ["digest.enabled", "digest.time", "digest.channels", "alerts.enabled", "alerts.channels", "weekly.enabled", "quietHours"] as const;
export type PreferenceField = (typeof PREFERENCE_FIELDS)[number];

export interface NextDigest {
  /** ISO instant. */
  readonly at: string;
  /** Its local date (YYYY-MM-DD) and time (HH:MM) in the member's time zone. */
  readonly date: string;
  readonly time: string;
}

export interface NotificationPreferencesData {
  readonly memberName: string;
  /** The fields the call asked to set (empty: the settings were only shown). */
  readonly requested: readonly PreferenceField[];
  /** Of those, the ones whose value changed (the rest already were so). */
  readonly changed: readonly PreferenceField[];
  readonly preferences: NotificationPreferences;
  /** The channels the member has linked, most recently used first. */
  readonly linked: readonly IdentityChannel[];
  /** Where the digest and alerts actually go: the chosen channels among the linked ones (alerts with none chosen: the one used last). */
  readonly digestChannels: readonly IdentityChannel[];
  readonly alertChannels: readonly IdentityChannel[];
  /** The member's time zone (theirs, else the workspace's). */
  readonly timeZone: string;
  /** Null when no digest will come (off, or no channel to send it on). */
  readonly nextDigest: NextDigest | null;
}

/** An insight as the answers need it: what it is and its numbers. */
export interface InsightData {
  readonly id: number;
  readonly type: string;
  readonly severity: InsightSeverity;
  readonly subject: string;
  /** English one-liners (logs, CLI); answers render the evidence in the asker's language. */
  readonly title: string;
  readonly summary: string;
  readonly impactCents: number | null;
  readonly confidence: number;
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly action: Readonly<Record<string, unknown>>;
  readonly status: Insight["status"];
  readonly occurrences: number;
  /** ISO instants. */
  readonly firstSeenAt: string;
  readonly lastSeenAt: string;
}

export function insightData(insight: Insight): InsightData {
  return {
    id: insight.id,
    type: insight.type,
    severity: insight.severity,
    subject: insight.subject,
    title: insight.title,
    summary: insight.summary,
    impactCents: insight.impact_cents,
    confidence: insight.confidence,
    evidence: insight.evidence,
    action: insight.action,
    status: insight.status,
    occurrences: insight.occurrences,
    firstSeenAt: insight.first_seen_at.toISOString(),
    lastSeenAt: insight.last_seen_at.toISOString(),
  };
}

/** Why it went to the member: an alert (critical ones come even in quiet hours), or its place in a digest or weekly report. */
export type SentBecause =
  | { readonly kind: "alert"; readonly critical: boolean }
  | { readonly kind: "digest" | "weekly"; readonly rank: number; readonly of: number };

export interface ExplainNotificationData {
  readonly insight: InsightData;
  readonly sent: { readonly kind: NotificationKind; readonly channel: string; readonly severity: InsightSeverity; readonly at: string };
  readonly because: SentBecause;
  /** The member's latest verdict on it, if any. */
  readonly feedback: FeedbackVerdict | null;
}

export interface InsightFeedbackData {
  readonly verdict: FeedbackVerdict;
  readonly insight: InsightData;
}
