/** Outcome data back as the types the notifications tools wrote (it crossed the graph as unknown). */
import type { ExplainNotificationData, InsightData, InsightFeedbackData, NotificationPreferencesData } from "../../../tools/notifications/notification-data.ts";

function isRecord(value: unknown): value is Readonly<Record<string, unknown>> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function isNotificationPreferencesData(data: unknown): data is NotificationPreferencesData {
  return (
    isRecord(data) &&
    Array.isArray(data.requested) &&
    Array.isArray(data.changed) &&
    isRecord(data.preferences) &&
    Array.isArray(data.digestChannels) &&
    Array.isArray(data.alertChannels) &&
    Array.isArray(data.linked) &&
    typeof data.timeZone === "string"
  );
}

function isInsightData(data: unknown): data is InsightData {
  return isRecord(data) && typeof data.id === "number" && typeof data.type === "string" && typeof data.severity === "string" && isRecord(data.evidence);
}

export function isExplainNotificationData(data: unknown): data is ExplainNotificationData {
  return isRecord(data) && isInsightData(data.insight) && isRecord(data.sent) && typeof data.sent.at === "string" && isRecord(data.because) && typeof data.because.kind === "string";
}

export function isInsightFeedbackData(data: unknown): data is InsightFeedbackData {
  return isRecord(data) && (data.verdict === "useful" || data.verdict === "not_useful") && isInsightData(data.insight);
}
