import { createServer } from "node:net";
import type { AddressInfo } from "node:net";
import type { AddressObject } from "mailparser";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { EmailSettings } from "../../config/channels-schema.ts";
import { silentLogger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import { startSmtpSink, type SmtpSink } from "../../test/fakes/smtp-sink.ts";
import type { Delivery } from "../outbound/channel-sender.ts";
import { textMessage, type OutboundMessage } from "../outbound/outbound-message.ts";
import type { EmailDestination } from "../outbound/recipients.ts";
import { createEmailSender, createSmtpTransport } from "./email-sender.ts";
import { CHART_CID } from "./render-email.ts";
import { createReplyTokens, findReplyToken } from "./reply-token.ts";
import { SMTP_RATE_LIMIT_FALLBACK_MS } from "./smtp-failure.ts";

const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64");
const tokens = createReplyTokens(Buffer.alloc(32, 3));

const digest: OutboundMessage = {
  text: "*Weekly digest* for Tienda Ana\n\nNet sales rose 85.1% against the previous week.",
  language: "en",
  subject: "Weekly digest · Nov 15–21",
  kpis: [{ label: "Net sales", value: "MX$1,193,346", change: "▲ 85.1% vs the previous week" }],
  freshness: "Data as of Nov 21, 10:00 (Shopify)",
  chart: {
    title: "Net sales by week",
    labels: ["Oct 31", "Nov 7", "Nov 14", "Nov 21"],
    series: [{ name: "Net sales", values: [610_000, 644_500, 644_700, 1_193_346] }],
    unit: "money",
    currency: "MXN",
    locale: "en-US",
  },
  buttons: [],
};

function settingsFor(sink: { host: string; port: number }, auth: { user: string; password: string } | null = null): EmailSettings {
  return {
    smtp: { host: sink.host, port: sink.port, secure: false, user: auth?.user ?? null, password: auth?.password ?? null },
    from: "bot@tienda.mx",
    replyAddress: "reply@tienda.mx",
    inboundSecret: null,
  };
}

function delivery(destination: Partial<EmailDestination>, message: OutboundMessage = digest, kind: Delivery["kind"] = "proactive"): Delivery<EmailDestination> {
  return {
    outboxId: 11,
    destination: { channel: "email", to: "ana@tienda.mx", inReplyTo: null, references: [], subject: null, conversationId: null, ...destination },
    message,
    kind,
    lastInboundAt: null,
    memberLanguage: "en",
  };
}

const firstAddress = (value: AddressObject | AddressObject[] | undefined) => (Array.isArray(value) ? value[0] : value)?.value[0]?.address;

async function failureOf(send: Promise<unknown>): Promise<ProviderError> {
  const error = await send.then(
    () => null,
    (thrown: unknown) => thrown,
  );
  if (!(error instanceof ProviderError)) throw new Error(`expected a ProviderError, got ${String(error)}`);
  return error;
}

describe("email sender through SMTP", () => {
  let sink: SmtpSink;
  let transport: ReturnType<typeof createSmtpTransport>;

  beforeEach(async () => {
    sink = await startSmtpSink();
    transport = createSmtpTransport(settingsFor(sink).smtp);
  });
  afterEach(async () => {
    transport.close();
    await sink.close();
  });

  const sender = (renderChart = () => PNG) => createEmailSender({ transport, settings: settingsFor(sink), tokens, renderChart, logger: silentLogger });

  it("delivers a digest with text and HTML parts, an inline chart the HTML shows, and a signed Reply-To", async () => {
    const outcome = await sender().send(delivery({ conversationId: 42 }));

    expect(sink.received).toHaveLength(1);
    const { envelope, mail } = sink.received[0]!;
    expect(outcome).toEqual({ status: "sent", providerMessageId: mail.messageId });
    expect(envelope).toEqual({ from: "bot@tienda.mx", to: ["ana@tienda.mx"] });
    expect(firstAddress(mail.from)).toBe("bot@tienda.mx");
    expect(mail.subject).toBe("Weekly digest · Nov 15–21");
    expect(mail.text).toContain("Weekly digest for Tienda Ana");
    expect(mail.text).toContain("Net sales: MX$1,193,346 (▲ 85.1% vs the previous week)");
    expect(mail.text).toContain("Data as of Nov 21, 10:00 (Shopify)");
    expect(mail.text).not.toContain("*");
    expect(mail.html).toContain("<strong>Weekly digest</strong>");
    expect(mail.html).toContain(`src="cid:${CHART_CID}"`);

    const [image] = mail.attachments;
    expect(mail.attachments).toHaveLength(1);
    expect(image!.contentType).toBe("image/png");
    expect(image!.cid).toBe(CHART_CID);
    expect(image!.related).toBe(true);
    expect(image!.contentDisposition).toBe("inline");
    expect(Buffer.compare(image!.content, PNG)).toBe(0);

    const replyTo = mail.replyTo?.value[0]?.address ?? "";
    expect(replyTo).toMatch(/^reply\+[a-z0-9]+@tienda\.mx$/);
    expect(tokens.verify(findReplyToken([replyTo], "reply@tienda.mx")!)).toBe(42);
    expect(mail.inReplyTo).toBeUndefined();
    expect(mail.headers.get("auto-submitted")).toBe("auto-generated");
  });

  it("threads a reply: In-Reply-To, References and a 'Re:' subject", async () => {
    const references = ["<root@mail.gmail.com>", "<CAF=answer@mail.gmail.com>"];
    await sender().send(delivery({ inReplyTo: "<CAF=answer@mail.gmail.com>", references, conversationId: 9 }, textMessage("Net sales in October were MX$3.1M.", "en"), "reply"));

    const { mail } = sink.received[0]!;
    expect(mail.inReplyTo).toBe("<CAF=answer@mail.gmail.com>");
    expect(mail.references).toEqual(references);
    expect(mail.subject).toBe("Re: Net sales in October were MX$3.1M.");
    expect(mail.attachments).toEqual([]);
    expect(mail.headers.get("auto-submitted")).toBe("auto-replied");
    expect(tokens.verify(findReplyToken([mail.replyTo?.text ?? ""], "reply@tienda.mx")!)).toBe(9);
  });

  it("keeps the subject of the mail it answers, so mail clients thread the answer", async () => {
    await sender().send(delivery({ inReplyTo: "<CAF=q@mail.gmail.com>", references: ["<CAF=q@mail.gmail.com>"], subject: "Re: Weekly digest", conversationId: 9 }, textMessage("October: MX$3.1M.", "en"), "reply"));
    await sender().send(delivery({ inReplyTo: "<CAF=r@mail.gmail.com>", references: ["<CAF=r@mail.gmail.com>"], subject: "¿ventas de ayer?", conversationId: 9 }, textMessage("Ayer: MX$90,000.", "es"), "reply"));
    expect(sink.received.map((received) => received.mail.subject)).toEqual(["Re: Weekly digest", "Re: ¿ventas de ayer?"]);
  });

  it("sends no Reply-To when the conversation is not known", async () => {
    await sender().send(delivery({}, textMessage("Hello", "en")));
    expect(sink.received[0]!.mail.replyTo).toBeUndefined();
  });

  it("maps 451 to a transient failure, and the next attempt goes through", async () => {
    sink.rejectNext(1, 451, "4.3.0 Temporary local problem, try again");
    const failure = await failureOf(sender().send(delivery({ conversationId: 1 })));
    expect(failure.failure).toEqual({ kind: "transient" });
    expect(failure.providerCode).toBe("451");
    expect(failure.retryable).toBe(true);
    expect(sink.received).toHaveLength(0);

    await expect(sender().send(delivery({ conversationId: 1 }))).resolves.toMatchObject({ status: "sent" });
    expect(sink.received).toHaveLength(1);
  });

  it("maps 550 to a permanent failure with the reply code", async () => {
    sink.rejectNext(1, 550, "5.1.1 The email account that you tried to reach does not exist");
    const failure = await failureOf(sender().send(delivery({})));
    expect(failure.failure).toEqual({ kind: "permanent" });
    expect(failure.providerCode).toBe("550");
    expect(failure.retryable).toBe(false);
  });

  it("maps a throttling 451 to rate_limited with the fallback wait", async () => {
    sink.rejectNext(1, 451, "4.7.0 Too many messages, rate limited; slow down");
    const failure = await failureOf(sender().send(delivery({})));
    expect(failure.failure).toEqual({ kind: "rate_limited", retryAfterMs: SMTP_RATE_LIMIT_FALLBACK_MS });
  });
});

describe("email sender failures before any message", () => {
  it("maps refused credentials to auth", async () => {
    const sink = await startSmtpSink({ credentials: { user: "bizos", pass: "right" } });
    const settings = settingsFor(sink, { user: "bizos", password: "wrong" });
    const transport = createSmtpTransport(settings.smtp);
    try {
      const sender = createEmailSender({ transport, settings, tokens, renderChart: () => PNG, logger: silentLogger });
      const failure = await failureOf(sender.send(delivery({})));
      expect(failure.failure).toEqual({ kind: "auth" });
      expect(failure.providerCode).toBe("535");
      expect(sink.received).toHaveLength(0);
    } finally {
      transport.close();
      await sink.close();
    }
  });

  it("maps a refused connection to transient", async () => {
    // A port that was free a moment ago: nothing listens on it.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    const settings = settingsFor({ host: "127.0.0.1", port });
    const transport = createSmtpTransport(settings.smtp);
    try {
      const sender = createEmailSender({ transport, settings, tokens, renderChart: () => PNG, logger: silentLogger });
      const failure = await failureOf(sender.send(delivery({})));
      expect(failure.failure).toEqual({ kind: "transient" });
      expect(failure.providerCode).toBe("ECONNREFUSED");
    } finally {
      transport.close();
    }
  });
});
