/** price_suggestions: ranked price suggestions from the pricing engine and the workspace's rules. */
import { freshnessOfSources } from "../../engines/metrics/query/freshness.ts";
import type { ToolFactory } from "../tool-contract.ts";
import { toolData, toolError } from "../tool-outcome.ts";
import type { priceSuggestionsSchema } from "./pricing-contracts.ts";
import type { PriceSuggestionsData } from "./pricing-data.ts";
import { resolveCatalog } from "./resolve-catalog.ts";
import { suggestionList } from "./suggestion-list.ts";

const SKIPPED_SHOWN = 5;

export const createPriceSuggestionsTool: ToolFactory<typeof priceSuggestionsSchema, PriceSuggestionsData> = (deps) => async (args) => {
  const { db, workspace, clock, access } = deps;
  const tool = "price_suggestions";
  const resolved = await resolveCatalog(db, workspace.id, tool, args);
  if (!resolved.ok) return resolved.outcome;
  const list = await suggestionList(db, workspace, access, { view: args.view, productIds: resolved.selection.touchedProductIds, category: resolved.selection.category }, clock.now());
  if (list.considered === 0) return toolError(tool, "no_data", "No active products with a price to look at.");
  if (list.competitorsFreshAt === null && list.suggestions.length === 0) {
    return toolError(tool, "no_data", "This workspace tracks no competitor prices for these products yet, so there is nothing to price against.");
  }
  const freshness = await freshnessOfSources(db, workspace.id, ["competitors", "orders"]);
  return toolData(
    tool,
    {
      view: args.view,
      category: resolved.selection.category,
      currency: workspace.currency,
      considered: list.considered,
      total: list.suggestions.length,
      suggestions: list.suggestions.slice(0, args.top),
      skipped: list.skipped.slice(0, SKIPPED_SHOWN),
    },
    freshness,
  );
};
