import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EmailSettings } from "../../config/channels-schema.ts";
import { fixedClock } from "../../lib/clock.ts";
import { silentLogger } from "../../lib/logger.ts";
import { startSmtpSink } from "../../test/fakes/smtp-sink.ts";
import type { ActionEvent, InboundHandler, InboundMessage } from "../inbound/inbound-message.ts";
import { textMessage } from "../outbound/outbound-message.ts";
import { createEmailSender, createSmtpTransport } from "./email-sender.ts";
import { createEmailInbound, type EmailInbound } from "./inbound-endpoint.ts";
import { createReplyTokens } from "./reply-token.ts";

const SECRET = "inbound-secret-0123456789";
const tokens = createReplyTokens(Buffer.alloc(32, 5));
const settings: EmailSettings = {
  smtp: { host: "127.0.0.1", port: 2525, secure: false, user: null, password: null },
  from: "bot@tienda.mx",
  replyAddress: "reply@tienda.mx",
  inboundSecret: SECRET,
};
const RECEIVED_AT = "2026-11-21T16:05:00.000Z";

/** The gateway stand-in: records what the edge hands over. */
function recordingHandler(messages: InboundMessage[]): InboundHandler {
  return {
    handleMessage(message) {
      messages.push(message);
      return Promise.resolve({ status: "ignored", reason: "recorded by the test" });
    },
    handleAction(_action: ActionEvent) {
      return Promise.reject(new Error("email has no actions"));
    },
  };
}

interface MimeReply {
  readonly to: string;
  readonly body: string;
  readonly html?: string;
  readonly messageId?: string | null;
  readonly extraHeaders?: readonly string[];
  readonly subject?: string;
  readonly from?: string;
}

/** A reply as Gmail sends it: multipart/alternative, quoted-printable text with the history quoted below. */
function gmailReply(reply: MimeReply): string {
  const boundary = "000000000000a1b2c3d4e5f60718";
  const headers = [
    "MIME-Version: 1.0",
    "Date: Sat, 21 Nov 2026 10:04:51 -0600",
    ...(reply.messageId === null ? [] : [`Message-ID: ${reply.messageId ?? "<CAF=reply-1@mail.gmail.com>"}`]),
    "In-Reply-To: <bizos-digest-1@tienda.mx>",
    "References: <bizos-root@tienda.mx> <bizos-digest-1@tienda.mx>",
    `Subject: ${reply.subject ?? "Re: Weekly digest"}`,
    `From: ${reply.from ?? "=?UTF-8?Q?Ana_P=C3=A9rez?= <ana@tienda.mx>"}`,
    `To: ${reply.to}`,
    ...(reply.extraHeaders ?? []),
    `Content-Type: multipart/alternative; boundary="${boundary}"`,
  ];
  const parts = [
    `--${boundary}`,
    'Content-Type: text/plain; charset="UTF-8"',
    "Content-Transfer-Encoding: 8bit",
    "",
    reply.body,
    `--${boundary}`,
    'Content-Type: text/html; charset="UTF-8"',
    "",
    reply.html ?? `<div dir="ltr">${reply.body.split("\n")[0]}</div>`,
    `--${boundary}--`,
    "",
  ];
  return [...headers, "", ...parts].join("\r\n");
}

const QUOTED_BODY = `And how did October compare?

On Sat, Nov 21, 2026 at 10:00 AM Business OS Assistant <
bot@tienda.mx> wrote:

> *Weekly digest* for Tienda Ana
>
> Net sales: MX$1,193,346 (▲ 85.1% vs the previous week)
`;

