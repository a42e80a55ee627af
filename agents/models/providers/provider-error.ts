/**
 * One error type for a model provider's failures, so the supervisor can tell a person "the model is
 * busy, try again in 20 s" or an operator "the API key was refused" without knowing each SDK's errors.
 */
import { z } from "zod";

export type ProviderName = "openai" | "anthropic";

export type ProviderErrorKind =
  /** 401/403: the key is wrong, revoked or lacks access. */
  | "auth"
  /** 429: too many requests or tokens; `retryAfterMs` says when to try again, when the provider said. */
  | "rate_limited"
  /** 529 or 503: the provider is overloaded or down for a while. */
  | "overloaded"
  /** Another 5xx. */
  | "server"
  /** 400/404/413/422…: the request itself is wrong (a bug, an unknown model, a too-long conversation). */
  | "bad_request"
  /** No HTTP answer: DNS, refused connection, timeout. */
  | "connection";

export class ModelProviderError extends Error {
  override readonly name = "ModelProviderError";
  readonly provider: ProviderName;
  readonly kind: ProviderErrorKind;
  /** HTTP status, null when no answer came. */
  readonly status: number | null;
  /** How long the provider asked us to wait (retry-after-ms or retry-after), null if it did not say. */
  readonly retryAfterMs: number | null;
  /** The provider's request id, for its support. */
  readonly requestId: string | null;

  constructor(
    fields: { provider: ProviderName; kind: ProviderErrorKind; status: number | null; retryAfterMs: number | null; requestId: string | null; message: string },
    options?: { cause?: unknown },
  ) {
    super(fields.message, options);
    this.provider = fields.provider;
    this.kind = fields.kind;
    this.status = fields.status;
    this.retryAfterMs = fields.retryAfterMs;
    this.requestId = fields.requestId;
  }

  /** Worth trying again later, unchanged. */
  get retryable(): boolean {
    return this.kind === "rate_limited" || this.kind === "overloaded" || this.kind === "server" || this.kind === "connection";
  }
}

const PROVIDER_LABEL: Readonly<Record<ProviderName, { label: string; keyVariable: string }>> = {
  openai: { label: "OpenAI", keyVariable: "OPENAI_API_KEY" },
  anthropic: { label: "Anthropic", keyVariable: "ANTHROPIC_API_KEY" },
};

/** What the SDK errors (Anthropic's and OpenAI's share a shape) carry. */
const sdkErrorShape = z.object({
  status: z.number().int().optional(),
  headers: z.custom<{ get(name: string): string | null }>((value) => typeof value === "object" && value !== null && "get" in value && typeof value.get === "function").optional(),
  message: z.string().optional(),
  requestID: z.string().nullable().optional(),
  /** The provider's own message, without the SDK's prefix (Anthropic SDK). */
  apiMessage: z.string().nullable().optional(),
});

/**
 * Reads retry-after-ms (milliseconds) or retry-after (seconds, or an HTTP date) into milliseconds.
 * `now` is injectable for tests.
 */
export function retryAfterMsFrom(headers: { get(name: string): string | null } | undefined, now: number = Date.now()): number | null {
  if (!headers) return null;
  const ms = Number.parseFloat(headers.get("retry-after-ms") ?? "");
  if (Number.isFinite(ms) && ms >= 0) return Math.round(ms);
  const raw = headers.get("retry-after");
  if (raw === null || raw.trim() === "") return null;
  const seconds = Number(raw.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

function kindOf(status: number): ProviderErrorKind {
  if (status === 401 || status === 403) return "auth";
  if (status === 429) return "rate_limited";
  if (status === 529 || status === 503) return "overloaded";
  if (status >= 500) return "server";
  return "bad_request";
}

/**
 * Turns whatever an SDK call threw into a ModelProviderError with a message a person can act on.
 * An abort (the caller's signal) passes through unchanged.
 */
export function toModelProviderError(provider: ProviderName, error: unknown, context: { model: string; baseURL: string }): unknown {
  if (error instanceof ModelProviderError) return error;
  if (error instanceof Error && error.name === "AbortError") return error;
  const parsed = sdkErrorShape.safeParse(error);
  const { label, keyVariable } = PROVIDER_LABEL[provider];
  const shape = parsed.success ? parsed.data : {};
  const detail = shape.apiMessage ?? shape.message ?? (error instanceof Error ? error.message : String(error));
  const requestId = shape.requestID ?? null;
  if (shape.status === undefined) {
    if (!(error instanceof Error) || !/connection|timed? ?out|fetch failed|ECONN|ENOTFOUND/i.test(`${error.name} ${error.message}`)) return error;
    return new ModelProviderError(
      { provider, kind: "connection", status: null, retryAfterMs: null, requestId, message: `Could not reach ${label} at ${context.baseURL}: ${detail}` },
      { cause: error },
    );
  }
  const status = shape.status;
  const kind = kindOf(status);
  const retryAfterMs = retryAfterMsFrom(shape.headers);
  const message = ((): string => {
    switch (kind) {
      case "auth":
        return `${label} refused the API key (${status}): check ${keyVariable}. ${detail}`;
      case "rate_limited":
        return `${label} rate limit reached (429)${retryAfterMs === null ? "" : `: retry in ${Math.ceil(retryAfterMs / 1000)} s`}. ${detail}`;
      case "overloaded":
        return `${label} is overloaded or unavailable (${status}); try again shortly. ${detail}`;
      case "server":
        return `${label} failed with a server error (${status}); try again shortly. ${detail}`;
      case "bad_request":
        return `${label} rejected the request for model "${context.model}" (${status}): ${detail}`;
      case "connection":
        return `Could not reach ${label} at ${context.baseURL}: ${detail}`;
    }
  })();
  return new ModelProviderError({ provider, kind, status, retryAfterMs, requestId, message }, { cause: error });
}
