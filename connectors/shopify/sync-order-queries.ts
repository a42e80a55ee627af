/**
 * The Admin GraphQL documents the Shopify sync reads orders with, and zod schemas of their data.
 * sync-queries.test.ts validates each against Shopify's 2026-04 schema.
 *
 * Amounts are the original ones (totalPriceSet, not currentTotalPriceSet): refunds are recorded as
 * refunds, on their own day, as the metrics engine counts them. One order asks for 16 points plus
 * 7 per line item and 3 per refund, so a page of 8 orders with their first 10 lines and 5 refunds
 * stays under Shopify's 1000-point limit (2 + 8 × 101 = 810). Longer orders have the rest of their
 * lines read with SyncOrderLineItems, and all their refunds with SyncOrderRefunds.
 */
import { z } from "zod";
import type { ShopifyDocument } from "./admin-graphql.ts";
import { moneyBagSchema, pageInfoSchema } from "./sync-catalog-queries.ts";

export const ORDERS_PAGE_SIZE = 8;
export const LINES_PER_ORDER = 10;
export const REFUNDS_PER_ORDER = 5;
export const LINE_ITEMS_PAGE_SIZE = 100;

const LINE_ITEM_FIELDS = `fragment SyncLineItem on LineItem {
  id
  name
  title
  variantTitle
  sku
  vendor
  quantity
  variant {
    id
  }
  product {
    id
  }
  originalUnitPriceSet {
    shopMoney {
      amount
      currencyCode
    }
  }
  totalDiscountSet {
    shopMoney {
      amount
      currencyCode
    }
  }
}`;

const REFUND_FIELDS = `fragment SyncRefund on Refund {
  id
  createdAt
  processedAt
  totalRefundedSet {
    shopMoney {
      amount
      currencyCode
    }
  }
}`;

export const lineItemSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  variantTitle: z.string().nullable(),
  sku: z.string().nullable(),
  vendor: z.string().nullable(),
  quantity: z.number().int(),
  variant: z.object({ id: z.string() }).nullable(),
  product: z.object({ id: z.string() }).nullable(),
  originalUnitPriceSet: moneyBagSchema,
  totalDiscountSet: moneyBagSchema,
});
export type ShopifyLineItemNode = z.infer<typeof lineItemSchema>;

export const refundSchema = z.object({ id: z.string(), createdAt: z.string().nullable(), processedAt: z.string(), totalRefundedSet: moneyBagSchema });
export type ShopifyRefundNode = z.infer<typeof refundSchema>;

const lineItemConnection = z.object({ pageInfo: pageInfoSchema, nodes: z.array(lineItemSchema) });

const addressSchema = z.object({
  countryCodeV2: z.string().nullable(),
  province: z.string().nullable(),
  provinceCode: z.string().nullable(),
  city: z.string().nullable(),
  zip: z.string().nullable(),
});
export type ShopifyAddress = z.infer<typeof addressSchema>;

export const FINANCIAL_STATUSES = ["PENDING", "AUTHORIZED", "PARTIALLY_PAID", "PARTIALLY_REFUNDED", "VOIDED", "PAID", "REFUNDED", "EXPIRED"] as const;
export type ShopifyDisplayFinancialStatus = (typeof FINANCIAL_STATUSES)[number];

export const orderSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  cancelledAt: z.string().nullable(),
  test: z.boolean(),
  displayFinancialStatus: z.enum(FINANCIAL_STATUSES).nullable(),
  displayFulfillmentStatus: z.string(),
  sourceName: z.string().nullable(),
  tags: z.array(z.string()),
  discountCodes: z.array(z.string()),
  paymentGatewayNames: z.array(z.string()),
  customer: z.object({ id: z.string(), displayName: z.string(), defaultEmailAddress: z.object({ emailAddress: z.string() }).nullable() }).nullable(),
  billingAddress: addressSchema.nullable(),
  shippingAddress: addressSchema.nullable(),
  shippingLine: z.object({ title: z.string() }).nullable(),
  totalDiscountsSet: moneyBagSchema.nullable(),
  totalShippingPriceSet: moneyBagSchema,
  totalTaxSet: moneyBagSchema.nullable(),
  totalPriceSet: moneyBagSchema,
  refunds: z.array(refundSchema),
  lineItems: lineItemConnection,
});
export type ShopifyOrderNode = z.infer<typeof orderSchema>;

const ordersData = z.object({ orders: z.object({ pageInfo: pageInfoSchema, nodes: z.array(orderSchema) }) });
export type OrdersData = z.infer<typeof ordersData>;

const MONEY = `{
        shopMoney {
          amount
          currencyCode
        }
      }`;
const ADDRESS = `{
        countryCodeV2
        province
        provinceCode
        city
        zip
      }`;

/** Orders updated since the watermark (oldest change first), with what our orders, lines, customers and refunds need. */
export const ORDERS_QUERY: ShopifyDocument<OrdersData> = {
  name: "SyncOrders",
  query: `query SyncOrders($first: Int!, $after: String, $query: String!, $lines: Int!, $refunds: Int!) {
  orders(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      name
      createdAt
      updatedAt
      cancelledAt
      test
      displayFinancialStatus
      displayFulfillmentStatus
      sourceName
      tags
      discountCodes
      paymentGatewayNames
      customer {
        id
        displayName
        defaultEmailAddress {
          emailAddress
        }
      }
      billingAddress ${ADDRESS}
      shippingAddress ${ADDRESS}
      shippingLine {
        title
      }
      totalDiscountsSet ${MONEY}
      totalShippingPriceSet ${MONEY}
      totalTaxSet ${MONEY}
      totalPriceSet ${MONEY}
      refunds(first: $refunds) {
        ...SyncRefund
      }
      lineItems(first: $lines) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...SyncLineItem
        }
      }
    }
  }
}
${LINE_ITEM_FIELDS}
${REFUND_FIELDS}`,
  data: ordersData,
  estimatedCost: 2 + ORDERS_PAGE_SIZE * (16 + 7 * LINES_PER_ORDER + 3 * REFUNDS_PER_ORDER),
};

const orderLineItemsData = z.object({ order: z.object({ lineItems: lineItemConnection }).nullable() });
export type OrderLineItemsData = z.infer<typeof orderLineItemsData>;

/** The rest of an order's line items, after the ones its orders page carried. */
export const ORDER_LINE_ITEMS_QUERY: ShopifyDocument<OrderLineItemsData> = {
  name: "SyncOrderLineItems",
  query: `query SyncOrderLineItems($id: ID!, $first: Int!, $after: String) {
  order(id: $id) {
    lineItems(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SyncLineItem
      }
    }
  }
}
${LINE_ITEM_FIELDS}`,
  data: orderLineItemsData,
  estimatedCost: 3 + 7 * LINE_ITEMS_PAGE_SIZE,
};

const orderRefundsData = z.object({ order: z.object({ refunds: z.array(refundSchema) }).nullable() });
export type OrderRefundsData = z.infer<typeof orderRefundsData>;

/** Every refund of an order that has more than its orders page carried. */
export const ORDER_REFUNDS_QUERY: ShopifyDocument<OrderRefundsData> = {
  name: "SyncOrderRefunds",
  query: `query SyncOrderRefunds($id: ID!) {
  order(id: $id) {
    refunds {
      ...SyncRefund
    }
  }
}
${REFUND_FIELDS}`,
  data: orderRefundsData,
  estimatedCost: 4,
};
