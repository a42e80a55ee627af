/** A stored proposal as the pricing tools report it (tools/commerce-ops/pricing-data.ts ProposalData). */
import { z } from "zod";
import type { ProposalView } from "../../db/repositories/price-proposals.ts";
import { marginOf } from "../../engines/pricing/expected-outcome.ts";
import type { ProposalData, SuggestionRuleData } from "./pricing-data.ts";

const ruleSchema = z.object({
  strategy: z.enum(["match_lowest", "beat_lowest", "position_average", "hold_margin"]),
  percent: z.number().nullable(),
  amountCents: z.number().nullable(),
  marginPct: z.number().nullable(),
  scope: z.enum(["default", "workspace", "category", "product"]),
});

/** What propose_price_change keeps in a proposal's details for messages and listings. */
export const proposalDetailsSchema = z.object({
  variantIds: z.array(z.number().int()).optional(),
  suggestionCode: z.string().nullable().optional(),
  rule: ruleSchema.nullable().optional(),
  costCents: z.number().nullable().optional(),
  lowestCompetitorCents: z.number().nullable().optional(),
});
export type ProposalDetails = z.infer<typeof proposalDetailsSchema>;

export function proposalData(view: ProposalView, options: { readonly seesCosts: boolean; readonly currency: string }): ProposalData {
  const parsed = proposalDetailsSchema.safeParse(view.details);
  const details: ProposalDetails = parsed.success ? parsed.data : {};
  const rule: SuggestionRuleData | null = details.rule ?? null;
  const cost = options.seesCosts ? (details.costCents ?? null) : null;
  const current = view.current_price_cents;
  return {
    code: view.code,
    kind: view.kind,
    status: view.status,
    productId: view.product_id,
    title: view.product_title ?? view.variant_title ?? `#${view.variant_id}`,
    sku: (details.variantIds?.length ?? 1) > 1 ? null : view.sku,
    currency: view.currency ?? options.currency,
    currentPriceCents: current,
    proposedPriceCents: view.proposed_price_cents,
    changePct: current > 0 ? Math.round(((view.proposed_price_cents - current) / current) * 10_000) / 10_000 : 0,
    rule,
    marginBefore: marginOf(current, cost),
    marginAfter: marginOf(view.proposed_price_cents, cost),
    undoOf: view.undo_of_code,
    requestedBy: view.requested_by_name,
    decidedBy: view.decided_by_name,
    createdAt: view.created_at.toISOString(),
    expiresAt: view.expires_at.toISOString(),
    decidedAt: view.decided_at?.toISOString() ?? null,
    appliedAt: view.applied_at?.toISOString() ?? null,
    error: view.error,
  };
}
