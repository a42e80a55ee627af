/**
 * One behavioural suite for both deliverers: BullMQ on the real Redis (TEST_REDIS_URL, a key prefix
 * per test, removed afterwards) and the in-process one. The channel is a tiny sender over HTTP to a
 * provider on 127.0.0.1 that answers as scripted (429 with Retry-After, 400, 200), so retries,
 * waits and "exactly once" are observed at the provider, not inside our code.
 */
import { createServer, type Server } from "node:http";
import { afterEach, describe, expect, it } from "vitest";
import type { Deliverer } from "./deliverer.ts";
import { z } from "zod";
import type { ChannelSender } from "../../channels/outbound/channel-sender.ts";
import { textMessage } from "../../channels/outbound/outbound-message.ts";
import type { WhatsAppDestination } from "../../channels/outbound/recipients.ts";
import type { Db } from "../../db/database.ts";
import { createMember, linkIdentity } from "../../db/repositories/members.ts";
import { claimOutbox, enqueueOutbox, findOutbox, listDead, releaseHeld, retryDead, STUCK_SENDING_ERROR } from "../../db/repositories/outbox.ts";
import { createWorkspace } from "../../db/repositories/workspaces.ts";
import { systemClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { ProviderError, retryAfterMs } from "../../lib/provider-error.ts";
import { describeDatabase } from "../../test/database.ts";
import { createBullmqDelivery } from "./bullmq-delivery.ts";
import type { DeliveryDeps, DeliveryEvent } from "./deliver-outbox-message.ts";
import { createInProcessDelivery } from "./in-process-delivery.ts";
import { useTestRedis } from "../../test/test-redis.ts";

const testRedis = useTestRedis("delivery");
const redisUrl = testRedis.url;
const PHONE = "+5215512345678";
const DAY_MS = 24 * 60 * 60 * 1000;

// ── The provider: answers POST /messages from a script, 200 once the script runs out ──

interface ProviderAnswer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly delayMs?: number;
}

class FakeProvider {
  readonly script: ProviderAnswer[] = [];
  requests = 0;
  readonly delivered: { id: string; to: string; text: string }[] = [];
  private server: Server | undefined;
  url = "";

  async start(): Promise<void> {
    const server = createServer((req, res) => {
      let body = "";
      req.on("data", (chunk: Buffer) => (body += chunk.toString("utf8")));
      req.on("end", () => {
        this.requests++;
        const answer = this.script.shift() ?? { status: 200 };
        setTimeout(() => {
          if (answer.status === 200) {
            const sent = z.object({ to: z.string(), text: z.string() }).parse(JSON.parse(body));
            const id = `msg-${this.delivered.length + 1}`;
            this.delivered.push({ id, ...sent });
            res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ id }));
          } else {
            res.writeHead(answer.status, { "content-type": "application/json", ...answer.headers }).end(JSON.stringify({ error: `status ${answer.status}` }));
          }
        }, answer.delayMs ?? 0);
      });
    });
    this.server = server;
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const address = server.address();
    if (address === null || typeof address === "string") throw new Error("the fake provider is not listening on TCP");
    this.url = `http://127.0.0.1:${address.port}`;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }
}

/** The channel: one POST per message; holds outside the 24-hour window the way the WhatsApp sender does. */
function httpSender(provider: FakeProvider): ChannelSender<WhatsAppDestination> {
  return {
    channel: "whatsapp",
    async send(delivery) {
      if (delivery.lastInboundAt === null || Date.now() - delivery.lastInboundAt.getTime() >= DAY_MS) {
        return { status: "held", reason: "outside the 24-hour window" };
      }
      const response = await fetch(`${provider.url}/messages`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ to: delivery.destination.to, text: delivery.message.text }),
        signal: AbortSignal.timeout(5_000),
      });
      if (response.status === 429) throw new ProviderError("fake", { kind: "rate_limited", retryAfterMs: retryAfterMs(response.headers.get("retry-after"), 5_000) }, "rate limited");
      if (response.status >= 500) throw new ProviderError("fake", { kind: "transient" }, `HTTP ${response.status}`);
      if (!response.ok) throw new ProviderError("fake", { kind: "permanent" }, `HTTP ${response.status}`, String(response.status));
      const { id } = z.object({ id: z.string() }).parse(await response.json());
      return { status: "sent", providerMessageId: id };
    },
  };
}

// ── The deliverers under test, behind one shape ──


type DelivererKind = "in-process" | "bullmq";
const SWEEP_MS = 300;
const ATTEMPT_OUTCOMES: ReadonlySet<string> = new Set(["sent", "held", "retry", "dead"]);

