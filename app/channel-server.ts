/**
 * The composition root of `npm start`: one HTTP server on one port for Slack (events,
 * interactivity, /ask), WhatsApp Cloud webhooks, inbound email, the local web chat and /healthz;
 * whatsapp-web.js in the same process when enabled; the outbox deliverer and the job worker
 * (detection, digests, weekly reports, alerts) — BullMQ on Redis when REDIS_URL is set, in process
 * otherwise. Every inbound message goes through one conversation
 * gateway, so it is the same turn as `bizos ask`, answered in that channel's format.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ConversationRuntime } from "../agents/turn-types.ts";
import { renderLineChartPng } from "../channels/charts/line-chart-png.ts";
import type { EmailTransport } from "../channels/email/email-sender.ts";
import { createEmailInbound } from "../channels/email/inbound-endpoint.ts";
import { createReplyTokens } from "../channels/email/reply-token.ts";
import { startHttpServer, type Route, type RunningServer } from "../channels/http/http-server.ts";
import { createActionRouter, type ActionRouter } from "../channels/inbound/action-router.ts";
import { createConversationGateway } from "../channels/inbound/conversation-gateway.ts";
import type { InboundHandler } from "../channels/inbound/inbound-message.ts";
import type { DeliveryScheduler } from "../channels/outbound/delivery-scheduler.ts";
import { createSlackEdge, SLACK_EVENTS_PATH } from "../channels/slack/slack-app.ts";
import { webChatHandler } from "../channels/web/chat-server.ts";
import { createWhatsAppWebhook } from "../channels/whatsapp/webhook.ts";
import { createWhatsAppWebAdapter, type WhatsAppWebAdapter, type WhatsAppWebClient } from "../channels/whatsapp-web/adapter.ts";
import { createRealWhatsAppWebClient, toWhatsAppWebMedia } from "../channels/whatsapp-web/real-client.ts";
import { createWhatsAppWebSender } from "../channels/whatsapp-web/sender.ts";
import type { AppConfig } from "../config/index.ts";
import type { Db } from "../db/database.ts";
import { threadKeyOfConversation } from "../db/repositories/conversations.ts";
import { createWhatsAppStatusListener } from "../jobs/delivery/whatsapp-statuses.ts";
import type { Clock } from "../lib/clock.ts";
import type { Logger } from "../lib/logger.ts";
import { createChannelSenders } from "./channel-senders.ts";
import { replyTokenKey } from "./reply-token-key.ts";
import { startBackgroundWork } from "./background-work.ts";
import type { JobRunner } from "../jobs/runtime/job-runner.ts";
import type { ApprovalRequestSink } from "../engines/approvals/approval-requests.ts";
import { chooseEmbedder } from "../memory/embeddings/choose-embedder.ts";

const WEBHOOK_MAX_BYTES = 1024 * 1024;
const EMAIL_MAX_BYTES = 11 * 1024 * 1024;

export interface ChannelServerOptions {
  readonly config: AppConfig;
  readonly db: Db;
  readonly runtime: ConversationRuntime;
  /** The key the email reply tokens are signed with is derived from it (the app's encryption key). */
  readonly secretKey: Buffer;
  readonly clock: Clock;
  readonly logger: Logger;
  /** Tests: a whatsapp-web.js stand-in; otherwise the real client drives the configured Chromium. */
  readonly whatsappWebClient?: () => WhatsAppWebClient;
  /** Where the whatsapp-web.js login QR code goes (the terminal). */
  readonly printQr?: (qr: string) => void;
  /** Tests: an SMTP transport to a local sink. */
  readonly smtpTransport?: EmailTransport;
  /** Tests: a BullMQ key prefix of their own. */
  readonly queuePrefix?: string;
  /** Tests: Slack's bot user id, so no auth.test is needed at start. */
  readonly slackBotUserId?: string;
}

