/**
 * The server with REDIS_URL set: answers leave through the BullMQ delivery queue on the real Redis
 * (a key prefix of this test's own, removed afterwards) instead of the in-process deliverer.
 */
import { randomBytes } from "node:crypto";
import { Redis } from "ioredis";
import { afterEach, expect, it } from "vitest";
import { OfflineChatModel } from "../agents/models/offline/chat-model.ts";
import { createConversationRuntime } from "../agents/runtime.ts";
import { whatsappSignature } from "../channels/whatsapp/webhook-signature.ts";
import { loadConfig } from "../config/index.ts";
import { createMember, linkIdentity } from "../db/repositories/members.ts";
import { fixedClock } from "../lib/clock.ts";
import { silentLogger } from "../lib/logger.ts";
import { describeDatabase } from "../test/database.ts";
import { startFakeWhatsAppGraph } from "../test/fakes/whatsapp-graph.ts";
import { FIXTURE_NOW, seedMetricsStore } from "../test/fixtures/metrics-store.ts";
import { startChannelServer } from "./channel-server.ts";

const WA = { verify: "v", secret: "meta-secret", token: "EAAG-bullmq", phoneId: "106540352242922" };
const redisUrl = loadConfig().env.TEST_REDIS_URL;
const prefixes: string[] = [];

afterEach(async () => {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1 });
  try {
    for (const prefix of prefixes.splice(0)) {
      const keys = await redis.keys(`${prefix}:*`);
      if (keys.length > 0) await redis.del(...keys);
    }
  } finally {
    redis.disconnect();
  }
});

/** Polls until the check passes (delivery happens in BullMQ's worker, not in anything the test can await). */
async function eventually(check: () => boolean, what: string, attempts = 200): Promise<void> {
  for (let attempt = 0; attempt < attempts; attempt += 1) {
    if (check()) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`never happened: ${what}`);
}

describeDatabase("npm start's server with REDIS_URL", ({ db, handle }) => {
  it("delivers the answer to a WhatsApp message through the BullMQ queue, once", { timeout: 60_000 }, async () => {
    const fixture = await seedMetricsStore(db());
    const ana = await createMember(db(), { workspaceId: fixture.store.id, name: "Ana", role: "owner", language: "es" });
    await linkIdentity(db(), { workspaceId: fixture.store.id, memberId: ana.id, channel: "whatsapp", address: "+5215512345678" });
    const graph = await startFakeWhatsAppGraph({ accessToken: WA.token, phoneNumberId: WA.phoneId });
    const prefix = `bizos-test-${process.pid}-${randomBytes(4).toString("hex")}`;
    prefixes.push(prefix);
    const config = loadConfig({
      PORT: "0",
      JOBS_IN_SERVER: "false",
      REDIS_URL: redisUrl,
      WHATSAPP_VERIFY_TOKEN: WA.verify,
      WHATSAPP_APP_SECRET: WA.secret,
      WHATSAPP_ACCESS_TOKEN: WA.token,
      WHATSAPP_PHONE_NUMBER_ID: WA.phoneId,
      WHATSAPP_GRAPH_URL: graph.url,
    });
    const runtime = await createConversationRuntime({ db: db(), pool: handle().pool, models: { modelFor: () => new OfflineChatModel() } });
    const server = await startChannelServer({ config, db: db(), runtime, secretKey: randomBytes(32), clock: fixedClock(FIXTURE_NOW), logger: silentLogger, queuePrefix: prefix });
    try {
      expect(server.status()).toMatchObject({ delivery: "bullmq" });
      const body = JSON.stringify({
        object: "whatsapp_business_account",
        entry: [
          {
            id: "1",
            changes: [
              {
                field: "messages",
                value: {
                  messaging_product: "whatsapp",
                  metadata: { display_phone_number: "15550783881", phone_number_id: WA.phoneId },
                  contacts: [{ profile: { name: "Ana" }, wa_id: "5215512345678" }],
                  messages: [{ from: "5215512345678", id: "wamid.bullmq1", timestamp: String(Math.floor(FIXTURE_NOW.getTime() / 1000)), type: "text", text: { body: "ventas de la semana pasada" } }],
                },
              },
            ],
          },
        ],
      });
      const response = await fetch(`${server.url}/whatsapp/webhook`, { method: "POST", body, headers: { "content-type": "application/json", "x-hub-signature-256": whatsappSignature(WA.secret, body) } });
      expect(response.status).toBe(200);
      await server.idle();
      await eventually(() => graph.sent.length > 0, "the answer reached the Graph API");
    } finally {
      // close() waits for the worker's job in flight, so the row's final state is written.
      await server.close();
      await graph.close();
    }
    expect(graph.sent).toHaveLength(1);
    expect(JSON.stringify(graph.sent[0]!.body)).toMatch(/Ventas netas/);
    expect(await db().selectFrom("outbox").select(["status", "attempts"]).execute()).toEqual([{ status: "sent", attempts: 1 }]);
  });
});
