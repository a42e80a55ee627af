/**
 * The competitor-price feed as a SyncSource, against the fake feed on 127.0.0.1 and a real
 * database: a sync stores the feed's prices and a second sync of the same feed stores nothing; a
 * feed that refuses the stored credentials fails as ProviderError auth, and nothing is stored.
 */
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, expect, it } from "vitest";
import { saveConnector, type Credentials } from "../../db/repositories/connectors.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { silentProgress } from "../../lib/progress.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { createSecretBox } from "../../lib/secret-box.ts";
import { describeDatabase } from "../../test/database.ts";
import { startFakeCompetitorFeed, type FakeCompetitorFeed } from "../../test/fakes/competitor-feed.ts";
import type { SyncCursor } from "../sync/sync-source.ts";
import { checkFeedConnection, createCompetitorFeedSyncSource, feedAccount, feedCredentials } from "./feed-sync.ts";
import { fixture, seedTienda, storedObservations, type SeededStore } from "./test-support.ts";

const NOW = "2026-11-21T18:00:00Z";
const TOKEN = "feed-secret";
const pageOf = (name: string): unknown => JSON.parse(readFileSync(fixture(name), "utf8"));

describeDatabase("competitor feed sync", ({ db }) => {
  let feed: FakeCompetitorFeed;
  beforeEach(async () => {
    feed = await startFakeCompetitorFeed({ token: TOKEN });
    feed.setPages([pageOf("feed-page-1.json"), pageOf("feed-page-2.json")]);
  });
  afterEach(() => feed.close());

  const box = createSecretBox(randomBytes(32));
  const source = createCompetitorFeedSyncSource({ timeoutMs: 5_000 });

  /** One sync of the workspace's feed connector with these credentials (what the sync job passes). */
  async function sync(store: SeededStore, credentials: Credentials, cursor: SyncCursor | null = null) {
    const connector = await saveConnector(db(), box, { workspaceId: store.workspace.id, provider: "competitor_feed", account: "precios", credentials });
    return source.sync({ db: db(), workspace: store.workspace, connector, credentials, cursor, clock: fixedClock(NOW), logger: silentLogger, progress: silentProgress });
  }

  it("stores the feed's prices matched to our products, and a second sync of the same feed stores nothing", async () => {
    const store = await seedTienda(db());
    const connection = checkFeedConnection({ url: feed.url, headers: { Authorization: `Bearer ${TOKEN}` } });
    const credentials = feedCredentials(connection);
    expect(credentials).toEqual({ url: feed.url, headers: JSON.stringify({ Authorization: `Bearer ${TOKEN}` }) });
    expect(feedAccount(connection)).toBe(new URL(feed.url).host);

    const first = await sync(store, credentials);
    const stored = await storedObservations(db(), store.workspace.id);
    // Nine items on two pages: three invalid and one of no product of ours are not stored.
    expect(first).toEqual({ rowsRead: 9, rowsWritten: 5, cursor: { lastFetchedAt: "2026-11-21T18:00:00.000Z", pages: 2 }, changedDays: [] });
    expect(stored.map((o) => [o.variant_id, o.competitor, o.price_cents, o.in_stock, o.observed_at.toISOString()])).toEqual([
      [store.variants.get("CAM-CLA"), "Amazon", 20990, true, "2026-11-10T15:00:00.000Z"],
      [store.variants.get("GOR-BOR"), "Coppel", 27900, false, "2026-11-19T14:00:00.000Z"],
      [store.variants.get("CAM-CLA"), "Amazon", 17990, true, "2026-11-19T15:00:00.000Z"],
      [store.variants.get("SUD-BAS-M"), "Liverpool", 45900, true, "2026-11-19T15:00:00.000Z"],
      [store.variants.get("MOC-URB"), "Amazon", 62900, true, "2026-11-20T12:30:00.000Z"],
    ]);
    expect(feed.requests.map((r) => [r.path, r.authorization])).toEqual([
      ["/prices", `Bearer ${TOKEN}`],
      ["/prices?page=2", `Bearer ${TOKEN}`],
    ]);

    const second = await sync(store, credentials, first.cursor);
    expect(second).toMatchObject({ rowsRead: 9, rowsWritten: 0 });
    expect(await storedObservations(db(), store.workspace.id)).toEqual(stored);
  });

  it("fails as ProviderError auth when the feed refuses the stored headers, or they cannot be used, and stores nothing", async () => {
    const store = await seedTienda(db());
    const failure = async (credentials: Credentials) => {
      const error = await sync(store, credentials).then(
        () => undefined,
        (e: unknown) => e,
      );
      if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
      return error;
    };

    const refused = await failure(feedCredentials(checkFeedConnection({ url: feed.url, headers: { Authorization: "Bearer revoked" } })));
    expect(refused.failure).toEqual({ kind: "auth" });
    expect(refused.providerCode).toBe("401");
    expect(refused.message).toContain("the feed refused our credentials (HTTP 401)");
    expect(refused.message).not.toContain("revoked");

    const unusable = await failure({ url: feed.url, headers: "not json" });
    expect(unusable.failure).toEqual({ kind: "auth" });
    expect(unusable.message).toContain("connect the feed again (bizos connect competitor-feed)");
    expect((await failure({ url: "ftp://127.0.0.1/prices" })).failure).toEqual({ kind: "auth" });
    expect(await storedObservations(db(), store.workspace.id)).toEqual([]);
  });
});
