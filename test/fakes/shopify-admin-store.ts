/**
 * The fake Shopify's in-memory shop: products with their variants (prices, SKUs, stock, unit
 * costs) and orders (line items, customer, addresses, shipping, taxes, discounts, refunds,
 * financial and cancel status), and the objects graphql-js resolves queries over. Order totals are
 * derived from the lines as Shopify derives them, so a test states what a merchant sees (unit
 * prices, discounts, shipping) and reads back the same figures through the API. Amounts are
 * decimal strings with two decimals, as the shop's currency (MXN by default) has.
 *
 * Like Shopify, changing a product, a price or an order moves its updatedAt; a stock adjustment
 * does not touch the product, which is why a sync cannot find stock moves by updatedAt alone.
 */
import { connectionOf, type ConnectionArgs } from "./shopify-admin-search.ts";

export interface FakeShopifyVariant {
  /** gid://shopify/ProductVariant/N */
  readonly id: string;
  readonly price: string;
  readonly sku?: string | null;
  /** "Default Title" for a product without options, as Shopify names it. */
  readonly title?: string;
  readonly inventoryQuantity?: number | null;
  /** inventoryItem.unitCost; null when the merchant has not entered a cost. */
  readonly unitCost?: string | null;
}

export interface FakeShopifyProduct {
  /** gid://shopify/Product/N */
  readonly id: string;
  readonly title?: string;
  readonly vendor?: string;
  readonly productType?: string;
  readonly status?: "ACTIVE" | "ARCHIVED" | "DRAFT" | "UNLISTED";
  readonly createdAt?: string;
  readonly updatedAt?: string;
  readonly variants: readonly FakeShopifyVariant[];
}

export interface FakeShopifyAddress {
  readonly countryCode?: string | null;
  readonly province?: string | null;
  readonly provinceCode?: string | null;
  readonly city?: string | null;
  readonly zip?: string | null;
}

export interface FakeShopifyLineItem {
  /** gid://shopify/LineItem/N */
  readonly id: string;
  /** The product's title at the time of the order. */
  readonly title: string;
  readonly variantTitle?: string | null;
  readonly sku?: string | null;
  readonly vendor?: string | null;
  readonly quantity: number;
  readonly unitPrice: string;
  /** Every discount allocated to the line (totalDiscountSet). */
  readonly discount?: string;
  /** The variant and product bought; the variant resolves to null once it is deleted from the catalog. */
  readonly variantId?: string | null;
  readonly productId?: string | null;
}

export interface FakeShopifyRefund {
  /** gid://shopify/Refund/N */
  readonly id: string;
  readonly createdAt: string;
  readonly amount: string;
  readonly note?: string | null;
}

export type FakeShopifyFinancialStatus = "PENDING" | "AUTHORIZED" | "PARTIALLY_PAID" | "PARTIALLY_REFUNDED" | "VOIDED" | "PAID" | "REFUNDED" | "EXPIRED";

export interface FakeShopifyOrder {
  /** gid://shopify/Order/N */
  readonly id: string;
  /** "#1001" */
  readonly name: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  readonly processedAt?: string;
  readonly cancelledAt?: string | null;
  readonly financialStatus?: FakeShopifyFinancialStatus | null;
  readonly fulfillmentStatus?: "UNFULFILLED" | "PARTIALLY_FULFILLED" | "FULFILLED" | "RESTOCKED" | "ON_HOLD";
  /** "web", "pos", "shopify_draft_order", "iphone"… */
  readonly sourceName?: string | null;
  readonly tags?: readonly string[];
  readonly discountCodes?: readonly string[];
  readonly paymentGatewayNames?: readonly string[];
  readonly test?: boolean;
  readonly customer?: { readonly id: string; readonly displayName: string; readonly email?: string | null } | null;
  readonly billingAddress?: FakeShopifyAddress | null;
  readonly shippingAddress?: FakeShopifyAddress | null;
  readonly shippingTitle?: string | null;
  readonly shipping?: string;
  readonly tax?: string;
  /** Prices include tax (Mexico's IVA): the total does not add it again. */
  readonly taxesIncluded?: boolean;
  /** A discount on the order that is not allocated to its lines. */
  readonly orderDiscount?: string;
  readonly lineItems: readonly FakeShopifyLineItem[];
  readonly refunds?: readonly FakeShopifyRefund[];
}

const cents = (amount: string | undefined): number => Math.round(Number(amount ?? "0") * 100);
const decimal = (value: number): string => (value / 100).toFixed(2);

