/**
 * Builders shared by the pricing engine's tests: rules from a few overrides, a variant and its
 * competitor quotes, and an elasticity estimate, so each test states only what it is about.
 */
import type { CompetitorQuote } from "./competitor-quotes.ts";
import { DEFAULT_ELASTICITY_PRIOR, type ElasticityEstimate } from "./elasticity.ts";
import { resolvePricingRules, type PricingRules, type PricingRuleSettings } from "./rules.ts";
import type { PricedVariant, SuggestPriceInput } from "./suggest-price.ts";

export const NOW = new Date("2026-11-20T18:00:00Z");

/** Workspace-scope rules: the defaults with these fields set. */
export function rulesWith(settings: PricingRuleSettings = {}): PricingRules {
  return resolvePricingRules(settings, null, null);
}

export function variant(overrides: Partial<PricedVariant> = {}): PricedVariant {
  return {
    variantId: 7,
    productId: 3,
    title: "Playera básica",
    variantTitle: "M",
    sku: "PB-M",
    category: "Playeras",
    priceCents: 49900,
    costCents: 20000,
    currency: "MXN",
    inventoryQty: 25,
    ...overrides,
  };
}

/** A quote observed `daysAgo` days before NOW. */
export function quote(competitor: string, priceCents: number, options: { inStock?: boolean; daysAgo?: number; currency?: string } = {}): CompetitorQuote {
  return {
    competitor,
    priceCents,
    inStock: options.inStock ?? true,
    observedAt: new Date(NOW.getTime() - (options.daysAgo ?? 1) * 86_400_000).toISOString(),
    currency: options.currency ?? null,
  };
}

export function elasticityOf(value: number, confidence: ElasticityEstimate["confidence"] = "low"): ElasticityEstimate {
  return { elasticity: value, confidence, source: "prior", observations: 0, priceSpreadPct: 0, historyEstimate: null, standardError: null, prior: DEFAULT_ELASTICITY_PRIOR };
}

export function suggestInput(overrides: Partial<SuggestPriceInput> = {}): SuggestPriceInput {
  return {
    variant: variant(),
    quotes: [quote("Zara", 45900), quote("Shein", 47900)],
    rules: rulesWith(),
    lastChangedAt: null,
    priceDayAgoCents: null,
    unitsPerDay: 2,
    elasticity: elasticityOf(-1.5),
    now: NOW,
    ...overrides,
  };
}
