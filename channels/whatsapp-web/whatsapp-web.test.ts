import { EventEmitter } from "node:events";
import { describe, expect, it } from "vitest";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import type { InboundHandler, InboundMessage } from "../inbound/inbound-message.ts";
import type { Delivery } from "../outbound/channel-sender.ts";
import { textMessage, type ChartSpec, type OutboundMessage } from "../outbound/outbound-message.ts";
import type { WhatsAppDestination } from "../outbound/recipients.ts";
import { createWhatsAppWebAdapter, reconnectDelayMs, type WhatsAppWebAdapterOptions, type WhatsAppWebClient, type WhatsAppWebMedia } from "./adapter.ts";
import { createWhatsAppWebSender } from "./sender.ts";
import { terminalQrPrinter } from "./terminal-qr.ts";

/** An EventEmitter stand-in for whatsapp-web.js's Client: tests emit its events and read what was sent. */
interface FakeSend {
  readonly chatId: string;
  readonly content: string | WhatsAppWebMedia;
  readonly options: { caption?: string } | undefined;
}

class FakeWhatsAppWebClient extends EventEmitter implements WhatsAppWebClient {
  readonly sends: FakeSend[] = [];
  initializeCalls = 0;
  destroyed = false;
  /** Set to make initialize() reject. */
  initializeError: Error | null = null;
  /** Set to make sendMessage() reject. */
  sendError: Error | null = null;
  /** lid → phone id ("…@c.us"), for getContactLidAndPhone. */
  readonly lids = new Map<string, string>();

  initialize(): Promise<void> {
    this.initializeCalls += 1;
    return this.initializeError ? Promise.reject(this.initializeError) : Promise.resolve();
  }

  destroy(): Promise<void> {
    this.destroyed = true;
    return Promise.resolve();
  }

  sendMessage(chatId: string, content: string | WhatsAppWebMedia, options?: { caption?: string }): Promise<unknown> {
    if (this.sendError) return Promise.reject(this.sendError);
    this.sends.push({ chatId, content, options });
    return Promise.resolve({ id: { fromMe: true, remote: chatId, _serialized: `true_${chatId}_MSG${this.sends.length}` }, body: typeof content === "string" ? content : "" });
  }

  getContactLidAndPhone(userIds: string[]): Promise<unknown> {
    return Promise.resolve(userIds.map((lid) => ({ lid, pn: this.lids.get(lid) })));
  }
}

/** A message event as whatsapp-web.js emits it (the fields the adapter reads, plus some it ignores). */
function webMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: { fromMe: false, remote: "5215512345678@c.us", id: "3EB0C767D26A1B2C", _serialized: "false_5215512345678@c.us_3EB0C767D26A1B2C" },
    ack: 1,
    hasMedia: false,
    body: "¿Cuánto vendimos ayer?",
    type: "chat",
    timestamp: 1764072000,
    from: "5215512345678@c.us",
    to: "5215598765432@c.us",
    isForwarded: false,
    broadcast: false,
    fromMe: false,
    isStatus: false,
    hasQuotedMsg: false,
    mentionedIds: [],
    ...overrides,
  };
}

const NOW = new Date("2026-11-25T12:00:00Z");
const settle = () => new Promise<void>((resolve) => setImmediate(resolve));

/** A sleep the test releases by hand; it rejects when stop() aborts it. No real waiting. */
function manualSleep() {
  const waits: { readonly ms: number; readonly release: () => void }[] = [];
  const sleep = (ms: number, signal: AbortSignal) =>
    new Promise<void>((resolve, reject) => {
      waits.push({ ms, release: resolve });
      signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true });
    });
  return { sleep, waits };
}

