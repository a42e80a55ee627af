/** Marketing, commerce-ops and analysis questions → the right agent, tool and arguments. */
import { describe, expect, it } from "vitest";
import { run, schemaIssues, summarize, type Expected } from "./test-helpers.ts";

const CASES: ReadonlyArray<readonly [string, Expected]> = [
  ["o que vai faltar nos próximos 10 dias?", { lang: "pt", kind: "tool", tool: "inventory_status", args: { view: "stockout_risk", horizonDays: 10 } }],
  ["what's at risk of stocking out in the next 10 days?", { lang: "en", kind: "tool", tool: "inventory_status", args: { view: "stockout_risk", horizonDays: 10 } }],
  ["quien nos gano en precio en los ultimos 15 dias", { lang: "es", kind: "tool", tool: "competitor_prices", args: { view: "undercut", range: "last 15 days" } }],
  ["quanto a gente deve faturar nos próximos 15 dias, mais ou menos?", { lang: "pt", kind: "tool", tool: "forecast_metric", args: { metric: "net_sales", horizonDays: 15 } }],
  // marketing
  ["qual foi o roas do meta", { lang: "pt", kind: "tool", agent: "marketing", tool: "marketing_performance", args: { platforms: ["meta"], by: "platform" } }],
  ["cómo van mis campañas?", { lang: "es", kind: "tool", agent: "marketing", tool: "marketing_performance", args: { by: "campaign" } }],
  ["ROAS by platform last month", { lang: "en", kind: "tool", tool: "marketing_performance", args: { by: "platform", range: "last month" } }],
  ["cuánto gastamos en Facebook Ads esta semana", { lang: "es", kind: "tool", tool: "marketing_performance", args: { platforms: ["meta"], range: "this week" } }],
  ["CPA de Google el mes pasado vs el anterior", { kind: "tool", tool: "marketing_performance", args: { platforms: ["google"], comparison: "previous", range: "last month" } }],
  ["CTR y CPC de la campaña Hot Sale", { kind: "tool", tool: "marketing_performance", args: { campaigns: ["Hot Sale 2026 - Prospecting"], by: "campaign" } }],
  ["como está indo a campanha search marca?", { lang: "pt", kind: "tool", tool: "marketing_performance", args: { campaigns: ["Search Marca"] } }],
  ["ROAS de Instagram en octubre", { kind: "tool", tool: "marketing_performance", args: { platforms: ["meta"], range: "october" } }],
  ["gasto en tiktok del último Black Friday", { kind: "tool", tool: "marketing_performance", args: { platforms: ["tiktok"], range: "2025-11-28..2025-11-28" } }],
  ["what's our MER this month?", { lang: "en", kind: "tool", agent: "marketing", tool: "marketing_performance", args: { range: "this month" } }],
  ["MER by week this quarter", { lang: "en", kind: "tool", agent: "marketing", tool: "query_metrics", args: { metrics: ["mer"], grain: "week" } }],
  ["CAC por mes este año", { kind: "tool", agent: "marketing", tool: "query_metrics", args: { metrics: ["cac"], grain: "month", range: { kind: "this", unit: "year" } } }],
  ["roas diario de la última semana", { kind: "tool", agent: "marketing", tool: "query_metrics", args: { metrics: ["roas"], grain: "day" } }],
  ["top 3 campañas por ROAS", { kind: "tool", tool: "marketing_performance", args: { by: "campaign", top: 3 } }],
  ["where should I move budget?", { lang: "en", kind: "tool", agent: "marketing", tool: "budget_reallocation", args: { by: "campaign" } }],
  ["redistribuir presupuesto entre plataformas", { lang: "es", kind: "tool", tool: "budget_reallocation", args: { by: "platform" } }],
  ["quero realocar orçamento, até 30%", { lang: "pt", kind: "tool", tool: "budget_reallocation", args: { shiftPercent: 30 } }],
  ["dónde debería invertir más en ads el mes que viene?", { kind: "tool", tool: "budget_reallocation" }],
  // commerce ops
  ["qué productos se van a agotar la semana que viene?", { lang: "es", kind: "tool", agent: "commerce_ops", tool: "inventory_status", args: { view: "stockout_risk", horizonDays: 7 } }],
  ["what will run out of stock next month?", { lang: "en", kind: "tool", tool: "inventory_status", args: { view: "stockout_risk", horizonDays: 30 } }],
  ["quais produtos vão acabar?", { lang: "pt", kind: "tool", tool: "inventory_status", args: { view: "stockout_risk" } }],
  ["cuántos días de stock quedan de las zapatillas", { kind: "tool", tool: "inventory_status", args: { view: "days_of_stock", products: ["Zapatillas Urbanas"] } }],
  ["overstock in Calzado", { lang: "en", kind: "tool", tool: "inventory_status", args: { view: "overstock", category: "Calzado" } }],
  ["tengo exceso de stock?", { kind: "tool", tool: "inventory_status", args: { view: "overstock" } }],
  ["estoque parado da categoria buzos", { kind: "tool", tool: "inventory_status", args: { view: "overstock", category: "Buzos" } }],
  ["qué tengo que reponer?", { lang: "es", kind: "tool", tool: "reorder_suggestions" }],
  ["preciso repor estoque de jeans, o fornecedor demora 20 dias", { lang: "pt", kind: "tool", tool: "reorder_suggestions", args: { products: ["Jean Slim Azul"], leadTimeDays: 20 } }],
  ["what should I reorder this week?", { lang: "en", kind: "tool", tool: "reorder_suggestions" }],
  ["precios de la competencia", { lang: "es", kind: "tool", tool: "competitor_prices", args: { view: "compare" } }],
  ["who undercut us this week?", { lang: "en", kind: "tool", tool: "competitor_prices", args: { view: "undercut", range: "this week" } }],
  ["quién está más barato que nosotros en zapatillas?", { kind: "tool", tool: "competitor_prices", args: { view: "undercut", products: ["Zapatillas Urbanas"] } }],
  ["preços dos concorrentes para a remera básica", { lang: "pt", kind: "tool", tool: "competitor_prices", args: { products: ["Remera Básica Algodón"] } }],
  ["precios de Moda Rapida", { kind: "tool", tool: "competitor_prices", args: { competitors: ["Moda Rápida"] } }],
  // analyses
  ["retención por cohorte", { lang: "es", kind: "tool", agent: "analytics", tool: "cohort_analysis" }],
  ["customer LTV by cohort for the last 6 months", { lang: "en", kind: "tool", tool: "cohort_analysis", args: { months: 6 } }],
  ["análise de coortes", { lang: "pt", kind: "tool", tool: "cohort_analysis" }],
  ["segmentos RFM", { kind: "tool", tool: "rfm_segments", args: { segment: null } }],
  ["quiénes son mis mejores clientes?", { lang: "es", kind: "tool", tool: "rfm_segments", args: { segment: "champions" } }],
  ["clientes en riesgo", { kind: "tool", tool: "rfm_segments", args: { segment: "at_risk" } }],
  ["which customers are at risk?", { lang: "en", kind: "tool", tool: "rfm_segments", args: { segment: "at_risk" } }],
  ["why did sales drop yesterday?", { lang: "en", kind: "tool", tool: "explain_anomalies", args: { metric: "net_sales", lookbackDays: 2 } }],
  ["qué pasó el martes con los pedidos?", { lang: "es", kind: "tool", tool: "explain_anomalies", args: { metric: "orders", lookbackDays: 5 } }],
  ["por qué cayeron las ventas esta semana?", { lang: "es", kind: "tool", tool: "explain_anomalies", args: { metric: "net_sales" } }],
  ["alguma anomalia na taxa de conversão?", { lang: "pt", kind: "tool", tool: "explain_anomalies", args: { metric: "conversion_rate" } }],
  ["forecast revenue next month", { lang: "en", kind: "tool", tool: "forecast_metric", args: { metric: "net_sales", horizonDays: 30 } }],
  ["cuánto vamos a vender la semana que viene?", { lang: "es", kind: "tool", tool: "forecast_metric", args: { metric: "net_sales", horizonDays: 7 } }],
  ["previsão de pedidos para os próximos 14 dias", { lang: "pt", kind: "tool", tool: "forecast_metric", args: { metric: "orders", horizonDays: 14 } }],
  ["proyección de ventas a fin de mes", { kind: "tool", tool: "forecast_metric", args: { horizonDays: 9 } }],
];

describe("tool questions", () => {
  it.each(CASES)("%s", (text, expected) => {
    const understanding = run(text);
    expect(summarize(understanding)).toMatchObject(expected);
    expect(schemaIssues(understanding)).toEqual([]);
  });
});
