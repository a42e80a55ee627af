/**
 * Names in the asker's language: metrics, dimensions, member labels the engine writes in English
 * ("Other", "New customers"), data sources, and the reasons values are missing. Anything not listed
 * falls back to the engine's English text, which is still correct, just not translated.
 */
import type { FreshnessSource } from "../../../engines/metrics/query/freshness.ts";
import type { Language } from "../../shared/language.ts";

type Phrases = Readonly<Record<Language, string>>;

const METRIC_LABELS: Readonly<Record<string, readonly [string, string]>> = {
  gross_sales: ["ventas brutas", "vendas brutas"],
  discounts: ["descuentos", "descontos"],
  refunds: ["reembolsos", "reembolsos"],
  net_sales: ["ventas netas", "vendas líquidas"],
  shipping: ["envíos cobrados", "fretes cobrados"],
  taxes: ["impuestos", "impostos"],
  orders: ["pedidos", "pedidos"],
  units: ["unidades vendidas", "unidades vendidas"],
  aov: ["ticket promedio", "ticket médio"],
  customers: ["clientes", "clientes"],
  new_customers: ["clientes nuevos", "clientes novos"],
  returning_customers: ["clientes recurrentes", "clientes recorrentes"],
  new_customer_sales: ["ventas de clientes nuevos", "vendas de clientes novos"],
  returning_customer_sales: ["ventas de clientes recurrentes", "vendas de clientes recorrentes"],
  repeat_purchase_rate: ["tasa de recompra", "taxa de recompra"],
  revenue_per_customer: ["ingreso por cliente", "receita por cliente"],
  gross_profit: ["ganancia bruta", "lucro bruto"],
  gross_margin: ["margen bruto", "margem bruta"],
  refund_rate: ["tasa de reembolsos", "taxa de reembolso"],
  mrr: ["MRR", "MRR"],
  arr: ["ARR", "ARR"],
  new_mrr: ["MRR nuevo", "MRR novo"],
  churned_mrr: ["MRR perdido", "MRR perdido"],
  net_new_mrr: ["MRR neto nuevo", "MRR líquido novo"],
  active_subscriptions: ["suscripciones activas", "assinaturas ativas"],
  customer_churn_rate: ["churn de clientes", "churn de clientes"],
  revenue_churn_rate: ["churn de ingresos", "churn de receita"],
  trial_conversion: ["conversión de pruebas", "conversão de testes"],
  ad_spend: ["inversión en anuncios", "investimento em anúncios"],
  impressions: ["impresiones", "impressões"],
  clicks: ["clics", "cliques"],
  ad_conversions: ["conversiones de anuncios", "conversões de anúncios"],
  sessions: ["sesiones", "sessões"],
  users: ["usuarios", "usuários"],
  conversion_rate: ["tasa de conversión", "taxa de conversão"],
};

/** A metric's name in the language, lower case except acronyms ("ventas netas", "net sales", "ROAS"). */
export function metricLabel(name: string, englishLabel: string, language: Language): string {
  const translated = METRIC_LABELS[name];
  if (language === "es" && translated) return translated[0];
  if (language === "pt" && translated) return translated[1];
  return /^[A-Z]{2,}/.test(englishLabel) ? englishLabel : englishLabel.charAt(0).toLowerCase() + englishLabel.slice(1);
}

/** Sentence case: the first letter upper case. */
export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const DIMENSIONS: Readonly<Record<string, Phrases>> = {
  source_channel: { en: "sales channel", es: "canal de venta", pt: "canal de venda" },
  country: { en: "country", es: "país", pt: "país" },
  state: { en: "state", es: "estado", pt: "estado" },
  city: { en: "city", es: "ciudad", pt: "cidade" },
  customer_type: { en: "customer type", es: "tipo de cliente", pt: "tipo de cliente" },
  product: { en: "product", es: "producto", pt: "produto" },
  variant: { en: "variant", es: "variante", pt: "variante" },
  category: { en: "category", es: "categoría", pt: "categoria" },
  platform: { en: "ad platform", es: "plataforma de anuncios", pt: "plataforma de anúncios" },
  campaign: { en: "campaign", es: "campaña", pt: "campanha" },
  source: { en: "traffic source", es: "fuente de tráfico", pt: "fonte de tráfego" },
  medium: { en: "traffic medium", es: "medio", pt: "meio" },
  source_medium: { en: "source / medium", es: "fuente / medio", pt: "fonte / meio" },
};

export function dimensionLabel(dimension: string, language: Language): string {
  return DIMENSIONS[dimension]?.[language] ?? dimension.replace(/^attr\./, "").replace(/_/g, " ");
}

