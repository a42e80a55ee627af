/**
 * Amazon behind the PriceWriter interface, through the Listings Items API 2021-08-01: reads a SKU's
 * offer price in one marketplace (purchasable_offer → our_price → schedule → value_with_tax) and
 * writes it with a JSON Patch that replaces purchasable_offer for that marketplace, keeping the
 * offer's other fields. Amazon validates a patch at once but applies it asynchronously, so a write
 * returns the price submitted once Amazon has ACCEPTED it; INVALID (with its issues) is a
 * StoreRefusal.
 */
import { z } from "zod";
import type { Clock } from "../../lib/clock.ts";
import { silentLogger, type Logger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { decimalToMinorUnits, minorUnitsToDecimal } from "../../lib/money.ts";
import { StoreRefusal, type PriceWriter, type StorePrice, type StoreVariantRef } from "../store/price-writer.ts";
import { createSpApi } from "./sp-api-client.ts";

export interface AmazonPriceWriterOptions {
  readonly accessToken: string;
  /** The selling partner's merchant id. */
  readonly sellerId: string;
  /** The marketplace prices are read and written in ("A1AM78C64UM0Y8" is Amazon.com.mx). */
  readonly marketplaceId: string;
  readonly endpoint?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

const offerSchema = z
  .object({
    marketplace_id: z.string().optional(),
    currency: z.string(),
    our_price: z.array(z.object({ schedule: z.array(z.object({ value_with_tax: z.number() }).loose()) }).loose()).optional(),
  })
  .loose();
type Offer = z.infer<typeof offerSchema>;

const listingSchema = z.object({
  sku: z.string(),
  summaries: z.array(z.object({ marketplaceId: z.string(), productType: z.string() }).loose()).optional(),
  attributes: z.object({ purchasable_offer: z.array(offerSchema).optional() }).loose().optional(),
});

const submissionSchema = z.object({
  sku: z.string(),
  status: z.enum(["ACCEPTED", "INVALID", "VALID"]),
  submissionId: z.string(),
  issues: z.array(z.object({ code: z.string(), message: z.string(), severity: z.string() }).loose()).optional(),
});

export function createAmazonPriceWriter(options: AmazonPriceWriterOptions): PriceWriter {
  const api = createSpApi(options);
  const logger = (options.logger ?? silentLogger).child({ provider: "amazon", marketplaceId: options.marketplaceId });
  const itemPath = (sku: string) => `/listings/2021-08-01/items/${encodeURIComponent(options.sellerId)}/${encodeURIComponent(sku)}`;

  function skuOf(variant: StoreVariantRef): string {
    const sku = variant.externalId.trim() || variant.sku?.trim() || "";
    if (sku === "") throw new StoreRefusal("amazon", "not_in_store", `Variant ${variant.variantId} has no Amazon SKU.`);
    return sku;
  }

  async function readListing(sku: string) {
    const listing = await api.requestOrNull({
      method: "GET",
      path: itemPath(sku),
      query: { marketplaceIds: options.marketplaceId, includedData: "summaries,attributes" },
      schema: listingSchema,
    });
    if (listing === null) throw new StoreRefusal("amazon", "not_found", `SKU ${sku} is not listed in Amazon marketplace ${options.marketplaceId}.`);
    const offer = listing.attributes?.purchasable_offer?.find((candidate) => (candidate.marketplace_id ?? options.marketplaceId) === options.marketplaceId);
    const value = offer?.our_price?.[0]?.schedule[0]?.value_with_tax;
    if (!offer || value === undefined) throw new StoreRefusal("amazon", "not_found", `SKU ${sku} has no offer price in Amazon marketplace ${options.marketplaceId}.`);
    const productType = listing.summaries?.find((summary) => summary.marketplaceId === options.marketplaceId)?.productType ?? "PRODUCT";
    return { offer, productType, price: toStorePrice(value, offer.currency, sku) };
  }

  return {
    provider: "amazon",
    target: `Amazon seller ${options.sellerId} (marketplace ${options.marketplaceId})`,

    async readPrice(variant) {
      return (await readListing(skuOf(variant))).price;
    },

    async writePrice(request) {
      const sku = skuOf(request.variant);
      const listing = await readListing(sku);
      if (request.currency !== listing.price.currency) {
        throw new StoreRefusal("amazon", "invalid_price", `SKU ${sku} is priced in ${listing.price.currency} on Amazon; this change is in ${request.currency}.`);
      }
      if (!Number.isSafeInteger(request.priceCents) || request.priceCents <= 0) {
        throw new StoreRefusal("amazon", "invalid_price", `Amazon needs a price above zero for SKU ${sku}.`);
      }
      const value = Number(minorUnitsToDecimal(request.priceCents, request.currency));
      const offer: Offer = { ...listing.offer, marketplace_id: options.marketplaceId, currency: request.currency, our_price: [{ schedule: [{ value_with_tax: value }] }] };
      const submission = await api.requestOrNull({
        method: "PATCH",
        path: itemPath(sku),
        query: { marketplaceIds: options.marketplaceId },
        body: { productType: listing.productType, patches: [{ op: "replace", path: "/attributes/purchasable_offer", value: [offer] }] },
        schema: submissionSchema,
      });
      if (submission === null) throw new StoreRefusal("amazon", "not_found", `SKU ${sku} is not listed in Amazon marketplace ${options.marketplaceId}.`);
      const errors = (submission.issues ?? []).filter((issue) => issue.severity === "ERROR");
      if (submission.status !== "ACCEPTED" || errors.length > 0) {
        const reasons = errors.map((issue) => `${issue.message} (${issue.code})`).join("; ") || submission.status;
        throw new StoreRefusal("amazon", "invalid_price", `Amazon refused the price ${value} ${request.currency} for SKU ${sku}: ${reasons}`);
      }
      logger.info("amazon: price submitted", { sku, value, submissionId: submission.submissionId, idempotencyKey: request.idempotencyKey });
      return { priceCents: request.priceCents, currency: request.currency };
    },
  };
}

function toStorePrice(value: number, currency: string, sku: string): StorePrice {
  const priceCents = decimalToMinorUnits(value, currency);
  if (priceCents === null) throw new ProviderError("amazon", { kind: "permanent" }, `SKU ${sku} has a price Amazon reported as ${value} ${currency}, which is not an amount in ${currency}`);
  return { priceCents, currency };
}
