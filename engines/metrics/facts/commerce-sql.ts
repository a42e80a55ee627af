/**
 * The raw commerce facts, as SQL over orders, order_items and refunds for a window of instants.
 * Rollups are these same facts grouped by day and stored, so a rollup and a raw scan agree exactly.
 *
 * - An order event per non-cancelled order, on its local day; a refund event per refund of a
 *   non-cancelled order, on the refund's local day, with its order's dimensions.
 * - customer_type: 'new' for a customer's first non-cancelled order (ties broken by id),
 *   'returning' for later ones, 'guest' without a customer.
 * - Line grain: order-level discounts (the order's discount minus its lines' own discounts) and
 *   refunds are split over the order's lines pro rata to line totals, rounding down, with the
 *   remainder on the largest line, so the lines always add up to the order exactly.
 */
import { sql, type RawBuilder } from "kysely";

export interface RawWindow {
  readonly workspaceId: number;
  readonly timeZone: string;
  readonly fromUtc: Date;
  readonly toUtc: Date;
}

function customerType(order: string): RawBuilder<string> {
  const o = sql.raw(order);
  return sql<string>`case
    when ${o}.customer_id is null then 'guest'
    when exists (select 1 from orders p where p.customer_id = ${o}.customer_id and p.status <> 'cancelled'
                 and (p.placed_at < ${o}.placed_at or (p.placed_at = ${o}.placed_at and p.id < ${o}.id))) then 'returning'
    else 'new' end`;
}

function orderDimensions(order: string): RawBuilder<unknown> {
  const o = sql.raw(order);
  return sql`coalesce(${o}.source_channel, '') as source_channel, coalesce(${o}.country, '') as country,
    coalesce(${o}.state, '') as state, coalesce(${o}.city, '') as city, ${customerType(order)} as customer_type,
    ${o}.attributes, ${o}.customer_id, ${o}.id as order_id`;
}

/** Order-grain events in the window, one row per order or refund. */
export function rawOrderFacts(window: RawWindow): RawBuilder<unknown> {
  const { workspaceId, timeZone, fromUtc, toUtc } = window;
  return sql`(
    select (o.placed_at at time zone ${timeZone})::date as day, ${orderDimensions("o")},
      1 as orders, o.subtotal_cents as gross_sales_cents, o.discount_cents as discounts_cents, 0::bigint as refunds_cents,
      o.shipping_cents, o.tax_cents
    from orders o
    where o.workspace_id = ${workspaceId} and o.status <> 'cancelled' and o.placed_at >= ${fromUtc} and o.placed_at < ${toUtc}
    union all
    select (r.refunded_at at time zone ${timeZone})::date as day, ${orderDimensions("o")},
      0, 0::bigint, 0::bigint, r.amount_cents, 0::bigint, 0::bigint
    from refunds r join orders o on o.id = r.order_id
    where r.workspace_id = ${workspaceId} and o.status <> 'cancelled' and r.refunded_at >= ${fromUtc} and r.refunded_at < ${toUtc}
  )`;
}

const LINE_KEYS = sql`coalesce(i.product_id, 0) as product_id, coalesce(i.variant_id, 0) as variant_id, coalesce(i.category, '') as category`;
const FACT_COLUMNS = sql`day, source_channel, country, state, city, customer_type, attributes, customer_id, order_id, product_id, variant_id, category`;

/** Line-grain events in the window, one row per line of an order placed, and per line of an order refunded. */
export function rawLineFacts(window: RawWindow): RawBuilder<unknown> {
  const { workspaceId, timeZone, fromUtc, toUtc } = window;
  return sql`(
    select ${FACT_COLUMNS}, 1 as lines, quantity::bigint as units, gross as gross_sales_cents,
      line_discount + alloc as discounts_cents, 0::bigint as refunds_cents,
      coalesce(cost_cents, 0)::bigint as cost_cents,
      case when cost_cents is null then 0 else gross - line_discount - alloc end::bigint as costed_sales_cents
    from (
      select y.*, y.share + case when y.rn = 1 then y.extra - sum(y.share) over (partition by y.order_id) else 0 end as alloc
      from (
        select (o.placed_at at time zone ${timeZone})::date as day, ${orderDimensions("o")}, ${LINE_KEYS},
          i.quantity, i.quantity::bigint * i.unit_price_cents as gross, i.discount_cents::bigint as line_discount, i.cost_cents,
          o.discount_cents - sum(i.discount_cents) over w as extra,
          coalesce(floor((o.discount_cents - sum(i.discount_cents) over w)::numeric * i.total_cents / nullif(sum(i.total_cents) over w, 0)), 0)::bigint as share,
          row_number() over (w order by i.total_cents desc, i.id) as rn
        from orders o join order_items i on i.order_id = o.id
        where o.workspace_id = ${workspaceId} and o.status <> 'cancelled' and o.placed_at >= ${fromUtc} and o.placed_at < ${toUtc}
        window w as (partition by o.id)
      ) y
    ) x
    union all
    select ${FACT_COLUMNS}, 0, 0::bigint, 0::bigint, 0::bigint,
      (share + case when rn = 1 then amount_cents - sum(share) over (partition by refund_id) else 0 end)::bigint, 0::bigint, 0::bigint
    from (
      select r.id as refund_id, r.amount_cents, (r.refunded_at at time zone ${timeZone})::date as day, ${orderDimensions("o")}, ${LINE_KEYS},
        coalesce(floor(r.amount_cents::numeric * i.total_cents / nullif(sum(i.total_cents) over w, 0)), 0)::bigint as share,
        row_number() over (w order by i.total_cents desc, i.id) as rn
      from refunds r join orders o on o.id = r.order_id join order_items i on i.order_id = o.id
      where r.workspace_id = ${workspaceId} and o.status <> 'cancelled' and r.refunded_at >= ${fromUtc} and r.refunded_at < ${toUtc}
      window w as (partition by r.id)
    ) z
  )`;
}
