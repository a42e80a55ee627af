/**
 * `bizos connect shopify`, `bizos connect competitor-feed` and `bizos connectors`: connecting a data
 * source to a workspace (its credentials sealed with ENCRYPTION_KEY, never printed back) and seeing
 * each connector's state — status, last sync, last error — as the sync job leaves it.
 */
import type { Command } from "commander";
import { resolveEncryptionKey } from "../../config/encryption-key.ts";
import { checkFeedConnection, feedAccount, feedCredentials } from "../../connectors/competitors/index.ts";
import { listConnectors, saveConnector } from "../../db/repositories/connectors.ts";
import type { Db } from "../../db/database.ts";
import type { Connector } from "../../db/schema/connectors.ts";
import { InputError } from "../../lib/input-error.ts";
import { createSecretBox } from "../../lib/secret-box.ts";
import { withAppContext } from "../app-context.ts";
import { parseHeaderOption } from "../options.ts";
import { renderTable } from "../table.ts";
import { requireWorkspace } from "../workspace-lookup.ts";

/** "moda-norte", "https://Moda-Norte.myshopify.com/" → "moda-norte.myshopify.com"; anything else is refused. */
export function shopDomain(raw: string): string {
  const host = raw.trim().toLowerCase().replace(/^https?:\/\//, "").replace(/\/.*$/, "");
  const domain = host.includes(".") ? host : `${host}.myshopify.com`;
  if (!/^[a-z0-9][a-z0-9-]*\.myshopify\.com$/.test(domain)) {
    throw new InputError(`--shop must be the store's myshopify.com domain (Shopify admin → Settings → Domains), like moda-norte.myshopify.com; got "${raw}"`);
  }
  return domain;
}

function apiBaseUrl(raw: string): string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new InputError(`--api-base-url must be an http(s) URL, got "${raw}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new InputError(`--api-base-url must be an http(s) URL, got "${raw}"`);
  return url.toString().replace(/\/+$/, "");
}

function minute(instant: Date | null): string {
  return instant === null ? "never" : `${instant.toISOString().slice(0, 16).replace("T", " ")}Z`;
}

function shorten(text: string | null, max: number): string {
  if (text === null) return "—";
  const line = text.replace(/\s+/g, " ").trim();
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

/** Orders the workspace holds from CSV imports (the sync cannot tell them apart from its own). */
async function importedOrders(db: Db, workspaceId: number): Promise<number> {
  const row = await db.selectFrom("imports").select((eb) => eb.fn.coalesce(eb.fn.sum<number>("orders"), eb.lit(0)).as("orders")).where("workspace_id", "=", workspaceId).executeTakeFirst();
  return Number(row?.orders ?? 0);
}

/** What may be shown of a connector: everything but its credentials. */
function connectorView(connector: Connector) {
  return {
    id: connector.id,
    provider: connector.provider,
    account: connector.account,
    status: connector.status,
    lastSyncAt: connector.last_sync_at?.toISOString() ?? null,
    lastError: connector.last_error,
    hasCredentials: connector.credentials_encrypted !== null,
  };
}

/** When the connector syncs next, said once it is connected. */
function scheduleNote(syncEveryMs: number): string {
  const minutes = syncEveryMs / 60_000;
  return minutes > 0 ? `Its data syncs every ${minutes} minutes while npm start or a worker runs (SYNC_EVERY_MINUTES).` : "Scheduled syncs are off (SYNC_EVERY_MINUTES=0).";
}

interface ConnectFeedOptions {
  workspace: string;
  url: string;
  name?: string;
  header: Record<string, string>;
}

interface ConnectShopifyOptions {
  workspace: string;
  shop: string;
  token: string;
  apiBaseUrl?: string;
}

export function registerConnectCommands(program: Command): void {
  const connect = program.command("connect").description("Connect a data source to a workspace (its data then syncs on a schedule)");

  connect
    .command("shopify")
    .description("Connect a Shopify store with an Admin API access token (a custom app's token, shpat_…)")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .requiredOption("--shop <domain>", "the store's myshopify.com domain (moda-norte or moda-norte.myshopify.com)")
    .requiredOption("--token <token>", "Admin API access token; stored encrypted, never shown again")
    .option("--api-base-url <url>", "where the Admin API answers, for a proxy or a test server (default https://<shop>)")
    .addHelpText(
      "after",
      "\nThe token needs the read_orders, read_products, read_inventory and read_customers scopes (read_all_orders for orders older than 60 days; write_products for approved price changes).\n\nExample:\n  npx bizos connect shopify --workspace mi-tienda --shop mi-tienda --token shpat_…",
    )
    .action((options: ConnectShopifyOptions) => {
      const shop = shopDomain(options.shop);
      const token = options.token.trim();
      if (token.length === 0) throw new InputError("--token must not be blank");
      const baseUrl = options.apiBaseUrl === undefined ? undefined : apiBaseUrl(options.apiBaseUrl);
      return withAppContext({ migrate: true }, async ({ config, database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const box = createSecretBox(resolveEncryptionKey(config).key);
        const connector = await saveConnector(database.db, box, {
          workspaceId: workspace.id,
          provider: "shopify",
          account: shop,
          credentials: baseUrl === undefined ? { accessToken: token } : { accessToken: token, apiBaseUrl: baseUrl },
        });
        out(`Connected Shopify store ${shop} to ${workspace.slug} (connector ${connector.id}); the token is stored encrypted.`);
        out(scheduleNote(config.channels.syncEveryMs));
        out(`Pull the data now: npx bizos sync --workspace ${workspace.slug} --connector ${connector.id}`);
        const imported = await importedOrders(database.db, workspace.id);
        if (imported > 0) {
          out(
            `Warning: ${workspace.slug} already has ${imported.toLocaleString("en")} orders imported from CSV files. Synced orders are stored as Shopify's and are not matched to imported ones, so orders in both would be counted twice: import only what Shopify does not have (another store, older history), or use a workspace of its own for the synced store.`,
          );
        }
      });
    });

  connect
    .command("competitor-feed")
    .description("Connect a competitor-price JSON feed: its prices sync on the schedule, like a store's data")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .requiredOption("--url <url>", "the feed's http(s) URL (its first page); stored encrypted")
    .option("--name <name>", "a name for the feed (default: its host); connecting the same name again replaces its URL and headers")
    .option("--header <header>", 'a header sent with every page, e.g. "Authorization: Bearer abc123" (repeatable); stored encrypted, never shown again', parseHeaderOption, {})
    .addHelpText(
      "after",
      [
        "",
        "The feed is read like `bizos competitors fetch` reads it (see npx bizos competitors fetch --help for its shape), every",
        "SYNC_EVERY_MINUTES; items are matched to your products, and an item already stored is not stored again.",
        "",
        "Example:",
        '  npx bizos connect competitor-feed --workspace mi-tienda --url https://prices.example.com/v1/feed --name precios --header "Authorization: Bearer abc123"',
      ].join("\n"),
    )
    .action((options: ConnectFeedOptions) => {
      const connection = checkFeedConnection({ url: options.url, headers: options.header });
      const account = feedAccount(connection, options.name);
      return withAppContext({ migrate: true }, async ({ config, database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const box = createSecretBox(resolveEncryptionKey(config).key);
        const connector = await saveConnector(database.db, box, { workspaceId: workspace.id, provider: "competitor_feed", account, credentials: feedCredentials(connection) });
        const headers = Object.keys(connection.headers).length;
        const sealed = headers === 0 ? "its URL is" : `its URL and ${headers === 1 ? "header are" : `${headers} headers are`}`;
        out(`Connected price feed ${account} to ${workspace.slug} (connector ${connector.id}); ${sealed} stored encrypted.`);
        out(scheduleNote(config.channels.syncEveryMs));
        out(`Pull the prices now: npx bizos sync --workspace ${workspace.slug} --connector ${connector.id}`);
      });
    });

  program
    .command("connectors")
    .description("A workspace's connected data sources: provider, account, status, last sync and last error")
    .requiredOption("-w, --workspace <slug>", "workspace")
    .option("--json", "print the connectors as JSON")
    .action((options: { workspace: string; json?: boolean }) =>
      withAppContext({ migrate: true }, async ({ database, out }) => {
        const workspace = await requireWorkspace(database.db, options.workspace);
        const connectors = (await listConnectors(database.db, workspace.id)).map(connectorView);
        if (options.json) return out(JSON.stringify(connectors, null, 2));
        if (connectors.length === 0) {
          return out(`${workspace.slug} has no connectors. Connect a store: npx bizos connect shopify --workspace ${workspace.slug} --shop <domain> --token <token>; or a competitor price feed: npx bizos connect competitor-feed --workspace ${workspace.slug} --url <url>`);
        }
        out(
          renderTable(
            ["id", "provider", "account", "status", "last sync", "last error"],
            connectors.map((c) => [String(c.id), c.provider, c.account, c.status, minute(c.lastSyncAt === null ? null : new Date(c.lastSyncAt)), shorten(c.lastError, 70)]),
          ),
        );
      }),
    );
}
