import { expect, it } from "vitest";
import type { ChannelSender, Delivery, SendOutcome } from "../../channels/outbound/channel-sender.ts";
import { textMessage } from "../../channels/outbound/outbound-message.ts";
import type { EmailDestination, WhatsAppDestination } from "../../channels/outbound/recipients.ts";
import type { Db } from "../../db/database.ts";
import { createMember, linkIdentity } from "../../db/repositories/members.ts";
import { enqueueOutbox, findOutbox, listDead, releaseHeld } from "../../db/repositories/outbox.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import type { Clock } from "../../lib/clock.ts";
import { createLogger } from "../../lib/logger.ts";
import { ProviderError, type ProviderFailure } from "../../lib/provider-error.ts";
import { describeDatabase } from "../../test/database.ts";
import { deliverOutboxMessage, type DeliveryDeps } from "./deliver-outbox-message.ts";
import { backoffDelayMs, DEFAULT_RETRY_POLICY } from "./retry-policy.ts";

const T0 = new Date("2026-11-25T10:00:00Z");
const PHONE = "+5215512345678";
const destination: WhatsAppDestination = { channel: "whatsapp", to: PHONE, transport: "cloud", replyToMessageId: null };

/** A clock the test moves by hand. */
function manualClock(start: Date): Clock & { advance(ms: number): void } {
  let current = start.getTime();
  return { now: () => new Date(current), advance: (ms) => (current += ms) };
}

type Step = SendOutcome | ProviderFailure | Error;

/** A WhatsApp sender that answers from a script, one step per call, and records what it was asked. */
function scriptedSender(steps: Step[]): ChannelSender<WhatsAppDestination> & { calls: Delivery<WhatsAppDestination>[] } {
  const calls: Delivery<WhatsAppDestination>[] = [];
  return {
    channel: "whatsapp",
    calls,
    send(delivery) {
      calls.push(delivery);
      const step = steps.shift() ?? { status: "sent", providerMessageId: `wamid.${calls.length}` };
      if (step instanceof Error) return Promise.reject(step);
      if ("kind" in step) return Promise.reject(new ProviderError("whatsapp", step, `failure ${step.kind}`, step.kind === "permanent" ? "131026" : null));
      return Promise.resolve(step);
    },
  };
}

async function seed(db: Db) {
  const workspace = await createWorkspace(db, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
  const ana = await createMember(db, { workspaceId: workspace.id, name: "Ana", role: "owner", language: "pt" });
  await linkIdentity(db, { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp", address: PHONE });
  await db.updateTable("channel_identities").set({ last_inbound_at: new Date(T0.getTime() - 60_000) }).where("external_id", "=", PHONE).execute();
  const { id } = await enqueueOutbox(db, {
    workspaceId: workspace.id,
    memberId: ana.id,
    destination,
    message: textMessage("Vendiste *MX$12,300* ayer.", "es"),
    kind: "reply",
    idempotencyKey: "wa:wamid.in1:answer",
    notBefore: T0,
  });
  return { workspace, ana, id };
}

function depsFor(db: Db, sender: ChannelSender<WhatsAppDestination>, clock: Clock, random = () => 0.5): DeliveryDeps & { lines: string[] } {
  const lines: string[] = [];
  return {
    db,
    senders: { whatsapp: sender },
    clock,
    logger: createLogger({ level: "debug", format: "json", write: (line) => lines.push(line) }),
    retryPolicy: { ...DEFAULT_RETRY_POLICY, maxAttempts: 3 },
    random,
    lines,
  };
}

it("backs off exponentially with equal jitter, capped", () => {
  const policy = DEFAULT_RETRY_POLICY;
  expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, policy, () => 0))).toEqual([1_000, 2_000, 4_000, 8_000]);
  expect([1, 2, 3, 4].map((attempt) => backoffDelayMs(attempt, policy, () => 0.999_999))).toEqual([2_000, 4_000, 8_000, 16_000]);
  expect(backoffDelayMs(30, policy, () => 0.999_999)).toBe(policy.maxDelayMs);
  expect(backoffDelayMs(1, { ...policy, baseDelayMs: 10 }, () => 0)).toBe(policy.minRetryMs);
});

