/**
 * The insights and pending approvals a digest carries: each insight with its recommended action read
 * from the stored jsonb (parsed with the insight engine's schema; an unreadable action is left out), and each
 * pending price change as the few fields a message shows.
 */
import type { ProposalView } from "../../db/repositories/price-proposals.ts";
import type { Insight } from "../../db/schema/operations.ts";
import { insightActionSchema } from "../insights/evidence.ts";
import type { InsightAction } from "../insights/types.ts";
import { MAX_DIGEST_INSIGHTS, type ActionFact, type InsightFact, type PendingApproval } from "./types.ts";

/** The recommended action stored on an insight row, or null when it is missing or malformed. */
export function parseInsightAction(stored: unknown): InsightAction | null {
  const parsed = insightActionSchema.safeParse(stored);
  return parsed.success ? parsed.data : null;
}

/** The first three insights (already ranked by the caller) with their actions. */
export function insightFacts(insights: readonly Insight[]): InsightFact[] {
  return insights.slice(0, MAX_DIGEST_INSIGHTS).map((insight) => ({ insight, action: parseInsightAction(insight.action) }));
}

/** The readable recommended actions of the insights, in their order. */
export function actionFacts(insights: readonly InsightFact[]): ActionFact[] {
  return insights.flatMap(({ insight, action }) => (action === null ? [] : [{ insightId: insight.id, action }]));
}

export function pendingApproval(proposal: ProposalView, workspaceCurrency: string): PendingApproval {
  return {
    code: proposal.code,
    kind: proposal.kind,
    product: proposal.product_title ?? proposal.variant_title ?? `#${proposal.variant_id}`,
    variant: proposal.product_title !== null ? proposal.variant_title : null,
    currentPriceCents: proposal.current_price_cents,
    proposedPriceCents: proposal.proposed_price_cents,
    currency: proposal.currency ?? workspaceCurrency,
    expiresAt: proposal.expires_at.toISOString(),
  };
}
