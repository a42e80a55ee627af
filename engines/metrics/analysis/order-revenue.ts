/**
 * The net revenue of an order, as the whole metrics engine counts it, as one SQL fragment that the
 * customer analyses (cohorts, RFM) build on.
 *
 * - Orders with status 'cancelled' are excluded everywhere.
 * - Only orders placed at or before `asOf` count.
 * - Net revenue = subtotal_cents − discount_cents − Σ refunds.amount_cents of that order refunded at
 *   or before `asOf` (whenever the order itself was placed). Shipping and tax are not revenue.
 * - The local wall-clock time of an order is `placed_at at time zone $tz`, computed once per order
 *   here; its local date is `local_time::date` and its local month `date_trunc('month', local_time)`.
 * - A customer is orders.customer_id; orders without one are guests (callers decide what to do).
 */
import { sql, type RawBuilder } from "kysely";
import { isValidTimeZone } from "../../../lib/zoned-time.ts";
import { InputError } from "../../../lib/input-error.ts";

/** Which workspace an analysis reads and the IANA zone its days and months are cut in. */
export interface AnalysisScope {
  readonly workspaceId: number;
  /** IANA time zone, normally the workspace's own (workspaces.timezone). */
  readonly timeZone: string;
}

/** One row of {@link netOrdersSql}: a non-cancelled order with its local time and net revenue. */
export interface NetOrderRow {
  readonly id: number;
  readonly customer_id: number | null;
  readonly placed_at: Date;
  /**
   * Wall-clock time in the scope's zone (SQL `timestamp`, no zone). Derive dates and months from it
   * in SQL; do not select it into JavaScript, where pg would read it in the process's zone.
   */
  readonly local_time: Date;
  /** subtotal − discount − refunds at or before asOf, in minor units (may be negative). */
  readonly net_cents: number;
}

export interface NetOrdersWindow {
  /** Inclusive upper bound on placed_at and refunded_at. */
  readonly asOf: Date;
  /** Inclusive lower bound on placed_at: an SQL timestamptz expression (bound values only). */
  readonly from?: RawBuilder<unknown>;
}

/**
 * A subquery (use it as `from (${netOrdersSql(…)}) as o` or in a CTE) yielding one {@link NetOrderRow}
 * per non-cancelled order of the workspace placed in the window, guests included. Refunds are summed
 * per order first and hash-joined, so it stays one pass over the workspace's orders.
 */
export function netOrdersSql(scope: AnalysisScope, window: NetOrdersWindow): RawBuilder<NetOrderRow> {
  const lower = window.from ? sql`and o.placed_at >= ${window.from}` : sql``;
  return sql<NetOrderRow>`
    select o.id, o.customer_id, o.placed_at,
           o.placed_at at time zone ${scope.timeZone} as local_time,
           (o.subtotal_cents - o.discount_cents - coalesce(r.refunded_cents, 0))::bigint as net_cents
    from orders o
    left join (
      select order_id, sum(amount_cents) as refunded_cents
      from refunds
      where workspace_id = ${scope.workspaceId} and refunded_at <= ${window.asOf}::timestamptz
      group by order_id
    ) r on r.order_id = o.id
    where o.workspace_id = ${scope.workspaceId}
      and o.status <> 'cancelled'
      and o.placed_at <= ${window.asOf}::timestamptz
      ${lower}`;
}

/** Throws an InputError when the scope or asOf cannot be analysed (unknown zone, invalid date). */
export function assertAnalysisInput(scope: AnalysisScope, asOf: Date): void {
  if (!Number.isSafeInteger(scope.workspaceId) || scope.workspaceId <= 0) {
    throw new InputError(`workspaceId must be a positive integer, got ${scope.workspaceId}`);
  }
  if (!isValidTimeZone(scope.timeZone)) throw new InputError(`"${scope.timeZone}" is not an IANA time zone`);
  if (Number.isNaN(asOf.getTime())) throw new InputError("asOf is not a valid date");
}

/** Throws an InputError unless value is an integer within [min, max]. */
export function assertIntegerOption(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new InputError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/** Integer minor units from a money ratio: Math.round (halves go up, toward +∞), never −0. */
export function roundCents(value: number): number {
  return Math.round(value) + 0;
}
