/**
 * Shopify's admin "Export orders" CSV, as it comes. One row per line item; the order-level columns
 * (status, totals, addresses, dates) are filled on the first row of an order (by Name) and empty on
 * the rows after it. Money always has a decimal point; dates look like "2024-03-05 14:22:10 -0600".
 */
import type { Attributes } from "../../db/schema/columns.ts";
import { sourceChannelFrom } from "./channels.ts";
import { parseDateParts, type InstantResolver } from "./dates.ts";
import { CellError, CsvError } from "./errors.ts";
import { cell, currencyMismatch, type RowReader } from "./generic.ts";
import { NO_ATTRIBUTES, slugify, type ImportBuilder } from "./normalize.ts";
import { parseDecimal, parseQuantity, toMinorUnits, toSafeNumber, type DecimalSeparator } from "./numbers.ts";
import { SHOPIFY_FINANCIAL_STATUSES, isShopifyFinancialStatus, statusFromShopify } from "./statuses.ts";
import type { Dimension } from "./mapping.ts";

const REQUIRED = ["Name", "Created at", "Lineitem quantity", "Lineitem name", "Lineitem price"] as const;

/** The columns read, by Shopify's header; the rest of the export is ignored. */
const COLUMNS = [
  ...REQUIRED,
  "Email", "Financial Status", "Paid at", "Fulfillment Status", "Fulfilled at", "Currency", "Subtotal", "Shipping", "Taxes", "Total",
  "Discount Code", "Discount Amount", "Shipping Method", "Lineitem sku", "Lineitem discount", "Billing Name", "Billing City", "Billing Zip",
  "Billing Province", "Billing Province Name", "Billing Country", "Shipping Name", "Shipping City", "Shipping Zip", "Shipping Province",
  "Shipping Province Name", "Shipping Country", "Cancelled at", "Payment Method", "Refunded Amount", "Vendor", "Tags", "Source",
] as const;
type ShopifyColumn = (typeof COLUMNS)[number];

/** How the generic fields map onto this export, for the summary the CLI prints (columns present in the file only). */
export function shopifyMapping(columns: ReadonlyMap<ShopifyColumn, number>): Record<string, string> {
  const mapping: Record<string, string> = {};
  for (const [field, column] of Object.entries(SHOPIFY_MAPPING)) if (columns.has(column)) mapping[field] = column;
  if (columns.has("Billing Province Name")) mapping.state = "Billing Province Name";
  return mapping;
}

const SHOPIFY_MAPPING: Readonly<Record<string, ShopifyColumn>> = {
  order_id: "Name",
  date: "Created at",
  customer_email: "Email",
  customer_name: "Billing Name",
  product_name: "Lineitem name",
  sku: "Lineitem sku",
  quantity: "Lineitem quantity",
  unit_price: "Lineitem price",
  discount: "Discount Amount",
  shipping: "Shipping",
  tax: "Taxes",
  status: "Financial Status",
  currency: "Currency",
  country: "Billing Country",
  state: "Billing Province",
  city: "Billing City",
  postal_code: "Billing Zip",
  source_channel: "Source",
};

/** Column indexes by Shopify header; throws when a required column is missing. */
export function shopifyColumns(file: string, headers: readonly string[]): ReadonlyMap<ShopifyColumn, number> {
  const columns = new Map<ShopifyColumn, number>();
  for (const name of COLUMNS) {
    const index = headers.findIndex((header) => header.toLowerCase() === name.toLowerCase());
    if (index !== -1) columns.set(name, index);
  }
  const missing = REQUIRED.filter((name) => !columns.has(name));
  if (missing.length > 0) {
    throw new CsvError(
      file,
      `this is not a Shopify "Export orders" file: no column ${missing.map((m) => `"${m}"`).join(", ")}. ` +
        `Columns in the file: ${headers.map((h) => `"${h}"`).join(", ")}. For other files use --format generic`,
    );
  }
  return columns;
}

export interface ShopifyContext {
  readonly columns: ReadonlyMap<ShopifyColumn, number>;
  readonly headers: readonly string[];
  readonly dims: readonly Dimension[];
  readonly decimal: DecimalSeparator;
  readonly currency: string;
  readonly digits: number;
  readonly resolver: InstantResolver;
  readonly builder: ImportBuilder;
}

