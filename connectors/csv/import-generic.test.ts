import { expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { describeDatabase } from "../../test/database.ts";
import { CsvError, CsvImportError, importCsv } from "./index.ts";
import { countRows, fixture, recordingProgress, scratchFile, variantOf } from "./test-support.ts";

const ES = "generic-es-dmy-semicolon.csv";
const NOTHING = { orders: 0, order_items: 0, customers: 0, products: 0, variants: 0, refunds: 0, imports: 0 };

function mexicanStore(db: Db, slug = "tienda") {
  return createWorkspace(db, { name: "Tienda", slug, currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
}

async function ordersOf(db: Db, workspaceId: number) {
  return db
    .selectFrom("orders")
    .select(["external_id", "placed_at", "status", "subtotal_cents", "discount_cents", "shipping_cents", "total_cents", "source_channel", "city", "state", "attributes", "import_id"])
    .where("workspace_id", "=", workspaceId)
    .orderBy("external_id")
    .execute();
}

/** Expects the promise to fail with a CsvImportError and returns it. */
async function importError(promise: Promise<unknown>): Promise<CsvImportError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof CsvImportError)) throw new Error(`expected a CsvImportError, got ${String(error)}`);
  return error;
}

describeDatabase("CSV import, generic format", ({ db }) => {
  it("imports a Spanish file: ; delimiter, D/M/Y dates, decimal commas, statuses and channels", async () => {
    const ws = await mexicanStore(db());
    const progress = recordingProgress();
    const summary = await importCsv(db(), ws, { file: fixture(ES), format: "generic", dims: ["Región"] }, progress);
    expect(summary).toMatchObject({ status: "imported", rows: 4, delimiter: ";", decimal: ",", dateFormat: "dmy", encoding: "utf-8", customers: 2, products: 3 });
    expect(summary.orders).toEqual({ total: 3, new: 3, updated: 0 });
    expect(summary.totals).toEqual({ subtotalCents: 253356, discountCents: 3495, shippingCents: 19800, taxCents: 0, totalCents: 269661, refundedCents: 0 });
    expect(progress.phases).toEqual([
      { label: "parse", total: 4, advanced: 4, finished: true },
      { label: "write", total: 3, advanced: 3, finished: true },
      // The local days the three orders touched, recomputed in the metric rollups.
      { label: "rollups", total: 3, advanced: 3, finished: true },
    ]);

    const orders = await ordersOf(db(), ws.id);
    expect(orders.map(({ import_id: _, ...o }) => o)).toEqual([
      { external_id: "MX-1001", placed_at: new Date("2024-03-05T06:00:00Z"), status: "paid", subtotal_cents: 72930, discount_cents: 3495, shipping_cents: 9900, total_cents: 79335, source_channel: "online_store", city: "Guadalajara", state: null, attributes: { region: "Occidente" } },
      { external_id: "MX-1002", placed_at: new Date("2024-03-15T20:30:00Z"), status: "pending", subtotal_cents: 123456, discount_cents: 0, shipping_cents: 0, total_cents: 123456, source_channel: "instagram", city: "Monterrey", state: null, attributes: { region: "Norte" } },
      { external_id: "MX-1003", placed_at: new Date("2024-03-28T06:00:00Z"), status: "cancelled", subtotal_cents: 56970, discount_cents: 0, shipping_cents: 9900, total_cents: 66870, source_channel: "whatsapp", city: "Guadalajara", state: null, attributes: { region: "Occidente" } },
    ]);
    expect(orders.every((o) => o.import_id === summary.importId)).toBe(true);
    const lucia = await db().selectFrom("customers").selectAll().where("external_id", "=", "lucia@example.mx").executeTakeFirstOrThrow();
    expect(lucia).toMatchObject({ source: "csv", name: "Lucía Fernández", email: "lucia@example.mx", city: "Guadalajara", first_order_at: new Date("2024-03-05T06:00:00Z") });
    const taza = await db().selectFrom("order_items").selectAll().where("title", "=", "Taza Talavera").executeTakeFirstOrThrow();
    expect(taza).toMatchObject({ quantity: 1, unit_price_cents: 34950, discount_cents: 3495, total_cents: 31455, category: "Cerámica", attributes: { region: "Occidente" } });
  });

  it("imports with an explicit --map and --dims; dimensions constant within an order also describe the order", async () => {
    const ws = await createWorkspace(db(), { name: "Lima", slug: "lima", currency: "PEN", timezone: "America/Lima" });
    const map = { order_id: "Ref Venta", date: "Momento", customer_name: "Comprador", product_name: "Artículo", quantity: "Uds", amount: "Neto", cost: "Costo línea" };
    const summary = await importCsv(db(), ws, { file: fixture("generic-explicit-map.csv"), format: "generic", map, dims: ["Segmento", "Región"] });
    expect(summary.mapping).toEqual({ ...map, source_channel: "Canal de venta" });
    expect(summary.dims).toEqual({ segmento: "Segmento", region: "Región" });
    expect(summary.dateFormat).toBe("iso");

    const orders = await ordersOf(db(), ws.id);
    expect(orders.map((o) => [o.external_id, o.placed_at.toISOString(), o.total_cents, o.source_channel, o.attributes])).toEqual([
      ["V-1", "2024-05-01T15:00:00.000Z", 170000, "marketplace", { segmento: "Consumidor" }],
      ["V-2", "2024-05-02T21:45:00.000Z", 145000, "online_store", { segmento: "Empresa", region: "Andina" }],
    ]);
    const items = await db().selectFrom("order_items").select(["title", "quantity", "unit_price_cents", "total_cents", "cost_cents", "attributes"]).orderBy("id").execute();
    expect(items).toEqual([
      { title: "Audífonos Bluetooth", quantity: 1, unit_price_cents: 150000, total_cents: 150000, cost_cents: 90000, attributes: { segmento: "Consumidor", region: "Andina" } },
      { title: "Funda Silicona", quantity: 2, unit_price_cents: 10000, total_cents: 20000, cost_cents: 8000, attributes: { segmento: "Consumidor", region: "Caribe" } },
      { title: "Audífonos Bluetooth", quantity: 1, unit_price_cents: 145000, total_cents: 145000, cost_cents: 90000, attributes: { segmento: "Empresa", region: "Andina" } },
    ]);
    // One default variant per product, with the last unit price seen and the unit cost.
    const variants = await db().selectFrom("variants").select(["external_id", "price_cents", "cost_cents", "sku"]).orderBy("external_id").execute();
    expect(variants).toEqual([
      { external_id: "audifonos-bluetooth", price_cents: 145000, cost_cents: 90000, sku: null },
      { external_id: "funda-silicona", price_cents: 10000, cost_cents: 4000, sku: null },
    ]);
  });

  it("decodes a Windows-1252 Portuguese file with R$ amounts and tells the Estado (state) column from the status", async () => {
    const ws = await createWorkspace(db(), { name: "Loja", slug: "loja", currency: "BRL", timezone: "America/Sao_Paulo", locale: "pt" });
    const summary = await importCsv(db(), ws, { file: fixture("generic-pt-cp1252.csv"), format: "generic" });
    expect(summary).toMatchObject({ encoding: "windows-1252", delimiter: ";", decimal: ",", dateFormat: "dmy" });
    expect(summary.mapping).toMatchObject({ status: "Status", state: "Estado", amount: "Valor", discount: "Desconto", shipping: "Frete" });
    const orders = await ordersOf(db(), ws.id);
    expect(orders.map((o) => [o.external_id, o.placed_at.toISOString(), o.status, o.subtotal_cents, o.discount_cents, o.total_cents, o.state, o.city])).toEqual([
      ["BR-501", "2024-04-02T12:15:00.000Z", "paid", 150870, 12990, 139470, "SP", "São Paulo"],
      ["BR-502", "2024-04-13T03:00:00.000Z", "cancelled", 3990, 0, 5580, "RJ", "Niterói"],
    ]);
    const names = (await db().selectFrom("customers").select("name").orderBy("name").execute()).map((c) => c.name);
    expect(names).toEqual(["Conceição Araújo", "João Gonçalves"]);
  });

  it("stops at a bad date, then at a non-numeric quantity, naming row, line, column and value, and writes nothing", async () => {
    const ws = await mexicanStore(db());
    // A product name with a line break on row 1 makes lines and rows differ.
    const multiline = (text: string) => text.replace("Café de Olla 500 g;Café;2", '"Café de Olla\r\n500 g";Café;2');
    const badDate = variantOf(ES, "bad-date.csv", (text) => multiline(text).replace("15/03/2024 14:30", "31/02/2024"));
    const dateError = await importError(importCsv(db(), ws, { file: badDate, format: "generic" }));
    expect(dateError).toMatchObject({ file: badDate, row: 3, line: 5, column: "Fecha", value: "31/02/2024", reason: "the day does not exist in that month" });
    expect(dateError.message).toBe(`${badDate}, row 3 (line 5), column "Fecha", value "31/02/2024": the day does not exist in that month`);
    expect(await countRows(db())).toEqual(NOTHING);

    const badQuantity = variantOf(ES, "bad-quantity.csv", (text) => text.replace("Taza Talavera;Cerámica;1;", "Taza Talavera;Cerámica;dos;"));
    const quantityError = await importError(importCsv(db(), ws, { file: badQuantity, format: "generic" }));
    expect(quantityError).toMatchObject({ row: 2, line: 3, column: "Cantidad", value: "dos", reason: "the quantity is not a number" });
    expect(await countRows(db())).toEqual(NOTHING);

    // With data already present, a failing import leaves it exactly as it was.
    await importCsv(db(), ws, { file: fixture(ES), format: "generic" });
    const before = await countRows(db());
    await importError(importCsv(db(), ws, { file: badQuantity, format: "generic" }));
    expect(await countRows(db())).toEqual(before);
  });

  it("re-importing the identical file is a no-op that reports the original import", async () => {
    const ws = await mexicanStore(db());
    const first = await importCsv(db(), ws, { file: fixture(ES), format: "generic" });
    const counts = await countRows(db());
    const second = await importCsv(db(), ws, { file: fixture(ES), format: "generic" });
    expect(second).toEqual({ ...first, status: "unchanged", orders: { total: 3, new: 0, updated: 0 } });
    expect(await countRows(db())).toEqual(counts);
  });

  it("an overlapping, modified file updates the orders it shares and adds the new ones, without duplicates", async () => {
    const ws = await mexicanStore(db());
    await importCsv(db(), ws, { file: fixture(ES), format: "generic" });
    const modified = variantOf(ES, "modified.csv", (text) =>
      text.replace("Café;3;189,90", "Café;4;189,90") + "MX-1004;02/04/2024;Íñigo Martínez;inigo@example.mx;Taza Talavera;Cerámica;2;349,50;0;99,00;Pagado;Monterrey;Norte;Instagram\r\n",
    );
    const summary = await importCsv(db(), ws, { file: modified, format: "generic" });
    expect(summary.orders).toEqual({ total: 4, new: 1, updated: 3 });
    expect(await countRows(db(), ws.id)).toEqual({ orders: 4, order_items: 5, customers: 2, products: 3, variants: 3, refunds: 0, imports: 2 });
    const orders = await ordersOf(db(), ws.id);
    expect(orders.find((o) => o.external_id === "MX-1003")?.total_cents).toBe(4 * 18990 + 9900);
    expect(orders.every((o) => o.import_id === summary.importId)).toBe(true);
    const inigo = await db().selectFrom("customers").select("first_order_at").where("external_id", "=", "inigo@example.mx").executeTakeFirstOrThrow();
    expect(inigo.first_order_at).toEqual(new Date("2024-03-15T20:30:00Z"));
  });

  it("upserts customers known only by an id, keeping what an earlier import said about them", async () => {
    const ws = await mexicanStore(db());
    const named = scratchFile("named.csv", "Order ID,Date,Customer ID,Customer Name,Product,Qty,Amount\nA-1,2024-01-05,C-1,Ana Ruiz,Tee,1,10.00\n");
    const bare = scratchFile("bare.csv", "Order ID,Date,Customer ID,Product,Qty,Amount\nA-2,2024-01-03,C-1,Tee,1,12.00\nA-3,2024-01-09,C-2,Tee,2,20.00\n");
    await importCsv(db(), ws, { file: named, format: "generic" });
    const summary = await importCsv(db(), ws, { file: bare, format: "generic" });
    expect(summary.orders).toEqual({ total: 2, new: 2, updated: 0 });
    const customers = await db().selectFrom("customers").select(["external_id", "name", "first_order_at"]).orderBy("external_id").execute();
    expect(customers).toEqual([
      { external_id: "C-1", name: "Ana Ruiz", first_order_at: new Date("2024-01-03T06:00:00Z") },
      { external_id: "C-2", name: null, first_order_at: new Date("2024-01-09T06:00:00Z") },
    ]);
  });

  it("asks for --date-format when every date reads both ways, and imports once told", async () => {
    const ws = await mexicanStore(db());
    const file = scratchFile("ambiguous.csv", "Pedido,Fecha,Producto,Cantidad,Total\nA-1,01/02/2024,Tee,1,10.00\nA-2,03/04/2024,Tee,2,20.00\n");
    const attempt = importCsv(db(), ws, { file, format: "generic" });
    await expect(attempt).rejects.toThrow(CsvError);
    await expect(importCsv(db(), ws, { file, format: "generic" })).rejects.toThrow(/"01\/02\/2024" \(row 1\).*--date-format dmy/);
    expect(await countRows(db())).toEqual(NOTHING);
    const summary = await importCsv(db(), ws, { file, format: "generic", dateFormat: "dmy" });
    expect(summary.firstOrderAt).toEqual(new Date("2024-02-01T06:00:00Z"));
  });

  it("refuses an order in another currency instead of converting it", async () => {
    const ws = await mexicanStore(db());
    const file = scratchFile("usd.csv", "Order ID,Date,Product,Qty,Amount,Currency\nA-1,2024-01-05,Tee,1,10.00,MXN\nA-2,2024-01-06,Tee,1,10.00,usd\n");
    const error = await importError(importCsv(db(), ws, { file, format: "generic" }));
    expect(error).toMatchObject({ row: 2, line: 3, column: "Currency", value: "USD" });
    expect(error.reason).toMatch(/in USD but the workspace keeps its books in MXN/);
    expect(await countRows(db())).toEqual(NOTHING);
  });

  it("explains a file whose required columns cannot be found, and points Shopify exports to --format shopify", async () => {
    const ws = await mexicanStore(db());
    const file = scratchFile("no-date.csv", "Order ID,Product,Qty,Amount\nA-1,Tee,1,10.00\n");
    await expect(importCsv(db(), ws, { file, format: "generic" })).rejects.toThrow(/no column found for date\. Columns in the file: "Order ID", "Product", "Qty", "Amount"/);
    await expect(importCsv(db(), ws, { file: fixture("shopify-orders.csv"), format: "generic" })).rejects.toThrow(/use --format shopify/);
    await expect(importCsv(db(), ws, { file: fixture("missing.csv"), format: "generic" })).rejects.toThrow(/file not found/);
  });

  it("a dry run parses and validates everything, reports what it would do, and writes nothing", async () => {
    const ws = await mexicanStore(db());
    const dry = await importCsv(db(), ws, { file: fixture(ES), format: "generic", dryRun: true });
    expect(dry).toMatchObject({ status: "dry_run", importId: null, rows: 4, orders: { total: 3, new: 3, updated: 0 } });
    expect(await countRows(db())).toEqual(NOTHING);

    await importCsv(db(), ws, { file: fixture(ES), format: "generic" });
    const counts = await countRows(db());
    const modified = variantOf(ES, "dry-modified.csv", (text) => text + "MX-1009;02/04/2024;Ana;ana@example.mx;Taza Talavera;Cerámica;1;349,50;0;0;Pagado;Puebla;Centro;Instagram\r\n");
    const again = await importCsv(db(), ws, { file: modified, format: "generic", dryRun: true });
    expect(again.orders).toEqual({ total: 4, new: 1, updated: 3 });
    expect(await countRows(db())).toEqual(counts);
    const bad = variantOf(ES, "dry-bad.csv", (text) => text.replace("Taza Talavera;Cerámica;1;", "Taza Talavera;Cerámica;-1;"));
    await expect(importCsv(db(), ws, { file: bad, format: "generic", dryRun: true })).rejects.toThrow(/row 2 \(line 3\), column "Cantidad", value "-1": the quantity must be positive/);
  });
});
