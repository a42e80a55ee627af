/**
 * pricing_opportunity insights from the pricing engine: its best suggestions (ranked by expected
 * 30-day gross profit gain, revenue when the cost is unknown) that gain anything. Impact = that
 * expected gain; confidence follows the elasticity estimate's. Informational: a proposal to make.
 */
import { suggestPricesForWorkspace } from "../pricing/pricing-sql.ts";
import { expectedGainCents } from "../pricing/rank-suggestions.ts";
import type { PriceSuggestion } from "../pricing/suggest-price.ts";
import { proposal } from "./action-text.ts";
import { amount, rounded, type Detector, type DetectorContext } from "./detector.ts";
import type { PricingOpportunityEvidence } from "./evidence.ts";
import type { InsightCandidate } from "./types.ts";

const SHOWN = 3;
const CONFIDENCE = { low: 0.4, medium: 0.6, high: 0.8 } as const;

function pricingCandidate(s: PriceSuggestion, gainCents: number, ctx: DetectorContext): InsightCandidate {
  const evidence: PricingOpportunityEvidence = {
    productId: s.productId,
    variantId: s.variantId,
    title: s.title,
    variantTitle: s.variantTitle,
    currency: ctx.workspace.currency,
    code: s.code,
    currentPriceCents: s.currentPriceCents,
    suggestedPriceCents: s.suggestedPriceCents,
    direction: s.direction,
    changePct: rounded(s.changePct, 1),
    gain30dCents: gainCents,
    gainBasis: s.expected.grossProfit30dAfterCents !== null && s.expected.grossProfit30dBeforeCents !== null ? "gross_profit" : "revenue",
    strategy: s.rule.strategy.kind,
    lowestCompetitorCents: s.competitors.lowestCents,
  };
  const name = s.variantTitle ? `${s.title} (${s.variantTitle})` : s.title;
  return {
    type: "pricing_opportunity",
    severity: "info",
    // The variant, not the price: a suggestion that moves day by day is the same opportunity.
    fingerprint: `pricing_opportunity:variant:${s.variantId}:${s.direction}`,
    subject: `product:${s.productId}`,
    impactCents: gainCents,
    confidence: CONFIDENCE[s.elasticity.confidence],
    title: `Price ${name}: ${amount(s.currentPriceCents, s.currency)} → ${amount(s.suggestedPriceCents, s.currency)} (${s.changePct > 0 ? "+" : ""}${rounded(s.changePct, 1)}%)`,
    summary: `The ${s.rule.strategy.kind} rule suggests it; expected 30-day gain ${amount(gainCents, s.currency)}. Code ${s.code}.`,
    evidence,
    action: proposal({ en: `Change the price of ${name} (suggestion ${s.code})`, es: `Cambia el precio de ${name} (sugerencia ${s.code})`, pt: `Mude o preço de ${name} (sugestão ${s.code})` }),
    urgent: false,
  };
}

export const pricingDetector: Detector = {
  name: "pricing",
  types: ["pricing_opportunity"],
  verticals: ["ecommerce"],
  detect: async (ctx) => {
    const result = await suggestPricesForWorkspace(ctx.db, ctx.workspace, { productIds: null, category: null }, { view: "all", top: SHOWN * 4 }, ctx.clock.now());
    return result.suggestions
      .map((s) => ({ s, gain: expectedGainCents(s) }))
      .filter(({ gain }) => gain > 0)
      .slice(0, SHOWN)
      .map(({ s, gain }) => pricingCandidate(s, gain, ctx));
  },
};