function harness(overrides: Partial<WhatsAppWebAdapterOptions> = {}) {
  const clients: FakeWhatsAppWebClient[] = [];
  const received: InboundMessage[] = [];
  const qrs: string[] = [];
  const { sleep, waits } = manualSleep();
  const handler: InboundHandler = {
    handleMessage: (message) => {
      received.push(message);
      return Promise.resolve({ status: "ignored", reason: "test" });
    },
    handleAction: () => Promise.resolve({ status: "ignored", reason: "test" }),
  };
  const adapter = createWhatsAppWebAdapter({
    createClient: () => {
      const client = new FakeWhatsAppWebClient();
      clients.push(client);
      return client;
    },
    handler,
    printQr: (qr) => qrs.push(qr),
    clock: fixedClock(NOW),
    logger: silentLogger,
    backoff: { initialMs: 1_000, maxMs: 8_000 },
    sleep,
    random: () => 0.5,
    ...overrides,
  });
  const current = () => clients.at(-1)!;
  return { adapter, clients, current, received, qrs, waits };
}

describe("WhatsApp Web adapter", () => {
  it("prints the QR code, then becomes ready", async () => {
    const { adapter, current, qrs } = harness();
    expect(adapter.status).toBe("stopped");
    adapter.start();
    expect(adapter.status).toBe("starting");
    expect(current().initializeCalls).toBe(1);
    current().emit("qr", "2@AbCdEf,GhIjKl==,MnOp==");
    expect(qrs).toEqual(["2@AbCdEf,GhIjKl==,MnOp=="]);
    expect(adapter.status).toBe("qr");
    expect(adapter.readyClient()).toBeNull();
    current().emit("ready");
    expect(adapter.status).toBe("ready");
    expect(adapter.readyClient()).toBe(current());
    await adapter.stop();
  });

  it("hands a one-to-one text message to the gateway", async () => {
    const { adapter, current, received } = harness();
    adapter.start();
    current().emit("ready");
    current().emit("message", webMessage());
    await adapter.idle();
    expect(received).toEqual([
      {
        channel: "whatsapp",
        eventId: "false_5215512345678@c.us_3EB0C767D26A1B2C",
        sender: "+5215512345678",
        text: "¿Cuánto vendimos ayer?",
        threadKey: "+5215512345678",
        conversationId: null,
        destination: { channel: "whatsapp", to: "+5215512345678", transport: "web", replyToMessageId: null },
        receivedAt: new Date(1764072000 * 1000),
      },
    ]);
    await adapter.stop();
  });

  it("ignores its own messages, groups, status updates, non-text and unreadable messages", async () => {
    const { adapter, current, received } = harness();
    adapter.start();
    current().emit("ready");
    current().emit("message", webMessage({ fromMe: true }));
    current().emit("message", webMessage({ from: "120363042345678901@g.us", author: "5215512345678@c.us" }));
    current().emit("message", webMessage({ from: "status@broadcast", isStatus: true }));
    current().emit("message", webMessage({ type: "image", hasMedia: true, body: "" }));
    current().emit("message", { body: "no id" });
    current().emit("message", webMessage({ body: "this one counts" }));
    await adapter.idle();
    expect(received.map((message) => message.text)).toEqual(["this one counts"]);
    await adapter.stop();
  });

  it("resolves a sender known only by a lid to their phone number, and drops one it cannot", async () => {
    const { adapter, current, received } = harness();
    adapter.start();
    current().lids.set("143951907041312@lid", "5511987654321@c.us");
    current().emit("ready");
    current().emit("message", webMessage({ from: "143951907041312@lid" }));
    current().emit("message", webMessage({ from: "999999999999999@lid" }));
    await adapter.idle();
    expect(received.map((message) => message.sender)).toEqual(["+5511987654321"]);
    await adapter.stop();
  });

  it("reconnects after a disconnect, once the backoff has passed, with a new client", async () => {
    const { adapter, clients, current, waits } = harness();
    adapter.start();
    const first = current();
    first.emit("ready");
    first.emit("disconnected", "NAVIGATION");
    expect(adapter.status).toBe("reconnecting");
    expect(adapter.readyClient()).toBeNull();
    await settle();
    expect(first.destroyed).toBe(true);
    expect(waits.map((wait) => wait.ms)).toEqual([750]);
    expect(clients).toHaveLength(1);
    waits[0]!.release();
    await settle();
    expect(clients).toHaveLength(2);
    expect(current().initializeCalls).toBe(1);
    // The old client's late events change nothing.
    first.emit("ready");
    expect(adapter.status).toBe("reconnecting");
    current().emit("ready");
    expect(adapter.status).toBe("ready");
    expect(adapter.readyClient()).toBe(current());
    await adapter.stop();
  });

  it("backs off exponentially up to the cap while initialize() keeps failing, and starts over once ready", async () => {
    const failing = new Error("net::ERR_NAME_NOT_RESOLVED at https://web.whatsapp.com/");
    const { adapter, clients, current, waits } = harness({
      createClient: () => {
        const client = new FakeWhatsAppWebClient();
        client.initializeError = clients.length < 5 ? failing : null;
        clients.push(client);
        return client;
      },
    });
    adapter.start();
    for (let i = 0; i < 5; i += 1) {
      await settle();
      waits[i]!.release();
    }
    await settle();
    expect(waits.map((wait) => wait.ms)).toEqual([750, 1_500, 3_000, 6_000, 6_000]);
    expect(clients.slice(0, 5).every((client) => client.destroyed)).toBe(true);
    current().emit("ready");
    current().emit("auth_failure", "session expired");
    await settle();
    expect(waits.at(-1)!.ms).toBe(750);
    await adapter.stop();
  });

  it("keeps the jittered delay between half and all of the capped exponential", () => {
    for (const [attempt, low, high] of [
      [0, 500, 1_000],
      [3, 4_000, 8_000],
      [10, 4_000, 8_000],
    ] as const) {
      expect(reconnectDelayMs(attempt, { initialMs: 1_000, maxMs: 8_000 }, () => 0)).toBe(low);
      expect(reconnectDelayMs(attempt, { initialMs: 1_000, maxMs: 8_000 }, () => 0.999999)).toBe(high);
    }
  });

  it("stops during a backoff without reconnecting", async () => {
    const { adapter, clients, current, waits } = harness();
    adapter.start();
    current().emit("disconnected", "CONFLICT");
    await settle();
    expect(waits).toHaveLength(1);
    await adapter.stop();
    await settle();
    expect(adapter.status).toBe("stopped");
    expect(clients).toHaveLength(1);
    // A release after stop (a timer that fires late) does not revive it either.
    waits[0]!.release();
    await settle();
    expect(clients).toHaveLength(1);
  });

  it("destroys the client on stop and ignores its later events", async () => {
    const { adapter, current, received } = harness();
    adapter.start();
    const client = current();
    client.emit("ready");
    await adapter.stop();
    expect(client.destroyed).toBe(true);
    client.emit("message", webMessage());
    client.emit("disconnected", "LOGOUT");
    await adapter.idle();
    expect(received).toEqual([]);
    expect(adapter.status).toBe("stopped");
  });
});

