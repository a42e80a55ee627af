/**
 * One day of a store's orders, as drafts (no database ids yet). Amounts are integer minor units and
 * always add up: line total = quantity × unit − line discount; subtotal = Σ quantity × unit (before
 * any discount); discount = Σ line discounts + the order coupon; total = subtotal − discount + shipping;
 * tax is the VAT included in the total.
 */
import type { OrderStatus } from "../db/schema/commerce.ts";
import { instantOf, type LocalDay } from "./calendar.ts";
import type { Catalog } from "./catalog.ts";
import type { CustomerBook, NewCustomer } from "./customers.ts";
import { CLEARANCE_PERCENTS, PROMO_PERCENTS, type OrderTables } from "./order-tables.ts";
import type { PlantPlan } from "./planted.ts";
import type { SalesChannel, StoreProfile } from "./profiles.ts";
import type { Rng } from "./random.ts";
import type { DemandPlan } from "./seasonality.ts";

const DAY_MS = 86_400_000;

export interface LineDraft {
  readonly variant: number;
  readonly quantity: number;
  readonly unitCents: number;
  readonly discountCents: number;
  readonly totalCents: number;
  readonly costCents: number;
}

export interface RefundDraft {
  readonly atMs: number;
  readonly amountCents: number;
  readonly reason: string;
}

export interface OrderDraft {
  readonly number: number;
  readonly customer: number;
  readonly placedMs: number;
  readonly status: OrderStatus;
  readonly channel: SalesChannel;
  /** JSON text of the custom dimensions. */
  readonly attributes: string;
  readonly lines: readonly LineDraft[];
  readonly subtotalCents: number;
  readonly discountCents: number;
  readonly shippingCents: number;
  readonly taxCents: number;
  readonly totalCents: number;
  readonly refund: RefundDraft | null;
}

/** Everything a day's generation reads, and the running tallies it updates. */
export interface OrderContext {
  readonly store: StoreProfile;
  readonly tables: OrderTables;
  readonly catalog: Catalog;
  readonly days: readonly LocalDay[];
  readonly demand: DemandPlan;
  readonly book: CustomerBook;
  readonly plant: PlantPlan;
  /** End of the demo range: nothing (refunds included) happens at or after it. */
  readonly endMs: number;
  /** Orders on days before this index were sold at last year's prices. */
  readonly priceUpdateDay: number;
  /** Units sold per variant per day in the stock window: sold[variant × windowDays + day − windowStart]. */
  readonly sold: Int32Array;
  readonly windowStart: number;
  readonly windowDays: number;
  /** Orders per day bought on the website (online store and Instagram), for web analytics. */
  readonly webOrders: Int32Array;
  /** Revenue (non-cancelled totals) per day. */
  readonly revenueCents: Float64Array;
  nextNumber: number;
}

export interface DayOrders {
  readonly orders: OrderDraft[];
  readonly customers: NewCustomer[];
}

export function generateDay(ctx: OrderContext, day: LocalDay, rng: Rng): DayOrders {
  const count = ctx.demand.counts[day.index]!;
  const peak = ctx.demand.peaks[day.index];
  const promo = peak?.promo === true;
  const slots = Array.from({ length: count }, () => {
    const channel = ctx.tables.channel.sample(rng);
    const hour = (channel === "pos" ? ctx.tables.shopHour : ctx.tables.onlineHour).sample(rng);
    return { channel, second: hour * 3600 + rng.int(0, 3599) };
  });
  slots.sort((a, b) => a.second - b.second);
  // Returning customers due today take random slots; everyone else is new.
  const due = ctx.book.takeDue(day.index, count);
  const who = new Array<number>(count).fill(-1);
  for (let i = 0; i < due.length; i++) who[i] = due[i]!;
  rng.shuffle(who);

  const orders: OrderDraft[] = [];
  const customers: NewCustomer[] = [];
  const forceStockoutSale = day.index === ctx.plant.stockoutDay;
  for (let i = 0; i < count; i++) {
    const slot = slots[i]!;
    const placedMs = instantOf(day, slot.second, ctx.store.timezone);
    let customer = who[i]!;
    if (customer < 0) {
      customer = ctx.book.add(rng);
      customers.push({ index: customer, firstOrderMs: placedMs });
    }
    const isNew = ctx.book.recordOrder(customer);
    const order = draftOrder(ctx, day, rng, { channel: slot.channel, placedMs, customer, isNew, promo, forced: forceStockoutSale && i === 0 });
    orders.push(order);
    ctx.book.scheduleReturn(customer, day.index, rng);
    tally(ctx, day, order);
  }
  return { orders, customers };
}

interface Slot {
  channel: SalesChannel;
  placedMs: number;
  customer: number;
  isNew: boolean;
  promo: boolean;
  /** The planted stockout's last sale: carries the product and is never cancelled. */
  forced: boolean;
}

