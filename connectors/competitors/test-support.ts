/**
 * Shared by the competitor-price tests: fixture paths, scratch files, and two small stores (a
 * Mexican one in MXN, a Brazilian one in BRL) whose catalogs the fixtures name.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { Db } from "../../db/database.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { Workspace } from "../../db/schema/core.ts";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");

export function fixture(name: string): string {
  return path.join(repoRoot, "test", "fixtures", "competitors", name);
}

let scratchDir: string | undefined;

/** Writes a file into a per-process scratch directory and returns its path. */
export function scratchFile(name: string, content: string | Buffer): string {
  scratchDir ??= mkdtempSync(path.join(tmpdir(), "bizos-competitors-"));
  const file = path.join(scratchDir, name);
  writeFileSync(file, content);
  return file;
}

export interface TestProduct {
  readonly externalId: string;
  readonly title: string;
  readonly status?: "active" | "archived";
  /** [sku, variant title, our price in cents]. */
  readonly variants: readonly (readonly [string, string, number])[];
}

/** The Mexican store's catalog (MXN): two variants of one product, near-twin titles, a repeated title. */
export const TIENDA_PRODUCTS: readonly TestProduct[] = [
  { externalId: "P-100", title: "Sudadera Básica", variants: [["SUD-BAS-M", "M", 49900], ["SUD-BAS-L", "L", 52900]] },
  { externalId: "P-200", title: "Camiseta Clásica", variants: [["CAM-CLA", "Única", 19900]] },
  { externalId: "P-300", title: "Gorra Bordada", variants: [["GOR-BOR", "Única", 29900]] },
  { externalId: "P-400", title: "Jeans Slim Azul", variants: [["JEA-SLI-AZ", "32", 89900]] },
  { externalId: "P-401", title: "Jeans Slim Negro", variants: [["JEA-SLI-NE", "32", 89900]] },
  { externalId: "P-500", title: "Taza Mágica", variants: [["TAZ-MAG-1", "Blanca", 14900]] },
  { externalId: "P-501", title: "Taza Mágica", variants: [["TAZ-MAG-2", "Negra", 15900]] },
  { externalId: "P-600", title: "Mochila Urbana", variants: [["MOC-URB", "Única", 69900]] },
  { externalId: "P-700", title: "Bufanda Retirada", status: "archived", variants: [["BUF-RET", "Única", 9900]] },
];

/** The Brazilian store's catalog (BRL): a SKU the Mexican store also uses. */
export const LOJA_PRODUCTS: readonly TestProduct[] = [
  { externalId: "BR-1", title: "Camiseta Clássica", variants: [["CAM-CLA", "Única", 8990]] },
  { externalId: "BR-2", title: "Caneca Térmica", variants: [["CAN-TER", "Única", 6490]] },
];

export interface SeededStore {
  readonly workspace: Workspace;
  readonly products: ReadonlyMap<string, number>;
  /** Variant id by SKU. */
  readonly variants: ReadonlyMap<string, number>;
}

export async function seedStore(db: Db, slug: string, currency: string, timezone: string, products: readonly TestProduct[]): Promise<SeededStore> {
  const workspace = await createWorkspace(db, { name: slug, slug, currency, timezone, locale: currency === "BRL" ? "pt" : "es" });
  const productIds = new Map<string, number>();
  const variantIds = new Map<string, number>();
  for (const product of products) {
    const row = await db
      .insertInto("products")
      .values({ workspace_id: workspace.id, source: "test", external_id: product.externalId, title: product.title, category: null, vendor: null, status: product.status ?? "active" })
      .returning("id")
      .executeTakeFirstOrThrow();
    productIds.set(product.externalId, row.id);
    for (const [sku, title, priceCents] of product.variants) {
      const variant = await db
        .insertInto("variants")
        .values({ workspace_id: workspace.id, product_id: row.id, source: "test", external_id: `${product.externalId}-${sku}`, sku, title, price_cents: priceCents, cost_cents: null, inventory_qty: null })
        .returning("id")
        .executeTakeFirstOrThrow();
      variantIds.set(sku, variant.id);
    }
  }
  return { workspace, products: productIds, variants: variantIds };
}

export const seedTienda = (db: Db) => seedStore(db, "tienda", "MXN", "America/Mexico_City", TIENDA_PRODUCTS);
export const seedLoja = (db: Db) => seedStore(db, "loja", "BRL", "America/Sao_Paulo", LOJA_PRODUCTS);

/** A workspace's stored observations, in a stable order. */
export async function storedObservations(db: Db, workspaceId: number) {
  return db
    .selectFrom("competitor_prices")
    .select(["product_id", "variant_id", "competitor", "price_cents", "currency", "in_stock", "observed_at", "url"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("observed_at")
    .orderBy("competitor")
    .orderBy("product_id")
    .orderBy("variant_id")
    .execute();
}
