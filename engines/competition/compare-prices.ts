/**
 * Our prices against competitors' (pure). Per product: each competitor's latest in-stock
 * observation in the window and its gap to our current price. Undercuts: a competitor whose
 * in-stock price went from at or above ours to below ours inside the window (who, when, by how much).
 * A competitor that was already cheaper before the window is a standing gap, not an undercut.
 */
import type { Observation } from "./competitor-sql.ts";

export interface CompetitorQuote {
  readonly competitor: string;
  readonly priceCents: number;
  readonly observedAt: string;
  /** Their price − ours: negative when they are cheaper. */
  readonly gapCents: number;
  /** gap ÷ our price (−0.15 = 15% cheaper than us). */
  readonly gapPct: number;
  readonly url: string | null;
}

export interface ProductComparison {
  readonly productId: number;
  readonly variantId: number | null;
  readonly title: string;
  readonly sku: string | null;
  readonly category: string | null;
  readonly ourPriceCents: number;
  /** Competitors with an in-stock price in the window, cheapest first. */
  readonly quotes: readonly CompetitorQuote[];
  /** Competitors that were only seen out of stock in the window. */
  readonly outOfStock: readonly string[];
  readonly position: "cheapest" | "middle" | "most_expensive" | "no_quotes";
}

export interface Undercut {
  readonly productId: number;
  readonly variantId: number | null;
  readonly title: string;
  readonly sku: string | null;
  readonly competitor: string;
  /** First observation below our price. */
  readonly observedAt: string;
  readonly previousPriceCents: number;
  readonly priceCents: number;
  readonly ourPriceCents: number;
  readonly gapCents: number;
  readonly gapPct: number;
  /** Their latest in-stock observation in the window is still below ours. */
  readonly stillBelow: boolean;
  readonly latestPriceCents: number;
}

function seriesKey(o: Observation): string {
  return `${o.productId}|${o.variantId ?? ""}|${o.competitor}`;
}

function gapPct(gapCents: number, ourPriceCents: number): number {
  return ourPriceCents > 0 ? Math.round((gapCents / ourPriceCents) * 1e6) / 1e6 : 0;
}

function groupSeries(observations: readonly Observation[]): Map<string, Observation[]> {
  const series = new Map<string, Observation[]>();
  for (const o of observations) {
    const list = series.get(seriesKey(o));
    if (list) list.push(o);
    else series.set(seriesKey(o), [o]);
  }
  for (const list of series.values()) list.sort((a, b) => (a.observedAt < b.observedAt ? -1 : a.observedAt > b.observedAt ? 1 : 0));
  return series;
}

/** One comparison per observed product (and variant), ordered by how far we sit above the cheapest competitor. */
export function comparePrices(observations: readonly Observation[]): ProductComparison[] {
  const products = new Map<string, { base: Observation; quotes: CompetitorQuote[]; outOfStock: string[] }>();
  for (const list of groupSeries(observations.filter((o) => !o.beforeWindow)).values()) {
    const base = list[0]!;
    const key = `${base.productId}|${base.variantId ?? ""}`;
    let entry = products.get(key);
    if (!entry) products.set(key, (entry = { base, quotes: [], outOfStock: [] }));
    const latest = list.filter((o) => o.inStock).at(-1);
    if (!latest) {
      entry.outOfStock.push(base.competitor);
      continue;
    }
    const gap = latest.priceCents - latest.ourPriceCents;
    entry.quotes.push({ competitor: latest.competitor, priceCents: latest.priceCents, observedAt: latest.observedAt, gapCents: gap, gapPct: gapPct(gap, latest.ourPriceCents), url: latest.url });
  }
  const out: ProductComparison[] = [];
  for (const { base, quotes, outOfStock } of products.values()) {
    quotes.sort((a, b) => a.priceCents - b.priceCents || a.competitor.localeCompare(b.competitor));
    const below = quotes.filter((q) => q.gapCents < 0).length;
    const above = quotes.filter((q) => q.gapCents > 0).length;
    const position = quotes.length === 0 ? "no_quotes" : below === 0 ? "cheapest" : above === 0 ? "most_expensive" : "middle";
    out.push({ productId: base.productId, variantId: base.variantId, title: base.productTitle, sku: base.sku, category: base.category, ourPriceCents: base.ourPriceCents, quotes, outOfStock: outOfStock.sort(), position });
  }
  const cheapestGap = (c: ProductComparison) => c.quotes[0]?.gapPct ?? Number.POSITIVE_INFINITY;
  return out.sort((a, b) => cheapestGap(a) - cheapestGap(b) || a.productId - b.productId);
}

/** Competitors whose in-stock price went below ours inside the window, deepest cut first. */
export function findUndercuts(observations: readonly Observation[]): Undercut[] {
  const out: Undercut[] = [];
  for (const list of groupSeries(observations.filter((o) => o.inStock)).values()) {
    let previous: Observation | null = null;
    let found: Observation | null = null;
    let from: Observation | null = null;
    for (const o of list) {
      const wentBelow = previous !== null && previous.priceCents >= previous.ourPriceCents && o.priceCents < o.ourPriceCents;
      if (!o.beforeWindow && wentBelow && previous !== null) {
        found = o;
        from = previous;
      }
      previous = o;
    }
    if (!found || !from) continue;
    const latest = list.filter((o) => !o.beforeWindow).at(-1) ?? found;
    const gap = found.priceCents - found.ourPriceCents;
    out.push({
      productId: found.productId,
      variantId: found.variantId,
      title: found.productTitle,
      sku: found.sku,
      competitor: found.competitor,
      observedAt: found.observedAt,
      previousPriceCents: from.priceCents,
      priceCents: found.priceCents,
      ourPriceCents: found.ourPriceCents,
      gapCents: gap,
      gapPct: gapPct(gap, found.ourPriceCents),
      stillBelow: latest.priceCents < latest.ourPriceCents,
      latestPriceCents: latest.priceCents,
    });
  }
  // Those still below us first, then the deepest cut, then the most recent.
  return out.sort((a, b) => Number(b.stillBelow) - Number(a.stillBelow) || a.gapPct - b.gapPct || (a.observedAt < b.observedAt ? 1 : -1));
}
