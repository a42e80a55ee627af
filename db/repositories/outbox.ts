/**
 * The outbox: every outbound message is a row first and a provider call second, so a crash, a 429 or
 * a Redis restart never loses or doubles a message. Life of a row:
 *
 *   pending ──claim──▶ sending ──▶ sent            (never sent again)
 *      ▲                  ├──────▶ pending          (retry at next_attempt_at)
 *      │                  ├──────▶ held ──release──▶ pending   (waits for the person's next message)
 *      │                  └──────▶ dead ──retryDead──▶ pending (a person decided: `bizos outbox retry`)
 *      └──────────────── sending stuck (the deliverer died mid-send) ──reap──▶ dead
 *
 * Only the claim moves a row to sending, atomically, so two deliverers never both send one row. The
 * payload keeps `{ destination, message }`; this layer does not import channels/, so it names only the
 * address fields of a destination and readers validate the payload with the schema they pass in.
 */
import { sql } from "kysely";
import type { z } from "zod";
import { err, ok, type Result } from "../../lib/result.ts";
import type { DbOrTrx } from "../database.ts";
import { IDENTITY_CHANNELS, type IdentityChannel, type Locale } from "../schema/core.ts";
import type { OutboxKind, OutboxMessage, OutboxStatus } from "../schema/operations.ts";

export type OutboxChannel = IdentityChannel;

/**
 * The address fields of a channel destination, which the outbox keeps as `recipient`. Any
 * channels/outbound/recipients.ts Destination fits it, its other fields (thread, reply headers) included.
 */
export type OutboxAddress = (
  | { readonly channel: "slack"; readonly channelId: string; readonly responseUrl: string | null }
  | { readonly channel: "whatsapp"; readonly to: string }
  | { readonly channel: "email"; readonly to: string }
) & { readonly [field: string]: unknown };

export interface NewOutboxMessage {
  /** Null only for a reply to an unknown sender. */
  readonly workspaceId: number | null;
  readonly memberId: number | null;
  readonly destination: OutboxAddress;
  /** The channel-neutral OutboundMessage (channels/outbound/outbound-message.ts). */
  readonly message: unknown;
  readonly kind: OutboxKind;
  /** The same key twice is one message: the second enqueue returns the first row. */
  readonly idempotencyKey: string;
  /** Not before this instant (a scheduled digest); default now. */
  readonly notBefore?: Date;
}

/** Where the message goes, as the outbox lists it: a response_url when Slack gave one, else the conversation. */
export function recipientOf(destination: OutboxAddress): string {
  switch (destination.channel) {
    case "slack":
      return destination.responseUrl ?? destination.channelId;
    case "whatsapp":
    case "email":
      return destination.to;
  }
}

export async function enqueueOutbox(db: DbOrTrx, input: NewOutboxMessage): Promise<{ readonly id: number; readonly created: boolean }> {
  const inserted = await db
    .insertInto("outbox")
    .values({
      workspace_id: input.workspaceId,
      member_id: input.memberId,
      channel: input.destination.channel,
      recipient: recipientOf(input.destination),
      kind: input.kind,
      payload: JSON.stringify({ destination: input.destination, message: input.message }),
      idempotency_key: input.idempotencyKey,
      ...(input.notBefore ? { next_attempt_at: input.notBefore } : {}),
    })
    .onConflict((oc) => oc.column("idempotency_key").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await db.selectFrom("outbox").select("id").where("idempotency_key", "=", input.idempotencyKey).executeTakeFirstOrThrow();
  return { id: existing.id, created: false };
}

export async function findOutbox(db: DbOrTrx, id: number): Promise<OutboxMessage | undefined> {
  return db.selectFrom("outbox").selectAll().where("id", "=", id).executeTakeFirst();
}

export type OutboxReadProblem =
  | { readonly kind: "missing" }
  /** The stored payload no longer matches the schema (a format change, a hand-edited row): it cannot be sent. */
  | { readonly kind: "invalid_payload"; readonly row: OutboxMessage; readonly issues: string };

export interface OutboxEntry<P> {
  readonly row: OutboxMessage;
  readonly payload: P;
}

/** A row's payload checked against the reader's schema; the error lists what does not match. */
export function parseOutboxPayload<P>(row: OutboxMessage, payloadSchema: z.ZodType<P>): Result<P, string> {
  const parsed = payloadSchema.safeParse(row.payload);
  if (parsed.success) return ok(parsed.data);
  return err(parsed.error.issues.map((issue) => `${issue.path.join(".") || "(payload)"}: ${issue.message}`).join("; "));
}

export async function readOutbox<P>(db: DbOrTrx, id: number, payloadSchema: z.ZodType<P>): Promise<Result<OutboxEntry<P>, OutboxReadProblem>> {
  const row = await findOutbox(db, id);
  if (!row) return err({ kind: "missing" });
  const payload = parseOutboxPayload(row, payloadSchema);
  return payload.ok ? ok({ row, payload: payload.value }) : err({ kind: "invalid_payload", row, issues: payload.error });
}

/**
 * Takes a pending, due row for sending: moves it to sending and counts the attempt in one statement,
 * so of two deliverers racing on a row exactly one gets it. Undefined when it is not pending or not due.
 */
export async function claimOutbox(db: DbOrTrx, id: number, now: Date): Promise<OutboxMessage | undefined> {
  return db
    .updateTable("outbox")
    .set((eb) => ({ status: "sending", attempts: eb("attempts", "+", 1), updated_at: now }))
    .where("id", "=", id)
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .returningAll()
    .executeTakeFirst();
}

/**
 * Records a delivery. Whatever the row's state, a message the provider accepted is sent: even when
 * the send outlived the reaper (dead) or a person already queued it again, it must not go out twice.
 */
export async function markSent(db: DbOrTrx, id: number, providerMessageId: string | null, now: Date): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ status: "sent", provider_message_id: providerMessageId, sent_at: now, updated_at: now })
    .where("id", "=", id)
    .where("status", "!=", "sent")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** After a retryable failure: pending again, due at nextAttemptAt. False when the row is no longer being sent (reaped). */
