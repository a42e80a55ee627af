import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { startFakeCompetitorFeed, type FakeCompetitorFeed } from "../../test/fakes/competitor-feed.ts";
import { createFeedSource, type FeedSourceOptions } from "./json-feed.ts";
import type { SourceEntry } from "./observation.ts";
import { fixture } from "./test-support.ts";

const NOW = "2026-11-21T18:00:00Z";
const TOKEN = "feed-secret";
const pageOf = (name: string): unknown => JSON.parse(readFileSync(fixture(name), "utf8"));

let feed: FakeCompetitorFeed;
beforeEach(async () => {
  feed = await startFakeCompetitorFeed({ token: TOKEN });
  feed.setPages([pageOf("feed-page-1.json"), pageOf("feed-page-2.json")]);
});
afterEach(() => feed.close());

async function readFeed(options: Partial<FeedSourceOptions> = {}) {
  const entries: SourceEntry[] = [];
  const facts = await createFeedSource({
    url: feed.url,
    headers: { Authorization: `Bearer ${TOKEN}` },
    timeoutMs: 5_000,
    maxPages: 50,
    fetch: globalThis.fetch,
    currency: "MXN",
    timeZone: "America/Mexico_City",
    clock: fixedClock(NOW),
    ...options,
  }).read((entry) => entries.push(entry));
  return { facts, entries };
}

