/**
 * Competitor prices the store owner brings: a CSV upload or a JSON feed over HTTP (marketplaces
 * later, behind the same CompetitorSource interface), matched to the workspace's products and kept
 * as history in competitor_prices, where the competitor_prices tool reads them. Importing the same
 * file or feed twice adds nothing. A feed can also be a connector that syncs on the schedule
 * (feed-sync.ts).
 */
import { z } from "zod";
import type { Db } from "../../db/database.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { systemClock, type Clock } from "../../lib/clock.ts";
import { parseInput } from "../../lib/input-error.ts";
import { DATE_FORMATS } from "../csv/dates.ts";
import { ENCODINGS } from "../csv/decode.ts";
import { CsvError } from "../csv/errors.ts";
import { DECIMAL_SEPARATORS } from "../csv/numbers.ts";
import { createCsvSource } from "./csv-source.ts";
import { importObservations, type CompetitorImportSummary } from "./import-observations.ts";
import { createFeedSource, DEFAULT_FEED_MAX_PAGES, DEFAULT_FEED_TIMEOUT_MS, feedHeadersSchema, feedUrlSchema, type FetchFunction } from "./json-feed.ts";

export type { CsvSourceFacts } from "./csv-source.ts";
export type { FeedSourceFacts, FetchFunction } from "./json-feed.ts";
export { FEED_PROVIDER } from "./json-feed.ts";
export { checkFeedConnection, createCompetitorFeedSyncSource, feedAccount, feedCredentials, type CompetitorFeedSyncOptions, type FeedConnection } from "./feed-sync.ts";
export type { CloseMatch, CompetitorImportCounts, CompetitorImportSummary, CompetitorSourceFacts, UnmatchedEntry } from "./import-observations.ts";
export { MATCH_METHODS, type MatchMethod } from "./match-products.ts";
export type { CompetitorObservation, CompetitorSource, EntryProblem, ProductRef, SourceEntry, SourcePosition } from "./observation.ts";
export { describePosition } from "./observation.ts";
export { OBSERVATION_FIELDS, OBSERVATION_SYNONYMS, type ObservationField } from "./fields.ts";
export { readLatestCompetitorPrices, type LatestCompetitorPrice } from "./latest-prices.ts";

export interface ImportCompetitorCsvOptions {
  readonly file: string;
  readonly encoding?: "auto" | "utf-8" | "windows-1252";
  readonly decimal?: "auto" | "." | ",";
  /** Day/month order of numeric dates; "auto" decides from the file. */
  readonly dateFormat?: "auto" | "iso" | "dmy" | "mdy" | "ymd";
  /** Read, check and match everything; write nothing. */
  readonly dryRun?: boolean;
  /** Rows without a date were observed at the import: now. */
  readonly clock?: Clock;
}

const csvOptionsSchema = z.object({
  file: z.string().trim().min(1, "file is required"),
  encoding: z.enum(["auto", ...ENCODINGS]).default("auto"),
  decimal: z.enum(["auto", ...DECIMAL_SEPARATORS]).default("auto"),
  dateFormat: z.enum(["auto", ...DATE_FORMATS]).default("auto"),
  dryRun: z.boolean().default(false),
});

/** Competitor prices from a CSV file (headers in en/es/pt; see OBSERVATION_SYNONYMS) into the workspace. */
export async function importCompetitorCsv(db: Db, workspace: Workspace, options: ImportCompetitorCsvOptions): Promise<CompetitorImportSummary> {
  const checked = csvOptionsSchema.safeParse(options);
  if (!checked.success) {
    const issues = checked.error.issues.map((issue) => `${issue.path.join(".") || "options"}: ${issue.message}`).join("; ");
    throw new CsvError(options.file, `invalid import options: ${issues}`);
  }
  const o = checked.data;
  const source = createCsvSource({
    file: o.file,
    encoding: o.encoding,
    decimal: o.decimal,
    dateFormat: o.dateFormat,
    currency: workspace.currency,
    timeZone: workspace.timezone,
    importedAt: (options.clock ?? systemClock).now(),
  });
  return importObservations(db, workspace, source, o.dryRun);
}

export interface FetchCompetitorFeedOptions {
  /** http(s) URL of the feed's first page. */
  readonly url: string;
  /** Sent with every page, e.g. { Authorization: "Bearer …" }. */
  readonly headers?: Readonly<Record<string, string>>;
  readonly dryRun?: boolean;
  /** The HTTP client (tests pass their own); the global fetch by default. */
  readonly fetch?: FetchFunction;
  /** Per page; default 15 s. */
  readonly timeoutMs?: number;
  /** Pages followed at most; default 50. */
  readonly maxPages?: number;
  readonly clock?: Clock;
}

const feedOptionsSchema = z.object({
  url: feedUrlSchema,
  headers: feedHeadersSchema.default({}),
  dryRun: z.boolean().default(false),
  timeoutMs: z.number().int().min(1).max(600_000).default(DEFAULT_FEED_TIMEOUT_MS),
  maxPages: z.number().int().min(1).max(10_000).default(DEFAULT_FEED_MAX_PAGES),
});

/**
 * Competitor prices from a JSON feed (json-feed.ts describes the shapes) into the workspace. A
 * feed that fails throws ProviderError (rate_limited, transient, auth or permanent); nothing is
 * written then.
 */
export async function fetchCompetitorFeed(db: Db, workspace: Workspace, options: FetchCompetitorFeedOptions): Promise<CompetitorImportSummary> {
  const o = parseInput(feedOptionsSchema, { url: options.url, headers: options.headers, dryRun: options.dryRun, timeoutMs: options.timeoutMs, maxPages: options.maxPages }, "feed options");
  const source = createFeedSource({
    url: o.url,
    headers: o.headers,
    timeoutMs: o.timeoutMs,
    maxPages: o.maxPages,
    fetch: options.fetch ?? globalThis.fetch,
    currency: workspace.currency,
    timeZone: workspace.timezone,
    clock: options.clock ?? systemClock,
  });
  return importObservations(db, workspace, source, o.dryRun);
}
