/** competitor_prices: our prices against competitors' latest in-stock prices, and who undercut us. */
import { competitionReport } from "../../engines/competition/competition-report.ts";
import { readCompetitorNames } from "../../engines/competition/competitor-sql.ts";
import { freshnessOfSources } from "../../engines/metrics/query/freshness.ts";
import { parseRangeText } from "../../engines/metrics/time/parse-range-text.ts";
import { resolveRange } from "../../engines/metrics/time/resolve-range.ts";
import { todayIn, utcBounds } from "../../engines/metrics/time/utc-bounds.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import type { competitorPricesSchema } from "./contracts.ts";
import { resolveName } from "../loose-match.ts";
import { resolveCatalog } from "./resolve-catalog.ts";

export interface CompetitorQuoteData {
  readonly competitor: string;
  readonly priceCents: number;
  /** Their price − ours (negative: they are cheaper). */
  readonly gapCents: number;
  /** gap ÷ our price, e.g. −0.15. */
  readonly gapPct: number;
  /** Local date of the observation. */
  readonly observedDate: string;
}

export interface PriceComparisonData {
  readonly productId: number;
  readonly title: string;
  readonly sku: string | null;
  readonly ourPriceCents: number;
  readonly position: "cheapest" | "middle" | "most_expensive" | "no_quotes";
  /** Cheapest first. */
  readonly quotes: readonly CompetitorQuoteData[];
  readonly outOfStock: readonly string[];
}

export interface UndercutData {
  readonly productId: number;
  readonly title: string;
  readonly sku: string | null;
  readonly competitor: string;
  /** Local date of their first price below ours. */
  readonly date: string;
  readonly previousPriceCents: number;
  readonly priceCents: number;
  readonly ourPriceCents: number;
  readonly gapCents: number;
  readonly gapPct: number;
  readonly stillBelow: boolean;
  readonly latestPriceCents: number;
}

export interface CompetitorPricesData {
  readonly view: "compare" | "undercut";
  readonly range: { readonly start: string; readonly end: string; readonly label: string; readonly days: number };
  readonly category: string | null;
  /** Competitors considered (all, or the ones asked for). */
  readonly competitors: readonly string[];
  readonly observations: number;
  readonly productsCompared: number;
  /** Products where at least one competitor is cheaper than us. */
  readonly productsUndersold: number;
  readonly comparisons: readonly PriceComparisonData[];
  readonly undercutCount: number;
  readonly undercuts: readonly UndercutData[];
}

export const createCompetitorPricesTool: ToolFactory<typeof competitorPricesSchema, CompetitorPricesData> = (deps) => async (args) => {
  const { db, workspace, clock } = deps;
  const tool = "competitor_prices";
  // Independent reads, in flight together (one wait instead of three); their outcomes are still
  // checked in order below: competitors first, then products, then the range.
  const [names, resolved, freshness] = await Promise.all([
    readCompetitorNames(db, workspace.id),
    resolveCatalog(db, workspace.id, tool, args),
    freshnessOfSources(db, workspace.id, ["competitors"]),
  ]);
  if (names.length === 0) return toolError(tool, "no_data", "This workspace tracks no competitor prices yet.");
  let competitors: string[] = names;
  if (args.competitors.length > 0) {
    const picked = new Set<string>();
    for (const query of args.competitors) {
      const resolution = resolveName(query, names.map((name) => ({ names: [name], label: name, value: name })), (name) => name);
      if (resolution.kind === "not_found") return toolError(tool, "not_found", `No tracked competitor matches "${query}".`, resolution.suggestions);
      if (resolution.kind === "ambiguous") return toolError(tool, "ambiguous", `Several competitors match "${query}": which one?`, resolution.suggestions);
      for (const name of resolution.values) picked.add(name);
    }
    competitors = [...picked].sort();
  }
  if (!resolved.ok) return resolved.outcome;
  const spec = parseRangeText(args.range);
  if (!spec.ok) return toolError(tool, "invalid_request", spec.error.message);
  const range = resolveRange(spec.value, { timeZone: workspace.timezone, weekStart: workspace.week_start }, clock.now());
  if (!range.ok) return toolError(tool, "invalid_request", range.error.message);

  const report = await competitionReport(db, workspace.id, utcBounds(range.value, workspace.timezone), {
    productIds: resolved.selection.touchedProductIds,
    category: resolved.selection.category,
    competitors: args.competitors.length > 0 ? competitors : null,
  });
  if (report.observations === 0) {
    return toolError(tool, "no_data", `No competitor prices were observed for these products in ${range.value.label}.`);
  }
  const localDate = (iso: string) => todayIn(new Date(iso), workspace.timezone);
  // Only the listed ones are shaped: local dates cost an Intl call each, and the counts need none.
  const comparisons = report.comparisons.slice(0, args.top).map((c): PriceComparisonData => ({
    productId: c.productId,
    title: c.title,
    sku: c.sku,
    ourPriceCents: c.ourPriceCents,
    position: c.position,
    quotes: c.quotes.map((q) => ({ competitor: q.competitor, priceCents: q.priceCents, gapCents: q.gapCents, gapPct: q.gapPct, observedDate: localDate(q.observedAt) })),
    outOfStock: c.outOfStock,
  }));
  const undercuts = report.undercuts.slice(0, args.top).map((u): UndercutData => ({
    productId: u.productId,
    title: u.title,
    sku: u.sku,
    competitor: u.competitor,
    date: localDate(u.observedAt),
    previousPriceCents: u.previousPriceCents,
    priceCents: u.priceCents,
    ourPriceCents: u.ourPriceCents,
    gapCents: u.gapCents,
    gapPct: u.gapPct,
    stillBelow: u.stillBelow,
    latestPriceCents: u.latestPriceCents,
  }));
  const { start, end, label, days } = range.value;
  const data: CompetitorPricesData = {
    view: args.view,
    range: { start, end, label, days },
    category: resolved.selection.category,
    competitors,
    observations: report.observations,
    productsCompared: report.comparisons.length,
    productsUndersold: report.comparisons.filter((c) => c.quotes.some((q) => q.gapCents < 0)).length,
    comparisons,
    undercutCount: report.undercuts.length,
    undercuts,
  };
  return toolData(tool, data, freshness);
};
