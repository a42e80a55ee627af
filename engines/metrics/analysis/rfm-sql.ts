/**
 * The RFM queries. Both share one CTE chain that scores every customer of the window in the
 * database (window functions), so only O(score cells) or `limit` rows ever leave it.
 *
 * Scoring, per dimension: customers are ordered worst first (oldest last order; fewest orders;
 * least net revenue), ties by customer id, and ntile(5) cuts that order into five buckets, 5 best.
 * Then every customer with the same value takes the lowest bucket any of them landed in: equal
 * values always share a score, and a tie straddling a boundary gets the lower score (so some scores
 * can be empty — e.g. when most customers ordered once, they all get F = 1).
 */
import { sql, type RawBuilder } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import { netOrdersSql, type AnalysisScope } from "./order-revenue.ts";

export interface RfmWindow {
  readonly asOf: Date;
  readonly lookbackDays: number;
}

/** `with a, o, per_customer, tiles, scored as (…)`: scored has customer_id, last_date, recency, frequency, monetary, r, f, m. */
function scoredCtes(scope: AnalysisScope, window: RfmWindow): RawBuilder<unknown> {
  const asOfDate = sql`(${window.asOf}::timestamptz at time zone ${scope.timeZone})::date`;
  const from = sql`(${asOfDate} - ${window.lookbackDays - 1}::int)::timestamp at time zone ${scope.timeZone}`;
  return sql`
    with a as (select ${asOfDate} as asof_date),
    o as (${netOrdersSql(scope, { asOf: window.asOf, from })}),
    per_customer as (
      select customer_id, max(local_time)::date as last_date, count(*)::int as frequency, sum(net_cents)::bigint as monetary
      from o
      where customer_id is not null
      group by customer_id
    ),
    tiles as (
      select p.customer_id, p.last_date, (a.asof_date - p.last_date) as recency, p.frequency, p.monetary,
             ntile(5) over (order by p.last_date, p.customer_id) as r_tile,
             ntile(5) over (order by p.frequency, p.customer_id) as f_tile,
             ntile(5) over (order by p.monetary, p.customer_id) as m_tile
      from per_customer p cross join a
    ),
    scored as (
      select t.customer_id, t.last_date, t.recency, t.frequency, t.monetary,
             min(t.r_tile) over (partition by t.last_date) as r,
             min(t.f_tile) over (partition by t.frequency) as f,
             min(t.m_tile) over (partition by t.monetary) as m
      from tiles t
    )`;
}

/** Which grouping a summary row is: one (R, F, M) cell, one score of one dimension, or the total. */
export type RfmSummaryKind = "cell" | "r" | "f" | "m" | "total";

export interface RfmSummaryRow {
  readonly kind: RfmSummaryKind;
  readonly r: number | null;
  readonly f: number | null;
  readonly m: number | null;
  readonly customers: number;
  readonly recency_sum: number;
  readonly frequency_sum: number;
  readonly monetary_sum: number;
  readonly min_recency: number | null;
  readonly max_recency: number | null;
  readonly min_frequency: number | null;
  readonly max_frequency: number | null;
  readonly min_monetary: number | null;
  readonly max_monetary: number | null;
  readonly guest_orders: number;
  readonly asof_date: string;
  readonly window_start: string;
}

/**
 * Sums per (R, F, M) cell (≤ 125 rows), value ranges per score of each dimension (≤ 15) and one total
 * row that is always there, even for an empty window (it also carries the guest count and dates).
 */
export async function queryRfmSummary(db: DbOrTrx, scope: AnalysisScope, window: RfmWindow): Promise<RfmSummaryRow[]> {
  const result = await sql<RfmSummaryRow>`
    ${scoredCtes(scope, window)}
    select case
             when grouping(s.r, s.f, s.m) = 0 then 'cell'
             when grouping(s.r) = 0 then 'r'
             when grouping(s.f) = 0 then 'f'
             when grouping(s.m) = 0 then 'm'
             else 'total'
           end as kind,
           s.r, s.f, s.m,
           count(*)::int as customers,
           coalesce(sum(s.recency), 0)::bigint as recency_sum,
           coalesce(sum(s.frequency), 0)::bigint as frequency_sum,
           coalesce(sum(s.monetary), 0)::bigint as monetary_sum,
           min(s.recency) as min_recency, max(s.recency) as max_recency,
           min(s.frequency) as min_frequency, max(s.frequency) as max_frequency,
           min(s.monetary) as min_monetary, max(s.monetary) as max_monetary,
           (select count(*)::int from o where o.customer_id is null) as guest_orders,
           (select asof_date from a) as asof_date,
           (select asof_date - ${window.lookbackDays - 1}::int from a) as window_start
    from scored s
    group by grouping sets ((s.r, s.f, s.m), (s.r), (s.f), (s.m), ())`.execute(db);
  return result.rows;
}

export interface RfmCustomerRow {
  readonly customer_id: number;
  readonly name: string | null;
  readonly email: string | null;
  readonly last_date: string;
  readonly recency: number;
  readonly frequency: number;
  readonly monetary: number;
  readonly r: number;
  readonly f: number;
  readonly m: number;
}

/** Customers whose R × 100 + F × 10 + M is one of `codes`, highest net revenue first (then most recent, then id). */
export async function queryRfmCustomers(
  db: DbOrTrx,
  scope: AnalysisScope,
  window: RfmWindow,
  filter: { readonly codes: readonly number[]; readonly limit: number },
): Promise<RfmCustomerRow[]> {
  const result = await sql<RfmCustomerRow>`
    ${scoredCtes(scope, window)}
    select s.customer_id, c.name, c.email, s.last_date, s.recency, s.frequency, s.monetary, s.r, s.f, s.m
    from scored s
    join customers c on c.id = s.customer_id and c.workspace_id = ${scope.workspaceId}
    where (s.r * 100 + s.f * 10 + s.m) = any(${[...filter.codes]}::int[])
    order by s.monetary desc, s.recency, s.customer_id
    limit ${filter.limit}::int`.execute(db);
  return result.rows;
}