describe("email inbound endpoint", () => {
  let server: Server;
  let url: string;
  let inbound: EmailInbound;
  let messages: InboundMessage[];
  const threadKeys = new Map<number, string>([[42, "email:<bizos-root@tienda.mx>"]]);

  async function start(overrides: Partial<EmailSettings> = {}) {
    inbound = createEmailInbound({
      settings: { ...settings, ...overrides },
      tokens,
      handler: recordingHandler(messages),
      conversations: { threadKeyOf: (id) => Promise.resolve(threadKeys.get(id) ?? null) },
      clock: fixedClock(RECEIVED_AT),
      logger: silentLogger,
    });
    server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => void inbound.handle(req, res, Buffer.concat(chunks)));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/email/inbound`;
  }

  beforeEach(async () => {
    messages = [];
    await start();
  });
  afterEach(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const post = (body: string, headers: Record<string, string> = {}) =>
    fetch(url, { method: "POST", headers: { authorization: `Bearer ${SECRET}`, "content-type": "message/rfc822", ...headers }, body });

  it("hands over a reply: its own words, the conversation its token names, that thread, and where to answer", async () => {
    const to = `Business OS <reply+${tokens.sign(42)}@tienda.mx>`;
    const response = await post(gmailReply({ to, body: QUOTED_BODY }));
    expect(response.status).toBe(202);
    await inbound.idle();

    expect(messages).toEqual([
      {
        channel: "email",
        eventId: "<CAF=reply-1@mail.gmail.com>",
        sender: "ana@tienda.mx",
        text: "And how did October compare?",
        threadKey: "email:<bizos-root@tienda.mx>",
        conversationId: 42,
        destination: {
          channel: "email",
          to: "ana@tienda.mx",
          inReplyTo: "<CAF=reply-1@mail.gmail.com>",
          references: ["<bizos-root@tienda.mx>", "<bizos-digest-1@tienda.mx>", "<CAF=reply-1@mail.gmail.com>"],
          subject: "Re: Weekly digest",
          conversationId: 42,
        },
        receivedAt: new Date(RECEIVED_AT),
      },
    ]);
  });

  it("round-trips with the sender: a reply to the Reply-To our email carried finds the conversation", async () => {
    const sink = await startSmtpSink();
    const transport = createSmtpTransport({ ...settings.smtp, port: sink.port });
    try {
      const sender = createEmailSender({ transport, settings, tokens, renderChart: () => Buffer.alloc(0), logger: silentLogger });
      await sender.send({
        outboxId: 1,
        destination: { channel: "email", to: "ana@tienda.mx", inReplyTo: null, references: [], subject: null, conversationId: 42 },
        message: textMessage("Weekly digest", "en"),
        kind: "proactive",
        lastInboundAt: null,
        memberLanguage: "en",
      });
      const sent = sink.received[0]!.mail;
      // Mail systems may lower- or upper-case the local part on the way back.
      const to = (sent.replyTo?.value[0]?.address ?? "").toUpperCase();
      expect((await post(gmailReply({ to, body: QUOTED_BODY }))).status).toBe(202);
      await inbound.idle();
      expect(messages[0]).toMatchObject({ conversationId: 42, threadKey: "email:<bizos-root@tienda.mx>" });
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it("finds the token in Delivered-To when the person replied to another address", async () => {
    const raw = gmailReply({ to: "Team <team@tienda.mx>", body: "Send it to me too", extraHeaders: [`Delivered-To: reply+${tokens.sign(42)}@tienda.mx`] });
    await post(raw);
    await inbound.idle();
    expect(messages[0]).toMatchObject({ conversationId: 42, text: "Send it to me too" });
  });

  it("treats a forged or tampered token as none: a new conversation keyed by the Message-ID", async () => {
    const good = tokens.sign(42);
    const tampered = `${good.slice(0, -1)}${good.endsWith("0") ? "1" : "0"}`;
    const forged = createReplyTokens(Buffer.alloc(32, 9)).sign(42);
    for (const [index, token] of [tampered, forged].entries()) {
      await post(gmailReply({ to: `reply+${token}@tienda.mx`, body: "Hola", messageId: `<forged-${index}@mail.gmail.com>` }));
    }
    await inbound.idle();
    expect(messages.map((message) => [message.conversationId, message.threadKey, message.destination])).toEqual(
      [0, 1].map((index) => [
        null,
        `email:<forged-${index}@mail.gmail.com>`,
        {
          channel: "email",
          to: "ana@tienda.mx",
          inReplyTo: `<forged-${index}@mail.gmail.com>`,
          references: ["<bizos-root@tienda.mx>", "<bizos-digest-1@tienda.mx>", `<forged-${index}@mail.gmail.com>`],
          subject: "Re: Weekly digest",
          conversationId: null,
        },
      ]),
    );
  });

  it("starts a new conversation for a token of a conversation that no longer exists", async () => {
    await post(gmailReply({ to: `reply+${tokens.sign(777)}@tienda.mx`, body: "Hi" }));
    await inbound.idle();
    expect(messages[0]).toMatchObject({ conversationId: null, threadKey: "email:<CAF=reply-1@mail.gmail.com>" });
  });

  it("refuses a wrong or missing bearer secret with 401", async () => {
    const raw = gmailReply({ to: "reply@tienda.mx", body: "Hi" });
    expect((await post(raw, { authorization: "Bearer wrong" })).status).toBe(401);
    expect((await post(raw, { authorization: `Basic ${SECRET}` })).status).toBe(401);
    expect((await fetch(url, { method: "POST", body: raw })).status).toBe(401);
    await inbound.idle();
    expect(messages).toEqual([]);
  });

  it("answers 404 when inbound email is off", async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await start({ inboundSecret: null });
    expect((await post(gmailReply({ to: "reply@tienda.mx", body: "Hi" }))).status).toBe(404);
  });

  it("refuses bodies that are not MIME with 400", async () => {
    expect((await post("just some words, no headers")).status).toBe(400);
    expect((await post("Subject: no sender\r\n\r\nbody")).status).toBe(400);
    expect((await post("{not json", { "content-type": "application/json" })).status).toBe(400);
    expect((await post(JSON.stringify({ mime: "x" }), { "content-type": "application/json" })).status).toBe(400);
    await inbound.idle();
    expect(messages).toEqual([]);
  });

  it("accepts JSON { raw } and an MTA's mbox 'From ' line", async () => {
    const raw = gmailReply({ to: `reply+${tokens.sign(42)}@tienda.mx`, body: "From JSON", messageId: "<json@x>" });
    expect((await post(JSON.stringify({ raw }), { "content-type": "application/json" })).status).toBe(202);
    const piped = `From ana@tienda.mx Sat Nov 21 10:04:51 2026\n${gmailReply({ to: "reply@tienda.mx", body: "From a pipe", messageId: "<pipe@x>" })}`;
    expect((await post(piped, { "content-type": "application/octet-stream" })).status).toBe(202);
    await inbound.idle();
    expect(messages.map((message) => [message.text, message.conversationId])).toEqual([
      ["From JSON", 42],
      ["From a pipe", null],
    ]);
  });

  it("ignores auto-replies, bounces, list mail and our own mail so no answer loop can start", async () => {
    const to = `reply+${tokens.sign(42)}@tienda.mx`;
    const automated = [
      gmailReply({ to, body: "I am out of office until Monday.", extraHeaders: ["Auto-Submitted: auto-replied"] }),
      gmailReply({ to, body: "Estoy fuera.", extraHeaders: ["Precedence: auto_reply"] }),
      gmailReply({ to, body: "Away", extraHeaders: ["X-Autoreply: yes"] }),
      gmailReply({ to, body: "Away", subject: "Respuesta automática: Resumen semanal" }),
      gmailReply({ to, body: "Delivery failed", from: "Mail Delivery Subsystem <MAILER-DAEMON@mx.tienda.mx>" }),
      gmailReply({ to, body: "Undeliverable", from: "postmaster@outlook.com" }),
      gmailReply({ to, body: "Loop", from: "Bizos <bot@tienda.mx>" }),
      [
        "From: Mail Delivery System <bounces@mx.example>",
        `To: ${to}`,
        "Subject: Undelivered Mail Returned to Sender",
        "Message-ID: <dsn-1@mx.example>",
        'Content-Type: multipart/report; report-type=delivery-status; boundary="b1"',
        "",
        "--b1",
        "Content-Type: text/plain",
        "",
        "This is the mail system. Your message could not be delivered.",
        "--b1",
        "Content-Type: message/delivery-status",
        "",
        "Reporting-MTA: dns; mx.example",
        "",
        "Final-Recipient: rfc822; ana@nowhere.example",
        "Action: failed",
        "Status: 5.1.1",
        "--b1--",
        "",
      ].join("\r\n"),
    ];
    for (const raw of automated) {
      const response = await post(raw);
      expect(response.status).toBe(202);
      expect(await response.json()).toMatchObject({ status: "ignored" });
    }
    // Auto-Submitted: no is a person's mail.
    expect((await post(gmailReply({ to, body: "A person", extraHeaders: ["Auto-Submitted: no"] }))).status).toBe(202);
    await inbound.idle();
    expect(messages.map((message) => message.text)).toEqual(["A person"]);
  });

  it("reads HTML-only replies, threads on In-Reply-To alone, uses the subject when the body is empty, and hashes mail without a Message-ID", async () => {
    const htmlOnly = [
      "From: ana@tienda.mx",
      "To: reply@tienda.mx",
      "Subject: Re: Resumen",
      "Message-ID: <html-only@x>",
      "In-Reply-To: <bizos-digest-9@tienda.mx>",
      'Content-Type: text/html; charset="UTF-8"',
      "",
      '<div dir="ltr">¿Y el margen bruto?</div><div class="gmail_quote"><div class="gmail_attr">El sáb, 21 nov 2026 a las 10:00, Bizos (&lt;bot@tienda.mx&gt;) escribió:</div><blockquote class="gmail_quote">Ventas</blockquote></div>',
    ].join("\r\n");
    await post(htmlOnly);
    await post(gmailReply({ to: "reply@tienda.mx", subject: "Re: Top products this month?", body: "", html: "", messageId: null }));
    await inbound.idle();

    expect(messages[0]).toMatchObject({ text: "¿Y el margen bruto?", eventId: "<html-only@x>" });
    // No References header: the parent named by In-Reply-To starts the list.
    expect(messages[0]!.destination).toMatchObject({ inReplyTo: "<html-only@x>", references: ["<bizos-digest-9@tienda.mx>", "<html-only@x>"] });
    expect(messages[1]!.text).toBe("Top products this month?");
    expect(messages[1]!.eventId).toMatch(/^sha256:[0-9a-f]{64}$/);
    expect(messages[1]!.threadKey).toBe(`email:${messages[1]!.eventId}`);
    expect(messages[1]!.destination).toMatchObject({ inReplyTo: null, references: ["<bizos-root@tienda.mx>", "<bizos-digest-1@tienda.mx>"] });
  });
});
