/**
 * Shopify behind the PriceWriter interface: reads a variant's price (and the shop's currency) and
 * sets it with productVariantsBulkUpdate, through the Admin GraphQL choke point. Variant and
 * product ids may be numeric ("44012345") or global ids ("gid://shopify/ProductVariant/44012345").
 * Shopify's userErrors and a missing variant become StoreRefusal; everything else stays a
 * ProviderError from admin-graphql.ts.
 */
import type { Clock } from "../../lib/clock.ts";
import { silentLogger, type Logger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { decimalToMinorUnits, minorUnitsToDecimal } from "../../lib/money.ts";
import { StoreRefusal, type PriceWriter, type StorePrice, type StoreVariantRef } from "../store/price-writer.ts";
import { createShopifyAdminGraphql, type ShopifyAdminGraphql } from "./admin-graphql.ts";
import { UPDATE_VARIANT_PRICES_MUTATION, VARIANT_PRICE_QUERY, type ShopifyUserError } from "./price-queries.ts";

export interface ShopifyPriceWriterOptions {
  /** The shop's domain: "demo-store.myshopify.com" (a bare "demo-store" gets .myshopify.com). */
  readonly shop: string;
  readonly accessToken: string;
  /** Tests point this at a local fake; https://{shop} otherwise. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly clock?: Clock;
  readonly maxThrottleWaitMs?: number;
  readonly logger?: Logger;
}

/** Shopify global ids of the kind given, from a numeric id or a gid of that kind; null for anything else. */
export function shopifyGid(kind: "Product" | "ProductVariant", id: string): string | null {
  const trimmed = id.trim();
  if (/^\d+$/.test(trimmed)) return `gid://shopify/${kind}/${trimmed}`;
  const match = /^gid:\/\/shopify\/(\w+)\/(\d+)$/.exec(trimmed);
  return match && match[1] === kind ? trimmed : null;
}

export function createShopifyPriceWriter(options: ShopifyPriceWriterOptions): PriceWriter {
  const shop = options.shop.includes(".") ? options.shop : `${options.shop}.myshopify.com`;
  const logger = (options.logger ?? silentLogger).child({ provider: "shopify", shop });
  const api: ShopifyAdminGraphql = createShopifyAdminGraphql({ ...options, shop, logger });

  function variantGid(variant: StoreVariantRef): string {
    const gid = shopifyGid("ProductVariant", variant.externalId);
    if (gid === null) {
      throw new StoreRefusal("shopify", "not_in_store", `Variant ${variant.variantId} has no Shopify id (its external id is "${variant.externalId}"), so its price cannot be changed in ${shop}.`);
    }
    return gid;
  }

  async function readVariant(variant: StoreVariantRef) {
    const id = variantGid(variant);
    const data = await api.request(VARIANT_PRICE_QUERY, { id });
    if (data.productVariant === null) {
      throw new StoreRefusal("shopify", "not_found", `Variant ${id} is no longer in ${shop}: it may have been deleted there.`);
    }
    const currency = data.shop.currencyCode;
    return { id, productId: data.productVariant.product.id, price: toStorePrice(data.productVariant.price, currency, id) };
  }

  return {
    provider: "shopify",
    target: shop,

    async readPrice(variant) {
      return (await readVariant(variant)).price;
    },

    async writePrice(request) {
      const current = await readVariant(request.variant);
      if (request.currency !== current.price.currency) {
        throw new StoreRefusal("shopify", "invalid_price", `${shop} prices its products in ${current.price.currency}; this change is in ${request.currency}.`);
      }
      if (!Number.isSafeInteger(request.priceCents) || request.priceCents < 0) {
        throw new StoreRefusal("shopify", "invalid_price", `${request.priceCents} is not a price Shopify can take (minor units must be a whole number, zero or more).`);
      }
      const expectedProduct = request.variant.productExternalId ? shopifyGid("Product", request.variant.productExternalId) : null;
      if (expectedProduct !== null && expectedProduct !== current.productId) {
        logger.warn("shopify: the variant belongs to another product than our catalog says; using Shopify's", { variant: current.id, ours: expectedProduct, shopify: current.productId });
      }
      const price = minorUnitsToDecimal(request.priceCents, request.currency);
      const data = await api.request(UPDATE_VARIANT_PRICES_MUTATION, { productId: current.productId, variants: [{ id: current.id, price }] });
      const result = data.productVariantsBulkUpdate;
      if (result === null) throw new ProviderError("shopify", { kind: "permanent" }, `productVariantsBulkUpdate answered nothing for ${current.id}`);
      if (result.userErrors.length > 0) throw refusal(result.userErrors, current.id, price);
      const updated = result.productVariants?.find((variant) => variant.id === current.id);
      if (!updated) throw new ProviderError("shopify", { kind: "permanent" }, `productVariantsBulkUpdate did not return ${current.id}`);
      logger.info("shopify: price written", { variant: current.id, price: updated.price, idempotencyKey: request.idempotencyKey });
      return toStorePrice(updated.price, request.currency, current.id);
    },
  };
}

function toStorePrice(price: string, currency: string, variantId: string): StorePrice {
  const priceCents = decimalToMinorUnits(price, currency);
  if (priceCents === null) throw new ProviderError("shopify", { kind: "permanent" }, `${variantId} has a price Shopify reported as "${price}" ${currency}, which is not an amount in ${currency}`);
  return { priceCents, currency };
}

const NOT_FOUND_CODES = new Set(["PRODUCT_VARIANT_DOES_NOT_EXIST", "PRODUCT_DOES_NOT_EXIST", "PRODUCT_VARIANT_ID_MISSING", "MUST_BE_FOR_THIS_PRODUCT"]);

function refusal(errors: readonly ShopifyUserError[], variantId: string, price: string): StoreRefusal {
  const messages = errors.map((error) => error.message).join("; ");
  if (errors.some((error) => error.code !== null && NOT_FOUND_CODES.has(error.code))) {
    return new StoreRefusal("shopify", "not_found", `Shopify could not find variant ${variantId}: ${messages}`);
  }
  return new StoreRefusal("shopify", "invalid_price", `Shopify refused the price ${price} for variant ${variantId}: ${messages}`);
}
