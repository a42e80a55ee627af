/**
 * A conversation turn's result as the channel-neutral message every sender formats: the answer
 * text without its data-freshness line (channels show that apart: a Slack context block, an email
 * footer; WhatsApp appends it back), the headline figures as KPI fields, and the trend as a chart
 * when the answer has one. Everything is read from the turn's own tool outcomes, formatted the way
 * the answer text formats it.
 */
import type { TurnResult } from "../../agents/turn-types.ts";
import { chartOfTurn } from "./from-turn-chart.ts";
import { kpiFields } from "./kpi-fields.ts";
import type { OutboundMessage, ReplyButton } from "./outbound-message.ts";
import { approvalButtons } from "../approvals/approval-messages.ts";
import type { Language } from "../../agents/shared/language.ts";
import type { ToolOutcome } from "../../tools/tool-outcome.ts";
import { z } from "zod";

const pendingProposalSchema = z.object({ proposal: z.object({ code: z.string(), status: z.literal("pending_approval") }), askerCanApprove: z.literal(true) });

/** Approve/Reject buttons when the turn proposed a change the asker may approve themselves. */
function proposalButtons(data: readonly ToolOutcome[], language: Language): ReplyButton[] {
  for (const outcome of data) {
    if (!outcome.ok || (outcome.tool !== "propose_price_change" && outcome.tool !== "undo_price_change")) continue;
    const parsed = pendingProposalSchema.safeParse(outcome.data);
    if (parsed.success) return approvalButtons(parsed.data.proposal.code, language);
  }
  return [];
}

export interface OutboundFromTurnOptions {
  /**
   * The workspace's currency (ISO 4217). Metric query results name their own currency; the
   * forecast and marketing outcomes do not, and their money is in the workspace's.
   */
  readonly currency: string;
  /** The email subject; other channels ignore it. */
  readonly subject?: string | null;
}

/**
 * The answer's text and its freshness line, apart. The answer normally carries the line as a
 * paragraph of its own (text, freshness, suggested question); a model's reply may have it inside a
 * line. When taking it out would leave nothing, the text stays whole and carries the line itself.
 */
export function splitFreshness(answer: string, freshness: string | null): { readonly text: string; readonly freshness: string | null } {
  const line = freshness?.trim() ?? "";
  if (freshness === null || line === "" || !answer.includes(line)) return { text: answer, freshness: line === "" ? null : line };
  const lines = answer.split("\n");
  const kept = lines.filter((candidate) => candidate.trim() !== line);
  const text = (kept.length < lines.length ? kept.join("\n") : answer.replace(line, ""))
    .replace(/[ \t]+\n/g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
  return text === "" ? { text: answer, freshness: null } : { text, freshness: line };
}

export function outboundFromTurn(result: TurnResult, options: OutboundFromTurnOptions): OutboundMessage {
  const { text, freshness } = splitFreshness(result.answer, result.freshness);
  return {
    text,
    language: result.language,
    subject: options.subject ?? null,
    kpis: kpiFields(result.data, result.language, options.currency),
    freshness,
    chart: chartOfTurn(result.data, result.language, options.currency),
    buttons: proposalButtons(result.data, result.language),
  };
}
