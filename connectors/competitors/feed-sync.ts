/**
 * A competitor-price JSON feed behind the SyncSource interface (connectors/sync/sync-source.ts), so
 * a feed syncs on the schedule like a store and the undercut detection after each sync sees fresh
 * prices. A connector of provider competitor_feed holds the feed's URL and the headers sent with it
 * (`bizos connect competitor-feed`); its account is a name for the feed (its host by default).
 *
 * One sync is `bizos competitors fetch` without a person: the feed read through the json-feed
 * source (its one HTTP choke point maps failures to ProviderError), matched and written through
 * importObservations. A feed has no "changed since" to ask for, so every sync reads it whole; the
 * unique observation (product, variant, competitor, observed_at) makes the items already stored
 * write nothing. Items without a date are observed at the fetch, so each sync stores them again as
 * that moment's price: the history of a feed that only says "now".
 */
import { z } from "zod";
import type { Credentials } from "../../db/repositories/connectors.ts";
import { parseInput } from "../../lib/input-error.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import type { SyncContext, SyncOutcome, SyncSource } from "../sync/sync-source.ts";
import { importObservations } from "./import-observations.ts";
import { createFeedSource, DEFAULT_FEED_MAX_PAGES, DEFAULT_FEED_TIMEOUT_MS, FEED_PROVIDER, feedHeadersSchema, feedUrlSchema, type FetchFunction } from "./json-feed.ts";

export interface CompetitorFeedSyncOptions {
  /** The HTTP client (tests pass their own); the global fetch by default. */
  readonly fetch?: FetchFunction;
  /** Per page; default 15 s. */
  readonly timeoutMs?: number;
  /** Pages followed at most per sync; default 50. */
  readonly maxPages?: number;
}

/** Where a feed is and what to send with it. */
export interface FeedConnection {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}

const connectionSchema = z.object({ url: feedUrlSchema, headers: feedHeadersSchema.default({}) });

/** A feed connection as a person gave it (a URL, headers), checked; InputError says what is wrong. */
export function checkFeedConnection(input: { readonly url: string; readonly headers?: Readonly<Record<string, string>> }): FeedConnection {
  return parseInput(connectionSchema, input, "price feed");
}

/** The connector's account: the name given, or the feed's host. */
export function feedAccount(connection: FeedConnection, name?: string): string {
  const given = name?.trim() ?? "";
  return given.length > 0 ? given : new URL(connection.url).host;
}

/** What the connector stores, sealed: credential values are strings, so the headers are a JSON object in a string. */
export function feedCredentials(connection: FeedConnection): Credentials {
  return Object.keys(connection.headers).length === 0 ? { url: connection.url } : { url: connection.url, headers: JSON.stringify(connection.headers) };
}

const storedSchema = z.object({ url: z.string(), headers: z.string().optional() });

/** The stored credentials read back; a connection that cannot be used is the connector's to fix (auth: final, no retry). */
function openConnection(credentials: Credentials): FeedConnection {
  const refused = new ProviderError(FEED_PROVIDER, { kind: "auth" }, "the price feed connection has no usable URL or headers: connect the feed again (bizos connect competitor-feed)");
  const stored = storedSchema.safeParse(credentials);
  if (!stored.success) throw refused;
  let headers: unknown = {};
  if (stored.data.headers !== undefined) {
    try {
      headers = JSON.parse(stored.data.headers);
    } catch {
      throw refused;
    }
  }
  const connection = connectionSchema.safeParse({ url: stored.data.url, headers });
  if (!connection.success) throw refused;
  return connection.data;
}

// A type, not an interface: a sync cursor is a plain record.
export type FeedSyncCursor = {
  /** When the last successful sync fetched the feed (ISO instant). */
  readonly lastFetchedAt: string;
  /** Pages it read. */
  readonly pages: number;
};

export function createCompetitorFeedSyncSource(options: CompetitorFeedSyncOptions = {}): SyncSource {
  return { provider: "competitor_feed", sync: (context) => syncFeed(context, options) };
}

async function syncFeed(context: SyncContext, options: CompetitorFeedSyncOptions): Promise<SyncOutcome> {
  const { db, workspace, clock, progress } = context;
  const connection = openConnection(context.credentials);
  const logger = context.logger.child({ provider: "competitor_feed", feed: context.connector.account, workspaceId: workspace.id });
  const fetchedAt = clock.now();
  const source = createFeedSource({
    url: connection.url,
    headers: connection.headers,
    timeoutMs: options.timeoutMs ?? DEFAULT_FEED_TIMEOUT_MS,
    maxPages: options.maxPages ?? DEFAULT_FEED_MAX_PAGES,
    fetch: options.fetch ?? globalThis.fetch,
    currency: workspace.currency,
    timeZone: workspace.timezone,
    clock,
  });
  progress.start("competitor prices", null, "items");
  const summary = await importObservations(db, workspace, source, false);
  progress.advance(summary.counts.read);
  progress.finish();

  const pages = summary.source.kind === "feed" ? summary.source.pages : 0;
  const notFollowed = summary.source.kind === "feed" ? summary.source.notFollowed : null;
  const { counts } = summary;
  // Nobody watches a scheduled sync: what the feed could not give us is left in the log.
  if (counts.unmatched > 0 || counts.invalid > 0 || notFollowed !== null) {
    logger.warn("competitor feed: some items were not stored", {
      unmatched: counts.unmatched,
      invalid: counts.invalid,
      firstUnmatched: summary.unmatched[0]?.value ?? null,
      firstInvalid: summary.invalid[0]?.reason ?? null,
      notFollowed,
    });
  }
  logger.info("competitor feed: sync finished", { pages, read: counts.read, written: counts.written, duplicates: counts.duplicates });
  const cursor: FeedSyncCursor = { lastFetchedAt: fetchedAt.toISOString(), pages };
  // Competitor prices change no order's day: there are no days of orders to report.
  return { rowsRead: counts.read, rowsWritten: counts.written, cursor, changedDays: [] };
}
