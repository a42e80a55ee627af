/**
 * Competitor prices from a generic JSON feed over HTTP. A page is either an array of items or an
 * object with the items under "items", "data" or "prices", an optional feed-level "currency", and
 * the next page's URL under "next", "next_url" or "nextPageUrl" (absolute or relative). Pages are
 * followed up to a bound, on the feed's own origin only (its headers carry credentials).
 *
 * getPage is the one HTTP choke point: every answer is zod-parsed there and every failure becomes a
 * ProviderError (429 → rate_limited with Retry-After, 408/5xx/timeouts/network → transient,
 * 401/403 → auth, anything else → permanent).
 */
import { z } from "zod";
import { InstantResolver } from "../csv/dates.ts";
import type { Clock } from "../../lib/clock.ts";
import { currencyMinorDigits } from "../../lib/money.ts";
import { ProviderError, retryAfterMs } from "../../lib/provider-error.ts";
import { readFeedItem } from "./feed-items.ts";
import type { CompetitorSource, SourceEntry } from "./observation.ts";

export const FEED_PROVIDER = "competitor-feed";
export const DEFAULT_FEED_TIMEOUT_MS = 15_000;
export const DEFAULT_FEED_MAX_PAGES = 50;
const DEFAULT_RETRY_AFTER_MS = 60_000;

const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** A feed's first page: http(s) only (a feed fetch, or a connector's stored URL, is checked with it). */
export const feedUrlSchema = z
  .string()
  .trim()
  .refine((text) => URL.canParse(text) && ["http:", "https:"].includes(new URL(text).protocol), "the feed must be an http:// or https:// URL");

/** Headers sent with every page: valid names, one-line values (a value cannot smuggle in another header). */
export const feedHeadersSchema = z.record(z.string(), z.string()).superRefine((headers, ctx) => {
  for (const [name, value] of Object.entries(headers)) {
    if (!HEADER_NAME.test(name)) ctx.addIssue({ code: "custom", path: [name], message: `"${name}" is not a valid HTTP header name` });
    if (/[\r\n]/.test(value)) ctx.addIssue({ code: "custom", path: [name], message: "a header value cannot span lines" });
  }
});

export type FetchFunction = typeof globalThis.fetch;

export interface FeedSourceOptions {
  readonly url: string;
  /** Sent with every page, e.g. { authorization: "Bearer …" }. */
  readonly headers: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly maxPages: number;
  readonly fetch: FetchFunction;
  readonly currency: string;
  readonly timeZone: string;
  /** Now: items without a date were observed at the fetch; Retry-After dates are read against it. */
  readonly clock: Clock;
}

export interface FeedSourceFacts {
  readonly kind: "feed";
  readonly url: string;
  readonly pages: number;
  /** The next page the bound kept us from reading, or null when the feed was read to its end. */
  readonly notFollowed: string | null;
}

const nextLink = z.string().trim().min(1).nullish();
const itemList = z.array(z.unknown());
const pageSchema = z.union([
  itemList,
  z
    .object({
      items: itemList.optional(),
      data: itemList.optional(),
      prices: itemList.optional(),
      next: nextLink,
      next_url: nextLink,
      nextPageUrl: nextLink,
      currency: z.string().trim().min(1).optional(),
    })
    .refine((page) => [page.items, page.data, page.prices].filter((list) => list !== undefined).length === 1, {
      message: 'expected the items in exactly one of "items", "data" or "prices"',
    }),
]);

interface FeedPage {
  readonly items: readonly unknown[];
  readonly next: string | null;
  readonly currency: string | null;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}

function snippet(text: string): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length > 200 ? `${flat.slice(0, 200)}…` : flat;
}

