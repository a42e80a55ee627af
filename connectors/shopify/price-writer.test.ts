import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeShopifyAdmin, type FakeShopifyAdmin } from "../../test/fakes/shopify-admin.ts";
import { StoreRefusal, type StoreVariantRef } from "../store/price-writer.ts";
import { createShopifyPriceWriter, shopifyGid } from "./price-writer.ts";

const TOKEN = "shpat_test_token";
const SHOP = "demo-store.myshopify.com";
const PRODUCT = "gid://shopify/Product/7001";
const VARIANT = "gid://shopify/ProductVariant/44001";
const OTHER_VARIANT = "gid://shopify/ProductVariant/44002";
const REF: StoreVariantRef = { variantId: 12, externalId: "44001", productExternalId: "7001", sku: "MUG-BLUE" };

let shopify: FakeShopifyAdmin;
/** A virtual clock shared by the client and the fake's cost bucket; sleeping advances it. */
let nowMs: number;
let waits: number[];

beforeEach(async () => {
  nowMs = Date.parse("2026-11-26T10:00:00Z");
  waits = [];
  shopify = await startFakeShopifyAdmin({
    accessToken: TOKEN,
    currencyCode: "MXN",
    products: [{ id: PRODUCT, variants: [{ id: VARIANT, price: "399.00" }, { id: OTHER_VARIANT, price: "449.00" }] }],
    now: () => nowMs,
  });
});
afterEach(async () => {
  await shopify.close();
});

function writer(overrides: { accessToken?: string; maxThrottleWaitMs?: number } = {}) {
  return createShopifyPriceWriter({
    shop: SHOP,
    accessToken: overrides.accessToken ?? TOKEN,
    baseUrl: shopify.url,
    clock: { now: () => new Date(nowMs) },
    sleep: (ms) => {
      waits.push(ms);
      nowMs += ms;
      return Promise.resolve();
    },
    maxThrottleWaitMs: overrides.maxThrottleWaitMs,
  });
}

const change = (priceCents: number, currency = "MXN", variant: StoreVariantRef = REF) => ({ variant, priceCents, currency, idempotencyKey: "proposal-1" });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

