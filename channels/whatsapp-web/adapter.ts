/**
 * Runs a whatsapp-web.js session (WhatsApp Web in a headless Chromium, logged in by scanning a QR
 * code with the owner's phone) and hands the text messages people send it to the gateway.
 *
 * The session keeps itself up: on "disconnected", "auth_failure" or a failed initialize() the
 * client is destroyed and a new one initialized after an exponential backoff with jitter, until
 * stop(). Only one-to-one text chats reach the gateway: our own messages, groups, status updates
 * and non-text messages are ignored. Senders whose id is a WhatsApp "lid" (a privacy alias rather
 * than a phone number) are resolved to their phone number through the client when it can.
 */
import { setTimeout as sleepWithSignal } from "node:timers/promises";
import { z } from "zod";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { InboundHandler } from "../inbound/inbound-message.ts";
import { whatsappDestinationSchema, type WhatsAppDestination } from "../outbound/recipients.ts";

/** Media as whatsapp-web.js sends it (its MessageMedia has these fields). */
export interface WhatsAppWebMedia {
  readonly mimetype: string;
  /** Base64. */
  readonly data: string;
  readonly filename?: string | null;
}

/** The part of whatsapp-web.js's Client this code uses; real-client.ts builds the real one. */
export interface WhatsAppWebClient {
  on(event: "qr", listener: (qr: string) => void): unknown;
  on(event: "ready", listener: () => void): unknown;
  on(event: "message", listener: (message: unknown) => void): unknown;
  on(event: "disconnected", listener: (reason: unknown) => void): unknown;
  on(event: "auth_failure", listener: (message: unknown) => void): unknown;
  initialize(): Promise<void>;
  destroy(): Promise<void>;
  sendMessage(chatId: string, content: string | WhatsAppWebMedia, options?: { caption?: string }): Promise<unknown>;
  /** Resolves "…@lid" ids to phone numbers ("…@c.us"). */
  getContactLidAndPhone(userIds: string[]): Promise<unknown>;
}

export type WhatsAppWebStatus = "starting" | "qr" | "ready" | "reconnecting" | "stopped";

export interface WhatsAppWebAdapterOptions {
  readonly createClient: () => WhatsAppWebClient;
  readonly handler: InboundHandler;
  /** Shows the login QR code (real-client.ts has one for the terminal). */
  readonly printQr: (qr: string) => void;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
  /** Waits before a reconnect; must settle early when the signal aborts (stop()). */
  readonly sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  /** In [0, 1): the jitter. */
  readonly random?: () => number;
}

export interface WhatsAppWebAdapter {
  readonly status: WhatsAppWebStatus;
  /** Starts the session in the background; the QR code is printed when a login is needed. */
  start(): void;
  /** Ends the session and any pending reconnect; resolves once the client is destroyed. */
  stop(): Promise<void>;
  /** The client while the session is ready, else null. */
  readyClient(): WhatsAppWebClient | null;
  /** Resolves when every message received so far has been handed to the gateway. */
  idle(): Promise<void>;
}

const DEFAULT_BACKOFF = { initialMs: 5_000, maxMs: 300_000 };

const webMessageSchema = z.object({
  id: z.object({ _serialized: z.string().min(1) }),
  from: z.string().min(1),
  body: z.string(),
  type: z.string(),
  fromMe: z.boolean(),
  isStatus: z.boolean().optional(),
  timestamp: z.number().int().positive().optional(),
});

const lidAndPhoneSchema = z.array(z.object({ lid: z.string().optional(), pn: z.string().optional() }));

const phoneNumber = whatsappDestinationSchema.shape.to;

/** Exponential backoff with "equal jitter": between half and all of min(maxMs, initialMs · 2^attempt). */
export function reconnectDelayMs(attempt: number, backoff: { readonly initialMs: number; readonly maxMs: number }, random: () => number): number {
  const ceiling = Math.min(backoff.maxMs, backoff.initialMs * 2 ** attempt);
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}