/** The ProviderError a read fails with. */
async function failure(options: Partial<FeedSourceOptions> = {}): Promise<ProviderError> {
  const error = await readFeed(options).then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe("competitor prices from a JSON feed", () => {
  it("follows a relative next link with the same headers, and reads numbers, strings, synonyms, Unix times and a feed-level currency", async () => {
    const { facts, entries } = await readFeed();
    expect(facts).toEqual({ kind: "feed", url: feed.url, pages: 2, notFollowed: null });
    expect(feed.requests.map((r) => [r.path, r.authorization, r.accept])).toEqual([
      ["/prices", `Bearer ${TOKEN}`, "application/json"],
      ["/prices?page=2", `Bearer ${TOKEN}`, "application/json"],
    ]);
    const observations = entries.flatMap((e) => (e.kind === "observation" ? [e.observation] : []));
    expect(observations.map((o) => [o.position, o.productRef, o.competitor, o.priceCents, o.currency, o.inStock, o.observedAt.toISOString(), o.url])).toEqual([
      [{ kind: "item", page: 1, index: 0 }, { sku: "CAM-CLA" }, "Amazon", 20990, "MXN", true, "2026-11-10T15:00:00.000Z", "https://www.amazon.com.mx/dp/B0CAM"],
      [{ kind: "item", page: 1, index: 1 }, { sku: "CAM-CLA" }, "Amazon", 17990, "MXN", true, "2026-11-19T15:00:00.000Z", "https://www.amazon.com.mx/dp/B0CAM"],
      [{ kind: "item", page: 1, index: 2 }, { externalId: "P-300" }, "Coppel", 27900, "MXN", false, "2026-11-19T14:00:00.000Z", null],
      // "459,00": a decimal comma when only that reads; no offset: the workspace's zone.
      [{ kind: "item", page: 1, index: 3 }, { title: "Sudadera Básica M" }, "Liverpool", 45900, "MXN", true, "2026-11-19T15:00:00.000Z", null],
      [{ kind: "item", page: 2, index: 1 }, { sku: "ZZZ-404" }, "Amazon", 1000, "MXN", true, "2026-11-19T15:00:00.000Z", null],
      [{ kind: "item", page: 2, index: 4 }, { sku: "MOC-URB" }, "Amazon", 62900, "MXN", true, "2026-11-20T12:30:00.000Z", null],
    ]);
    const problems = entries.flatMap((e) => (e.kind === "invalid" ? [e.problem] : []));
    expect(problems).toEqual([
      { position: { kind: "item", page: 2, index: 0 }, field: "currency", value: "USD", reason: "prices in USD cannot be compared with the store's prices in MXN" },
      { position: { kind: "item", page: 2, index: 2 }, field: "price", value: "n/a", reason: "the price is not a number" },
      { position: { kind: "item", page: 2, index: 3 }, field: null, value: "\"not an object\"", reason: "an item must be a JSON object" },
    ]);
  });

  it("reads { data, nextPageUrl } pages, and items without a date as observed at the fetch", async () => {
    feed.setPages([
      { data: [{ sku: "GOR-BOR", store: "Amazon", price: 299 }], nextPageUrl: `${feed.origin}/prices?page=2` },
      { prices: [{ sku: "GOR-BOR", store: "Coppel", price: "289.5", available: false }], next: null },
    ]);
    const { facts, entries } = await readFeed();
    expect(facts.pages).toBe(2);
    expect(entries.map((e) => (e.kind === "observation" ? [e.observation.competitor, e.observation.priceCents, e.observation.inStock, e.observation.observedAt.toISOString()] : e.problem))).toEqual([
      ["Amazon", 29900, true, new Date(NOW).toISOString()],
      ["Coppel", 28950, false, new Date(NOW).toISOString()],
    ]);
  });

  it("stops at the page bound and says which page it did not follow; never loops on a repeated link", async () => {
    const bounded = await readFeed({ maxPages: 1 });
    expect(bounded.facts).toEqual({ kind: "feed", url: feed.url, pages: 1, notFollowed: `${feed.origin}/prices?page=2` });
    expect(feed.requests).toHaveLength(1);

    feed.setPages([{ items: [], next: "/prices?page=2" }, { items: [], next: "/prices" }]);
    expect((await readFeed()).facts).toEqual({ kind: "feed", url: feed.url, pages: 2, notFollowed: null });
  });

  it("turns 429 with Retry-After into rate_limited, 5xx and timeouts into transient, 401 into auth, and the rest into permanent", async () => {
    feed.failNext({ kind: "status", status: 429, retryAfter: "7" });
    const limited = await failure();
    expect(limited.failure).toEqual({ kind: "rate_limited", retryAfterMs: 7000 });
    expect(limited.retryable).toBe(true);
    expect(limited.provider).toBe("competitor-feed");

    // A Retry-After date is read against the injected clock.
    feed.failNext({ kind: "status", status: 429, retryAfter: new Date(Date.parse(NOW) + 90_000).toUTCString() });
    expect((await failure()).failure).toEqual({ kind: "rate_limited", retryAfterMs: 90_000 });

    // The first page answers; the second fails: the whole read fails.
    feed.failNext({ kind: "pass" }, { kind: "status", status: 500, body: "upstream exploded" });
    feed.setPages([{ items: [], next: "/prices?page=2" }, []]);
    const broken = await failure();
    expect(broken.failure).toEqual({ kind: "transient" });
    expect(broken.message).toContain("HTTP 500: upstream exploded");

    feed.failNext({ kind: "slow", delayMs: 5_000 });
    const slow = await failure({ timeoutMs: 50 });
    expect(slow.failure).toEqual({ kind: "transient" });
    expect(slow.message).toContain("no answer within 50 ms");

    const denied = await failure({ headers: {} });
    expect(denied.failure).toEqual({ kind: "auth" });
    expect(denied.message).toContain("HTTP 401");

    feed.failNext({ kind: "status", status: 404 });
    expect((await failure()).failure).toEqual({ kind: "permanent" });
    feed.failNext({ kind: "not_json" });
    const html = await failure();
    expect(html.failure).toEqual({ kind: "permanent" });
    expect(html.message).toContain("did not answer JSON");
  });

  it("refuses pages of the wrong shape and next links to another site", async () => {
    feed.setPages([{ results: [] }]);
    const shape = await failure();
    expect(shape.failure).toEqual({ kind: "permanent" });
    expect(shape.message).toContain('exactly one of "items", "data" or "prices"');

    feed.setPages([{ items: [], next: "https://evil.example.com/prices?page=2" }]);
    const elsewhere = await failure();
    expect(elsewhere.failure).toEqual({ kind: "permanent" });
    expect(elsewhere.message).toContain("its headers are not sent elsewhere");
    expect(feed.requests.filter((r) => r.path !== "/prices")).toEqual([]);
  });

  it("reaches nothing when the server is gone (a transient failure)", async () => {
    await feed.close();
    const gone = await failure();
    expect(gone.failure).toEqual({ kind: "transient" });
  });
});
