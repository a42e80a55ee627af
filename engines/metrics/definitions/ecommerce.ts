import { divide, divideMoney, known, unknown, type MetricValue } from "../values.ts";
import { COMMERCE_LINE_DIMENSIONS, COMMERCE_ORDER_DIMENSIONS } from "./dimensions.ts";
import type { MeasureContext, MeasureReader, MetricDefinition } from "./types.ts";

/**
 * E-commerce metrics. Conventions (Shopify's): cancelled orders count nowhere; gross sales are
 * quantity × unit price before any discount; refunds count on the day they happen; net sales =
 * gross sales − discounts − refunds. At line grain (a product, variant or category is involved)
 * order-level discounts and refunds are split over the order's lines exactly, pro rata.
 */
const ALL_DIMENSIONS = [...COMMERCE_ORDER_DIMENSIONS, ...COMMERCE_LINE_DIMENSIONS, "attr.*"] as const;
const ORDER_ONLY = [...COMMERCE_ORDER_DIMENSIONS, "attr.*"] as const;

type Commerce = "gross_sales_cents" | "discounts_cents" | "refunds_cents" | "orders" | "new_customers" | "customers" | "repeat_customers" | "new_customer_sales_cents" | "returning_customer_sales_cents";

/** The commerce measure at the query's grain. */
function at(measure: Commerce, context: MeasureContext) {
  return context.lineGrain ? (`lines.${measure}` as const) : (`orders.${measure}` as const);
}

function netSales(read: MeasureReader, context: MeasureContext): number {
  return read(at("gross_sales_cents", context)) - read(at("discounts_cents", context)) - read(at("refunds_cents", context));
}

function grossProfit(read: MeasureReader): MetricValue {
  const costedSales = read("lines.costed_sales_cents");
  const sales = read("lines.gross_sales_cents") - read("lines.discounts_cents");
  if (costedSales === 0 && read("lines.cost_cents") === 0) return unknown("no cost data for the lines in this range");
  const value = costedSales - read("lines.cost_cents");
  if (sales > 0 && costedSales < sales) return { value, note: `cost known for ${Math.round((costedSales / sales) * 100)}% of sales; profit covers those lines only` };
  return known(value);
}

const NET_SALES_MEASURES = (context: MeasureContext) => [at("gross_sales_cents", context), at("discounts_cents", context), at("refunds_cents", context)];
const LINE_SALES = ["lines.gross_sales_cents", "lines.discounts_cents", "lines.costed_sales_cents", "lines.cost_cents"] as const;

