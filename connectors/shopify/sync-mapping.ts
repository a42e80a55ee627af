/**
 * Shopify's products, variants and orders as our rows, mapped the way the CSV import maps
 * Shopify's "Export orders" file (connectors/csv/shopify.ts) so that a synced shop and an imported
 * one read the same: the placed date is createdAt, the status is the financial status overridden
 * by cancellation, geography comes from the billing address (the shipping one when it has none),
 * the subtotal is Σ quantity × unit price, discounts include the lines' own, shipping, tax and
 * total are Shopify's, and refunds are dated when they were made. Money is the shop's (shopMoney),
 * converted to minor units of the workspace's currency. Pure: no database.
 *
 * Our external ids are Shopify's numeric ids ("44001"), which the price writer turns back into
 * global ids (price-writer.ts shopifyGid), so a synced variant can take a price change.
 */
import type { Attributes } from "../../db/schema/columns.ts";
import { assertNever } from "../../lib/assert-never.ts";
import { decimalToMinorUnits } from "../../lib/money.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import type { OrderHeader } from "../commerce/write-orders.ts";
import { sourceChannelFrom } from "../csv/channels.ts";
import { statusFromShopify, type ShopifyFinancialStatus } from "../csv/statuses.ts";
import type { ShopifyMoney, ShopifyProductNode, ShopifyVariantNode } from "./sync-catalog-queries.ts";
import type { ShopifyAddress, ShopifyDisplayFinancialStatus, ShopifyLineItemNode, ShopifyOrderNode, ShopifyRefundNode } from "./sync-order-queries.ts";

export interface SyncedProduct {
  readonly externalId: string;
  readonly title: string;
  readonly category: string | null;
  readonly vendor: string | null;
  readonly status: "active" | "archived";
}

export interface SyncedVariant {
  readonly externalId: string;
  readonly productExternalId: string;
  readonly sku: string | null;
  readonly title: string;
  readonly priceCents: number;
  readonly costCents: number | null;
  /** Units on hand across locations; null when Shopify does not track the variant's stock. */
  readonly inventoryQty: number | null;
}

export interface SyncedCustomer {
  readonly externalId: string;
  readonly name: string | null;
  readonly email: string | null;
  readonly country: string | null;
  readonly state: string | null;
  readonly city: string | null;
}

export interface SyncedLine {
  /** Shopify's ids of what was bought; null once the variant or product has been deleted. */
  readonly variantExternalId: string | null;
  readonly productExternalId: string | null;
  readonly productTitle: string;
  readonly variantTitle: string | null;
  readonly vendor: string | null;
  readonly sku: string | null;
  /** "Camiseta Básica - M / Azul", as the export's "Lineitem name". */
  readonly title: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
  readonly discountCents: number;
  readonly totalCents: number;
}

export interface SyncedRefund {
  readonly externalId: string;
  readonly refundedAt: Date;
  readonly amountCents: number;
  readonly reason: string | null;
}

export interface SyncedOrder extends OrderHeader {
  readonly externalId: string;
  readonly customer: SyncedCustomer | null;
  readonly lines: readonly SyncedLine[];
  readonly refunds: readonly SyncedRefund[];
}

/** "gid://shopify/ProductVariant/44001" → "44001"; anything else is an answer we cannot use. */
export function shopifyNumericId(kind: string, gid: string): string {
  const match = /^gid:\/\/shopify\/(\w+)\/(\d+)$/.exec(gid);
  if (!match || match[1] !== kind) throw new ProviderError("shopify", { kind: "permanent" }, `expected a ${kind} id, got "${gid}"`);
  return match[2]!;
}

/** A shopMoney amount in minor units of the workspace's currency. */
export function minorUnits(money: ShopifyMoney | null | undefined, currency: string, what: string): number {
  if (!money) return 0;
  if (money.currencyCode !== currency) {
    throw new ProviderError("shopify", { kind: "permanent" }, `${what} is in ${money.currencyCode}, but the workspace keeps its books in ${currency}`);
  }
  const cents = decimalToMinorUnits(money.amount, currency);
  if (cents === null) throw new ProviderError("shopify", { kind: "permanent" }, `${what} is "${money.amount}", which is not an amount in ${currency}`);
  return cents;
}

const nonEmpty = (value: string | null | undefined): string | null => (value === null || value === undefined || value.trim() === "" ? null : value.trim());

export function productFromShopify(node: ShopifyProductNode): SyncedProduct {
  return {
    externalId: shopifyNumericId("Product", node.id),
    title: node.title,
    category: nonEmpty(node.productType),
    vendor: nonEmpty(node.vendor),
    // Drafts and unlisted products are not for sale: like archived ones, they leave stock and pricing analyses.
    status: node.status === "ACTIVE" ? "active" : "archived",
  };
}

export function variantFromShopify(node: ShopifyVariantNode, product: ShopifyProductNode, currency: string): SyncedVariant {
  const what = `variant ${node.id}`;
  // A product without options has one variant Shopify calls "Default Title": it is the product itself.
  const title = node.title === "Default Title" ? product.title : node.title;
  return {
    externalId: shopifyNumericId("ProductVariant", node.id),
    productExternalId: shopifyNumericId("Product", product.id),
    sku: nonEmpty(node.sku),
    title,
    priceCents: minorUnits({ amount: node.price, currencyCode: currency }, currency, `the price of ${what}`),
    costCents: node.inventoryItem.unitCost ? minorUnits(node.inventoryItem.unitCost, currency, `the unit cost of ${what}`) : null,
    inventoryQty: node.inventoryQuantity,
  };
}

