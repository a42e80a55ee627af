import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeShopifyAdmin, type FakeShopifyAdmin } from "../../test/fakes/shopify-admin.ts";
import { createShopifyAdminGraphql, type ShopifyDocument } from "./admin-graphql.ts";
import { VARIANT_PRICE_QUERY } from "./price-queries.ts";

const TOKEN = "shpat_test_token";
const VARIANT = "gid://shopify/ProductVariant/44001";

let shopify: FakeShopifyAdmin;

beforeEach(async () => {
  shopify = await startFakeShopifyAdmin({ accessToken: TOKEN, products: [{ id: "gid://shopify/Product/7001", variants: [{ id: VARIANT, price: "399.00" }] }] });
});
afterEach(async () => {
  await shopify.close();
});

const client = (overrides: { timeoutMs?: number; fetch?: typeof fetch; baseUrl?: string } = {}) =>
  createShopifyAdminGraphql({ shop: "demo-store.myshopify.com", accessToken: TOKEN, baseUrl: overrides.baseUrl ?? shopify.url, ...overrides });

async function failure(promise: Promise<unknown>): Promise<ProviderError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe("Shopify Admin GraphQL client", () => {
  it("posts the document with the access token and remembers the bucket Shopify reports", async () => {
    const api = client();
    expect(api.throttleStatus).toBeNull();
    const data = await api.request(VARIANT_PRICE_QUERY, { id: VARIANT });
    expect(data).toEqual({ productVariant: { id: VARIANT, price: "399.00", product: { id: "gid://shopify/Product/7001" } }, shop: { currencyCode: "MXN" } });
    expect(api.throttleStatus).toEqual({ maximumAvailable: 1000, currentlyAvailable: 997, restoreRate: 50 });
  });

  it("calls https://{shop}/admin/api/2026-04/graphql.json by default", async () => {
    const calls: { url: string; headers: Headers }[] = [];
    const fakeFetch: typeof fetch = (input, init) => {
      calls.push({ url: input instanceof Request ? input.url : input.toString(), headers: new Headers(init?.headers) });
      return Promise.resolve(Response.json({ data: { shop: { currencyCode: "MXN" }, productVariant: null } }));
    };
    await createShopifyAdminGraphql({ shop: "demo-store.myshopify.com", accessToken: TOKEN, fetch: fakeFetch }).request(VARIANT_PRICE_QUERY, { id: VARIANT });
    expect(calls[0]?.url).toBe("https://demo-store.myshopify.com/admin/api/2026-04/graphql.json");
    expect(calls[0]?.headers.get("x-shopify-access-token")).toBe(TOKEN);
  });

  it("maps a document Shopify rejects (a field its schema lacks) to permanent, with Shopify's code", async () => {
    const wrong: ShopifyDocument<unknown> = { name: "Wrong", query: "query Wrong { shop { currency } }", data: z.unknown(), estimatedCost: 1 };
    const error = await failure(client().request(wrong, {}));
    expect(error.failure).toEqual({ kind: "permanent" });
    expect(error.providerCode).toBe("undefinedField");
    expect(error.message).toContain("Field 'currency' doesn't exist on type 'Shop'");
  });

  it("maps HTTP 429 to rate_limited, taking Retry-After when it asks for longer", async () => {
    shopify.failNext({ status: 429, body: { errors: "Exceeded 2 calls per second for api client." }, headers: { "retry-after": "3.0" } });
    const error = await failure(client().request(VARIANT_PRICE_QUERY, { id: VARIANT }));
    expect(error.failure).toEqual({ kind: "rate_limited", retryAfterMs: 3_000 });
  });

  it("maps a missing access scope (ACCESS_DENIED) to auth", async () => {
    shopify.failNext({
      status: 200,
      body: { errors: [{ message: "Access denied for productVariantsBulkUpdate field. Required access: `write_products` access scope.", extensions: { code: "ACCESS_DENIED" } }] },
    });
    const error = await failure(client().request(VARIANT_PRICE_QUERY, { id: VARIANT }));
    expect(error.failure).toEqual({ kind: "auth" });
    expect(error.providerCode).toBe("ACCESS_DENIED");
  });

  it("maps timeouts and dropped connections to transient", async () => {
    shopify.failNext("hang");
    shopify.failNext("reset");
    const timedOut = await failure(client({ timeoutMs: 100 }).request(VARIANT_PRICE_QUERY, { id: VARIANT }));
    expect(timedOut.failure).toEqual({ kind: "transient" });
    expect(timedOut.message).toContain("no answer within 100 ms");
    expect((await failure(client().request(VARIANT_PRICE_QUERY, { id: VARIANT }))).failure).toEqual({ kind: "transient" });
  });

  it("maps other 4xx and an answer that is not GraphQL to permanent", async () => {
    shopify.failNext({ status: 402, body: { errors: "Unavailable Shop" } });
    shopify.failNext({ status: 200, body: "<html>maintenance</html>" });
    expect((await failure(client().request(VARIANT_PRICE_QUERY, { id: VARIANT }))).failure).toEqual({ kind: "permanent" });
    expect((await failure(client().request(VARIANT_PRICE_QUERY, { id: VARIANT }))).failure).toEqual({ kind: "permanent" });
  });
});
