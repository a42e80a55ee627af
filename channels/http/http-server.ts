/**
 * The one HTTP server every channel shares (`npm start`): a small route table over node:http.
 * Webhook routes get the raw body as bytes (signatures are computed over the exact bytes), read
 * once with a size limit; /healthz reports which channels are on; anything else falls through to
 * the local web chat.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "../../lib/logger.ts";

export type RawBodyHandler = (req: IncomingMessage, res: ServerResponse, rawBody: Buffer) => Promise<void>;

export interface Route {
  readonly path: string;
  /** Methods this route answers; others get 405. */
  readonly methods: readonly string[];
  readonly handle: RawBodyHandler;
  /** Largest body accepted (413 above). */
  readonly maxBodyBytes: number;
}

export interface HttpServerOptions {
  readonly host: string;
  readonly port: number;
  readonly routes: readonly Route[];
  /** Requests no route matches (the web chat reads its own body). */
  readonly fallback: (req: IncomingMessage, res: ServerResponse) => Promise<void>;
  /** What /healthz reports besides ok. */
  readonly health: () => Promise<Record<string, unknown>>;
  readonly logger: Logger;
}

export interface RunningServer {
  readonly url: string;
  readonly port: number;
  close(): Promise<void>;
}

class BodyTooLarge extends Error {}

async function readRawBody(req: IncomingMessage, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk));
    size += buffer.length;
    if (size > maxBytes) throw new BodyTooLarge();
    chunks.push(buffer);
  }
  return Buffer.concat(chunks);
}

function sendJson(res: ServerResponse, status: number, value: unknown): void {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(value));
}

export function requestHandler(options: Omit<HttpServerOptions, "host" | "port">) {
  const routes = new Map(options.routes.map((route) => [route.path, route]));
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    try {
      if (path === "/healthz" && req.method === "GET") return sendJson(res, 200, { ok: true, ...(await options.health()) });
      const route = routes.get(path);
      if (!route) return await options.fallback(req, res);
      if (!route.methods.includes(req.method ?? "")) {
        res.setHeader("allow", route.methods.join(", "));
        return sendJson(res, 405, { error: `use ${route.methods.join(" or ")} here` });
      }
      const body = await readRawBody(req, route.maxBodyBytes);
      await route.handle(req, res, body);
    } catch (error) {
      if (error instanceof BodyTooLarge) return sendJson(res, 413, { error: "the request is too large" });
      options.logger.error("request failed", { error, path, method: req.method });
      sendJson(res, 500, { error: "something went wrong; it was logged" });
    }
  };
}

export async function startHttpServer(options: HttpServerOptions): Promise<RunningServer> {
  const handler = requestHandler(options);
  const server: Server = createServer((req, res) => void handler(req, res));
  // Slack and Meta keep connections alive; do not let an idle socket hold shutdown.
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, resolve);
  });
  const address = server.address() as AddressInfo;
  const host = options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host;
  return {
    url: `http://${host}:${address.port}`,
    port: address.port,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
