/**
 * The one door to Shopify's Admin GraphQL API (version 2026-04): POSTs a document with the shop's
 * access token, parses the envelope with zod and turns every failure into a ProviderError
 * (provider "shopify"). It also keeps to Shopify's cost-based rate limit: it remembers the last
 * throttleStatus Shopify reported and, before sending a document, waits until the bucket has
 * restored enough points for it (a bounded wait; a longer one is thrown as rate_limited so the
 * job retries later instead of holding a worker).
 */
import { z } from "zod";
import { systemClock, type Clock } from "../../lib/clock.ts";
import { silentLogger, type Logger } from "../../lib/logger.ts";
import { ProviderError, retryAfterMs as retryAfterHeaderMs } from "../../lib/provider-error.ts";

export const SHOPIFY_ADMIN_API_VERSION = "2026-04";

/** A query or mutation we send, with what its data must look like and what it is expected to cost. */
export interface ShopifyDocument<T> {
  /** The operation name, for logs and for remembering the cost Shopify reported. */
  readonly name: string;
  readonly query: string;
  readonly data: z.ZodType<T>;
  /** Cost points before Shopify has told us (objects 1, mutations 10); Shopify's own figure wins once known. */
  readonly estimatedCost: number;
}

export interface ShopifyThrottleStatus {
  readonly maximumAvailable: number;
  readonly currentlyAvailable: number;
  /** Points restored per second. */
  readonly restoreRate: number;
}

export interface ShopifyAdminGraphqlOptions {
  /** The shop's myshopify domain ("demo-store.myshopify.com"). */
  readonly shop: string;
  readonly accessToken: string;
  /** Where the shop answers; https://{shop} unless a test points it at a local fake. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  /** How long one call may take before it counts as a transient failure. */
  readonly timeoutMs?: number;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly clock?: Clock;
  /** The longest this client waits for the cost bucket before giving up with rate_limited. */
  readonly maxThrottleWaitMs?: number;
  readonly logger?: Logger;
}

export interface ShopifyAdminGraphql {
  request<T>(document: ShopifyDocument<T>, variables: Readonly<Record<string, unknown>>): Promise<T>;
  /** The bucket as last reported by Shopify, or null before the first answer. */
  readonly throttleStatus: ShopifyThrottleStatus | null;
}

const throttleStatusSchema = z.object({ maximumAvailable: z.number(), currentlyAvailable: z.number(), restoreRate: z.number().positive() });
const costSchema = z.object({
  requestedQueryCost: z.number().nullish(),
  actualQueryCost: z.number().nullish(),
  throttleStatus: throttleStatusSchema.optional(),
});
const graphqlErrorSchema = z.object({
  message: z.string(),
  extensions: z.object({ code: z.string().optional() }).loose().optional(),
});
const envelopeSchema = z.object({
  data: z.unknown().optional(),
  // A list of GraphQL errors, or a plain message on HTTP errors ("[API] Invalid API key or access token…").
  errors: z.union([z.array(graphqlErrorSchema), z.string()]).optional(),
  extensions: z.object({ cost: costSchema.optional() }).loose().optional(),
});
type Envelope = z.infer<typeof envelopeSchema>;

const DEFAULT_TIMEOUT_MS = 15_000;
const DEFAULT_MAX_THROTTLE_WAIT_MS = 10_000;
/** When Shopify throttles without telling by how much. */
const FALLBACK_RETRY_MS = 2_000;

