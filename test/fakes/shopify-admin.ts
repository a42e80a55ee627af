/**
 * A stand-in for Shopify's Admin GraphQL API (2026-04) on 127.0.0.1. It keeps the real contract:
 * the X-Shopify-Access-Token header (401 with Shopify's error body), every document validated
 * against Shopify's published 2026-04 schema (an invalid one gets HTTP 200 with `errors`, as Shopify
 * answers), the calculated query cost (shopify-admin-cost.ts: MAX_COST_EXCEEDED over 1000 points)
 * and the cost-based leaky bucket (THROTTLED with extensions.cost when a document costs more than
 * is available), run by graphql-js over an in-memory shop (shopify-admin-store.ts): shop,
 * productVariant, product(s) and order(s) with cursor pagination, sortKey and the updated_at search
 * filter (shopify-admin-search.ts), and productVariantsBulkUpdate. It records every price write and
 * can be scripted to fail, to drain the bucket, to change a price behind the client's back, and to
 * add or change products, stock and orders between a client's calls.
 */
import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { gunzipSync } from "node:zlib";
import { buildClientSchema, execute, getOperationAST, parse, validate, type DocumentNode, type GraphQLError, type GraphQLSchema, type IntrospectionQuery } from "graphql";
import { estimateShopifyCost, SHOPIFY_MAX_QUERY_COST } from "./shopify-admin-cost.ts";
import { createFakeShopifyStore, type FakeShopifyOrder, type FakeShopifyProduct } from "./shopify-admin-store.ts";

export { estimateShopifyCost, SHOPIFY_MAX_QUERY_COST } from "./shopify-admin-cost.ts";
export { fakeOrderTotals } from "./shopify-admin-store.ts";
export type { FakeShopifyAddress, FakeShopifyFinancialStatus, FakeShopifyLineItem, FakeShopifyOrder, FakeShopifyProduct, FakeShopifyRefund, FakeShopifyVariant } from "./shopify-admin-store.ts";

/** Shopify's published Admin API schema (introspection of 2026-04), copied from ../shared/specs/shopify with its licences. */
export const SHOPIFY_ADMIN_SCHEMA_PATH = new URL("../fixtures/specs/shopify/admin_2026-04.introspection.json.gz", import.meta.url);

let cachedSchema: GraphQLSchema | null = null;

/** The Admin GraphQL 2026-04 schema, built once per process from the introspection JSON. */
export function loadShopifyAdminSchema(): GraphQLSchema {
  if (cachedSchema) return cachedSchema;
  const introspection = JSON.parse(gunzipSync(readFileSync(SHOPIFY_ADMIN_SCHEMA_PATH)).toString("utf8")) as { data: IntrospectionQuery };
  cachedSchema = buildClientSchema(introspection.data);
  return cachedSchema;
}

/** Validation errors of a document against the Admin schema: [] when Shopify would run it. */
export function validateShopifyDocument(query: string): readonly GraphQLError[] {
  const schema = loadShopifyAdminSchema();
  let document: DocumentNode;
  try {
    document = parse(query);
  } catch (error) {
    return [error as GraphQLError];
  }
  return validate(schema, document);
}

export interface FakeShopifyWrite {
  readonly productId: string;
  readonly variantId: string;
  readonly price: string;
}

export interface FakeShopifyRequest {
  readonly operationName: string | null;
  readonly variables: Readonly<Record<string, unknown>>;
  readonly outcome: "ok" | "invalid" | "throttled" | "unauthorized" | "scripted";
}

/**
 * A scripted answer for the next request: an HTTP status (with body and headers), a hang until the
 * client gives up, a dropped connection, or the request run (a write applied) and then the
 * connection dropped before the answer, as when a response is lost on the way back.
 */
export type FakeShopifyFailure =
  | { readonly status: number; readonly body?: unknown; readonly headers?: Readonly<Record<string, string>> }
  | "hang"
  | "reset"
  | "apply_then_reset";

export interface FakeShopifyUserError {
  readonly field: readonly string[] | null;
  readonly message: string;
  readonly code: string | null;
}

export interface FakeShopifyAdminOptions {
  readonly accessToken: string;
  readonly currencyCode?: string;
  readonly products: readonly FakeShopifyProduct[];
  readonly orders?: readonly FakeShopifyOrder[];
  readonly maximumAvailable?: number;
  /** Cost points restored per second. */
  readonly restoreRate?: number;
  /** Milliseconds now, for the bucket's refill; tests share a virtual clock with the client. */
  readonly now?: () => number;
}

