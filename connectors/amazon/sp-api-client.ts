/**
 * The one door to Amazon's Selling Partner API: the x-amz-access-token header (an LWA access token
 * obtained elsewhere), JSON in and out, answers parsed with zod, failures as ProviderError
 * (provider "amazon"). A 429 waits as long as Retry-After says or, without it, one request's share
 * of the rate Amazon reports in x-amzn-RateLimit-Limit (requests per second).
 */
import { z } from "zod";
import { systemClock, type Clock } from "../../lib/clock.ts";
import { ProviderError, retryAfterMs } from "../../lib/provider-error.ts";

/** The North America endpoint; Europe and Far East have their own hosts. */
export const SP_API_NA_ENDPOINT = "https://sellingpartnerapi-na.amazon.com";

export interface SpApiOptions {
  /** An LWA access token for the selling partner ("Atza|…"). */
  readonly accessToken: string;
  readonly endpoint?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly clock?: Clock;
}

export interface SpApiCall<T> {
  readonly method: "GET" | "PATCH";
  readonly path: string;
  readonly query?: Readonly<Record<string, string>>;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
}

export interface SpApi {
  /** The parsed answer, or null when Amazon answers 404. */
  requestOrNull<T>(call: SpApiCall<T>): Promise<T | null>;
}

const errorListSchema = z.object({ errors: z.array(z.object({ code: z.string(), message: z.string() }).loose()) });

const DEFAULT_TIMEOUT_MS = 15_000;
const FALLBACK_RETRY_MS = 1_000;

export function createSpApi(options: SpApiOptions): SpApi {
  const endpoint = options.endpoint ?? SP_API_NA_ENDPOINT;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clock = options.clock ?? systemClock;

  return {
    async requestOrNull<T>(call: SpApiCall<T>): Promise<T | null> {
      const what = `${call.method} ${call.path}`;
      const url = `${endpoint}${call.path}${call.query ? `?${new URLSearchParams(call.query).toString()}` : ""}`;
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, {
          method: call.method,
          headers: { "x-amz-access-token": options.accessToken, accept: "application/json", ...(call.body === undefined ? {} : { "content-type": "application/json" }) },
          body: call.body === undefined ? undefined : JSON.stringify(call.body),
          signal: AbortSignal.timeout(timeoutMs),
        });
        text = await response.text();
      } catch (error) {
        const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : error instanceof Error ? error.message : String(error);
        throw new ProviderError("amazon", { kind: "transient" }, `${what} failed: ${reason}`);
      }
      const json = parseJson(text);
      if (response.status === 404) return null;
      if (!response.ok) {
        const errors = errorListSchema.safeParse(json);
        const first = errors.success ? errors.data.errors[0] : undefined;
        const message = `${what} answered HTTP ${response.status}: ${first ? `${first.code}: ${first.message}` : text.slice(0, 200)}`;
        const status = response.status;
        if (status === 401 || status === 403) throw new ProviderError("amazon", { kind: "auth" }, message, first?.code ?? null);
        if (status === 429) {
          const rate = Number(response.headers.get("x-amzn-ratelimit-limit"));
          const fallback = Number.isFinite(rate) && rate > 0 ? Math.ceil(1000 / rate) : FALLBACK_RETRY_MS;
          throw new ProviderError("amazon", { kind: "rate_limited", retryAfterMs: retryAfterMs(response.headers.get("retry-after"), fallback, clock.now()) }, message, first?.code ?? null);
        }
        throw new ProviderError("amazon", { kind: status >= 500 ? "transient" : "permanent" }, message, first?.code ?? null);
      }
      const parsed = call.schema.safeParse(json);
      if (!parsed.success) throw new ProviderError("amazon", { kind: "permanent" }, `${what} answered ${response.status} with an unexpected body: ${text.slice(0, 200)}`);
      return parsed.data;
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}
