import { describe, expect, it } from "vitest";
import { CsvError } from "../csv/errors.ts";
import { createCsvSource, type CsvSourceOptions } from "./csv-source.ts";
import { fieldForName, readInStock } from "./fields.ts";
import type { CompetitorObservation, EntryProblem, SourceEntry } from "./observation.ts";
import { fixture, scratchFile } from "./test-support.ts";

const IMPORTED_AT = new Date("2026-11-21T18:00:00Z");
const MEXICO = { encoding: "auto", decimal: "auto", dateFormat: "auto", currency: "MXN", timeZone: "America/Mexico_City", importedAt: IMPORTED_AT } as const;

async function readAll(options: Partial<CsvSourceOptions> & { file: string }) {
  const entries: SourceEntry[] = [];
  const facts = await createCsvSource({ ...MEXICO, ...options }).read((entry) => entries.push(entry));
  const observations: CompetitorObservation[] = entries.flatMap((e) => (e.kind === "observation" ? [e.observation] : []));
  const problems: EntryProblem[] = entries.flatMap((e) => (e.kind === "invalid" ? [e.problem] : []));
  return { facts, entries, observations, problems };
}

describe("competitor fields", () => {
  it("recognises headers and keys in English, Spanish and Portuguese, in any case and style", () => {
    const cases: [string, string][] = [
      ["SKU", "sku"], ["Producto", "title"], ["Produto", "title"], ["Product Name", "title"], ["product_id", "external_id"],
      ["Competidor", "competitor"], ["Concorrente", "competitor"], ["seller", "competitor"],
      ["Precio", "price"], ["Preço", "price"], ["Moneda", "currency"], ["Moeda", "currency"],
      ["In_Stock", "in_stock"], ["inStock", "in_stock"], ["Em estoque", "in_stock"], ["Disponible", "in_stock"],
      ["observedAt", "observed_at"], ["Fecha", "observed_at"], ["Data", "observed_at"], ["Enlace", "url"],
    ];
    for (const [name, field] of cases) expect(fieldForName(name), name).toBe(field);
    expect(fieldForName("Notas")).toBeUndefined();
  });

  it("reads in-stock words in three languages and refuses anything else", () => {
    for (const yes of ["yes", "Sí", "si", "SIM", "true", "1", "", "in stock", "Disponível"]) expect(readInStock(yes), yes).toEqual({ ok: true, value: true });
    for (const no of ["no", "Não", "nao", "FALSE", "0", "agotado", "Esgotado", "out of stock"]) expect(readInStock(no), no).toEqual({ ok: true, value: false });
    expect(readInStock("maybe").ok).toBe(false);
  });
});

