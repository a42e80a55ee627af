/**
 * Seeds one e-commerce workspace: catalog, two years of orders, stock, marketing and competitor
 * prices, with the planted events in place.
 */
import type { Db } from "../db/database.ts";
import type { Progress } from "../lib/progress.ts";
import { addDays, type LocalDay } from "./calendar.ts";
import { seedCatalog } from "./catalog.ts";
import { seedCompetitors } from "./competitors.ts";
import { CustomerBook } from "./customers.ts";
import { placesOf } from "./geo.ts";
import { seedInventory, STOCK_WINDOW_DAYS } from "./inventory.ts";
import type { StoreManifest } from "./manifest.ts";
import { seedMarketing } from "./marketing.ts";
import { seedOrders } from "./order-load.ts";
import { orderTables } from "./order-tables.ts";
import type { OrderContext } from "./orders.ts";
import { DROP_FACTOR, pickDropDay, planEvents, rankOf, type PlantedEvent } from "./planted.ts";
import type { StoreProfile } from "./profiles.ts";
import { rngFor } from "./random.ts";
import { eventCalendar, planDemand } from "./seasonality.ts";

const DAY_MS = 86_400_000;

export interface StoreSeed {
  readonly manifest: StoreManifest;
  readonly planted: readonly PlantedEvent[];
}

export async function seedStore(
  db: Db,
  workspaceId: number,
  store: StoreProfile,
  days: readonly LocalDay[],
  orderCount: number,
  seed: number,
  progress: Progress,
): Promise<StoreSeed> {
  const slug = store.slug;
  const first = days[0]!;
  const last = days[days.length - 1]!;
  progress.start(`${slug} catalog`, null, "products");
  const catalog = await seedCatalog(db, workspaceId, store, new Date(first.startMs - 60 * DAY_MS).toISOString(), rngFor(seed, slug, "catalog"));
  progress.advance(catalog.products.length);
  progress.finish();

  const { effects } = eventCalendar(store.market, days);
  const dropDay = pickDropDay(days, (index) => effects.has(days[index]!.dayNum));
  const demand = planDemand(store.market, days, orderCount, rngFor(seed, slug, "demand"), new Map([[dropDay, DROP_FACTOR]]));
  const plant = planEvents(days, catalog, dropDay, rngFor(seed, slug, "planted"));
  const windowStart = days.length - STOCK_WINDOW_DAYS;
  const ctx: OrderContext = {
    store,
    tables: orderTables(store),
    catalog,
    days,
    demand,
    book: new CustomerBook(orderCount, days.length, placesOf(store.market)),
    plant,
    endMs: last.endMs,
    priceUpdateDay: days.length - 365,
    sold: new Int32Array(catalog.variants.length * STOCK_WINDOW_DAYS),
    windowStart,
    windowDays: STOCK_WINDOW_DAYS,
    webOrders: new Int32Array(days.length),
    revenueCents: new Float64Array(days.length),
    nextNumber: 0,
  };
  progress.start(`${slug} orders`, orderCount, "orders");
  await seedOrders(db, workspaceId, ctx, seed, progress);
  progress.finish();

  progress.start(`${slug} inventory`, catalog.variants.length * STOCK_WINDOW_DAYS, "rows");
  const stock = await seedInventory(
    db,
    workspaceId,
    { catalog, days, sold: ctx.sold, windowStart, stockoutProduct: plant.stockoutProduct, stockoutDay: plant.stockoutDay },
    rngFor(seed, slug, "inventory"),
    (n) => progress.advance(n),
  );
  progress.finish();

  progress.start(`${slug} marketing`, null, "rows");
  const revenue = ctx.revenueCents.reduce((acc, cents) => acc + cents, 0);
  const aovCents = Math.max(1, Math.round(revenue / Math.max(1, orderCount)));
  const marketing = await seedMarketing(db, workspaceId, { store, days, demand, webOrders: ctx.webOrders, aovCents, dropDay }, seed, (n) =>
    progress.advance(n),
  );
  progress.finish();

  progress.start(`${slug} competitors`, null, "rows");
  const undercut = await seedCompetitors(
    db,
    workspaceId,
    { store, catalog, days, demand, plant, priceUpdateDay: ctx.priceUpdateDay },
    rngFor(seed, slug, "competitors"),
    (n) => progress.advance(n),
  );
  progress.finish();

  const stocked = catalog.products[plant.stockoutProduct]!;
  const planted: PlantedEvent[] = [
    {
      kind: "conversion_drop",
      workspace: slug,
      date: days[dropDay]!.date,
      expectedOrders: Math.round(demand.expected[dropDay]!),
      orders: demand.counts[dropDay]!,
      sessions: marketing.dropSessions,
      conversions: marketing.dropConversions,
    },
    {
      kind: "stockout",
      workspace: slug,
      date: days[stock.stockoutDay]!.date,
      productId: stocked.id,
      productExternalId: stocked.externalId,
      title: stocked.title,
      rank: rankOf(catalog, plant.stockoutProduct),
      variantIds: stocked.variants.map((v) => catalog.variants[v]!.id),
    },
    undercut,
  ];
  return {
    manifest: {
      slug,
      name: store.name,
      workspaceId,
      vertical: "ecommerce",
      currency: store.currency,
      timezone: store.timezone,
      start: first.date,
      end: addDays(last.date, 1),
      orders: orderCount,
      customers: ctx.book.count,
      products: catalog.products.length,
      variants: catalog.variants.length,
      campaigns: marketing.campaigns,
      peaks: demand.windows,
      vatRate: store.vatRate,
    },
    planted,
  };
}
