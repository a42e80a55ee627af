import type { DateOnly } from "./columns.ts";

/**
 * Order-grain commerce facts per local day and order dimensions (engines/metrics/rollups).
 * Missing dimension values are ''. Refunds count on the day they happened, with their order's dimensions.
 */
export interface RollupOrdersDailyTable {
  workspace_id: number;
  day: DateOnly;
  source_channel: string;
  country: string;
  state: string;
  city: string;
  /** new (the customer's first non-cancelled order) | returning | guest (no customer). */
  customer_type: string;
  orders: number;
  gross_sales_cents: number;
  discounts_cents: number;
  refunds_cents: number;
  shipping_cents: number;
  tax_cents: number;
  new_customers: number;
}

/** Line-grain commerce facts per local day, product, variant, category and a few order dimensions. */
export interface RollupLinesDailyTable {
  workspace_id: number;
  day: DateOnly;
  /** 0 when the line has no product. */
  product_id: number;
  variant_id: number;
  category: string;
  source_channel: string;
  country: string;
  customer_type: string;
  lines: number;
  units: number;
  gross_sales_cents: number;
  /** Line discounts plus the line's exact share of order-level discounts. */
  discounts_cents: number;
  /** The line's exact share of its order's refunds, on the refund's day. */
  refunds_cents: number;
  /** Cost of lines whose cost is known (0 otherwise). */
  cost_cents: number;
  /** Gross sales − discounts of the lines whose cost is known. */
  costed_sales_cents: number;
}

type OrderMeasures = Pick<RollupOrdersDailyTable, "workspace_id" | "day" | "customer_type" | "orders" | "gross_sales_cents" | "discounts_cents" | "refunds_cents" | "shipping_cents" | "tax_cents" | "new_customers">;
type LineMeasures = Pick<RollupLinesDailyTable, "workspace_id" | "day" | "customer_type" | "lines" | "units" | "gross_sales_cents" | "discounts_cents" | "refunds_cents" | "cost_cents" | "costed_sales_cents">;

/** rollup_orders_daily without state and city. */
export interface RollupOrdersChannelDailyTable extends OrderMeasures {
  source_channel: string;
  country: string;
}

/** rollup_orders_daily by day and customer type only. */
export type RollupOrdersTotalDailyTable = OrderMeasures;

/** rollup_lines_daily by product (and its category), without variant, channel and country. */
export interface RollupLinesProductDailyTable extends LineMeasures {
  product_id: number;
  category: string;
}

/** rollup_lines_daily by category only. */
export interface RollupLinesCategoryDailyTable extends LineMeasures {
  category: string;
}

type AllOrderMeasures = Omit<OrderMeasures, "customer_type">;
type AllLineMeasures = Omit<LineMeasures, "customer_type">;

/** rollup_lines_daily by variant (and its product and category) over all customer types. */
export interface RollupLinesVariantAllDailyTable extends AllLineMeasures {
  product_id: number;
  variant_id: number;
  category: string;
}

/** rollup_lines_daily by product (and its category) over all customer types. */
export interface RollupLinesProductAllDailyTable extends AllLineMeasures {
  product_id: number;
  category: string;
}

/** rollup_orders_daily by country, state and city over all channels and customer types. */
export interface RollupOrdersGeoAllDailyTable extends AllOrderMeasures {
  country: string;
  state: string;
  city: string;
}
