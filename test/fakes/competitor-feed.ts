/**
 * A competitor-price JSON feed on 127.0.0.1 for tests: serves scripted pages at /prices?page=N
 * (page 1 also at /prices), optionally behind a Bearer token (401 without it), records every
 * request, and can be scripted to fail the next requests the way real feeds do (429 with
 * Retry-After, 5xx, a body that is not JSON, an answer that never comes).
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FeedFailure =
  /** Answers this request normally (to fail a later one). */
  | { readonly kind: "pass" }
  | { readonly kind: "status"; readonly status: number; readonly retryAfter?: string; readonly body?: string }
  | { readonly kind: "not_json" }
  /** Holds the answer for delayMs (longer than the client's timeout). */
  | { readonly kind: "slow"; readonly delayMs: number };

export interface RecordedFeedRequest {
  readonly path: string;
  readonly authorization: string | null;
  readonly accept: string | null;
}

export interface FakeCompetitorFeedOptions {
  /** When set, requests without "Authorization: Bearer <token>" get 401. */
  readonly token?: string;
}

export interface FakeCompetitorFeed {
  /** The first page: http://127.0.0.1:PORT/prices */
  readonly url: string;
  readonly origin: string;
  readonly requests: readonly RecordedFeedRequest[];
  /** Page bodies, page 1 first (any JSON value, served as is). */
  setPages(pages: readonly unknown[]): void;
  /** The next requests fail like this, one failure each, in order ("pass" answers one normally). */
  failNext(...failures: readonly FeedFailure[]): void;
  /** Stops the server (again: nothing). */
  close(): Promise<void>;
}

function send(res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}): void {
  res.writeHead(status, { "content-type": "application/json", ...headers });
  res.end(body);
}

export async function startFakeCompetitorFeed(options: FakeCompetitorFeedOptions = {}): Promise<FakeCompetitorFeed> {
  let pages: readonly unknown[] = [];
  const failures: FeedFailure[] = [];
  const requests: RecordedFeedRequest[] = [];
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? "/", "http://127.0.0.1");
    requests.push({ path: `${url.pathname}${url.search}`, authorization: req.headers.authorization ?? null, accept: req.headers.accept ?? null });
    const failure = failures.shift();
    if (failure) {
      switch (failure.kind) {
        case "pass":
          break;
        case "status":
          return send(res, failure.status, failure.body ?? JSON.stringify({ error: `scripted ${failure.status}` }), failure.retryAfter === undefined ? {} : { "retry-after": failure.retryAfter });
        case "not_json":
          res.writeHead(200, { "content-type": "text/html" });
          return res.end("<html><body>Maintenance</body></html>");
        case "slow": {
          const timer = setTimeout(() => {
            timers.delete(timer);
            send(res, 200, "[]");
          }, failure.delayMs);
          timers.add(timer);
          return;
        }
      }
    }
    if (options.token !== undefined && req.headers.authorization !== `Bearer ${options.token}`) {
      return send(res, 401, JSON.stringify({ error: "invalid or missing token" }));
    }
    if (url.pathname !== "/prices") return send(res, 404, JSON.stringify({ error: "not found" }));
    const page = Number(url.searchParams.get("page") ?? "1");
    if (!Number.isInteger(page) || page < 1 || page > pages.length) return send(res, 404, JSON.stringify({ error: `no page ${url.searchParams.get("page")}` }));
    send(res, 200, JSON.stringify(pages[page - 1]));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;

  return {
    url: `${origin}/prices`,
    origin,
    requests,
    setPages(next) {
      pages = next;
    },
    failNext(...next) {
      failures.push(...next);
    },
    async close() {
      if (!server.listening) return;
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve())));
    },
  };
}