function createDeliverer(kind: DelivererKind, deps: DeliveryDeps, onOutcome: (event: DeliveryEvent) => void): Deliverer {
  switch (kind) {
    case "in-process":
      return createInProcessDelivery({ deps, pollMs: SWEEP_MS, onOutcome });
    case "bullmq": {
      const prefix = testRedis.prefix();
      return createBullmqDelivery({ connection: redisUrl, prefix, deps, sweepMs: SWEEP_MS, onOutcome });
    }
  }
}

async function waitFor<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}


describeDatabase("outbox delivery", ({ db }) => {
  for (const kind of ["in-process", "bullmq"] as const) {
    describe(kind, () => {
      const running: Deliverer[] = [];
      const providers: FakeProvider[] = [];
      afterEach(async () => {
        for (const deliverer of running.splice(0)) await deliverer.close();
        for (const provider of providers.splice(0)) await provider.stop();
      });

      /** A deliverer of this kind (started unless told not to) sending to a provider (a new one unless given). */
      async function harness(options: { provider?: FakeProvider; start?: boolean } = {}) {
        const shared = options.provider;
        const provider = shared ?? new FakeProvider();
        if (!shared) {
          await provider.start();
          providers.push(provider);
        }
        const events: DeliveryEvent[] = [];
        const deps: DeliveryDeps = { db: db(), senders: { whatsapp: httpSender(provider) }, clock: systemClock, logger: silentLogger };
        const deliverer = createDeliverer(kind, deps, (event) => events.push(event));
        running.push(deliverer);
        if (options.start !== false) await deliverer.start();
        // Attempts only: a sweep and a timer may both wake a row, and the one that loses the claim reports a no-op.
        const attemptsOf = (id: number) => events.filter((event) => event.outboxId === id && ATTEMPT_OUTCOMES.has(event.outcome.outcome)).map((event) => event.outcome);
        const outcomeOf = (id: number, outcome: DeliveryEvent["outcome"]["outcome"], after = 0) =>
          waitFor(`${outcome} for outbox ${id}`, () => Promise.resolve(events.slice(after).find((event) => event.outboxId === id && event.outcome.outcome === outcome)));
        return { provider, deliverer, events, attemptsOf, outcomeOf };
      }

      async function seed(database: Db, options: { lastInboundAt?: Date | null } = {}) {
        const workspace = await createWorkspace(database, { name: "Tienda", slug: "tienda", currency: "MXN", timezone: "America/Mexico_City", locale: "es" });
        const ana = await createMember(database, { workspaceId: workspace.id, name: "Ana", role: "owner", language: "es" });
        await linkIdentity(database, { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp", address: PHONE });
        const lastInboundAt = options.lastInboundAt === undefined ? new Date(Date.now() - 60_000) : options.lastInboundAt;
        await database.updateTable("channel_identities").set({ last_inbound_at: lastInboundAt }).where("external_id", "=", PHONE).execute();
        const enqueue = async (key: string, notBefore?: Date) =>
          (
            await enqueueOutbox(database, {
              workspaceId: workspace.id,
              memberId: ana.id,
              destination: { channel: "whatsapp", to: PHONE, transport: "cloud", replyToMessageId: null } satisfies WhatsAppDestination,
              message: textMessage(`Ventas de ayer: MX$12,300 (${key})`, "es"),
              kind: "reply",
              idempotencyKey: key,
              notBefore,
            })
          ).id;
        return { workspace, ana, enqueue };
      }

      it("delivers exactly once through a provider answering 429 twice, honouring Retry-After", async () => {
        const { provider, deliverer, events, attemptsOf, outcomeOf } = await harness();
        const { enqueue } = await seed(db());
        provider.script.push({ status: 429, headers: { "retry-after": "1" } }, { status: 429, headers: { "retry-after": "1" } });
        const id = await enqueue("rate-limited");
        await deliverer.scheduler.schedule([id]);

        await outcomeOf(id, "sent");
        expect(provider.requests).toBe(3);
        expect(provider.delivered).toEqual([{ id: "msg-1", to: PHONE, text: "Ventas de ayer: MX$12,300 (rate-limited)" }]);
        expect(await findOutbox(db(), id)).toMatchObject({ status: "sent", attempts: 3, provider_message_id: "msg-1", last_error: "fake: rate limited" });
        expect(attemptsOf(id).map((outcome) => (outcome.outcome === "retry" ? outcome.retryAfterMs : outcome.outcome))).toEqual([1_000, 1_000, "sent"]);

        // Scheduling a delivered row again sends nothing.
        const seen = events.length;
        await deliverer.scheduler.schedule([id]);
        await outcomeOf(id, "already_sent", seen);
        expect(provider.requests).toBe(3);
        expect(provider.delivered).toHaveLength(1);
      });

      it("sends a message that is not due yet at its time, not before", async () => {
        const { provider, deliverer, outcomeOf } = await harness();
        const { enqueue } = await seed(db());
        const notBefore = new Date(Date.now() + 1_000);
        const id = await enqueue("later", notBefore);
        await deliverer.scheduler.schedule([id]);
        await outcomeOf(id, "not_due");
        expect(provider.requests).toBe(0);
        await outcomeOf(id, "sent");
        const row = await findOutbox(db(), id);
        expect(row?.sent_at?.getTime()).toBeGreaterThanOrEqual(notBefore.getTime());
        expect(row).toMatchObject({ status: "sent", attempts: 1 });
      });

      it("makes a refused message dead, lists it, and delivers it after a person retries it", async () => {
        const { provider, deliverer, outcomeOf } = await harness();
        const { workspace, enqueue } = await seed(db());
        provider.script.push({ status: 400 });
        const id = await enqueue("refused");
        await deliverer.scheduler.schedule([id]);

        await outcomeOf(id, "dead");
        const dead = await listDead(db(), { workspaceId: workspace.id, limit: 10 });
        expect(dead.map((row) => [row.id, row.status, row.attempts, row.last_error, row.workspace_slug])).toEqual([[id, "dead", 1, "fake: HTTP 400 (code 400)", "tienda"]]);

        // `bizos outbox retry` only moves the row back; the running deliverer's sweep finds it.
        expect(await retryDead(db(), { ids: [id] })).toEqual([id]);
        await outcomeOf(id, "sent");
        expect(await findOutbox(db(), id)).toMatchObject({ status: "sent", attempts: 1 });
        expect(provider.delivered.map((message) => message.id)).toEqual(["msg-1"]);
        expect(provider.requests).toBe(2);
      });

      it("holds a message outside the window and delivers it once the member writes again", async () => {
        const { provider, deliverer, outcomeOf } = await harness();
        const { workspace, ana, enqueue } = await seed(db(), { lastInboundAt: new Date(Date.now() - 2 * DAY_MS) });
        const id = await enqueue("held");
        await deliverer.scheduler.schedule([id]);
        await outcomeOf(id, "held");
        expect(await findOutbox(db(), id)).toMatchObject({ status: "held", last_error: "outside the 24-hour window" });
        expect(provider.requests).toBe(0);

        // The member writes: the gateway records it and releases what was held for them.
        await db().updateTable("channel_identities").set({ last_inbound_at: new Date() }).where("external_id", "=", PHONE).execute();
        const released = await releaseHeld(db(), { workspaceId: workspace.id, memberId: ana.id, channel: "whatsapp" });
        expect(released).toEqual([id]);
        await deliverer.scheduler.schedule(released);
        await outcomeOf(id, "sent");
        expect(provider.delivered).toHaveLength(1);
      });

      it("sends once when two deliverers race on one row", async () => {
        const one = await harness();
        const two = await harness({ provider: one.provider });
        const { enqueue } = await seed(db());
        // A slow answer keeps the row in sending while the other deliverer tries it.
        one.provider.script.push({ status: 200, delayMs: 300 });
        const id = await enqueue("race");
        await Promise.all([one.deliverer.scheduler.schedule([id]), two.deliverer.scheduler.schedule([id])]);

        const tries = () => [...one.events, ...two.events].filter((event) => event.outboxId === id).map((event) => event.outcome.outcome);
        await waitFor("both deliverers to try the row", () => Promise.resolve(tries().length >= 2 && tries().includes("sent") ? true : undefined));
        expect(tries().filter((outcome) => outcome === "sent")).toHaveLength(1);
        expect(one.provider.requests).toBe(1);
        expect(await findOutbox(db(), id)).toMatchObject({ status: "sent", attempts: 1 });
      });

      it("reaps a row stuck in sending to dead instead of sending it again", async () => {
        const { provider, deliverer, outcomeOf } = await harness({ start: false });
        const { enqueue } = await seed(db());
        const anHourAgo = new Date(Date.now() - 3_600_000);
        const id = await enqueue("stuck", anHourAgo);
        // A deliverer claimed it an hour ago and died before recording the outcome.
        expect(await claimOutbox(db(), id, anHourAgo)).toBeDefined();
        await deliverer.start();
        const row = await waitFor("the sweep to reap the row", async () => {
          const found = await findOutbox(db(), id);
          return found?.status === "dead" ? found : undefined;
        });
        expect(row.last_error).toBe(STUCK_SENDING_ERROR);

        await deliverer.scheduler.schedule([id]);
        await outcomeOf(id, "skipped");
        expect(provider.requests).toBe(0);
      });
    });
  }
});
