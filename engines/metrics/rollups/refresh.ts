/**
 * Maintains the daily commerce rollups. A rollup row is the raw facts of one local day grouped by
 * the rollup's dimensions (facts/commerce-sql.ts), so refreshing a day recomputes it from the raw
 * rows: writers call refreshRollupDays with the days their write touched (see affected-days.ts),
 * and rebuildRollups recomputes a whole workspace (after a bulk load or a time zone change). Both
 * forget the derived results read from those days (db/repositories/derived-results.ts); writers of
 * facts that have no rollup (stock snapshots, ad spend, sessions) call forgetDerivedResults themselves.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import { forgetDerivedResults } from "../../../db/repositories/derived-results.ts";
import { addDays, daysBetween } from "../../../lib/calendar-date.ts";
import { rawLineFacts, rawOrderFacts, type RawWindow } from "../facts/commerce-sql.ts";
import { utcBounds } from "../time/utc-bounds.ts";
import type { LocalDate } from "../time/types.ts";
import { finestRollup, ROLLUP_TABLES, type RollupTable } from "./tables.ts";

export interface RollupWorkspace {
  readonly id: number;
  readonly timezone: string;
}

export interface RollupRefreshStats {
  /** Local days recomputed (for a rebuild, the days with data). */
  readonly days: number;
  readonly orderRows: number;
  readonly lineRows: number;
}

/** Days this close together are refreshed as one span: fewer statements, a few unchanged days redone. */
const MERGE_GAP_DAYS = 7;

async function insertOrders(db: DbOrTrx, window: RawWindow): Promise<number> {
  const result = await sql`
    insert into rollup_orders_daily (workspace_id, day, source_channel, country, state, city, customer_type,
      orders, gross_sales_cents, discounts_cents, refunds_cents, shipping_cents, tax_cents, new_customers)
    select ${window.workspaceId}, day, source_channel, country, state, city, customer_type,
      sum(orders), sum(gross_sales_cents), sum(discounts_cents), sum(refunds_cents), sum(shipping_cents), sum(tax_cents),
      sum(case when customer_type = 'new' then orders else 0 end)
    from ${rawOrderFacts(window)} as s
    group by day, source_channel, country, state, city, customer_type`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

async function insertLines(db: DbOrTrx, window: RawWindow): Promise<number> {
  const result = await sql`
    insert into rollup_lines_daily (workspace_id, day, product_id, variant_id, category, source_channel, country, customer_type,
      lines, units, gross_sales_cents, discounts_cents, refunds_cents, cost_cents, costed_sales_cents)
    select ${window.workspaceId}, day, product_id, variant_id, category, source_channel, country, customer_type,
      sum(lines), sum(units), sum(gross_sales_cents), sum(discounts_cents), sum(refunds_cents), sum(cost_cents), sum(costed_sales_cents)
    from ${rawLineFacts(window)} as s
    group by day, product_id, variant_id, category, source_channel, country, customer_type`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/** Fills a coarser rollup's days [start, end) by summing its fact's finest rollup over the dropped dimensions. */
async function insertCoarse(db: DbOrTrx, workspaceId: number, table: RollupTable, start: LocalDate, end: LocalDate): Promise<void> {
  const keys = table.keys.map((key) => sql.ref(key));
  const sums = table.measures.map((measure) => sql`sum(${sql.ref(measure)})`);
  await sql`
    insert into ${sql.table(table.name)} (workspace_id, day, ${sql.join(keys)}, ${sql.join(table.measures.map((measure) => sql.ref(measure)))})
    select workspace_id, day, ${sql.join(keys)}, ${sql.join(sums)}
    from ${sql.table(finestRollup(table.fact).name)}
    where workspace_id = ${workspaceId} and day >= ${start}::date and day < ${end}::date
    group by workspace_id, day, ${sql.join(keys)}`.execute(db);
}

async function refreshSpan(db: DbOrTrx, workspace: RollupWorkspace, start: LocalDate, end: LocalDate): Promise<{ orderRows: number; lineRows: number }> {
  for (const table of ROLLUP_TABLES) {
    await sql`delete from ${sql.table(table.name)} where workspace_id = ${workspace.id} and day >= ${start}::date and day < ${end}::date`.execute(db);
  }
  const { startUtc, endUtc } = utcBounds({ start, end }, workspace.timezone);
  const window: RawWindow = { workspaceId: workspace.id, timeZone: workspace.timezone, fromUtc: startUtc, toUtc: endUtc };
  const written = { orderRows: await insertOrders(db, window), lineRows: await insertLines(db, window) };
  for (const table of ROLLUP_TABLES) if (table !== finestRollup(table.fact)) await insertCoarse(db, workspace.id, table, start, end);
  return written;
}

/** Contiguous spans [start, end) covering the days, merging spans closer than MERGE_GAP_DAYS. */
export function spansOfDays(days: Iterable<LocalDate>): { start: LocalDate; end: LocalDate }[] {
  const sorted = [...new Set(days)].sort();
  const spans: { start: LocalDate; end: LocalDate }[] = [];
  for (const day of sorted) {
    const last = spans[spans.length - 1];
    if (last && daysBetween(last.end, day) < MERGE_GAP_DAYS) last.end = addDays(day, 1);
    else spans.push({ start: day, end: addDays(day, 1) });
  }
  return spans;
}

/**
 * Recomputes the rollup rows of the given local days, and forgets the derived results (forecasts,
 * anomaly findings) read from them. Run it in the writer's transaction.
 */
export async function refreshRollupDays(db: DbOrTrx, workspace: RollupWorkspace, days: Iterable<LocalDate>): Promise<RollupRefreshStats> {
  const touched = [...days];
  await forgetDerivedResults(db, workspace.id, touched);
  let orderRows = 0;
  let lineRows = 0;
  let count = 0;
  for (const span of spansOfDays(touched)) {
    const written = await refreshSpan(db, workspace, span.start, span.end);
    orderRows += written.orderRows;
    lineRows += written.lineRows;
    count += daysBetween(span.start, span.end);
  }
  return { days: count, orderRows, lineRows };
}

/** Recomputes every rollup row of a workspace from its raw facts (and forgets every derived result). */
export async function rebuildRollups(db: DbOrTrx, workspace: RollupWorkspace): Promise<RollupRefreshStats> {
  await forgetDerivedResults(db, workspace.id, "all");
  const bounds = await sql<{ first: LocalDate | null; last: LocalDate | null }>`
    select (least(min(o.placed_at), (select min(refunded_at) from refunds where workspace_id = ${workspace.id})) at time zone ${workspace.timezone})::date as first,
           (greatest(max(o.placed_at), (select max(refunded_at) from refunds where workspace_id = ${workspace.id})) at time zone ${workspace.timezone})::date as last
    from orders o where o.workspace_id = ${workspace.id}`.execute(db);
  for (const table of ROLLUP_TABLES) await sql`delete from ${sql.table(table.name)} where workspace_id = ${workspace.id}`.execute(db);
  const { first, last } = bounds.rows[0] ?? { first: null, last: null };
  if (first === null || last === null) return { days: 0, orderRows: 0, lineRows: 0 };
  const written = await refreshSpan(db, workspace, first, addDays(last, 1));
  return { days: daysBetween(first, addDays(last, 1)), ...written };
}
