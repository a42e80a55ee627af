import type { BulkColumns } from "./bulk-insert.ts";

/**
 * The columns (and their PostgreSQL types) every writer of orders fills: the demo, CSV imports and,
 * later, connector syncs. Writers add what only they set (created_at, import_id) by spreading these.
 */
export const ORDER_BULK_COLUMNS = {
  workspace_id: "bigint",
  source: "text",
  external_id: "text",
  customer_id: "bigint",
  placed_at: "timestamptz",
  status: "text",
  currency: "char(3)",
  subtotal_cents: "bigint",
  discount_cents: "bigint",
  shipping_cents: "bigint",
  tax_cents: "bigint",
  total_cents: "bigint",
  source_channel: "text",
  country: "text",
  state: "text",
  city: "text",
  attributes: "jsonb",
} as const satisfies BulkColumns<"orders">;

export const ORDER_ITEM_BULK_COLUMNS = {
  workspace_id: "bigint",
  order_id: "bigint",
  product_id: "bigint",
  variant_id: "bigint",
  sku: "text",
  title: "text",
  category: "text",
  quantity: "integer",
  unit_price_cents: "bigint",
  discount_cents: "bigint",
  total_cents: "bigint",
  cost_cents: "bigint",
} as const satisfies BulkColumns<"order_items">;

export const REFUND_BULK_COLUMNS = {
  workspace_id: "bigint",
  order_id: "bigint",
  source: "text",
  external_id: "text",
  refunded_at: "timestamptz",
  amount_cents: "bigint",
  reason: "text",
} as const satisfies BulkColumns<"refunds">;