export interface ChannelServer {
  readonly url: string;
  readonly port: number;
  /** Which channels are on and how delivery runs (also served at /healthz). */
  readonly status: () => Record<string, unknown>;
  readonly gateway: InboundHandler;
  readonly actions: ActionRouter;
  readonly scheduler: DeliveryScheduler;
  /** Where the conversation's new proposals ask approvers (the runtime's approvals sink forwards here). */
  readonly approvals: ApprovalRequestSink;
  /** The job runner of detection, digests and reports, when it runs in this process. */
  readonly jobs: JobRunner | null;
  /** Resolves when every request accepted so far has been answered into the outbox and, with in-process delivery, delivered (tests). */
  idle(): Promise<void>;
  /** Stops taking requests, lets the work in flight finish, stops whatsapp-web.js and the deliverer. */
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]"]);

/**
 * The web chat answers as the owner with no login, so it is served only to this machine: a loopback
 * peer asking for a loopback host name. A tunnel or proxy forwards the public host name, so the chat
 * stays private even when the webhooks are published through one.
 */
function isLocalRequest(req: IncomingMessage): boolean {
  const peer = req.socket.remoteAddress ?? "";
  const host = (req.headers.host ?? "").replace(/:\d+$/, "").toLowerCase();
  return (peer === "127.0.0.1" || peer === "::1" || peer === "::ffff:127.0.0.1") && LOOPBACK_HOSTS.has(host);
}

function notLocal(res: ServerResponse): Promise<void> {
  res.writeHead(404, { "content-type": "application/json; charset=utf-8" });
  res.end(JSON.stringify({ error: "not found (the web chat is served on localhost only)" }));
  return Promise.resolve();
}

