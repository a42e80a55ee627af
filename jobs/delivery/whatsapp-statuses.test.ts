import { expect, it } from "vitest";
import type { DeliveryScheduler } from "../../channels/outbound/delivery-scheduler.ts";
import { textMessage } from "../../channels/outbound/outbound-message.ts";
import type { WhatsAppDestination } from "../../channels/outbound/recipients.ts";
import type { WhatsAppStatusUpdate } from "../../channels/whatsapp/status-listener.ts";
import type { Db } from "../../db/database.ts";
import { claimOutbox, enqueueOutbox, findOutbox, markSent } from "../../db/repositories/outbox.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { DEFAULT_RETRY_POLICY } from "./retry-policy.ts";
import { createWhatsAppStatusListener } from "./whatsapp-statuses.ts";

const T0 = new Date("2026-11-25T10:00:00Z");
const destination: WhatsAppDestination = { channel: "whatsapp", to: "+5511999999999", transport: "cloud", replyToMessageId: null };

async function sentRow(db: Db, wamid: string): Promise<number> {
  const { id } = await enqueueOutbox(db, { workspaceId: null, memberId: null, destination, message: textMessage("Oi", "pt"), kind: "reply", idempotencyKey: wamid, notBefore: T0 });
  await claimOutbox(db, id, T0);
  await markSent(db, id, wamid, T0);
  return id;
}

function failed(wamid: string, errorCode: number | null, errorTitle: string | null): WhatsAppStatusUpdate {
  return { providerMessageId: wamid, status: "failed", recipient: destination.to, errorCode, errorTitle, at: T0 };
}

function listenerFor(db: Db) {
  const scheduled: number[] = [];
  const scheduler: DeliveryScheduler = {
    schedule: (ids) => {
      scheduled.push(...ids);
      return Promise.resolve();
    },
  };
  const clock = fixedClock(new Date(T0.getTime() + 5_000));
  const listener = createWhatsAppStatusListener({ db, scheduler, logger: silentLogger, clock, random: () => 0, retryPolicy: DEFAULT_RETRY_POLICY });
  return { listener, scheduled };
}

describeDatabase("WhatsApp failed statuses", ({ db }) => {
  it("leaves sent, delivered and read alone, and ignores messages the outbox does not know", async () => {
    const id = await sentRow(db(), "wamid.ok");
    const { listener, scheduled } = listenerFor(db());
    for (const status of ["sent", "delivered", "read"] as const) await listener.onStatus({ ...failed("wamid.ok", null, null), status });
    await listener.onStatus(failed("wamid.unknown", 131026, "Message undeliverable"));
    expect(await findOutbox(db(), id)).toMatchObject({ status: "sent", provider_message_id: "wamid.ok" });
    expect(scheduled).toEqual([]);
  });

  it("holds a message WhatsApp failed with 131047, for the person's next message", async () => {
    const id = await sentRow(db(), "wamid.window");
    const { listener, scheduled } = listenerFor(db());
    await listener.onStatus(failed("wamid.window", 131047, "Re-engagement message"));
    const row = await findOutbox(db(), id);
    expect(row).toMatchObject({ status: "held" });
    expect(row?.last_error).toContain("131047: Re-engagement message");
    expect(scheduled).toEqual([]);
  });

  it("sends again after Meta's own trouble or a throttle, and gives up on anything else", async () => {
    const trouble = await sentRow(db(), "wamid.trouble");
    const throttled = await sentRow(db(), "wamid.throttled");
    const refused = await sentRow(db(), "wamid.refused");
    const { listener, scheduled } = listenerFor(db());
    await listener.onStatus(failed("wamid.trouble", 131000, "Something went wrong"));
    await listener.onStatus(failed("wamid.throttled", 131056, "Pair rate limit hit"));
    await listener.onStatus(failed("wamid.refused", 131026, "Message undeliverable"));

    const now = T0.getTime() + 5_000;
    // Attempt 1 backs off 2 s with zero jitter halved; the pair rate limit waits Meta's usual minute.
    expect(await findOutbox(db(), trouble)).toMatchObject({ status: "pending", next_attempt_at: new Date(now + 1_000) });
    expect(await findOutbox(db(), throttled)).toMatchObject({ status: "pending", next_attempt_at: new Date(now + 60_000) });
    expect(await findOutbox(db(), refused)).toMatchObject({
      status: "dead",
      last_error: "WhatsApp accepted the message but could not deliver it (131026: Message undeliverable)",
    });
    expect(scheduled).toEqual([trouble, throttled]);
    // The same status again (Meta retries webhooks) changes nothing more.
    await listener.onStatus(failed("wamid.trouble", 131000, "Something went wrong"));
    expect(scheduled).toEqual([trouble, throttled]);
  });
});
