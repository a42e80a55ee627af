/**
 * The data-sync job's queue, payload and key. A sync is keyed by its connector and slot
 * (sync:{connector}:{slot}): a scheduled sync's slot is the start of its schedule interval, so the
 * tick firing twice in one interval (two workers, a restart) adds nothing; a manual sync's slot is
 * the instant it was asked for, so it always runs.
 */
import { z } from "zod";

export const SYNC_QUEUE = "sync";
export const SYNC_TICK = "sync-connectors";

const id = z.number().int().positive();

export const SYNC_REASONS = ["scheduled", "manual"] as const;
export type SyncReason = (typeof SYNC_REASONS)[number];

export const syncPayloadSchema = z.object({
  workspaceId: id,
  connectorId: id,
  slot: z.string().regex(/^[A-Za-z0-9:.-]{1,64}$/, "must be 1–64 letters, digits, ':', '.' or '-'"),
  reason: z.enum(SYNC_REASONS),
});
export type SyncPayload = z.infer<typeof syncPayloadSchema>;

export function syncKey(payload: Pick<SyncPayload, "connectorId" | "slot">): string {
  return `sync:${payload.connectorId}:${payload.slot}`;
}

/** The schedule interval holding `now`, as its start to the minute ("2026-11-21T08:00Z"). */
export function scheduledSlot(now: Date, everyMs: number): string {
  const start = Math.floor(now.getTime() / everyMs) * everyMs;
  return `${new Date(start).toISOString().slice(0, 16)}Z`;
}

/** A manual sync's own slot: the instant it was asked for. */
export function manualSlot(now: Date): string {
  return `manual-${now.toISOString()}`;
}