export interface FakeShopifyAdmin {
  /** The shop's base URL (no trailing slash), for baseUrl. */
  readonly url: string;
  readonly requests: readonly FakeShopifyRequest[];
  /** Every applied price change, in order. */
  readonly writes: readonly FakeShopifyWrite[];
  /** Scripts the next requests (only those of the named operation, when given). */
  failNext(failure: FakeShopifyFailure, times?: number, operationName?: string): void;
  /** The next productVariantsBulkUpdate answers these userErrors and changes nothing. */
  rejectNextWrite(userErrors: readonly FakeShopifyUserError[]): void;
  /** Sets how many cost points the bucket holds now. */
  setAvailable(points: number): void;
  readonly currentlyAvailable: number;
  priceOf(variantId: string): string | undefined;
  /** Changes a price as a person in the Shopify admin would: not recorded as our write. */
  setPrice(variantId: string, price: string): void;
  /** The shop's products and orders as they stand (orders with their totals in fakeOrderTotals). */
  readonly products: readonly FakeShopifyProduct[];
  readonly orders: readonly FakeShopifyOrder[];
  /** New products (their updatedAt defaults to now). */
  addProducts(...products: FakeShopifyProduct[]): void;
  /** Changes a product's title, vendor, type or status; its updatedAt moves to now. */
  updateProduct(productId: string, change: Partial<Pick<FakeShopifyProduct, "title" | "vendor" | "productType" | "status">>): void;
  /** A stock adjustment: the variant's inventoryQuantity changes and, as at Shopify, the product's updatedAt does not. */
  setInventory(variantId: string, quantity: number | null): void;
  addOrders(...orders: FakeShopifyOrder[]): void;
  /** Changes an order (a refund, a cancellation, an edit); its updatedAt moves to change.updatedAt, or now. */
  updateOrder(orderId: string, change: Partial<Omit<FakeShopifyOrder, "id">>): void;
  close(): Promise<void>;
}

const ENDPOINT = "/admin/api/2026-04/graphql.json";
const INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";

interface Reply {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export async function startFakeShopifyAdmin(options: FakeShopifyAdminOptions): Promise<FakeShopifyAdmin> {
  const schema = loadShopifyAdminSchema();
  const now = options.now ?? Date.now;
  const maximumAvailable = options.maximumAvailable ?? 1000;
  const restoreRate = options.restoreRate ?? 50;
  const currencyCode = options.currencyCode ?? "MXN";
  const store = createFakeShopifyStore({ currencyCode, now, products: options.products });
  const products = store.products;
  store.orders.push(...(options.orders ?? []));
  const requests: FakeShopifyRequest[] = [];
  const writes: FakeShopifyWrite[] = [];
  const failures: { readonly failure: FakeShopifyFailure; readonly operationName: string | null }[] = [];
  const rejections: (readonly FakeShopifyUserError[])[] = [];
  let available = maximumAvailable;
  let refilledAt = now();

  function refill(): void {
    const at = now();
    available = Math.min(maximumAvailable, available + (restoreRate * Math.max(0, at - refilledAt)) / 1000);
    refilledAt = at;
  }
  const throttleStatus = () => ({ maximumAvailable, currentlyAvailable: Math.floor(available), restoreRate });
  const findVariant = (id: string) => store.findVariant(id);