/** Σ (quantity × unit price − discount) − order discount + shipping (+ tax unless included): Shopify's totalPriceSet. */
export function fakeOrderTotals(order: FakeShopifyOrder) {
  let lines = 0;
  let lineDiscounts = 0;
  for (const line of order.lineItems) {
    lines += line.quantity * cents(line.unitPrice) - cents(line.discount);
    lineDiscounts += cents(line.discount);
  }
  const orderDiscount = cents(order.orderDiscount);
  const shipping = cents(order.shipping);
  const tax = cents(order.tax);
  const refunded = (order.refunds ?? []).reduce((sum, refund) => sum + cents(refund.amount), 0);
  return {
    discounts: decimal(lineDiscounts + orderDiscount),
    subtotal: decimal(lines - orderDiscount),
    shipping: decimal(shipping),
    tax: decimal(tax),
    total: decimal(lines - orderDiscount + shipping + (order.taxesIncluded ? 0 : tax)),
    refunded: decimal(refunded),
  };
}

interface StoredProduct {
  id: string;
  title: string;
  vendor: string;
  productType: string;
  status: NonNullable<FakeShopifyProduct["status"]>;
  createdAt: string;
  updatedAt: string;
  variants: { id: string; price: string; sku: string | null; title: string; inventoryQuantity: number | null; unitCost: string | null }[];
}

export interface FakeShopifyStore {
  readonly products: StoredProduct[];
  readonly orders: FakeShopifyOrder[];
  findVariant(id: string): { product: StoredProduct; variant: StoredProduct["variants"][number] } | null;
  addProducts(products: readonly FakeShopifyProduct[]): void;
  /** Marks the product changed now (a title, a price, a variant). */
  touchProduct(product: StoredProduct): void;
  /** The root query fields graphql-js resolves. */
  readonly queryFields: Record<string, unknown>;
}

