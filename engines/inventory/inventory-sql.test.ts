import { expect, it } from "vitest";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { describeDatabase } from "../../test/database.ts";
import { readSkus } from "./inventory-sql.ts";

const ALL = { productIds: null, variantIds: null, category: null };

describeDatabase("inventory reads", ({ db }) => {
  it("reads each SKU's latest snapshot, also for SKUs missing from the workspace's latest snapshot date", async () => {
    const workspace = await createWorkspace(db(), { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    const other = await createWorkspace(db(), { name: "Otra", slug: "otra", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    const [product] = await db()
      .insertInto("products")
      .values({ workspace_id: workspace.id, source: "csv", external_id: "p1", title: "Playera", category: "Playeras", vendor: null, status: "active" })
      .returning("id")
      .execute();
    const variant = (sku: string, qty: number | null) => ({
      workspace_id: workspace.id, product_id: product!.id, source: "csv" as const, external_id: sku, sku, title: sku, price_cents: 29900, cost_cents: 12000, inventory_qty: qty,
    });
    const inserted = await db().insertInto("variants").values([variant("A", 5), variant("B", null), variant("C", 7)]).returning(["id", "sku"]).execute();
    const idOf = (sku: string) => inserted.find((row) => row.sku === sku)!.id;
    const [synced, dropped] = [{ id: idOf("A") }, { id: idOf("B") }];
    await db()
      .insertInto("inventory_snapshots")
      .values([
        { workspace_id: workspace.id, variant_id: synced.id, date: "2026-03-10", on_hand: 9 },
        { workspace_id: workspace.id, variant_id: synced.id, date: "2026-03-14", on_hand: 4 },
        // B stopped being synced on the 12th: its latest snapshot is older than the workspace's latest date.
        { workspace_id: workspace.id, variant_id: dropped.id, date: "2026-03-11", on_hand: 8 },
        { workspace_id: workspace.id, variant_id: dropped.id, date: "2026-03-12", on_hand: 3 },
        // Another workspace's newer snapshot changes nothing here.
        { workspace_id: other.id, variant_id: synced.id, date: "2026-03-20", on_hand: 1 },
      ])
      .execute();
    const rows = await readSkus(db(), workspace.id, ALL);
    expect(rows.map((row) => [row.sku, row.snapshotDate, row.snapshotOnHand, row.inventoryQty])).toEqual([
      ["A", "2026-03-14", 4, 5],
      ["B", "2026-03-12", 3, null],
      ["C", null, null, 7],
    ]);
    expect((await readSkus(db(), workspace.id, { ...ALL, variantIds: [dropped.id] })).map((row) => row.sku)).toEqual(["B"]);
  });
});
