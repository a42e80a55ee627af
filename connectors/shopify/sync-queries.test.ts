import { parse } from "graphql";
import { describe, expect, it } from "vitest";
import { estimateShopifyCost, loadShopifyAdminSchema, SHOPIFY_MAX_QUERY_COST, validateShopifyDocument } from "../../test/fakes/shopify-admin.ts";
import type { ShopifyDocument } from "./admin-graphql.ts";
import * as catalogQueries from "./sync-catalog-queries.ts";
import { PRODUCT_VARIANTS_QUERY, PRODUCTS_PAGE_SIZE, PRODUCTS_QUERY, SHOP_QUERY, VARIANTS_PAGE_SIZE, VARIANTS_PER_PRODUCT } from "./sync-catalog-queries.ts";
import * as orderQueries from "./sync-order-queries.ts";
import { LINE_ITEMS_PAGE_SIZE, LINES_PER_ORDER, ORDER_LINE_ITEMS_QUERY, ORDER_REFUNDS_QUERY, ORDERS_PAGE_SIZE, ORDERS_QUERY, REFUNDS_PER_ORDER } from "./sync-order-queries.ts";

/** Every document the sync sends, with the variables it sends them with at the default page sizes. */
const SENT: readonly [ShopifyDocument<unknown>, Record<string, unknown>][] = [
  [SHOP_QUERY, {}],
  [PRODUCTS_QUERY, { first: PRODUCTS_PAGE_SIZE, after: null, query: "updated_at:>='2026-11-26T10:00:00Z'", variants: VARIANTS_PER_PRODUCT }],
  [PRODUCT_VARIANTS_QUERY, { id: "gid://shopify/Product/1", first: VARIANTS_PAGE_SIZE, after: "abc" }],
  [ORDERS_QUERY, { first: ORDERS_PAGE_SIZE, after: null, query: "updated_at:>='2026-11-26T10:00:00Z'", lines: LINES_PER_ORDER, refunds: REFUNDS_PER_ORDER }],
  [ORDER_LINE_ITEMS_QUERY, { id: "gid://shopify/Order/1", first: LINE_ITEMS_PAGE_SIZE, after: "abc" }],
  [ORDER_REFUNDS_QUERY, { id: "gid://shopify/Order/1" }],
];

describe("Shopify sync documents against the Admin GraphQL 2026-04 schema", () => {
  it("covers every document the sync's query modules define", () => {
    const exported: unknown[] = Object.values({ ...catalogQueries, ...orderQueries });
    const defined = exported.filter((value): value is ShopifyDocument<unknown> => typeof value === "object" && value !== null && "query" in value && "estimatedCost" in value);
    expect(defined.map((document) => document.name).sort()).toEqual(SENT.map(([document]) => document.name).sort());
  });

  it.each(SENT.map(([document]) => [document.name, document.query] as const))("%s is valid", (_name, query) => {
    expect(validateShopifyDocument(query).map((error) => error.message)).toEqual([]);
  });

  it.each(SENT.map(([document, variables]) => [document.name, document, variables] as const))(
    "%s asks for no more than Shopify's single-query limit, and its estimate is what Shopify will charge",
    (_name, document, variables) => {
      const cost = estimateShopifyCost(loadShopifyAdminSchema(), parse(document.query), variables);
      expect(cost).toBeLessThanOrEqual(SHOPIFY_MAX_QUERY_COST);
      expect(document.estimatedCost).toBe(cost);
    },
  );

  it("catches a field the 2026-04 schema does not have on an order", () => {
    const wrong = ORDERS_QUERY.query.replace("totalPriceSet", "totalPriceV2");
    expect(validateShopifyDocument(wrong).map((error) => error.message)).toEqual([expect.stringContaining('Cannot query field "totalPriceV2" on type "Order"')]);
  });
});
