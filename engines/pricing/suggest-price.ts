/**
 * One variant's price suggestion (pure): the competitor prices it may use, the target its rule
 * asks for, that target held inside the floor, MAP and ceiling, today's step toward it under the
 * daily limit, rounded to the currency's price endings; then margins and the expected units,
 * revenue and gross profit over 30 days from the elasticity. Or a typed "no change" with why.
 *
 * Everything is structured (enum reasons, numbers, scopes): the answer layer writes the words.
 */
import { assertNever } from "../../lib/assert-never.ts";
import { summarizeQuotes, type CompetitorQuote, type CompetitorSummary } from "./competitor-quotes.ts";
import type { ElasticityEstimate } from "./elasticity.ts";
import { expectedOutcome, marginOf, type ExpectedOutcome } from "./expected-outcome.ts";
import { coolDownUntil, dailyCap, priceBand, type FloorBasis } from "./guardrails.ts";
import { roundingFor, roundPrice, type AppliedRounding } from "./rounding.ts";
import type { PricingRules, PricingStrategy, RuleScope } from "./rules.ts";
import { shortCode } from "./short-code.ts";

/** Changes smaller than this (in percent of the current price) are not worth suggesting. */
export const MIN_CHANGE_PCT = 0.5;

export interface PricedVariant {
  readonly variantId: number;
  readonly productId: number;
  /** The product's title. */
  readonly title: string;
  /** The variant's own title (size, colour), or null. */
  readonly variantTitle: string | null;
  readonly sku: string | null;
  readonly category: string | null;
  readonly priceCents: number;
  readonly costCents: number | null;
  readonly currency: string;
  /** Units in stock, or null when the store does not track it. */
  readonly inventoryQty: number | null;
}

export interface SuggestPriceInput {
  readonly variant: PricedVariant;
  readonly quotes: readonly CompetitorQuote[];
  readonly rules: PricingRules;
  /** When the variant's last change was applied, or null. */
  readonly lastChangedAt: Date | string | null;
  /** The price 24 hours ago when a change was applied since; the daily limit counts from it. */
  readonly priceDayAgoCents?: number | null;
  /** Recent demand at the current price (units per day). */
  readonly unitsPerDay: number;
  readonly elasticity: ElasticityEstimate;
  readonly now: Date;
}

export type AppliedConstraint =
  | { readonly kind: "floor"; readonly floorCents: number; readonly basis: FloorBasis; readonly minMarginPct: number | null; readonly costCents: number | null; readonly source: RuleScope }
  | { readonly kind: "map"; readonly mapCents: number; readonly source: RuleScope }
  | { readonly kind: "ceiling"; readonly ceilingCents: number; readonly source: RuleScope }
  | {
      readonly kind: "daily_cap";
      readonly limit: "pct" | "amount";
      readonly limitPct: number | null;
      readonly limitCents: number | null;
      readonly maxChangeCents: number;
      readonly fromCents: number;
      readonly source: RuleScope;
    }
  | { readonly kind: "rounding"; readonly mode: AppliedRounding; readonly fromCents: number; readonly toCents: number; readonly source: RuleScope };

export interface SuggestionRule {
  readonly strategy: PricingStrategy;
  /** Which scope set the strategy. */
  readonly source: RuleScope;
}

export interface PriceSuggestion {
  /** 4 characters from SHORT_CODE_ALPHABET, the same for the same variant and suggested price. */
  readonly code: string;
  readonly variantId: number;
  readonly productId: number;
  readonly title: string;
  readonly variantTitle: string | null;
  readonly sku: string | null;
  readonly category: string | null;
  readonly currency: string;
  readonly currentPriceCents: number;
  /** Today's price: the target, or the largest step toward it the daily limit allows. */
  readonly suggestedPriceCents: number;
  /** Where the rule leads once the daily limit no longer holds it back (after floor, MAP, ceiling and rounding). */
  readonly targetPriceCents: number;
  /** What the strategy alone asked for, before any limit or rounding. */
  readonly strategyPriceCents: number;
  readonly direction: "down" | "up";
  /** (suggested − current) ÷ current, in percent. */
  readonly changePct: number;
  readonly rule: SuggestionRule;
  readonly competitors: CompetitorSummary;
  /** Gross margin on the price ((price − cost) ÷ price), or null without a cost. */
  readonly marginBefore: number | null;
  readonly marginAfter: number | null;
  /** The limits that changed the price, in the order they applied. */
  readonly constraints: readonly AppliedConstraint[];
  readonly expected: ExpectedOutcome;
  readonly elasticity: ElasticityEstimate;
}

