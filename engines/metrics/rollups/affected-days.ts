/**
 * The local days whose rollup rows a write to some orders can change: the orders' days, their
 * refunds' days, and the days of their customers' first two non-cancelled orders (a new earlier
 * order turns the old first order from 'new' into 'returning'). Call it with the orders' ids
 * before changing existing orders (old days) and after writing (new days), and refresh the union.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import type { LocalDate } from "../time/types.ts";

export async function affectedDays(db: DbOrTrx, workspaceId: number, timeZone: string, orderIds: readonly number[]): Promise<LocalDate[]> {
  if (orderIds.length === 0) return [];
  const ids = [...orderIds];
  const result = await sql<{ day: LocalDate }>`
    select (placed_at at time zone ${timeZone})::date as day from orders where workspace_id = ${workspaceId} and id = any(${ids}::bigint[])
    union
    select (refunded_at at time zone ${timeZone})::date from refunds where workspace_id = ${workspaceId} and order_id = any(${ids}::bigint[])
    union
    select (f.placed_at at time zone ${timeZone})::date
    from (select distinct customer_id from orders where workspace_id = ${workspaceId} and id = any(${ids}::bigint[]) and customer_id is not null) c
    cross join lateral (
      select p.placed_at from orders p where p.customer_id = c.customer_id and p.status <> 'cancelled' order by p.placed_at, p.id limit 2
    ) f`.execute(db);
  return result.rows.map((row) => row.day);
}
