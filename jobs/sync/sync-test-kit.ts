/**
 * For the sync job's tests only: a SyncSource whose provider catalog the test holds — it writes real
 * products through our tables from an updated_at cursor, as a store sync does — and which each test
 * can script to fail (ProviderError, anything) or to wait until released.
 */
import type { SyncContext, SyncCursor, SyncOutcome, SyncSource } from "../../connectors/sync/sync-source.ts";
import type { Credentials } from "../../db/repositories/connectors.ts";
import type { ConnectorProvider } from "../../db/schema/connectors.ts";

export interface CatalogItem {
  readonly externalId: string;
  readonly title: string;
  /** ISO instant: what the cursor compares. */
  readonly updatedAt: string;
}

export interface CatalogSource extends SyncSource {
  /** What each sync was called with, in order. */
  readonly calls: readonly { readonly cursor: SyncCursor | null; readonly credentials: Credentials }[];
  /** The provider's catalog: change it between syncs. */
  readonly items: CatalogItem[];
  /** The next sync throws this (times over). */
  failNext(error: unknown, times?: number): void;
  /** The next sync waits, once it has been called, until release() (for overlapping syncs). */
  holdNext(): { readonly called: Promise<void>; release(): void };
}

export function catalogSource(provider: ConnectorProvider, items: readonly CatalogItem[]): CatalogSource {
  const calls: { cursor: SyncCursor | null; credentials: Credentials }[] = [];
  const failures: unknown[] = [];
  const holds: { called(): void; released: Promise<void> }[] = [];
  const catalog = [...items];
  return {
    provider,
    calls,
    items: catalog,
    failNext(error, times = 1) {
      for (let i = 0; i < times; i += 1) failures.push(error);
    },
    holdNext() {
      let called = () => undefined as void;
      let release = () => undefined as void;
      const calledPromise = new Promise<void>((resolve) => (called = resolve));
      const released = new Promise<void>((resolve) => (release = resolve));
      holds.push({ called, released });
      return { called: calledPromise, release };
    },
    async sync(ctx: SyncContext): Promise<SyncOutcome> {
      calls.push({ cursor: ctx.cursor, credentials: ctx.credentials });
      const hold = holds.shift();
      if (hold) {
        hold.called();
        await hold.released;
      }
      if (failures.length > 0) throw failures.shift();
      const after = typeof ctx.cursor?.["updatedAfter"] === "string" ? ctx.cursor["updatedAfter"] : null;
      const changed = catalog.filter((item) => after === null || item.updatedAt > after);
      ctx.progress.start("products", changed.length);
      let written = 0;
      for (const item of changed) {
        const row = await ctx.db
          .insertInto("products")
          .values({ workspace_id: ctx.workspace.id, source: provider, external_id: item.externalId, title: item.title, status: "active" })
          .onConflict((oc) => oc.columns(["workspace_id", "source", "external_id"]).doUpdateSet({ title: item.title }).where("products.title", "<>", item.title))
          .returning("id")
          .executeTakeFirst();
        if (row) written += 1;
        ctx.progress.advance(1);
      }
      ctx.progress.finish();
      const newest = changed.reduce<string | null>((max, item) => (max === null || item.updatedAt > max ? item.updatedAt : max), after);
      return { rowsRead: changed.length, rowsWritten: written, cursor: { updatedAfter: newest }, changedDays: [] };
    },
  };
}
