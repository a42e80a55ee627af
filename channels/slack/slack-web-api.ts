/**
 * The one way this app calls Slack over HTTP: the Web API methods the Slack channel needs, a
 * slash command's response_url and the file upload URL. Every answer is parsed with zod, and every
 * failure becomes a ProviderError (rate_limited, transient, auth or permanent) so the delivery
 * worker can decide whether to retry without knowing Slack.
 * https://api.slack.com/web#responses
 */
import { z } from "zod";
import { ProviderError, retryAfterMs, type ProviderFailure } from "../../lib/provider-error.ts";
import type { SlackBlock } from "./block-kit.ts";

const PROVIDER = "slack";
const DEFAULT_FETCH_TIMEOUT_MS = 10_000;
/** Slack sends Retry-After with every 429; without one, wait long enough for a per-minute tier to refill. */
const RATE_LIMIT_FALLBACK_MS = 30_000;

const AUTH_ERRORS = new Set(["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "missing_scope"]);
const TRANSIENT_ERRORS = new Set(["internal_error", "fatal_error", "service_unavailable", "request_timeout"]);
const RATE_LIMIT_ERRORS = new Set(["ratelimited", "rate_limited"]);

export interface SlackWebApiOptions {
  /** Base URL ending in "/", e.g. https://slack.com/api/ (method names are appended). */
  readonly apiUrl: string;
  /** The bot token (xoxb-…), sent as Authorization: Bearer. */
  readonly botToken: string;
  readonly fetchTimeoutMs?: number;
}

export interface SlackIdentity {
  /** The bot's user id: mentions look like <@userId>, and its own messages carry it. */
  readonly userId: string;
  readonly botId: string | null;
  readonly teamId: string;
}

export interface PostMessageArgs {
  readonly channel: string;
  /** Reply in this thread. */
  readonly thread_ts?: string | null;
  readonly text: string;
  readonly blocks?: readonly SlackBlock[];
}

export interface PostedMessage {
  readonly ts: string;
  readonly channel: string;
}

export interface UploadFileArgs {
  readonly channelId: string;
  readonly threadTs: string | null;
  readonly filename: string;
  /** Shown above the image, and given as its alt text. */
  readonly title: string;
  readonly png: Buffer;
}

/** What a response_url takes: a message plus where it shows. */
export interface ResponseUrlBody {
  readonly response_type: "in_channel" | "ephemeral";
  readonly replace_original: boolean;
  readonly text: string;
  readonly blocks?: readonly SlackBlock[];
}

export interface SlackWebApi {
  authTest(): Promise<SlackIdentity>;
  postMessage(args: PostMessageArgs): Promise<PostedMessage>;
  /** conversations.open with one user: the id (D…) of the app's direct messages with them. */
  openDirectMessage(userId: string): Promise<string>;
  /** files.getUploadURLExternal, the bytes to the upload URL, files.completeUploadExternal (files.upload is retired). */
  uploadFile(args: UploadFileArgs): Promise<{ readonly fileId: string }>;
  postToResponseUrl(url: string, body: ResponseUrlBody): Promise<void>;
}

const openResult = z.object({ ok: z.literal(true), channel: z.object({ id: z.string().min(1) }) });

/** Every Web API method answers `{ ok: false, error }` on failure, usually with HTTP 200. */
const failureSchema = z.object({ ok: z.literal(false), error: z.string().min(1) });

const authTestResult = z.object({ ok: z.literal(true), user_id: z.string().min(1), team_id: z.string().min(1), bot_id: z.string().min(1).optional() });
const postMessageResult = z.object({ ok: z.literal(true), channel: z.string().min(1), ts: z.string().min(1) });
const uploadUrlResult = z.object({ ok: z.literal(true), upload_url: z.string().url(), file_id: z.string().min(1) });
const completeUploadResult = z.object({ ok: z.literal(true), files: z.array(z.object({ id: z.string().min(1) })).min(1) });
/** A response_url answers "ok" as text, or JSON in the Web API's shape. */
const responseUrlJson = z.object({ ok: z.boolean(), error: z.string().min(1).optional() });

interface RawResponse {
  readonly status: number;
  readonly headers: Headers;
  readonly body: string;
}

/** Maps one of Slack's `error` codes to how the caller should react. */
export function failureForSlackError(code: string, retryAfterHeader: string | null): ProviderFailure {
  if (RATE_LIMIT_ERRORS.has(code)) return { kind: "rate_limited", retryAfterMs: retryAfterMs(retryAfterHeader, RATE_LIMIT_FALLBACK_MS) };
  if (AUTH_ERRORS.has(code)) return { kind: "auth" };
  if (TRANSIENT_ERRORS.has(code)) return { kind: "transient" };
  return { kind: "permanent" };
}

export function createSlackWebApi(options: SlackWebApiOptions): SlackWebApi {
  const timeoutMs = options.fetchTimeoutMs ?? DEFAULT_FETCH_TIMEOUT_MS;
  const baseUrl = options.apiUrl.endsWith("/") ? options.apiUrl : `${options.apiUrl}/`;

  async function send(url: string, init: RequestInit, what: string): Promise<RawResponse> {
    try {
      const response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) });
      return { status: response.status, headers: response.headers, body: await response.text() };
    } catch (error) {
      // Refused connections, resets, DNS failures and our own timeout all end here.
      throw new ProviderError(PROVIDER, { kind: "transient" }, `${what} failed: ${describeFetchError(error, timeoutMs)}`);
    }
  }

  /** The HTTP-level failures every Slack endpoint shares; returns when the status says nothing. */
  function throwForStatus(response: RawResponse, what: string, code: string | null): void {
    if (response.status === 429) {
      const retryAfter = retryAfterMs(response.headers.get("retry-after"), RATE_LIMIT_FALLBACK_MS);
      throw new ProviderError(PROVIDER, { kind: "rate_limited", retryAfterMs: retryAfter }, `${what}: rate limited`, code ?? "ratelimited");
    }
    if (response.status >= 500) throw new ProviderError(PROVIDER, { kind: "transient" }, `${what}: HTTP ${response.status}`, code);
  }

  function parseJson(body: string): unknown {
    try {
      return JSON.parse(body);
    } catch {
      return undefined;
    }
  }

  async function callMethod<S extends z.ZodType>(
    method: string,
    successSchema: S,
    body: { readonly json: unknown } | { readonly form: Readonly<Record<string, string>> },
  ): Promise<z.output<S>> {
    const encoded =
      "json" in body
        ? { contentType: "application/json; charset=utf-8", payload: JSON.stringify(body.json) }
        : { contentType: "application/x-www-form-urlencoded", payload: new URLSearchParams(body.form).toString() };
    const response = await send(
      `${baseUrl}${method}`,
      { method: "POST", headers: { authorization: `Bearer ${options.botToken}`, "content-type": encoded.contentType }, body: encoded.payload },
      method,
    );
    const json = parseJson(response.body);
    const failure = failureSchema.safeParse(json);
    const slackError = failure.success ? failure.data.error : null;
    throwForStatus(response, method, slackError);
    if (slackError !== null) {
      throw new ProviderError(PROVIDER, failureForSlackError(slackError, response.headers.get("retry-after")), `${method}: ${slackError}`, slackError);
    }
    const parsed = successSchema.safeParse(json);
    if (parsed.success) return parsed.data;
    if (response.status >= 400) throw new ProviderError(PROVIDER, { kind: "permanent" }, `${method}: HTTP ${response.status}`, `http_${response.status}`);
    // A garbled 2xx is a proxy or network fault more often than a contract change: worth a retry.
    throw new ProviderError(PROVIDER, { kind: "transient" }, `${method}: unexpected response (HTTP ${response.status})`);
  }

  return {
    async authTest() {
      const result = await callMethod("auth.test", authTestResult, { form: {} });
      return { userId: result.user_id, botId: result.bot_id ?? null, teamId: result.team_id };
    },

    async postMessage(args) {
      const json = { channel: args.channel, text: args.text, ...(args.thread_ts ? { thread_ts: args.thread_ts } : {}), ...(args.blocks ? { blocks: args.blocks } : {}) };
      const result = await callMethod("chat.postMessage", postMessageResult, { json });
      return { ts: result.ts, channel: result.channel };
    },

    async openDirectMessage(userId) {
      const result = await callMethod("conversations.open", openResult, { form: { users: userId } });
      return result.channel.id;
    },

    async uploadFile(args) {
      // files.getUploadURLExternal is documented for form encoding only.
      const target = await callMethod("files.getUploadURLExternal", uploadUrlResult, {
        form: { filename: args.filename, length: String(args.png.length), alt_txt: args.title },
      });
      // The upload URL is pre-signed: it needs no token, so the token does not leave for it.
      const uploaded = await send(target.upload_url, { method: "POST", headers: { "content-type": "application/octet-stream" }, body: args.png }, "file upload");
      throwForStatus(uploaded, "file upload", null);
      if (uploaded.status !== 200) throw new ProviderError(PROVIDER, { kind: "permanent" }, `file upload: HTTP ${uploaded.status}`, `upload_http_${uploaded.status}`);
      const json = { files: [{ id: target.file_id, title: args.title }], channel_id: args.channelId, ...(args.threadTs ? { thread_ts: args.threadTs } : {}) };
      const completed = await callMethod("files.completeUploadExternal", completeUploadResult, { json });
      return { fileId: completed.files[0]?.id ?? target.file_id };
    },

    async postToResponseUrl(url, body) {
      const response = await send(url, { method: "POST", headers: { "content-type": "application/json; charset=utf-8" }, body: JSON.stringify(body) }, "response_url");
      const json = responseUrlJson.safeParse(parseJson(response.body));
      const slackError = json.success && !json.data.ok ? (json.data.error ?? "unknown_error") : null;
      throwForStatus(response, "response_url", slackError);
      if (response.status < 300 && slackError === null) return;
      // expired_url and used_url (HTTP 404, as text or JSON), no_text…: this URL will not take the message.
      const text = response.body.trim();
      const code = slackError ?? (/^[a-z_]{1,64}$/.test(text) ? text : `http_${response.status}`);
      const failure = slackError !== null ? failureForSlackError(slackError, response.headers.get("retry-after")) : ({ kind: "permanent" } as const);
      throw new ProviderError(PROVIDER, failure, `response_url: ${code}`, code);
    },
  };
}

/** "timed out after 10000 ms", or fetch's message with the system error code (ECONNREFUSED…) it hides in `cause`. */
function describeFetchError(error: unknown, timeoutMs: number): string {
  if (!(error instanceof Error)) return String(error);
  if (error.name === "TimeoutError") return `timed out after ${timeoutMs} ms`;
  const cause: unknown = error.cause;
  const code = cause instanceof Error && "code" in cause && typeof cause.code === "string" ? cause.code : null;
  return code ? `${error.message} (${code})` : error.message;
}
