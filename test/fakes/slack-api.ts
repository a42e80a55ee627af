/**
 * A fake Slack Web API on 127.0.0.1 for tests: the methods the Slack channel calls (auth.test,
 * chat.postMessage, files.getUploadURLExternal, files.completeUploadExternal), the upload URL it
 * hands out, and slash-command response_urls. Response shapes follow
 * /work/shared/specs/slack/slack_web_openapi_v2.json and Slack's method docs; every call is
 * recorded, and the next calls of a method can be scripted to fail (HTTP 429 or `{ok:false}`).
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";

export interface RecordedSlackCall {
  /** A Web API method name, "upload" (the upload URL) or "response_url". */
  readonly method: string;
  /** JSON bodies parsed; form bodies as a string map; the upload as { length }. */
  readonly body: Record<string, unknown>;
  readonly raw: Buffer;
  readonly headers: IncomingHttpHeaders;
  /** The path's last segment for upload and response_url calls (the file id or the hook id). */
  readonly target: string | null;
}

export type ScriptedFailure =
  /** HTTP 429 with Retry-After and `{ ok: false, error: "ratelimited" }`, as Slack throttles. */
  | { readonly kind: "rate_limited"; readonly retryAfterSeconds: number }
  /** `{ ok: false, error }` with HTTP 200 (Slack's usual), or another status. */
  | { readonly kind: "error"; readonly error: string; readonly status?: number }
  /** A bare HTTP status with a non-JSON body (a proxy or load balancer answering). */
  | { readonly kind: "http"; readonly status: number };

export interface FakeSlackApiOptions {
  readonly botToken: string;
  readonly botUserId?: string;
  readonly botId?: string;
  readonly teamId?: string;
}

export interface FakeSlackApi {
  /** The Web API base, ending in "/api/" (SlackSettings.apiUrl). */
  readonly apiUrl: string;
  readonly origin: string;
  readonly calls: readonly RecordedSlackCall[];
  callsTo(method: string): RecordedSlackCall[];
  /** A slash command response_url served by this fake. */
  responseUrl(id?: string): string;
  /** The bytes uploaded for a file id. */
  uploaded(fileId: string): Buffer | undefined;
  /** Answers the next `times` calls of `method` ("chat.postMessage", "upload", "response_url"…) with `failure`. */
  failNext(method: string, failure: ScriptedFailure, times?: number): void;
  close(): Promise<void>;
}

const completeFilesSchema = z.array(z.object({ id: z.string(), title: z.string().optional() })).min(1);

/** Slack accepts five posts per response_url. */
const RESPONSE_URL_USES = 5;

