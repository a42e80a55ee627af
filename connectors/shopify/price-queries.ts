/**
 * The Admin GraphQL documents the Shopify price writer sends, with zod schemas of the data they
 * return. price-queries.test.ts validates each one against Shopify's 2026-04 schema, so a wrong
 * field or argument name fails the tests rather than a price change.
 */
import { z } from "zod";
import type { ShopifyDocument } from "./admin-graphql.ts";

/** Shopify's Money scalar: a decimal string such as "399.00". */
const money = z.string();

const variantPriceData = z.object({
  productVariant: z.object({ id: z.string(), price: money, product: z.object({ id: z.string() }) }).nullable(),
  shop: z.object({ currencyCode: z.string() }),
});
export type VariantPriceData = z.infer<typeof variantPriceData>;

/** A variant's price, its product, and the shop's currency (variant prices are in it). */
export const VARIANT_PRICE_QUERY: ShopifyDocument<VariantPriceData> = {
  name: "VariantPrice",
  query: `query VariantPrice($id: ID!) {
  productVariant(id: $id) {
    id
    price
    product {
      id
    }
  }
  shop {
    currencyCode
  }
}`,
  data: variantPriceData,
  // productVariant, product and shop are objects: one point each.
  estimatedCost: 3,
};

const userError = z.object({ field: z.array(z.string()).nullable(), message: z.string(), code: z.string().nullable() });
const updateVariantPricesData = z.object({
  productVariantsBulkUpdate: z
    .object({
      productVariants: z.array(z.object({ id: z.string(), price: money })).nullable(),
      userErrors: z.array(userError),
    })
    .nullable(),
});
export type UpdateVariantPricesData = z.infer<typeof updateVariantPricesData>;
export type ShopifyUserError = z.infer<typeof userError>;

/** Sets variants' prices on one product. Shopify takes no idempotency key here; setting an absolute price twice is harmless. */
export const UPDATE_VARIANT_PRICES_MUTATION: ShopifyDocument<UpdateVariantPricesData> = {
  name: "UpdateVariantPrices",
  query: `mutation UpdateVariantPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
  productVariantsBulkUpdate(productId: $productId, variants: $variants) {
    productVariants {
      id
      price
    }
    userErrors {
      field
      message
      code
    }
  }
}`,
  data: updateVariantPricesData,
  // Mutations cost 10 points.
  estimatedCost: 10,
};

export const SHOPIFY_PRICE_DOCUMENTS: readonly ShopifyDocument<unknown>[] = [VARIANT_PRICE_QUERY, UPDATE_VARIANT_PRICES_MUTATION];