export async function markRetry(db: DbOrTrx, id: number, error: string, nextAttemptAt: Date, now: Date = new Date()): Promise<boolean> {
  return finishSending(db, id, { status: "pending", last_error: error, next_attempt_at: nextAttemptAt, updated_at: now });
}

/** Waits for the recipient's next message (released by {@link releaseHeld}); the reason shows as last_error. */
export async function markHeld(db: DbOrTrx, id: number, reason: string, now: Date = new Date()): Promise<boolean> {
  return finishSending(db, id, { status: "held", last_error: reason, updated_at: now });
}

/** Gives up: listed by `bizos outbox failed` until a person retries it. */
export async function markDead(db: DbOrTrx, id: number, error: string, now: Date = new Date()): Promise<boolean> {
  return finishSending(db, id, { status: "dead", last_error: error, updated_at: now });
}

async function finishSending(
  db: DbOrTrx,
  id: number,
  values: { status: Exclude<OutboxStatus, "sending" | "sent">; last_error: string; updated_at: Date; next_attempt_at?: Date },
): Promise<boolean> {
  const result = await db.updateTable("outbox").set(values).where("id", "=", id).where("status", "=", "sending").executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * A provider accepted a message and reported later that it never arrived (a WhatsApp "failed"
 * status): the sent row becomes pending (try again at nextAttemptAt), held or dead. False when it was not sent.
 */
export async function markUndelivered(
  db: DbOrTrx,
  id: number,
  change: { readonly status: "pending"; readonly nextAttemptAt: Date } | { readonly status: "held" | "dead" },
  error: string,
  now: Date = new Date(),
): Promise<boolean> {
  const result = await db
    .updateTable("outbox")
    .set({ status: change.status, last_error: error, updated_at: now, ...(change.status === "pending" ? { next_attempt_at: change.nextAttemptAt } : {}) })
    .where("id", "=", id)
    .where("status", "=", "sent")
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The member wrote again on this channel: their held messages are due now. Returns the released ids. */
export async function releaseHeld(
  db: DbOrTrx,
  target: { readonly workspaceId: number; readonly memberId: number; readonly channel: OutboxChannel },
  now: Date = new Date(),
): Promise<number[]> {
  const rows = await db
    .updateTable("outbox")
    .set({ status: "pending", next_attempt_at: now, updated_at: now })
    .where("workspace_id", "=", target.workspaceId)
    .where("member_id", "=", target.memberId)
    .where("channel", "=", target.channel)
    .where("status", "=", "held")
    .returning("id")
    .execute();
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** The row a provider's status callback or reaction refers to. */
export async function findByProviderMessageId(db: DbOrTrx, channel: OutboxChannel, providerMessageId: string): Promise<OutboxMessage | undefined> {
  return db
    .selectFrom("outbox")
    .selectAll()
    .where("channel", "=", channel)
    .where("provider_message_id", "=", providerMessageId)
    .orderBy("id", "desc")
    .executeTakeFirst();
}

/** What a sender needs to know about the person: their language and when they last wrote on this channel. */
export interface OutboxRecipient {
  readonly language: Locale;
  readonly lastInboundAt: Date | null;
}

/**
 * The member a row is for, with the last time they wrote on its channel; the identity at the row's own
 * address wins (a member may have two WhatsApp numbers, and the 24-hour window is per number).
 */
export async function findOutboxRecipient(
  db: DbOrTrx,
  row: Pick<OutboxMessage, "workspace_id" | "member_id" | "channel" | "recipient">,
): Promise<OutboxRecipient | undefined> {
  const channel = IDENTITY_CHANNELS.find((known) => known === row.channel);
  if (row.workspace_id === null || row.member_id === null || !channel) return undefined;
  const found = await db
    .selectFrom("members as m")
    .leftJoin("channel_identities as ci", (join) => join.onRef("ci.member_id", "=", "m.id").on("ci.channel", "=", channel))
    .select(["m.language", "ci.last_inbound_at"])
    .where("m.workspace_id", "=", row.workspace_id)
    .where("m.id", "=", row.member_id)
    .orderBy(sql`ci.external_id = ${row.recipient}`, (ob) => ob.desc().nullsLast())
    .orderBy("ci.last_inbound_at", (ob) => ob.desc().nullsLast())
    .limit(1)
    .executeTakeFirst();
  return found ? { language: found.language, lastInboundAt: found.last_inbound_at } : undefined;
}

/** Ids of pending rows that are due, oldest due first: what a sweep hands to the deliverer. */
export async function listDue(db: DbOrTrx, now: Date, limit: number): Promise<number[]> {
  const rows = await db
    .selectFrom("outbox")
    .select("id")
    .where("status", "=", "pending")
    .where("next_attempt_at", "<=", now)
    .orderBy("next_attempt_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  return rows.map((row) => row.id);
}

export const STUCK_SENDING_ERROR =
  "delivery was interrupted while sending (the deliverer stopped mid-send), so the provider may or may not have the message; check with the recipient, then `bizos outbox retry <id>` to send it again";

/**
 * Rows claimed before `olderThan` and never finished: their deliverer died mid-send. We cannot know
 * whether the provider got the message, and a delivered message must never go out twice, so they
 * become dead for a person to decide. Returns their ids.
 */
export async function reapStuckSending(db: DbOrTrx, olderThan: Date, now: Date = new Date()): Promise<number[]> {
  const rows = await db
    .updateTable("outbox")
    .set({ status: "dead", last_error: STUCK_SENDING_ERROR, updated_at: now })
    .where("status", "=", "sending")
    .where("updated_at", "<", olderThan)
    .returning("id")
    .execute();
  return rows.map((row) => row.id).sort((a, b) => a - b);
}

/** An outbox row as people see it in a list, with its workspace's slug (null for unknown senders). */
export type OutboxListing = OutboxMessage & { readonly workspace_slug: string | null };

export interface OutboxListFilter {
  readonly status?: OutboxStatus;
  readonly workspaceId?: number;
  readonly limit: number;
}

/** Newest first. */
export async function listOutbox(db: DbOrTrx, filter: OutboxListFilter): Promise<OutboxListing[]> {
  let query = db.selectFrom("outbox as o").leftJoin("workspaces as w", "w.id", "o.workspace_id").selectAll("o").select("w.slug as workspace_slug");
  if (filter.status !== undefined) query = query.where("o.status", "=", filter.status);
  if (filter.workspaceId !== undefined) query = query.where("o.workspace_id", "=", filter.workspaceId);
  return query.orderBy("o.id", "desc").limit(filter.limit).execute();
}

/** The messages delivery gave up on, newest first. */
export async function listDead(db: DbOrTrx, filter: { readonly workspaceId?: number; readonly limit: number }): Promise<OutboxListing[]> {
  return listOutbox(db, { ...filter, status: "dead" });
}

/**
 * A person's decision to try dead messages again: pending, due now, with a fresh attempt budget.
 * Without ids, every dead row (of the workspace, when given). Returns the ids moved.
 */
export async function retryDead(
  db: DbOrTrx,
  selection: { readonly ids?: readonly number[]; readonly workspaceId?: number },
  now: Date = new Date(),
): Promise<number[]> {
  if (selection.ids?.length === 0) return [];
  let query = db
    .updateTable("outbox")
    .set({ status: "pending", attempts: 0, next_attempt_at: now, updated_at: now })
    .where("status", "=", "dead");
  if (selection.ids) query = query.where("id", "in", [...selection.ids]);
  if (selection.workspaceId !== undefined) query = query.where("workspace_id", "=", selection.workspaceId);
  const rows = await query.returning("id").execute();
  return rows.map((row) => row.id).sort((a, b) => a - b);
}
