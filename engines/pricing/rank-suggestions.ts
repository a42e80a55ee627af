/**
 * Orders price suggestions for an answer, best first, ties by variant id:
 * - all and underpriced (increases): largest expected 30-day gross profit gain (revenue gain when
 *   the cost is unknown);
 * - overpriced (cuts): largest exposure first, the 30-day revenue at the current price times how
 *   far we sit above the lowest competitor price considered. A cut rarely gains gross profit under
 *   an own-price elasticity alone (the model does not see the sales a cheaper competitor takes),
 *   so ranking cuts by that gain would list the smallest gaps first and a best seller undercut by
 *   15% last; "where are we overpriced?" asks for the biggest gaps on the products that sell.
 */
import { assertNever } from "../../lib/assert-never.ts";
import type { PriceSuggestion } from "./suggest-price.ts";

export type SuggestionView = "all" | "overpriced" | "underpriced";

export interface RankOptions {
  readonly view: SuggestionView;
  /** How many to keep, best first. */
  readonly top: number;
}

/** Expected 30-day gross profit gain, or revenue gain when the cost is unknown (minor units). */
export function expectedGainCents(suggestion: PriceSuggestion): number {
  const { expected } = suggestion;
  if (expected.grossProfit30dAfterCents !== null && expected.grossProfit30dBeforeCents !== null) return expected.grossProfit30dAfterCents - expected.grossProfit30dBeforeCents;
  return expected.revenue30dAfterCents - expected.revenue30dBeforeCents;
}

/** 30-day revenue at the current price × the share of the price above the lowest considered competitor (0 when not above). */
export function overpricingExposureCents(suggestion: PriceSuggestion): number {
  const lowest = suggestion.competitors.lowestCents;
  const current = suggestion.currentPriceCents;
  if (lowest === null || lowest >= current) return 0;
  return Math.round((suggestion.expected.revenue30dBeforeCents * (current - lowest)) / current);
}

function inView(suggestion: PriceSuggestion, view: SuggestionView): boolean {
  switch (view) {
    case "all":
      return true;
    case "overpriced":
      return suggestion.direction === "down";
    case "underpriced":
      return suggestion.direction === "up";
    default:
      return assertNever(view, "suggestion view");
  }
}

/** The ranking score of a suggestion in a view (higher first). */
export function rankingScore(suggestion: PriceSuggestion, view: SuggestionView): number {
  return view === "overpriced" ? overpricingExposureCents(suggestion) : expectedGainCents(suggestion);
}

export function rankSuggestions(suggestions: readonly PriceSuggestion[], options: RankOptions): PriceSuggestion[] {
  return suggestions
    .filter((suggestion) => inView(suggestion, options.view))
    .map((suggestion) => ({ suggestion, score: rankingScore(suggestion, options.view) }))
    .sort((a, b) => b.score - a.score || a.suggestion.variantId - b.suggestion.variantId)
    .slice(0, Math.max(0, options.top))
    .map(({ suggestion }) => suggestion);
}
