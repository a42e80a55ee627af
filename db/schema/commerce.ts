import type { Insertable, Selectable } from "kysely";
import type { Attributes, CreatedAt, DateOnly, Id, JsonWithDefault, Timestamp } from "./columns.ts";

export const ORDER_STATUSES = ["paid", "pending", "partially_refunded", "refunded", "cancelled"] as const;
export type OrderStatus = (typeof ORDER_STATUSES)[number];

/** Where a record came from; (workspace_id, source, external_id) is its natural key. */
export type RecordSource = string;

export interface CustomersTable {
  id: Id;
  workspace_id: number;
  source: RecordSource;
  external_id: string;
  name: string | null;
  email: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
  /** Time of the customer's first order; maintained by whatever writes orders. */
  first_order_at: Timestamp | null;
  created_at: CreatedAt;
}

export interface ProductsTable {
  id: Id;
  workspace_id: number;
  source: RecordSource;
  external_id: string;
  title: string;
  category: string | null;
  vendor: string | null;
  status: "active" | "archived";
  created_at: CreatedAt;
}

export interface VariantsTable {
  id: Id;
  workspace_id: number;
  product_id: number;
  source: RecordSource;
  external_id: string;
  sku: string | null;
  title: string;
  price_cents: number;
  cost_cents: number | null;
  inventory_qty: number | null;
  created_at: CreatedAt;
}

export interface OrdersTable {
  id: Id;
  workspace_id: number;
  source: RecordSource;
  external_id: string;
  customer_id: number | null;
  placed_at: Timestamp;
  status: OrderStatus;
  currency: string;
  /** Σ quantity × unit price of the lines: gross sales, before any discount. */
  subtotal_cents: number;
  /** Every discount on the order: line discounts plus order-level ones. */
  discount_cents: number;
  shipping_cents: number;
  /** Tax included in or added to the total, as the source reports it. */
  tax_cents: number;
  total_cents: number;
  /** online_store, instagram, marketplace, pos, whatsapp… */
  source_channel: string | null;
  country: string | null;
  state: string | null;
  city: string | null;
  /** Custom dimensions (region, segment, device…) that metrics can filter and break down by. */
  attributes: JsonWithDefault<Attributes>;
  import_id: number | null;
  created_at: CreatedAt;
}

export interface OrderItemsTable {
  id: Id;
  workspace_id: number;
  order_id: number;
  product_id: number | null;
  variant_id: number | null;
  sku: string | null;
  title: string;
  category: string | null;
  quantity: number;
  unit_price_cents: number;
  /** Discount on this line. */
  discount_cents: number;
  /** quantity × unit price − discount. */
  total_cents: number;
  /** Cost of the whole line when known (from variant cost, or amount − profit in imports). */
  cost_cents: number | null;
  attributes: JsonWithDefault<Attributes>;
}

export interface RefundsTable {
  id: Id;
  workspace_id: number;
  order_id: number;
  source: RecordSource;
  external_id: string;
  refunded_at: Timestamp;
  amount_cents: number;
  reason: string | null;
}

/** Stock on hand per variant per day (workspace-local date). */
export interface InventorySnapshotsTable {
  workspace_id: number;
  variant_id: number;
  date: DateOnly;
  on_hand: number;
}

export type Customer = Selectable<CustomersTable>;
export type Product = Selectable<ProductsTable>;
export type Variant = Selectable<VariantsTable>;
export type Order = Selectable<OrdersTable>;
export type NewOrder = Insertable<OrdersTable>;
export type OrderItem = Selectable<OrderItemsTable>;
export type Refund = Selectable<RefundsTable>;
