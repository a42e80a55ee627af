/**
 * What the inventory engine reads, every query scoped to one workspace: the SKUs (variants with
 * their product), each SKU's latest stock snapshot, daily units sold (cancelled orders excluded,
 * days cut in the workspace's time zone) and daily closing stock over a window.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";
import { addDays, type IsoDate } from "../../lib/calendar-date.ts";

export interface SkuRow {
  readonly variantId: number;
  readonly sku: string | null;
  readonly variantTitle: string;
  readonly productId: number;
  readonly productTitle: string;
  readonly category: string | null;
  readonly priceCents: number;
  readonly costCents: number | null;
  /** The store's own stock figure (variants.inventory_qty), used when there is no snapshot. */
  readonly inventoryQty: number | null;
  readonly snapshotDate: IsoDate | null;
  readonly snapshotOnHand: number | null;
}

export interface SkuFilter {
  /** Only these products' variants and the variants below; both null for all. */
  readonly productIds: readonly number[] | null;
  readonly variantIds: readonly number[] | null;
  /** Only this category (exact stored value), or null for all. */
  readonly category: string | null;
}

/** Active products' variants with their latest snapshot (if any). */
export async function readSkus(db: DbOrTrx, workspaceId: number, filter: SkuFilter): Promise<SkuRow[]> {
  const picked =
    filter.productIds === null && filter.variantIds === null
      ? sql`true`
      : sql`(p.id = any(${[...(filter.productIds ?? [])]}::bigint[]) or v.id = any(${[...(filter.variantIds ?? [])]}::bigint[]))`;
  const category = filter.category === null ? sql`true` : sql`p.category = ${filter.category}`;
  // Stock syncs write every SKU's snapshot each day, so most SKUs' latest snapshot is on the
  // workspace's latest snapshot date: one index range read. Only SKUs missing from that date (no
  // longer synced) look up their own latest snapshot.
  const rows = await sql<{
    variant_id: number; sku: string | null; variant_title: string; product_id: number; product_title: string; category: string | null;
    price_cents: number; cost_cents: number | null; inventory_qty: number | null; snapshot_date: string | null; snapshot_on_hand: number | null;
  }>`
    with latest as (select max(date) as day from inventory_snapshots where workspace_id = ${workspaceId}),
    at_latest as (
      select s.variant_id, s.date, s.on_hand from inventory_snapshots s, latest
      where s.workspace_id = ${workspaceId} and s.date = latest.day
    )
    select v.id as variant_id, v.sku, v.title as variant_title, p.id as product_id, p.title as product_title, p.category,
           v.price_cents, v.cost_cents, v.inventory_qty,
           to_char(coalesce(a.date, l.date), 'YYYY-MM-DD') as snapshot_date, coalesce(a.on_hand, l.on_hand) as snapshot_on_hand
    from variants v
    join products p on p.id = v.product_id and p.workspace_id = ${workspaceId}
    left join at_latest a on a.variant_id = v.id
    left join lateral (
      select s.date, s.on_hand from inventory_snapshots s
      where a.variant_id is null and s.workspace_id = ${workspaceId} and s.variant_id = v.id order by s.date desc limit 1
    ) l on true
    where v.workspace_id = ${workspaceId} and p.status = 'active' and ${picked} and ${category}
    order by v.id`.execute(db);
  return rows.rows.map((row) => ({
    variantId: Number(row.variant_id),
    sku: row.sku,
    variantTitle: row.variant_title,
    productId: Number(row.product_id),
    productTitle: row.product_title,
    category: row.category,
    priceCents: Number(row.price_cents),
    costCents: row.cost_cents === null ? null : Number(row.cost_cents),
    inventoryQty: row.inventory_qty === null ? null : Number(row.inventory_qty),
    snapshotDate: row.snapshot_date,
    snapshotOnHand: row.snapshot_on_hand === null ? null : Number(row.snapshot_on_hand),
  }));
}

export interface DayValue {
  readonly variantId: number;
  readonly date: IsoDate;
  readonly value: number;
}

/**
 * Units sold per variant and local day in [start, end), cancelled orders excluded: read from the
 * metrics engine's daily rollup by variant (same definition as a raw scan of order lines: units on
 * the order's local day), so a forecast costs O(days × SKUs) instead of a scan of every order line.
 */
export async function readDailyUnits(db: DbOrTrx, workspaceId: number, variantIds: readonly number[], start: IsoDate, end: IsoDate): Promise<DayValue[]> {
  if (variantIds.length === 0) return [];
  const rows = await sql<{ variant_id: number; day: string; units: number }>`
    select variant_id, to_char(day, 'YYYY-MM-DD') as day, sum(units)::int as units
    from rollup_lines_variant_all_daily
    where workspace_id = ${workspaceId} and variant_id = any(${[...variantIds]}::bigint[]) and day >= ${start}::date and day < ${end}::date
    group by 1, 2
    having sum(units) <> 0`.execute(db);
  return rows.rows.map((row) => ({ variantId: Number(row.variant_id), date: row.day, value: Number(row.units) }));
}

/** Closing stock per variant and date in [start − 1 day, end): the day before tells how a day opened. */
export async function readDailyStock(db: DbOrTrx, workspaceId: number, variantIds: readonly number[], start: IsoDate, end: IsoDate): Promise<DayValue[]> {
  if (variantIds.length === 0) return [];
  const rows = await sql<{ variant_id: number; day: string; on_hand: number }>`
    select variant_id, to_char(date, 'YYYY-MM-DD') as day, on_hand from inventory_snapshots
    where workspace_id = ${workspaceId} and variant_id = any(${[...variantIds]}::bigint[]) and date >= ${addDays(start, -1)}::date and date < ${end}::date`.execute(db);
  return rows.rows.map((row) => ({ variantId: Number(row.variant_id), date: row.day, value: Number(row.on_hand) }));
}

/** Distinct product categories of active products, for matching what people call them. */
export async function readCategories(db: DbOrTrx, workspaceId: number): Promise<string[]> {
  const rows = await sql<{ category: string }>`
    select distinct category from products where workspace_id = ${workspaceId} and status = 'active' and category is not null order by category`.execute(db);
  return rows.rows.map((row) => row.category);
}
