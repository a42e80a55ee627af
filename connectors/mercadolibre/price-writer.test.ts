import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeMercadoLibreApi, type FakeMercadoLibreApi } from "../../test/fakes/mercadolibre-api.ts";
import { StoreRefusal, type StoreVariantRef } from "../store/price-writer.ts";
import { createMercadoLibrePriceWriter } from "./price-writer.ts";

const TOKEN = "APP_USR-test-token";
const SELLER = 123456789;
const REF: StoreVariantRef = { variantId: 31, externalId: "MLM2245313004", productExternalId: "", sku: "MUG-RED" };
const AUTOMATED: StoreVariantRef = { ...REF, variantId: 32, externalId: "MLM2245313005" };

let meli: FakeMercadoLibreApi;

beforeEach(async () => {
  meli = await startFakeMercadoLibreApi({
    accessToken: TOKEN,
    items: [
      { id: "MLM2245313004", price: 399, currencyId: "MXN", sellerId: SELLER, minimumPrice: 50 },
      { id: "MLM2245313005", price: 520.5, currencyId: "MXN", sellerId: SELLER, automation: "ACTIVE" },
      { id: "MLM9000000001", price: 100, currencyId: "MXN", sellerId: 555 },
    ],
  });
});
afterEach(async () => {
  await meli.close();
});

const writer = (accessToken = TOKEN) => createMercadoLibrePriceWriter({ accessToken, sellerId: String(SELLER), baseUrl: meli.url });
const change = (priceCents: number, variant: StoreVariantRef = REF, currency = "MXN") => ({ variant, priceCents, currency, idempotencyKey: "proposal-7" });

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

describe("MercadoLibre price writer", () => {
  it("reads an item's price in minor units", async () => {
    expect(writer()).toMatchObject({ provider: "mercadolibre", target: `MercadoLibre (seller ${SELLER})` });
    expect(await writer().readPrice(REF)).toEqual({ priceCents: 39_900, currency: "MXN" });
    expect(await writer().readPrice(AUTOMATED)).toEqual({ priceCents: 52_050, currency: "MXN" });
  });

  it("checks the price automation, then writes the price once with PUT /items/{id}", async () => {
    expect(await writer().writePrice(change(37_990))).toEqual({ priceCents: 37_990, currency: "MXN" });
    expect(meli.writes).toEqual([{ itemId: "MLM2245313004", price: 379.9 }]);
    expect(meli.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      "GET /items/MLM2245313004",
      "GET /pricing-automation/items/MLM2245313004/automation",
      "PUT /items/MLM2245313004",
    ]);
  });

  it("refuses, without writing, an item whose automatic pricing is on, saying what to do", async () => {
    const refusal = await caught(writer().writePrice(change(49_900, AUTOMATED)));
    expect(refusal).toBeInstanceOf(StoreRefusal);
    expect(refusal).toMatchObject({ provider: "mercadolibre", reason: "automation_enabled" });
    expect((refusal as StoreRefusal).message).toMatch(/automatic pricing is on.*Turn automatic pricing off for this listing in MercadoLibre.*or change the price in MercadoLibre/);
    expect(meli.requests.some((request) => request.method === "PUT")).toBe(false);
    expect(meli.writes).toEqual([]);
  });

  it("turns MercadoLibre's own rejection of the PUT into the same refusal when the automation lookup is unavailable", async () => {
    meli.failNext({ status: 400, body: { message: "Item not eligible", error: "bad_request", status: 400, cause: [] } }, 1, "/pricing-automation");
    const refusal = await caught(writer().writePrice(change(49_900, AUTOMATED)));
    expect(refusal).toMatchObject({ reason: "automation_enabled" });
    expect(meli.requests.filter((request) => request.method === "PUT")).toHaveLength(1);
    expect(meli.priceOf("MLM2245313005")).toBe(520.5);
  });

  it("writes once automatic pricing has been turned off", async () => {
    meli.setAutomation("MLM2245313005", null);
    expect(await writer().writePrice(change(49_900, AUTOMATED))).toEqual({ priceCents: 49_900, currency: "MXN" });
    expect(meli.writes).toEqual([{ itemId: "MLM2245313005", price: 499 }]);
  });

  it("sees a price changed in MercadoLibre since it was last read", async () => {
    meli.setPrice("MLM2245313004", 419);
    expect(await writer().readPrice(REF)).toEqual({ priceCents: 41_900, currency: "MXN" });
  });

  it("refuses items that are gone, another seller's, or not MercadoLibre's", async () => {
    expect(await caught(writer().readPrice({ ...REF, externalId: "MLM1" }))).toMatchObject({ reason: "not_found" });
    expect(await caught(writer().writePrice(change(10_000, { ...REF, externalId: "MLM9000000001" })))).toMatchObject({ reason: "not_in_store" });
    expect(await caught(writer().writePrice(change(10_000, { ...REF, externalId: "gid://shopify/ProductVariant/1" })))).toMatchObject({ reason: "not_in_store" });
    expect(meli.writes).toEqual([]);
  });

  it("refuses a price MercadoLibre rejects, or one in another currency", async () => {
    const belowMinimum = await caught(writer().writePrice(change(4_000)));
    expect(belowMinimum).toBeInstanceOf(StoreRefusal);
    expect(belowMinimum).toMatchObject({ reason: "invalid_price", message: expect.stringContaining("greater than or equal to 50") as unknown });
    expect(await caught(writer().writePrice(change(10_000, REF, "ARS")))).toMatchObject({ reason: "invalid_price", message: expect.stringContaining("MXN") as unknown });
    expect(meli.writes).toEqual([]);
    expect(meli.priceOf("MLM2245313004")).toBe(399);
  });

  it("maps a bad token to auth, 429 to rate_limited and 5xx to transient", async () => {
    expect((await providerError(writer("revoked").readPrice(REF))).failure).toEqual({ kind: "auth" });
    meli.failNext({ status: 429, body: { message: "Too many requests", error: "local_rate_limited", status: 429, cause: [] }, headers: { "retry-after": "12" } });
    meli.failNext({ status: 429, body: { message: "Too many requests", error: "local_rate_limited", status: 429, cause: [] } });
    meli.failNext({ status: 503, body: { message: "Service unavailable", error: "service_unavailable", status: 503, cause: [] } });
    expect((await providerError(writer().readPrice(REF))).failure).toEqual({ kind: "rate_limited", retryAfterMs: 12_000 });
    expect((await providerError(writer().readPrice(REF))).failure).toEqual({ kind: "rate_limited", retryAfterMs: 5_000 });
    expect((await providerError(writer().writePrice(change(30_000)))).failure).toEqual({ kind: "transient" });
    expect(meli.writes).toEqual([]);
  });
});
