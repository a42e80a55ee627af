/**
 * The two queries behind cohortAnalysis. Months travel as integer indexes (year × 12 + month − 1) so
 * ages are plain subtraction; cohortMonthKey turns one back into 'YYYY-MM'.
 */
import { sql, type RawBuilder } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import { netOrdersSql, type AnalysisScope } from "./order-revenue.ts";

/** The asOf month, where the window starts and the guest orders the report leaves out. */
export interface CohortContext {
  /** Month index of asOf in the scope's zone. */
  readonly asOfMonth: number;
  /** Instant the first listed cohort month starts (local midnight of its first day). */
  readonly windowStart: Date;
  /** Non-cancelled guest orders placed from windowStart through asOf. */
  readonly excludedGuestOrders: number;
}

/** One (cohort, age) cell with at least one active customer. */
export interface CohortCellRow {
  readonly cohortMonth: number;
  readonly age: number;
  readonly activeCustomers: number;
  readonly revenueCents: number;
}

/** 'YYYY-MM' of a month index. */
export function cohortMonthKey(index: number): string {
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}`;
}

/** asOf's local month, the start of the `months`-month window ending with it, and the guest orders in that window. */
export async function queryCohortContext(db: DbOrTrx, scope: AnalysisScope, asOf: Date, months: number): Promise<CohortContext> {
  const result = await sql<{ asof_month: number; window_start: Date; guest_orders: number }>`
    with a as (select ${asOf}::timestamptz at time zone ${scope.timeZone} as local_time),
    w as (
      select (extract(year from a.local_time)::int * 12 + extract(month from a.local_time)::int - 1) as asof_month,
             (date_trunc('month', a.local_time) - make_interval(months => ${months - 1}::int)) at time zone ${scope.timeZone} as window_start
      from a
    )
    select w.asof_month, w.window_start,
           (select count(*)::int from orders o
             where o.workspace_id = ${scope.workspaceId}
               and o.customer_id is null
               and o.status <> 'cancelled'
               and o.placed_at <= ${asOf}::timestamptz
               and o.placed_at >= w.window_start) as guest_orders
    from w`.execute(db);
  const row = result.rows[0];
  if (!row) throw new Error("cohort context query returned no row");
  return { asOfMonth: row.asof_month, windowStart: row.window_start, excludedGuestOrders: row.guest_orders };
}

/**
 * Active customers and net revenue per (cohort month, age) for the cohorts starting at or after
 * `windowStart` and ages up to `maxAge`, oldest first; only cells with activity.
 *
 * A customer's first order is their earliest non-cancelled order (min placed_at over all their
 * history up to asOf, one aggregate over the workspace's orders); their cohort is its local month.
 * Every order of such a customer is at or after windowStart, so only the window's orders are then
 * read, each one's local month computed once, and grouped by (cohort, month) in the database.
 */
export async function queryCohortCells(
  db: DbOrTrx,
  scope: AnalysisScope,
  options: { readonly asOf: Date; readonly windowStart: Date; readonly maxAge: number },
): Promise<CohortCellRow[]> {
  const orders = netOrdersSql(scope, { asOf: options.asOf, from: sql`${options.windowStart}::timestamptz` });
  const monthIndex = (column: RawBuilder<unknown>) => sql`(extract(year from ${column})::int * 12 + extract(month from ${column})::int - 1)`;
  const result = await sql<{ cohort_month: number; age: number; active_customers: number; revenue_cents: number }>`
    with firsts as materialized (
      select customer_id, date_trunc('month', min(placed_at) at time zone ${scope.timeZone}) as cohort_month
      from orders
      where workspace_id = ${scope.workspaceId}
        and status <> 'cancelled'
        and customer_id is not null
        and placed_at <= ${options.asOf}::timestamptz
      group by customer_id
      having min(placed_at) >= ${options.windowStart}::timestamptz
    ),
    cells as (
      select f.cohort_month, date_trunc('month', o.local_time) as order_month,
             count(distinct o.customer_id)::int as active_customers,
             sum(o.net_cents)::bigint as revenue_cents
      from (${orders}) o
      join firsts f on f.customer_id = o.customer_id
      group by 1, 2
    ),
    indexed as (
      select ${monthIndex(sql`cohort_month`)} as cohort_month, ${monthIndex(sql`order_month`)} as order_month, active_customers, revenue_cents
      from cells
    )
    select cohort_month, order_month - cohort_month as age, active_customers, revenue_cents
    from indexed
    where order_month - cohort_month between 0 and ${options.maxAge}::int
    order by 1, 2`.execute(db);
  return result.rows.map((row) => ({
    cohortMonth: row.cohort_month,
    age: row.age,
    activeCustomers: row.active_customers,
    revenueCents: row.revenue_cents,
  }));
}
