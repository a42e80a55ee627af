/**
 * The outbound half of every configured channel: one sender per channel for the delivery worker.
 * WhatsApp has two transports (the Cloud API and a whatsapp-web.js session); each destination says
 * which one it came in on, and its answer goes back the same way (channels/whatsapp/transport-sender.ts).
 */
import type { EmailSettings, SlackSettings, WhatsAppCloudSettings } from "../config/index.ts";
import { renderLineChartPng } from "../channels/charts/line-chart-png.ts";
import { createEmailSender, createSmtpTransport, type EmailTransport } from "../channels/email/email-sender.ts";
import type { ReplyTokens } from "../channels/email/reply-token.ts";
import type { ChannelSender } from "../channels/outbound/channel-sender.ts";
import type { WhatsAppDestination } from "../channels/outbound/recipients.ts";
import { createSlackSender } from "../channels/slack/slack-sender.ts";
import { createSlackWebApi } from "../channels/slack/slack-web-api.ts";
import { createWhatsAppCloudSender } from "../channels/whatsapp/cloud-sender.ts";
import { createWhatsAppGraphApi } from "../channels/whatsapp/graph-api.ts";
import { createWhatsAppSender } from "../channels/whatsapp/transport-sender.ts";
import type { SenderRegistry } from "../jobs/delivery/sender-registry.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";

export interface SenderSettings {
  readonly slack: SlackSettings | null;
  readonly whatsappCloud: WhatsAppCloudSettings | null;
  readonly email: EmailSettings | null;
}

export interface ChannelSenders {
  readonly registry: SenderRegistry;
  /** Closes what the senders hold open (the SMTP connection pool). */
  close(): Promise<void>;
}

/** nodemailer's SMTP transport keeps a connection open until close(); a test's stand-in may not have one. */
function isClosable(transport: object): transport is { close(): void } {
  return "close" in transport && typeof transport.close === "function";
}

export function createChannelSenders(options: {
  readonly settings: SenderSettings;
  readonly tokens: ReplyTokens;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The whatsapp-web.js sender when that session runs in this process, else null. */
  readonly whatsappWeb: ChannelSender<WhatsAppDestination> | null;
  /** Tests pass an SMTP transport to a local sink; otherwise one is made from the settings. */
  readonly smtpTransport?: EmailTransport;
}): ChannelSenders {
  const { settings, logger, clock } = options;
  const renderChart = renderLineChartPng;
  const slack = settings.slack
    ? createSlackSender({ api: createSlackWebApi({ apiUrl: settings.slack.apiUrl, botToken: settings.slack.botToken }), renderChart, logger: logger.child({ channel: "slack" }) })
    : undefined;
  const cloud = settings.whatsappCloud
    ? createWhatsAppCloudSender({ api: createWhatsAppGraphApi(settings.whatsappCloud), settings: settings.whatsappCloud, renderChart, clock, logger: logger.child({ channel: "whatsapp" }) })
    : null;
  const smtp = settings.email ? (options.smtpTransport ?? createSmtpTransport(settings.email.smtp)) : null;
  const email =
    settings.email && smtp
      ? createEmailSender({ transport: smtp, settings: settings.email, tokens: options.tokens, renderChart, logger: logger.child({ channel: "email" }) })
      : undefined;
  return {
    registry: { slack, whatsapp: createWhatsAppSender({ cloud, web: options.whatsappWeb }), email },
    close() {
      if (smtp !== null && isClosable(smtp)) smtp.close();
      return Promise.resolve();
    },
  };
}
