import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeAmazonSpApi, type FakeAmazonSpApi } from "../../test/fakes/amazon-sp-api.ts";
import { StoreRefusal, type StoreVariantRef } from "../store/price-writer.ts";
import { createAmazonPriceWriter } from "./price-writer.ts";

const TOKEN = "Atza|test-token";
const SELLER = "A2SELLERFAKE01";
const MARKETPLACE = "A1AM78C64UM0Y8";
const REF: StoreVariantRef = { variantId: 41, externalId: "MUG/BLUE 12oz", productExternalId: "", sku: "MUG/BLUE 12oz" };

let amazon: FakeAmazonSpApi;

beforeEach(async () => {
  amazon = await startFakeAmazonSpApi({
    accessToken: TOKEN,
    sellerId: SELLER,
    marketplaceId: MARKETPLACE,
    listings: [{ sku: "MUG/BLUE 12oz", productType: "DRINKING_CUP", currency: "MXN", price: 399, maximumPrice: 2_000 }],
  });
});
afterEach(async () => {
  await amazon.close();
});

const writer = (accessToken = TOKEN) => createAmazonPriceWriter({ accessToken, sellerId: SELLER, marketplaceId: MARKETPLACE, endpoint: amazon.url });
const change = (priceCents: number, variant: StoreVariantRef = REF, currency = "MXN") => ({ variant, priceCents, currency, idempotencyKey: "proposal-9" });

async function caught(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => null,
    (error: unknown) => error,
  );
}

/** The ProviderError a call failed with (the test fails when it failed otherwise). */
async function providerError(promise: Promise<unknown>): Promise<ProviderError> {
  const error = await caught(promise);
  expect(error).toBeInstanceOf(ProviderError);
  return error as ProviderError;
}

describe("Amazon price writer", () => {
  it("reads the offer price of a SKU in the marketplace", async () => {
    expect(await writer().readPrice(REF)).toEqual({ priceCents: 39_900, currency: "MXN" });
  });

  it("patches purchasable_offer once, keeping the offer's other fields, and returns the accepted price", async () => {
    expect(await writer().writePrice(change(34_950))).toEqual({ priceCents: 34_950, currency: "MXN" });
    expect(amazon.writes).toEqual([
      { sku: "MUG/BLUE 12oz", price: 349.5, offer: { audience: "ALL", marketplace_id: MARKETPLACE, currency: "MXN", our_price: [{ schedule: [{ value_with_tax: 349.5 }] }] } },
    ]);
    expect(await writer().readPrice(REF)).toEqual({ priceCents: 34_950, currency: "MXN" });
  });

  it("turns an INVALID submission into a StoreRefusal with Amazon's issues", async () => {
    const refusal = await caught(writer().writePrice(change(250_000)));
    expect(refusal).toBeInstanceOf(StoreRefusal);
    expect(refusal).toMatchObject({ provider: "amazon", reason: "invalid_price", message: expect.stringContaining("outside the allowed range") as unknown });
    expect(amazon.writes).toEqual([]);
  });

  it("refuses a SKU Amazon does not list, and a change in another currency", async () => {
    expect(await caught(writer().readPrice({ ...REF, externalId: "NOPE" }))).toMatchObject({ reason: "not_found" });
    expect(await caught(writer().writePrice(change(10_000, REF, "USD")))).toMatchObject({ reason: "invalid_price" });
    expect(amazon.writes).toEqual([]);
  });

  it("maps a bad token to auth, 429 to rate_limited from the rate limit header, and 5xx to transient", async () => {
    expect((await providerError(writer("Atza|revoked").readPrice(REF))).failure).toEqual({ kind: "auth" });
    amazon.failNext({ status: 429, body: { errors: [{ code: "QuotaExceeded", message: "You exceeded your quota for the requested resource.", details: "" }] } });
    amazon.failNext({ status: 503, body: { errors: [{ code: "ServiceUnavailable", message: "Service temporarily unavailable.", details: "" }] } });
    const limited = await providerError(writer().readPrice(REF));
    expect(limited.failure).toEqual({ kind: "rate_limited", retryAfterMs: 200 }); // 5 requests a second
    expect(limited.providerCode).toBe("QuotaExceeded");
    expect((await providerError(writer().writePrice(change(30_000)))).failure).toEqual({ kind: "transient" });
    expect(amazon.writes).toEqual([]);
  });
});