export function createWhatsAppWebAdapter(options: WhatsAppWebAdapterOptions): WhatsAppWebAdapter {
  const { createClient, handler, printQr, clock, logger } = options;
  const backoff = options.backoff ?? DEFAULT_BACKOFF;
  const sleep = options.sleep ?? ((ms: number, signal: AbortSignal) => sleepWithSignal(ms, undefined, { signal }));
  const random = options.random ?? Math.random;

  let status: WhatsAppWebStatus = "stopped";
  let running = false;
  let client: WhatsAppWebClient | null = null;
  /** Failed connections since the session was last ready. */
  let attempt = 0;
  let stopping = new AbortController();
  let reconnecting: Promise<void> | null = null;
  const pending = new Set<Promise<void>>();

  function connect(): void {
    if (!running) return;
    status = attempt === 0 ? "starting" : "reconnecting";
    let current: WhatsAppWebClient;
    try {
      current = createClient();
    } catch (error) {
      return reconnect(null, "the client could not be created", error);
    }
    client = current;
    const isCurrent = () => running && client === current;
    current.on("qr", (qr) => {
      if (!isCurrent()) return;
      status = "qr";
      logger.info("whatsapp-web needs a login: scan the QR code with the owner's phone (WhatsApp > Linked devices)");
      // A listener that throws would surface inside whatsapp-web.js; a lost QR drawing is only logged.
      try {
        printQr(qr);
      } catch (error) {
        logger.error("whatsapp-web QR code could not be printed", { error });
      }
    });
    current.on("ready", () => {
      if (!isCurrent()) return;
      status = "ready";
      attempt = 0;
      logger.info("whatsapp-web is ready");
    });
    current.on("message", (message) => {
      if (!isCurrent()) return;
      const work = receive(current, message).catch((error: unknown) => logger.error("whatsapp-web message handling failed", { error }));
      pending.add(work);
      void work.finally(() => pending.delete(work));
    });
    current.on("disconnected", (reason) => {
      if (isCurrent()) reconnect(current, `disconnected (${String(reason)})`);
    });
    current.on("auth_failure", (message) => {
      if (isCurrent()) reconnect(current, `authentication failed (${String(message)})`);
    });
    current.initialize().catch((error: unknown) => {
      if (isCurrent()) reconnect(current, "initialize failed", error);
    });
  }

  function reconnect(old: WhatsAppWebClient | null, reason: string, error?: unknown): void {
    if (!running || reconnecting !== null) return;
    client = null;
    status = "reconnecting";
    const delayMs = reconnectDelayMs(attempt, backoff, random);
    attempt += 1;
    logger.warn("whatsapp-web connection lost; reconnecting", { reason, delayMs, attempt, ...(error === undefined ? {} : { error }) });
    const signal = stopping.signal;
    reconnecting = (async () => {
      if (old !== null) await destroyQuietly(old);
      await sleep(delayMs, signal).catch(() => undefined);
      reconnecting = null;
      if (!signal.aborted) connect();
    })();
  }

  async function destroyQuietly(old: WhatsAppWebClient): Promise<void> {
    try {
      await old.destroy();
    } catch (error) {
      logger.debug("whatsapp-web client did not close cleanly", { error });
    }
  }

  async function receive(from: WhatsAppWebClient, raw: unknown): Promise<void> {
    const parsed = webMessageSchema.safeParse(raw);
    if (!parsed.success) {
      logger.debug("whatsapp-web message not understood; ignored", { issues: parsed.error.issues.slice(0, 3) });
      return;
    }
    const message = parsed.data;
    if (message.fromMe || message.isStatus || message.from === "status@broadcast" || message.from.endsWith("@g.us")) return;
    if (message.type !== "chat") {
      logger.debug("whatsapp-web non-text message ignored", { type: message.type });
      return;
    }
    const phone = await phoneOf(from, message.from);
    if (phone === null) {
      logger.warn("whatsapp-web message from an id without a phone number; ignored", { from: message.from });
      return;
    }
    const destination: WhatsAppDestination = { channel: "whatsapp", to: phone, transport: "web", replyToMessageId: null };
    await handler.handleMessage({
      channel: "whatsapp",
      eventId: message.id._serialized,
      sender: phone,
      text: message.body,
      threadKey: phone,
      conversationId: null,
      destination,
      receivedAt: message.timestamp === undefined ? clock.now() : new Date(message.timestamp * 1000),
    });
  }

  /** "5215512345678@c.us" → "+5215512345678"; a "…@lid" through the client; null otherwise. */
  async function phoneOf(from: WhatsAppWebClient, chatId: string): Promise<string | null> {
    let phoneId = chatId;
    if (chatId.endsWith("@lid")) {
      try {
        const resolved = lidAndPhoneSchema.safeParse(await from.getContactLidAndPhone([chatId]));
        phoneId = (resolved.success ? resolved.data[0]?.pn : undefined) ?? chatId;
      } catch (error) {
        logger.debug("whatsapp-web could not resolve a lid", { chatId, error });
      }
    }
    const digits = /^(\d+)@c\.us$/.exec(phoneId)?.[1];
    const phone = phoneNumber.safeParse(`+${digits ?? ""}`);
    return phone.success ? phone.data : null;
  }

  async function idle(): Promise<void> {
    while (pending.size > 0) await Promise.all(pending);
  }

  return {
    get status() {
      return status;
    },
    start() {
      if (running) return;
      running = true;
      attempt = 0;
      stopping = new AbortController();
      connect();
    },
    async stop() {
      if (!running) return;
      running = false;
      status = "stopped";
      stopping.abort();
      const current = client;
      client = null;
      await reconnecting;
      if (current !== null) await destroyQuietly(current);
      await idle();
      logger.info("whatsapp-web stopped");
    },
    readyClient() {
      return status === "ready" ? client : null;
    },
    idle,
  };
}