const MEMBERS: Readonly<Record<string, Phrases>> = {
  Other: { en: "Other", es: "Otros", pt: "Outros" },
  "(none)": { en: "(none)", es: "(sin dato)", pt: "(sem dado)" },
  "New customers": { en: "New customers", es: "Clientes nuevos", pt: "Clientes novos" },
  "Returning customers": { en: "Returning customers", es: "Clientes recurrentes", pt: "Clientes recorrentes" },
  Guests: { en: "Guests", es: "Invitados", pt: "Visitantes" },
  online_store: { en: "Online store", es: "Tienda online", pt: "Loja online" },
  instagram: { en: "Instagram", es: "Instagram", pt: "Instagram" },
  whatsapp: { en: "WhatsApp", es: "WhatsApp", pt: "WhatsApp" },
  mercadolibre: { en: "Mercado Libre", es: "Mercado Libre", pt: "Mercado Livre" },
  marketplace: { en: "Marketplace", es: "Marketplace", pt: "Marketplace" },
  pos: { en: "Point of sale", es: "Punto de venta", pt: "Ponto de venda" },
  meta: { en: "Meta", es: "Meta", pt: "Meta" },
  google: { en: "Google", es: "Google", pt: "Google" },
  tiktok: { en: "TikTok", es: "TikTok", pt: "TikTok" },
};

export function memberLabel(label: string, language: Language): string {
  return MEMBERS[label]?.[language] ?? label;
}

const SOURCES: Readonly<Record<FreshnessSource, Phrases>> = {
  orders: { en: "orders", es: "pedidos", pt: "pedidos" },
  ads: { en: "ads", es: "anuncios", pt: "anúncios" },
  web: { en: "web analytics", es: "analítica web", pt: "analytics do site" },
  subscriptions: { en: "subscriptions", es: "suscripciones", pt: "assinaturas" },
  inventory: { en: "inventory", es: "inventario", pt: "estoque" },
  competitors: { en: "competitor prices", es: "precios de la competencia", pt: "preços da concorrência" },
  memory: { en: "conversation memory", es: "memoria de conversaciones", pt: "memória de conversas" },
};

export function sourceLabel(source: FreshnessSource, language: Language): string {
  return SOURCES[source][language];
}

const REASONS: Readonly<Record<string, Phrases>> = {
  "no cost data for the lines in this range": { en: "no product costs are loaded for this period", es: "no hay costos de producto cargados para este período", pt: "não há custos de produto carregados para este período" },
  "no sales with a known cost in the range": { en: "no sales with a known product cost in this period", es: "no hay ventas con costo conocido en este período", pt: "não há vendas com custo conhecido neste período" },
  "no orders in the range": { en: "there were no orders in this period", es: "no hubo pedidos en este período", pt: "não houve pedidos neste período" },
  "no customers in the range": { en: "there were no customers in this period", es: "no hubo clientes en este período", pt: "não houve clientes neste período" },
  "no gross sales in the range": { en: "there were no sales in this period", es: "no hubo ventas en este período", pt: "não houve vendas neste período" },
  "no ad spend in the range": { en: "there was no ad spend in this period", es: "no hubo inversión en anuncios en este período", pt: "não houve investimento em anúncios neste período" },
  "no impressions in the range": { en: "there were no ad impressions in this period", es: "no hubo impresiones de anuncios en este período", pt: "não houve impressões de anúncios neste período" },
  "no clicks in the range": { en: "there were no ad clicks in this period", es: "no hubo clics en anuncios en este período", pt: "não houve cliques em anúncios neste período" },
  "no conversions in the range": { en: "there were no ad conversions in this period", es: "no hubo conversiones de anuncios en este período", pt: "não houve conversões de anúncios neste período" },
  "no new customers in the range": { en: "there were no new customers in this period", es: "no hubo clientes nuevos en este período", pt: "não houve clientes novos neste período" },
  "no sessions in the range": { en: "there were no web sessions in this period", es: "no hubo sesiones web en este período", pt: "não houve sessões no site neste período" },
  "no data": { en: "there is no data", es: "no hay datos", pt: "não há dados" },
};

/** Why a value is missing, in the language (the engine's English reason when not listed). */
export function reasonText(reason: string, language: Language): string {
  return REASONS[reason]?.[language] ?? reason;
}

/** The profit-coverage note ("cost known for 62% of sales; …") in the language. */
export function noteText(note: string, language: Language): string {
  const match = /^cost known for (\d+)% of sales/.exec(note);
  if (!match) return note;
  const share = match[1]!;
  return { en: `product cost is known for ${share}% of sales, so profit covers those sales only`, es: `el costo se conoce para el ${share}% de las ventas: la ganancia cubre solo esas ventas`, pt: `o custo é conhecido para ${share}% das vendas: o lucro cobre só essas vendas` }[language];
}