const PNG = Buffer.from("89504e470d0a1a0a", "hex");
const CHART: ChartSpec = {
  title: "Ventas netas por semana",
  labels: ["3 nov", "10 nov"],
  series: [{ name: "Ventas netas", values: [1200, 1500] }],
  unit: "money",
  currency: "MXN",
  locale: "es-MX",
};

function webDelivery(message: OutboundMessage): Delivery<WhatsAppDestination> {
  return {
    outboxId: 3,
    destination: { channel: "whatsapp", to: "+5215512345678", transport: "web", replyToMessageId: null },
    message,
    kind: "reply",
    lastInboundAt: null,
    memberLanguage: "es",
  };
}

function webSender(client: WhatsAppWebClient | null, media: { png: Buffer; filename: string }[] = []) {
  return createWhatsAppWebSender({
    adapter: { status: client ? "ready" : "qr", readyClient: () => client },
    toMedia: (png, filename) => {
      media.push({ png, filename });
      return { mimetype: "image/png", data: png.toString("base64"), filename };
    },
    renderChart: () => PNG,
    logger: silentLogger,
  });
}

describe("WhatsApp Web sender", () => {
  it("sends a long text as split parts to the person's chat, in order", async () => {
    const client = new FakeWhatsAppWebClient();
    const sentences = Array.from({ length: 150 }, (_, i) => `La tienda ${i} vendió MX$${1000 + i} esta semana.`);
    const outcome = await webSender(client).send(webDelivery(textMessage(sentences.join(" "), "es")));
    expect(client.sends.length).toBeGreaterThan(1);
    expect(new Set(client.sends.map((send) => send.chatId))).toEqual(new Set(["5215512345678@c.us"]));
    const parts = client.sends.map((send) => send.content as string);
    for (const part of parts) expect(part.length).toBeLessThanOrEqual(4096);
    expect(parts.join(" ")).toBe(sentences.join(" "));
    expect(outcome).toEqual({ status: "sent", providerMessageId: "true_5215512345678@c.us_MSG1" });
  });

  it("sends the chart as media with its title as caption after the text, and lists buttons to type", async () => {
    const client = new FakeWhatsAppWebClient();
    const media: { png: Buffer; filename: string }[] = [];
    const message = { ...textMessage("¿Subo el presupuesto?", "es"), chart: CHART, buttons: [{ id: "yes", title: "Sí" }, { id: "no", title: "No" }] };
    await webSender(client, media).send(webDelivery(message));
    expect(media).toEqual([{ png: PNG, filename: "chart.png" }]);
    expect(client.sends).toEqual([
      { chatId: "5215512345678@c.us", content: "¿Subo el presupuesto?\n\nResponde: *Sí* / *No*", options: undefined },
      { chatId: "5215512345678@c.us", content: { mimetype: "image/png", data: PNG.toString("base64"), filename: "chart.png" }, options: { caption: "Ventas netas por semana" } },
    ]);
  });

  it("fails as transient while the session is not ready", async () => {
    const error: unknown = await webSender(null)
      .send(webDelivery(textMessage("Hola", "es")))
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ProviderError);
    expect(error instanceof ProviderError && error.failure.kind).toBe("transient");
    expect(error instanceof ProviderError && error.message).toContain("not ready (qr)");
  });

  it("fails as transient when the page errors while sending", async () => {
    const client = new FakeWhatsAppWebClient();
    client.sendError = new Error("Protocol error (Runtime.callFunctionOn): Session closed.");
    await expect(webSender(client).send(webDelivery(textMessage("Hola", "es")))).rejects.toMatchObject({ failure: { kind: "transient" } });
  });

  it("sends through the adapter's client once it is ready", async () => {
    const { adapter, current } = harness();
    const sender = createWhatsAppWebSender({ adapter, toMedia: () => ({ mimetype: "image/png", data: "" }), renderChart: () => PNG, logger: silentLogger });
    adapter.start();
    await expect(sender.send(webDelivery(textMessage("Hola", "es")))).rejects.toBeInstanceOf(ProviderError);
    current().emit("ready");
    await sender.send(webDelivery(textMessage("Hola", "es")));
    expect(current().sends.map((send) => send.content)).toEqual(["Hola"]);
    await adapter.stop();
  });

  it("refuses a Cloud API destination", async () => {
    const delivery = { ...webDelivery(textMessage("Hola", "es")), destination: { channel: "whatsapp", to: "+5215512345678", transport: "cloud", replyToMessageId: null } as const };
    await expect(webSender(new FakeWhatsAppWebClient()).send(delivery)).rejects.toMatchObject({ failure: { kind: "permanent" } });
  });
});

describe("terminalQrPrinter", () => {
  it("writes the QR code as block characters through the given writer", () => {
    const written: string[] = [];
    terminalQrPrinter((text) => written.push(text))("2@AbCdEf,GhIjKl==,MnOp==");
    expect(written).toHaveLength(1);
    expect(written[0]!.split("\n").length).toBeGreaterThan(10);
    expect(written[0]).toMatch(/^[█▀▄ \n]+$/);
  });
});
