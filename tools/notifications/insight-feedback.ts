/** insight_feedback: the asker's verdict on an insight sent to them (the last one, or the one named); "not useful" lowers similar ones for them. */
import { recordFeedback } from "../../db/repositories/insight-notifications.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData } from "../tool-outcome.ts";
import { askingMember } from "./asking-member.ts";
import type { insightFeedbackSchema } from "./contracts.ts";
import { findNotified } from "./last-notified.ts";
import { insightData, type InsightFeedbackData } from "./notification-data.ts";

export const createInsightFeedbackTool: ToolFactory<typeof insightFeedbackSchema, InsightFeedbackData> = (deps) => async (args) => {
  const asking = await askingMember(deps, "insight_feedback");
  if (!asking.ok) return asking.outcome;
  const memberId = asking.settings.member.id;
  const notified = await findNotified(deps, "insight_feedback", memberId, args.insightId);
  if (!notified.ok) return notified.outcome;
  const { insight } = notified.found;
  await recordFeedback(deps.db, { workspaceId: deps.workspace.id, memberId, insightId: insight.id, insightType: insight.type, subject: insight.subject, verdict: args.verdict });
  deps.logger.info("insight feedback", { workspace: deps.workspace.slug, member: memberId, insight: insight.id, verdict: args.verdict });
  return toolData("insight_feedback", { verdict: args.verdict, insight: insightData(insight) }, []);
};
