import { sql } from "kysely";
import { expect, it } from "vitest";
import { importCsv } from "../../../connectors/csv/index.ts";
import { scratchFile } from "../../../connectors/csv/test-support.ts";
import type { Db } from "../../../db/database.ts";
import { createWorkspace, findWorkspaceBySlug } from "../../../db/repositories/workspaces.ts";
import type { Workspace } from "../../../db/schema/core.ts";
import { seedDemo } from "../../../demo/index.ts";
import { fixedClock } from "../../../lib/clock.ts";
import { addDays } from "../../../lib/calendar-date.ts";
import { describeDatabase } from "../../../test/database.ts";
import { mulberry32 } from "../analysis/series-synthetic.ts";
import { queryMetrics } from "../query/execute.ts";
import type { MetricQueryInput } from "../query/query-schema.ts";
import { GRAINS } from "../time/types.ts";
import { rebuildRollups, spansOfDays } from "./refresh.ts";
import { ROLLUP_TABLES, rollupFor } from "./tables.ts";
import type { DimensionName } from "../definitions/dimensions.ts";

const COMMERCE_METRICS = ["gross_sales", "discounts", "refunds", "net_sales", "orders", "units", "aov", "customers", "new_customers", "returning_customers", "new_customer_sales", "repeat_purchase_rate", "gross_profit", "gross_margin", "refund_rate", "shipping", "taxes"];
const ORDER_DIMENSIONS = ["source_channel", "country", "state", "city", "customer_type"];
const LINE_DIMENSIONS = ["category", "product", "variant"];

/** Every rollup table's rows of a workspace, in key order. */
async function snapshot(db: Db, workspaceId: number): Promise<Record<string, unknown[]>> {
  const tables: Record<string, unknown[]> = {};
  for (const table of ROLLUP_TABLES) {
    const rows = await sql`select * from ${sql.table(table.name)} where workspace_id = ${workspaceId} order by day, ${sql.join(table.keys.map((key) => sql.ref(key)))}`.execute(db);
    tables[table.name] = rows.rows;
  }
  return tables;
}

async function membersOf(db: Db, workspaceId: number, dimension: string): Promise<string[]> {
  const column = dimension === "product" ? sql`product_id::text` : dimension === "variant" ? sql`variant_id::text` : sql.ref(dimension);
  const table = LINE_DIMENSIONS.includes(dimension) ? sql`rollup_lines_daily` : sql`rollup_orders_daily`;
  const rows = await sql<{ member: string }>`select distinct ${column} as member from ${table} where workspace_id = ${workspaceId} order by 1`.execute(db);
  return rows.rows.map((row) => row.member);
}

