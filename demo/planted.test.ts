import { sql, type RawBuilder } from "kysely";
import { expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { describeDatabase } from "../test/database.ts";
import { addDays } from "./calendar.ts";
import { seedDemo, type CompetitorUndercutEvent, type ConversionDropEvent, type DemoManifest, type StockoutEvent, type StoreManifest } from "./index.ts";

const END = "2026-03-15";

async function all<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

function eventsOf(manifest: DemoManifest, slug: string) {
  const events = manifest.planted.filter((e) => e.workspace === slug);
  const drop = events.find((e): e is ConversionDropEvent => e.kind === "conversion_drop");
  const stockout = events.find((e): e is StockoutEvent => e.kind === "stockout");
  const undercut = events.find((e): e is CompetitorUndercutEvent => e.kind === "competitor_undercut");
  const store = manifest.workspaces.find((w): w is StoreManifest => w.slug === slug && w.vertical === "ecommerce");
  if (!drop || !stockout || !undercut || !store) throw new Error(`planted events of ${slug} are missing`);
  return { drop, stockout, undercut, store };
}

describeDatabase("planted demo events", ({ db }) => {
  it("are in the data exactly as the manifest records them", async () => {
    const manifest = await seedDemo(db(), { orders: 5000, seed: 3, end: END });
    expect(manifest.planted.map((e) => `${e.workspace}:${e.kind}`)).toEqual([
      "demo:conversion_drop",
      "demo:stockout",
      "demo:competitor_undercut",
      "demo-br:conversion_drop",
      "demo-br:stockout",
      "demo-br:competitor_undercut",
    ]);
    const settings = await all(db(), sql<{ demo: unknown }>`select settings->'demo' as demo from workspaces where slug = 'demo'`);
    expect(settings[0]!.demo).toEqual({ status: "complete", ...JSON.parse(JSON.stringify(manifest)) });

    for (const slug of ["demo", "demo-br"]) {
      const { drop, stockout, undercut, store } = eventsOf(manifest, slug);
      const ws = store.workspaceId;
      const tz = store.timezone;

      // (a) Conversion drop ~10 days before the end: traffic as usual, far fewer orders.
      expect(drop.date >= addDays(END, -16) && drop.date <= addDays(END, -5)).toBe(true);
      const days = await all(
        db(),
        sql<{ day: string; orders: number; sessions: number; conversions: number }>`
          with o as (select (placed_at at time zone ${tz})::date as day, count(*)::int as n from orders where workspace_id = ${ws} group by 1),
               s as (select date, sum(sessions)::int as sessions, sum(conversions)::int as conversions from web_sessions_daily where workspace_id = ${ws} group by 1)
          select to_char(s.date, 'YYYY-MM-DD') as day, coalesce(o.n, 0) as orders, s.sessions, s.conversions
          from s left join o on o.day = s.date order by s.date`,
      );
      const dropDay = days.find((d) => d.day === drop.date)!;
      expect(dropDay).toEqual({ day: drop.date, orders: drop.orders, sessions: drop.sessions, conversions: drop.conversions });
      expect(drop.orders).toBeLessThanOrEqual(Math.ceil(drop.expectedOrders * 0.5));
      const ratios = days.map((d) => d.orders / d.sessions).sort((a, b) => a - b);
      const medianRatio = ratios[Math.floor(ratios.length / 2)]!;
      expect(dropDay.orders / dropDay.sessions).toBeLessThan(0.6 * medianRatio);
      // Same weekday over the four previous weeks: sessions on the drop day are ordinary.
      const sameWeekday = [7, 14, 21, 28].map((back) => days.find((d) => d.day === addDays(drop.date, -back))!.sessions);
      const usual = sameWeekday.reduce((acc, n) => acc + n, 0) / sameWeekday.length;
      expect(dropDay.sessions / usual).toBeGreaterThan(0.75);
      expect(dropDay.sessions / usual).toBeLessThan(1.35);

      // (b) Stockout of a top-10 product about 6 days before the end.
      expect(stockout.rank).toBeLessThanOrEqual(10);
      expect(stockout.date >= addDays(END, -8) && stockout.date <= addDays(END, -6)).toBe(true);
      const onHand = await all(
        db(),
        sql<{ day: string; on_hand: number }>`
          select to_char(date, 'YYYY-MM-DD') as day, sum(on_hand)::int as on_hand from inventory_snapshots
          where workspace_id = ${ws} and variant_id in (select id from variants where product_id = ${stockout.productId})
          group by date order by date`,
      );
      expect(onHand.filter((d) => d.day >= stockout.date).every((d) => d.on_hand === 0)).toBe(true);
      expect(onHand.find((d) => d.day === addDays(stockout.date, -1))!.on_hand).toBeGreaterThan(0);
      const product = await all(
        db(),
        sql<{ variants: number[]; max_qty: number; later_lines: number; sales_rank: number }>`
          select (select array_agg(id::int order by id) from variants where product_id = ${stockout.productId}) as variants,
                 (select max(inventory_qty) from variants where product_id = ${stockout.productId}) as max_qty,
                 (select count(*)::int from order_items i join orders o on o.id = i.order_id
                    where i.product_id = ${stockout.productId} and (o.placed_at at time zone ${tz})::date > ${stockout.date}::date) as later_lines,
                 (select rank from (select product_id, rank() over (order by sum(quantity) desc)::int as rank
                    from order_items where workspace_id = ${ws} group by product_id) r where product_id = ${stockout.productId}) as sales_rank`,
      );
      expect(product[0]).toMatchObject({ variants: [...stockout.variantIds], max_qty: 0, later_lines: 0 });
      expect(product[0]!.sales_rank).toBeLessThanOrEqual(10);

      // (c) A competitor undercuts a top product by ~15% from ~5 days before the end.
      expect(undercut.date).toBe(addDays(END, -5));
      expect(undercut.competitorPriceCents).toBeLessThan(undercut.ourPriceCents * 0.87);
      expect(undercut.competitorPriceCents).toBeGreaterThan(undercut.ourPriceCents * 0.8);
      expect(undercut.previousCompetitorPriceCents).toBeGreaterThanOrEqual(undercut.ourPriceCents);
      const prices = await all(
        db(),
        sql<{ day: string; price: number; ours: number }>`
          select to_char((c.observed_at at time zone ${tz})::date, 'YYYY-MM-DD') as day, c.price_cents as price, v.price_cents as ours
          from competitor_prices c join variants v on v.id = c.variant_id
          where c.workspace_id = ${ws} and c.product_id = ${undercut.productId} and c.competitor = ${undercut.competitor}
          order by c.observed_at`,
      );
      const after = prices.filter((p) => p.day >= undercut.date);
      expect(after.length).toBe(5);
      expect(after.every((p) => p.price === undercut.competitorPriceCents && p.ours === undercut.ourPriceCents && p.price < p.ours)).toBe(true);
      const before = prices.filter((p) => p.day < undercut.date);
      expect(before.at(-1)!.price).toBe(undercut.previousCompetitorPriceCents);
      expect(before.filter((p) => p.day >= addDays(undercut.date, -30)).every((p) => p.price >= p.ours)).toBe(true);
      expect(undercut.rank).toBeLessThanOrEqual(3);
    }
  });
});
