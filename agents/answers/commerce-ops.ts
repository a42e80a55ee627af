/** The commerce-ops tools' composers: inventory, reorders and competitor prices, in en/es/pt. */
import type { CommerceToolName } from "../../tools/tool-names.ts";
import type { ToolError } from "../../tools/tool-outcome.ts";
import { competitorText } from "./commerce-ops/competitors.ts";
import { inventoryText, reorderText } from "./commerce-ops/inventory.ts";
import { isCompetitorPricesData, isInventoryStatusData, isReorderSuggestionsData } from "./commerce-ops/outcome-data.ts";
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

export const commerceComposers: Readonly<Record<CommerceToolName, OutcomeComposer>> = {
  inventory_status: composeInventoryStatus,
  reorder_suggestions: composeReorderSuggestions,
  competitor_prices: composeCompetitorPrices,
};
