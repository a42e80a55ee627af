/**
 * A workspace's digest figures (yesterday, week to date, the chart series, freshness) depend on the
 * workspace and the day, not on the member: the members' digest jobs of one morning share one
 * computation in this process. Entries live a few minutes (a sync in between shows in the next
 * morning's figures anyway) and the cache is bounded.
 */
import type { Db } from "../../db/database.ts";
import type { Workspace } from "../../db/schema/core.ts";
import { composeDigestMetrics, type DigestMetrics } from "../../engines/digest/digest-facts.ts";
import type { IsoDate } from "../../lib/calendar-date.ts";
import type { Clock } from "../../lib/clock.ts";

export const DIGEST_METRICS_TTL_MS = 10 * 60_000;
const MAX_ENTRIES = 5_000;

export interface DigestMetricsCache {
  get(db: Db, workspace: Workspace, date: IsoDate, clock: Clock): Promise<DigestMetrics>;
}

export function createDigestMetricsCache(ttlMs: number = DIGEST_METRICS_TTL_MS): DigestMetricsCache {
  const entries = new Map<string, { readonly expiresMs: number; readonly value: Promise<DigestMetrics> }>();
  return {
    get(db, workspace, date, clock) {
      const key = `${workspace.id}:${date}`;
      const nowMs = clock.now().getTime();
      const cached = entries.get(key);
      if (cached && cached.expiresMs > nowMs) return cached.value;
      const value = composeDigestMetrics(db, { workspace, date, clock });
      // A failed computation is not kept: the next job tries again.
      value.catch(() => entries.delete(key));
      entries.delete(key);
      entries.set(key, { expiresMs: nowMs + ttlMs, value });
      if (entries.size > MAX_ENTRIES) entries.delete(entries.keys().next().value ?? key);
      return value;
    },
  };
}