export function shopifyRowReader(ctx: ShopifyContext): RowReader {
  const { builder } = ctx;
  const strings = builder.strings;
  return (fields, row, line) => {
    const get = (name: ShopifyColumn) => cell(fields, ctx.columns.get(name) ?? -1);
    const cents = (name: ShopifyColumn): number | null => {
      const value = get(name);
      if (value === "") return null;
      const parsed = parseDecimal(value, ctx.decimal);
      if (!parsed.ok) throw new CellError(name, value, parsed.error);
      const minor = toSafeNumber(toMinorUnits(parsed.value, ctx.digits));
      if (!minor.ok) throw new CellError(name, value, minor.error);
      return minor.value;
    };
    const instant = (name: ShopifyColumn): Date | null => {
      const value = get(name);
      if (value === "") return null;
      const parts = parseDateParts(value, "iso");
      if (!parts.ok) throw new CellError(name, value, parts.error);
      return ctx.resolver.toDate(parts.value);
    };

    const name = get("Name");
    if (name === "") throw new CellError("Name", "", "the order name is empty");
    const order = builder.order(name, row, line);
    if (order.lines.length === 0) {
      const placedAt = instant("Created at");
      if (placedAt === null) throw new CellError("Created at", "", "the first row of an order must have its creation date");
      order.placedAt = placedAt;
      const financial = get("Financial Status").toLowerCase();
      if (financial !== "" && !isShopifyFinancialStatus(financial)) {
        throw new CellError("Financial Status", financial, `unknown financial status; expected one of ${SHOPIFY_FINANCIAL_STATUSES.join(", ")}`);
      }
      const cancelledAt = instant("Cancelled at");
      order.status = statusFromShopify(financial === "" ? "pending" : financial, cancelledAt !== null);
      const currency = get("Currency").toUpperCase();
      if (currency !== "" && currency !== ctx.currency) throw new CellError("Currency", currency, currencyMismatch(currency, ctx.currency));
      order.shippingCents = cents("Shipping") ?? 0;
      order.taxCents = cents("Taxes") ?? 0;
      order.reportedDiscountCents = cents("Discount Amount");
      order.reportedTotalCents = cents("Total");
      cents("Subtotal"); // validated; our subtotal is rebuilt from the lines

      const billing = get("Billing Country") !== "" || get("Billing City") !== "" || get("Billing Province") !== "";
      const side = billing ? "Billing" : "Shipping";
      order.country = strings.nullable(get(`${side} Country`));
      order.state = strings.nullable(get(`${side} Province Name`) || get(`${side} Province`));
      order.city = strings.nullable(get(`${side} City`));
      order.sourceChannel = sourceChannelFrom(get("Source"));
      const attributes: Attributes = order.attributes;
      const optional: readonly [string, ShopifyColumn][] = [
        ["postal_code", `${side} Zip`],
        ["discount_code", "Discount Code"],
        ["payment_method", "Payment Method"],
        ["shipping_method", "Shipping Method"],
        ["fulfillment_status", "Fulfillment Status"],
        ["tags", "Tags"],
      ];
      for (const [key, column] of optional) {
        const value = get(column);
        if (value !== "") attributes[key] = strings.get(value);
      }

      const email = get("Email").toLowerCase();
      const customerName = get("Billing Name") || get("Shipping Name");
      const customerKey = email || customerName;
      if (customerKey !== "") {
        order.customerKey = builder.customer(customerKey, {
          name: customerName === "" ? null : customerName,
          email: email === "" ? null : email,
          country: order.country,
          state: order.state,
          city: order.city,
        });
      }

      const refunded = cents("Refunded Amount");
      if (refunded !== null && refunded > 0) {
        // The export has no refund date: the latest moment it shows is the closest lower bound.
        const known = [placedAt, instant("Paid at"), instant("Fulfilled at"), cancelledAt].filter((d): d is Date => d !== null);
        const refundedAt = new Date(Math.max(...known.map((d) => d.getTime())));
        order.refunds.push({ externalId: `${order.externalId}:refund`, refundedAt, amountCents: refunded, reason: cancelledAt ? "cancelled" : null });
      }
    }

    const quantityText = get("Lineitem quantity");
    const quantity = parseQuantity(quantityText, ctx.decimal);
    if (!quantity.ok) throw new CellError("Lineitem quantity", quantityText, quantityText === "" ? "the quantity is empty" : quantity.error);
    const itemName = get("Lineitem name");
    if (itemName === "") throw new CellError("Lineitem name", "", "the line item has no name");
    const unitPriceCents = cents("Lineitem price");
    if (unitPriceCents === null) throw new CellError("Lineitem price", "", "the line item has no price");
    const discountCents = cents("Lineitem discount") ?? 0;
    const skuText = get("Lineitem sku");
    const product = builder.product(slugify(itemName), { title: itemName, category: "", vendor: get("Vendor"), sku: skuText, priceCents: Math.max(0, unitPriceCents), costCents: null });
    const { key: productKey, title } = product;
    const sku = skuText === "" ? null : product.sku;
    let attributes: Attributes = NO_ATTRIBUTES;
    if (ctx.dims.length > 0) {
      attributes = {};
      for (const dim of ctx.dims) {
        const value = cell(fields, dim.index);
        if (value !== "") attributes[dim.key] = strings.get(value);
      }
    }
    order.lines.push({
      productKey,
      sku,
      title,
      category: null,
      quantity: quantity.value,
      unitPriceCents,
      discountCents,
      totalCents: unitPriceCents * quantity.value - discountCents,
      costCents: null,
      attributes,
    });
  };
}