export function createFakeShopifyStore(options: { readonly currencyCode: string; readonly now: () => number; readonly products: readonly FakeShopifyProduct[] }): FakeShopifyStore {
  const { currencyCode, now } = options;
  const products: StoredProduct[] = [];
  const orders: FakeShopifyOrder[] = [];
  const nowIso = () => new Date(now()).toISOString();
  const money = (amount: string) => ({ amount, currencyCode });
  const bag = (amount: string) => ({ shopMoney: money(amount), presentmentMoney: money(amount) });

  function findVariant(id: string) {
    for (const product of products) {
      const variant = product.variants.find((candidate) => candidate.id === id);
      if (variant) return { product, variant };
    }
    return null;
  }

  function addProducts(added: readonly FakeShopifyProduct[]): void {
    for (const [index, product] of added.entries()) {
      const at = product.updatedAt ?? nowIso();
      products.push({
        id: product.id,
        title: product.title ?? `Product ${products.length + index + 1}`,
        vendor: product.vendor ?? "",
        productType: product.productType ?? "",
        status: product.status ?? "ACTIVE",
        createdAt: product.createdAt ?? at,
        updatedAt: at,
        variants: product.variants.map((variant) => ({
          id: variant.id,
          price: variant.price,
          sku: variant.sku ?? null,
          title: variant.title ?? "Default Title",
          inventoryQuantity: variant.inventoryQuantity === undefined ? 0 : variant.inventoryQuantity,
          unitCost: variant.unitCost ?? null,
        })),
      });
    }
  }
  addProducts(options.products);

  function productNode(product: StoredProduct): Record<string, unknown> {
    return {
      id: product.id,
      title: product.title,
      vendor: product.vendor,
      productType: product.productType,
      status: product.status,
      createdAt: product.createdAt,
      updatedAt: product.updatedAt,
      variants: (args: ConnectionArgs) =>
        connectionOf(
          product.variants.map((variant, position) => ({ ...variant, createdAt: product.createdAt, updatedAt: product.updatedAt, position })),
          args,
          (variant) => variantNode(product, variant),
        ),
    };
  }

  function variantNode(product: StoredProduct, variant: StoredProduct["variants"][number]): Record<string, unknown> {
    return {
      id: variant.id,
      title: variant.title,
      displayName: `${product.title} - ${variant.title}`,
      sku: variant.sku,
      price: variant.price,
      inventoryQuantity: variant.inventoryQuantity,
      updatedAt: product.updatedAt,
      inventoryItem: { id: variant.id.replace("ProductVariant", "InventoryItem"), tracked: variant.inventoryQuantity !== null, unitCost: variant.unitCost === null ? null : money(variant.unitCost) },
      product: () => productNode(product),
    };
  }

  const address = (value: FakeShopifyAddress | null | undefined, id: string) =>
    value ? { id, countryCodeV2: value.countryCode ?? null, province: value.province ?? null, provinceCode: value.provinceCode ?? null, city: value.city ?? null, zip: value.zip ?? null } : null;

  function lineNode(line: FakeShopifyLineItem): Record<string, unknown> {
    const found = line.variantId ? findVariant(line.variantId) : null;
    const quantity = line.quantity;
    const gross = quantity * cents(line.unitPrice);
    return {
      id: line.id,
      title: line.title,
      variantTitle: line.variantTitle ?? null,
      name: line.variantTitle ? `${line.title} - ${line.variantTitle}` : line.title,
      sku: line.sku ?? null,
      vendor: line.vendor ?? null,
      quantity,
      currentQuantity: quantity,
      originalUnitPriceSet: bag(line.unitPrice),
      originalTotalSet: bag(decimal(gross)),
      totalDiscountSet: bag(line.discount ?? "0.00"),
      discountedTotalSet: bag(decimal(gross - cents(line.discount))),
      variant: found ? variantNode(found.product, found.variant) : null,
      product: line.productId ? { id: line.productId } : null,
    };
  }

  function orderNode(order: FakeShopifyOrder): Record<string, unknown> {
    const totals = fakeOrderTotals(order);
    const refunds = (order.refunds ?? []).map((refund) => ({
      id: refund.id,
      createdAt: refund.createdAt,
      processedAt: refund.createdAt,
      note: refund.note ?? null,
      totalRefundedSet: bag(refund.amount),
    }));
    const customer = order.customer
      ? { id: order.customer.id, displayName: order.customer.displayName, defaultEmailAddress: order.customer.email ? { emailAddress: order.customer.email } : null }
      : null;
    return {
      id: order.id,
      name: order.name,
      createdAt: order.createdAt,
      processedAt: order.processedAt ?? order.createdAt,
      updatedAt: order.updatedAt,
      cancelledAt: order.cancelledAt ?? null,
      displayFinancialStatus: order.financialStatus === undefined ? "PAID" : order.financialStatus,
      displayFulfillmentStatus: order.fulfillmentStatus ?? "UNFULFILLED",
      currencyCode,
      sourceName: order.sourceName === undefined ? "web" : order.sourceName,
      tags: order.tags ?? [],
      discountCodes: order.discountCodes ?? [],
      paymentGatewayNames: order.paymentGatewayNames ?? [],
      test: order.test ?? false,
      taxesIncluded: order.taxesIncluded ?? false,
      customer,
      billingAddress: address(order.billingAddress, `${order.id}/billing`),
      shippingAddress: address(order.shippingAddress, `${order.id}/shipping`),
      shippingLine: order.shippingTitle ? { title: order.shippingTitle, originalPriceSet: bag(totals.shipping) } : null,
      subtotalPriceSet: bag(totals.subtotal),
      totalDiscountsSet: bag(totals.discounts),
      totalShippingPriceSet: bag(totals.shipping),
      totalTaxSet: bag(totals.tax),
      totalPriceSet: bag(totals.total),
      totalRefundedSet: bag(totals.refunded),
      lineItems: (args: ConnectionArgs) =>
        connectionOf(
          order.lineItems.map((line) => ({ ...line, createdAt: order.createdAt, updatedAt: order.updatedAt })),
          args,
          lineNode,
        ),
      refunds: ({ first }: { first?: number | null }) => (first == null ? refunds : refunds.slice(0, first)),
    };
  }

  return {
    products,
    orders,
    findVariant,
    addProducts,
    touchProduct(product) {
      product.updatedAt = nowIso();
    },
    queryFields: {
      shop: { currencyCode, ianaTimezone: "America/Mexico_City" },
      products: (args: ConnectionArgs) => connectionOf(products, args, productNode),
      product: ({ id }: { id: string }) => {
        const product = products.find((candidate) => candidate.id === id);
        return product ? productNode(product) : null;
      },
      orders: (args: ConnectionArgs) => connectionOf(orders, args, orderNode),
      order: ({ id }: { id: string }) => {
        const order = orders.find((candidate) => candidate.id === id);
        return order ? orderNode(order) : null;
      },
      productVariant: ({ id }: { id: string }) => {
        const found = findVariant(id);
        return found ? variantNode(found.product, found.variant) : null;
      },
    },
  };
}
