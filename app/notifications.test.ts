/**
 * Proactive insights and digests end to end on the demo data, with no network: the worker as
 * `npm run worker` (or the server) runs it, detection on the real engines, digests rendered per
 * member and delivered through the outbox to local fakes (SMTP sink, fake Slack Web API, fake
 * WhatsApp Graph API). The clock is pinned and moved by hand.
 */
import { randomBytes } from "node:crypto";
import { afterEach, beforeEach, expect, it } from "vitest";
import { z } from "zod";
import { OfflineChatModel } from "../agents/models/offline/chat-model.ts";
import { createConversationRuntime } from "../agents/runtime.ts";
import { createSmtpTransport } from "../channels/email/email-sender.ts";
import { outboundMessageSchema } from "../channels/outbound/outbound-message.ts";
import { destinationSchema } from "../channels/outbound/recipients.ts";
import { listMembers } from "../db/repositories/members.ts";
import { findWorkspaceBySlug } from "../db/repositories/workspaces.ts";
import type { Db } from "../db/database.ts";
import { accessFor } from "../engines/access/roles.ts";
import { seedDemo, type CompetitorUndercutEvent, type StockoutEvent } from "../demo/index.ts";
import { planNotifications } from "../jobs/notifications/plan-notifications.ts";
import type { Clock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { describeDatabase } from "../test/database.ts";
import { startFakeChannels, type FakeChannels } from "../test/fake-channels.ts";
import { startWorker, type Worker } from "./worker.ts";

const END = "2026-11-21";

/** A clock the test moves. */
function movableClock(at: string): Clock & { set(at: string): void } {
  let now = new Date(at);
  return { now: () => now, set: (next) => (now = new Date(next)) };
}

async function digestRows(db: Db, memberId: number) {
  return db.selectFrom("outbox").select(["idempotency_key", "channel", "status", "payload"]).where("idempotency_key", "like", `digest:${memberId}:%`).orderBy("idempotency_key").execute();
}

describeDatabase("insights, alerts and digests end to end", ({ db, handle, dialect }) => {
  let fakes: FakeChannels;
  let worker: Worker | undefined;

  beforeEach(async () => {
    fakes = await startFakeChannels();
  });

  afterEach(async () => {
    await worker?.close();
    worker = undefined;
    await fakes.close();
  });

  function config() {
    return fakes.config({
      WHATSAPP_TEMPLATE: "daily_digest",
      // The test runs the planner itself, so nothing is planned behind its back.
      NOTIFICATIONS_PLAN_SECONDS: "3600",
    });
  }

  // Skipped on PGlite (reason): this whole flow over the three demo workspaces takes ~10 minutes on
  // PGlite on a 2-core machine. Each piece runs on PGlite in its own test: detection
  // (engines/insights/detect-insights.test.ts), digests (channels/digest/digest-on-demo.test.ts), a
  // dead worker's digest (app/digest-crash.test.ts) and the runners (jobs/runtime/*.test.ts).
  it.skipIf(dialect === "pglite")(
    "finds the planted problems, alerts once, sends each member's digest once per channel with the same figures, and a repeat sends nothing",
    { timeout: 600_000 },
    async () => {
      const { slack, graph, sink } = fakes;
      const manifest = await seedDemo(db(), { orders: 2000, seed: 7, end: END });
      const workspace = (await findWorkspaceBySlug(db(), "demo"))!;
      const members = await listMembers(db(), workspace.id);
      const owner = members.find((m) => m.role === "owner")!;
      const stockout = manifest.planted.find((e): e is StockoutEvent => e.kind === "stockout" && e.workspace === "demo")!;
      const undercut = manifest.planted.find((e): e is CompetitorUndercutEvent => e.kind === "competitor_undercut" && e.workspace === "demo")!;
      // 08:00 in Mexico City on the morning after the data ends; the owner wrote on WhatsApp an hour ago.
      const clock = movableClock(`${END}T14:00:00Z`);
      await db().updateTable("channel_identities").set({ last_inbound_at: new Date(`${END}T13:00:00Z`) }).where("member_id", "=", owner.id).where("channel", "=", "whatsapp").execute();
      const cfg = config();
      worker = await startWorker({ config: cfg, db: db(), secretKey: randomBytes(32), clock, logger: silentLogger, smtpTransport: createSmtpTransport({ ...cfg.channels.email!.smtp }) });
      const plan = () => planNotifications({ db: db(), clock, logger: silentLogger, enqueue: (queue, payload) => worker!.jobs.enqueue(queue, payload) });

      // The first plan of the day enqueues each workspace's detection; digests wait for it.
      expect(await plan()).toMatchObject({ detections: 3, digests: 0 });
      await worker.idle();
      const stored = await db().selectFrom("insights").selectAll().where("workspace_id", "=", workspace.id).where("status", "=", "open").orderBy("score", "desc").execute();
      const top = stored.slice(0, 3).map((i) => i.type);
      expect(top).toEqual(expect.arrayContaining(["stockout_risk", "competitor_undercut", "metric_anomaly"]));
      expect(stored.find((i) => i.type === "stockout_risk")!.subject).toBe(`product:${stockout.productId}`);
      expect(stored.find((i) => i.type === "competitor_undercut")!.subject).toBe(`product:${undercut.productId}`);

      // Alerts went out for the urgent ones, each once, to the owner on the channel they last used.
      const alerts = await db().selectFrom("outbox").select(["idempotency_key", "channel", "status"]).where("idempotency_key", "like", "alert:%").where("member_id", "=", owner.id).execute();
      expect(alerts.length).toBeGreaterThan(0);
      expect(new Set(alerts.map((a) => a.channel))).toEqual(new Set(["whatsapp"]));
      expect(alerts.every((a) => a.status === "sent")).toBe(true);

      // The planner now finds every member's digest due (08:00 local) and sends it.
      const planned = await plan();
      const everyone = await db().selectFrom("members").select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow();
      expect(planned.digests).toBe(Number(everyone.n));
      await worker.idle();
      const rows = await digestRows(db(), owner.id);
      expect(rows.map((r) => [r.channel, r.status])).toEqual([
        ["email", "sent"],
        ["slack", "sent"],
        ["whatsapp", "sent"],
      ]);

      const ownerEmails = sink.received.filter((m) => m.mail.subject?.startsWith("Resumen de ayer") && m.envelope.to.includes(rowsTo(rows, "email")));
      expect(ownerEmails).toHaveLength(1);
      // A member's Slack user id is reached through the DM conversations.open gives (D + the id).
      const slackPosts = slack.callsTo("chat.postMessage").filter((c) => c.body.channel === `D${rowsTo(rows, "slack").slice(1)}`);
      const whatsappSent = graph.sent.filter((m) => m.body.to === rowsTo(rows, "whatsapp").replace("+", ""));
      const texts = {
        email: ownerEmails[0]!.mail.text ?? "",
        slack: slackPosts.map((c) => JSON.stringify(c.body)).join("\n"),
        whatsapp: whatsappSent.map((m) => JSON.stringify(m.body)).join("\n"),
      };
      const figures = storedPayload(rows[0]!.payload).message.kpis.map((k) => k.value);
      expect(figures.length).toBeGreaterThanOrEqual(4);
      for (const figure of figures) {
        for (const [channel, text] of Object.entries(texts)) expect(text, `${channel} shows ${figure}`).toContain(figure);
      }
      expect(texts.email).toContain(stockout.title);

      // The same day's run again: nothing new is planned, composed or sent.
      const before = { mails: sink.received.length, posts: slack.callsTo("chat.postMessage").length, whatsapp: graph.sent.length };
      const again = await plan();
      expect(again).toEqual({ detections: 0, digests: 0, weeklies: 0 });
      await worker.idle();
      expect({ mails: sink.received.length, posts: slack.callsTo("chat.postMessage").length, whatsapp: graph.sent.length }).toEqual(before);

      // Preferences changed in chat take effect: the digest at 7 and not on WhatsApp.
      const runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: { modelFor: () => new OfflineChatModel() } });
      const ask = (text: string) =>
        runtime.runTurn({ workspace, text, thread: "prefs", now: clock.now(), access: accessFor(owner.role, workspace.settings), actor: { memberId: owner.id, channel: "whatsapp" } });
      expect((await ask("mándame el resumen a las 7")).toolCalls.map((c) => c.name)).toEqual(["notification_preferences"]);
      expect((await ask("ya no me mandes el resumen por WhatsApp")).toolCalls.map((c) => c.name)).toEqual(["notification_preferences"]);
      clock.set("2026-11-22T13:00:00Z"); // 07:00 in Mexico City
      await plan(); // the new day's detection
      await worker.idle();
      await plan();
      await worker.idle();
      const nextRows = (await digestRows(db(), owner.id)).filter((r) => r.idempotency_key.includes(":2026-11-22:"));
      expect(nextRows.map((r) => r.channel)).toEqual(["email", "slack"]);
      // Her colleagues kept 08:00: nothing for them yet.
      for (const colleague of members.filter((m) => m.id !== owner.id)) {
        expect((await digestRows(db(), colleague.id)).filter((r) => r.idempotency_key.includes(":2026-11-22:"))).toEqual([]);
      }
    },
  );
});

const storedSchema = z.object({ destination: destinationSchema, message: outboundMessageSchema });
const storedPayload = (payload: unknown) => storedSchema.parse(payload);

/** The address a digest row went to on a channel. */
function rowsTo(rows: readonly { channel: string; payload: unknown }[], channel: string): string {
  const row = rows.find((r) => r.channel === channel);
  if (!row) return "";
  const { destination } = storedPayload(row.payload);
  return destination.channel === "slack" ? destination.channelId : destination.to;
}