describeDatabase("deliverOutboxMessage", ({ db }) => {
  it("sends a due message once with the recipient's window and language, and never again", async () => {
    const { id } = await seed(db());
    const sender = scriptedSender([{ status: "sent", providerMessageId: "wamid.out1" }]);
    const clock = manualClock(T0);
    const deps = depsFor(db(), sender, clock);
    expect(await deliverOutboxMessage(deps, id)).toEqual({ outcome: "sent", providerMessageId: "wamid.out1" });
    expect(sender.calls).toHaveLength(1);
    expect(sender.calls[0]).toMatchObject({
      outboxId: id,
      destination,
      kind: "reply",
      lastInboundAt: new Date(T0.getTime() - 60_000),
      memberLanguage: "pt",
      message: { text: "Vendiste *MX$12,300* ayer.", language: "es" },
    });
    expect(await findOutbox(db(), id)).toMatchObject({ status: "sent", attempts: 1, provider_message_id: "wamid.out1", sent_at: T0 });
    clock.advance(1_000);
    expect(await deliverOutboxMessage(deps, id)).toEqual({ outcome: "already_sent" });
    expect(sender.calls).toHaveLength(1);
  });

  it("leaves a message that is not due yet alone and says when it is", async () => {
    const { id } = await seed(db());
    const sender = scriptedSender([]);
    expect(await deliverOutboxMessage(depsFor(db(), sender, manualClock(new Date(T0.getTime() - 5_000))), id)).toEqual({ outcome: "not_due", dueAt: T0 });
    expect(sender.calls).toHaveLength(0);
    expect(await deliverOutboxMessage(depsFor(db(), sender, manualClock(T0)), 999_999)).toEqual({ outcome: "skipped", reason: "missing" });
  });

  it("retries a rate limit after the provider's Retry-After and a transient failure with backoff, then gives up", async () => {
    const { id } = await seed(db());
    const sender = scriptedSender([{ kind: "rate_limited", retryAfterMs: 1_500 }, { kind: "transient" }, { kind: "transient" }]);
    const clock = manualClock(T0);
    const deps = depsFor(db(), sender, clock, () => 0);

    const first = await deliverOutboxMessage(deps, id);
    expect(first).toEqual({ outcome: "retry", retryAfterMs: 1_500, retryAt: new Date(T0.getTime() + 1_500), error: "whatsapp: failure rate_limited", attempts: 1 });
    expect(await findOutbox(db(), id)).toMatchObject({ status: "pending", attempts: 1, next_attempt_at: new Date(T0.getTime() + 1_500), last_error: "whatsapp: failure rate_limited" });
    // Woken early (another wake-up, a sweep): not due, nothing sent.
    clock.advance(1_000);
    expect((await deliverOutboxMessage(deps, id)).outcome).toBe("not_due");
    expect(sender.calls).toHaveLength(1);

    clock.advance(500);
    // Second attempt: 2 s × 2^(2−1) = 4 s, with zero jitter half of it.
    expect(await deliverOutboxMessage(deps, id)).toMatchObject({ outcome: "retry", retryAfterMs: 2_000, attempts: 2 });
    clock.advance(2_000);
    const last = await deliverOutboxMessage(deps, id);
    expect(last).toEqual({ outcome: "dead", error: "gave up after 3 attempts: whatsapp: failure transient" });
    expect(sender.calls).toHaveLength(3);
    expect((await listDead(db(), { limit: 5 })).map((row) => [row.id, row.attempts, row.last_error])).toEqual([[id, 3, last.outcome === "dead" ? last.error : ""]]);
  });

  it("makes a message dead at once on a permanent or auth failure, with the provider's code", async () => {
    const { id } = await seed(db());
    const sender = scriptedSender([{ kind: "permanent" }]);
    const deps = depsFor(db(), sender, manualClock(T0));
    expect(await deliverOutboxMessage(deps, id)).toEqual({ outcome: "dead", error: "whatsapp: failure permanent (code 131026)" });
    expect(await findOutbox(db(), id)).toMatchObject({ status: "dead", attempts: 1 });

    const other = await enqueueOutbox(db(), { workspaceId: null, memberId: null, destination, message: textMessage("Hi", "en"), kind: "reply", idempotencyKey: "k2", notBefore: T0 });
    const auth = scriptedSender([{ kind: "auth" }]);
    expect((await deliverOutboxMessage(depsFor(db(), auth, manualClock(T0)), other.id)).outcome).toBe("dead");
    expect(deps.lines.some((line) => line.includes('"level":"warn"') && line.includes("outbox message is dead"))).toBe(true);
  });

  it("treats any other thrown error as a bug: dead with its message, logged as an error", async () => {
    const { id } = await seed(db());
    const deps = depsFor(db(), scriptedSender([new TypeError("cannot read properties of undefined (reading 'id')")]), manualClock(T0));
    expect(await deliverOutboxMessage(deps, id)).toEqual({ outcome: "dead", error: "unexpected error: cannot read properties of undefined (reading 'id')" });
    const logged = deps.lines.map((line) => JSON.parse(line) as { level: string; outboxId?: number });
    expect(logged).toContainEqual(expect.objectContaining({ level: "error", outboxId: id }));
  });

  it("makes a message dead without sending when its payload no longer parses or its channel has no sender", async () => {
    const { id } = await seed(db());
    await db().updateTable("outbox").set({ payload: JSON.stringify({ destination, message: { text: "" } }) }).where("id", "=", id).execute();
    const sender = scriptedSender([]);
    const broken = await deliverOutboxMessage(depsFor(db(), sender, manualClock(T0)), id);
    expect(broken.outcome === "dead" && broken.error).toMatch(/^the stored message is not valid any more \(message\.text: /);

    const emailTo: EmailDestination = { channel: "email", to: "ana@example.com", inReplyTo: null, references: [], subject: null, conversationId: null };
    const email = await enqueueOutbox(db(), {
      workspaceId: null,
      memberId: null,
      destination: emailTo,
      message: textMessage("Hi", "en"),
      kind: "reply",
      idempotencyKey: "mail-1",
      notBefore: T0,
    });
    expect(await deliverOutboxMessage(depsFor(db(), sender, manualClock(T0)), email.id)).toEqual({ outcome: "dead", error: "no email sender is configured (is the channel turned on?)" });
    expect(sender.calls).toHaveLength(0);
  });

  it("holds a message the sender holds, and delivers it once the member writes again", async () => {
    const { workspace, ana, id } = await seed(db());
    const sender = scriptedSender([{ status: "held", reason: "outside the 24-hour window; no template" }]);
    const clock = manualClock(T0);
    const deps = depsFor(db(), sender, clock);
    expect(await deliverOutboxMessage(deps, id)).toEqual({ outcome: "held", reason: "outside the 24-hour window; no template" });
    expect(await deliverOutboxMessage(deps, id)).toEqual({ outcome: "skipped", reason: "held" });
    clock.advance(3_600_000);
    expect(await releaseHeld(db(), { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp" }, clock.now())).toEqual([id]);
    expect(await deliverOutboxMessage(deps, id)).toMatchObject({ outcome: "sent" });
    expect(sender.calls).toHaveLength(2);
  });

  it("sends once when two deliverers race on one row", async () => {
    const { id } = await seed(db());
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    let sends = 0;
    const slow: ChannelSender<WhatsAppDestination> = {
      channel: "whatsapp",
      async send() {
        sends++;
        await gate;
        return { status: "sent", providerMessageId: "wamid.race" };
      },
    };
    const deps = depsFor(db(), slow, manualClock(T0));
    const first = deliverOutboxMessage(deps, id);
    const second = deliverOutboxMessage(deps, id);
    // Whichever lost the claim is done without waiting for the send.
    const loser = await Promise.race([first, second]);
    expect(loser).toEqual({ outcome: "skipped", reason: "sending" });
    release();
    const outcomes = await Promise.all([first, second]);
    expect(outcomes.map((outcome) => outcome.outcome).sort()).toEqual(["sent", "skipped"]);
    expect(sends).toBe(1);
  });
});
