/**
 * How fresh each source's data is: the latest data point and when data last arrived (an import or a
 * connector sync). Every answer carries this so people know what "yesterday" includes.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import type { ConnectorProvider } from "../../../db/schema/connectors.ts";
import type { FactName } from "../facts/measures.ts";

/** memory: conversation memory (what recall can find), as of its newest stored message or fact. */
export const FRESHNESS_SOURCES = ["orders", "ads", "web", "subscriptions", "inventory", "competitors", "memory"] as const;
export type FreshnessSource = (typeof FRESHNESS_SOURCES)[number];

export interface Freshness {
  readonly source: FreshnessSource;
  /** Latest data point: an ISO instant for orders, subscriptions and competitor observations, a local date for daily reports and stock snapshots. */
  readonly latestData: string | null;
  /** When data last arrived: the latest import or successful sync (ISO instant), if known. */
  readonly lastLoadedAt: string | null;
}

export function freshnessSourceOf(fact: FactName): FreshnessSource {
  switch (fact) {
    case "orders":
    case "lines":
      return "orders";
    case "ads":
      return "ads";
    case "web":
      return "web";
    case "mrr":
      return "subscriptions";
  }
}

function iso(value: Date | string | null): string | null {
  if (value === null) return null;
  return typeof value === "string" ? value : value.toISOString();
}

async function latestData(db: DbOrTrx, workspaceId: number, source: FreshnessSource): Promise<string | null> {
  switch (source) {
    case "orders": {
      const row = await sql<{ at: Date | null }>`select max(placed_at) as at from orders where workspace_id = ${workspaceId}`.execute(db);
      return iso(row.rows[0]?.at ?? null);
    }
    case "ads": {
      const row = await sql<{ at: string | null }>`select max(date) as at from ad_spend_daily where workspace_id = ${workspaceId}`.execute(db);
      return iso(row.rows[0]?.at ?? null);
    }
    case "web": {
      const row = await sql<{ at: string | null }>`select max(date) as at from web_sessions_daily where workspace_id = ${workspaceId}`.execute(db);
      return iso(row.rows[0]?.at ?? null);
    }
    case "subscriptions": {
      const row = await sql<{ at: Date | null }>`select max(changed_at) as at from subscription_mrr_changes where workspace_id = ${workspaceId}`.execute(db);
      return iso(row.rows[0]?.at ?? null);
    }
    case "inventory": {
      const row = await sql<{ at: string | null }>`select max(date) as at from inventory_snapshots where workspace_id = ${workspaceId}`.execute(db);
      return iso(row.rows[0]?.at ?? null);
    }
    case "competitors": {
      const row = await sql<{ at: Date | null }>`select max(observed_at) as at from competitor_prices where workspace_id = ${workspaceId}`.execute(db);
      return iso(row.rows[0]?.at ?? null);
    }
    case "memory": {
      const row = await sql<{ at: Date | null }>`select max(created_at) as at from memory_embeddings where workspace_id = ${workspaceId}`.execute(db);
      return iso(row.rows[0]?.at ?? null);
    }
  }
}

const PROVIDERS: Readonly<Record<FreshnessSource, readonly ConnectorProvider[]>> = {
  orders: ["shopify", "mercadolibre", "amazon", "csv"],
  ads: ["meta_ads", "google_ads"],
  web: ["ga4"],
  subscriptions: ["stripe"],
  inventory: ["shopify"],
  // A price feed's scheduled syncs date competitor data; manual imports (bizos competitors) leave no trace to date them by.
  competitors: ["competitor_feed"],
  // Memory is written by the product itself, never loaded from a provider.
  memory: [],
};

async function lastLoaded(db: DbOrTrx, workspaceId: number, source: FreshnessSource): Promise<string | null> {
  const imports = source === "orders" ? sql`(select max(created_at) from imports where workspace_id = ${workspaceId})` : sql`null::timestamptz`;
  const row = await sql<{ at: Date | null }>`
    select greatest(${imports},
      (select max(r.finished_at) from sync_runs r join connectors c on c.id = r.connector_id
       where r.workspace_id = ${workspaceId} and r.status = 'succeeded' and c.provider = any(${[...PROVIDERS[source]]}::text[]))) as at`.execute(db);
  return iso(row.rows[0]?.at ?? null);
}

/** Freshness of every source the given facts read, once per source. */
export async function freshnessOf(db: DbOrTrx, workspaceId: number, facts: Iterable<FactName>): Promise<Freshness[]> {
  return freshnessOfSources(db, workspaceId, [...facts].map(freshnessSourceOf));
}

/** Freshness of the given sources (inventory, competitors… which no metric fact reads), once per source. */
export async function freshnessOfSources(db: DbOrTrx, workspaceId: number, wanted: Iterable<FreshnessSource>): Promise<Freshness[]> {
  const sources = [...new Set(wanted)];
  if (sources.length === 0) return [];
  const entries: Freshness[] = [];
  for (const source of sources) {
    entries.push({ source, latestData: await latestData(db, workspaceId, source), lastLoadedAt: await lastLoaded(db, workspaceId, source) });
  }
  return entries;
}