  const rootValue = {
    ...store.queryFields,
    productVariantsBulkUpdate: ({ productId, variants }: { productId: string; variants: readonly { id?: string | null; price?: string | null }[] }) => {
      const product = products.find((candidate) => candidate.id === productId);
      if (!product) return { product: null, productVariants: null, userErrors: [{ field: ["productId"], message: "Product does not exist", code: "PRODUCT_DOES_NOT_EXIST" }] };
      const scripted = rejections.shift();
      if (scripted) return { product: { id: product.id }, productVariants: null, userErrors: scripted };
      const userErrors = variants.flatMap((input, index) => {
        const variant = input.id ? product.variants.find((candidate) => candidate.id === input.id) : undefined;
        if (!input.id) return [{ field: ["variants", String(index), "id"], message: "Product variant is missing ID attribute", code: "PRODUCT_VARIANT_ID_MISSING" }];
        if (!variant) return [{ field: ["variants", String(index), "id"], message: "Product variant does not exist", code: "PRODUCT_VARIANT_DOES_NOT_EXIST" }];
        if (input.price != null && !/^\d+(\.\d+)?$/.test(input.price)) {
          const negative = /^-\d/.test(input.price);
          return [{ field: ["variants", String(index), "price"], message: negative ? "Price must be greater than or equal to 0" : "Price is invalid", code: negative ? "GREATER_THAN_OR_EQUAL_TO" : "INVALID_INPUT" }];
        }
        return [];
      });
      // Shopify applies all of the variants or none of them.
      if (userErrors.length > 0) return { product: { id: product.id }, productVariants: null, userErrors };
      const updated = variants.map((input) => {
        const variant = product.variants.find((candidate) => candidate.id === input.id)!;
        if (input.price != null) {
          variant.price = Number(input.price).toFixed(2);
          store.touchProduct(product);
          writes.push({ productId: product.id, variantId: variant.id, price: variant.price });
        }
        return { id: variant.id, price: variant.price };
      });
      return { product: { id: product.id }, productVariants: updated, userErrors: [] };
    },
  };

  function run(body: Buffer): Reply {
    let request: { query?: unknown; variables?: unknown; operationName?: unknown };
    try {
      request = JSON.parse(body.toString("utf8")) as typeof request;
    } catch {
      return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
    }
    if (typeof request.query !== "string") return { status: 400, body: { errors: { query: "Required parameter missing or invalid" } } };
    const variables = (typeof request.variables === "object" && request.variables !== null ? request.variables : {}) as Record<string, unknown>;
    let document: DocumentNode;
    try {
      document = parse(request.query);
    } catch (error) {
      requests.push({ operationName: null, variables, outcome: "invalid" });
      return { status: 200, body: { errors: [shopifyError(error as GraphQLError, "parseError")] } };
    }
    const operationName = getOperationAST(document)?.name?.value ?? null;
    const invalid = validate(schema, document);
    if (invalid.length > 0) {
      requests.push({ operationName, variables, outcome: "invalid" });
      return { status: 200, body: { errors: invalid.map((error) => shopifyError(error, "validationError")) } };
    }
    const cost = estimateShopifyCost(schema, document, variables);
    if (cost > SHOPIFY_MAX_QUERY_COST) {
      requests.push({ operationName, variables, outcome: "invalid" });
      return {
        status: 200,
        body: {
          errors: [
            {
              message: `Query cost is ${cost}, which exceeds the single query max cost limit (${SHOPIFY_MAX_QUERY_COST}).`,
              extensions: { code: "MAX_COST_EXCEEDED", cost, maxCost: SHOPIFY_MAX_QUERY_COST },
            },
          ],
        },
      };
    }
    refill();
    if (available < cost) {
      requests.push({ operationName, variables, outcome: "throttled" });
      return {
        status: 200,
        body: {
          errors: [{ message: "Throttled", extensions: { code: "THROTTLED", documentation: "https://shopify.dev/api/usage/rate-limits" } }],
          extensions: { cost: { requestedQueryCost: cost, actualQueryCost: null, throttleStatus: throttleStatus() } },
        },
      };
    }
    available -= cost;
    requests.push({ operationName, variables, outcome: "ok" });
    const result = execute({ schema, document, rootValue, variableValues: variables });
    if (result instanceof Promise) throw new Error("the fake's resolvers are synchronous");
    const errors = result.errors?.map((error) => shopifyError(error, error.path ? "INTERNAL_SERVER_ERROR" : "INVALID_VARIABLE"));
    return {
      status: 200,
      body: {
        ...(result.data !== undefined ? { data: result.data } : {}),
        ...(errors ? { errors } : {}),
        extensions: { cost: { requestedQueryCost: cost, actualQueryCost: cost, throttleStatus: throttleStatus() } },
      },
    };
  }

