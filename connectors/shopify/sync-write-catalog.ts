/**
 * Writes a page of the Shopify catalog: products, their variants (price, cost, stock) and each
 * variant's stock snapshot for the sync's local day, upserted on (workspace, source, external id).
 * Rows are compared with what is stored first and only new or changed ones are written, so reading
 * an unchanged catalog again writes nothing and the count returned is the rows that really changed.
 * Run it in the page's transaction.
 */
import { sql } from "kysely";
import { bulkInsert } from "../../db/bulk-insert.ts";
import type { DbOrTrx } from "../../db/database.ts";
import { forgetDerivedResults } from "../../db/repositories/derived-results.ts";
import { keyMap } from "../commerce/write-orders.ts";
import type { SyncedProduct, SyncedVariant } from "./sync-mapping.ts";

/** Every record the Shopify sync writes carries this source, as app/price-changes.ts expects of Shopify variants. */
export const SHOPIFY_SOURCE = "shopify";

interface KeyRow {
  readonly id: number;
  readonly external_id: string;
}

/** Our product ids by Shopify product id, for the ones stored. */
export async function productIdsOf(db: DbOrTrx, workspaceId: number, externalIds: readonly string[]): Promise<Map<string, { id: number; category: string | null }>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("products")
    .select(["id", "external_id", "category"])
    .where("workspace_id", "=", workspaceId)
    .where("source", "=", SHOPIFY_SOURCE)
    .where(sql<boolean>`external_id = any(${[...externalIds]}::text[])`)
    .execute();
  return new Map(rows.map((row) => [row.external_id, { id: row.id, category: row.category }]));
}

export interface StoredVariant {
  readonly id: number;
  readonly product_id: number;
  readonly sku: string | null;
  readonly title: string;
  readonly price_cents: number;
  readonly cost_cents: number | null;
  readonly inventory_qty: number | null;
}

/** Our variants by Shopify variant id, for the ones stored. */
export async function variantsOf(db: DbOrTrx, workspaceId: number, externalIds: readonly string[]): Promise<Map<string, StoredVariant>> {
  if (externalIds.length === 0) return new Map();
  const rows = await db
    .selectFrom("variants")
    .select(["id", "external_id", "product_id", "sku", "title", "price_cents", "cost_cents", "inventory_qty"])
    .where("workspace_id", "=", workspaceId)
    .where("source", "=", SHOPIFY_SOURCE)
    .where(sql<boolean>`external_id = any(${[...externalIds]}::text[])`)
    .execute();
  return new Map(rows.map((row) => [row.external_id, row]));
}

async function writeProducts(db: DbOrTrx, workspaceId: number, products: readonly SyncedProduct[]): Promise<{ ids: Map<string, number>; written: number }> {
  const stored = await db
    .selectFrom("products")
    .select(["id", "external_id", "title", "category", "vendor", "status"])
    .where("workspace_id", "=", workspaceId)
    .where("source", "=", SHOPIFY_SOURCE)
    .where(sql<boolean>`external_id = any(${products.map((product) => product.externalId)}::text[])`)
    .execute();
  const ids = new Map(stored.map((row) => [row.external_id, row.id]));
  const byKey = new Map(stored.map((row) => [row.external_id, row]));
  const changed = products.filter((product) => {
    const row = byKey.get(product.externalId);
    return !row || row.title !== product.title || row.category !== product.category || row.vendor !== product.vendor || row.status !== product.status;
  });
  const returned = await bulkInsert<"products", KeyRow>(
    db,
    "products",
    { workspace_id: "bigint", source: "text", external_id: "text", title: "text", category: "text", vendor: "text", status: "text" },
    changed.map((product) => ({ workspace_id: workspaceId, source: SHOPIFY_SOURCE, external_id: product.externalId, title: product.title, category: product.category, vendor: product.vendor, status: product.status })),
    { conflict: { columns: ["workspace_id", "source", "external_id"], update: ["title", "category", "vendor", "status"] }, returning: ["id", "external_id"] },
  );
  for (const [key, id] of keyMap(returned, "products")) ids.set(key, id);
  return { ids, written: changed.length };
}

