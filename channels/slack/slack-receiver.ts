/**
 * Bolt's Receiver for our own node:http server: one endpoint (POST /slack/events, Bolt's
 * convention) takes Events API callbacks, interactivity and slash commands. It refuses unsigned or
 * stale requests, answers the url_verification handshake, and hands everything else to Bolt with
 * an ack that writes the HTTP response — so Slack gets its answer as soon as a listener acks,
 * whatever the listener does next.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { App, Receiver, ReceiverEvent } from "@slack/bolt";
import { z } from "zod";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { urlVerificationSchema } from "./slack-payloads.ts";
import { verifySlackSignature } from "./verify-signature.ts";

export interface SlackReceiverOptions {
  readonly signingSecret: string;
  readonly clock: Clock;
  readonly logger: Logger;
}

const formFieldsSchema = z.record(z.string(), z.string());
const jsonObjectSchema = z.record(z.string(), z.unknown());
/** What a listener may pass to ack(): nothing, a text, or a JSON message (slash command replies). */
const ackResponseSchema = z.union([z.undefined(), z.string(), jsonObjectSchema]);

type SlackBody = Readonly<Record<string, unknown>>;

export class SlackHttpReceiver implements Receiver {
  private app: App | null = null;

  constructor(private readonly options: SlackReceiverOptions) {}

  init(app: App): void {
    this.app = app;
  }

  /** The HTTP server is not ours: the caller starts and stops it. */
  start(): Promise<void> {
    return Promise.resolve();
  }

  stop(): Promise<void> {
    return Promise.resolve();
  }

  async handle(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void> {
    const { logger } = this.options;
    if (req.method !== "POST") return respond(res, 405, "text/plain; charset=utf-8", "POST Slack requests here", { allow: "POST" });
    const check = verifySlackSignature({
      signingSecret: this.options.signingSecret,
      timestampHeader: header(req, "x-slack-request-timestamp"),
      signatureHeader: header(req, "x-slack-signature"),
      rawBody,
      now: this.options.clock.now(),
    });
    if (!check.ok) {
      logger.warn("slack request refused", { reason: check.reason });
      return respond(res, 401, "text/plain; charset=utf-8", "invalid request signature");
    }
    const body = parseBody(rawBody, header(req, "content-type"));
    if (body === null) return respond(res, 400, "text/plain; charset=utf-8", "unreadable body");
    // Slack checks a slash command's certificate now and then with ssl_check=1; nothing to run.
    if (body.ssl_check === "1") return respond(res, 200, "text/plain; charset=utf-8", "");
    const verification = urlVerificationSchema.safeParse(body);
    if (verification.success) return respond(res, 200, "application/json; charset=utf-8", JSON.stringify({ challenge: verification.data.challenge }));

    if (this.app === null) throw new Error("SlackHttpReceiver.handle before App.init: construct the Bolt App with this receiver first");
    const retryNum = Number(header(req, "x-slack-retry-num") ?? "0");
    const retryReason = header(req, "x-slack-retry-reason") ?? undefined;
    if (retryNum > 0) logger.info("slack retry received", { retryNum, retryReason });

    let acked = false;
    const ack = (response?: unknown): Promise<void> => {
      if (acked) return Promise.resolve();
      acked = true;
      writeAck(res, response, logger);
      return Promise.resolve();
    };
    const event: ReceiverEvent = { body: { ...body }, ack, ...(retryNum > 0 ? { retryNum } : {}), ...(retryReason ? { retryReason } : {}) };
    try {
      await this.app.processEvent(event);
    } catch (error) {
      logger.error("slack request processing failed", { error });
      if (!acked) {
        acked = true;
        respond(res, 500, "text/plain; charset=utf-8", "");
      }
      return;
    }
    // Nobody listens for this kind of request (a modal, a shortcut…): still answer, or Slack retries.
    if (!acked) {
      acked = true;
      logger.debug("slack request had no listener", { type: typeof body.type === "string" ? body.type : (body.command ?? null) });
      respond(res, 200, "text/plain; charset=utf-8", "");
    }
  }
}

function header(req: IncomingMessage, name: string): string | null {
  const value = req.headers[name];
  if (Array.isArray(value)) return value[0] ?? null;
  return value ?? null;
}

/** Events come as JSON; slash commands as form fields; interactivity as a form field `payload` holding JSON. */
export function parseBody(rawBody: Buffer, contentType: string | null): SlackBody | null {
  const text = rawBody.toString("utf8");
  try {
    if (contentType?.startsWith("application/x-www-form-urlencoded")) {
      const fields = formFieldsSchema.parse(Object.fromEntries(new URLSearchParams(text)));
      const payload = fields.payload;
      return payload === undefined ? fields : jsonObjectSchema.parse(JSON.parse(payload));
    }
    return jsonObjectSchema.parse(JSON.parse(text));
  } catch {
    return null;
  }
}

function writeAck(res: ServerResponse, response: unknown, logger: Logger): void {
  const parsed = ackResponseSchema.safeParse(response);
  if (!parsed.success) {
    logger.error("slack ack with an unsupported response; answering empty", {});
    return respond(res, 200, "text/plain; charset=utf-8", "");
  }
  const value = parsed.data;
  if (value === undefined) return respond(res, 200, "text/plain; charset=utf-8", "");
  if (typeof value === "string") return respond(res, 200, "text/plain; charset=utf-8", value);
  respond(res, 200, "application/json; charset=utf-8", JSON.stringify(value));
}

function respond(res: ServerResponse, status: number, contentType: string, body: string, headers: Readonly<Record<string, string>> = {}): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": contentType, "cache-control": "no-store", ...headers });
  res.end(body);
}
