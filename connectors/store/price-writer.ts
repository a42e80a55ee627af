/**
 * The write side of a store connector, for price changes: read a variant's current price, write a
 * new one. Shopify (Admin GraphQL), Amazon (SP-API listings patch) and MercadoLibre plug in behind
 * it; so does the local catalog, for workspaces whose data came from files (no store connected).
 *
 * Failures are typed: a provider failure (lib/provider-error.ts: rate limited with retryAfterMs,
 * transient, auth, permanent) the apply job uses to retry or stop, or a StoreRefusal when the
 * store will not take the change for a reason a person must fix (MercadoLibre's own pricing
 * automation is on, the listing is not the store's, the variant no longer exists).
 */


/** How a variant is known to the store: its ids there (the variants/products rows' source and external ids). */
export interface StoreVariantRef {
  /** Our variants.id. */
  readonly variantId: number;
  /** The store's id for the variant (Shopify numeric id or gid, Amazon SKU, MercadoLibre item id). */
  readonly externalId: string;
  /** The store's id for the product (Shopify product id; unused by stores that price items alone). */
  readonly productExternalId: string;
  readonly sku: string | null;
}

export interface StorePrice {
  readonly priceCents: number;
  /** ISO 4217, as the store reports it. */
  readonly currency: string;
}

export interface WriteRequest {
  readonly variant: StoreVariantRef;
  readonly priceCents: number;
  readonly currency: string;
  /** The proposal's idempotency key; stores that accept one get it, so a retried write is applied once. */
  readonly idempotencyKey: string;
}

/**
 * Reading and writing are separate calls on purpose: applying a proposal re-reads the store's
 * price and refuses when it moved since the proposal, then writes. No store offers a
 * compare-and-set on price, so a change made between the two calls is not detected here.
 */
export interface PriceWriter {
  /** shopify, amazon, mercadolibre or catalog. */
  readonly provider: string;
  /** A person-readable name of where prices are written ("demo-store.myshopify.com", "the catalog"). */
  readonly target: string;
  readPrice(variant: StoreVariantRef): Promise<StorePrice>;
  /**
   * Writes the price and returns what the store now reports. Writing the same price twice leaves
   * the store as once (every store sets an absolute price), so a retried write is harmless. Amazon
   * applies listing changes asynchronously: its writer returns the price it submitted once Amazon
   * has ACCEPTED it.
   */
  writePrice(request: WriteRequest): Promise<StorePrice>;
}

export type StoreRefusalReason =
  /** The store changes prices itself (MercadoLibre automatic pricing) and rejects API edits. */
  | "automation_enabled"
  /** The variant is not (or no longer) in the store. */
  | "not_found"
  /** The store rejected the value (below its minimum, wrong currency…). */
  | "invalid_price"
  /** The product did not come from this store, so it has no id there. */
  | "not_in_store";

/** The store will not take this change; retrying will not help, a person has to act. */
export class StoreRefusal extends Error {
  override readonly name = "StoreRefusal";
  constructor(
    readonly provider: string,
    readonly reason: StoreRefusalReason,
    message: string,
  ) {
    super(message);
  }
}
