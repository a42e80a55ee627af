/** explain_notification: the insight last sent to the asker (or the one named), and why it went to them. */
import { listFeedback } from "../../db/repositories/insight-notifications.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData } from "../tool-outcome.ts";
import { askingMember } from "./asking-member.ts";
import type { explainNotificationSchema } from "./contracts.ts";
import { findNotified } from "./last-notified.ts";
import { insightData, type ExplainNotificationData, type SentBecause } from "./notification-data.ts";

export const createExplainNotificationTool: ToolFactory<typeof explainNotificationSchema, ExplainNotificationData> = (deps) => async (args) => {
  const asking = await askingMember(deps, "explain_notification");
  if (!asking.ok) return asking.outcome;
  const memberId = asking.settings.member.id;
  const notified = await findNotified(deps, "explain_notification", memberId, args.insightId);
  if (!notified.ok) return notified.outcome;
  const { notification, insight, rank, messageInsights } = notified.found;
  const because: SentBecause =
    notification.kind === "alert" ? { kind: "alert", critical: notification.severity === "critical" } : { kind: notification.kind, rank, of: messageInsights };
  const [feedback] = await listFeedback(deps.db, deps.workspace.id, { memberId, insightId: insight.id });
  return toolData(
    "explain_notification",
    {
      insight: insightData(insight),
      sent: { kind: notification.kind, channel: notification.channel, severity: notification.severity, at: notification.created_at.toISOString() },
      because,
      feedback: feedback?.verdict ?? null,
    },
    [],
  );
};
