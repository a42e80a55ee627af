/**
 * The rollup tables, finest first per fact (by rows per day). The finest is computed from the raw
 * facts; each coarser one is the finest summed over fewer dimensions, so a query reads the coarsest
 * table that still has every dimension it filters or splits by, and customer_type when one of its
 * measures is split by customer type: a few rows per day for totals, more only when needed.
 */
import type { DimensionName } from "../definitions/dimensions.ts";

export type RollupTableName =
  | "rollup_orders_daily"
  | "rollup_orders_geo_all_daily"
  | "rollup_orders_channel_daily"
  | "rollup_orders_total_daily"
  | "rollup_lines_daily"
  | "rollup_lines_variant_all_daily"
  | "rollup_lines_product_daily"
  | "rollup_lines_product_all_daily"
  | "rollup_lines_category_daily";

export interface RollupTable {
  readonly name: RollupTableName;
  readonly fact: "orders" | "lines";
  /** Dimensions a query can filter or split by on this table. */
  readonly dimensions: readonly DimensionName[];
  /** Key columns besides workspace_id and day. */
  readonly keys: readonly string[];
  readonly measures: readonly string[];
}

const ORDER_MEASURES = ["orders", "gross_sales_cents", "discounts_cents", "refunds_cents", "shipping_cents", "tax_cents", "new_customers"];
const LINE_MEASURES = ["lines", "units", "gross_sales_cents", "discounts_cents", "refunds_cents", "cost_cents", "costed_sales_cents"];

export const ROLLUP_TABLES: readonly RollupTable[] = [
  {
    name: "rollup_orders_daily",
    fact: "orders",
    dimensions: ["source_channel", "country", "state", "city", "customer_type"],
    keys: ["source_channel", "country", "state", "city", "customer_type"],
    measures: ORDER_MEASURES,
  },
  { name: "rollup_orders_geo_all_daily", fact: "orders", dimensions: ["country", "state", "city"], keys: ["country", "state", "city"], measures: ORDER_MEASURES },
  { name: "rollup_orders_channel_daily", fact: "orders", dimensions: ["source_channel", "country", "customer_type"], keys: ["source_channel", "country", "customer_type"], measures: ORDER_MEASURES },
  { name: "rollup_orders_total_daily", fact: "orders", dimensions: ["customer_type"], keys: ["customer_type"], measures: ORDER_MEASURES },
  {
    name: "rollup_lines_daily",
    fact: "lines",
    dimensions: ["product", "variant", "category", "source_channel", "country", "customer_type"],
    keys: ["product_id", "variant_id", "category", "source_channel", "country", "customer_type"],
    measures: LINE_MEASURES,
  },
  { name: "rollup_lines_variant_all_daily", fact: "lines", dimensions: ["product", "variant", "category"], keys: ["product_id", "variant_id", "category"], measures: LINE_MEASURES },
  { name: "rollup_lines_product_daily", fact: "lines", dimensions: ["product", "category", "customer_type"], keys: ["product_id", "category", "customer_type"], measures: LINE_MEASURES },
  { name: "rollup_lines_product_all_daily", fact: "lines", dimensions: ["product", "category"], keys: ["product_id", "category"], measures: LINE_MEASURES },
  { name: "rollup_lines_category_daily", fact: "lines", dimensions: ["category", "customer_type"], keys: ["category", "customer_type"], measures: LINE_MEASURES },
];

/** Sum measures computed from the customer_type key (facts/commerce-sources.ts): only tables keeping it can serve them. */
const BY_CUSTOMER_TYPE: ReadonlySet<string> = new Set(["new_customers", "new_customer_sales_cents", "returning_customer_sales_cents"]);

/**
 * The coarsest rollup of a fact that keeps every given dimension, and customer_type when a measure
 * needs it, or null when none does.
 */
export function rollupFor(fact: "orders" | "lines", dimensions: readonly DimensionName[], measures: readonly string[]): RollupTable | null {
  const needed: readonly DimensionName[] = measures.some((measure) => BY_CUSTOMER_TYPE.has(measure)) ? [...dimensions, "customer_type"] : dimensions;
  const candidates = ROLLUP_TABLES.filter((table) => table.fact === fact && needed.every((dimension) => table.dimensions.includes(dimension)));
  return candidates[candidates.length - 1] ?? null;
}

/** The finest rollup of a fact (computed from raw facts). */
export function finestRollup(fact: "orders" | "lines"): RollupTable {
  const table = ROLLUP_TABLES.find((candidate) => candidate.fact === fact);
  if (!table) throw new Error(`no rollup for ${fact}`);
  return table;
}