  function answer(req: IncomingMessage, body: Buffer): Reply | "hang" | "reset" {
    if (req.method !== "POST" || req.url !== ENDPOINT) return { status: 404, body: { errors: "Not Found" } };
    if (req.headers["x-shopify-access-token"] !== options.accessToken) {
      requests.push({ operationName: null, variables: {}, outcome: "unauthorized" });
      return { status: 401, body: { errors: INVALID_TOKEN } };
    }
    const operationName = operationNameOf(body);
    const index = failures.findIndex((entry) => entry.operationName === null || entry.operationName === operationName);
    const failure = index < 0 ? undefined : failures.splice(index, 1)[0]!.failure;
    if (failure === "apply_then_reset") {
      run(body);
      return "reset";
    }
    if (failure !== undefined) {
      requests.push({ operationName, variables: {}, outcome: "scripted" });
      return typeof failure === "string" ? failure : { status: failure.status, body: failure.body, headers: failure.headers };
    }
    return run(body);
  }

  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      let reply: Reply | "hang" | "reset";
      try {
        reply = answer(req, Buffer.concat(chunks));
      } catch (error) {
        reply = { status: 500, body: { errors: [{ message: String(error), extensions: { code: "INTERNAL_SERVER_ERROR" } }] } };
      }
      if (reply === "hang") return;
      if (reply === "reset") {
        req.socket.destroy();
        return;
      }
      const text = typeof reply.body === "string" ? reply.body : JSON.stringify(reply.body ?? { errors: "Internal Server Error" });
      res.writeHead(reply.status, { "content-type": "application/json; charset=utf-8", ...reply.headers });
      res.end(text);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    writes,
    failNext(failure, times = 1, operationName) {
      for (let i = 0; i < times; i += 1) failures.push({ failure, operationName: operationName ?? null });
    },
    rejectNextWrite(userErrors) {
      rejections.push(userErrors);
    },
    setAvailable(points) {
      refill();
      available = points;
    },
    get currentlyAvailable() {
      refill();
      return available;
    },
    priceOf: (variantId) => findVariant(variantId)?.variant.price,
    setPrice(variantId, price) {
      const found = findVariant(variantId);
      if (!found) throw new Error(`no variant ${variantId} in the fake catalog`);
      found.variant.price = price;
      store.touchProduct(found.product);
    },
    get products() {
      return store.products.map((product) => ({ ...product, variants: product.variants.map((variant) => ({ ...variant })) }));
    },
    get orders() {
      return [...store.orders];
    },
    addProducts(...added) {
      store.addProducts(added);
    },
    updateProduct(productId, change) {
      const product = store.products.find((candidate) => candidate.id === productId);
      if (!product) throw new Error(`no product ${productId} in the fake catalog`);
      Object.assign(product, Object.fromEntries(Object.entries(change).filter(([, value]) => value !== undefined)));
      store.touchProduct(product);
    },
    setInventory(variantId, quantity) {
      const found = findVariant(variantId);
      if (!found) throw new Error(`no variant ${variantId} in the fake catalog`);
      found.variant.inventoryQuantity = quantity;
    },
    addOrders(...added) {
      for (const order of added) {
        if (store.orders.some((existing) => existing.id === order.id)) throw new Error(`the fake shop already has order ${order.id}`);
        store.orders.push(order);
      }
    },
    updateOrder(orderId, change) {
      const index = store.orders.findIndex((candidate) => candidate.id === orderId);
      if (index < 0) throw new Error(`no order ${orderId} in the fake shop`);
      store.orders[index] = { ...store.orders[index]!, ...change, updatedAt: change.updatedAt ?? new Date(now()).toISOString() };
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

function operationNameOf(body: Buffer): string | null {
  try {
    const { query } = JSON.parse(body.toString("utf8")) as { query?: unknown };
    return typeof query === "string" ? (getOperationAST(parse(query))?.name?.value ?? null) : null;
  } catch {
    return null;
  }
}

/** A graphql-js error in Shopify's shape: message, locations, path, extensions.code (undefinedField for unknown fields, as Shopify names it). */
function shopifyError(error: GraphQLError, code: string): Record<string, unknown> {
  const unknownField = /^Cannot query field "(\w+)" on type "(\w+)"/.exec(error.message);
  return {
    message: unknownField ? `Field '${unknownField[1]}' doesn't exist on type '${unknownField[2]}'` : error.message,
    ...(error.locations ? { locations: error.locations } : {}),
    ...(error.path ? { path: error.path } : {}),
    extensions: unknownField ? { code: "undefinedField", typeName: unknownField[2], fieldName: unknownField[1] } : { code },
  };
}
