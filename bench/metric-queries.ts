import type { MetricQueryInput } from "../engines/metrics/query/query-schema.ts";

export interface BenchQuery {
  readonly name: string;
  readonly workspace: "demo" | "demo-saas";
  readonly query: MetricQueryInput;
}

/** Twenty KPI queries an owner, an agent or a digest asks every day: totals, trends, breakdowns, comparisons. */
export const KPI_QUERIES: readonly BenchQuery[] = [
  { name: "net sales yesterday", workspace: "demo", query: { metrics: ["net_sales"], range: "yesterday" } },
  { name: "sales, orders, AOV last 7 days vs previous", workspace: "demo", query: { metrics: ["net_sales", "orders", "aov"], range: "last 7 days", comparison: "previous" } },
  { name: "net sales last 30 days vs last year", workspace: "demo", query: { metrics: ["net_sales"], range: "last 30 days", comparison: "last_year" } },
  { name: "daily sales and orders, 30 days", workspace: "demo", query: { metrics: ["net_sales", "orders"], range: "last 30 days", grain: "day" } },
  { name: "weekly net sales, 12 weeks", workspace: "demo", query: { metrics: ["net_sales"], range: "last 12 weeks", grain: "week" } },
  { name: "monthly sales YTD vs last year", workspace: "demo", query: { metrics: ["net_sales", "orders"], range: "ytd", grain: "month", comparison: "last_year" } },
  { name: "gross to net, month to date", workspace: "demo", query: { metrics: ["gross_sales", "discounts", "refunds", "net_sales"], range: "mtd" } },
  { name: "top 5 categories, 30 days", workspace: "demo", query: { metrics: ["net_sales", "units"], range: "last 30 days", breakdown: { dimension: "category", top: 5 } } },
  { name: "top 10 products, 90 days", workspace: "demo", query: { metrics: ["net_sales"], range: "last 90 days", breakdown: { dimension: "product", top: 10 } } },
  { name: "top 10 SKUs by units, 30 days", workspace: "demo", query: { metrics: ["units"], range: "last 30 days", breakdown: { dimension: "variant", top: 10 } } },
  { name: "channels last month vs previous", workspace: "demo", query: { metrics: ["net_sales", "orders"], range: "last month", breakdown: { dimension: "source_channel", top: 10 }, comparison: "previous" } },
  { name: "top 5 states, 30 days", workspace: "demo", query: { metrics: ["net_sales"], range: "last 30 days", breakdown: { dimension: "state", top: 5 } } },
  { name: "top 10 cities, last quarter", workspace: "demo", query: { metrics: ["net_sales", "orders"], range: "last quarter", breakdown: { dimension: "city", top: 10 } } },
  { name: "gross profit and margin, last month", workspace: "demo", query: { metrics: ["gross_profit", "gross_margin"], range: "last month" } },
  { name: "monthly refund rate, 90 days", workspace: "demo", query: { metrics: ["refund_rate", "refunds"], range: "last 3 months", grain: "month" } },
  { name: "new vs returning sales, 30 days", workspace: "demo", query: { metrics: ["new_customers", "new_customer_sales", "returning_customer_sales"], range: "last 30 days" } },
  { name: "orders by customer type, 30 days", workspace: "demo", query: { metrics: ["orders", "aov"], range: "last 30 days", breakdown: { dimension: "customer_type", top: 3 } } },
  { name: "weekly sales of one category, 8 weeks", workspace: "demo", query: { metrics: ["net_sales", "units"], range: "last 8 weeks", grain: "week", filters: [{ dimension: "category", values: ["Jeans"] }] } },
  { name: "ROAS and spend by platform, 30 days", workspace: "demo", query: { metrics: ["roas", "ad_spend", "cpa"], range: "last 30 days", breakdown: { dimension: "platform", top: 3 } } },
  { name: "MER, CAC and conversion rate, 30 days", workspace: "demo", query: { metrics: ["mer", "cac"], range: "last 30 days", comparison: "previous" } },
];

/** Queries that count distinct customers: always a raw scan of the range's orders (not additive by day). */
export const DISTINCT_QUERIES: readonly BenchQuery[] = [
  { name: "customers and repeat rate, 30 days", workspace: "demo", query: { metrics: ["customers", "repeat_purchase_rate"], range: "last 30 days" } },
  { name: "revenue per customer, last month", workspace: "demo", query: { metrics: ["revenue_per_customer"], range: "last month" } },
  { name: "customers, year to date", workspace: "demo", query: { metrics: ["customers", "returning_customers"], range: "ytd" } },
];

export const SAAS_QUERIES: readonly BenchQuery[] = [
  { name: "MRR by month, 12 months", workspace: "demo-saas", query: { metrics: ["mrr", "net_new_mrr", "customer_churn_rate"], range: "last 12 months", grain: "month" } },
];
