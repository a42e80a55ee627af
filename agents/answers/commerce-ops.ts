/** The commerce-ops tools' composers: inventory, reorders, competitor prices and pricing (suggestions, proposals, undo, their list), in en/es/pt. */
import type { CommerceToolName } from "../../tools/tool-names.ts";
import type { ToolError } from "../../tools/tool-outcome.ts";
import { competitorText } from "./commerce-ops/competitors.ts";
import { inventoryText, reorderText } from "./commerce-ops/inventory.ts";
import { isCompetitorPricesData, isInventoryStatusData, isPriceChangesData, isPriceSuggestionsData, isProposePriceChangeData, isReorderSuggestionsData } from "./commerce-ops/outcome-data.ts";
import { suggestionsText } from "./commerce-ops/pricing.ts";
import { proposalFailure } from "./commerce-ops/pricing-refusals.ts";
import { priceChangesText, proposalText } from "./commerce-ops/proposals.ts";
import { composeToolError } from "./tool-error.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer } from "./types.ts";

type Phrases = Readonly<Record<AnswerContext["language"], string>>;

/** A failed call: no_data says which data is missing; the rest use the shared wording with suggestions. */
function failure(error: ToolError, missing: Phrases, context: AnswerContext): ComposedPart {
  if (error.code !== "no_data") return composeToolError(error, context);
  return { text: missing[context.language], suggestion: null };
}

const NO_INVENTORY: Phrases = {
  en: "I don't have stock levels for this store yet: connect the store or import inventory so I can forecast stockouts.",
  es: "Todavía no tengo niveles de stock de esta tienda: conecta la tienda o importa el inventario para poder prever quiebres de stock.",
  pt: "Ainda não tenho os níveis de estoque desta loja: conecte a loja ou importe o inventário para eu prever rupturas.",
};

const NO_COMPETITORS: Phrases = {
  en: "There are no competitor prices for that yet: no price tracking is set up for these products or this period.",
  es: "Todavía no hay precios de competidores para eso: no hay monitoreo de precios para estos productos o este período.",
  pt: "Ainda não há preços de concorrentes para isso: não há monitoramento de preços para esses produtos ou este período.",
};

const UNREADABLE: Phrases = { en: "I couldn't read that result.", es: "No pude leer ese resultado.", pt: "Não consegui ler esse resultado." };

const composeInventoryStatus: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return failure(outcome.error, NO_INVENTORY, context);
  return isInventoryStatusData(outcome.data) ? inventoryText(outcome.data, context) : { text: UNREADABLE[context.language], suggestion: null };
};

const composeReorderSuggestions: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return failure(outcome.error, NO_INVENTORY, context);
  return isReorderSuggestionsData(outcome.data) ? reorderText(outcome.data, context) : { text: UNREADABLE[context.language], suggestion: null };
};

const composeCompetitorPrices: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return failure(outcome.error, NO_COMPETITORS, context);
  return isCompetitorPricesData(outcome.data) ? competitorText(outcome.data, context) : { text: UNREADABLE[context.language], suggestion: null };
};

const NO_PRICING_DATA: Phrases = {
  en: "I can't suggest prices yet: I need competitor prices for these products (and their current store prices).",
  es: "Todavía no puedo sugerir precios: necesito precios de competidores para estos productos (y sus precios actuales en la tienda).",
  pt: "Ainda não posso sugerir preços: preciso de preços de concorrentes para esses produtos (e dos preços atuais na loja).",
};

const NO_PRICE_CHANGES: Phrases = {
  en: "There are no price changes to show.",
  es: "No hay cambios de precio para mostrar.",
  pt: "Não há mudanças de preço para mostrar.",
};

const composePriceSuggestions: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return failure(outcome.error, NO_PRICING_DATA, context);
  return isPriceSuggestionsData(outcome.data) ? suggestionsText(outcome.data, context) : { text: UNREADABLE[context.language], suggestion: null };
};

/** propose_price_change and undo_price_change return the same data: the proposal and who approves it. */
function proposalComposer(kind: "change" | "undo"): OutcomeComposer {
  return (call, context) => {
    const outcome = call.outcome;
    if (!outcome.ok) return proposalFailure(outcome.error, kind, typeof call.args.code === "string" ? call.args.code : null, context);
    return isProposePriceChangeData(outcome.data) ? proposalText(outcome.data, context) : { text: UNREADABLE[context.language], suggestion: null };
  };
}

const composePriceChanges: OutcomeComposer = (call, context) => {
  const outcome = call.outcome;
  if (!outcome.ok) return failure(outcome.error, NO_PRICE_CHANGES, context);
  return isPriceChangesData(outcome.data) ? priceChangesText(outcome.data, context) : { text: UNREADABLE[context.language], suggestion: null };
};

export const commerceComposers: Readonly<Record<CommerceToolName, OutcomeComposer>> = {
  inventory_status: composeInventoryStatus,
  reorder_suggestions: composeReorderSuggestions,
  competitor_prices: composeCompetitorPrices,
  price_suggestions: composePriceSuggestions,
  propose_price_change: proposalComposer("change"),
  undo_price_change: proposalComposer("undo"),
  price_changes: composePriceChanges,
};
