/**
 * Metric words in English, Spanish and Portuguese: every name and alias of the metric registry, plus
 * the everyday phrasing owners use ("cuánto vendimos" → net_sales, "ticket médio" → aov).
 */
import { metricAliases } from "../../../../../engines/metrics/definitions/registry.ts";
import { phraseTable, type Phrase } from "../phrases.ts";

/** Verbs of selling alone ("vendimos", "sold"): net sales unless another metric is named ("cuántas unidades vendimos"). */
export const WEAK_NET_SALES = "~net_sales";

const EVERYDAY: ReadonlyArray<readonly [string, string]> = [
  [
    "net_sales",
    "how much did we sell|how much have we sold|how much we sold|how much did i sell|how much did we make|sale amount|venta|venda|cuanto vendimos|quanto vendemos|" +
      "facturamos|facture|facturado|facturo|facturacion|faturamos|faturei|faturou|faturado|faturamento|ingresos|income|turnover|billing|revenue|sales|total sales|ventas totales|vendas totais|net revenue|receitas|plata|dinero",
  ],
  [WEAK_NET_SALES, "vendido|vendida|vendidos|vendidas|buy|buys|bought|compro|compraron|compran|comprou|compraram|compram|cuanto llevamos|quanto levamos|how much so far|sold|sell|sells|vendimos|vendemos|vendi|vendio|vendieron|vendeu|venderam|vendeste|vender|vendemos|venderemos|vendiendo|vendendo|selling"],
  [
    "orders",
    "pedido|order|orders|ordenes|orden|transacciones|transactions|transacoes|cantidad de ventas|numero de ventas|how many sales|cuantas ventas|quantas vendas|numero de vendas|quantidade de vendas|cantidad de pedidos|how many orders|number of orders|numero de pedidos|quantidade de pedidos",
  ],
  ["units", "quantity|quantidade|cantidad|unidades|units|unit|piezas|prendas|itens|items|pecas|cuantas unidades|how many units|quantas unidades|cantidad de productos|quantidade de produtos"],
  ["aov", "ticket|ticket medio|average ticket|aov|average order|average order size|valor medio|basket size|average basket|carrito promedio|ticket promedio por pedido|valor medio por pedido"],
  ["customers", "clientes|customers|customer|compradores|buyers|cuantos clientes|how many customers|quantos clientes"],
  ["new_customers", "nuevos compradores|first time buyers|first time customers|primeros compradores|clientes nuevos|clientes novos|new buyers|compradores nuevos|compradores novos"],
  ["returning_customers", "recurrentes|recorrentes|returning|returning customers|recurring customers|repeat customers|clientes que vuelven|clientes que volvieron|clientes que voltaram|clientes que recompraron"],
  ["gross_margin", "margen|margin|margins|margenes|margem|margens|rentabilidad|rentabilidade|profitability"],
  ["gross_profit", "ganancia|ganancias|utilidad|utilidades|profit|profits|lucro|lucros|ganamos|ganhamos|gross profit"],
  ["refunds", "reembolsos|reembolso|devoluciones|devolucion|devolucoes|devolucao|refunds|refund|returns|devolvieron|devolveram"],
  ["discounts", "descuento|desconto|discount|descuentos|descontos|discounts|cupones|cupons|coupons"],
  ["shipping", "envio|envios|frete|shipping"],
  ["revenue_churn_rate", "revenue churn|churn de receita|churn de ingresos|mrr churn"],
  ["customer_churn_rate", "churn|cancelaciones|cancelamentos|cancellations"],
  ["active_subscriptions", "suscriptores|assinantes|subscribers|suscripciones|assinaturas|subscriptions"],
  [
    "ad_spend",
    "spend|ad spend|ads spend|gasto|gastos en publicidad|gastamos|gaste|gastei|gastou|gastaste|invertimos|investimos|inversion|inversion en ads|investimento|investimento em anuncios|spent|gasto en ads|gasto em ads|gasto en meta|gasto publicitario",
  ],
  ["cpa", "cost per purchase|costo por venta|custo por venda|costo por compra|custo por compra|cost per conversion|custo por conversao"],
  ["cac", "costo por cliente|custo por cliente|cost per customer|costo de adquirir un cliente|custo de aquisicao de clientes"],
  ["ad_conversions", "conversions|conversiones|conversoes"],
  ["sessions", "sessions|sesiones|sessoes|visitas|visits|traffic|trafico|trafego"],
  ["users", "users|usuarios|visitantes|visitors"],
  ["conversion_rate", "cr|conv rate|conversion rate|tasa de conversion|taxa de conversao|conversion|conversao|cvr|convertimos|convert|convierte|converte"],
  ["ctr", "ctr|click through|tasa de clic|taxa de clique"],
  ["clicks", "clics|clicks|cliques|clic|click"],
  ["impressions", "impresiones|impressions|impressoes|alcance|reach"],
];

