import { divide, divideMoney, known } from "../values.ts";
import { AD_DIMENSIONS, WEB_DIMENSIONS } from "./dimensions.ts";
import type { MetricDefinition } from "./types.ts";

/**
 * Marketing metrics from the ad platforms' daily reports (their own attribution), and web metrics
 * from the analytics tool's daily sessions. Blended metrics (MER, CAC) divide store numbers by all
 * ad spend, so they have no platform breakdown.
 */
const ads = { domain: "marketing", defaultGrain: "day", aggregation: "flow", dimensions: AD_DIMENSIONS } as const;
const web = { domain: "web", defaultGrain: "day", aggregation: "flow", dimensions: WEB_DIMENSIONS } as const;

export const MARKETING_METRICS: readonly MetricDefinition[] = [
  {
    ...ads, name: "ad_spend", label: "Ad spend", unit: "money", higherIsBetter: null,
    description: "Money spent on ads, as the platforms report it.",
    formula: "Σ spend", aliases: ["spend", "gasto", "gasto en publicidad", "inversión publicitaria", "gasto em anúncios", "investimento"],
    measures: () => ["ads.spend_cents"], compute: (read) => known(read("ads.spend_cents")),
  },
  {
    ...ads, name: "impressions", label: "Impressions", unit: "count", higherIsBetter: true,
    description: "Times the ads were shown.", formula: "Σ impressions", aliases: ["impresiones", "impressões"],
    measures: () => ["ads.impressions"], compute: (read) => known(read("ads.impressions")),
  },
  {
    ...ads, name: "clicks", label: "Clicks", unit: "count", higherIsBetter: true,
    description: "Clicks on the ads.", formula: "Σ clicks", aliases: ["clics", "cliques"],
    measures: () => ["ads.clicks"], compute: (read) => known(read("ads.clicks")),
  },
  {
    ...ads, name: "ctr", label: "CTR", unit: "ratio", higherIsBetter: true,
    description: "Share of impressions that got a click.", formula: "clicks ÷ impressions", aliases: ["click-through rate", "tasa de clics", "taxa de cliques"],
    measures: () => ["ads.clicks", "ads.impressions"], compute: (read) => divide(read("ads.clicks"), read("ads.impressions"), "no impressions in the range"),
  },
  {
    ...ads, name: "cpc", label: "CPC", unit: "money", higherIsBetter: false,
    description: "Average cost of a click.", formula: "spend ÷ clicks", aliases: ["cost per click", "costo por clic", "custo por clique"],
    measures: () => ["ads.spend_cents", "ads.clicks"], compute: (read) => divideMoney(read("ads.spend_cents"), read("ads.clicks"), "no clicks in the range"),
  },
  {
    ...ads, name: "ad_conversions", label: "Ad conversions", unit: "count", higherIsBetter: true,
    description: "Purchases the platforms attribute to their ads.", formula: "Σ platform-reported conversions",
    aliases: ["conversions", "conversiones", "conversões"],
    measures: () => ["ads.conversions"], compute: (read) => known(read("ads.conversions")),
  },
  {
    ...ads, name: "cpa", label: "CPA", unit: "money", higherIsBetter: false,
    description: "Ad spend per platform-reported conversion.", formula: "spend ÷ conversions", aliases: ["cost per acquisition", "costo por adquisición", "costo por conversión", "custo por aquisição"],
    measures: () => ["ads.spend_cents", "ads.conversions"], compute: (read) => divideMoney(read("ads.spend_cents"), read("ads.conversions"), "no conversions in the range"),
  },
  {
    ...ads, name: "roas", label: "ROAS", unit: "multiple", higherIsBetter: true,
    description: "Revenue the platforms attribute to their ads per unit of spend (their own attribution).",
    formula: "platform conversion value ÷ spend", aliases: ["return on ad spend", "retorno de la inversión publicitaria", "retorno sobre investimento em anúncios"],
    measures: () => ["ads.conversion_value_cents", "ads.spend_cents"], compute: (read) => divide(read("ads.conversion_value_cents"), read("ads.spend_cents"), "no ad spend in the range"),
  },
  {
    ...ads, name: "mer", label: "MER (blended ROAS)", unit: "multiple", higherIsBetter: true, dimensions: [],
    description: "Store net sales per unit of total ad spend, whatever the attribution.",
    formula: "net sales ÷ ad spend", aliases: ["blended roas", "marketing efficiency ratio", "roas combinado", "roas blended"],
    measures: () => ["orders.gross_sales_cents", "orders.discounts_cents", "orders.refunds_cents", "ads.spend_cents"],
    compute: (read) => divide(read("orders.gross_sales_cents") - read("orders.discounts_cents") - read("orders.refunds_cents"), read("ads.spend_cents"), "no ad spend in the range"),
  },
  {
    ...ads, name: "cac", label: "CAC", unit: "money", higherIsBetter: false, dimensions: [],
    description: "Ad spend per new customer (blended: all spend ÷ all new customers).",
    formula: "ad spend ÷ new customers", aliases: ["customer acquisition cost", "costo de adquisición", "costo de adquisición de clientes", "custo de aquisição"],
    measures: () => ["ads.spend_cents", "orders.new_customers"], compute: (read) => divideMoney(read("ads.spend_cents"), read("orders.new_customers"), "no new customers in the range"),
  },
  {
    ...web, name: "sessions", label: "Sessions", unit: "count", higherIsBetter: true,
    description: "Visits to the online store.", formula: "Σ sessions", aliases: ["visits", "traffic", "sesiones", "visitas", "tráfico", "sessões", "tráfego"],
    measures: () => ["web.sessions"], compute: (read) => known(read("web.sessions")),
  },
  {
    ...web, name: "users", label: "Users", unit: "count", higherIsBetter: true,
    description: "Visitors, summed over days (a visitor on two days counts twice).", formula: "Σ daily users", aliases: ["visitors", "usuarios", "visitantes", "usuários"],
    measures: () => ["web.users"], compute: (read) => known(read("web.users")),
  },
  {
    ...web, name: "conversion_rate", label: "Conversion rate", unit: "ratio", higherIsBetter: true,
    description: "Share of sessions that ended in an order (orders as the analytics tool counts them).",
    formula: "web orders ÷ sessions", aliases: ["cvr", "tasa de conversión", "taxa de conversão"],
    measures: () => ["web.conversions", "web.sessions"], compute: (read) => divide(read("web.conversions"), read("web.sessions"), "no sessions in the range"),
  },
];
