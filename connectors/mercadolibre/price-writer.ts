/**
 * MercadoLibre behind the PriceWriter interface: reads an item's price (GET /items/{id}) and sets
 * it (PUT /items/{id} with only `price`). Since March 2026 MercadoLibre rejects API price edits on
 * items whose price automation ("automatic pricing") is on, so before writing this asks
 * GET /pricing-automation/items/{id}/automation and refuses with a StoreRefusal that tells the
 * person what to do; MercadoLibre's own rejection (400 item.price.not_modifiable, or a 200 whose
 * warnings say the price was ignored) becomes the same refusal.
 */
import { z } from "zod";
import type { Clock } from "../../lib/clock.ts";
import { silentLogger, type Logger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { decimalToMinorUnits, minorUnitsToDecimal } from "../../lib/money.ts";
import { StoreRefusal, type PriceWriter, type StorePrice, type StoreVariantRef } from "../store/price-writer.ts";
import { createMercadoLibreApi, MercadoLibreRequestError } from "./api-client.ts";

export interface MercadoLibrePriceWriterOptions {
  readonly accessToken: string;
  /** The connected seller's user id: items of other sellers are refused as not_in_store. */
  readonly sellerId?: string;
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly clock?: Clock;
  readonly logger?: Logger;
}

const itemSchema = z.object({
  id: z.string(),
  price: z.number(),
  currency_id: z.string(),
  seller_id: z.union([z.number(), z.string()]).optional(),
  warnings: z.array(z.object({ code: z.string().optional(), message: z.string().optional() }).loose()).optional(),
});
type Item = z.infer<typeof itemSchema>;

const automationSchema = z.object({ item_id: z.string().optional(), status: z.string() }).loose();

const PRICE_LOCKED = "item.price.not_modifiable";

export function createMercadoLibrePriceWriter(options: MercadoLibrePriceWriterOptions): PriceWriter {
  const api = createMercadoLibreApi(options);
  const logger = (options.logger ?? silentLogger).child({ provider: "mercadolibre" });
  const target = options.sellerId ? `MercadoLibre (seller ${options.sellerId})` : "MercadoLibre";

  function itemId(variant: StoreVariantRef): string {
    const id = variant.externalId.trim().toUpperCase();
    if (!/^[A-Z]{3}\d+$/.test(id)) {
      throw new StoreRefusal("mercadolibre", "not_in_store", `Variant ${variant.variantId} has no MercadoLibre item id (its external id is "${variant.externalId}").`);
    }
    return id;
  }

  async function readItem(id: string): Promise<Item> {
    const item = await api.requestOrNull({ method: "GET", path: `/items/${id}`, schema: itemSchema });
    if (item === null) throw new StoreRefusal("mercadolibre", "not_found", `Item ${id} is not on MercadoLibre any more.`);
    if (options.sellerId !== undefined && item.seller_id !== undefined && String(item.seller_id) !== options.sellerId) {
      throw new StoreRefusal("mercadolibre", "not_in_store", `Item ${id} belongs to another MercadoLibre seller, so its price cannot be changed from this account.`);
    }
    return item;
  }

  /** True when MercadoLibre is pricing the item itself. A lookup MercadoLibre refuses is not proof either way: the PUT is guarded too. */
  async function automationActive(id: string): Promise<boolean> {
    try {
      const automation = await api.requestOrNull({ method: "GET", path: `/pricing-automation/items/${id}/automation`, schema: automationSchema });
      return automation !== null && automation.status.toUpperCase() === "ACTIVE";
    } catch (error) {
      if (error instanceof ProviderError && error.failure.kind === "permanent") {
        logger.warn("mercadolibre: could not check the item's price automation; relying on MercadoLibre to reject the change", { item: id, error });
        return false;
      }
      throw error;
    }
  }

  return {
    provider: "mercadolibre",
    target,

    async readPrice(variant) {
      const item = await readItem(itemId(variant));
      return toStorePrice(item.price, item.currency_id, item.id);
    },

    async writePrice(request) {
      const id = itemId(request.variant);
      const item = await readItem(id);
      if (request.currency !== item.currency_id) {
        throw new StoreRefusal("mercadolibre", "invalid_price", `Item ${id} is priced in ${item.currency_id} on MercadoLibre; this change is in ${request.currency}.`);
      }
      if (!Number.isSafeInteger(request.priceCents) || request.priceCents <= 0) {
        throw new StoreRefusal("mercadolibre", "invalid_price", `MercadoLibre needs a price above zero for item ${id}.`);
      }
      if (await automationActive(id)) throw automationRefusal(id);
      const price = Number(minorUnitsToDecimal(request.priceCents, request.currency));
      let updated: Item;
      try {
        updated = await api.request({ method: "PUT", path: `/items/${id}`, body: { price }, schema: itemSchema });
      } catch (error) {
        throw refusalFor(error, id, price);
      }
      if (updated.warnings?.some((warning) => warning.code === PRICE_LOCKED)) throw automationRefusal(id);
      logger.info("mercadolibre: price written", { item: id, price: updated.price, idempotencyKey: request.idempotencyKey });
      return toStorePrice(updated.price, updated.currency_id, id);
    },
  };
}

function automationRefusal(id: string): StoreRefusal {
  return new StoreRefusal(
    "mercadolibre",
    "automation_enabled",
    `MercadoLibre is setting the price of item ${id} itself (automatic pricing is on), so it rejects price changes from other apps. ` +
      `Turn automatic pricing off for this listing in MercadoLibre and approve the change again, or change the price in MercadoLibre.`,
  );
}

/** MercadoLibre's refusals of a PUT: automation, a missing item, or a price it will not take. Other failures stay as they are. */
function refusalFor(error: unknown, id: string, price: number): unknown {
  if (!(error instanceof MercadoLibreRequestError)) return error;
  if (error.causes.some((cause) => cause.code === PRICE_LOCKED) || error.providerCode === PRICE_LOCKED) return automationRefusal(id);
  if (error.httpStatus === 404) return new StoreRefusal("mercadolibre", "not_found", `Item ${id} is not on MercadoLibre any more.`);
  if (error.httpStatus === 400) {
    const reasons = error.causes.map((cause) => cause.message).filter((message) => message !== "");
    return new StoreRefusal("mercadolibre", "invalid_price", `MercadoLibre refused the price ${price} for item ${id}: ${reasons.length > 0 ? reasons.join("; ") : error.message}`);
  }
  return error;
}

function toStorePrice(price: number, currency: string, id: string): StorePrice {
  const priceCents = decimalToMinorUnits(price, currency);
  if (priceCents === null) throw new ProviderError("mercadolibre", { kind: "permanent" }, `Item ${id} has a price MercadoLibre reported as ${price} ${currency}, which is not an amount in ${currency}`);
  return { priceCents, currency };
}
