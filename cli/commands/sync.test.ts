/**
 * `bizos connect shopify`, `bizos connect competitor-feed`, `bizos connectors` and `bizos sync` on an
 * embedded database, run in this process as cli/main.ts registers them; a store's sync reads from a
 * catalog source the test holds (the Shopify sync itself is tested against the fake Admin API in
 * app/sync.test.ts), a price feed's from the fake feed on 127.0.0.1.
 */
import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import type { Db } from "../../db/database.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { createCompetitorFeedSyncSource } from "../../connectors/competitors/index.ts";
import { catalogSource } from "../../jobs/sync/sync-test-kit.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { useCliEnvironment } from "../../test/cli-in-process.ts";
import { startFakeCompetitorFeed } from "../../test/fakes/competitor-feed.ts";
import { registerConnectCommands, shopDomain } from "./connect.ts";
import { registerSyncCommand } from "./sync.ts";

const cli = useCliEnvironment("sync", { ENCRYPTION_KEY: "", SYNC_EVERY_MINUTES: "30" });

const TOKEN = "shpat_0123456789abcdef";
const source = catalogSource("shopify", [
  { externalId: "gid://shopify/Product/1", title: "Playera", updatedAt: "2026-11-20T10:00:00Z" },
  { externalId: "gid://shopify/Product/2", title: "Sudadera", updatedAt: "2026-11-20T11:00:00Z" },
]);

function register(program: Command): void {
  registerConnectCommands(program);
  registerSyncCommand(program, { sources: () => new Map([["shopify", source], ["competitor_feed", createCompetitorFeedSyncSource({ timeoutMs: 5_000 })]]) });
}
const bizos = (...args: string[]) => cli.run(register, args);
const withDatabase = <T>(work: (db: Db) => Promise<T>) => cli.withDatabase(work);

describe("shop domains", () => {
  it("accepts a store name or its myshopify.com domain and refuses anything else", () => {
    expect(shopDomain("moda-norte")).toBe("moda-norte.myshopify.com");
    expect(shopDomain(" https://Moda-Norte.myshopify.com/admin ")).toBe("moda-norte.myshopify.com");
    expect(() => shopDomain("www.modanorte.mx")).toThrow(/myshopify\.com domain/);
    expect(() => shopDomain("moda norte")).toThrow(/myshopify\.com domain/);
  });
});

