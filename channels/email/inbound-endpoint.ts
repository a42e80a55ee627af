/**
 * POST /email/inbound: where incoming email reaches us, as raw MIME from an MTA pipe
 * (`curl --data-binary @- -H 'content-type: message/rfc822'`) or a provider's raw inbound webhook,
 * or as JSON { "raw": "<mime>" }. Authorised by a shared bearer secret. The mail is parsed at once
 * (400 when it is not MIME), answered 202, and handed to the conversation gateway in the background
 * as an InboundMessage: the reply's own words (quoted history stripped), the conversation its signed
 * reply token names, and where the answer goes. Bounces and auto-replies are dropped here.
 */
import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { simpleParser, type AddressObject, type ParsedMail } from "mailparser";
import { z } from "zod";
import type { EmailSettings } from "../../config/channels-schema.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import type { InboundHandler, InboundMessage } from "../inbound/inbound-message.ts";
import { automatedMailReason, type HeaderValues } from "./automated-mail.ts";
import { replyText } from "./quote-strip.ts";
import { findReplyToken, type ReplyTokens } from "./reply-token.ts";

/** Mail larger than this is refused (413): answers never need attachments, and big mail is not a chat. */
const MAX_MAIL_BYTES = 10 * 1024 * 1024;
/** References grow with every reply; keep the first (the thread's root) and the most recent ones. */
const MAX_REFERENCES = 20;
/** Headers that may name the address the mail was delivered to (the reply token lives there). */
const RECIPIENT_HEADERS = ["to", "cc", "delivered-to", "x-original-to", "envelope-to", "x-envelope-to", "x-forwarded-to", "resent-to"];

export interface EmailInboundOptions {
  readonly settings: EmailSettings;
  readonly tokens: ReplyTokens;
  readonly handler: InboundHandler;
  readonly conversations: {
    /** The thread key the conversation was started with; null when there is no such conversation. */
    threadKeyOf(conversationId: number): Promise<string | null>;
  };
  readonly clock: Clock;
  readonly logger: Logger;
}

export interface EmailInbound {
  /** Answers POST /email/inbound; rawBody is the whole request body. */
  handle(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void>;
  /** Resolves when every accepted mail has been handed over (tests, shutdown). */
  idle(): Promise<void>;
}

const jsonBodySchema = z.object({ raw: z.string().min(1) });

/** A MIME message starts with header fields; an MTA pipe may put an mbox "From " line first. */
const STARTS_WITH_HEADER = /^(?:From [^\r\n]*\r?\n)?[!-9;-~]+[ \t]*:/;

function reply(res: ServerResponse, status: number, body: Record<string, unknown>, extraHeaders: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...extraHeaders });
  res.end(JSON.stringify(body));
}

/** Compares digests so neither the content nor the length of the secret leaks through timing. */
function bearerMatches(header: string | undefined, secret: string): boolean {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? "");
  if (!match?.[1]) return false;
  const digest = (value: string) => createHash("sha256").update(value, "utf8").digest();
  return timingSafeEqual(digest(match[1]), digest(secret));
}

/** The MIME bytes of the request, or why there are none. */
function mimeOf(req: IncomingMessage, rawBody: Buffer): { readonly mime: Buffer } | { readonly problem: string } {
  const contentType = (req.headers["content-type"] ?? "").split(";")[0]?.trim().toLowerCase() ?? "";
  let mime = rawBody;
  if (contentType === "application/json") {
    let json: unknown;
    try {
      json = JSON.parse(rawBody.toString("utf8"));
    } catch {
      return { problem: "the body is not JSON" };
    }
    const parsed = jsonBodySchema.safeParse(json);
    if (!parsed.success) return { problem: 'a JSON body must be { "raw": "<the whole MIME message>" }' };
    mime = Buffer.from(parsed.data.raw, "utf8");
  }
  if (!STARTS_WITH_HEADER.test(mime.subarray(0, 1000).toString("latin1"))) return { problem: "the body is not a MIME message (it must start with header fields)" };
  return { mime };
}

function headerReader(mail: ParsedMail): HeaderValues {
  return (name) =>
    mail.headerLines
      .filter((line) => line.key.toLowerCase() === name)
      .map((line) => line.line.slice(line.line.indexOf(":") + 1).replace(/\r?\n[ \t]+/g, " ").trim());
}

function firstAddress(from: AddressObject | undefined): string | null {
  const address = from?.value.find((entry) => entry.address)?.address?.trim();
  return address && /^[^\s@]+@[^\s@]+$/.test(address) ? address : null;
}

/** The thread's references for the answer: the mail's own (or its In-Reply-To when it has none, RFC 5322 §3.6.4) and its Message-ID. */
function referencesOf(mail: ParsedMail, messageId: string | null): string[] {
  const references = mail.references ?? mail.inReplyTo;
  const given = typeof references === "string" ? references.split(/\s+/) : (references ?? []);
  const all = [...new Set([...given, ...(messageId ? [messageId] : [])].filter((id) => id.length > 0))];
  return all.length <= MAX_REFERENCES ? all : [all[0] ?? "", ...all.slice(-(MAX_REFERENCES - 1))];
}