/** The typed failure of an HTTP error answer. */
export function feedFailure(status: number, retryAfter: string | null, body: string, now: Date): ProviderError {
  const said = body.trim().length > 0 ? `: ${snippet(body)}` : "";
  if (status === 429) {
    const waitMs = retryAfterMs(retryAfter, DEFAULT_RETRY_AFTER_MS, now);
    return new ProviderError(FEED_PROVIDER, { kind: "rate_limited", retryAfterMs: waitMs }, `the feed is rate limiting us (HTTP 429); retry in ${Math.ceil(waitMs / 1000)} s`, "429");
  }
  if (status === 408 || status >= 500) return new ProviderError(FEED_PROVIDER, { kind: "transient" }, `the feed answered HTTP ${status}${said}`, String(status));
  if (status === 401 || status === 403) {
    return new ProviderError(FEED_PROVIDER, { kind: "auth" }, `the feed refused our credentials (HTTP ${status}); check the headers sent with it${said}`, String(status));
  }
  return new ProviderError(FEED_PROVIDER, { kind: "permanent" }, `the feed answered HTTP ${status}${said}`, String(status));
}

export function createFeedSource(options: FeedSourceOptions): CompetitorSource<FeedSourceFacts> {
  const { timeoutMs } = options;

  async function getPage(url: string): Promise<FeedPage> {
    let response: Response;
    let body: string;
    try {
      response = await options.fetch(url, {
        method: "GET",
        headers: { accept: "application/json", ...options.headers },
        signal: AbortSignal.timeout(timeoutMs),
      });
      body = await response.text();
    } catch (error) {
      const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : describeError(error);
      throw new ProviderError(FEED_PROVIDER, { kind: "transient" }, `GET ${url} failed: ${reason}`);
    }
    if (!response.ok) throw feedFailure(response.status, response.headers.get("retry-after"), body, options.clock.now());
    let json: unknown;
    try {
      json = JSON.parse(body);
    } catch {
      throw new ProviderError(FEED_PROVIDER, { kind: "permanent" }, `${url} did not answer JSON: ${snippet(body)}`);
    }
    const page = pageSchema.safeParse(json);
    if (!page.success) {
      const issues = page.error.issues.map((issue) => `${issue.path.join(".") || "page"}: ${issue.message}`).join("; ");
      throw new ProviderError(FEED_PROVIDER, { kind: "permanent" }, `${url} is not a price feed page (an array of items, or an object with "items", "data" or "prices"): ${issues}`);
    }
    if (Array.isArray(page.data)) return { items: page.data, next: null, currency: null };
    const data = page.data;
    return { items: data.items ?? data.data ?? data.prices ?? [], next: data.next ?? data.next_url ?? data.nextPageUrl ?? null, currency: data.currency ?? null };
  }

  /** The next page's absolute URL; refused when it leaves the feed's origin. */
  function nextUrl(next: string, current: string): string {
    let resolved: URL;
    try {
      resolved = new URL(next, current);
    } catch {
      throw new ProviderError(FEED_PROVIDER, { kind: "permanent" }, `the feed's next page "${next}" is not a URL`);
    }
    if (resolved.origin !== new URL(options.url).origin) {
      throw new ProviderError(FEED_PROVIDER, { kind: "permanent" }, `the feed's next page ${resolved.origin} is on another site than the feed (${new URL(options.url).origin}); its headers are not sent elsewhere`);
    }
    return resolved.toString();
  }

  return {
    label: options.url,
    async read(onEntry: (entry: SourceEntry) => void): Promise<FeedSourceFacts> {
      const resolver = new InstantResolver(options.timeZone);
      const digits = currencyMinorDigits(options.currency);
      const fetchedAt = options.clock.now();
      const seen = new Set<string>();
      let url: string | null = options.url;
      let pages = 0;
      while (url !== null && !seen.has(url)) {
        if (pages === options.maxPages) return { kind: "feed", url: options.url, pages, notFollowed: url };
        seen.add(url);
        const page = await getPage(url);
        pages++;
        page.items.forEach((item, index) => {
          onEntry(
            readFeedItem(item, {
              position: { kind: "item", page: pages, index },
              currency: options.currency,
              digits,
              feedCurrency: page.currency,
              resolver,
              fetchedAt,
            }),
          );
        });
        url = page.next === null ? null : nextUrl(page.next, url);
      }
      return { kind: "feed", url: options.url, pages, notFollowed: null };
    },
  };
}
