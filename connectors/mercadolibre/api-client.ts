/**
 * The one door to MercadoLibre's API (https://api.mercadolibre.com): Bearer token, JSON in and
 * out, every answer parsed with zod, every failure a ProviderError (provider "mercadolibre").
 * A refused request carries MercadoLibre's own error code (the first cause's code, such as
 * "item.price.not_modifiable", else its `error` field) and the HTTP status, so a writer can tell a
 * rejected price from a missing item without parsing messages.
 */
import { z } from "zod";
import { systemClock, type Clock } from "../../lib/clock.ts";
import { ProviderError, retryAfterMs, type ProviderFailure } from "../../lib/provider-error.ts";

export const MERCADOLIBRE_API_URL = "https://api.mercadolibre.com";

export interface MercadoLibreApiOptions {
  readonly accessToken: string;
  /** Tests point this at a local fake. */
  readonly baseUrl?: string;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  readonly clock?: Clock;
}

export interface MercadoLibreCall<T> {
  readonly method: "GET" | "PUT";
  /** From the API root: "/items/MLM123". */
  readonly path: string;
  readonly body?: unknown;
  readonly schema: z.ZodType<T>;
}

export interface MercadoLibreApi {
  request<T>(call: MercadoLibreCall<T>): Promise<T>;
  /** As request, but a 404 is null instead of a failure. */
  requestOrNull<T>(call: MercadoLibreCall<T>): Promise<T | null>;
}

/** A refusal MercadoLibre answered: its HTTP status and the messages of its causes. */
export class MercadoLibreRequestError extends ProviderError {
  constructor(
    failure: ProviderFailure,
    message: string,
    providerCode: string | null,
    readonly httpStatus: number,
    readonly causes: readonly { readonly code: string | null; readonly message: string }[],
  ) {
    super("mercadolibre", failure, message, providerCode);
  }
}

const causeSchema = z.object({ code: z.string().optional(), message: z.string().optional() }).loose();
const errorBodySchema = z.object({
  message: z.string().optional(),
  error: z.string().nullish(),
  status: z.number().optional(),
  cause: z.array(z.union([causeSchema, z.string()])).optional().catch(undefined),
});

const DEFAULT_TIMEOUT_MS = 15_000;
/** MercadoLibre rarely sends Retry-After with its 429s. */
const FALLBACK_RETRY_MS = 5_000;

export function createMercadoLibreApi(options: MercadoLibreApiOptions): MercadoLibreApi {
  const base = options.baseUrl ?? MERCADOLIBRE_API_URL;
  const doFetch = options.fetch ?? fetch;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const clock = options.clock ?? systemClock;

  async function send<T, N>(call: MercadoLibreCall<T>, onNotFound: (() => N) | null): Promise<T | N> {
    const what = `${call.method} ${call.path}`;
    let response: Response;
    let text: string;
    try {
      response = await doFetch(`${base}${call.path}`, {
        method: call.method,
        headers: {
          authorization: `Bearer ${options.accessToken}`,
          accept: "application/json",
          ...(call.body === undefined ? {} : { "content-type": "application/json" }),
        },
        body: call.body === undefined ? undefined : JSON.stringify(call.body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (error) {
      const reason = error instanceof Error && error.name === "TimeoutError" ? `no answer within ${timeoutMs} ms` : describe(error);
      throw new ProviderError("mercadolibre", { kind: "transient" }, `${what} failed: ${reason}`);
    }
    const json = parseJson(text);
    if (!response.ok) {
      if (response.status === 404 && onNotFound) return onNotFound();
      throw refusal(what, response, json, text, clock.now());
    }
    const parsed = call.schema.safeParse(json);
    if (!parsed.success) throw new ProviderError("mercadolibre", { kind: "permanent" }, `${what} answered ${response.status} with an unexpected body: ${text.slice(0, 200)}`);
    return parsed.data;
  }

  return {
    request<T>(call: MercadoLibreCall<T>): Promise<T> {
      return send<T, never>(call, null);
    },
    requestOrNull<T>(call: MercadoLibreCall<T>): Promise<T | null> {
      return send(call, () => null);
    },
  };
}

function refusal(what: string, response: Response, json: unknown, text: string, now: Date): MercadoLibreRequestError {
  const status = response.status;
  const parsed = errorBodySchema.safeParse(json);
  const body = parsed.success ? parsed.data : null;
  const causes = (body?.cause ?? []).map((cause) =>
    typeof cause === "string" ? { code: null, message: cause } : { code: cause.code ?? null, message: cause.message ?? cause.code ?? "" },
  );
  const code = causes.find((cause) => cause.code !== null)?.code ?? body?.error ?? null;
  const detail = [body?.message, ...causes.map((cause) => cause.message)].filter((part) => part !== undefined && part !== "").join("; ") || text.slice(0, 200);
  const message = `${what} answered HTTP ${status}: ${detail}`;
  const failure: ProviderFailure =
    status === 401 || status === 403
      ? { kind: "auth" }
      : status === 429
        ? { kind: "rate_limited", retryAfterMs: retryAfterMs(response.headers.get("retry-after"), FALLBACK_RETRY_MS, now) }
        : status >= 500
          ? { kind: "transient" }
          : { kind: "permanent" };
  return new MercadoLibreRequestError(failure, message, code, status, causes);
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
