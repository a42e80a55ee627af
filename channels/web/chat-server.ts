/**
 * The local web chat: a page for trying the assistant in a browser, and the JSON endpoint it calls.
 * Every message becomes the same conversation turn as `bizos ask`, recorded as the channels record
 * theirs (channel "web", the chat's thread, no member: the owner) so conversation memory has it too.
 * Meant for localhost.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { z } from "zod";
import type { ConversationRuntime } from "../../agents/turn-types.ts";
import type { Db } from "../../db/database.ts";
import { findWorkspaceBySlug, listWorkspaces } from "../../db/repositories/workspaces.ts";
import type { Clock } from "../../lib/clock.ts";
import type { Logger } from "../../lib/logger.ts";
import { answeredTurn, recordOwnerTurn } from "../inbound/turn-record.ts";
import { CHAT_PAGE } from "./chat-page.ts";

const MAX_BODY_BYTES = 16 * 1024;

const chatRequestSchema = z.object({
  workspace: z.string().min(1).max(100),
  text: z.string().trim().min(1, "the message is empty").max(2000, "the message is too long (2,000 characters at most)"),
  thread: z.string().min(1).max(100).nullable().optional(),
});

export interface WebChatOptions {
  readonly runtime: ConversationRuntime;
  readonly db: Db;
  readonly clock: Clock;
  readonly logger: Logger;
  readonly port: number;
  readonly host: string;
}

export interface WebChatServer {
  readonly url: string;
  close(): Promise<void>;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function send(res: ServerResponse, status: number, body: string, type: string): void {
  res.writeHead(status, { "content-type": type, "cache-control": "no-store", "x-content-type-options": "nosniff" });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) => send(res, status, JSON.stringify(value), "application/json; charset=utf-8");

async function readBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > MAX_BODY_BYTES) throw new HttpError(413, "the request is too large");
    chunks.push(buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8"));
  } catch {
    throw new HttpError(400, "the body must be JSON: { workspace, text, thread? }");
  }
}

export function webChatHandler(options: Omit<WebChatOptions, "port" | "host">) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    try {
      if (req.method === "GET" && path === "/") return send(res, 200, CHAT_PAGE, "text/html; charset=utf-8");
      if (req.method === "GET" && path === "/healthz") return sendJson(res, 200, { ok: true });
      if (req.method === "GET" && path === "/api/workspaces") {
        const workspaces = await listWorkspaces(options.db);
        return sendJson(res, 200, workspaces.map((workspace) => ({ slug: workspace.slug, name: workspace.name, locale: workspace.locale })));
      }
      if (path === "/api/chat") {
        if (req.method !== "POST") throw new HttpError(405, "POST a message here");
        const parsed = chatRequestSchema.safeParse(await readBody(req));
        if (!parsed.success) throw new HttpError(400, parsed.error.issues.map((issue) => `${issue.path.join(".") || "body"}: ${issue.message}`).join("; "));
        const workspace = await findWorkspaceBySlug(options.db, parsed.data.workspace);
        if (!workspace) throw new HttpError(404, `no workspace "${parsed.data.workspace}"`);
        const askedAt = options.clock.now();
        const result = await options.runtime.runTurn({ workspace, text: parsed.data.text, thread: parsed.data.thread ?? null, now: askedAt });
        await recordOwnerTurn(options.db, { workspaceId: workspace.id, channel: "web", threadKey: result.thread, question: parsed.data.text, askedAt, answered: answeredTurn(result, options.clock.now()) });
        return sendJson(res, 200, result);
      }
      throw new HttpError(404, "not found");
    } catch (error) {
      if (error instanceof HttpError) return sendJson(res, error.status, { error: error.message });
      options.logger.error("web chat request failed", { error, path });
      return sendJson(res, 500, { error: "something went wrong answering that; it was logged" });
    }
  };
}

export async function startWebChat(options: WebChatOptions): Promise<WebChatServer> {
  const handler = webChatHandler(options);
  const server = createServer((req, res) => void handler(req, res));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address() as AddressInfo;
  return {
    url: `http://${options.host}:${address.port}/`,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
