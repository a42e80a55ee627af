/**
 * Where a Shopify sync stopped, as stored in connectors.cursor: the newest updatedAt seen among
 * orders and among products, and the local day the whole catalog was last read. Watermarks are
 * re-read from a few minutes before them, because Shopify's search index (which `query:` filters
 * go through) can lag a change by seconds: an order updated just before the last sync may only
 * become findable after it. Orders read again unchanged write nothing, so the overlap costs reads only.
 */
import { z } from "zod";
import type { Logger } from "../../lib/logger.ts";
import type { SyncCursor } from "../sync/sync-source.ts";

export const WATERMARK_OVERLAP_MS = 5 * 60_000;

const cursorSchema = z.object({
  /** The newest order updatedAt the last sync saw. */
  ordersUpdatedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** The newest product updatedAt the last sync saw. */
  productsUpdatedAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** The workspace-local day of the last full catalog read (every variant's stock snapshot). */
  catalogDay: z.iso.date().nullable().default(null),
});
export type ShopifyCursor = z.infer<typeof cursorSchema>;

export const EMPTY_CURSOR: ShopifyCursor = { ordersUpdatedAt: null, productsUpdatedAt: null, catalogDay: null };

/** The stored cursor, or a first sync's when there is none or it is not one of ours (writes are idempotent, so starting over is safe). */
export function parseShopifyCursor(cursor: SyncCursor | null, logger: Logger): ShopifyCursor {
  if (cursor === null) return EMPTY_CURSOR;
  const parsed = cursorSchema.safeParse(cursor);
  if (parsed.success) return parsed.data;
  logger.warn("shopify: the stored sync cursor is unreadable; syncing as the first time", { issues: z.prettifyError(parsed.error) });
  return EMPTY_CURSOR;
}

/** Shopify's search syntax for "updated at or after", to the second. */
export function updatedSince(at: Date): string {
  return `updated_at:>='${at.toISOString().replace(/\.\d{3}Z$/, "Z")}'`;
}

/** The later of two ISO instants (null counts as nothing). */
export function laterOf(a: string | null, b: string | null): string | null {
  if (a === null) return b;
  if (b === null) return a;
  return Date.parse(b) > Date.parse(a) ? b : a;
}

export function overlapped(watermark: string): Date {
  return new Date(Date.parse(watermark) - WATERMARK_OVERLAP_MS);
}