export async function startChannelServer(options: ChannelServerOptions): Promise<ChannelServer> {
  const { config, db, clock } = options;
  const settings = config.channels;
  const logger = options.logger.child({ component: "server" });
  const replyTokens = createReplyTokens(replyTokenKey(options.secretKey));

  // The gateway needs the deliverer, which needs the senders, which need the whatsapp-web.js session,
  // which hands messages to the gateway: the session gets the gateway through this late-bound handler.
  const handler: InboundHandler = {
    handleMessage: (message) => gateway.handleMessage(message),
    handleAction: (action) => gateway.handleAction(action),
  };
  const webSettings = settings.whatsappWeb;
  const webAdapter: WhatsAppWebAdapter | null = webSettings
    ? createWhatsAppWebAdapter({
        createClient: options.whatsappWebClient ?? (() => createRealWhatsAppWebClient(webSettings)),
        handler,
        printQr: options.printQr ?? (() => logger.warn("whatsapp-web.js wants a QR scan, but nothing prints QR codes here")),
        clock,
        logger: logger.child({ channel: "whatsapp-web" }),
      })
    : null;
  const senders = createChannelSenders({
    settings,
    tokens: replyTokens,
    clock,
    logger,
    smtpTransport: options.smtpTransport,
    whatsappWeb:
      webAdapter === null ? null : createWhatsAppWebSender({ adapter: webAdapter, toMedia: toWhatsAppWebMedia, renderChart: renderLineChartPng, logger: logger.child({ channel: "whatsapp-web" }) }),
  });
  const background = await startBackgroundWork({
    settings,
    db,
    clock,
    logger,
    senders: senders.registry,
    secretKey: options.secretKey,
    // Insight detection, digests, weekly reports and alerts: here unless separate workers run them.
    jobs: settings.jobsInServer,
    embedder: chooseEmbedder(options.config),
    queuePrefix: options.queuePrefix,
  });
  const { priceChanges } = background;
  const actions = createActionRouter();
  actions.register("approve:", priceChanges.desk.handleAction);
  actions.register("reject:", priceChanges.desk.handleAction);
  const gateway = createConversationGateway({
    db,
    runtime: options.runtime,
    scheduler: background.scheduler,
    actions,
    clock,
    logger: logger.child({ component: "gateway" }),
    memberMessagesPerMinute: settings.memberMessagesPerMinute,
    decisions: ({ member, workspace, message, threadKey }) =>
      priceChanges.desk.handleText({ workspace, replier: { memberId: member.id, role: member.role, language: member.language }, channel: message.channel, threadKey, text: message.text }),
  });

  const routes: Route[] = [];
  const idlers: (() => Promise<void>)[] = [];
  const stoppers: (() => Promise<void>)[] = [];

  if (settings.slack) {
    const slack = createSlackEdge({ settings: settings.slack, handler: gateway, clock, logger: logger.child({ channel: "slack" }), botUserId: options.slackBotUserId });
    await slack.start();
    routes.push({ path: SLACK_EVENTS_PATH, methods: ["POST"], maxBodyBytes: WEBHOOK_MAX_BYTES, handle: (req, res, body) => slack.handle(req, res, body) });
    idlers.push(() => slack.idle());
    stoppers.push(() => slack.stop());
  }
  if (settings.whatsappCloud) {
    const statuses = createWhatsAppStatusListener({ db, scheduler: background.scheduler, logger: logger.child({ channel: "whatsapp" }) });
    const webhook = createWhatsAppWebhook({ settings: settings.whatsappCloud, handler: gateway, statuses, clock, logger: logger.child({ channel: "whatsapp" }) });
    routes.push({ path: "/whatsapp/webhook", methods: ["GET", "POST"], maxBodyBytes: WEBHOOK_MAX_BYTES, handle: (req, res, body) => webhook.handle(req, res, body) });
    idlers.push(() => webhook.idle());
  }
  if (settings.email) {
    const inbound = createEmailInbound({
      settings: settings.email,
      tokens: replyTokens,
      handler: gateway,
      conversations: { threadKeyOf: (conversationId) => threadKeyOfConversation(db, conversationId) },
      clock,
      logger: logger.child({ channel: "email" }),
    });
    routes.push({ path: "/email/inbound", methods: ["POST"], maxBodyBytes: EMAIL_MAX_BYTES, handle: (req, res, body) => inbound.handle(req, res, body) });
    idlers.push(() => inbound.idle());
  }
  if (webAdapter) {
    webAdapter.start();
    idlers.push(() => webAdapter.idle());
    stoppers.push(() => webAdapter.stop());
  }

  const deliveryMode = settings.redisUrl ? "bullmq" : "in-process";
  const status = () => ({
    channels: {
      slack: settings.slack !== null,
      whatsappCloud: settings.whatsappCloud !== null,
      whatsappWeb: webAdapter?.status ?? "off",
      email: settings.email !== null,
      emailInbound: settings.email?.inboundSecret != null,
    },
    delivery: deliveryMode,
    jobs: background.jobs ? deliveryMode : "separate worker",
  });

  const webChat = webChatHandler({ runtime: options.runtime, db, clock, logger: logger.child({ channel: "web" }) });
  let server: RunningServer;
  try {
    server = await startHttpServer({
      host: settings.server.host,
      port: settings.server.port,
      routes,
      fallback: (req: IncomingMessage, res: ServerResponse) => (isLocalRequest(req) ? webChat(req, res) : notLocal(res)),
      health: () => Promise.resolve(status()),
      logger,
    });
  } catch (error) {
    for (const stop of stoppers) await stop();
    await background.close();
    await senders.close();
    throw error;
  }

  const idle = async () => {
    await Promise.all(idlers.map((wait) => wait()));
    await background.idle();
  };

  return {
    url: server.url,
    port: server.port,
    status,
    gateway,
    actions,
    scheduler: background.scheduler,
    approvals: priceChanges.notifier,
    jobs: background.jobs,
    idle,
    async close() {
      await server.close();
      await Promise.all(idlers.map((wait) => wait()));
      for (const stop of stoppers) await stop();
      await background.close();
      await senders.close();
    },
  };
}
