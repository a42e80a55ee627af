/**
 * The email channel's sender: renders an outbox message as an email and hands it to SMTP through
 * nodemailer. Replies carry In-Reply-To and References so mail programs thread them; every email
 * whose conversation is known carries a signed Reply-To, so the person's reply finds its way back
 * (see reply-token.ts and inbound-endpoint.ts). Failures surface as ProviderError (smtp-failure.ts).
 */
import { createTransport, type SendMailOptions, type Transporter } from "nodemailer";
import type { SMTPSentMessageInfo } from "nodemailer";
import { z } from "zod";
import type { EmailSettings } from "../../config/channels-schema.ts";
import type { Logger } from "../../lib/logger.ts";
import type { ChannelSender, Delivery, SendOutcome } from "../outbound/channel-sender.ts";
import type { ChartSpec } from "../outbound/outbound-message.ts";
import type { EmailDestination } from "../outbound/recipients.ts";
import { renderEmail } from "./render-email.ts";
import { replyAddress, type ReplyTokens } from "./reply-token.ts";
import { smtpProviderError } from "./smtp-failure.ts";

/** What the sender needs of a nodemailer Transporter; tests may pass any transport that speaks it. */
export interface EmailTransport {
  sendMail(mail: SendMailOptions): Promise<unknown>;
}

export interface EmailSenderOptions {
  readonly transport: EmailTransport;
  readonly settings: EmailSettings;
  readonly tokens: ReplyTokens;
  readonly renderChart: (spec: ChartSpec) => Buffer;
  readonly logger: Logger;
}

/** What a transport reports for a sent message; SMTP transports always name the Message-ID they used. */
const sentInfoSchema = z.object({ messageId: z.string().min(1) });

/** Connection limits, so a dead server fails the delivery instead of holding a worker for minutes. */
const CONNECTION_TIMEOUT_MS = 15_000;
const GREETING_TIMEOUT_MS = 15_000;
const SOCKET_TIMEOUT_MS = 60_000;

/** Nodemailer's SMTP transport for these settings: TLS from the start when secure, otherwise STARTTLS when the server offers it. */
export function createSmtpTransport(smtp: EmailSettings["smtp"]): Transporter<SMTPSentMessageInfo> {
  return createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    auth: smtp.user !== null ? { user: smtp.user, pass: smtp.password ?? "" } : undefined,
    connectionTimeout: CONNECTION_TIMEOUT_MS,
    greetingTimeout: GREETING_TIMEOUT_MS,
    socketTimeout: SOCKET_TIMEOUT_MS,
  });
}

export function createEmailSender(options: EmailSenderOptions): ChannelSender<EmailDestination> {
  const logger = options.logger.child({ channel: "email" });
  return {
    channel: "email",
    async send(delivery: Delivery<EmailDestination>): Promise<SendOutcome> {
      const { destination, message } = delivery;
      const replying = destination.inReplyTo !== null;
      // Answering a mail keeps its subject ("Re: …"): Gmail threads by subject as well as References.
      const email = renderEmail({ ...message, subject: message.subject ?? destination.subject }, { replying, renderChart: options.renderChart });
      const mail: SendMailOptions = {
        from: options.settings.from,
        to: destination.to,
        subject: email.subject,
        text: email.text,
        html: email.html,
        attachments: [...email.attachments],
        headers: {
          // RFC 3834: marks our mail as machine-sent, so vacation responders and list servers do not answer it.
          "Auto-Submitted": delivery.kind === "reply" ? "auto-replied" : "auto-generated",
          // Exchange and Outlook honour this instead: no out-of-office or read-receipt replies to us.
          "X-Auto-Response-Suppress": "All",
        },
      };
      if (destination.conversationId !== null) mail.replyTo = replyAddress(options.settings.replyAddress, options.tokens.sign(destination.conversationId));
      if (destination.inReplyTo !== null) mail.inReplyTo = destination.inReplyTo;
      if (destination.references.length > 0) mail.references = [...destination.references];

      let sent: unknown;
      try {
        sent = await options.transport.sendMail(mail);
      } catch (error) {
        const failure = smtpProviderError(error);
        logger.warn("email not sent", { outboxId: delivery.outboxId, kind: failure.failure.kind, providerCode: failure.providerCode, error: failure });
        throw failure;
      }
      // The server accepted the message: a missing Message-ID in the report must not make it send twice.
      const info = sentInfoSchema.safeParse(sent);
      const messageId = info.success ? info.data.messageId : null;
      if (messageId === null) logger.warn("the transport did not report a Message-ID", { outboxId: delivery.outboxId });
      logger.debug("email sent", { outboxId: delivery.outboxId, messageId });
      return { status: "sent", providerMessageId: messageId };
    },
  };
}