/** The subject as a message, for mail whose body is empty: reply and forward prefixes removed. */
function subjectText(subject: string | undefined): string {
  return (subject ?? "").replace(/^(?:\s*(?:re|rv|res|aw|fw|fwd|enc|tr)\s*:\s*)+/i, "").trim();
}

export function createEmailInbound(options: EmailInboundOptions): EmailInbound {
  const logger = options.logger.child({ channel: "email" });
  const pending = new Set<Promise<void>>();
  const ownAddresses = [options.settings.from, options.settings.replyAddress].map((address) => address.trim().toLowerCase());

  /** The conversation a verified reply token names, with its thread key; null when there is none or it is not ours. */
  async function conversationOf(mail: ParsedMail, header: HeaderValues): Promise<{ readonly id: number; readonly threadKey: string } | null> {
    const token = findReplyToken(RECIPIENT_HEADERS.flatMap(header), options.settings.replyAddress);
    if (token === null) return null;
    const id = options.tokens.verify(token);
    if (id === null) {
      logger.warn("reply token did not verify: treated as a new conversation", { messageId: mail.messageId ?? null });
      return null;
    }
    const threadKey = await options.conversations.threadKeyOf(id);
    if (threadKey === null) {
      logger.warn("reply token names no conversation: treated as a new one", { conversationId: id });
      return null;
    }
    return { id, threadKey };
  }

  async function handOver(mail: ParsedMail, raw: Buffer, sender: string, receivedAt: Date): Promise<void> {
    const header = headerReader(mail);
    const messageId = mail.messageId?.trim() || null;
    const eventId = messageId ?? `sha256:${createHash("sha256").update(raw).digest("hex")}`;
    const text = replyText({ text: mail.text ?? null, html: typeof mail.html === "string" ? mail.html : null }) || subjectText(mail.subject);
    if (text === "") {
      logger.info("email ignored: nothing written", { eventId });
      return;
    }
    const conversation = await conversationOf(mail, header);
    const message: InboundMessage = {
      channel: "email",
      eventId,
      sender,
      text,
      threadKey: conversation?.threadKey ?? `email:${eventId}`,
      conversationId: conversation?.id ?? null,
      destination: {
        channel: "email",
        to: sender,
        inReplyTo: messageId,
        references: referencesOf(mail, messageId),
        subject: mail.subject?.trim() || null,
        // Null for a new conversation: the gateway fills it in when it creates the conversation.
        conversationId: conversation?.id ?? null,
      },
      receivedAt,
    };
    const outcome = await options.handler.handleMessage(message);
    logger.info("email handed over", { eventId, conversationId: message.conversationId, outcome: outcome.status });
  }

  function inBackground(work: Promise<void>): void {
    const tracked = work
      .catch((error: unknown) => logger.error("inbound email failed after it was accepted", { error: error instanceof Error ? error : String(error) }))
      .finally(() => pending.delete(tracked));
    pending.add(tracked);
  }

  return {
    async handle(req, res, rawBody) {
      const secret = options.settings.inboundSecret;
      if (secret === null) return reply(res, 404, { error: "inbound email is not enabled" });
      if (req.method !== "POST") return reply(res, 405, { error: "POST the raw message here" }, { allow: "POST" });
      if (!bearerMatches(req.headers.authorization, secret)) return reply(res, 401, { error: "missing or wrong bearer secret" }, { "www-authenticate": "Bearer" });
      if (rawBody.length > MAX_MAIL_BYTES) return reply(res, 413, { error: "the message is too large" });

      const body = mimeOf(req, rawBody);
      if ("problem" in body) return reply(res, 400, { error: body.problem });
      let mail: ParsedMail;
      try {
        mail = await simpleParser(body.mime, { skipHtmlToText: true, skipTextToHtml: true, skipImageLinks: true, keepCidLinks: true });
      } catch (error) {
        logger.warn("inbound email did not parse", { error: error instanceof Error ? error : String(error) });
        return reply(res, 400, { error: "the body is not a MIME message" });
      }
      const sender = firstAddress(mail.from);
      if (sender === null) return reply(res, 400, { error: "the message has no From address" });

      const header = headerReader(mail);
      const automated = automatedMailReason({
        header,
        sender,
        subject: mail.subject ?? "",
        contentType: header("content-type")[0] ?? "",
        ownAddresses,
      });
      if (automated !== null) {
        logger.info("email ignored: automated", { reason: automated, messageId: mail.messageId ?? null });
        return reply(res, 202, { status: "ignored", reason: automated });
      }
      const receivedAt = options.clock.now();
      reply(res, 202, { status: "accepted" });
      inBackground(handOver(mail, body.mime, sender, receivedAt));
    },

    async idle() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
