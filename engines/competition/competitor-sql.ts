/**
 * What the competition engine reads, scoped to one workspace: competitor observations in a window
 * (plus each series' last observation before it, to tell when a price went below ours) with our
 * current price for the observed product or variant.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";

export interface Observation {
  readonly productId: number;
  readonly variantId: number | null;
  readonly productTitle: string;
  readonly category: string | null;
  readonly sku: string | null;
  readonly competitor: string;
  readonly url: string | null;
  readonly priceCents: number;
  readonly currency: string;
  readonly inStock: boolean;
  readonly observedAt: string;
  /** Our price now: the observed variant's, or the product's lowest variant price. */
  readonly ourPriceCents: number;
  /** True for the series' last observation before the window. */
  readonly beforeWindow: boolean;
}

export interface ObservationFilter {
  readonly productIds: readonly number[] | null;
  readonly category: string | null;
  readonly competitors: readonly string[] | null;
}

export async function readObservations(db: DbOrTrx, workspaceId: number, startUtc: Date, endUtc: Date, filter: ObservationFilter): Promise<Observation[]> {
  const products = filter.productIds === null ? sql`true` : sql`c.product_id = any(${[...filter.productIds]}::bigint[])`;
  const category = filter.category === null ? sql`true` : sql`p.category = ${filter.category}`;
  const competitors = filter.competitors === null ? sql`true` : sql`c.competitor = any(${[...filter.competitors]}::text[])`;
  const rows = await sql<{
    product_id: number; variant_id: number | null; product_title: string; category: string | null; sku: string | null; competitor: string; url: string | null;
    price_cents: number; currency: string; in_stock: boolean; observed_at: Date; our_price_cents: number | null; before_window: boolean;
  }>`
    with scoped as (
      select c.*, p.title as product_title, p.category from competitor_prices c
      join products p on p.id = c.product_id and p.workspace_id = ${workspaceId}
      where c.workspace_id = ${workspaceId} and c.observed_at < ${endUtc} and ${products} and ${category} and ${competitors}
    ),
    picked as (
      select s.*, false as before_window from scoped s where s.observed_at >= ${startUtc}
      union all
      select * from (
        select distinct on (s.product_id, s.variant_id, s.competitor) s.*, true as before_window from scoped s
        where s.observed_at < ${startUtc} order by s.product_id, s.variant_id, s.competitor, s.observed_at desc
      ) b
    )
    select k.product_id, k.variant_id, k.product_title, k.category, v.sku, k.competitor, k.url, k.price_cents, k.currency, k.in_stock, k.observed_at,
           coalesce(v.price_cents, (select min(price_cents) from variants w where w.workspace_id = ${workspaceId} and w.product_id = k.product_id)) as our_price_cents,
           k.before_window
    from picked k left join variants v on v.id = k.variant_id and v.workspace_id = ${workspaceId}
    order by k.product_id, k.variant_id, k.competitor, k.observed_at`.execute(db);
  const out: Observation[] = [];
  for (const row of rows.rows) {
    if (row.our_price_cents === null) continue;
    out.push({
      productId: Number(row.product_id),
      variantId: row.variant_id === null ? null : Number(row.variant_id),
      productTitle: row.product_title,
      category: row.category,
      sku: row.sku,
      competitor: row.competitor,
      url: row.url,
      priceCents: Number(row.price_cents),
      currency: row.currency,
      inStock: row.in_stock,
      observedAt: row.observed_at instanceof Date ? row.observed_at.toISOString() : String(row.observed_at),
      ourPriceCents: Number(row.our_price_cents),
      beforeWindow: row.before_window,
    });
  }
  return out;
}

/** Distinct competitor names of the workspace. */
export async function readCompetitorNames(db: DbOrTrx, workspaceId: number): Promise<string[]> {
  const rows = await sql<{ competitor: string }>`select distinct competitor from competitor_prices where workspace_id = ${workspaceId} order by competitor`.execute(db);
  return rows.rows.map((row) => row.competitor);
}
