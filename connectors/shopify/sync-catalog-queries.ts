/**
 * The Admin GraphQL documents the Shopify sync reads the shop and its catalog with, and zod
 * schemas of their data. sync-queries.test.ts validates each against Shopify's 2026-04 schema.
 *
 * Page sizes keep every query under Shopify's 1000-point limit on a single query's requested cost
 * (an object 1 point, a connection 2 + first × one node): a products page of 10 with up to 25
 * variants each asks for 2 + 10 × (3 + 25 × 3) = 782 points. A product with more variants has the
 * rest read with SyncProductVariants, 100 at a time.
 */
import { z } from "zod";
import type { ShopifyDocument } from "./admin-graphql.ts";

export const PRODUCTS_PAGE_SIZE = 10;
export const VARIANTS_PER_PRODUCT = 25;
export const VARIANTS_PAGE_SIZE = 100;

/** A MoneyV2: a decimal string and its currency. */
export const moneySchema = z.object({ amount: z.string(), currencyCode: z.string() });
export type ShopifyMoney = z.infer<typeof moneySchema>;
/** A MoneyBag; we read the shop's currency, never the customer's presentment one. */
export const moneyBagSchema = z.object({ shopMoney: moneySchema });

export const pageInfoSchema = z.object({ hasNextPage: z.boolean(), endCursor: z.string().nullable() });

const shopData = z.object({ shop: z.object({ currencyCode: z.string() }) });
export type ShopData = z.infer<typeof shopData>;

/** The shop's currency: every shopMoney amount is in it. */
export const SHOP_QUERY: ShopifyDocument<ShopData> = {
  name: "SyncShop",
  query: `query SyncShop {
  shop {
    currencyCode
  }
}`,
  data: shopData,
  estimatedCost: 1,
};

const VARIANT_FIELDS = `fragment SyncVariant on ProductVariant {
  id
  title
  sku
  price
  inventoryQuantity
  inventoryItem {
    unitCost {
      amount
      currencyCode
    }
  }
}`;

export const variantSchema = z.object({
  id: z.string(),
  title: z.string(),
  sku: z.string().nullable(),
  price: z.string(),
  inventoryQuantity: z.number().int().nullable(),
  inventoryItem: z.object({ unitCost: moneySchema.nullable() }),
});
export type ShopifyVariantNode = z.infer<typeof variantSchema>;

const variantConnection = z.object({ pageInfo: pageInfoSchema, nodes: z.array(variantSchema) });

export const PRODUCT_STATUSES = ["ACTIVE", "ARCHIVED", "DRAFT", "UNLISTED"] as const;

export const productSchema = z.object({
  id: z.string(),
  title: z.string(),
  vendor: z.string(),
  productType: z.string(),
  status: z.enum(PRODUCT_STATUSES),
  updatedAt: z.string(),
  variants: variantConnection,
});
export type ShopifyProductNode = z.infer<typeof productSchema>;

const productsData = z.object({ products: z.object({ pageInfo: pageInfoSchema, nodes: z.array(productSchema) }) });
export type ProductsData = z.infer<typeof productsData>;

/** Products by updatedAt (oldest first), each with its first variants, their stock and unit cost. */
export const PRODUCTS_QUERY: ShopifyDocument<ProductsData> = {
  name: "SyncProducts",
  query: `query SyncProducts($first: Int!, $after: String, $query: String, $variants: Int!) {
  products(first: $first, after: $after, sortKey: UPDATED_AT, query: $query) {
    pageInfo {
      hasNextPage
      endCursor
    }
    nodes {
      id
      title
      vendor
      productType
      status
      updatedAt
      variants(first: $variants) {
        pageInfo {
          hasNextPage
          endCursor
        }
        nodes {
          ...SyncVariant
        }
      }
    }
  }
}
${VARIANT_FIELDS}`,
  data: productsData,
  estimatedCost: 2 + PRODUCTS_PAGE_SIZE * (3 + VARIANTS_PER_PRODUCT * 3),
};

const productVariantsData = z.object({ product: z.object({ variants: variantConnection }).nullable() });
export type ProductVariantsData = z.infer<typeof productVariantsData>;

/** The rest of a product's variants, after the ones its products page carried. */
export const PRODUCT_VARIANTS_QUERY: ShopifyDocument<ProductVariantsData> = {
  name: "SyncProductVariants",
  query: `query SyncProductVariants($id: ID!, $first: Int!, $after: String) {
  product(id: $id) {
    variants(first: $first, after: $after) {
      pageInfo {
        hasNextPage
        endCursor
      }
      nodes {
        ...SyncVariant
      }
    }
  }
}
${VARIANT_FIELDS}`,
  data: productVariantsData,
  estimatedCost: 3 + VARIANTS_PAGE_SIZE * 3,
};