function registryGroups(): Array<readonly [string, string]> {
  return [...metricAliases()].map(([alias, metric]) => [metric.name, alias] as const);
}

/** Phrase → metric name, registry aliases and everyday phrasing, longest first. */
export const METRIC_PHRASES: readonly Phrase<string>[] = phraseTable([...registryGroups(), ...EVERYDAY]);

/** Ad-platform metrics: questions about them go to the marketing agent. */
export const AD_METRICS: ReadonlySet<string> = new Set(["ad_spend", "impressions", "clicks", "ctr", "cpc", "ad_conversions", "cpa", "roas"]);

/** Store-wide marketing efficiency metrics: the marketing agent reads them with query_metrics. */
export const BLENDED_MARKETING_METRICS: ReadonlySet<string> = new Set(["mer", "cac"]);

/** What "how are we doing" / "cómo vamos" / "como estamos" reports. */
export const DEFAULT_METRICS: readonly string[] = ["net_sales", "orders", "aov"];

/** Ranking phrasing: by quantity ("más vendidos", "best sellers") or by money ("los que más facturan"). */
export interface Ranking {
  readonly sortBy: "units" | "net_sales";
  readonly direction: "desc" | "asc";
}

export const RANKING_PHRASES: readonly Phrase<Ranking>[] = phraseTable<Ranking>([
  [
    { sortBy: "units", direction: "desc" },
    "selling best|selling the most|selling most|se venden mas|se vende mejor|vendiendo mas|vendendo mais|mas vendidos|mas vendidas|mas vendido|mas vendida|best sellers|bestsellers|best seller|best selling|top sellers|top selling|most sold|sold the most|sold most|sell the most|sells the most|sell best|sold best|" +
      "vendieron mas|vendio mas|venden mas|se vende mas|se vendio mas|mas se vende|mas se vendio|mais vendidos|mais vendidas|mais vendido|mais vendida|vendeu mais|venderam mais|vende mais|mais vende|mais se vende|mais saem|mas salen|mas sale|mas unidades|mais unidades|most units",
  ],
  [
    { sortBy: "units", direction: "asc" },
    "menos vendidos|menos vendidas|menos vendido|worst sellers|worst selling|least sold|least selling|sold the least|sell the least|sells the least|vendieron menos|vendio menos|venden menos|se vende menos|menos se vende|menos vendem|vendeu menos|venderam menos|vende menos|menos vende|lowest selling|slow movers|slowest",
  ],
  [
    { sortBy: "net_sales", direction: "desc" },
    "mas compran|compran mas|mais compram|compram mais|buy the most|buy most|bought the most|mas facturan|mas facturo|mas facturaron|mas facturacion|highest revenue|top revenue|most revenue|mais faturam|mais faturou|mais faturamento|mas ingresos|more revenue|generan mas|generaron mas|dejan mas plata|mas plata|mais dinheiro|most money|made the most|make the most|earn the most",
  ],
  [{ sortBy: "net_sales", direction: "asc" }, "menos facturan|menos facturo|lowest revenue|least revenue|menos faturam|menos faturou|menos ingresos|made the least|menos plata"],
]);

/** Words that flip a ranking to the smallest first. */
export const ASCENDING_WORDS = phraseTable([["asc", "worst|peores|peor|piores|pior|least|menos|bottom|lowest|menor|menores|weakest|flojos|flojas|fracos|fracas"]]);
/** Words that ask for a ranking (largest first unless an ascending word is there). */
export const RANKING_WORDS = phraseTable([
  ["desc", "top|best|mejores|mejor|melhores|melhor|ranking|highest|mayor|maior|principales|principais|leading|biggest|most|mas|mais|estrella|estrelas"],
]);
