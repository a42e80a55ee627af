/**
 * A stand-in for MercadoLibre's API on 127.0.0.1: GET and PUT /items/{id} and
 * GET /pricing-automation/items/{id}/automation with a Bearer token, answering in MercadoLibre's
 * error shape ({message, error, status, cause[]}). Items whose price automation is ACTIVE refuse
 * price edits as MercadoLibre does since March 2026: a PUT with only `price` is a 400
 * item.price.not_modifiable, a PUT with other fields too is a 200 whose price is ignored with a
 * warning. It records every price write and can be scripted to fail or to change a price or an
 * automation behind the client's back.
 */
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type FakeAutomationStatus = "ACTIVE" | "PAUSED";

export interface FakeMercadoLibreItem {
  readonly id: string;
  readonly price: number;
  readonly currencyId: string;
  readonly sellerId: number;
  readonly automation?: FakeAutomationStatus | null;
  /** The lowest price MercadoLibre accepts for the item's category (none when absent). */
  readonly minimumPrice?: number;
}

export interface FakeMercadoLibreWrite {
  readonly itemId: string;
  readonly price: number;
}

export interface FakeMercadoLibreFailure {
  readonly status: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface FakeMercadoLibreApi {
  readonly url: string;
  readonly requests: readonly { readonly method: string; readonly path: string }[];
  readonly writes: readonly FakeMercadoLibreWrite[];
  /** Scripts the next requests (only those whose path starts with pathPrefix, when given). */
  failNext(failure: FakeMercadoLibreFailure, times?: number, pathPrefix?: string): void;
  priceOf(itemId: string): number | undefined;
  setPrice(itemId: string, price: number): void;
  setAutomation(itemId: string, status: FakeAutomationStatus | null): void;
  close(): Promise<void>;
}

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

const mlError = (status: number, error: string, message: string, cause: readonly unknown[] = []): Reply => ({ status, body: { message, error, status, cause } });
const validationError = (code: string, message: string): Reply =>
  mlError(400, "validation_error", "Validation error", [{ department: "items", cause_id: 1, type: "error", code, references: ["item.price"], message }]);

export async function startFakeMercadoLibreApi(options: { readonly accessToken: string; readonly items: readonly FakeMercadoLibreItem[] }): Promise<FakeMercadoLibreApi> {
  const items = new Map(options.items.map((item) => [item.id, { ...item, automation: item.automation ?? null }]));
  const requests: { method: string; path: string }[] = [];
  const writes: FakeMercadoLibreWrite[] = [];
  const failures: { failure: FakeMercadoLibreFailure; pathPrefix: string }[] = [];

  const itemJson = (item: NonNullable<ReturnType<typeof items.get>>, extra: Record<string, unknown> = {}) => ({
    id: item.id,
    site_id: item.id.slice(0, 3),
    title: `Item ${item.id}`,
    seller_id: item.sellerId,
    price: item.price,
    base_price: item.price,
    currency_id: item.currencyId,
    status: "active",
    tags: item.automation === "ACTIVE" ? ["dynamic_standard_price"] : [],
    ...extra,
  });

  function answer(method: string, path: string, body: string, authorization: string | undefined): Reply {
    if (authorization !== `Bearer ${options.accessToken}`) return mlError(401, "unauthorized", "invalid access token");
    const index = failures.findIndex((entry) => path.startsWith(entry.pathPrefix));
    if (index >= 0) {
      const { failure } = failures.splice(index, 1)[0]!;
      return { status: failure.status, body: failure.body ?? { message: "scripted", error: "scripted", status: failure.status, cause: [] }, headers: failure.headers };
    }
    const automationRoute = /^\/pricing-automation\/items\/([A-Z]{3}\d+)\/automation$/.exec(path);
    if (automationRoute && method === "GET") {
      const item = items.get(automationRoute[1]!);
      if (!item) return mlError(404, "not_found", `Item ${automationRoute[1]} not found`);
      if (item.automation === null) return mlError(404, "not_found", `Automation not found for item ${item.id}`);
      return { status: 200, body: { item_id: item.id, item_rule: { rule_id: "INT" }, status: item.automation, min_price: item.price * 0.8, max_price: item.price * 1.2 } };
    }
    const itemRoute = /^\/items\/([A-Z]{3}\d+)$/.exec(path);
    if (!itemRoute) return mlError(404, "not_found", `Resource ${path} not found`);
    const item = items.get(itemRoute[1]!);
    if (!item) return mlError(404, "not_found", `Item with id ${itemRoute[1]} not found`);
    if (method === "GET") return { status: 200, body: itemJson(item) };
    if (method !== "PUT") return mlError(405, "method_not_allowed", `Method ${method} not allowed`);

    let update: Record<string, unknown>;
    try {
      update = JSON.parse(body) as Record<string, unknown>;
    } catch {
      return mlError(400, "bad_request", "Malformed JSON body");
    }
    if (!("price" in update)) return { status: 200, body: itemJson(item) };
    if (item.automation === "ACTIVE") {
      const message = "The price of an item with an active price automation cannot be modified.";
      if (Object.keys(update).length === 1) return validationError("item.price.not_modifiable", message);
      return { status: 200, body: itemJson(item, { warnings: [{ code: "item.price.not_modifiable", message }] }) };
    }
    const price = update.price;
    if (typeof price !== "number" || !Number.isFinite(price) || price <= 0) return validationError("item.price.invalid", "The price must be a number greater than zero.");
    if (item.minimumPrice !== undefined && price < item.minimumPrice) return validationError("item.price.invalid", `The price must be greater than or equal to ${item.minimumPrice}.`);
    item.price = price;
    writes.push({ itemId: item.id, price });
    return { status: 200, body: itemJson(item) };
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const method = req.method ?? "GET";
      const path = new URL(req.url ?? "/", "http://fake").pathname;
      requests.push({ method, path });
      const reply = answer(method, path, Buffer.concat(chunks).toString("utf8"), req.headers.authorization);
      res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...reply.headers });
      res.end(typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  const find = (itemId: string) => {
    const item = items.get(itemId);
    if (!item) throw new Error(`no item ${itemId} in the fake`);
    return item;
  };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    writes,
    failNext(failure, times = 1, pathPrefix = "") {
      for (let i = 0; i < times; i += 1) failures.push({ failure, pathPrefix });
    },
    priceOf: (itemId) => items.get(itemId)?.price,
    setPrice(itemId, price) {
      find(itemId).price = price;
    },
    setAutomation(itemId, status) {
      find(itemId).automation = status;
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
