/**
 * A canonical fingerprint of the demo data: one md5 per table over its rows in natural-key order,
 * with database ids replaced by the external ids they point at. Two seeds with the same options give
 * the same fingerprint in any two fresh databases of a dialect; this is how determinism is tested.
 */
import { sql } from "kysely";
import type { Db } from "../db/database.ts";
import { DEMO_SLUGS } from "./profiles.ts";

/** For each table: a SELECT of (key, line) over the demo workspaces (w). */
const TABLES: Readonly<Record<string, string>> = {
  products: `select w.slug || p.external_id as key, concat_ws('|', p.title, p.category, p.vendor, p.status) as line
    from products p join w on w.id = p.workspace_id`,
  variants: `select w.slug || v.external_id as key, concat_ws('|', p.external_id, v.sku, v.title, v.price_cents, v.cost_cents, v.inventory_qty) as line
    from variants v join products p on p.id = v.product_id join w on w.id = v.workspace_id`,
  customers: `select w.slug || c.external_id as key, concat_ws('|', c.name, c.email, c.country, c.state, c.city, extract(epoch from c.first_order_at)) as line
    from customers c join w on w.id = c.workspace_id`,
  orders: `select w.slug || o.external_id as key,
      concat_ws('|', c.external_id, extract(epoch from o.placed_at), o.status, o.currency, o.subtotal_cents, o.discount_cents, o.shipping_cents,
        o.tax_cents, o.total_cents, o.source_channel, o.country, o.state, o.city, o.attributes::text) as line
    from orders o join w on w.id = o.workspace_id left join customers c on c.id = o.customer_id`,
  order_items: `select w.slug || o.external_id || '|' || i.sku as key,
      concat_ws('|', i.title, i.category, i.quantity, i.unit_price_cents, i.discount_cents, i.total_cents, i.cost_cents) as line
    from order_items i join orders o on o.id = i.order_id join w on w.id = i.workspace_id`,
  refunds: `select w.slug || r.external_id as key, concat_ws('|', o.external_id, extract(epoch from r.refunded_at), r.amount_cents, r.reason) as line
    from refunds r join orders o on o.id = r.order_id join w on w.id = r.workspace_id`,
  inventory_snapshots: `select w.slug || v.external_id || s.date as key, s.on_hand::text as line
    from inventory_snapshots s join variants v on v.id = s.variant_id join w on w.id = s.workspace_id`,
  ad_campaigns: `select w.slug || c.platform || c.external_id as key, concat_ws('|', c.name, c.objective, c.status) as line
    from ad_campaigns c join w on w.id = c.workspace_id`,
  ad_spend_daily: `select w.slug || c.external_id || a.date as key,
      concat_ws('|', a.spend_cents, a.impressions, a.clicks, a.conversions, a.conversion_value_cents) as line
    from ad_spend_daily a join ad_campaigns c on c.id = a.campaign_id join w on w.id = a.workspace_id`,
  web_sessions_daily: `select w.slug || s.date || s.source || s.medium as key, concat_ws('|', s.sessions, s.users, s.conversions) as line
    from web_sessions_daily s join w on w.id = s.workspace_id`,
  competitor_prices: `select w.slug || p.external_id || c.competitor || extract(epoch from c.observed_at) as key,
      concat_ws('|', c.url, c.price_cents, c.currency, c.in_stock) as line
    from competitor_prices c join products p on p.id = c.product_id join w on w.id = c.workspace_id`,
  saas_customers: `select c.external_id as key, concat_ws('|', c.name, c.email, c.country, extract(epoch from c.created_at)) as line
    from saas_customers c join w on w.id = c.workspace_id`,
  subscriptions: `select s.external_id as key,
      concat_ws('|', c.external_id, p.external_id, s.status, s.quantity, s.mrr_cents, extract(epoch from s.trial_start), extract(epoch from s.trial_end),
        extract(epoch from s.started_at), extract(epoch from s.canceled_at)) as line
    from subscriptions s join saas_customers c on c.id = s.customer_id join plans p on p.id = s.plan_id join w on w.id = s.workspace_id`,
  subscription_mrr_changes: `select s.external_id || extract(epoch from m.changed_at) as key, concat_ws('|', m.kind, m.from_mrr_cents, m.to_mrr_cents) as line
    from subscription_mrr_changes m join subscriptions s on s.id = m.subscription_id join w on w.id = m.workspace_id`,
  invoices: `select i.external_id as key,
      concat_ws('|', s.external_id, extract(epoch from i.issued_at), extract(epoch from i.period_start), extract(epoch from i.period_end), i.amount_cents, i.status) as line
    from invoices i left join subscriptions s on s.id = i.subscription_id join w on w.id = i.workspace_id`,
};

export interface TableFingerprint {
  readonly rows: number;
  readonly md5: string;
}

export async function demoFingerprint(db: Db): Promise<Record<string, TableFingerprint>> {
  const out: Record<string, TableFingerprint> = {};
  const slugs = sql.join(DEMO_SLUGS.map((slug) => sql.lit(slug)));
  for (const [table, select] of Object.entries(TABLES)) {
    const result = await sql<{ rows: number; md5: string }>`
      with w as (select id, slug from workspaces where slug in (${slugs}))
      select count(*) as rows, md5(coalesce(string_agg(t.key || '=' || t.line, E'\n' order by t.key, t.line), '')) as md5
      from (${sql.raw(select)}) t`.execute(db);
    const row = result.rows[0];
    out[table] = { rows: Number(row?.rows ?? 0), md5: String(row?.md5 ?? "") };
  }
  return out;
}
