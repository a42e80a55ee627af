/**
 * Which competitor prices a suggestion may use: each competitor's latest observation, minus those
 * in another currency, older than the rules allow, out of stock (when the rules say so) and
 * outliers (below median × r or above median ÷ r of the rest: a different pack size, a typo, a
 * clearance; only among three or more). Every dropped price is kept with its reason, so the answer can say what it ignored.
 */
import type { PricingRules } from "./rules.ts";

export interface CompetitorQuote {
  readonly competitor: string;
  readonly priceCents: number;
  readonly inStock: boolean;
  /** ISO instant. */
  readonly observedAt: string;
  /** The observation's currency; left out or null when it is the variant's. */
  readonly currency?: string | null;
}

export type IgnoredQuoteReason = "other_currency" | "stale" | "out_of_stock" | "outlier_low" | "outlier_high";

export interface ConsideredQuote {
  readonly competitor: string;
  readonly priceCents: number;
  readonly observedAt: string;
}

export interface IgnoredQuote extends ConsideredQuote {
  readonly reason: IgnoredQuoteReason;
}

export interface CompetitorSummary {
  /** Cheapest first (ties by name). */
  readonly considered: readonly ConsideredQuote[];
  readonly ignored: readonly IgnoredQuote[];
  readonly lowestCents: number | null;
  /** Mean of the considered prices, rounded to a minor unit. */
  readonly averageCents: number | null;
}

/** With two prices the median is their mean and neither is "the odd one": outliers need three. */
export const MIN_QUOTES_FOR_OUTLIERS = 3;

function median(sorted: readonly number[]): number {
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

const byPriceThenName = (a: ConsideredQuote, b: ConsideredQuote) => a.priceCents - b.priceCents || a.competitor.localeCompare(b.competitor);

/** The quotes a suggestion uses and the ones it ignores (with why), for a variant priced in `currency`. */
export function summarizeQuotes(quotes: readonly CompetitorQuote[], rules: PricingRules, currency: string, now: Date): CompetitorSummary {
  const latest = new Map<string, CompetitorQuote>();
  for (const quote of quotes) {
    const seen = latest.get(quote.competitor);
    if (!seen || Date.parse(quote.observedAt) > Date.parse(seen.observedAt)) latest.set(quote.competitor, quote);
  }
  const staleBefore = now.getTime() - rules.competitorMaxAgeDays * 86_400_000;
  const ignored: IgnoredQuote[] = [];
  const kept: ConsideredQuote[] = [];
  for (const quote of latest.values()) {
    const base = { competitor: quote.competitor, priceCents: quote.priceCents, observedAt: quote.observedAt };
    if (quote.currency && quote.currency !== currency) ignored.push({ ...base, reason: "other_currency" });
    else if (Date.parse(quote.observedAt) < staleBefore) ignored.push({ ...base, reason: "stale" });
    else if (!quote.inStock && rules.ignoreOutOfStock) ignored.push({ ...base, reason: "out_of_stock" });
    else if (quote.priceCents > 0) kept.push(base);
  }
  let considered = kept;
  if (rules.outlierRatio > 0 && kept.length >= MIN_QUOTES_FOR_OUTLIERS) {
    const middle = median(kept.map((quote) => quote.priceCents).sort((a, b) => a - b));
    considered = [];
    for (const quote of kept) {
      if (quote.priceCents < middle * rules.outlierRatio) ignored.push({ ...quote, reason: "outlier_low" });
      else if (quote.priceCents > middle / rules.outlierRatio) ignored.push({ ...quote, reason: "outlier_high" });
      else considered.push(quote);
    }
  }
  considered.sort(byPriceThenName);
  ignored.sort(byPriceThenName);
  const total = considered.reduce((acc, quote) => acc + quote.priceCents, 0);
  return {
    considered,
    ignored,
    lowestCents: considered[0]?.priceCents ?? null,
    averageCents: considered.length > 0 ? Math.round(total / considered.length) : null,
  };
}
