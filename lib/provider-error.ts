/**
 * The typed failures of every third-party API we call (stores, ad platforms, Slack, WhatsApp,
 * SMTP). Each provider has one HTTP choke point that maps its error shapes to these, so jobs can
 * decide without knowing the provider: wait and retry (rate_limited, transient), or stop and tell a
 * person (auth, permanent).
 */
export type ProviderFailure =
  /** 429 or the provider's own throttle; retry no sooner than retryAfterMs. */
  | { readonly kind: "rate_limited"; readonly retryAfterMs: number }
  /** 5xx, timeouts, connection resets: retry with backoff. */
  | { readonly kind: "transient" }
  /** Bad or revoked credentials: retrying will not help until someone fixes the configuration. */
  | { readonly kind: "auth" }
  /** The request itself is refused (bad recipient, invalid payload): never retry. */
  | { readonly kind: "permanent" };

export type ProviderFailureKind = ProviderFailure["kind"];

export class ProviderError extends Error {
  override readonly name = "ProviderError";
  constructor(
    /** slack, whatsapp, smtp, shopify… */
    readonly provider: string,
    readonly failure: ProviderFailure,
    message: string,
    /** The provider's own error code, when it gives one (e.g. WhatsApp 131047, Slack "channel_not_found"). */
    readonly providerCode: string | null = null,
  ) {
    super(`${provider}: ${message}`);
  }

  get retryable(): boolean {
    return this.failure.kind === "rate_limited" || this.failure.kind === "transient";
  }
}

/** Retry-After as a delay: seconds or an HTTP date; the fallback when absent or unreadable. */
export function retryAfterMs(header: string | null | undefined, fallbackMs: number, now: Date = new Date()): number {
  if (!header) return fallbackMs;
  const seconds = Number(header.trim());
  if (Number.isFinite(seconds) && seconds >= 0) return Math.round(seconds * 1000);
  const date = Date.parse(header);
  if (Number.isFinite(date)) return Math.max(0, date - now.getTime());
  return fallbackMs;
}