function draftOrder(ctx: OrderContext, day: LocalDay, rng: Rng, slot: Slot): OrderDraft {
  const { store, tables } = ctx;
  const lines = draftLines(ctx, day, rng, slot);
  // Coupons and free shipping apply to the lines after their own discounts.
  const subtotal = lines.reduce((acc, line) => acc + line.totalCents, 0);
  const lineDiscounts = lines.reduce((acc, line) => acc + line.discountCents, 0);

  // Order-level coupons: a welcome code for first orders, stacked codes during sales.
  let couponPercent = 0;
  if (slot.promo && rng.chance(0.35)) couponPercent = 10;
  else if (slot.isNew && slot.channel !== "pos" && slot.channel !== "marketplace" && rng.chance(0.12)) couponPercent = 10;
  else if (rng.chance(0.03)) couponPercent = 15;
  const discount = Math.round((subtotal * couponPercent) / 100);

  let shipping = 0;
  if (slot.channel !== "pos" && slot.channel !== "marketplace") {
    const threshold = slot.promo ? store.freeShippingFromCents / 2 : store.freeShippingFromCents;
    if (subtotal - discount < threshold) shipping = rng.pick(store.shippingCents);
  }
  const total = subtotal - discount + shipping;
  const tax = Math.round((total * store.vatRate) / (1 + store.vatRate));

  const payment = tables.payment[slot.channel].sample(rng);
  const device = tables.device[slot.channel].sample(rng);
  const attributes = `{"device":"${device}","payment_method":"${payment}","customer_type":"${slot.isNew ? "new" : "returning"}"}`;

  let status: OrderStatus = "paid";
  let refund: RefundDraft | null = null;
  const deferred = store.deferredPayments.includes(payment);
  if (slot.forced) status = "paid";
  else if (deferred && ctx.endMs - slot.placedMs < 3 * DAY_MS && rng.chance(0.55)) status = "pending";
  else if (rng.chance(deferred ? 0.05 : 0.004)) status = "cancelled";
  else if (rng.chance(tables.refundRate)) {
    const atMs = slot.placedMs + rng.int(3, 25) * DAY_MS + rng.int(0, 8 * 3600) * 1000;
    // A refund that would land after the end has not happened yet.
    if (atMs < ctx.endMs) {
      const partial = (lines.length > 1 || lines[0]!.quantity > 1) && rng.chance(0.45);
      const amount = partial ? partialRefund(lines, subtotal, discount, total) : total;
      status = partial ? "partially_refunded" : "refunded";
      refund = { atMs, amountCents: amount, reason: tables.refundReason.sample(rng) };
    }
  }
  return {
    number: ctx.nextNumber++,
    customer: slot.customer,
    placedMs: slot.placedMs,
    status,
    channel: slot.channel,
    attributes,
    lines,
    subtotalCents: subtotal + lineDiscounts,
    discountCents: discount + lineDiscounts,
    shippingCents: shipping,
    taxCents: tax,
    totalCents: total,
    refund,
  };
}

function draftLines(ctx: OrderContext, day: LocalDay, rng: Rng, slot: Slot): LineDraft[] {
  const { catalog } = ctx;
  const wanted = Math.min(4, ctx.tables.lines.index(rng) + 1 + (slot.promo && rng.chance(0.25) ? 1 : 0));
  const stockedOut = day.index > ctx.plant.stockoutDay ? ctx.plant.stockoutProduct : -1;
  const chosen: number[] = [];
  if (slot.forced) chosen.push(catalog.products[ctx.plant.stockoutProduct]!.variants[0]!);
  for (let tries = 0; chosen.length < wanted && tries < wanted * 4; tries++) {
    const variant = catalog.picks.sample(rng);
    if (catalog.variants[variant]!.product === stockedOut || chosen.includes(variant)) continue;
    chosen.push(variant);
  }
  const oldPrices = day.index < ctx.priceUpdateDay;
  return chosen.map((index) => {
    const variant = catalog.variants[index]!;
    const quantity = ctx.tables.quantity.sample(rng);
    const unit = oldPrices ? variant.previousPriceCents : variant.priceCents;
    const gross = unit * quantity;
    let percent = 0;
    if (slot.promo && rng.chance(0.5)) percent = rng.pick(PROMO_PERCENTS);
    else if (rng.chance(0.04)) percent = rng.pick(CLEARANCE_PERCENTS);
    const discount = Math.round((gross * percent) / 100);
    return { variant: index, quantity, unitCents: unit, discountCents: discount, totalCents: gross - discount, costCents: variant.costCents * quantity };
  });
}

/** One line (or one unit of a single line) back, net of its share of the coupon; always below the total. */
function partialRefund(lines: readonly LineDraft[], subtotal: number, discount: number, total: number): number {
  const line = lines.length > 1 ? lines[lines.length - 1]! : lines[0]!;
  const gross = lines.length > 1 ? line.totalCents : Math.round(line.totalCents / line.quantity);
  const net = subtotal > 0 ? Math.round(gross * (1 - discount / subtotal)) : 0;
  return net > 0 && net < total ? net : Math.max(1, Math.round(total * 0.4));
}

function tally(ctx: OrderContext, day: LocalDay, order: OrderDraft): void {
  if (order.status === "cancelled") return;
  ctx.revenueCents[day.index] = ctx.revenueCents[day.index]! + order.totalCents;
  if (order.channel === "online_store" || order.channel === "instagram") ctx.webOrders[day.index] = ctx.webOrders[day.index]! + 1;
  const offset = day.index - ctx.windowStart;
  if (offset < 0) return;
  for (const line of order.lines) ctx.sold[line.variant * ctx.windowDays + offset] = ctx.sold[line.variant * ctx.windowDays + offset]! + line.quantity;
}
