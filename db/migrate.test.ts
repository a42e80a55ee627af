import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { describeDatabase } from "../test/database.ts";
import { createWorkspace } from "./repositories/workspaces.ts";
import { migrateDown, migrateToLatest, migrateToZero, migrationStatus } from "./migrate.ts";
import { migrations } from "./migrations/index.ts";

async function publicTables(db: Parameters<typeof migrateToLatest>[0]): Promise<string[]> {
  const result = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = 'public' and tablename not like 'kysely_%' order by tablename`.execute(db);
  return result.rows.map((row) => row.tablename);
}

describe("migration list", () => {
  it("names every migration with a sortable timestamp and gives each an up and a down", () => {
    const names = Object.keys(migrations);
    expect(names).toEqual([...names].sort());
    for (const name of names) {
      expect(name).toMatch(/^\d{14}_[a-z_]+$/);
      expect(typeof migrations[name]!.down).toBe("function");
    }
  });
});

const KEYED_ROLLUPS = [
  "rollup_lines_category_daily",
  "rollup_lines_daily",
  "rollup_lines_product_daily",
  "rollup_orders_channel_daily",
  "rollup_orders_daily",
  "rollup_orders_total_daily",
];

describeDatabase("migrations", ({ db }) => {
  it("are all applied in a test database and migrating again changes nothing", async () => {
    const status = await migrationStatus(db());
    expect(status.every((m) => m.executedAt !== null)).toBe(true);
    expect(await migrateToLatest(db())).toEqual([]);
  });

  it("go down to nothing and back up to the same schema", async () => {
    const before = await publicTables(db());
    expect(before).toContain("orders");
    expect(before).toContain("memory_embeddings");
    await migrateToZero(db());
    expect(await publicTables(db())).toEqual([]);
    await migrateToLatest(db());
    expect(await publicTables(db())).toEqual(before);
  });

  it("step down one at a time, removing what each one created", async () => {
    const names = Object.keys(migrations);
    const indexes = async () => (await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = 'public'`.execute(db())).rows.map((row) => row.indexname);
    const pending = async () => (await migrationStatus(db())).filter((m) => m.executedAt === null).map((m) => m.name);
    // The newest migrations, newest first, and what stepping each one down must remove (the rest stays).
    const providerCheck = async () =>
      (await sql<{ definition: string }>`select pg_get_constraintdef(oid) as definition from pg_constraint where conname = 'connectors_provider'`.execute(db())).rows[0]?.definition ?? "";
    const { id: workspace } = await createWorkspace(db(), { name: "Feed", slug: "feed-step", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    await sql`insert into connectors (workspace_id, provider, account) values (${workspace}, 'competitor_feed', 'prices.example.com'), (${workspace}, 'shopify', 'feed-step.myshopify.com')`.execute(db());
    const steps: { name: string; check: () => Promise<void> }[] = [
      {
        name: "20261130090000_memory_facts",
        check: async () => {
          expect(await publicTables(db())).not.toContain("memory_facts");
          expect(await indexes()).toContain("memory_embeddings_source");
        },
      },
      {
        name: "20261129120000_memory_sources",
        check: async () => {
          expect(await indexes()).not.toContain("memory_embeddings_source");
          expect(await indexes()).toContain("memory_embeddings_hnsw");
        },
      },
      {
        name: "20261129090000_memory_fts_unaccent",
        check: async () => {
          // Back to the accent-keeping column, its GIN index rebuilt.
          const generated = await sql<{ expression: string }>`
            select pg_get_expr(d.adbin, d.adrelid) as expression from pg_attrdef d
            join pg_attribute a on a.attrelid = d.adrelid and a.attnum = d.adnum
            where d.adrelid = 'memory_embeddings'::regclass and a.attname = 'content_tsv'`.execute(db());
          expect(generated.rows[0]?.expression).not.toContain("translate");
          expect(await indexes()).toContain("memory_embeddings_fts");
        },
      },
      {
        name: "20261128090000_competitor_feed_connectors",
        check: async () => {
          // The feed's connector is removed with its provider; the store's stays.
          expect(await providerCheck()).not.toContain("competitor_feed");
          expect(await providerCheck()).toContain("'csv'");
          const left = await sql<{ provider: string }>`select provider from connectors where workspace_id = ${workspace}`.execute(db());
          expect(left.rows.map((row) => row.provider)).toEqual(["shopify"]);
          await expect(sql`insert into connectors (workspace_id, provider, account) values (${workspace}, 'competitor_feed', 'again')`.execute(db())).rejects.toThrow(/connectors_provider/);
        },
      },
      {
        name: "20261127090000_insights",
        check: async () => {
          for (const table of ["job_runs", "member_preferences", "insight_notifications", "insight_feedback"]) expect(await publicTables(db())).not.toContain(table);
          expect(await indexes()).not.toContain("insights_open");
          expect(await publicTables(db())).toContain("pricing_rules");
        },
      },
      {
        name: "20261126090000_pricing",
        check: async () => {
          expect(await publicTables(db())).not.toContain("pricing_rules");
          expect(await indexes()).not.toContain("competitor_prices_observation");
          expect(await publicTables(db())).toContain("inbound_events");
        },
      },
      {
        name: "20261125090000_channels",
        check: async () => {
          expect(await publicTables(db())).not.toContain("inbound_events");
          expect(await indexes()).toContain("competitor_prices_workspace_time");
        },
      },
      {
        name: "20261124090300_competitor_price_indexes",
        check: async () => {
          expect(await indexes()).not.toContain("competitor_prices_workspace_time");
          expect(await indexes()).toContain("inventory_snapshots_workspace_date");
        },
      },
      {
        name: "20261124090200_inventory_snapshot_dates",
        check: async () => {
          expect(await indexes()).not.toContain("inventory_snapshots_workspace_date");
          expect(await publicTables(db())).toContain("derived_results");
        },
      },
      {
        name: "20261124090000_derived_results",
        check: async () => {
          const tables = await publicTables(db());
          expect(tables).not.toContain("derived_results");
          expect(tables).not.toContain("derived_generations");
          expect(tables).toContain("rollup_lines_variant_all_daily");
        },
      },
      {
        name: "20261123090000_rollups_all_customers",
        check: async () => {
          const tables = await publicTables(db());
          expect(tables).toContain("order_items");
          expect(tables.filter((table) => table.startsWith("rollup_")).sort()).toEqual(KEYED_ROLLUPS);
        },
      },
    ];
    expect(names.slice(-steps.length).reverse()).toEqual(steps.map((step) => step.name));
    for (const [index, step] of steps.entries()) {
      await migrateDown(db());
      expect(await pending()).toEqual(names.slice(names.length - index - 1));
      await step.check();
    }
    await migrateToLatest(db());
    expect((await publicTables(db())).filter((table) => table.startsWith("rollup_")).sort()).toEqual(
      [...KEYED_ROLLUPS, "rollup_lines_product_all_daily", "rollup_lines_variant_all_daily", "rollup_orders_geo_all_daily"].sort(),
    );
    expect(await publicTables(db())).toContain("derived_results");
    expect(await indexes()).toContain("competitor_prices_workspace_time");
    expect(await providerCheck()).toContain("'competitor_feed'");
  });

  it("step down the metric rollups migration, removing its tables and its index on orders", async () => {
    const names = Object.keys(migrations);
    const rollupsAt = names.indexOf("20261122090000_metric_rollups");
    for (let step = names.length - 1; step >= rollupsAt; step--) await migrateDown(db());
    const status = await migrationStatus(db());
    expect(status.filter((m) => m.executedAt === null).map((m) => m.name)).toEqual(names.slice(rollupsAt));
    const tables = await publicTables(db());
    expect(tables).toContain("order_items");
    expect(tables.filter((table) => table.startsWith("rollup_"))).toEqual([]);
    const indexes = await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = 'public'`.execute(db());
    const indexNames = indexes.rows.map((row) => row.indexname);
    expect(indexNames).not.toContain("orders_customer_first");
    expect(indexNames).toContain("order_items_variant");
    await migrateToLatest(db());
    const again = await sql<{ indexname: string }>`select indexname from pg_indexes where schemaname = 'public'`.execute(db());
    expect(again.rows.map((row) => row.indexname)).toContain("orders_customer_first");
  });

  it("give every table but workspaces a workspace_id that references its workspace (two channel exceptions, named)", async () => {
    // Before identity is resolved there is no workspace: inbound_events dedupes provider events by
    // channel, and the outbox may hold the one polite reply to an unknown sender (workspace_id null).
    const preTenant: Record<string, string> = { inbound_events: "keyed by channel and event id", outbox: "workspace_id null only for unknown senders" };
    const result = await sql<{ table_name: string; has_ws: boolean }>`
      select t.table_name,
             exists (select 1 from information_schema.columns c
                     where c.table_schema = 'public' and c.table_name = t.table_name and c.column_name = 'workspace_id'
                       and c.is_nullable = 'NO') as has_ws
      from information_schema.tables t
      where t.table_schema = 'public' and t.table_type = 'BASE TABLE' and t.table_name not like 'kysely_%'`.execute(db());
    const missing = result.rows.filter((row) => row.table_name !== "workspaces" && !row.has_ws).map((row) => row.table_name);
    expect(result.rows.length).toBeGreaterThan(25);
    expect(missing.sort()).toEqual(Object.keys(preTenant).sort());
  });
});
