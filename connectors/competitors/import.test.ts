import { readFileSync } from "node:fs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { InputError } from "../../lib/input-error.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeCompetitorFeed, type FakeCompetitorFeed } from "../../test/fakes/competitor-feed.ts";
import { describeDatabase } from "../../test/database.ts";
import { fetchCompetitorFeed, importCompetitorCsv, readLatestCompetitorPrices } from "./index.ts";
import { fixture, scratchFile, seedLoja, seedTienda, storedObservations } from "./test-support.ts";

const clock = fixedClock("2026-11-21T18:00:00Z");

let feed: FakeCompetitorFeed;
beforeEach(async () => {
  feed = await startFakeCompetitorFeed({ token: "t0k3n" });
  feed.setPages(["feed-page-1.json", "feed-page-2.json"].map((name) => JSON.parse(readFileSync(fixture(name), "utf8")) as unknown));
});
afterEach(() => feed.close());

describeDatabase("competitor price imports", ({ db }) => {
  it("writes what matches, reports what does not with lines and closest products, and adds nothing on a second import", async () => {
    const tienda = await seedTienda(db());
    const summary = await importCompetitorCsv(db(), tienda.workspace, { file: fixture("prices-en.csv"), clock });
    expect(summary.status).toBe("imported");
    expect(summary.counts).toEqual({ read: 13, written: 6, duplicates: 0, unmatched: 3, invalid: 4 });
    expect(summary.matchedBy).toEqual({ sku: 3, external_id: 1, title: 1, close_title: 1 });
    expect(summary.competitors).toEqual(["Amazon", "Coppel", "Liverpool"]);
    expect(summary.unmatched).toEqual([
      { position: { kind: "line", line: 7 }, value: '"Unicornio Volador"', reason: "unknown", candidates: [] },
      { position: { kind: "line", line: 8 }, value: '"Jeans Slim"', reason: "ambiguous", candidates: ["Jeans Slim Azul (SKU JEA-SLI-AZ)", "Jeans Slim Negro (SKU JEA-SLI-NE)"] },
      { position: { kind: "line", line: 9 }, value: '"Taza Magica"', reason: "ambiguous", candidates: ["Taza Mágica (SKU TAZ-MAG-1)", "Taza Mágica (SKU TAZ-MAG-2)"] },
    ]);
    expect(summary.invalid.map((p) => p.position)).toEqual([10, 11, 12, 13].map((line) => ({ kind: "line", line })));
    expect(summary.closeMatches).toEqual([{ position: { kind: "line", line: 6 }, value: '"Gora Bordada"', matchedTitle: "Gorra Bordada" }]);
    expect(summary.firstObservedAt).toEqual(new Date("2026-11-18T06:00:00Z"));
    expect(summary.lastObservedAt).toEqual(clock.now());

    const v = tienda.variants;
    const p = tienda.products;
    expect(await storedObservations(db(), tienda.workspace.id)).toEqual([
      { product_id: p.get("P-300"), variant_id: v.get("GOR-BOR"), competitor: "Amazon", price_cents: 27900, currency: "MXN", in_stock: true, observed_at: new Date("2026-11-18T06:00:00Z"), url: null },
      { product_id: p.get("P-100"), variant_id: v.get("SUD-BAS-M"), competitor: "Liverpool", price_cents: 45900, currency: "MXN", in_stock: true, observed_at: new Date("2026-11-18T15:15:00Z"), url: "https://www.liverpool.com.mx/p/sudadera-basica" },
      { product_id: p.get("P-100"), variant_id: v.get("SUD-BAS-L"), competitor: "Liverpool", price_cents: 102950, currency: "MXN", in_stock: true, observed_at: new Date("2026-11-18T15:15:00Z"), url: null },
      { product_id: p.get("P-200"), variant_id: v.get("CAM-CLA"), competitor: "Amazon", price_cents: 18990, currency: "MXN", in_stock: false, observed_at: new Date("2026-11-18T16:00:00Z"), url: "https://www.amazon.com.mx/dp/B0CAM" },
      { product_id: p.get("P-300"), variant_id: v.get("GOR-BOR"), competitor: "Coppel", price_cents: 28500, currency: "MXN", in_stock: true, observed_at: new Date("2026-11-19T14:00:00Z"), url: null },
      { product_id: p.get("P-600"), variant_id: v.get("MOC-URB"), competitor: "Amazon", price_cents: 64900, currency: "MXN", in_stock: true, observed_at: clock.now(), url: null },
    ]);

    const again = await importCompetitorCsv(db(), tienda.workspace, { file: fixture("prices-en.csv"), clock });
    expect(again.counts).toEqual({ read: 13, written: 0, duplicates: 6, unmatched: 3, invalid: 4 });
    expect(await storedObservations(db(), tienda.workspace.id)).toHaveLength(6);
  });

  it("writes nothing on a dry run but counts what would be new and what is already there", async () => {
    const tienda = await seedTienda(db());
    const dry = await importCompetitorCsv(db(), tienda.workspace, { file: fixture("precios-es.csv"), dryRun: true, clock });
    expect(dry).toMatchObject({ status: "dry_run", counts: { read: 4, written: 4, duplicates: 0, unmatched: 0, invalid: 0 } });
    expect(dry.source).toMatchObject({ kind: "csv", delimiter: ";", decimal: ",", dateFormat: "dmy" });
    expect(await storedObservations(db(), tienda.workspace.id)).toEqual([]);

    await importCompetitorCsv(db(), tienda.workspace, { file: fixture("precios-es.csv"), clock });
    const after = await importCompetitorCsv(db(), tienda.workspace, { file: fixture("precios-es.csv"), dryRun: true, clock });
    expect(after.counts).toEqual({ read: 4, written: 0, duplicates: 4, unmatched: 0, invalid: 0 });
  });

  it("counts a row the file repeats as a duplicate, and refuses two rows that disagree about the same observation", async () => {
    const tienda = await seedTienda(db());
    const file = scratchFile(
      "repeats.csv",
      ["sku,title,competitor,price,observed_at", "CAM-CLA,,Amazon,189.00,2026-11-20T10:00:00Z", "cam-cla,,Amazon,189.00,2026-11-20T10:00:00Z", ",Camiseta Clásica,Amazon,179.00,2026-11-20T10:00:00Z"].join("\n"),
    );
    const summary = await importCompetitorCsv(db(), tienda.workspace, { file, clock });
    expect(summary.counts).toEqual({ read: 3, written: 1, duplicates: 1, unmatched: 0, invalid: 1 });
    expect(summary.invalid[0]).toMatchObject({ position: { kind: "line", line: 4 }, reason: expect.stringContaining('line 2 gives another price or stock for Amazon on "Camiseta Clásica"') as string });
    expect((await storedObservations(db(), tienda.workspace.id)).map((row) => row.price_cents)).toEqual([18900]);
    const again = await importCompetitorCsv(db(), tienda.workspace, { file, clock });
    expect(again.counts).toEqual({ read: 3, written: 0, duplicates: 2, unmatched: 0, invalid: 1 });
  });

  it("keeps each workspace to its own products: the same SKU in two stores, files in two currencies", async () => {
    const tienda = await seedTienda(db());
    const loja = await seedLoja(db());
    const br = await importCompetitorCsv(db(), loja.workspace, { file: fixture("precos-pt-cp1252.csv"), clock });
    expect(br.counts).toEqual({ read: 4, written: 4, duplicates: 0, unmatched: 0, invalid: 0 });
    expect(br.source).toMatchObject({ encoding: "windows-1252" });
    const stored = await storedObservations(db(), loja.workspace.id);
    expect(new Set(stored.map((row) => row.product_id))).toEqual(new Set([loja.products.get("BR-1"), loja.products.get("BR-2")]));
    expect(stored.every((row) => row.currency === "BRL")).toBe(true);
    expect(await storedObservations(db(), tienda.workspace.id)).toEqual([]);

    // The Mexican store's SKU list does not reach the Brazilian catalog, and its products not the other way.
    const mx = await importCompetitorCsv(db(), tienda.workspace, { file: scratchFile("cam.csv", "sku,competitor,price\nCAM-CLA,Amazon,189\nCAN-TER,Amazon,50\n"), clock });
    expect(mx.counts).toMatchObject({ written: 1, unmatched: 1 });
    expect((await storedObservations(db(), tienda.workspace.id)).map((row) => row.variant_id)).toEqual([tienda.variants.get("CAM-CLA")]);
    expect(await storedObservations(db(), loja.workspace.id)).toHaveLength(4);
    // A BRL file into the MXN store: every row is refused for its currency.
    const wrong = await importCompetitorCsv(db(), tienda.workspace, { file: fixture("precos-pt-cp1252.csv"), clock });
    expect(wrong.counts).toMatchObject({ written: 0, invalid: 2, unmatched: 2 });
    expect(wrong.invalid.map((p) => p.reason)).toEqual(["prices in BRL cannot be compared with the store's prices in MXN", "prices in BRL cannot be compared with the store's prices in MXN"]);
  });

  it("keeps one spelling per competitor: the one the workspace already tracks", async () => {
    const tienda = await seedTienda(db());
    await importCompetitorCsv(db(), tienda.workspace, { file: scratchFile("first.csv", "sku,competitor,price,date\nCAM-CLA,Mercado Libre,189,2026-11-19\n"), clock });
    const file = scratchFile("spelled.csv", "sku,competitor,price,date\nCAM-CLA,MERCADO LIBRE,189,2026-11-19\nCAM-CLA,mercado  libre,185,2026-11-20\nGOR-BOR,coppel,279,2026-11-20\nCAM-CLA,COPPEL,180,2026-11-20\n");
    const summary = await importCompetitorCsv(db(), tienda.workspace, { file, clock });
    expect(summary.counts).toMatchObject({ written: 3, duplicates: 1 });
    expect(summary.competitors).toEqual(["coppel", "Mercado Libre"]);
    const stored = (await storedObservations(db(), tienda.workspace.id)).map((row) => `${row.competitor} ${row.price_cents}`);
    expect(stored.sort()).toEqual(["Mercado Libre 18500", "Mercado Libre 18900", "coppel 18000", "coppel 27900"]);
  });

  it("leaves archived products out of matching", async () => {
    const tienda = await seedTienda(db());
    const summary = await importCompetitorCsv(db(), tienda.workspace, { file: scratchFile("archived.csv", "sku,competitor,price\nBUF-RET,Amazon,99\n"), clock });
    expect(summary.counts).toMatchObject({ written: 0, unmatched: 1 });
  });

  it("imports a two-page JSON feed with its Authorization header, then adds nothing on the next fetch", async () => {
    const tienda = await seedTienda(db());
    const options = { url: feed.url, headers: { Authorization: "Bearer t0k3n" }, clock };
    const first = await fetchCompetitorFeed(db(), tienda.workspace, options);
    expect(first.source).toEqual({ kind: "feed", url: feed.url, pages: 2, notFollowed: null });
    expect(first.counts).toEqual({ read: 9, written: 5, duplicates: 0, unmatched: 1, invalid: 3 });
    expect(first.unmatched).toEqual([{ position: { kind: "item", page: 2, index: 1 }, value: 'SKU "ZZZ-404"', reason: "unknown", candidates: [] }]);
    const second = await fetchCompetitorFeed(db(), tienda.workspace, options);
    expect(second.counts).toEqual({ read: 9, written: 0, duplicates: 5, unmatched: 1, invalid: 3 });
    expect(await storedObservations(db(), tienda.workspace.id)).toHaveLength(5);

    // The latest price per competitor and product over the last week.
    const latest = await readLatestCompetitorPrices(db(), tienda.workspace.id, new Date("2026-11-14T18:00:00Z"));
    expect(latest.map((row) => [row.title, row.competitor, row.priceCents, row.ourPriceCents, row.inStock])).toEqual([
      ["Camiseta Clásica", "Amazon", 17990, 19900, true],
      ["Gorra Bordada", "Coppel", 27900, 29900, false],
      ["Mochila Urbana", "Amazon", 62900, 69900, true],
      ["Sudadera Básica (M)", "Liverpool", 45900, 49900, true],
    ]);
  });

  it("writes nothing when the feed fails part way, and refuses a bad URL or header before any request", async () => {
    const tienda = await seedTienda(db());
    feed.failNext({ kind: "pass" }, { kind: "status", status: 503 });
    const error = await fetchCompetitorFeed(db(), tienda.workspace, { url: feed.url, headers: { Authorization: "Bearer t0k3n" }, clock }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ProviderError);
    expect((error as ProviderError).failure).toEqual({ kind: "transient" });
    expect(await storedObservations(db(), tienda.workspace.id)).toEqual([]);

    const requests = feed.requests.length;
    await expect(fetchCompetitorFeed(db(), tienda.workspace, { url: "ftp://example.com/prices", clock })).rejects.toThrow(InputError);
    await expect(fetchCompetitorFeed(db(), tienda.workspace, { url: feed.url, headers: { "Bad Header": "x" }, clock })).rejects.toThrow(/not a valid HTTP header name/);
    expect(feed.requests).toHaveLength(requests);
  });
});
