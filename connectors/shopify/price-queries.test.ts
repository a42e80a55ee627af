import { describe, expect, it } from "vitest";
import { validateShopifyDocument } from "../../test/fakes/shopify-admin.ts";
import { SHOPIFY_PRICE_DOCUMENTS, UPDATE_VARIANT_PRICES_MUTATION, VARIANT_PRICE_QUERY } from "./price-queries.ts";

describe("Shopify price documents against the Admin GraphQL 2026-04 schema", () => {
  it.each(SHOPIFY_PRICE_DOCUMENTS.map((document) => [document.name, document.query] as const))("%s is valid", (_name, query) => {
    expect(validateShopifyDocument(query).map((error) => error.message)).toEqual([]);
  });

  it("catches a wrong field name, a wrong argument and a wrong input field", () => {
    const wrongField = VARIANT_PRICE_QUERY.query.replace("currencyCode", "currency");
    const wrongArgument = UPDATE_VARIANT_PRICES_MUTATION.query.replace("productId: $productId", "product: $productId");
    const wrongInputType = UPDATE_VARIANT_PRICES_MUTATION.query.replace("[ProductVariantsBulkInput!]!", "[ProductVariantInput!]!");
    expect(validateShopifyDocument(wrongField).map((error) => error.message)).toEqual([expect.stringContaining('Cannot query field "currency" on type "Shop"')]);
    expect(validateShopifyDocument(wrongArgument).length).toBeGreaterThan(0);
    expect(validateShopifyDocument(wrongInputType).length).toBeGreaterThan(0);
  });
});
