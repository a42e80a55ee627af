/**
 * The environment variables of the server and its channels (Slack, WhatsApp, email), delivery
 * (Redis) and per-member limits, and how they resolve into each channel's settings. A channel is
 * on when its required variables are set; setting only some of them is an error naming the rest.
 */
import { z } from "zod";
import { envBoolean, httpUrl } from "./env-values.ts";

const secret = z.string().trim().min(1, "must not be blank");

const emailAddress = z
  .string()
  .trim()
  .refine((value) => /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(value), "must be a plain email address (name@example.com)");

const redisUrl = z
  .string()
  .trim()
  .refine((value) => /^rediss?:\/\//.test(value) && URL.canParse(value), "must start with redis:// or rediss://");

export const channelEnvShape = {
  PORT: z.coerce.number().int().min(0).max(65_535).default(3000).describe("Port of the one HTTP server (Slack, WhatsApp, email inbound, web chat, /healthz)."),
  HOST: z
    .string()
    .trim()
    .min(1)
    .default("127.0.0.1")
    .describe("Address the server listens on. 127.0.0.1 keeps it local (put a tunnel or proxy in front); 0.0.0.0 listens on every interface."),
  PUBLIC_URL: httpUrl.optional().describe("The server's public https URL (a tunnel or proxy), shown in the Slack manifest and start-up hints."),
  SLACK_SIGNING_SECRET: secret.optional().describe("Slack app signing secret: requests whose v0 signature does not match are refused with 401. Slack is on when this and SLACK_BOT_TOKEN are set."),
  SLACK_BOT_TOKEN: secret.optional().describe("Slack bot token (xoxb-…) used to post answers."),
  SLACK_API_URL: httpUrl.default("https://slack.com/api/").describe("Base URL of the Slack Web API, ending in /api/ (a test server or proxy)."),
  WHATSAPP_VERIFY_TOKEN: secret.optional().describe("The verify token you type in Meta's webhook settings; the GET handshake must echo it. WhatsApp Cloud is on when the four WHATSAPP_* credentials are set."),
  WHATSAPP_APP_SECRET: secret.optional().describe("Meta app secret: webhook POSTs whose X-Hub-Signature-256 does not match are refused with 401."),
  WHATSAPP_ACCESS_TOKEN: secret.optional().describe("WhatsApp Cloud API access token (a system user token) used to send messages."),
  WHATSAPP_PHONE_NUMBER_ID: secret.optional().describe("The WhatsApp Cloud phone number id that sends messages."),
  WHATSAPP_GRAPH_URL: httpUrl.default("https://graph.facebook.com").describe("Base URL of Meta's Graph API, without the version (a test server or proxy)."),
  WHATSAPP_GRAPH_VERSION: z
    .string()
    .trim()
    .regex(/^v\d+\.\d+$/, "must look like v21.0")
    .default("v21.0")
    .describe("Graph API version used in request paths."),
  WHATSAPP_TEMPLATE: z
    .string()
    .trim()
    .regex(/^[a-z0-9_]+$/, "must be a template name (lower case, digits, underscores)")
    .optional()
    .describe(
      "Approved message template (one body parameter) for proactive messages outside the 24-hour customer-service window. Unset: such messages wait for the person's next message.",
    ),
  WHATSAPP_TEMPLATE_LANGUAGE: z
    .string()
    .trim()
    .regex(/^[a-z]{2}(_[A-Z]{2})?$/, "must be a template language code such as es_MX or pt_BR")
    .optional()
    .describe("Language code of WHATSAPP_TEMPLATE. Unset: from the member's language (en_US, es_MX, pt_BR)."),
  WHATSAPP_WEB_ENABLED: envBoolean.default(false).describe("Also run whatsapp-web.js in the server: scan the QR code printed in the terminal with the owner's phone."),
  WHATSAPP_WEB_CHROMIUM_PATH: z.string().trim().min(1).default("/usr/bin/chromium").describe("The Chromium that whatsapp-web.js drives (Debian: apt-get install chromium)."),
  WHATSAPP_WEB_SESSION_DIR: z
    .string()
    .trim()
    .min(1)
    .optional()
    .describe("Where whatsapp-web.js keeps its LocalAuth session so a restart needs no new QR scan. Unset: BIZOS_DATA_DIR/whatsapp-web."),
  SMTP_HOST: z.string().trim().min(1).optional().describe("SMTP server for outgoing email. Email is on when SMTP_HOST and EMAIL_FROM are set."),
  SMTP_PORT: z.coerce.number().int().min(1).max(65_535).default(587).describe("SMTP port (587 with STARTTLS, 465 with TLS)."),
  SMTP_SECURE: envBoolean.optional().describe("Connect with TLS from the start. Unset: true on port 465, otherwise STARTTLS when offered."),
  SMTP_USER: z.string().trim().min(1).optional().describe("SMTP user name, when the server wants one."),
  SMTP_PASSWORD: z.string().min(1).optional().describe("SMTP password."),
  EMAIL_FROM: emailAddress.optional().describe("The From address of every email (digests, answers)."),
  EMAIL_REPLY_ADDRESS: emailAddress
    .optional()
    .describe("Mailbox whose mail reaches POST /email/inbound; replies go to reply+<signed token>@ that domain so each reply finds its conversation. Unset: EMAIL_FROM."),
  EMAIL_INBOUND_SECRET: secret.optional().describe("Shared secret a mail pipe or inbound-mail webhook sends (Authorization: Bearer …) to POST /email/inbound. Unset: inbound email is off."),
  REDIS_URL: redisUrl.optional().describe("Redis for the BullMQ queues (delivery, price changes, proactive jobs). Unset: the server runs them itself, in process."),
  MEMBER_MESSAGES_PER_MINUTE: z.coerce.number().int().min(1).max(10_000).default(20).describe("Messages one member may send a minute on Slack, WhatsApp or email before getting a polite wait reply."),
  JOBS_IN_SERVER: envBoolean
    .default(true)
    .describe("Run the job worker (insight detection, digests, weekly reports, alerts) inside `npm start`. Set false when `npm run worker` processes run it instead (they need DATABASE_URL)."),
  NOTIFICATIONS_PLAN_SECONDS: z.coerce
    .number()
    .int()
    .min(1)
    .max(3600)
    .default(60)
    .describe("How often the planner looks for due insight detections, digests and weekly reports."),
  SYNC_EVERY_MINUTES: z.coerce
    .number()
    .int()
    .min(0)
    .max(7 * 24 * 60)
    .default(60)
    .describe("How often every active connector (Shopify…) pulls what changed at the provider; insight detection follows each sync that brought data. 0 turns the schedule off (bizos sync still runs one)."),
  MEMORY_INDEX_SECONDS: z.coerce
    .number()
    .int()
    .min(0)
    .max(3600)
    .default(15)
    .describe("How often new conversation messages are embedded into memory (and vectors of a former embedder re-embedded), where the jobs run. 0 turns it off: nothing new is recalled."),
  TEST_REDIS_URL: redisUrl.default("redis://127.0.0.1:6379").describe("Tests only: the Redis the BullMQ delivery tests use (each test under its own key prefix)."),
} as const;

/** The channel variables on their own (the full schema in schema.ts spreads channelEnvShape). */
export const channelEnvSchema = z.object(channelEnvShape);
type ChannelEnv = z.output<typeof channelEnvSchema>;

export interface SlackSettings {
  readonly signingSecret: string;
  readonly botToken: string;
  /** Ends in "/": method names are appended. */
  readonly apiUrl: string;
}

export interface WhatsAppCloudSettings {
  readonly verifyToken: string;
  readonly appSecret: string;
  readonly accessToken: string;
  readonly phoneNumberId: string;
  /** Without a trailing slash. */
  readonly graphUrl: string;
  readonly graphVersion: string;
  /** Null: proactive messages outside the 24-hour window wait for the person's next message. */
  readonly template: { readonly name: string; readonly language: string | null } | null;
}

export interface WhatsAppWebSettings {
  readonly chromiumPath: string;
  readonly sessionDir: string;
}

export interface EmailSettings {
  readonly smtp: {
    readonly host: string;
    readonly port: number;
    readonly secure: boolean;
    readonly user: string | null;
    readonly password: string | null;
  };
  readonly from: string;
  /** Replies go to the local part plus "+<token>" at this address's domain. */
  readonly replyAddress: string;
  /** Null: POST /email/inbound answers 404. */
  readonly inboundSecret: string | null;
}

export interface ChannelSettings {
  readonly server: { readonly port: number; readonly host: string; readonly publicUrl: string | null };
  readonly slack: SlackSettings | null;
  readonly whatsappCloud: WhatsAppCloudSettings | null;
  readonly whatsappWeb: WhatsAppWebSettings | null;
  readonly email: EmailSettings | null;
  /** Null: in-process delivery from the outbox table. */
  readonly redisUrl: string | null;
  readonly memberMessagesPerMinute: number;
  /** The job worker runs inside the server (false: separate `npm run worker` processes). */
  readonly jobsInServer: boolean;
  /** How often the notification planner runs. */
  readonly planEveryMs: number;
  /** How often every active connector syncs; 0: no schedule. */
  readonly syncEveryMs: number;
  /** How often new messages are embedded into memory; 0: never. */
  readonly memoryIndexEveryMs: number;
}

export interface ChannelSettingsProblem {
  readonly variable: string;
  readonly message: string;
}

/** A group of variables that must be set together: names the missing ones when only some are. */
function incomplete(group: string, present: Readonly<Record<string, unknown>>): ChannelSettingsProblem[] {
  const names = Object.keys(present);
  const missing = names.filter((name) => present[name] === undefined);
  if (missing.length === 0 || missing.length === names.length) return [];
  return missing.map((variable) => ({ variable, message: `${group} needs ${names.join(", ")}; ${variable} is not set` }));
}

export function resolveChannelSettings(env: ChannelEnv, dataDir: string): { readonly settings: ChannelSettings; readonly problems: readonly ChannelSettingsProblem[] } {
  const problems = [
    ...incomplete("Slack", { SLACK_SIGNING_SECRET: env.SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN: env.SLACK_BOT_TOKEN }),
    ...incomplete("WhatsApp Cloud", {
      WHATSAPP_VERIFY_TOKEN: env.WHATSAPP_VERIFY_TOKEN,
      WHATSAPP_APP_SECRET: env.WHATSAPP_APP_SECRET,
      WHATSAPP_ACCESS_TOKEN: env.WHATSAPP_ACCESS_TOKEN,
      WHATSAPP_PHONE_NUMBER_ID: env.WHATSAPP_PHONE_NUMBER_ID,
    }),
    ...incomplete("Email", { SMTP_HOST: env.SMTP_HOST, EMAIL_FROM: env.EMAIL_FROM }),
  ];
  if (env.SMTP_USER !== undefined && env.SMTP_PASSWORD === undefined) problems.push({ variable: "SMTP_PASSWORD", message: "SMTP_USER is set without SMTP_PASSWORD" });
  if (env.EMAIL_INBOUND_SECRET !== undefined && (env.SMTP_HOST === undefined || env.EMAIL_FROM === undefined)) {
    problems.push({ variable: "EMAIL_INBOUND_SECRET", message: "inbound email answers by email: set SMTP_HOST and EMAIL_FROM too" });
  }
  const slack =
    env.SLACK_SIGNING_SECRET && env.SLACK_BOT_TOKEN
      ? { signingSecret: env.SLACK_SIGNING_SECRET, botToken: env.SLACK_BOT_TOKEN, apiUrl: env.SLACK_API_URL.endsWith("/") ? env.SLACK_API_URL : `${env.SLACK_API_URL}/` }
      : null;
  const whatsappCloud =
    env.WHATSAPP_VERIFY_TOKEN && env.WHATSAPP_APP_SECRET && env.WHATSAPP_ACCESS_TOKEN && env.WHATSAPP_PHONE_NUMBER_ID
      ? {
          verifyToken: env.WHATSAPP_VERIFY_TOKEN,
          appSecret: env.WHATSAPP_APP_SECRET,
          accessToken: env.WHATSAPP_ACCESS_TOKEN,
          phoneNumberId: env.WHATSAPP_PHONE_NUMBER_ID,
          graphUrl: env.WHATSAPP_GRAPH_URL.replace(/\/+$/, ""),
          graphVersion: env.WHATSAPP_GRAPH_VERSION,
          template: env.WHATSAPP_TEMPLATE ? { name: env.WHATSAPP_TEMPLATE, language: env.WHATSAPP_TEMPLATE_LANGUAGE ?? null } : null,
        }
      : null;
  const whatsappWeb = env.WHATSAPP_WEB_ENABLED
    ? { chromiumPath: env.WHATSAPP_WEB_CHROMIUM_PATH, sessionDir: env.WHATSAPP_WEB_SESSION_DIR ?? `${dataDir}/whatsapp-web` }
    : null;
  const email =
    env.SMTP_HOST && env.EMAIL_FROM
      ? {
          smtp: {
            host: env.SMTP_HOST,
            port: env.SMTP_PORT,
            secure: env.SMTP_SECURE ?? env.SMTP_PORT === 465,
            user: env.SMTP_USER ?? null,
            password: env.SMTP_PASSWORD ?? null,
          },
          from: env.EMAIL_FROM,
          replyAddress: env.EMAIL_REPLY_ADDRESS ?? env.EMAIL_FROM,
          inboundSecret: env.EMAIL_INBOUND_SECRET ?? null,
        }
      : null;
  return {
    settings: {
      server: { port: env.PORT, host: env.HOST, publicUrl: env.PUBLIC_URL?.replace(/\/+$/, "") ?? null },
      slack,
      whatsappCloud,
      whatsappWeb,
      email,
      redisUrl: env.REDIS_URL ?? null,
      memberMessagesPerMinute: env.MEMBER_MESSAGES_PER_MINUTE,
      jobsInServer: env.JOBS_IN_SERVER,
      planEveryMs: env.NOTIFICATIONS_PLAN_SECONDS * 1000,
      syncEveryMs: env.SYNC_EVERY_MINUTES * 60_000,
      memoryIndexEveryMs: env.MEMORY_INDEX_SECONDS * 1000,
    },
    problems,
  };
}
