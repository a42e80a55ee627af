/**
 * The names in a workspace's data that people use in questions: products and SKUs, categories,
 * campaigns and platforms, channels, places, competitors and custom attributes. Read from the
 * catalog and the (small) rollup tables, never by scanning every order.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../database.ts";

export interface LexiconRows {
  readonly products: { id: number; title: string; category: string | null; skus: string[] }[];
  readonly campaigns: { id: number; name: string; platform: string }[];
  readonly channels: string[];
  readonly countries: string[];
  readonly states: string[];
  readonly cities: string[];
  readonly competitors: string[];
  readonly attributes: Record<string, string[]>;
  readonly has: { orders: boolean; subscriptions: boolean; ads: boolean; web: boolean; inventory: boolean; competitors: boolean };
}

const ATTRIBUTE_SAMPLE = 2000;
const VALUES_PER_ATTRIBUTE = 50;

async function distinctText(db: DbOrTrx, query: ReturnType<typeof sql<{ value: string }>>): Promise<string[]> {
  const result = await query.execute(db);
  return result.rows.map((row) => row.value).filter((value) => value !== "");
}

/** Which kinds of data the workspace has, in one round trip. */
async function dataPresence(db: DbOrTrx, workspaceId: number): Promise<Omit<LexiconRows["has"], "competitors">> {
  const present = (table: string) => sql<boolean>`exists (select 1 from ${sql.table(table)} where workspace_id = ${workspaceId})`;
  const result = await sql<Omit<LexiconRows["has"], "competitors">>`
    select ${present("orders")} as orders, ${present("subscriptions")} as subscriptions, ${present("ad_spend_daily")} as ads,
           ${present("web_sessions_daily")} as web, ${present("inventory_snapshots")} as inventory`.execute(db);
  const row = result.rows[0];
  return { orders: row?.orders === true, subscriptions: row?.subscriptions === true, ads: row?.ads === true, web: row?.web === true, inventory: row?.inventory === true };
}

export async function loadLexiconRows(db: DbOrTrx, workspaceId: number): Promise<LexiconRows> {
  const products = await db
    .selectFrom("products as p")
    .leftJoin("variants as v", (join) => join.onRef("v.product_id", "=", "p.id").on("v.workspace_id", "=", workspaceId))
    .where("p.workspace_id", "=", workspaceId)
    .select(["p.id", "p.title", "p.category", sql<string[]>`coalesce(array_agg(v.sku order by v.id) filter (where v.sku is not null), '{}')`.as("skus")])
    .groupBy(["p.id", "p.title", "p.category"])
    .orderBy("p.id")
    .execute();
  const campaigns = await db.selectFrom("ad_campaigns").where("workspace_id", "=", workspaceId).select(["id", "name", "platform"]).orderBy("id").execute();
  const channels = await distinctText(db, sql<{ value: string }>`select distinct source_channel as value from rollup_orders_channel_daily where workspace_id = ${workspaceId} order by 1`);
  const countries = await distinctText(db, sql<{ value: string }>`select distinct country as value from rollup_orders_channel_daily where workspace_id = ${workspaceId} order by 1`);
  const states = await distinctText(db, sql<{ value: string }>`select distinct state as value from rollup_orders_geo_all_daily where workspace_id = ${workspaceId} order by 1`);
  const cities = await distinctText(db, sql<{ value: string }>`select distinct city as value from rollup_orders_geo_all_daily where workspace_id = ${workspaceId} order by 1`);
  const competitors = await distinctText(db, sql<{ value: string }>`select distinct competitor as value from competitor_prices where workspace_id = ${workspaceId} order by 1`);
  const attributeRows = await sql<{ key: string; value: string }>`
    select distinct a.key, a.value
    from (select attributes from orders where workspace_id = ${workspaceId} order by id desc limit ${ATTRIBUTE_SAMPLE}) o,
         jsonb_each_text(o.attributes) a
    order by 1, 2`.execute(db);
  const attributes: Record<string, string[]> = {};
  for (const row of attributeRows.rows) {
    const values = (attributes[row.key] ??= []);
    if (values.length < VALUES_PER_ATTRIBUTE) values.push(row.value);
  }
  return {
    products: products.map((row) => ({ id: row.id, title: row.title, category: row.category, skus: row.skus })),
    campaigns: campaigns.map((row) => ({ id: row.id, name: row.name, platform: row.platform })),
    channels,
    countries,
    states,
    cities,
    competitors,
    attributes,
    has: { ...(await dataPresence(db, workspaceId)), competitors: competitors.length > 0 },
  };
}