describe("competitor prices from a CSV file", () => {
  it("reads an English file: SKUs, ids and titles, thousands separators, ISO dates, defaults for currency and date, and every bad row with its line", async () => {
    const { facts, entries, observations, problems } = await readAll({ file: fixture("prices-en.csv") });
    expect(facts).toMatchObject({ kind: "csv", encoding: "utf-8", delimiter: ",", decimal: ".", dateFormat: "iso", ignored: [] });
    expect(facts.columns).toEqual({ sku: "SKU", title: "Product", competitor: "Competitor", price: "Price", currency: "Currency", in_stock: "In stock", observed_at: "Observed at", url: "URL" });
    expect(entries).toHaveLength(13);

    expect(observations.map((o) => [o.position.kind === "line" ? o.position.line : 0, o.productRef, o.competitor, o.priceCents, o.currency, o.inStock, o.observedAt.toISOString(), o.url])).toEqual([
      [2, { sku: "SUD-BAS-M", title: "Sudadera Basica M" }, "Liverpool", 45900, "MXN", true, "2026-11-18T15:15:00.000Z", "https://www.liverpool.com.mx/p/sudadera-basica"],
      [3, { sku: "sud-bas-l" }, "Liverpool", 102950, "MXN", true, "2026-11-18T15:15:00.000Z", null],
      // Wall-clock times without an offset are the workspace's (Mexico City, UTC−6).
      [4, { title: "CAMISETA CLASICA" }, "Amazon", 18990, "MXN", false, "2026-11-18T16:00:00.000Z", "https://www.amazon.com.mx/dp/B0CAM"],
      [5, { sku: "P-300" }, "Amazon", 27900, "MXN", true, "2026-11-18T06:00:00.000Z", null],
      [6, { title: "Gora Bordada" }, "Coppel", 28500, "MXN", true, "2026-11-19T14:00:00.000Z", null],
      [7, { title: "Unicornio Volador" }, "Amazon", 9900, "MXN", true, "2026-11-18T06:00:00.000Z", null],
      [8, { title: "Jeans Slim" }, "Coppel", 79900, "MXN", true, "2026-11-18T06:00:00.000Z", null],
      [9, { title: "Taza Magica" }, "Coppel", 12900, "MXN", true, "2026-11-18T06:00:00.000Z", null],
      // No date: observed at the import.
      [14, { sku: "MOC-URB" }, "Amazon", 64900, "MXN", true, IMPORTED_AT.toISOString(), null],
    ]);
    expect(problems).toEqual([
      { position: { kind: "line", line: 10 }, field: "Price", value: "abc", reason: "the price is not a number" },
      { position: { kind: "line", line: 11 }, field: "Currency", value: "USD", reason: "prices in USD cannot be compared with the store's prices in MXN" },
      { position: { kind: "line", line: 12 }, field: "Competitor", value: "", reason: "the competitor is missing" },
      { position: { kind: "line", line: 13 }, field: "In stock", value: "maybe", reason: expect.stringContaining("not an in-stock value") as string },
    ]);
  });

  it("reads a Spanish file: ';' delimiter, decimal commas with thousands points, day-first dates, accents", async () => {
    const { facts, observations, problems } = await readAll({ file: fixture("precios-es.csv") });
    expect(facts).toMatchObject({ delimiter: ";", decimal: ",", dateFormat: "dmy", encoding: "utf-8" });
    expect(facts.columns).toMatchObject({ sku: "SKU", title: "Producto", competitor: "Competidor", price: "Precio", currency: "Moneda", in_stock: "Disponible", observed_at: "Fecha", url: "Enlace" });
    expect(problems).toEqual([]);
    expect(observations.map((o) => [o.productRef.title ?? o.productRef.sku, o.priceCents, o.inStock, o.observedAt.toISOString()])).toEqual([
      ["Sudadera Básica", 45900, true, "2026-11-18T06:00:00.000Z"],
      ["CAMISETA CLÁSICA", 118950, false, "2026-11-19T16:30:00.000Z"],
      ["camiseta clásica", 17950, true, "2026-11-25T06:00:00.000Z"],
      ["JEA-SLI-NE", 74990, true, "2026-11-20T06:00:00.000Z"],
    ]);
  });

  it("reads a Portuguese Windows-1252 file (Preço, não) in the workspace's currency and zone", async () => {
    const { facts, observations, problems } = await readAll({ file: fixture("precos-pt-cp1252.csv"), currency: "BRL", timeZone: "America/Sao_Paulo" });
    expect(facts).toMatchObject({ encoding: "windows-1252", delimiter: ";", decimal: ",", dateFormat: "dmy" });
    expect(facts.columns).toMatchObject({ title: "Produto", competitor: "Concorrente", price: "Preço", currency: "Moeda", in_stock: "Em estoque", observed_at: "Data" });
    expect(problems).toEqual([]);
    expect(observations.map((o) => [o.productRef.title, o.competitor, o.priceCents, o.currency, o.inStock, o.observedAt.toISOString()])).toEqual([
      ["Camiseta Clássica", "Magazine Luiza", 7990, "BRL", true, "2026-11-21T03:00:00.000Z"],
      ["Camiseta Clássica", "Americanas", 8490, "BRL", false, "2026-11-21T03:00:00.000Z"],
      ["Caneca Térmica", "Americanas", 5990, "BRL", true, "2026-11-20T17:00:00.000Z"],
      ["Caneca Térmica", "Americanas", 105990, "BRL", false, "2026-11-22T03:00:00.000Z"],
    ]);
  });

  it("takes an explicit decimal separator and encoding over detection", async () => {
    const file = scratchFile("ambiguous.csv", "sku,competitor,price\nCAM-CLA,Amazon,1.234\n");
    await expect(readAll({ file })).rejects.toThrow(/cannot tell whether amounts like "1.234"/);
    expect((await readAll({ file, decimal: "." })).observations[0]!.priceCents).toBe(123);
    expect((await readAll({ file, decimal: "," })).observations[0]!.priceCents).toBe(123400);
  });

  it("refuses a file without a competitor, price or product column, naming the headers it found", async () => {
    const noPrice = scratchFile("no-price.csv", "sku,competitor,notes\nCAM-CLA,Amazon,x\n");
    const error = await readAll({ file: noPrice }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CsvError);
    expect((error as CsvError).message).toContain('no price column: name one "price"');
    expect((error as CsvError).message).toContain('the headers are: "sku", "competitor", "notes"');
    await expect(readAll({ file: scratchFile("no-product.csv", "competitor,price\nAmazon,10\n") })).rejects.toThrow(/no column names the product/);
    await expect(readAll({ file: scratchFile("no-rival.csv", "sku,price\nX,10\n") })).rejects.toThrow(/no competitor column/);
    await expect(readAll({ file: scratchFile("header-only.csv", "sku,competitor,price\n") })).rejects.toThrow(/header but no data rows/);
    await expect(readAll({ file: "/nonexistent/prices.csv" })).rejects.toThrow(/prices\.csv: file not found/);
  });
});