export const ECOMMERCE_METRICS: readonly MetricDefinition[] = [
  {
    name: "gross_sales", label: "Gross sales", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: true, aggregation: "flow",
    description: "Value of the items sold at their list price, before discounts, refunds, shipping and taxes.",
    formula: "Σ quantity × unit price of non-cancelled orders",
    dimensions: ALL_DIMENSIONS, aliases: ["gross revenue", "ventas brutas", "vendas brutas"],
    measures: (c) => [at("gross_sales_cents", c)],
    compute: (read, c) => known(read(at("gross_sales_cents", c))),
  },
  {
    name: "discounts", label: "Discounts", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: false, aggregation: "flow",
    description: "Line and order discounts given on non-cancelled orders.",
    formula: "Σ discounts of non-cancelled orders",
    dimensions: ALL_DIMENSIONS, aliases: ["descuentos", "descontos"],
    measures: (c) => [at("discounts_cents", c)],
    compute: (read, c) => known(read(at("discounts_cents", c))),
  },
  {
    name: "refunds", label: "Refunds", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: false, aggregation: "flow",
    description: "Money returned to customers, on the day of the refund.",
    formula: "Σ refund amounts dated in the range (orders not cancelled)",
    dimensions: ALL_DIMENSIONS, aliases: ["returns", "devoluciones", "reembolsos", "devoluções"],
    measures: (c) => [at("refunds_cents", c)],
    compute: (read, c) => known(read(at("refunds_cents", c))),
  },
  {
    name: "net_sales", label: "Net sales", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: true, aggregation: "flow",
    description: "What the store sold after discounts and refunds (shipping and taxes apart).",
    formula: "gross sales − discounts − refunds",
    dimensions: ALL_DIMENSIONS, aliases: ["sales", "revenue", "ventas", "ingresos", "facturación", "vendas", "receita", "faturamento", "ventas netas", "vendas líquidas"],
    measures: NET_SALES_MEASURES,
    compute: (read, c) => known(netSales(read, c)),
  },
  {
    name: "shipping", label: "Shipping charged", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: null, aggregation: "flow",
    description: "Shipping charged to customers on non-cancelled orders.",
    formula: "Σ shipping of non-cancelled orders",
    dimensions: ORDER_ONLY, aliases: ["envío", "envíos", "frete"],
    measures: () => ["orders.shipping_cents"],
    compute: (read) => known(read("orders.shipping_cents")),
  },
  {
    name: "taxes", label: "Taxes", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: null, aggregation: "flow",
    description: "Taxes on non-cancelled orders as the source reports them (VAT included in prices where applicable).",
    formula: "Σ tax of non-cancelled orders",
    dimensions: ORDER_ONLY, aliases: ["tax", "impuestos", "iva", "impostos"],
    measures: () => ["orders.tax_cents"],
    compute: (read) => known(read("orders.tax_cents")),
  },
  {
    name: "orders", label: "Orders", domain: "ecommerce", unit: "count", defaultGrain: "day", higherIsBetter: true, aggregation: "flow",
    description: "Non-cancelled orders placed (with a product or category: orders containing it).",
    formula: "count of non-cancelled orders",
    dimensions: ALL_DIMENSIONS, aliases: ["order count", "pedidos", "órdenes", "ordenes", "compras"],
    measures: (c) => [at("orders", c)],
    compute: (read, c) => known(read(at("orders", c))),
  },
  {
    name: "units", label: "Units sold", domain: "ecommerce", unit: "count", defaultGrain: "day", higherIsBetter: true, aggregation: "flow",
    description: "Items sold on non-cancelled orders.",
    formula: "Σ line quantities of non-cancelled orders",
    dimensions: ALL_DIMENSIONS, aliases: ["units", "items sold", "unidades", "unidades vendidas", "piezas", "itens vendidos"],
    measures: () => ["lines.units"],
    compute: (read) => known(read("lines.units")),
  },
  {
    name: "aov", label: "Average order value", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: true, aggregation: "flow",
    description: "Average value of an order after discounts.",
    formula: "(gross sales − discounts) ÷ orders",
    dimensions: ALL_DIMENSIONS, aliases: ["average order value", "ticket promedio", "valor promedio del pedido", "ticket médio", "valor médio do pedido"],
    measures: (c) => [at("gross_sales_cents", c), at("discounts_cents", c), at("orders", c)],
    compute: (read, c) => divideMoney(read(at("gross_sales_cents", c)) - read(at("discounts_cents", c)), read(at("orders", c)), "no orders in the range"),
  },
  {
    name: "customers", label: "Customers", domain: "ecommerce", unit: "count", defaultGrain: "month", higherIsBetter: true, aggregation: "flow",
    description: "Distinct customers who placed a non-cancelled order (guests not counted).",
    formula: "count of distinct customers with an order in the range",
    dimensions: ALL_DIMENSIONS, aliases: ["buyers", "clientes", "compradores"],
    measures: (c) => [at("customers", c)],
    compute: (read, c) => known(read(at("customers", c))),
  },
  {
    name: "new_customers", label: "New customers", domain: "ecommerce", unit: "count", defaultGrain: "day", higherIsBetter: true, aggregation: "flow",
    description: "Customers whose first non-cancelled order was placed in the range.",
    formula: "count of customers whose first order is in the range",
    dimensions: ALL_DIMENSIONS, aliases: ["clientes nuevos", "nuevos clientes", "clientes novos", "novos clientes"],
    measures: (c) => [at("new_customers", c)],
    compute: (read, c) => known(read(at("new_customers", c))),
  },
  {
    name: "returning_customers", label: "Returning customers", domain: "ecommerce", unit: "count", defaultGrain: "month", higherIsBetter: true, aggregation: "flow",
    description: "Customers with an order in the range whose first order was before it.",
    formula: "customers − new customers",
    dimensions: ALL_DIMENSIONS, aliases: ["clientes recurrentes", "clientes que regresan", "clientes recorrentes"],
    measures: (c) => [at("customers", c), at("new_customers", c)],
    compute: (read, c) => known(read(at("customers", c)) - read(at("new_customers", c))),
  },
  {
    name: "new_customer_sales", label: "Sales from new customers", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: true, aggregation: "flow",
    description: "Sales after discounts of customers' first orders.",
    formula: "Σ (gross sales − discounts) of first orders",
    dimensions: ALL_DIMENSIONS, aliases: ["new customer revenue", "ventas de clientes nuevos", "vendas de clientes novos"],
    measures: (c) => [at("new_customer_sales_cents", c)],
    compute: (read, c) => known(read(at("new_customer_sales_cents", c))),
  },
  {
    name: "returning_customer_sales", label: "Sales from returning customers", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: true, aggregation: "flow",
    description: "Sales after discounts of repeat orders (a customer's second order onwards).",
    formula: "Σ (gross sales − discounts) of repeat orders",
    dimensions: ALL_DIMENSIONS, aliases: ["returning customer revenue", "ventas de clientes recurrentes", "vendas de clientes recorrentes"],
    measures: (c) => [at("returning_customer_sales_cents", c)],
    compute: (read, c) => known(read(at("returning_customer_sales_cents", c))),
  },
  {
    name: "repeat_purchase_rate", label: "Repeat purchase rate", domain: "ecommerce", unit: "ratio", defaultGrain: "month", higherIsBetter: true, aggregation: "flow",
    description: "Share of the range's customers who have bought more than once (counting earlier orders).",
    formula: "customers with a repeat order in the range ÷ customers",
    dimensions: ALL_DIMENSIONS, aliases: ["repeat rate", "tasa de recompra", "taxa de recompra"],
    measures: (c) => [at("repeat_customers", c), at("customers", c)],
    compute: (read, c) => divide(read(at("repeat_customers", c)), read(at("customers", c)), "no customers in the range"),
  },
  {
    name: "revenue_per_customer", label: "Revenue per customer", domain: "ecommerce", unit: "money", defaultGrain: "month", higherIsBetter: true, aggregation: "flow",
    description: "Net sales per distinct customer in the range.",
    formula: "net sales ÷ customers",
    dimensions: ALL_DIMENSIONS, aliases: ["ingreso por cliente", "venta por cliente", "receita por cliente"],
    measures: (c) => [...NET_SALES_MEASURES(c), at("customers", c)],
    compute: (read, c) => divideMoney(netSales(read, c), read(at("customers", c)), "no customers in the range"),
  },
  {
    name: "gross_profit", label: "Gross profit", domain: "ecommerce", unit: "money", defaultGrain: "day", higherIsBetter: true, aggregation: "flow",
    description: "Sales after discounts minus the cost of the goods sold, on lines whose cost is known.",
    formula: "Σ (gross sales − discounts − cost) of lines with a known cost",
    dimensions: ALL_DIMENSIONS, aliases: ["profit", "utilidad bruta", "ganancia", "margen bruto en pesos", "lucro bruto", "lucro"],
    measures: () => LINE_SALES,
    compute: (read) => grossProfit(read),
  },
  {
    name: "gross_margin", label: "Gross margin", domain: "ecommerce", unit: "ratio", defaultGrain: "month", higherIsBetter: true, aggregation: "flow",
    description: "Gross profit as a share of the sales it was earned on.",
    formula: "gross profit ÷ (gross sales − discounts) of lines with a known cost",
    dimensions: ALL_DIMENSIONS, aliases: ["margin", "margen", "margen bruto", "margem", "margem bruta"],
    measures: () => LINE_SALES,
    compute: (read) => {
      const profit = grossProfit(read);
      if (profit.value === null) return profit;
      const margin = divide(profit.value, read("lines.costed_sales_cents"), "no sales with a known cost in the range");
      return profit.note && margin.value !== null ? { ...margin, note: profit.note } : margin;
    },
  },
  {
    name: "refund_rate", label: "Refund rate", domain: "ecommerce", unit: "ratio", defaultGrain: "month", higherIsBetter: false, aggregation: "flow",
    description: "Refunds as a share of gross sales in the same range.",
    formula: "refunds ÷ gross sales",
    dimensions: ALL_DIMENSIONS, aliases: ["return rate", "tasa de devolución", "tasa de reembolso", "taxa de devolução", "taxa de reembolso"],
    measures: (c) => [at("refunds_cents", c), at("gross_sales_cents", c)],
    compute: (read, c) => divide(read(at("refunds_cents", c)), read(at("gross_sales_cents", c)), "no gross sales in the range"),
  },
];
