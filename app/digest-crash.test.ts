/**
 * A worker killed in the middle of a digest job: the job had put every channel's message in the outbox
 * and was handing them to delivery when the process died, with only the first one (WhatsApp) sent.
 * After a restart the stale job is taken again and adds nothing, the messages never handed over are
 * found and sent, and the digest reaches every channel exactly once — WhatsApp is not sent a second time.
 */
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { createChannelSenders } from "./channel-senders.ts";
import { describeInsight } from "./notifications.ts";
import { replyTokenKey } from "./reply-token-key.ts";
import { startWorker, type Worker } from "./worker.ts";
import { createSmtpTransport } from "../channels/email/email-sender.ts";
import { createReplyTokens } from "../channels/email/reply-token.ts";
import { createMember, linkIdentity } from "../db/repositories/members.ts";
import { updatePreferences } from "../engines/notifications/member-preferences.ts";
import { silentLogger } from "../lib/logger.ts";
import { describeDatabase } from "../test/database.ts";
import { startFakeChannels, type FakeChannels } from "../test/fake-channels.ts";
import { seedMetricsStore } from "../test/fixtures/metrics-store.ts";
import { createInProcessDelivery } from "../jobs/delivery/in-process-delivery.ts";
import { createInProcessRunner } from "../jobs/runtime/in-process-runner.ts";
import { registerNotificationJobs } from "../jobs/notifications/notification-jobs.ts";
import { DIGEST_QUEUE } from "../jobs/notifications/queues.ts";

const ANA = { slack: "U0ANA0001", phone: "+5215512345678", email: "ana@tienda.mx" };

describeDatabase("a digest job cut short by a dead worker", ({ db }) => {
  let fakes: FakeChannels;
  let worker: Worker | undefined;

  beforeEach(async () => {
    fakes = await startFakeChannels();
  });
  afterEach(async () => {
    await worker?.close();
    await fakes.close();
  });

  it("is finished after a restart, and each channel gets the digest exactly once", { timeout: 120_000 }, async () => {
    const { store } = await seedMetricsStore(db());
    const ana = await createMember(db(), { workspaceId: store.id, name: "Ana", role: "owner", language: "es" });
    for (const [channel, address] of [["whatsapp", ANA.phone], ["slack", ANA.slack], ["email", ANA.email]] as const) {
      await linkIdentity(db(), { workspaceId: store.id, memberId: ana.id, channel, address });
    }
    // Alerts off, so the only messages Ana gets are her digest.
    await updatePreferences(db(), store.id, ana.id, { alerts: { enabled: false } });
    // 02:00 in Mexico City: no digest is due, so only the job this test enqueues runs.
    let now = new Date("2026-11-20T08:00:00Z");
    const clock = { now: () => now };
    await db().updateTable("channel_identities").set({ last_inbound_at: new Date(now.getTime() - 3_600_000) }).where("member_id", "=", ana.id).execute();
    const { slack, graph, sink } = fakes;
    const config = fakes.config({ NOTIFICATIONS_PLAN_SECONDS: "3600" });
    const secretKey = randomBytes(32);
    const smtpTransport = () => createSmtpTransport({ ...config.channels.email!.smtp });

    // The first worker: its job hangs for good after handing only the first channel's message to delivery.
    const senders = createChannelSenders({ settings: config.channels, tokens: createReplyTokens(replyTokenKey(secretKey)), clock, logger: silentLogger, smtpTransport: smtpTransport(), whatsappWeb: null });
    const delivery = createInProcessDelivery({ deps: { db: db(), senders: senders.registry, clock, logger: silentLogger } });
    await delivery.start();
    let handedOver = 0;
    const stuck = {
      async schedule(ids: readonly number[]) {
        handedOver += ids.length;
        await delivery.scheduler.schedule(ids.slice(0, 1));
        await new Promise<never>(() => undefined);
      },
    };
    const first = createInProcessRunner({ deps: { db: db(), clock, logger: silentLogger } });
    registerNotificationJobs(first, { db: db(), clock, logger: silentLogger, scheduler: stuck, channels: new Set(["slack", "whatsapp", "email"]), whatsappTransport: "cloud", describe: describeInsight }, 3_600_000);
    await first.start();
    const job = await first.enqueue(DIGEST_QUEUE, { workspaceId: store.id, memberId: ana.id, date: "2026-11-20" });
    expect(job).toMatchObject({ key: `digest:${ana.id}:2026-11-20`, created: true });
    for (let i = 0; i < 600 && handedOver === 0; i++) await new Promise((resolve) => setTimeout(resolve, 50));
    await delivery.idle();
    expect(handedOver).toBe(3);
    // The process dies: nothing more runs in it, and its job row stays "running".
    await first.close({ force: true });
    await delivery.close();
    const cut = await db().selectFrom("job_runs").select(["status", "attempts"]).where("job_key", "=", job.key).executeTakeFirstOrThrow();
    expect(cut).toEqual({ status: "running", attempts: 1 });
    // One channel's message (WhatsApp, the first in Ana's order) was delivered before the crash.
    const delivered = () => sink.received.length + slack.callsTo("chat.postMessage").length + graph.sent.length;
    expect(delivered()).toBe(1);
    expect(graph.sent).toHaveLength(1);

    // Ten minutes later (past the job's lease) a new worker starts and takes the job again.
    now = new Date(now.getTime() + 10 * 60_000);
    worker = await startWorker({ config, db: db(), secretKey, clock, logger: silentLogger, smtpTransport: smtpTransport() });
    await worker.idle();
    const done = await db().selectFrom("job_runs").select(["status", "attempts"]).where("job_key", "=", job.key).executeTakeFirstOrThrow();
    expect(done).toEqual({ status: "done", attempts: 2 });
    const rows = await db().selectFrom("outbox").select(["channel", "status"]).where("idempotency_key", "like", `digest:${ana.id}:2026-11-20:%`).orderBy("channel").execute();
    expect(rows).toEqual([
      { channel: "email", status: "sent" },
      { channel: "slack", status: "sent" },
      { channel: "whatsapp", status: "sent" },
    ]);
    expect(sink.received.filter((mail) => mail.mail.subject?.startsWith("Resumen de ayer"))).toHaveLength(1);
    expect(slack.callsTo("chat.postMessage").filter((call) => call.body.channel === `D${ANA.slack.slice(1)}`)).toHaveLength(1);
    expect(graph.sent.filter((message) => message.body.to === ANA.phone.slice(1))).toHaveLength(1);

    // The same job enqueued again (a repeat of the day's run) sends nothing.
    expect(await worker.jobs.enqueue(DIGEST_QUEUE, { workspaceId: store.id, memberId: ana.id, date: "2026-11-20" })).toMatchObject({ created: false, status: "done" });
    await worker.idle();
    expect(delivered()).toBe(3);
  });
});
