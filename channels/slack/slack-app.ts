/**
 * The Slack channel's inbound edge: a Bolt App behind our own HTTP server (POST /slack/events),
 * routing mentions, DMs, /ask and button clicks to the gateway. Nothing here touches the network
 * while being built: the bot's identity comes from the options or from one auth.test at start.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { App } from "@slack/bolt";
import type { SlackSettings } from "../../config/channels-schema.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { ProviderError } from "../../lib/provider-error.ts";
import type { InboundHandler, InboundOutcome } from "../inbound/inbound-message.ts";
import { boltLogger } from "./bolt-logger.ts";
import { registerSlackListeners } from "./slack-listeners.ts";
import { SlackHttpReceiver } from "./slack-receiver.ts";
import { createSlackWebApi, type SlackWebApi } from "./slack-web-api.ts";

/** Where Slack is told to send events, interactivity and slash commands (see manifest.yaml). */
export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackEdgeOptions {
  readonly settings: SlackSettings;
  readonly handler: InboundHandler;
  readonly clock: Clock;
  readonly logger: Logger;
  /** The bot's user id, when known: mentions can be recognised without an auth.test call. */
  readonly botUserId?: string;
  /** The bot's bot id (B…), when known with botUserId. */
  readonly botId?: string;
  /** The slash command that asks a question; "/ask" as in the manifest. */
  readonly askCommand?: string;
  /** The Web API client for auth.test; by default one made from settings. */
  readonly api?: SlackWebApi;
}

export interface SlackEdge {
  /** Serves POST /slack/events; rawBody is the request body exactly as received (signatures cover its bytes). */
  handle(req: IncomingMessage, res: ServerResponse, rawBody: Buffer): Promise<void>;
  /** Learns the bot's identity (auth.test) unless botUserId was given; a bad token fails here. */
  start(): Promise<void>;
  /** Waits for the work already handed to the gateway. */
  stop(): Promise<void>;
  /** Resolves when no request or gateway call started by this edge is still running. */
  idle(): Promise<void>;
}

interface BotIdentity {
  readonly userId: string;
  readonly botId: string | null;
}

export function createSlackEdge(options: SlackEdgeOptions): SlackEdge {
  const { settings, logger } = options;
  const api = options.api ?? createSlackWebApi({ apiUrl: settings.apiUrl, botToken: settings.botToken });
  const pending = new Set<Promise<void>>();

  /** Keeps a promise until it settles; `idle()` waits for all of them. Never rejects. */
  function keep(work: Promise<unknown>): void {
    const settled = work.then(
      () => undefined,
      () => undefined,
    );
    pending.add(settled);
    void settled.then(() => pending.delete(settled));
  }

  let identity: Promise<BotIdentity> | null = options.botUserId ? Promise.resolve({ userId: options.botUserId, botId: options.botId ?? null }) : null;
  function identify(): Promise<BotIdentity> {
    identity ??= api.authTest().then(
      (result) => ({ userId: result.userId, botId: result.botId }),
      (error: unknown) => {
        // Forget the failure so the next request tries again.
        identity = null;
        throw error;
      },
    );
    return identity;
  }

  const receiver = new SlackHttpReceiver({ signingSecret: settings.signingSecret, clock: options.clock, logger });
  const app = new App({
    receiver,
    // Our authorize instead of `token`: Bolt would otherwise call auth.test while being constructed.
    authorize: async () => {
      const bot = await identify();
      return { botToken: settings.botToken, botUserId: bot.userId, ...(bot.botId !== null ? { botId: bot.botId } : {}) };
    },
    clientOptions: { slackApiUrl: settings.apiUrl },
    logger: boltLogger(logger.child({ component: "bolt" })),
    convoStore: false,
  });
  app.error((error) => {
    logger.error("slack listener failed", { error });
    return Promise.resolve();
  });

  registerSlackListeners(app, {
    handler: options.handler,
    clock: options.clock,
    logger,
    askCommand: options.askCommand ?? "/ask",
    track: (what: string, start: () => Promise<InboundOutcome>) => {
      // Through then(): a handler that throws before returning its promise is caught too.
      const work = Promise.resolve()
        .then(start)
        .then(
          (outcome) => logger.debug("slack inbound handled", { what, status: outcome.status }),
          (error: unknown) => logger.error("slack inbound handling failed", { what, error }),
        );
      keep(work);
    },
  });

  async function idle(): Promise<void> {
    while (pending.size > 0) await Promise.all(pending);
  }

  return {
    handle(req, res, rawBody) {
      const work = receiver.handle(req, res, rawBody);
      keep(work);
      return work;
    },

    async start() {
      if (options.botUserId !== undefined) return;
      try {
        const bot = await identify();
        logger.info("slack bot identified", { botUserId: bot.userId });
      } catch (error) {
        if (error instanceof ProviderError && error.retryable) {
          // Slack is briefly unreachable: the first request will try again.
          logger.warn("slack auth.test failed; will retry on the first request", { error, failure: error.failure.kind });
          return;
        }
        throw error;
      }
    },

    stop: idle,
    idle,
  };
}
