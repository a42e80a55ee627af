import { sql, type RawBuilder } from "kysely";
import { expect, it } from "vitest";
import type { Db } from "../db/database.ts";
import { describeDatabase } from "../test/database.ts";
import { seedDemo, type DemoManifest, type StoreManifest } from "./index.ts";

// Two full Buen Fin and Black Friday seasons (2025 and 2026) fall inside this range.
const END = "2026-12-10";

function store(manifest: DemoManifest, slug: string): StoreManifest {
  const found = manifest.workspaces.find((w) => w.slug === slug);
  if (!found || found.vertical !== "ecommerce") throw new Error(`no store ${slug} in the manifest`);
  return found;
}

async function all<T>(db: Db, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows;
}

async function one<T>(db: Db, query: RawBuilder<T>): Promise<T> {
  const [row] = await all(db, query);
  if (!row) throw new Error("query returned no row");
  return row;
}

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Orders per local day over the whole range, days without orders included. */
async function dailyOrders(db: Db, s: StoreManifest): Promise<Map<string, number>> {
  const rows = await all(
    db,
    sql<{ day: string; n: number }>`
      with o as (select (placed_at at time zone ${s.timezone})::date as day, count(*)::int as n
                 from orders where workspace_id = ${s.workspaceId} group by 1)
      select to_char(d, 'YYYY-MM-DD') as day, coalesce(o.n, 0) as n
      from generate_series(${s.start}::date, ${s.end}::date - 1, interval '1 day') as d
      left join o on o.day = d::date
      order by d`,
  );
  return new Map(rows.map((r) => [r.day, Number(r.n)]));
}