describe("Shopify price writer", () => {
  it("names the shop it writes to", () => {
    expect(writer()).toMatchObject({ provider: "shopify", target: SHOP });
    expect(createShopifyPriceWriter({ shop: "demo-store", accessToken: TOKEN }).target).toBe(SHOP);
  });

  it("reads a variant's price in minor units of the shop's currency, from numeric ids or gids", async () => {
    expect(await writer().readPrice(REF)).toEqual({ priceCents: 39_900, currency: "MXN" });
    expect(await writer().readPrice({ ...REF, externalId: OTHER_VARIANT, productExternalId: PRODUCT })).toEqual({ priceCents: 44_900, currency: "MXN" });
  });

  it("writes the price once with productVariantsBulkUpdate and returns what Shopify now reports", async () => {
    const written = await writer().writePrice(change(34_950));
    expect(written).toEqual({ priceCents: 34_950, currency: "MXN" });
    expect(shopify.writes).toEqual([{ productId: PRODUCT, variantId: VARIANT, price: "349.50" }]);
    expect(shopify.priceOf(OTHER_VARIANT)).toBe("449.00");
    const mutation = shopify.requests.find((request) => request.operationName === "UpdateVariantPrices");
    expect(mutation?.variables).toEqual({ productId: PRODUCT, variants: [{ id: VARIANT, price: "349.50" }] });
    expect(await writer().readPrice(REF)).toEqual({ priceCents: 34_950, currency: "MXN" });
  });

  it("sees a price changed in Shopify since it was last read", async () => {
    shopify.setPrice(VARIANT, "419.00");
    expect(await writer().readPrice(REF)).toEqual({ priceCents: 41_900, currency: "MXN" });
    expect(shopify.writes).toEqual([]);
  });

  it("leaves the write applied once when Shopify's answer is lost, so a re-read shows the new price", async () => {
    shopify.failNext("apply_then_reset", 1, "UpdateVariantPrices");
    const error = await caught(writer().writePrice(change(34_950)));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).failure).toEqual({ kind: "transient" });
    expect(shopify.writes).toHaveLength(1);
    expect(await writer().readPrice(REF)).toEqual({ priceCents: 34_950, currency: "MXN" });
  });

  it("refuses a variant Shopify does not have (not_found) and an id that is not Shopify's (not_in_store)", async () => {
    const missing = await caught(writer().readPrice({ ...REF, externalId: "gid://shopify/ProductVariant/999" }));
    expect(missing).toBeInstanceOf(StoreRefusal);
    expect(missing).toMatchObject({ provider: "shopify", reason: "not_found" });
    const foreign = await caught(writer().writePrice(change(30_000, "MXN", { ...REF, externalId: "MLM123456" })));
    expect(foreign).toMatchObject({ provider: "shopify", reason: "not_in_store" });
    expect(shopify.requests).toHaveLength(1);
    expect(shopify.writes).toEqual([]);
  });

  it("turns Shopify's userErrors into StoreRefusal", async () => {
    shopify.rejectNextWrite([{ field: ["variants", "0", "price"], message: "Price must be greater than or equal to 0", code: "GREATER_THAN_OR_EQUAL_TO" }]);
    const invalid = await caught(writer().writePrice(change(30_000)));
    expect(invalid).toBeInstanceOf(StoreRefusal);
    expect(invalid).toMatchObject({ reason: "invalid_price", message: expect.stringContaining("Price must be greater than or equal to 0") as unknown });

    shopify.rejectNextWrite([{ field: ["variants", "0", "id"], message: "Product variant does not exist", code: "PRODUCT_VARIANT_DOES_NOT_EXIST" }]);
    expect(await caught(writer().writePrice(change(30_000)))).toMatchObject({ reason: "not_found" });
    expect(shopify.writes).toEqual([]);
  });

  it("refuses a change in another currency than the shop's without writing", async () => {
    const error = await caught(writer().writePrice(change(2_000, "USD")));
    expect(error).toMatchObject({ reason: "invalid_price", message: expect.stringContaining("MXN") as unknown });
    expect(shopify.writes).toEqual([]);
  });

  it("maps a bad access token to an auth failure", async () => {
    const error = await caught(writer({ accessToken: "shpat_revoked" }).writePrice(change(30_000)));
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).failure).toEqual({ kind: "auth" });
    expect((error as ProviderError).message).toContain("Invalid API key or access token");
    expect(shopify.writes).toEqual([]);
  });

  it("maps THROTTLED to rate_limited, retrying after the cost deficit has restored", async () => {
    shopify.setAvailable(0);
    const error = (await caught(writer().readPrice(REF))) as ProviderError;
    expect(error.failure).toEqual({ kind: "rate_limited", retryAfterMs: 60 }); // 3 points at 50 a second
    expect(error.providerCode).toBe("THROTTLED");
    expect(shopify.requests.map((request) => request.outcome)).toEqual(["throttled"]);
  });

  it("waits for the cost bucket before sending rather than being throttled", async () => {
    shopify.setAvailable(5);
    const client = writer();
    await client.readPrice(REF); // Shopify now reports 2 points left
    await client.writePrice(change(35_000));
    // The read needed 1 more point (20 ms at 50 a second), then the mutation 10 (200 ms).
    expect(waits).toEqual([20, 200]);
    expect(shopify.requests.map((request) => request.outcome)).toEqual(["ok", "ok", "ok"]);
    expect(shopify.writes).toHaveLength(1);
  });

  it("gives up with rate_limited, without sending, when the bucket would take too long to restore", async () => {
    shopify.setAvailable(3);
    const client = writer({ maxThrottleWaitMs: 100 });
    await client.readPrice(REF); // 0 points left
    const error = (await caught(client.writePrice(change(35_000)))) as ProviderError;
    // The read before the write waits 60 ms for its 3 points; the mutation's 10 would take 200 ms.
    expect(error.failure).toEqual({ kind: "rate_limited", retryAfterMs: 200 });
    expect(waits).toEqual([60]);
    expect(shopify.requests.map((request) => request.operationName)).toEqual(["VariantPrice", "VariantPrice"]);
    expect(shopify.writes).toEqual([]);
  });

  it("maps 5xx to transient without writing", async () => {
    shopify.failNext({ status: 500, body: { errors: "Internal Server Error" } });
    shopify.failNext({ status: 502, body: "<html>Bad Gateway</html>" });
    expect(((await caught(writer().writePrice(change(30_000)))) as ProviderError).failure).toEqual({ kind: "transient" });
    expect(((await caught(writer().readPrice(REF))) as ProviderError).failure).toEqual({ kind: "transient" });
    expect(shopify.writes).toEqual([]);
  });

  it("parses Shopify ids", () => {
    expect(shopifyGid("ProductVariant", "44001")).toBe(VARIANT);
    expect(shopifyGid("ProductVariant", VARIANT)).toBe(VARIANT);
    expect(shopifyGid("Product", VARIANT)).toBeNull();
    expect(shopifyGid("Product", "")).toBeNull();
  });
});
