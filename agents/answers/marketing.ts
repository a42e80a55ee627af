/** The marketing tools' composers: ad performance and budget reallocation, in en/es/pt. */
import type { MarketingToolName } from "../../tools/tool-names.ts";
import { budgetText } from "./marketing/budget.ts";
import { isBudgetReallocationData, isMarketingPerformanceData } from "./marketing/outcome-data.ts";
import { performanceText } from "./marketing/performance.ts";
import { composeToolError } from "./tool-error.ts";
import type { AnswerContext, ComposedPart, OutcomeComposer } from "./types.ts";

const NO_ADS: Readonly<Record<AnswerContext["language"], string>> = {
  en: "I don't see ad data for that: connect Meta or Google Ads (or pick a period with spend) and ask again.",
  es: "No veo datos de anuncios para eso: conecta Meta o Google Ads (o elige un período con inversión) y vuelve a preguntar.",
  pt: "Não vejo dados de anúncios para isso: conecte Meta ou Google Ads (ou escolha um período com investimento) e pergunte de novo.",
};

const UNREADABLE: Readonly<Record<AnswerContext["language"], string>> = { en: "I couldn't read that result.", es: "No pude leer ese resultado.", pt: "Não consegui ler esse resultado." };

function failureText(call: Parameters<OutcomeComposer>[0], context: AnswerContext): ComposedPart | null {
  const outcome = call.outcome;
  if (outcome.ok) return null;
  if (outcome.error.code === "no_data") return { text: NO_ADS[context.language], suggestion: null };
  return composeToolError(outcome.error, context);
}

const composeMarketingPerformance: OutcomeComposer = (call, context) => {
  const failed = failureText(call, context);
  if (failed) return failed;
  const data = call.outcome.ok ? call.outcome.data : null;
  return isMarketingPerformanceData(data) ? performanceText(data, context) : { text: UNREADABLE[context.language], suggestion: null };
};

const composeBudgetReallocation: OutcomeComposer = (call, context) => {
  const failed = failureText(call, context);
  if (failed) return failed;
  const data = call.outcome.ok ? call.outcome.data : null;
  return isBudgetReallocationData(data) ? budgetText(data, context) : { text: UNREADABLE[context.language], suggestion: null };
};

export const marketingComposers: Readonly<Record<MarketingToolName, OutcomeComposer>> = {
  marketing_performance: composeMarketingPerformance,
  budget_reallocation: composeBudgetReallocation,
};