describe("bizos connect, connectors and sync (embedded database)", { timeout: 600_000 }, () => {
  it("connects a store without showing its token, syncs it with progress and a summary, and shows the connector's state", async () => {
    await withDatabase(async (db) => {
      await createWorkspace(db, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
      await createWorkspace(db, { name: "Vacía", slug: "vacia", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
    });

    expect((await bizos("connect", "shopify", "--workspace", "nope", "--shop", "tienda", "--token", TOKEN)).error).toBe("No workspace \"nope\". See: npx bizos workspace list");
    expect((await bizos("connect", "shopify", "--workspace", "tienda", "--shop", "tienda.mx", "--token", TOKEN)).error).toContain("--shop must be the store's myshopify.com domain");
    expect((await bizos("connect", "shopify", "--workspace", "tienda", "--shop", "tienda", "--token", TOKEN, "--api-base-url", "ftp://x")).error).toContain("--api-base-url must be an http(s) URL");

    const connected = await bizos("connect", "shopify", "--workspace", "tienda", "--shop", "tienda", "--token", TOKEN, "--api-base-url", "http://127.0.0.1:9/");
    expect(connected.code).toBe(0);
    const id = Number(/\(connector (\d+)\)/.exec(connected.stdout)?.[1]);
    expect(connected.stdout).toContain(`Connected Shopify store tienda.myshopify.com to tienda (connector ${id}); the token is stored encrypted.`);
    expect(connected.stdout).toContain("Its data syncs every 30 minutes");
    expect(connected.stdout).toContain(`npx bizos sync --workspace tienda --connector ${id}`);
    expect(connected.stdout + connected.stderr).not.toContain(TOKEN);
    expect(connected.stdout).not.toContain("Warning");
    const stored = await withDatabase((db) => db.selectFrom("connectors").selectAll().executeTakeFirstOrThrow());
    expect(stored).toMatchObject({ id, provider: "shopify", account: "tienda.myshopify.com", status: "active" });
    expect(stored.credentials_encrypted).toMatch(/^v1\./);
    expect(stored.credentials_encrypted).not.toContain(TOKEN);

    const before = await bizos("connectors", "--workspace", "tienda");
    expect(before.stdout).toMatch(/^id\s+provider\s+account\s+status\s+last sync\s+last error$/m);
    expect(before.stdout).toMatch(new RegExp(`^\\s*${id}\\s+shopify\\s+tienda\\.myshopify\\.com\\s+active\\s+never\\s+—$`, "m"));

    // Errors name what is wrong and where to look.
    expect((await bizos("sync", "--workspace", "nope")).error).toBe("No workspace \"nope\". See: npx bizos workspace list");
    expect((await bizos("sync", "--workspace", "vacia")).error).toContain("vacia has no connectors. Connect a store: npx bizos connect shopify --workspace vacia");
    expect((await bizos("sync", "--workspace", "vacia")).error).toContain("or a competitor price feed: npx bizos connect competitor-feed --workspace vacia --url <url>");
    expect((await bizos("sync", "--workspace", "tienda", "--connector", "999")).error).toBe("No connector 999 in tienda. See: npx bizos connectors --workspace tienda");

    const synced = await bizos("sync", "--workspace", "tienda");
    expect(synced.code).toBe(0);
    expect(synced.stdout).toMatch(new RegExp(`^shopify tienda\\.myshopify\\.com \\(connector ${id}\\): 2 records read, 2 rows written in .+ \\(sync run (\\d+)\\)\\.$`, "m"));
    expect(synced.stdout).toMatch(/Insight detection queued \(insights:\d+:\d{4}-\d{2}-\d{2}:sync:\d+\)/);
    expect(synced.stderr).toMatch(/^products \[#+\]\s+100% 2\/2 rows/m);
    expect(source.calls.at(-1)).toEqual({ cursor: null, credentials: { accessToken: TOKEN, apiBaseUrl: "http://127.0.0.1:9" } });
    const state = await withDatabase(async (db) => ({
      runs: await db.selectFrom("sync_runs").select(["id", "status", "rows_written"]).execute(),
      detections: await db.selectFrom("job_runs").select(["job_key", "status"]).where("queue", "=", "insights").execute(),
      products: await db.selectFrom("products").select("title").orderBy("title").execute(),
    }));
    expect(state.runs).toEqual([{ id: expect.any(Number) as unknown, status: "succeeded", rows_written: 2 }]);
    // Queued for the server or a worker, which sends the alerts.
    expect(state.detections).toEqual([{ job_key: expect.stringMatching(new RegExp(`:sync:${state.runs[0]!.id}$`)) as unknown, status: "queued" }]);
    expect(state.products.map((p) => p.title)).toEqual(["Playera", "Sudadera"]);

    // A token Shopify refuses: the run fails, the connector is in error, and the command fails.
    source.failNext(new ProviderError("shopify", { kind: "auth" }, "[API] Invalid API key or access token"));
    const refused = await bizos("sync", "--workspace", "tienda", "--connector", String(id));
    expect(refused.code).toBe(1);
    expect(refused.error).toBe("1 of 1 sync failed (see above).");
    expect(refused.stdout).toContain("failed (sync run");
    expect(refused.stdout).toContain("shopify: [API] Invalid API key or access token");
    expect(refused.stdout).toContain("The connector is now in error. Fix the connection (npx bizos connect shopify …), then sync again.");
    const after = await bizos("connectors", "--workspace", "tienda");
    expect(after.stdout).toMatch(new RegExp(`^\\s*${id}\\s+shopify\\s+tienda\\.myshopify\\.com\\s+error\\s+\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}Z\\s+shopify: \\[API\\] Invalid API key or access token$`, "m"));
    const json = await bizos("connectors", "--workspace", "tienda", "--json");
    expect(JSON.parse(json.stdout)).toEqual([
      { id, provider: "shopify", account: "tienda.myshopify.com", status: "error", lastSyncAt: expect.any(String) as unknown, lastError: "shopify: [API] Invalid API key or access token", hasCredentials: true },
    ]);
    expect(json.stdout).not.toContain(TOKEN);

    // Connecting again with a new token: active again, and the next sync clears the error.
    expect((await bizos("connect", "shopify", "--workspace", "tienda", "--shop", "tienda.myshopify.com", "--token", "shpat_new")).code).toBe(0);
    source.items.push({ externalId: "gid://shopify/Product/3", title: "Gorra", updatedAt: "2026-11-21T09:00:00Z" });
    const again = await bizos("sync", "--workspace", "tienda");
    expect(again.stdout).toContain("1 record read, 1 row written");
    expect(source.calls.at(-1)).toEqual({ cursor: { updatedAfter: "2026-11-20T11:00:00Z" }, credentials: { accessToken: "shpat_new" } });
    expect((await bizos("connectors", "--workspace", "tienda")).stdout).toMatch(new RegExp(`^\\s*${id}\\s+shopify\\s+tienda\\.myshopify\\.com\\s+active\\s+\\S+ \\S+\\s+—$`, "m"));
  });

  it("warns when the workspace already has orders imported from CSV, which synced orders would count twice", async () => {
    await withDatabase(async (db) => {
      const store = await createWorkspace(db, { name: "Importada", slug: "importada", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
      await db
        .insertInto("imports")
        .values({ workspace_id: store.id, format: "shopify", file_name: "orders_export.csv", file_sha256: "a".repeat(64), rows: 1500, orders: 1234, options: JSON.stringify({}) })
        .execute();
    });
    const connected = await bizos("connect", "shopify", "--workspace", "importada", "--shop", "importada", "--token", TOKEN);
    expect(connected.code).toBe(0);
    expect(connected.stdout).toContain("Warning: importada already has 1,234 orders imported from CSV files.");
    expect(connected.stdout).toContain("counted twice");
  });

  it("connects a competitor price feed without showing its URL or headers, syncs its prices, and names the command that fixes it once it is refused", async () => {
    const FEED_TOKEN = "feed-secret-123";
    const feed = await startFakeCompetitorFeed({ token: FEED_TOKEN });
    try {
      feed.setPages([{ items: [{ sku: "CAM-CLA", competitor: "Amazon", price: 179.9, observed_at: "2026-11-20T15:00:00Z" }] }]);
      const productId = await withDatabase(async (db) => {
        const store = await createWorkspace(db, { name: "Precios", slug: "precios", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
        const product = await db.insertInto("products").values({ workspace_id: store.id, source: "test", external_id: "P-200", title: "Camiseta Clásica", category: null, vendor: null, status: "active" }).returning("id").executeTakeFirstOrThrow();
        await db.insertInto("variants").values({ workspace_id: store.id, product_id: product.id, source: "test", external_id: "P-200-1", sku: "CAM-CLA", title: "Única", price_cents: 19_900, cost_cents: null, inventory_qty: null }).execute();
        return product.id;
      });

      expect((await bizos("connect", "competitor-feed", "--workspace", "precios", "--url", "ftp://127.0.0.1/prices")).error).toContain("the feed must be an http:// or https:// URL");
      expect((await bizos("connect", "competitor-feed", "--workspace", "precios", "--url", feed.url, "--header", `Bearer ${FEED_TOKEN}`)).error).toContain('--header must look like "Name: value"');
      const connected = await bizos("connect", "competitor-feed", "--workspace", "precios", "--url", feed.url, "--name", "precios-mx", "--header", `Authorization: Bearer ${FEED_TOKEN}`);
      expect(connected.code).toBe(0);
      const id = Number(/\(connector (\d+)\)/.exec(connected.stdout)?.[1]);
      expect(connected.stdout).toContain(`Connected price feed precios-mx to precios (connector ${id}); its URL and header are stored encrypted.`);
      expect(connected.stdout).toContain("Its data syncs every 30 minutes");
      expect(connected.stdout).toContain(`npx bizos sync --workspace precios --connector ${id}`);
      expect(connected.stdout + connected.stderr).not.toContain(FEED_TOKEN);
      expect(connected.stdout).not.toContain(feed.url);
      const stored = await withDatabase((db) => db.selectFrom("connectors").selectAll().where("id", "=", id).executeTakeFirstOrThrow());
      expect(stored).toMatchObject({ provider: "competitor_feed", account: "precios-mx", status: "active" });
      expect(stored.credentials_encrypted).not.toContain(FEED_TOKEN);
      expect((await bizos("connectors", "--workspace", "precios")).stdout).toMatch(new RegExp(`^\\s*${id}\\s+competitor_feed\\s+precios-mx\\s+active\\s+never\\s+—$`, "m"));

      const synced = await bizos("sync", "--workspace", "precios");
      expect(synced.code).toBe(0);
      expect(synced.stdout).toMatch(new RegExp(`^competitor_feed precios-mx \\(connector ${id}\\): 1 record read, 1 row written in .+ \\(sync run \\d+\\)\\.$`, "m"));
      expect(feed.requests.map((r) => r.authorization)).toEqual([`Bearer ${FEED_TOKEN}`]);
      const prices = await withDatabase((db) => db.selectFrom("competitor_prices").select(["product_id", "competitor", "price_cents"]).where("product_id", "=", productId).execute());
      expect(prices).toEqual([{ product_id: productId, competitor: "Amazon", price_cents: 17_990 }]);
      // The same feed again: read, nothing new.
      expect((await bizos("sync", "--workspace", "precios")).stdout).toContain("1 record read, 0 rows written");

      // The feed's token is revoked: the sync fails for good and says which command connects it again.
      const refused = await bizos("connect", "competitor-feed", "--workspace", "precios", "--url", feed.url, "--name", "precios-mx", "--header", "Authorization: Bearer revoked");
      expect(refused.code).toBe(0);
      const failed = await bizos("sync", "--workspace", "precios", "--connector", String(id));
      expect(failed.error).toBe("1 of 1 sync failed (see above).");
      expect(failed.stdout).toContain("the feed refused our credentials (HTTP 401)");
      expect(failed.stdout).toContain("Fix the connection (npx bizos connect competitor-feed …), then sync again.");
    } finally {
      await feed.close();
    }
  });
});
