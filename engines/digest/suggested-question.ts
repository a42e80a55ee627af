/**
 * The one question a digest or a weekly report suggests asking next: the top insight's own
 * recommended action when it has one, else a question that follows from the numbers (why the main
 * metric fell, or what sold most when it did not), phrased as people ask it in chat so the
 * conversation understands it.
 */
import type { LocalizedText } from "../insights/types.ts";
import type { InsightFact, KpiFact } from "./types.ts";

const WHY_SALES_FELL_YESTERDAY: LocalizedText = { en: "Why did sales drop yesterday?", es: "¿Por qué bajaron las ventas ayer?", pt: "Por que as vendas caíram ontem?" };
const TOP_PRODUCTS_YESTERDAY: LocalizedText = { en: "Which products sold most yesterday?", es: "¿Qué productos se vendieron más ayer?", pt: "Quais produtos mais venderam ontem?" };
const WHY_SALES_FELL_LAST_WEEK: LocalizedText = { en: "Why did sales drop last week?", es: "¿Por qué bajaron las ventas la semana pasada?", pt: "Por que as vendas caíram na semana passada?" };
const TOP_PRODUCTS_LAST_WEEK: LocalizedText = { en: "Which products sold most last week?", es: "¿Qué productos se vendieron más la semana pasada?", pt: "Quais produtos mais venderam na semana passada?" };
const MRR_THIS_MONTH: LocalizedText = { en: "How did MRR change this month?", es: "¿Cómo cambió el MRR este mes?", pt: "Como o MRR mudou neste mês?" };

function insightQuestion(insights: readonly InsightFact[]): LocalizedText | null {
  const action = insights[0]?.action ?? null;
  if (action === null) return null;
  return action.kind === "question" ? action.question : action.request;
}

/** The question under a report of `period` whose main KPI is `main`. */
export function suggestedQuestion(insights: readonly InsightFact[], main: KpiFact | undefined, period: "yesterday" | "last_week"): LocalizedText {
  const fromInsight = insightQuestion(insights);
  if (fromInsight !== null) return fromInsight;
  if (main === undefined || main.metric !== "net_sales") return MRR_THIS_MONTH;
  const fell = main.change !== null && main.change < 0;
  if (period === "yesterday") return fell ? WHY_SALES_FELL_YESTERDAY : TOP_PRODUCTS_YESTERDAY;
  return fell ? WHY_SALES_FELL_LAST_WEEK : TOP_PRODUCTS_LAST_WEEK;
}