describeDatabase("demo stores are realistic", ({ db }) => {
  it("have seasonal peaks, repeat customers, refunds, plausible marketing and consistent amounts", async () => {
    const manifest = await seedDemo(db(), { orders: 6000, seed: 11, end: END });
    const mx = store(manifest, "demo");
    const br = store(manifest, "demo-br");
    expect(mx.orders).toBe(6000);
    expect(br.orders).toBe(1500);

    // Local peaks, computed per year: Buen Fin is Friday–Monday ending on the third Monday of November.
    expect(mx.peaks.filter((p) => p.key === "buen_fin").map((p) => [p.start, p.end])).toEqual([
      ["2025-11-14", "2025-11-17"],
      ["2026-11-13", "2026-11-16"],
    ]);
    expect(mx.peaks.filter((p) => p.key === "hot_sale").map((p) => p.start)).toEqual(["2025-05-26", "2026-05-25"]);
    expect(br.peaks.filter((p) => p.key === "dia_das_maes").map((p) => p.end)).toEqual(["2025-05-11", "2026-05-10"]);

    const mxDaily = await dailyOrders(db(), mx);
    const mxMedian = median([...mxDaily.values()]);
    for (const day of ["2025-11-14", "2025-11-15", "2025-11-16", "2025-11-17", "2026-11-13", "2026-11-14", "2026-11-15", "2026-11-16", "2025-11-28", "2026-11-27"]) {
      expect(mxDaily.get(day), `Moda Norte on ${day}`).toBeGreaterThanOrEqual(2 * mxMedian);
    }
    const brDaily = await dailyOrders(db(), br);
    const brMedian = median([...brDaily.values()]);
    for (const day of ["2025-11-28", "2026-11-27"]) {
      expect(brDaily.get(day), `Flor de Ipê on Black Friday ${day}`).toBeGreaterThanOrEqual(2 * brMedian);
      expect(brDaily.get(day)).toBe(Math.max(...[...brDaily.entries()].filter(([d]) => d.slice(0, 4) === day.slice(0, 4)).map(([, n]) => n)));
    }

    for (const s of [mx, br]) {
      const label = s.slug;
      // November and December earn more per day than the average day.
      const season = await one(
        db(),
        sql<{ share: number }>`
          select (sum(total_cents) filter (where extract(month from placed_at at time zone ${s.timezone}) in (11, 12))::float8
                  / nullif(sum(total_cents), 0))
                 / (count(distinct (placed_at at time zone ${s.timezone})::date) filter (where extract(month from placed_at at time zone ${s.timezone}) in (11, 12))::float8
                  / count(distinct (placed_at at time zone ${s.timezone})::date)) as share
          from orders where workspace_id = ${s.workspaceId} and status <> 'cancelled'`,
      );
      expect(season.share, label).toBeGreaterThan(1.15);

      const customers = await one(
        db(),
        sql<{ repeat: number; customers: number; wrong_first: number; orphans: number }>`
          select avg((n >= 2)::int)::float8 as repeat, count(*)::int as customers,
                 (select count(*)::int from customers c where c.workspace_id = ${s.workspaceId}
                    and c.first_order_at is distinct from (select min(placed_at) from orders o where o.customer_id = c.id)) as wrong_first,
                 (select count(*)::int from orders where workspace_id = ${s.workspaceId} and customer_id is null) as orphans
          from (select count(*) as n from orders where workspace_id = ${s.workspaceId} group by customer_id) x`,
      );
      expect(customers.repeat, label).toBeGreaterThanOrEqual(0.2);
      expect(customers.repeat, label).toBeLessThanOrEqual(0.4);
      expect(customers.customers).toBe(s.customers);
      expect(customers.wrong_first).toBe(0);
      expect(customers.orphans).toBe(0);

      const statuses = await one(
        db(),
        sql<{ refund_rate: number; cancel_rate: number; bad_refunds: number; refunds: number; refunded: number }>`
          select (count(*) filter (where status in ('refunded', 'partially_refunded')))::float8 / count(*) filter (where status <> 'cancelled') as refund_rate,
                 (count(*) filter (where status = 'cancelled'))::float8 / count(*) as cancel_rate,
                 count(*) filter (where status in ('refunded', 'partially_refunded'))::int as refunded,
                 (select count(*)::int from refunds where workspace_id = ${s.workspaceId}) as refunds,
                 (select count(*)::int from refunds r join orders o on o.id = r.order_id where r.workspace_id = ${s.workspaceId} and not (
                    r.refunded_at > o.placed_at and r.refunded_at < ${s.end}::timestamp at time zone ${s.timezone}
                    and ((o.status = 'refunded' and r.amount_cents = o.total_cents)
                      or (o.status = 'partially_refunded' and r.amount_cents > 0 and r.amount_cents < o.total_cents)))) as bad_refunds
          from orders where workspace_id = ${s.workspaceId}`,
      );
      expect(statuses.refund_rate, label).toBeGreaterThanOrEqual(0.02);
      expect(statuses.refund_rate, label).toBeLessThanOrEqual(0.08);
      expect(statuses.cancel_rate, label).toBeGreaterThan(0.003);
      expect(statuses.cancel_rate, label).toBeLessThan(0.03);
      expect(statuses.refunds).toBe(statuses.refunded);
      expect(statuses.bad_refunds).toBe(0);

      // Amounts add up, in integer minor units.
      const math = await one(
        db(),
        sql<{ bad_total: number; bad_subtotal: number; bad_lines: number; bad_cost: number; bad_tax: number; lines_per_order: number }>`
          select
            (select count(*)::int from orders where workspace_id = ${s.workspaceId} and total_cents <> subtotal_cents - discount_cents + shipping_cents) as bad_total,
            (select count(*)::int from orders o where o.workspace_id = ${s.workspaceId}
               and (o.subtotal_cents <> (select sum(i.quantity * i.unit_price_cents) from order_items i where i.order_id = o.id)
                    or o.discount_cents < (select sum(i.discount_cents) from order_items i where i.order_id = o.id))) as bad_subtotal,
            (select count(*)::int from order_items where workspace_id = ${s.workspaceId}
               and (total_cents <> quantity * unit_price_cents - discount_cents or quantity < 1 or discount_cents < 0)) as bad_lines,
            (select count(*)::int from order_items i join variants v on v.id = i.variant_id
               where i.workspace_id = ${s.workspaceId} and i.cost_cents <> i.quantity * v.cost_cents) as bad_cost,
            (select count(*)::int from orders where workspace_id = ${s.workspaceId}
               and abs(tax_cents - round(total_cents * ${s.vatRate}::numeric / (1 + ${s.vatRate}::numeric))) > 1) as bad_tax,
            (select count(*)::float8 from order_items where workspace_id = ${s.workspaceId})
              / (select count(*) from orders where workspace_id = ${s.workspaceId}) as lines_per_order`,
      );
      expect(math).toMatchObject({ bad_total: 0, bad_subtotal: 0, bad_lines: 0, bad_cost: 0, bad_tax: 0 });
      expect(math.lines_per_order).toBeGreaterThan(1.3);
      expect(math.lines_per_order).toBeLessThan(2.5);

      const catalog = await one(
        db(),
        sql<{ products: number; min_variants: number; max_variants: number; bad_cost: number }>`
          select count(distinct p.id)::int as products, min(n)::int as min_variants, max(n)::int as max_variants,
                 (select count(*)::int from variants where workspace_id = ${s.workspaceId}
                    and (cost_cents < price_cents * 0.34 or cost_cents > price_cents * 0.61 or price_cents <= 0)) as bad_cost
          from products p join (select product_id, count(*) as n from variants group by product_id) v on v.product_id = p.id
          where p.workspace_id = ${s.workspaceId}`,
      );
      expect(catalog.products, label).toBeGreaterThanOrEqual(200);
      expect([catalog.min_variants, catalog.max_variants]).toEqual([1, 5]);
      expect(catalog.bad_cost).toBe(0);

      // Platform-reported ROAS per platform, and revenue over all ad spend (blended).
      const platforms = await all(
        db(),
        sql<{ platform: string; roas: number; campaigns: number; paused: number }>`
          select c.platform, sum(a.conversion_value_cents)::float8 / sum(a.spend_cents) as roas,
                 count(distinct c.id)::int as campaigns, count(distinct c.id) filter (where c.status = 'paused')::int as paused
          from ad_campaigns c join ad_spend_daily a on a.campaign_id = c.id
          where c.workspace_id = ${s.workspaceId} group by c.platform order by c.platform`,
      );
      expect(platforms.map((p) => p.platform)).toEqual(["google", "meta"]);
      for (const p of platforms) {
        expect(p.roas, `${label} ${p.platform}`).toBeGreaterThanOrEqual(1.5);
        expect(p.roas, `${label} ${p.platform}`).toBeLessThanOrEqual(6);
      }
      const campaigns = platforms.reduce((acc, p) => acc + p.campaigns, 0);
      expect(campaigns).toBeGreaterThanOrEqual(5);
      expect(campaigns).toBeLessThanOrEqual(8);
      expect(platforms.reduce((acc, p) => acc + p.paused, 0)).toBeGreaterThan(0);
      const blended = await one(
        db(),
        sql<{ roas: number }>`
          select (select sum(total_cents) from orders where workspace_id = ${s.workspaceId} and status <> 'cancelled')::float8
               / (select sum(spend_cents) from ad_spend_daily where workspace_id = ${s.workspaceId}) as roas`,
      );
      expect(blended.roas, label).toBeGreaterThan(3);
      expect(blended.roas, label).toBeLessThan(20);

      // Web analytics: conversions are the day's web orders; the site converts 1–3% of sessions.
      const web = await one(
        db(),
        sql<{ rate: number; mismatched_days: number; sources: number }>`
          with s as (select date, sum(sessions) as sessions, sum(conversions) as conversions from web_sessions_daily
                     where workspace_id = ${s.workspaceId} group by date),
               o as (select (placed_at at time zone ${s.timezone})::date as date, count(*) as n from orders
                     where workspace_id = ${s.workspaceId} and status <> 'cancelled' and source_channel in ('online_store', 'instagram') group by 1)
          select sum(s.conversions)::float8 / sum(s.sessions) as rate,
                 count(*) filter (where s.conversions <> coalesce(o.n, 0))::int as mismatched_days,
                 (select count(distinct source || '/' || medium)::int from web_sessions_daily where workspace_id = ${s.workspaceId}) as sources
          from s left join o on o.date = s.date`,
      );
      expect(web.rate, label).toBeGreaterThan(0.01);
      expect(web.rate, label).toBeLessThan(0.03);
      expect(web.mismatched_days).toBe(0);
      expect(web.sources).toBe(6);

      // Where and how people buy.
      const mix = await one(
        db(),
        sql<{ top_state: string; countries: number; channels: number; night_share: number; bad_attributes: number; out_of_range: number }>`
          select (select state from orders where workspace_id = ${s.workspaceId} group by state order by count(*) desc limit 1) as top_state,
                 count(distinct country)::int as countries, count(distinct source_channel)::int as channels,
                 avg((extract(hour from placed_at at time zone ${s.timezone}) < 7)::int)::float8 as night_share,
                 count(*) filter (where not (attributes ? 'device' and attributes ? 'payment_method'))::int as bad_attributes,
                 count(*) filter (where placed_at < ${s.start}::timestamp at time zone ${s.timezone}
                                     or placed_at >= ${s.end}::timestamp at time zone ${s.timezone})::int as out_of_range
          from orders where workspace_id = ${s.workspaceId}`,
      );
      expect(mix).toMatchObject({ countries: 1, channels: 5, bad_attributes: 0, out_of_range: 0 });
      expect(mix.night_share).toBeLessThan(0.1);
      expect(mix.top_state).toBe(s.slug === "demo" ? "Estado de México" : "São Paulo");

      const stock = await one(
        db(),
        sql<{ days: number; negative: number; stale_qty: number; tracked: number; min_rivals: number; max_rivals: number }>`
          select (select count(distinct date)::int from inventory_snapshots where workspace_id = ${s.workspaceId}) as days,
                 (select count(*)::int from inventory_snapshots where workspace_id = ${s.workspaceId} and on_hand < 0) as negative,
                 (select count(*)::int from variants v left join inventory_snapshots i
                    on i.workspace_id = v.workspace_id and i.variant_id = v.id and i.date = ${s.end}::date - 1
                    where v.workspace_id = ${s.workspaceId} and v.inventory_qty is distinct from i.on_hand) as stale_qty,
                 count(distinct product_id)::int as tracked, min(rivals)::int as min_rivals, max(rivals)::int as max_rivals
          from (select product_id, count(distinct competitor) as rivals from competitor_prices where workspace_id = ${s.workspaceId} group by product_id) c`,
      );
      expect(stock).toEqual({ days: 120, negative: 0, stale_qty: 0, tracked: 30, min_rivals: 2, max_rivals: 3 });
    }

    const payments = await all(
      db(),
      sql<{ method: string }>`select distinct attributes->>'payment_method' as method from orders where workspace_id = ${br.workspaceId} order by 1`,
    );
    expect(payments.map((p) => p.method)).toEqual(["boleto", "cartao", "dinheiro", "pix"]);
  });

  it("has a SaaS whose MRR on any date is the sum of its changes, with trials, churn and expansions", async () => {
    const manifest = await seedDemo(db(), { orders: 100, seed: 11, end: END });
    const saas = manifest.workspaces.find((w) => w.slug === "demo-saas");
    if (!saas || saas.vertical !== "saas") throw new Error("no SaaS in the manifest");
    const ws = saas.workspaceId;
    expect(saas.customers).toBe(3000);

    const plans = await all(db(), sql<{ name: string; interval: string }>`select name, interval from plans where workspace_id = ${ws} order by price_cents`);
    expect(plans.filter((p) => p.interval === "month").map((p) => p.name)).toEqual(["Starter", "Growth", "Scale"]);
    expect(plans.filter((p) => p.interval === "year")).toHaveLength(3);

    // Each change starts where the previous one ended, kinds match their direction, and the
    // subscription's MRR is where the chain ends.
    const chain = await one(
      db(),
      sql<{ broken: number; wrong_kind: number; wrong_mrr: number; kinds: string[] }>`
        with c as (select m.*, lag(to_mrr_cents, 1, 0::bigint) over (partition by subscription_id order by changed_at, id) as previous
                   from subscription_mrr_changes m where workspace_id = ${ws})
        select count(*) filter (where from_mrr_cents <> previous)::int as broken,
               count(*) filter (where not case kind
                 when 'new' then from_mrr_cents = 0 and to_mrr_cents > 0
                 when 'reactivation' then from_mrr_cents = 0 and to_mrr_cents > 0
                 when 'churn' then from_mrr_cents > 0 and to_mrr_cents = 0
                 when 'expansion' then to_mrr_cents > from_mrr_cents and from_mrr_cents > 0
                 when 'contraction' then to_mrr_cents < from_mrr_cents and to_mrr_cents > 0 end)::int as wrong_kind,
               (select count(*)::int from subscriptions s
                  left join (select subscription_id, sum(to_mrr_cents - from_mrr_cents) as mrr from subscription_mrr_changes
                             where workspace_id = ${ws} group by subscription_id) m on m.subscription_id = s.id
                  where s.workspace_id = ${ws} and s.mrr_cents <> coalesce(m.mrr, 0)) as wrong_mrr,
               array_agg(distinct kind order by kind) as kinds
        from c`,
    );
    expect(chain).toEqual({ broken: 0, wrong_kind: 0, wrong_mrr: 0, kinds: ["churn", "contraction", "expansion", "new", "reactivation"] });

    const statuses = await one(
      db(),
      sql<{ inconsistent: number; paying: number; mrr: number; trial_conversion: number }>`
        select count(*) filter (where not case status
                 when 'canceled' then mrr_cents = 0 and canceled_at is not null
                 when 'trialing' then mrr_cents = 0 and trial_end >= ${END}::timestamp at time zone 'America/New_York'
                 else mrr_cents > 0 and canceled_at is null end)::int as inconsistent,
               count(*) filter (where status in ('active', 'past_due'))::int as paying,
               sum(mrr_cents) filter (where status in ('active', 'past_due'))::float8 as mrr,
               (count(*) filter (where trial_end < ${END}::timestamp at time zone 'America/New_York' and n.subscription_id is not null))::float8
                 / count(*) filter (where trial_end < ${END}::timestamp at time zone 'America/New_York') as trial_conversion
        from subscriptions s
        left join (select distinct subscription_id from subscription_mrr_changes where workspace_id = ${ws} and kind = 'new') n on n.subscription_id = s.id
        where workspace_id = ${ws}`,
    );
    expect(statuses.inconsistent).toBe(0);
    expect(statuses.paying).toBe(saas.activeSubscriptions);
    expect(statuses.mrr).toBe(saas.mrrCents);
    expect(statuses.trial_conversion).toBeGreaterThan(0.32);
    expect(statuses.trial_conversion).toBeLessThan(0.48);

    // Monthly logo churn over the last year: churned in the month / paying at its start.
    const churn = await one(
      db(),
      sql<{ rate: number }>`
        with months as (select generate_series(date_trunc('month', ${END}::date - interval '12 months'), date_trunc('month', ${END}::date) - interval '1 month', interval '1 month') as m),
             paying as (select m, (select count(*) from (
                          select distinct on (subscription_id) to_mrr_cents from subscription_mrr_changes
                          where workspace_id = ${ws} and changed_at < m order by subscription_id, changed_at desc, id desc) last
                        where to_mrr_cents > 0) as n from months),
             churned as (select m, (select count(*) from subscription_mrr_changes where workspace_id = ${ws} and kind = 'churn'
                          and changed_at >= m and changed_at < m + interval '1 month') as n from months)
        select avg(churned.n::float8 / paying.n) as rate from paying join churned using (m)`,
    );
    expect(churn.rate).toBeGreaterThan(0.02);
    expect(churn.rate).toBeLessThan(0.04);

    const invoices = await one(
      db(),
      sql<{ bad: number; uninvoiced: number; statuses: string[] }>`
        select count(*) filter (where amount_cents <= 0 or period_end <= period_start or issued_at >= ${END}::timestamp at time zone 'America/New_York')::int as bad,
               (select count(*)::int from subscriptions s
                  left join (select distinct subscription_id from invoices where workspace_id = ${ws}) i on i.subscription_id = s.id
                  where s.workspace_id = ${ws} and s.status in ('active', 'past_due') and i.subscription_id is null) as uninvoiced,
               array_agg(distinct status order by status) as statuses
        from invoices where workspace_id = ${ws}`,
    );
    expect(invoices).toEqual({ bad: 0, uninvoiced: 0, statuses: ["open", "paid", "uncollectible"] });
  });
});