export type NoChangeReason =
  | "invalid_price"
  | "out_of_stock"
  | "in_cool_down"
  | "no_cost"
  | "no_competitor_prices"
  /** The rule asks for a move but the floor, MAP or ceiling keeps the price where it is. */
  | "held_by_constraints"
  /** The rule's price is within MIN_CHANGE_PCT of the current one. */
  | "within_threshold";

export interface NoChange {
  readonly variantId: number;
  readonly productId: number;
  readonly title: string;
  readonly reason: NoChangeReason;
  /** What the strategy asked for, when it could be computed. */
  readonly strategyPriceCents: number | null;
  /** For in_cool_down: when it ends (ISO). */
  readonly coolDownUntil: string | null;
  readonly constraints: readonly AppliedConstraint[];
}

export type SuggestPriceResult = { readonly kind: "suggestion"; readonly suggestion: PriceSuggestion } | ({ readonly kind: "no_change" } & NoChange);

/** The price a strategy asks for, or why it cannot say. */
function strategyPrice(strategy: PricingStrategy, competitors: CompetitorSummary, costCents: number | null): number | "no_cost" | "no_competitor_prices" {
  switch (strategy.kind) {
    case "match_lowest":
      return competitors.lowestCents ?? "no_competitor_prices";
    case "beat_lowest":
      if (competitors.lowestCents === null) return "no_competitor_prices";
      return Math.round(competitors.lowestCents * (1 - (strategy.percent ?? 0) / 100)) - (strategy.amountCents ?? 0);
    case "position_average":
      return competitors.averageCents === null ? "no_competitor_prices" : Math.round(competitors.averageCents * (1 + strategy.percent / 100));
    case "hold_margin":
      return costCents === null || costCents <= 0 ? "no_cost" : Math.ceil(costCents / (1 - strategy.marginPct / 100) - 1e-9);
    default:
      return assertNever(strategy, "pricing strategy");
  }
}

const clampTo = (cents: number, min: number | null, max: number | null) => Math.min(Math.max(cents, min ?? Number.NEGATIVE_INFINITY), max ?? Number.POSITIVE_INFINITY);
const pctChange = (from: number, to: number) => Math.round(((to - from) / from) * 1e6) / 1e4;

