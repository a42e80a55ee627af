/**
 * Generates and writes a store's orders a calendar month at a time, so memory stays bounded by the
 * busiest month whatever the order count: customers first (orders point at them), then orders in
 * batches, each followed by its lines and refunds (which need the new order ids).
 *
 * Three things overlap: generating the next month, writing customers and orders, and writing the
 * lines and refunds of the previous batch (the heaviest statements: four foreign keys per line). On
 * PostgreSQL the two write lanes take two pool connections and run in parallel; PGlite's single
 * connection takes them in turn. Every table is written by one lane, one statement at a time, in a
 * fixed order, so ids come out the same on every run.
 */
import type { Db } from "../db/database.ts";
import type { Progress } from "../lib/progress.ts";
import type { LocalDay } from "./calendar.ts";
import { DEMO_SOURCE } from "./catalog.ts";
import { insertCustomers, type NewCustomer } from "./customers.ts";
import { BATCH_ROWS, idOf, insertForIds, insertRows, type Row } from "./load.ts";
import { generateDay, type OrderContext, type OrderDraft } from "./orders.ts";
import { rngFor, type Rng } from "./random.ts";
import { ORDER_BULK_COLUMNS, ORDER_ITEM_BULK_COLUMNS, REFUND_BULK_COLUMNS } from "../db/bulk-columns.ts";

/** Order lines per statement: lines are narrow, so a batch of orders' lines fits one insert. */
const LINE_BATCH_ROWS = 12_000;

export async function seedOrders(db: Db, workspaceId: number, ctx: OrderContext, seed: number, progress: Progress): Promise<void> {
  const writer = new OrderWriter(db, workspaceId, ctx, progress);
  let writing: Promise<void> = Promise.resolve();
  for (const month of months(ctx.days)) {
    const orders: OrderDraft[] = [];
    const fresh: NewCustomer[] = [];
    for (const day of month) {
      // One stream per day: a day's orders do not depend on how earlier days were chunked.
      const generated = generateDay(ctx, day, rngFor(seed, ctx.store.slug, "orders", day.index));
      for (const order of generated.orders) orders.push(order);
      for (const customer of generated.customers) fresh.push(customer);
      // Let the writes in flight take their replies and send their next statements.
      await new Promise<void>((resolve) => setImmediate(resolve));
    }
    await writing;
    writing = writer.writeMonth(orders, fresh, rngFor(seed, ctx.store.slug, "customers", month[0]!.index));
    // Awaited on the next turn; until then a failure must not count as unhandled.
    writing.catch(() => undefined);
  }
  await writing;
  await writer.drain();
}

class OrderWriter {
  /** The lines-and-refunds lane: at most one batch in flight. */
  private lines: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly workspaceId: number,
    private readonly ctx: OrderContext,
    private readonly progress: Progress,
  ) {}

  async writeMonth(orders: readonly OrderDraft[], fresh: readonly NewCustomer[], namesRng: Rng): Promise<void> {
    await insertCustomers(this.db, this.workspaceId, this.ctx.store, this.ctx.book, fresh, namesRng);
    for (let start = 0; start < orders.length; start += BATCH_ROWS) {
      const batch = orders.slice(start, start + BATCH_ROWS);
      const ids = await insertOrders(this.db, this.workspaceId, this.ctx, batch);
      // Also where a failed lines write surfaces.
      await this.lines;
      this.lines = insertLines(this.db, this.workspaceId, this.ctx, batch, ids).then(() => this.progress.advance(batch.length));
      this.lines.catch(() => undefined);
    }
  }

  async drain(): Promise<void> {
    await this.lines;
  }
}

function months(days: readonly LocalDay[]): LocalDay[][] {
  const out: LocalDay[][] = [];
  for (const day of days) {
    const last = out[out.length - 1];
    if (last && last[0]!.month === day.month && last[0]!.year === day.year) last.push(day);
    else out.push([day]);
  }
  return out;
}

export function orderExternalId(code: string, number: number): string {
  return `${code}-${100001 + number}`;
}

async function insertOrders(db: Db, workspaceId: number, ctx: OrderContext, batch: readonly OrderDraft[]): Promise<Map<string, number>> {
  const { store, book } = ctx;
  const orderRows: Row[] = batch.map((order) => {
    const place = book.place(order.customer);
    const placedAt = new Date(order.placedMs).toISOString();
    return {
      workspace_id: workspaceId,
      source: DEMO_SOURCE,
      external_id: orderExternalId(store.code, order.number),
      customer_id: book.ids[order.customer],
      placed_at: placedAt,
      status: order.status,
      currency: store.currency,
      subtotal_cents: order.subtotalCents,
      discount_cents: order.discountCents,
      shipping_cents: order.shippingCents,
      tax_cents: order.taxCents,
      total_cents: order.totalCents,
      source_channel: order.channel,
      country: place.country,
      state: place.state,
      city: place.city,
      attributes: order.attributes,
      created_at: placedAt,
    };
  });
  return insertForIds(
    db,
    "orders",
    { ...ORDER_BULK_COLUMNS, created_at: "timestamptz" },
    orderRows,
    ["id", "external_id"],
  );
}

async function insertLines(db: Db, workspaceId: number, ctx: OrderContext, batch: readonly OrderDraft[], ids: ReadonlyMap<string, number>): Promise<void> {
  const { store, catalog } = ctx;
  const lineRows: Row[] = [];
  const refundRows: Row[] = [];
  for (const order of batch) {
    const externalId = orderExternalId(store.code, order.number);
    const orderId = idOf(ids, externalId);
    for (const line of order.lines) {
      const variant = catalog.variants[line.variant]!;
      const product = catalog.products[variant.product]!;
      lineRows.push({
        workspace_id: workspaceId,
        order_id: orderId,
        product_id: product.id,
        variant_id: variant.id,
        sku: variant.sku,
        title: product.title,
        category: product.category,
        quantity: line.quantity,
        unit_price_cents: line.unitCents,
        discount_cents: line.discountCents,
        total_cents: line.totalCents,
        cost_cents: line.costCents,
      });
    }
    if (order.refund) {
      refundRows.push({
        workspace_id: workspaceId,
        order_id: orderId,
        source: DEMO_SOURCE,
        external_id: `${externalId}-R1`,
        refunded_at: new Date(order.refund.atMs).toISOString(),
        amount_cents: order.refund.amountCents,
        reason: order.refund.reason,
      });
    }
  }
  await insertRows(
    db,
    "order_items",
    ORDER_ITEM_BULK_COLUMNS,
    lineRows,
    undefined,
    LINE_BATCH_ROWS,
  );
  await insertRows(
    db,
    "refunds",
    REFUND_BULK_COLUMNS,
    refundRows,
  );
}
