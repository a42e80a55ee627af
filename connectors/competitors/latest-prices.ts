/** Each competitor's latest observed price per product (and variant) since a time, with ours beside it. */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";

export interface LatestCompetitorPrice {
  readonly productId: number;
  readonly variantId: number | null;
  /** The product's title, with the variant's when the observation names one of several. */
  readonly title: string;
  readonly sku: string | null;
  readonly competitor: string;
  readonly priceCents: number;
  readonly currency: string;
  readonly inStock: boolean;
  readonly observedAt: Date;
  readonly url: string | null;
  /** The observed variant's price, or the product's lowest; null when it has no variant. */
  readonly ourPriceCents: number | null;
}

/** Sorted by product title, then competitor. */
export async function readLatestCompetitorPrices(db: DbOrTrx, workspaceId: number, since: Date): Promise<LatestCompetitorPrice[]> {
  const rows = await sql<{
    product_id: number; variant_id: number | null; title: string; variant_title: string | null; variants: number; sku: string | null; competitor: string;
    price_cents: number; currency: string; in_stock: boolean; observed_at: Date; url: string | null; our_price_cents: number | null;
  }>`
    select distinct on (c.product_id, coalesce(c.variant_id, 0), c.competitor)
           c.product_id, c.variant_id, p.title, v.title as variant_title, v.sku, c.competitor, c.price_cents, c.currency, c.in_stock, c.observed_at, c.url,
           (select count(*)::int from variants pv where pv.workspace_id = ${workspaceId} and pv.product_id = c.product_id) as variants,
           coalesce(v.price_cents, (select min(pv.price_cents) from variants pv where pv.workspace_id = ${workspaceId} and pv.product_id = c.product_id)) as our_price_cents
    from competitor_prices c
    join products p on p.id = c.product_id and p.workspace_id = ${workspaceId}
    left join variants v on v.id = c.variant_id and v.workspace_id = ${workspaceId}
    where c.workspace_id = ${workspaceId} and c.observed_at >= ${since}
    order by c.product_id, coalesce(c.variant_id, 0), c.competitor, c.observed_at desc`.execute(db);
  return rows.rows
    .map((row) => ({
      productId: Number(row.product_id),
      variantId: row.variant_id === null ? null : Number(row.variant_id),
      title: row.variant_title !== null && Number(row.variants) > 1 ? `${row.title} (${row.variant_title})` : row.title,
      sku: row.sku,
      competitor: row.competitor,
      priceCents: Number(row.price_cents),
      currency: row.currency,
      inStock: row.in_stock,
      observedAt: row.observed_at,
      url: row.url,
      ourPriceCents: row.our_price_cents === null ? null : Number(row.our_price_cents),
    }))
    .sort((a, b) => a.title.localeCompare(b.title) || a.productId - b.productId || (a.variantId ?? 0) - (b.variantId ?? 0) || a.competitor.localeCompare(b.competitor));
}