/** The suggestion for one variant, or why there is none. */
export function suggestPrice(input: SuggestPriceInput): SuggestPriceResult {
  const { variant, rules, now } = input;
  const current = variant.priceCents;
  const noChange = (reason: NoChangeReason, extra: Partial<Pick<NoChange, "strategyPriceCents" | "coolDownUntil" | "constraints">> = {}): SuggestPriceResult => ({
    kind: "no_change",
    variantId: variant.variantId,
    productId: variant.productId,
    title: variant.title,
    reason,
    strategyPriceCents: extra.strategyPriceCents ?? null,
    coolDownUntil: extra.coolDownUntil ?? null,
    constraints: extra.constraints ?? [],
  });
  if (!Number.isFinite(current) || current <= 0) return noChange("invalid_price");
  if (variant.inventoryQty !== null && variant.inventoryQty <= 0) return noChange("out_of_stock");
  const until = coolDownUntil(input.lastChangedAt, rules, now);
  if (until) return noChange("in_cool_down", { coolDownUntil: until.toISOString() });

  const competitors = summarizeQuotes(input.quotes, rules, variant.currency, now);
  const asked = strategyPrice(rules.strategy, competitors, variant.costCents);
  if (typeof asked === "string") return noChange(asked);

  // 1. The band: floor and MAP below, ceiling above.
  const constraints: AppliedConstraint[] = [];
  const band = priceBand(variant.costCents, rules);
  const banded = clampTo(asked, band.minCents, band.maxCents);
  if (banded > asked && band.minCents !== null) {
    if (band.floor && band.floor.floorCents === band.minCents) constraints.push({ kind: "floor", ...band.floor });
    else if (rules.mapCents !== null) constraints.push({ kind: "map", mapCents: rules.mapCents, source: rules.sources.mapCents });
  } else if (banded < asked && rules.ceilingCents !== null) {
    constraints.push({ kind: "ceiling", ceilingCents: rules.ceilingCents, source: rules.sources.ceilingCents });
  }
  const mode = roundingFor(variant.currency, rules.rounding);
  // A held margin is a minimum: its price rounds up, not to the nearest ending.
  const roundingMin = rules.strategy.kind === "hold_margin" ? banded : band.minCents;
  const target = roundPrice(banded, variant.currency, rules.rounding, { minCents: roundingMin, maxCents: band.maxCents });

  // 2. Today's step toward the target under the daily limit (never out of the band).
  const cap = dailyCap(current, input.priceDayAgoCents ?? null, rules, band);
  let suggested = target;
  let beforeRounding = banded;
  if (cap && (target < cap.minCents || target > cap.maxCents)) {
    const min = Math.max(cap.minCents, band.minCents ?? Number.NEGATIVE_INFINITY);
    const max = Math.min(cap.maxCents, band.maxCents ?? Number.POSITIVE_INFINITY);
    if (min <= max) {
      beforeRounding = clampTo(target, min, max);
      suggested = roundPrice(beforeRounding, variant.currency, rules.rounding, { minCents: min, maxCents: max });
      constraints.push({ kind: "daily_cap", limit: cap.limit, limitPct: cap.limitPct, limitCents: cap.limitCents, maxChangeCents: cap.maxChangeCents, fromCents: cap.fromCents, source: cap.source });
    }
  }
  if (suggested !== Math.round(beforeRounding)) constraints.push({ kind: "rounding", mode, fromCents: Math.round(beforeRounding), toCents: suggested, source: rules.sources.rounding });

  // 3. Worth saying?
  const changePct = pctChange(current, suggested);
  if (Math.abs(changePct) < MIN_CHANGE_PCT) {
    const heldBack = Math.abs(pctChange(current, asked)) >= MIN_CHANGE_PCT && constraints.some((c) => c.kind === "floor" || c.kind === "map" || c.kind === "ceiling");
    return noChange(heldBack ? "held_by_constraints" : "within_threshold", { strategyPriceCents: asked, constraints });
  }
  const suggestion: PriceSuggestion = {
    code: shortCode(`${variant.variantId}:${suggested}`),
    variantId: variant.variantId,
    productId: variant.productId,
    title: variant.title,
    variantTitle: variant.variantTitle,
    sku: variant.sku,
    category: variant.category,
    currency: variant.currency,
    currentPriceCents: current,
    suggestedPriceCents: suggested,
    targetPriceCents: target,
    strategyPriceCents: asked,
    direction: suggested < current ? "down" : "up",
    changePct,
    rule: { strategy: rules.strategy, source: rules.sources.strategy },
    competitors,
    marginBefore: marginOf(current, variant.costCents),
    marginAfter: marginOf(suggested, variant.costCents),
    constraints,
    expected: expectedOutcome({ currentPriceCents: current, newPriceCents: suggested, costCents: variant.costCents, unitsPerDay: input.unitsPerDay, elasticity: input.elasticity.elasticity }),
    elasticity: input.elasticity,
  };
  return { kind: "suggestion", suggestion };
}
