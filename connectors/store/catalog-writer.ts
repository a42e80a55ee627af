/**
 * The catalog as a store: for workspaces whose data came from files or the demo (no store
 * connected), a price change is applied to our own catalog (variants.price_cents) — the price the
 * metrics, suggestions and answers read — and the confirmation says so, so the owner knows to
 * mirror it wherever they sell. With a store connected, its writer is used instead.
 */
import type { DbOrTrx } from "../../db/database.ts";
import type { PriceWriter, StorePrice, StoreVariantRef, WriteRequest } from "./price-writer.ts";
import { StoreRefusal } from "./price-writer.ts";

export const CATALOG_PROVIDER = "catalog";

export function createCatalogPriceWriter(db: DbOrTrx, workspace: { readonly id: number; readonly currency: string }): PriceWriter {
  async function read(variant: StoreVariantRef): Promise<StorePrice> {
    const row = await db.selectFrom("variants").select("price_cents").where("workspace_id", "=", workspace.id).where("id", "=", variant.variantId).executeTakeFirst();
    if (!row) throw new StoreRefusal(CATALOG_PROVIDER, "not_found", `variant ${variant.variantId} is no longer in the catalog`);
    return { priceCents: row.price_cents, currency: workspace.currency };
  }
  return {
    provider: CATALOG_PROVIDER,
    target: "catalog",
    readPrice: read,
    async writePrice(request: WriteRequest): Promise<StorePrice> {
      if (request.currency !== workspace.currency) throw new StoreRefusal(CATALOG_PROVIDER, "invalid_price", `the catalog is priced in ${workspace.currency}, not ${request.currency}`);
      const result = await db
        .updateTable("variants")
        .set({ price_cents: request.priceCents })
        .where("workspace_id", "=", workspace.id)
        .where("id", "=", request.variant.variantId)
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) !== 1) throw new StoreRefusal(CATALOG_PROVIDER, "not_found", `variant ${request.variant.variantId} is no longer in the catalog`);
      return read(request.variant);
    },
  };
}
