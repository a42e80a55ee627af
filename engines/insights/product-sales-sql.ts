/**
 * Which products sell: units and revenue per product over the last 90 and 30 local days (cancelled
 * orders excluded), ranked by units over 90 days. Insight detectors use it to tell top sellers (a
 * stockout or an undercut matters most there) and our revenue at risk on a product.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../db/database.ts";
import { addDays, type IsoDate } from "../../lib/calendar-date.ts";
import { localMidnightUtc } from "../metrics/time/utc-bounds.ts";

/** The window sales ranks are taken over: long enough that a product out of stock for a week keeps its rank. */
export const RANK_DAYS = 90;
export const RECENT_DAYS = 30;
/** Products ranked at or above this are top sellers. */
export const TOP_SELLERS = 10;

export interface ProductSales {
  readonly productId: number;
  /** 1 = most units over RANK_DAYS. */
  readonly rank: number;
  readonly units90d: number;
  readonly revenue90dCents: number;
  readonly units30d: number;
  readonly revenue30dCents: number;
}

/** Sales per product over the RANK_DAYS complete days before `today` (local), ranked. */
export async function productSales(db: DbOrTrx, workspaceId: number, today: IsoDate, timeZone: string): Promise<Map<number, ProductSales>> {
  const end = localMidnightUtc(today, timeZone);
  const start = localMidnightUtc(addDays(today, -RANK_DAYS), timeZone);
  const recent = localMidnightUtc(addDays(today, -RECENT_DAYS), timeZone);
  const rows = await sql<{ product_id: number; units90: number; revenue90: number; units30: number; revenue30: number }>`
    select i.product_id, sum(i.quantity)::bigint as units90, sum(i.total_cents)::bigint as revenue90,
           coalesce(sum(i.quantity) filter (where o.placed_at >= ${recent}), 0)::bigint as units30,
           coalesce(sum(i.total_cents) filter (where o.placed_at >= ${recent}), 0)::bigint as revenue30
    from order_items i join orders o on o.id = i.order_id and o.workspace_id = ${workspaceId}
    where i.workspace_id = ${workspaceId} and i.product_id is not null and o.status <> 'cancelled'
      and o.placed_at >= ${start} and o.placed_at < ${end}
    group by i.product_id
    order by units90 desc, revenue90 desc, i.product_id`.execute(db);
  const sales = new Map<number, ProductSales>();
  rows.rows.forEach((row, index) => {
    sales.set(Number(row.product_id), {
      productId: Number(row.product_id),
      rank: index + 1,
      units90d: Number(row.units90),
      revenue90dCents: Number(row.revenue90),
      units30d: Number(row.units30),
      revenue30dCents: Number(row.revenue30),
    });
  });
  return sales;
}

/**
 * Per product, the first local date from which every variant has been at 0 on hand in the stock
 * snapshots (the day after the last snapshot date with stock), for the products asked about.
 */
export async function outOfStockSince(db: DbOrTrx, workspaceId: number, productIds: readonly number[]): Promise<Map<number, IsoDate>> {
  if (productIds.length === 0) return new Map();
  const rows = await sql<{ product_id: number; last_stocked: string | null; first_snapshot: string }>`
    select v.product_id, to_char(max(s.date) filter (where s.on_hand > 0), 'YYYY-MM-DD') as last_stocked, to_char(min(s.date), 'YYYY-MM-DD') as first_snapshot
    from inventory_snapshots s join variants v on v.id = s.variant_id and v.workspace_id = ${workspaceId}
    where s.workspace_id = ${workspaceId} and v.product_id = any(${[...productIds]}::bigint[])
    group by v.product_id`.execute(db);
  const since = new Map<number, IsoDate>();
  for (const row of rows.rows) since.set(Number(row.product_id), row.last_stocked === null ? row.first_snapshot : addDays(row.last_stocked, 1));
  return since;
}
