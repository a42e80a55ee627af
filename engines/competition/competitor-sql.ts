/**
 * What the competition engine reads, scoped to one workspace: competitor observations in a window
 * (plus, for each series observed in it, its last observation before it, to tell when a price went
 * below ours) with our current price for the observed product or variant.
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

/**
 * Observations inside [startUtc, endUtc), and for each series (product, variant, competitor) observed
 * in the window its last observation before it. Series seen only before the window are left out:
 * nothing compares or undercuts without an observation in the window.
 *
 * The window is read first (by the workspace/time index) and each series' earlier observation is then
 * one probe, newest first, down the workspace/competitor/product/time index: the cost follows the
 * window, not the history (sorting every earlier observation to keep one per series was most of
 * this query's time).
 */
export async function readObservations(db: DbOrTrx, workspaceId: number, startUtc: Date, endUtc: Date, filter: ObservationFilter): Promise<Observation[]> {
  const products = filter.productIds === null ? sql`true` : sql`c.product_id = any(${[...filter.productIds]}::bigint[])`;
  const category = filter.category === null ? sql`true` : sql`p.category = ${filter.category}`;
  const competitors = filter.competitors === null ? sql`true` : sql`c.competitor = any(${[...filter.competitors]}::text[])`;
  const rows = await sql<{
    product_id: number; variant_id: number | null; product_title: string; category: string | null; sku: string | null; competitor: string; url: string | null;
    price_cents: number; currency: string; in_stock: boolean; observed_at: Date; our_price_cents: number | null; before_window: boolean;
  }>`
    with windowed as (
      select c.product_id, c.variant_id, c.competitor, c.url, c.price_cents, c.currency, c.in_stock, c.observed_at, p.title as product_title, p.category
      from competitor_prices c
      join products p on p.id = c.product_id and p.workspace_id = ${workspaceId}
      where c.workspace_id = ${workspaceId} and c.observed_at >= ${startUtc} and c.observed_at < ${endUtc} and ${products} and ${category} and ${competitors}
    ),
    picked as (
      select w.*, false as before_window from windowed w
      union all
      select b.product_id, b.variant_id, b.competitor, b.url, b.price_cents, b.currency, b.in_stock, b.observed_at, s.product_title, s.category, true as before_window
      from (select distinct product_id, variant_id, competitor, product_title, category from windowed) s
      cross join lateral (
        select c.product_id, c.variant_id, c.competitor, c.url, c.price_cents, c.currency, c.in_stock, c.observed_at from competitor_prices c
        where c.workspace_id = ${workspaceId} and c.competitor = s.competitor and c.product_id = s.product_id and c.observed_at < ${startUtc}
          and c.variant_id is not distinct from s.variant_id
        order by c.observed_at desc limit 1
      ) b
    )
    select k.product_id, k.variant_id, k.product_title, k.category, v.sku, k.competitor, k.url, k.price_cents, k.currency, k.in_stock, k.observed_at,
           coalesce(v.price_cents, (select min(pv.price_cents) from variants pv where pv.workspace_id = ${workspaceId} and pv.product_id = k.product_id)) as our_price_cents,
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

/**
 * Distinct competitor names of the workspace. A workspace has a handful of competitors and many
 * observations of each, so this hops from one name to the next along the index that starts with
 * (workspace_id, competitor), one probe per name, instead of reading every observation.
 */
export async function readCompetitorNames(db: DbOrTrx, workspaceId: number): Promise<string[]> {
  const rows = await sql<{ competitor: string }>`
    with recursive names as (
      (select competitor from competitor_prices where workspace_id = ${workspaceId} order by competitor limit 1)
      union all
      select (select c.competitor from competitor_prices c where c.workspace_id = ${workspaceId} and c.competitor > n.competitor order by c.competitor limit 1)
      from names n where n.competitor is not null
    )
    select competitor from names where competitor is not null order by competitor`.execute(db);
  return rows.rows.map((row) => row.competitor);
}