export function createShopifyAdminGraphql(options: ShopifyAdminGraphqlOptions): ShopifyAdminGraphql {
  const endpoint = `${options.baseUrl ?? `https://${options.shop}`}/admin/api/${SHOPIFY_ADMIN_API_VERSION}/graphql.json`;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const clock = options.clock ?? systemClock;
  const maxWaitMs = options.maxThrottleWaitMs ?? DEFAULT_MAX_THROTTLE_WAIT_MS;
  const logger = options.logger ?? silentLogger;
  /** The bucket Shopify last reported and when; our own spending since is subtracted as we send. */
  let bucket: { status: ShopifyThrottleStatus; atMs: number } | null = null;
  const knownCost = new Map<string, number>();

  function availableNow(nowMs: number): number | null {
    if (!bucket) return null;
    const { status, atMs } = bucket;
    return Math.min(status.maximumAvailable, status.currentlyAvailable + (status.restoreRate * Math.max(0, nowMs - atMs)) / 1000);
  }

  /** Waits until the bucket holds `cost` points (as far as we know), or throws rate_limited when that is too far off. */
  async function waitForPoints(name: string, cost: number): Promise<void> {
    const available = availableNow(clock.now().getTime());
    if (available === null || !bucket || available >= cost) return;
    const waitMs = Math.ceil(((cost - available) / bucket.status.restoreRate) * 1000);
    if (waitMs > maxWaitMs) {
      throw new ProviderError("shopify", { kind: "rate_limited", retryAfterMs: waitMs }, `${name} needs ${cost} cost points and only ${Math.floor(available)} are available`, "THROTTLED");
    }
    logger.debug("shopify: waiting for the cost bucket", { operation: name, cost, available, waitMs });
    await sleep(waitMs);
  }

  function spend(cost: number): void {
    if (!bucket) return;
    const nowMs = clock.now().getTime();
    bucket = { status: { ...bucket.status, currentlyAvailable: (availableNow(nowMs) ?? 0) - cost }, atMs: nowMs };
  }

  function remember(envelope: Envelope | null): void {
    const status = envelope?.extensions?.cost?.throttleStatus;
    if (status) bucket = { status, atMs: clock.now().getTime() };
  }

  return {
    get throttleStatus() {
      return bucket?.status ?? null;
    },

    async request(document, variables) {
      const cost = knownCost.get(document.name) ?? document.estimatedCost;
      await waitForPoints(document.name, cost);
      spend(cost);
      let response: Response;
      let text: string;
      try {
        response = await doFetch(endpoint, {
          method: "POST",
          headers: { "content-type": "application/json", accept: "application/json", "x-shopify-access-token": options.accessToken },
          body: JSON.stringify({ query: document.query, variables }),
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : describe(error);
        throw new ProviderError("shopify", { kind: "transient" }, `${document.name} failed: ${reason}`);
      }
      const parsed = envelopeSchema.safeParse(parseJson(text));
      const envelope = parsed.success ? parsed.data : null;
      remember(envelope);
      const requested = envelope?.extensions?.cost?.requestedQueryCost;
      if (typeof requested === "number") knownCost.set(document.name, requested);

      const failure = httpFailure(document.name, response, envelope, text, clock.now());
      if (failure) throw failure;
      if (!envelope) throw new ProviderError("shopify", { kind: "permanent" }, `${document.name} answered ${response.status} with a body that is not a GraphQL response: ${text.slice(0, 200)}`);
      const graphqlFailure = errorsFailure(document.name, envelope);
      if (graphqlFailure) throw graphqlFailure;
      const data = document.data.safeParse(envelope.data);
      // Shopify may have acted on a mutation: an unexpected answer is not retried.
      if (!data.success) throw new ProviderError("shopify", { kind: "permanent" }, `${document.name} answered with unexpected data: ${z.prettifyError(data.error)}`);
      return data.data;
    },
  };
}

function httpFailure(name: string, response: Response, envelope: Envelope | null, text: string, now: Date): ProviderError | null {
  if (response.ok) return null;
  const status = response.status;
  const message = `${name} answered HTTP ${status}: ${typeof envelope?.errors === "string" ? envelope.errors : text.slice(0, 200)}`;
  if (status === 401 || status === 403) return new ProviderError("shopify", { kind: "auth" }, message, String(status));
  if (status === 429) {
    const fromCost = throttledRetryMs(envelope);
    const retryAfterMs = Math.max(fromCost ?? 0, retryAfterHeaderMs(response.headers.get("retry-after"), fromCost ?? FALLBACK_RETRY_MS, now));
    return new ProviderError("shopify", { kind: "rate_limited", retryAfterMs }, message, "429");
  }
  if (status >= 500) return new ProviderError("shopify", { kind: "transient" }, message, String(status));
  return new ProviderError("shopify", { kind: "permanent" }, message, String(status));
}

function errorsFailure(name: string, envelope: Envelope): ProviderError | null {
  const errors = envelope.errors;
  if (errors === undefined || errors.length === 0) return null;
  if (typeof errors === "string") return new ProviderError("shopify", { kind: "permanent" }, `${name}: ${errors}`);
  const codes = errors.map((error) => error.extensions?.code ?? "");
  const message = `${name}: ${errors.map((error) => error.message).join("; ")}`;
  if (codes.includes("THROTTLED")) {
    return new ProviderError("shopify", { kind: "rate_limited", retryAfterMs: throttledRetryMs(envelope) ?? FALLBACK_RETRY_MS }, message, "THROTTLED");
  }
  // The token lacks a scope (write_products): someone has to fix the app's access.
  if (codes.includes("ACCESS_DENIED")) return new ProviderError("shopify", { kind: "auth" }, message, "ACCESS_DENIED");
  if (codes.includes("INTERNAL_SERVER_ERROR")) return new ProviderError("shopify", { kind: "transient" }, message, "INTERNAL_SERVER_ERROR");
  return new ProviderError("shopify", { kind: "permanent" }, message, codes.find((code) => code !== "") ?? null);
}

/** How long until the bucket holds what the throttled request asked for: the deficit over the restore rate. */
function throttledRetryMs(envelope: Envelope | null): number | null {
  const cost = envelope?.extensions?.cost;
  if (!cost?.throttleStatus || typeof cost.requestedQueryCost !== "number") return null;
  const { currentlyAvailable, restoreRate } = cost.throttleStatus;
  const deficit = Math.max(0, cost.requestedQueryCost - currentlyAvailable);
  return Math.max(1, Math.ceil((deficit / restoreRate) * 1000));
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

function describe(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error.message}${cause}`;
}
