import { expect, it } from "vitest";
import type { ChannelSender } from "../../channels/outbound/channel-sender.ts";
import { textMessage } from "../../channels/outbound/outbound-message.ts";
import type { WhatsAppDestination } from "../../channels/outbound/recipients.ts";
import type { Db } from "../../db/database.ts";
import { enqueueOutbox, findOutbox } from "../../db/repositories/outbox.ts";
import { systemClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { describeDatabase } from "../../test/database.ts";
import { createInProcessDelivery } from "./in-process-delivery.ts";

const destination: WhatsAppDestination = { channel: "whatsapp", to: "+5511999999999", transport: "cloud", replyToMessageId: null };

async function enqueue(db: Db, key: string): Promise<number> {
  return (await enqueueOutbox(db, { workspaceId: null, memberId: null, destination, message: textMessage(`Oi ${key}`, "pt"), kind: "reply", idempotencyKey: key })).id;
}

/** A sender whose sends finish only when the test lets them. */
function gatedSender() {
  const started: number[] = [];
  let open: () => void = () => undefined;
  const gate = new Promise<void>((resolve) => (open = resolve));
  const sender: ChannelSender<WhatsAppDestination> = {
    channel: "whatsapp",
    async send(delivery) {
      started.push(delivery.outboxId);
      await gate;
      return { status: "sent", providerMessageId: `wamid.${delivery.outboxId}` };
    },
  };
  return { sender, started, open: () => open() };
}

describeDatabase("in-process delivery", ({ db }) => {
  it("delivers scheduled rows a few at a time and is idle once they are all sent", async () => {
    const { sender, started, open } = gatedSender();
    const delivery = createInProcessDelivery({ deps: { db: db(), senders: { whatsapp: sender }, clock: systemClock, logger: silentLogger }, concurrency: 2 });
    await delivery.start();
    const ids = [await enqueue(db(), "a"), await enqueue(db(), "b"), await enqueue(db(), "c")];
    await delivery.scheduler.schedule(ids);
    await delivery.scheduler.schedule(ids);
    // Two run at once; the third waits for a free slot.
    while (started.length < 2) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(started).toHaveLength(2);
    open();
    await delivery.idle();
    expect([...started].sort()).toEqual(ids);
    for (const id of ids) expect(await findOutbox(db(), id)).toMatchObject({ status: "sent", attempts: 1 });
    await delivery.close();
  });

  it("finishes the sends in flight on close and leaves the rest pending for the next start", async () => {
    const { sender, started, open } = gatedSender();
    const delivery = createInProcessDelivery({ deps: { db: db(), senders: { whatsapp: sender }, clock: systemClock, logger: silentLogger }, concurrency: 1 });
    await delivery.start();
    const first = await enqueue(db(), "first");
    const second = await enqueue(db(), "second");
    await delivery.scheduler.schedule([first, second]);
    while (started.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
    const closing = delivery.close();
    open();
    await closing;
    expect(await findOutbox(db(), first)).toMatchObject({ status: "sent" });
    expect(await findOutbox(db(), second)).toMatchObject({ status: "pending", attempts: 0 });
    // Closed: scheduling does nothing; the next deliverer's start-up sweep sends it.
    await delivery.scheduler.schedule([second]);
    const next = createInProcessDelivery({ deps: { db: db(), senders: { whatsapp: sender }, clock: systemClock, logger: silentLogger } });
    await next.start();
    await next.idle();
    expect(await findOutbox(db(), second)).toMatchObject({ status: "sent" });
    expect(started).toEqual([first, second]);
    await next.close();
  });
});