async function writeVariants(db: DbOrTrx, workspaceId: number, variants: readonly SyncedVariant[], productIds: ReadonlyMap<string, number>) {
  const stored = await variantsOf(db, workspaceId, variants.map((variant) => variant.externalId));
  const ids = new Map([...stored].map(([key, row]) => [key, row.id]));
  const rows = variants.map((variant) => {
    const productId = productIds.get(variant.productExternalId);
    if (productId === undefined) throw new Error(`internal: variant ${variant.externalId} of product ${variant.productExternalId}, which was not written`);
    return { workspace_id: workspaceId, product_id: productId, source: SHOPIFY_SOURCE, external_id: variant.externalId, sku: variant.sku, title: variant.title, price_cents: variant.priceCents, cost_cents: variant.costCents, inventory_qty: variant.inventoryQty };
  });
  const changed = rows.filter((row) => {
    const old = stored.get(row.external_id);
    return !old || old.product_id !== row.product_id || old.sku !== row.sku || old.title !== row.title || old.price_cents !== row.price_cents || old.cost_cents !== row.cost_cents || old.inventory_qty !== row.inventory_qty;
  });
  const returned = await bulkInsert<"variants", KeyRow>(
    db,
    "variants",
    { workspace_id: "bigint", product_id: "bigint", source: "text", external_id: "text", sku: "text", title: "text", price_cents: "bigint", cost_cents: "bigint", inventory_qty: "integer" },
    changed,
    { conflict: { columns: ["workspace_id", "source", "external_id"], update: ["product_id", "sku", "title", "price_cents", "cost_cents", "inventory_qty"] }, returning: ["id", "external_id"] },
  );
  for (const [key, id] of keyMap(returned, "variants")) ids.set(key, id);
  return { ids, written: changed.length };
}

/** Today's on-hand units per variant, where Shopify tracks them; a snapshot already saying so is left alone. */
async function writeSnapshots(db: DbOrTrx, workspaceId: number, day: string, variants: readonly SyncedVariant[], variantIds: ReadonlyMap<string, number>): Promise<number> {
  const wanted = new Map<number, number>();
  for (const variant of variants) {
    const id = variantIds.get(variant.externalId);
    if (id !== undefined && variant.inventoryQty !== null) wanted.set(id, variant.inventoryQty);
  }
  if (wanted.size === 0) return 0;
  const stored = await db
    .selectFrom("inventory_snapshots")
    .select(["variant_id", "on_hand"])
    .where("workspace_id", "=", workspaceId)
    .where("date", "=", day)
    .where(sql<boolean>`variant_id = any(${[...wanted.keys()]}::bigint[])`)
    .execute();
  const onHand = new Map(stored.map((row) => [row.variant_id, row.on_hand]));
  const changed = [...wanted].filter(([id, quantity]) => onHand.get(id) !== quantity).map(([id, quantity]) => ({ workspace_id: workspaceId, variant_id: id, date: day, on_hand: quantity }));
  if (changed.length === 0) return 0;
  await bulkInsert(db, "inventory_snapshots", { workspace_id: "bigint", variant_id: "bigint", date: "date", on_hand: "integer" }, changed, {
    conflict: { columns: ["workspace_id", "variant_id", "date"], update: ["on_hand"] },
  });
  // Stock has no rollup: forecasts read from this day are forgotten here, as the rollup refresh does for orders.
  await forgetDerivedResults(db, workspaceId, [day]);
  return changed.length;
}

/** Writes products, variants and today's stock; returns how many rows were inserted or changed. */
export async function writeCatalogPage(db: DbOrTrx, workspaceId: number, day: string, products: readonly SyncedProduct[], variants: readonly SyncedVariant[]): Promise<number> {
  if (products.length === 0) return 0;
  const written = await writeProducts(db, workspaceId, products);
  const variantsWritten = await writeVariants(db, workspaceId, variants, written.ids);
  const snapshots = await writeSnapshots(db, workspaceId, day, variants, variantsWritten.ids);
  return written.written + variantsWritten.written + snapshots;
}
