/** The names a workspace's products answer to (titles, ids, SKUs), for matching what people say. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";

export interface CatalogVariantName {
  readonly variantId: number;
  readonly sku: string | null;
  readonly externalId: string;
  readonly title: string;
}

export interface CatalogProductName {
  readonly productId: number;
  readonly externalId: string;
  readonly title: string;
  readonly category: string | null;
  readonly variants: readonly CatalogVariantName[];
}

export async function readCatalogNames(db: DbOrTrx, workspaceId: number): Promise<CatalogProductName[]> {
  const rows = await sql<{ product_id: number; product_external_id: string; product_title: string; category: string | null; variant_id: number | null; sku: string | null; variant_external_id: string | null; variant_title: string | null }>`
    select p.id as product_id, p.external_id as product_external_id, p.title as product_title, p.category,
           v.id as variant_id, v.sku, v.external_id as variant_external_id, v.title as variant_title
    from products p left join variants v on v.product_id = p.id and v.workspace_id = ${workspaceId}
    where p.workspace_id = ${workspaceId} and p.status = 'active'
    order by p.id, v.id`.execute(db);
  const products = new Map<number, { productId: number; externalId: string; title: string; category: string | null; variants: CatalogVariantName[] }>();
  for (const row of rows.rows) {
    const id = Number(row.product_id);
    let product = products.get(id);
    if (!product) products.set(id, (product = { productId: id, externalId: row.product_external_id, title: row.product_title, category: row.category, variants: [] }));
    if (row.variant_id !== null) product.variants.push({ variantId: Number(row.variant_id), sku: row.sku, externalId: row.variant_external_id ?? "", title: row.variant_title ?? "" });
  }
  return [...products.values()];
}

/** Whether the workspace has any active product (one cheap probe, for requests that name none). */
export async function hasActiveProducts(db: DbOrTrx, workspaceId: number): Promise<boolean> {
  const rows = await sql<{ found: boolean }>`
    select exists(select 1 from products where workspace_id = ${workspaceId} and status = 'active') as found`.execute(db);
  return rows.rows[0]?.found === true;
}