describeDatabase("metric rollups", ({ db }) => {
  it("answer exactly like raw scans on random ranges, filters, breakdowns and grains", { timeout: 240_000 }, async () => {
    await seedDemo(db(), { orders: 1500, seed: 7, end: "2026-11-21" });
    const workspace = (await findWorkspaceBySlug(db(), "demo"))!;
    const next = mulberry32(20261121);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
    const clock = fixedClock("2026-11-21T18:00:00Z");
    let compared = 0;
    for (let i = 0; i < 24; i++) {
      const start = addDays("2024-11-21", Math.floor(next() * 700));
      const end = addDays(start, 1 + Math.floor(next() * 200));
      const lineQuery = next() < 0.5;
      const dimensions = lineQuery ? [...LINE_DIMENSIONS, "source_channel", "country", "customer_type"] : ORDER_DIMENSIONS;
      const metrics = [pick(COMMERCE_METRICS), pick(["net_sales", "orders", "units", "customers"])].filter((name) => !(lineQuery && (name === "shipping" || name === "taxes")));
      const filterDimension = pick(dimensions);
      const members = await membersOf(db(), workspace.id, filterDimension);
      const filters = next() < 0.6 ? [{ dimension: filterDimension, operator: next() < 0.7 ? ("in" as const) : ("not_in" as const), values: [pick(members), pick(members)] }] : [];
      const breakdown = next() < 0.7 ? { dimension: pick(dimensions), top: 1 + Math.floor(next() * 6) } : null;
      const query: MetricQueryInput = {
        metrics: metrics.length > 0 ? metrics : ["net_sales"],
        range: `${start}..${addDays(end, -1)}`,
        grain: next() < 0.5 ? pick(GRAINS) : null,
        filters,
        breakdown,
        comparison: next() < 0.4 ? pick(["previous", "last_year"] as const) : null,
      };
      const viaRollups = await queryMetrics(db(), workspace, query, { clock });
      const viaRaw = await queryMetrics(db(), workspace, query, { clock, forceRaw: true });
      if (!viaRollups.ok || !viaRaw.ok) throw new Error(`query failed: ${JSON.stringify(query)} ${JSON.stringify(viaRollups)}`);
      expect(Object.values(viaRaw.value.paths).every((path) => path === "raw")).toBe(true);
      expect({ ...viaRollups.value, paths: {} }, JSON.stringify(query)).toEqual({ ...viaRaw.value, paths: {} });
      if (Object.values(viaRollups.value.paths).some((path) => path.startsWith("rollup"))) compared++;
    }
    // Most random queries must really have gone through the rollups for this to mean anything.
    expect(compared).toBeGreaterThan(15);

    // The wide breakdowns, over all customers (the *_all tables) and split by customer type (the keyed ones).
    for (const dimension of ["product", "variant", "city", "state"]) {
      for (const metrics of [["net_sales", "units", "orders"], ["new_customer_sales", "returning_customer_sales", "new_customers"]]) {
        const query: MetricQueryInput = { metrics, range: "2026-01-01..2026-06-30", grain: "month", breakdown: { dimension, top: 4 }, comparison: "previous" };
        const viaRollups = await queryMetrics(db(), workspace, query, { clock });
        const viaRaw = await queryMetrics(db(), workspace, query, { clock, forceRaw: true });
        if (!viaRollups.ok || !viaRaw.ok) throw new Error(`query failed: ${JSON.stringify(query)}`);
        expect({ ...viaRollups.value, paths: {} }, JSON.stringify(query)).toEqual({ ...viaRaw.value, paths: {} });
      }
    }
  });

  it("stay equal to a rebuild when imports add, replace and backdate orders", { timeout: 120_000 }, async () => {
    const workspace: Workspace = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    const header = "Nº Pedido;Fecha;Cliente;Correo;Producto;Categoría;Cantidad;Precio unitario;Descuento;Envío;Estado;Ciudad;Región;Canal";
    const first = [
      header,
      "A-1;10/03/2026;Ana Ruiz;ana@example.mx;Café 500 g;Café;2;100,00;10,00;50,00;Pagado;Monterrey;Norte;Tienda online",
      "A-1;10/03/2026;Ana Ruiz;ana@example.mx;Taza;Cerámica;1;80,00;0;;Pagado;Monterrey;Norte;Tienda online",
      "A-2;31/03/2026;Luis Paz;luis@example.mx;Taza;Cerámica;3;80,00;0;0;Pagado;Puebla;Centro;Instagram",
      "A-3;02/04/2026;Ana Ruiz;ana@example.mx;Café 500 g;Café;1;100,00;0;0;Pagado;Monterrey;Norte;Tienda online",
    ].join("\n");
    await importCsv(db(), workspace, { file: scratchFile("rollups-a.csv", first), format: "generic", dateFormat: "dmy" });
    const afterFirst = await snapshot(db(), workspace.id);
    expect(afterFirst.rollup_orders_total_daily).toHaveLength(3);
    await rebuildRollups(db(), workspace);
    expect(await snapshot(db(), workspace.id)).toEqual(afterFirst);

    const clock = fixedClock("2026-05-01T12:00:00Z");
    const march = { metrics: ["new_customers", "customers", "net_sales"], range: "march 2026" };
    const before = await queryMetrics(db(), workspace, march, { clock });
    expect(before.ok && before.value.totals.new_customers?.value).toBe(2);

    // Ana's earlier order (January) makes her March order a repeat order; A-2 moves to April and grows.
    const second = [
      header,
      "B-1;05/01/2026;Ana Ruiz;ana@example.mx;Taza;Cerámica;1;80,00;0;0;Pagado;Monterrey;Norte;Tienda online",
      "A-2;01/04/2026;Luis Paz;luis@example.mx;Taza;Cerámica;4;80,00;0;0;Pagado;Puebla;Centro;Instagram",
    ].join("\n");
    await importCsv(db(), workspace, { file: scratchFile("rollups-b.csv", second), format: "generic", dateFormat: "dmy" });
    const incremental = await snapshot(db(), workspace.id);
    await rebuildRollups(db(), workspace);
    expect(incremental).toEqual(await snapshot(db(), workspace.id));

    const after = await queryMetrics(db(), workspace, march, { clock });
    expect(after.ok && after.value.totals.new_customers?.value).toBe(0);
    expect(after.ok && after.value.totals.customers?.value).toBe(1);
  });
});

it("reads the coarsest rollup with the query's dimensions, keeping customer types only when a measure needs them", () => {
  const table = (fact: "orders" | "lines", dimensions: DimensionName[], measures: string[]) => rollupFor(fact, dimensions, measures)?.name ?? null;
  expect(table("orders", [], ["orders", "gross_sales_cents"])).toBe("rollup_orders_total_daily");
  expect(table("orders", [], ["new_customers"])).toBe("rollup_orders_total_daily");
  expect(table("orders", ["country"], ["orders"])).toBe("rollup_orders_channel_daily");
  expect(table("orders", ["city"], ["orders"])).toBe("rollup_orders_geo_all_daily");
  expect(table("orders", ["city"], ["new_customers"])).toBe("rollup_orders_daily");
  expect(table("orders", ["city", "source_channel"], ["orders"])).toBe("rollup_orders_daily");
  expect(table("lines", ["category"], ["units"])).toBe("rollup_lines_category_daily");
  expect(table("lines", ["product"], ["gross_sales_cents", "units"])).toBe("rollup_lines_product_all_daily");
  expect(table("lines", ["product"], ["returning_customer_sales_cents"])).toBe("rollup_lines_product_daily");
  expect(table("lines", ["product", "customer_type"], ["units"])).toBe("rollup_lines_product_daily");
  expect(table("lines", ["variant"], ["units"])).toBe("rollup_lines_variant_all_daily");
  expect(table("lines", ["variant"], ["new_customer_sales_cents"])).toBe("rollup_lines_daily");
  expect(table("lines", ["variant", "country"], ["units"])).toBe("rollup_lines_daily");
  expect(table("lines", ["attr.size"], ["units"])).toBeNull();
});

it("merges days into refresh spans when they are less than a week apart", () => {
  expect(spansOfDays(["2026-03-10", "2026-03-01", "2026-03-05", "2026-03-01", "2026-04-01"])).toEqual([
    { start: "2026-03-01", end: "2026-03-11" },
    { start: "2026-04-01", end: "2026-04-02" },
  ]);
  expect(spansOfDays([])).toEqual([]);
});
