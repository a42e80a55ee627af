import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Command } from "commander";
import { afterAll, describe, expect, it, vi } from "vitest";
import { fixture, scratchFile, seedTienda } from "../../connectors/competitors/test-support.ts";
import { importCompetitorCsv, readLatestCompetitorPrices } from "../../connectors/competitors/index.ts";
import { openPglite } from "../../db/connection.ts";
import { migrateToLatest } from "../../db/migrate.ts";
import { OWNER_ACCESS } from "../../engines/access/roles.ts";
import { listOnlyApprovalSink } from "../../engines/approvals/approval-requests.ts";
import { fixedClock } from "../../lib/clock.ts";
import { InputError } from "../../lib/input-error.ts";
import { silentLogger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { describeDatabase } from "../../test/database.ts";
import { competitorPricesSchema } from "../../tools/commerce-ops/contracts.ts";
import { createCompetitorPricesTool } from "../../tools/commerce-ops/competitor-prices.ts";
import type { ToolDeps } from "../../tools/tool-contract.ts";
import { parseHeaderOption } from "../options.ts";
import { feedFailureMessage, formatImportSummary, formatLatestPrices, registerCompetitorCommands } from "./competitors.ts";
import { LexicalEmbedder } from "../../memory/embeddings/lexical-embedder.ts";

const NOW = "2026-11-21T18:00:00Z";
const clock = fixedClock(NOW);

/** Our Camiseta Clásica sells at $199: Liverpool sat above it, then went to $179 this week. */
const UNDERCUT_CSV = [
  "SKU,Competidor,Precio,Disponible,Fecha",
  "CAM-CLA,Liverpool,209.00,sí,2026-11-02",
  "CAM-CLA,Liverpool,205.00,sí,2026-11-16",
  "CAM-CLA,Liverpool,179.00,sí,2026-11-19",
  // Already cheaper than our $299 before the week: a standing gap, not an undercut.
  "GOR-BOR,Amazon,279.00,sí,2026-11-01",
  "GOR-BOR,Amazon,275.00,sí,2026-11-18",
  "MOC-URB,Coppel,729.00,no,2026-11-18",
].join("\n");

describeDatabase("bizos competitors, and the competitor_prices tool on imported prices", ({ db }) => {
  it("answers 'who undercut us this week?' from a CSV the owner imported", async () => {
    const tienda = await seedTienda(db());
    const summary = await importCompetitorCsv(db(), tienda.workspace, { file: scratchFile("undercut.csv", UNDERCUT_CSV), clock });
    expect(summary.counts).toEqual({ read: 6, written: 6, duplicates: 0, unmatched: 0, invalid: 0 });

    const deps: ToolDeps = {
      db: db(),
      workspace: tienda.workspace,
      access: OWNER_ACCESS,
      actor: { memberId: null, channel: "cli" },
      approvals: listOnlyApprovalSink(db()),
      clock,
      logger: silentLogger,
      embedder: new LexicalEmbedder(),
    };
    const tool = createCompetitorPricesTool(deps);
    const outcome = await tool(competitorPricesSchema.parse({ view: "undercut", range: "this week" }));
    if (!outcome.ok) throw new Error(`tool failed: ${JSON.stringify(outcome.error)}`);
    expect(outcome.data.competitors).toEqual(["Amazon", "Coppel", "Liverpool"]);
    expect(outcome.data.undercutCount).toBe(1);
    expect(outcome.data.undercuts).toEqual([
      {
        productId: tienda.products.get("P-200"),
        title: "Camiseta Clásica",
        sku: "CAM-CLA",
        competitor: "Liverpool",
        date: "2026-11-19",
        previousPriceCents: 20500,
        priceCents: 17900,
        ourPriceCents: 19900,
        gapCents: -2000,
        gapPct: -0.100503,
        stillBelow: true,
        latestPriceCents: 17900,
      },
    ]);
    // Amazon's gorra is cheaper than ours too, but was before the week began; Coppel is out of stock.
    expect(outcome.data.productsUndersold).toBe(2);
    const mochila = outcome.data.comparisons.find((c) => c.title === "Mochila Urbana");
    expect(mochila).toMatchObject({ quotes: [], outOfStock: ["Coppel"], position: "no_quotes" });

    // Importing the same file again changes nothing the tool sees.
    expect((await importCompetitorCsv(db(), tienda.workspace, { file: scratchFile("undercut.csv", UNDERCUT_CSV), clock })).counts.written).toBe(0);
    const again = await tool(competitorPricesSchema.parse({ view: "undercut", range: "this week" }));
    expect(again.ok && again.data.observations).toBe(outcome.data.observations);

    const since = new Date(Date.parse(NOW) - 7 * 24 * 3600 * 1000);
    const table = formatLatestPrices(await readLatestCompetitorPrices(db(), tienda.workspace.id, since), tienda.workspace, 7, since);
    expect(table).toContain("Latest competitor prices in tienda, the last 7 days (since 2026-11-14)");
    expect(table).toMatch(/^Camiseta Clásica\s+CAM-CLA\s+Liverpool\s+\$179\.00\s+\$199\.00\s+−10\.1%\s+yes\s+2026-11-19$/m);
    expect(table).toMatch(/^Mochila Urbana\s+MOC-URB\s+Coppel\s+\$729\.00\s+\$699\.00\s+\+4\.3%\s+no\s+2026-11-18$/m);
    expect(formatLatestPrices([], tienda.workspace, 7, since)).toContain("No competitor prices observed in tienda in the last 7 days");
  });

  it("summarises an import with counts, how rows matched, and every problem with its line", async () => {
    const tienda = await seedTienda(db());
    const text = formatImportSummary(await importCompetitorCsv(db(), tienda.workspace, { file: fixture("prices-en.csv"), clock }), tienda.workspace);
    expect(text).toContain(`Imported competitor prices from ${fixture("prices-en.csv")} into tienda.`);
    expect(text).toMatch(/^ {2}read\s+13 rows$/m);
    expect(text).toMatch(/^ {2}written\s+6 new observations \(3 competitors: Amazon, Coppel, Liverpool; 2026-11-18 to 2026-11-21\)$/m);
    expect(text).toMatch(/^ {2}unmatched\s+3 \(not written; see below\)$/m);
    expect(text).toMatch(/^ {2}matched by\s+SKU 3, product id 1, title 1, close title 1$/m);
    expect(text).toContain('read as      utf-8, delimiter ",", decimal ".", dates iso');
    expect(text).toContain('  line 6: "Gora Bordada" → Gorra Bordada');
    expect(text).toContain('  line 7: "Unicornio Volador": no product answers to it');
    expect(text).toContain('  line 8: "Jeans Slim": could be Jeans Slim Azul (SKU JEA-SLI-AZ), Jeans Slim Negro (SKU JEA-SLI-NE)');
    expect(text).toContain('  line 10, Price "abc": the price is not a number');
    expect(text).toContain("  line 12, Competitor: the competitor is missing");

    const dry = formatImportSummary(await importCompetitorCsv(db(), tienda.workspace, { file: fixture("prices-en.csv"), dryRun: true, clock }), tienda.workspace);
    expect(dry).toContain("nothing was written");
    expect(dry).toMatch(/^ {2}would add\s+0 new observations/m);
    expect(dry).toMatch(/^ {2}duplicates\s+6 /m);
  });
});

describe("bizos competitors options", () => {
  it("reads --header as Name: value, repeatedly, and refuses anything else", () => {
    expect(parseHeaderOption("Authorization: Bearer a:b", parseHeaderOption("X-Shop:  mi-tienda "))).toEqual({ "X-Shop": "mi-tienda", Authorization: "Bearer a:b" });
    expect(() => parseHeaderOption("Bearer abc")).toThrow(InputError);
    expect(() => parseHeaderOption(": x")).toThrow(/--header must look like "Name: value"/);
  });

  it("says what to do about each kind of feed failure", () => {
    expect(feedFailureMessage(new ProviderError("competitor-feed", { kind: "auth" }, "the feed refused our credentials (HTTP 401)"))).toContain('--header "Authorization: Bearer <token>"');
    expect(feedFailureMessage(new ProviderError("competitor-feed", { kind: "transient" }, "the feed answered HTTP 502"))).toContain("try again later");
    expect(feedFailureMessage(new ProviderError("competitor-feed", { kind: "rate_limited", retryAfterMs: 7000 }, "retry in 7 s"))).toBe("competitor-feed: retry in 7 s.");
  });
});

describe("bizos competitors (in process, embedded database)", { timeout: 300_000 }, () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), "bizos-competitors-cli-"));
  afterAll(() => {
    vi.unstubAllEnvs();
    rmSync(dataDir, { recursive: true, force: true });
  });

  /** Runs `bizos competitors …args` through commander against the data directory; stdout as text. */
  async function bizos(...args: string[]): Promise<string> {
    const program = new Command("bizos").exitOverride();
    registerCompetitorCommands(program);
    const written: string[] = [];
    const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
      written.push(typeof chunk === "string" ? chunk : Buffer.from(chunk).toString("utf8"));
      return true;
    });
    try {
      await program.parseAsync(["node", "bizos", "competitors", ...args]);
    } finally {
      spy.mockRestore();
    }
    return written.join("");
  }

  it("imports, lists and refuses bad flags", async () => {
    vi.stubEnv("BIZOS_DATA_DIR", dataDir);
    vi.stubEnv("DATABASE_URL", "");
    vi.stubEnv("LOG_LEVEL", "warn");
    const handle = await openPglite({ dataDir: path.join(dataDir, "pglite") });
    try {
      await migrateToLatest(handle.db);
      await seedTienda(handle.db);
    } finally {
      await handle.close();
    }

    const imported = await bizos("import", fixture("precios-es.csv"), "--workspace", "tienda");
    expect(imported).toContain("into tienda.");
    expect(imported).toMatch(/written\s+4 new observations \(2 competitors: Coppel, Liverpool;/);
    expect(imported).toContain('read as      utf-8, delimiter ";", decimal ",", dates dmy');
    const json = JSON.parse(await bizos("import", fixture("precios-es.csv"), "--workspace", "tienda", "--json")) as { counts: Record<string, number> };
    expect(json.counts).toEqual({ read: 4, written: 0, duplicates: 4, unmatched: 0, invalid: 0 });

    const listed = await bizos("list", "--workspace", "tienda", "--days", "3650");
    expect(listed).toMatch(/^Camiseta Clásica\s+CAM-CLA\s+Coppel\s+\$179\.50\s+\$199\.00/m);
    expect(listed).toMatch(/^Jeans Slim Negro\s+JEA-SLI-NE\s+Coppel\s+\$749\.90/m);

    await expect(bizos("import", fixture("precios-es.csv"), "--workspace", "nope")).rejects.toThrow('No workspace "nope"');
    await expect(bizos("import", fixture("precios-es.csv"), "--workspace", "tienda", "--decimal", ";")).rejects.toThrow("--decimal must be one of auto, ., ,");
    await expect(bizos("fetch", "http://127.0.0.1:9/feed", "--workspace", "tienda", "--header", "oops")).rejects.toThrow(/--header must look like/);
    await expect(bizos("list", "--workspace", "tienda", "--days", "0")).rejects.toThrow(/--days must be a whole number/);
  });
});