export async function startFakeSlackApi(options: FakeSlackApiOptions): Promise<FakeSlackApi> {
  const botUserId = options.botUserId ?? "U0BIZOSBOT";
  const botId = options.botId ?? "B0BIZOSBOT";
  const teamId = options.teamId ?? "T0FAKETEAM";
  const calls: RecordedSlackCall[] = [];
  const scripts = new Map<string, { failure: ScriptedFailure; remaining: number }[]>();
  const pendingUploads = new Map<string, { filename: string; length: number }>();
  const uploads = new Map<string, Buffer>();
  const responseUrlUses = new Map<string, number>();
  let sequence = 0;
  let origin = "";

  const nextTs = () => `1700000${String(100 + (sequence += 1)).padStart(3, "0")}.000${String(sequence).padStart(3, "0")}`;

  function takeScript(method: string): ScriptedFailure | null {
    const queue = scripts.get(method);
    const head = queue?.[0];
    if (!queue || !head) return null;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.failure;
  }

  function sendJson(res: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
    res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
    res.end(JSON.stringify(value));
  }

  function sendScripted(res: ServerResponse, failure: ScriptedFailure): void {
    switch (failure.kind) {
      case "rate_limited":
        return sendJson(res, 429, { ok: false, error: "ratelimited" }, { "retry-after": String(failure.retryAfterSeconds) });
      case "error":
        return sendJson(res, failure.status ?? 200, { ok: false, error: failure.error });
      case "http":
        res.writeHead(failure.status, { "content-type": "text/html" });
        res.end(`<html><body>${failure.status}</body></html>`);
        return;
    }
  }

  function parseBody(raw: Buffer, contentType: string | undefined): Record<string, unknown> {
    const text = raw.toString("utf8");
    if (contentType?.startsWith("application/json")) {
      const parsed: unknown = JSON.parse(text);
      return typeof parsed === "object" && parsed !== null && !Array.isArray(parsed) ? { ...parsed } : {};
    }
    return Object.fromEntries(new URLSearchParams(text));
  }

  /** The Web API methods: Slack answers HTTP 200 with `ok: false` for errors, auth errors included. */
  function apiMethod(method: string, body: Record<string, unknown>, headers: IncomingHttpHeaders, res: ServerResponse): void {
    const auth = headers.authorization;
    if (auth === undefined) return sendJson(res, 200, { ok: false, error: "not_authed" });
    if (auth !== `Bearer ${options.botToken}`) return sendJson(res, 200, { ok: false, error: "invalid_auth" });
    switch (method) {
      case "auth.test":
        return sendJson(res, 200, { ok: true, url: "https://fake-team.slack.com/", team: "Fake Team", user: "bizos", team_id: teamId, user_id: botUserId, bot_id: botId, is_enterprise_install: false });
      case "chat.postMessage": {
        const channel = typeof body.channel === "string" ? body.channel : "";
        if (!/^[CDG][A-Z0-9]+$/.test(channel)) return sendJson(res, 200, { ok: false, error: "channel_not_found" });
        if (typeof body.text !== "string" && body.blocks === undefined) return sendJson(res, 200, { ok: false, error: "no_text" });
        const ts = nextTs();
        const message = { type: "message", subtype: "bot_message", text: body.text, ts, bot_id: botId, user: botUserId, ...(body.thread_ts ? { thread_ts: body.thread_ts } : {}) };
        return sendJson(res, 200, { ok: true, channel, ts, message });
      }
      case "conversations.open": {
        // One user opens (or resumes) the 1:1 DM with the app; its id is stable per user.
        const users = typeof body.users === "string" ? body.users.split(",").filter((u) => u !== "") : [];
        if (users.length !== 1 || !/^[UW][A-Z0-9]+$/.test(users[0]!)) return sendJson(res, 200, { ok: false, error: users.length === 0 ? "users_list_not_supplied" : "user_not_found" });
        return sendJson(res, 200, { ok: true, channel: { id: `D${users[0]!.slice(1)}` } });
      }
      case "files.getUploadURLExternal": {
        const length = Number(body.length);
        if (typeof body.filename !== "string" || body.filename === "" || !Number.isInteger(length) || length <= 0) {
          return sendJson(res, 200, { ok: false, error: "invalid_arguments" });
        }
        const fileId = `F0FAKE${String((sequence += 1)).padStart(4, "0")}`;
        pendingUploads.set(fileId, { filename: body.filename, length });
        return sendJson(res, 200, { ok: true, upload_url: `${origin}/upload/v1/${fileId}`, file_id: fileId });
      }
      case "files.completeUploadExternal": {
        // Form callers send `files` as a JSON string, JSON callers as an array.
        const files = completeFilesSchema.safeParse(typeof body.files === "string" ? JSON.parse(body.files) : body.files);
        if (!files.success) return sendJson(res, 200, { ok: false, error: "invalid_arguments" });
        const completed: Record<string, unknown>[] = [];
        for (const file of files.data) {
          const pending = pendingUploads.get(file.id);
          if (!pending || !uploads.has(file.id)) return sendJson(res, 200, { ok: false, error: "file_not_found" });
          completed.push({ id: file.id, name: pending.filename, title: file.title ?? pending.filename, mimetype: "image/png", filetype: "png", size: pending.length });
        }
        return sendJson(res, 200, { ok: true, files: completed });
      }
      default:
        return sendJson(res, 200, { ok: false, error: "unknown_method" });
    }
  }

  async function route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
    const raw = Buffer.concat(chunks);
    const path = new URL(req.url ?? "/", origin).pathname;
    const apiMatch = /^\/api\/([\w.]+)$/.exec(path);
    const uploadMatch = /^\/upload\/v1\/(\w+)$/.exec(path);
    const hookMatch = /^\/commands\/([\w-]+)$/.exec(path);
    const method = apiMatch?.[1] ?? (uploadMatch ? "upload" : hookMatch ? "response_url" : null);
    if (method === null) {
      res.writeHead(404).end();
      return;
    }
    const target = uploadMatch?.[1] ?? hookMatch?.[1] ?? null;
    const body = method === "upload" ? { length: raw.length } : parseBody(raw, req.headers["content-type"]);
    calls.push({ method, body, raw, headers: req.headers, target });

    const scripted = takeScript(method);
    if (scripted) return sendScripted(res, scripted);

    if (apiMatch) return apiMethod(method, body, req.headers, res);
    if (uploadMatch && target !== null) {
      const pending = pendingUploads.get(target);
      if (!pending) {
        res.writeHead(404, { "content-type": "text/plain" }).end("file not found");
        return;
      }
      uploads.set(target, raw);
      res.writeHead(200, { "content-type": "text/plain" }).end(`OK - ${raw.length}`);
      return;
    }
    const uses = (responseUrlUses.get(target ?? "") ?? 0) + 1;
    responseUrlUses.set(target ?? "", uses);
    if (uses > RESPONSE_URL_USES) return sendJson(res, 404, { ok: false, error: "used_url" });
    if (typeof body.text !== "string" && body.blocks === undefined) return sendJson(res, 200, { ok: false, error: "no_text" });
    res.writeHead(200, { "content-type": "text/html" }).end("ok");
  }

  const server = createServer((req, res) => {
    route(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    apiUrl: `${origin}/api/`,
    origin,
    calls,
    callsTo: (method) => calls.filter((call) => call.method === method),
    responseUrl: (id = "T0FAKETEAM1234") => `${origin}/commands/${id}`,
    uploaded: (fileId) => uploads.get(fileId),
    failNext(method, failure, times = 1) {
      const queue = scripts.get(method) ?? [];
      queue.push({ failure, remaining: times });
      scripts.set(method, queue);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