function financialStatus(status: ShopifyDisplayFinancialStatus | null): ShopifyFinancialStatus {
  switch (status) {
    case null:
    case "PENDING":
      return "pending";
    case "AUTHORIZED":
      return "authorized";
    case "PARTIALLY_PAID":
      return "partially_paid";
    case "PARTIALLY_REFUNDED":
      return "partially_refunded";
    case "VOIDED":
      return "voided";
    case "PAID":
      return "paid";
    case "REFUNDED":
      return "refunded";
    case "EXPIRED":
      return "expired";
    default:
      return assertNever(status, "Shopify financial status");
  }
}

/** The export's wording of fulfillment statuses ("partial"), lower case for the rest. */
function fulfillmentStatus(status: string): string {
  return status === "PARTIALLY_FULFILLED" ? "partial" : status.toLowerCase();
}

function lineFromShopify(node: ShopifyLineItemNode, currency: string): SyncedLine {
  const what = `line ${node.id}`;
  const unitPriceCents = minorUnits(node.originalUnitPriceSet.shopMoney, currency, `the unit price of ${what}`);
  const discountCents = minorUnits(node.totalDiscountSet.shopMoney, currency, `the discount of ${what}`);
  return {
    variantExternalId: node.variant ? shopifyNumericId("ProductVariant", node.variant.id) : null,
    productExternalId: node.product ? shopifyNumericId("Product", node.product.id) : null,
    productTitle: node.title,
    variantTitle: nonEmpty(node.variantTitle),
    vendor: nonEmpty(node.vendor),
    sku: nonEmpty(node.sku),
    title: node.name,
    quantity: node.quantity,
    unitPriceCents,
    discountCents,
    totalCents: unitPriceCents * node.quantity - discountCents,
  };
}

function refundFromShopify(node: ShopifyRefundNode, cancelled: boolean, currency: string): SyncedRefund {
  return {
    externalId: shopifyNumericId("Refund", node.id),
    refundedAt: new Date(node.createdAt ?? node.processedAt),
    amountCents: minorUnits(node.totalRefundedSet.shopMoney, currency, `refund ${node.id}`),
    reason: cancelled ? "cancelled" : null,
  };
}

function hasPlace(address: ShopifyAddress | null): address is ShopifyAddress {
  return address !== null && (nonEmpty(address.countryCodeV2) !== null || nonEmpty(address.city) !== null || nonEmpty(address.province) !== null);
}

/**
 * An order with all its line items and refunds (the caller has read any that did not fit on the
 * orders page). Refunds of nothing (a restock without money back) are left out: a refund row is money.
 */
export function orderFromShopify(node: ShopifyOrderNode, lineItems: readonly ShopifyLineItemNode[], refunds: readonly ShopifyRefundNode[], currency: string): SyncedOrder {
  const what = `order ${node.name}`;
  const cancelled = node.cancelledAt !== null;
  const place = hasPlace(node.billingAddress) ? node.billingAddress : hasPlace(node.shippingAddress) ? node.shippingAddress : null;
  const country = nonEmpty(place?.countryCodeV2);
  const state = nonEmpty(place?.province) ?? nonEmpty(place?.provinceCode);
  const city = nonEmpty(place?.city);
  const lines = lineItems.map((line) => lineFromShopify(line, currency));
  let gross = 0;
  let lineDiscounts = 0;
  for (const line of lines) {
    gross += line.unitPriceCents * line.quantity;
    lineDiscounts += line.discountCents;
  }
  const attributes: Attributes = {};
  const optional: readonly [string, string | null][] = [
    ["postal_code", nonEmpty(place?.zip)],
    ["discount_code", nonEmpty(node.discountCodes.join(", "))],
    ["payment_method", nonEmpty(node.paymentGatewayNames.join(", "))],
    ["shipping_method", nonEmpty(node.shippingLine?.title)],
    ["fulfillment_status", fulfillmentStatus(node.displayFulfillmentStatus)],
    ["tags", nonEmpty(node.tags.join(", "))],
  ];
  for (const [key, value] of optional) if (value !== null) attributes[key] = value;
  const email = nonEmpty(node.customer?.defaultEmailAddress?.emailAddress)?.toLowerCase() ?? null;
  return {
    externalId: shopifyNumericId("Order", node.id),
    customer: node.customer
      ? { externalId: shopifyNumericId("Customer", node.customer.id), name: nonEmpty(node.customer.displayName), email, country, state, city }
      : null,
    placedAt: new Date(node.createdAt),
    status: statusFromShopify(financialStatus(node.displayFinancialStatus), cancelled),
    subtotalCents: gross,
    // Never less than the lines' own discounts, so the order-level remainder split over lines is never negative.
    discountCents: Math.max(lineDiscounts, minorUnits(node.totalDiscountsSet?.shopMoney, currency, `the discounts of ${what}`)),
    shippingCents: minorUnits(node.totalShippingPriceSet.shopMoney, currency, `the shipping of ${what}`),
    taxCents: minorUnits(node.totalTaxSet?.shopMoney, currency, `the taxes of ${what}`),
    totalCents: minorUnits(node.totalPriceSet.shopMoney, currency, `the total of ${what}`),
    sourceChannel: sourceChannelFrom(node.sourceName ?? ""),
    country,
    state,
    city,
    attributes,
    lines,
    refunds: refunds.map((refund) => refundFromShopify(refund, cancelled, currency)).filter((refund) => refund.amountCents > 0),
  };
}
