/**
 * The rollup tables, finest first per fact. The finest is computed from the raw facts; each coarser
 * one is the finest summed over fewer dimensions, so a query reads the coarsest table that still has
 * every dimension it filters or splits by: a few rows per day for totals, more only when needed.
 */
import type { DimensionName } from "../definitions/dimensions.ts";

export type RollupTableName =
  | "rollup_orders_daily"
  | "rollup_orders_channel_daily"
  | "rollup_orders_total_daily"
  | "rollup_lines_daily"
  | "rollup_lines_product_daily"
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
  { name: "rollup_orders_channel_daily", fact: "orders", dimensions: ["source_channel", "country", "customer_type"], keys: ["source_channel", "country", "customer_type"], measures: ORDER_MEASURES },
  { name: "rollup_orders_total_daily", fact: "orders", dimensions: ["customer_type"], keys: ["customer_type"], measures: ORDER_MEASURES },
  {
    name: "rollup_lines_daily",
    fact: "lines",
    dimensions: ["product", "variant", "category", "source_channel", "country", "customer_type"],
    keys: ["product_id", "variant_id", "category", "source_channel", "country", "customer_type"],
    measures: LINE_MEASURES,
  },
  { name: "rollup_lines_product_daily", fact: "lines", dimensions: ["product", "category", "customer_type"], keys: ["product_id", "category", "customer_type"], measures: LINE_MEASURES },
  { name: "rollup_lines_category_daily", fact: "lines", dimensions: ["category", "customer_type"], keys: ["category", "customer_type"], measures: LINE_MEASURES },
];

/** The coarsest rollup of a fact that keeps every given dimension, or null when none does. */
export function rollupFor(fact: "orders" | "lines", dimensions: readonly DimensionName[]): RollupTable | null {
  const candidates = ROLLUP_TABLES.filter((table) => table.fact === fact && dimensions.every((dimension) => table.dimensions.includes(dimension)));
  return candidates[candidates.length - 1] ?? null;
}

/** The finest rollup of a fact (computed from raw facts). */
export function finestRollup(fact: "orders" | "lines"): RollupTable {
  const table = ROLLUP_TABLES.find((candidate) => candidate.fact === fact);
  if (!table) throw new Error(`no rollup for ${fact}`);
  return table;
}
