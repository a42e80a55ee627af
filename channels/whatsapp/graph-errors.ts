/**
 * How a failed Graph API call maps to ProviderError, from the HTTP status and Meta's error code
 * (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes): throttles wait,
 * server trouble retries, bad credentials stop, everything else is a refusal never retried.
 */
import { z } from "zod";
import { ProviderError, retryAfterMs } from "../../lib/provider-error.ts";

export const graphErrorSchema = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number().int(),
    error_subcode: z.number().int().optional(),
    error_data: z.object({ details: z.string().optional() }).optional(),
    fbtrace_id: z.string().optional(),
  }),
});
export type GraphError = z.infer<typeof graphErrorSchema>["error"];

/** The code meaning "more than 24 hours since the person last wrote": only a template may be sent. */
export const REENGAGEMENT_CODE = 131047;

/** Throttle codes and how long to wait when Meta sends no Retry-After. */
const THROTTLE_FALLBACK_MS: ReadonlyMap<number, number> = new Map([
  [4, 5_000], // the app's call rate
  [80007, 5_000], // the business account's call rate
  [130429, 1_000], // the phone number's messages-per-second throughput
  [131048, 60_000], // spam rate limit on the phone number
  [131056, 60_000], // too many messages to the same person in a short time (pair rate limit)
]);
const DEFAULT_THROTTLE_MS = 5_000;

const AUTH_CODES = new Set([
  190, // access token invalid or expired
  10, // the app lacks the permission (whatsapp_business_messaging)
]);

const TRANSIENT_CODES = new Set([
  1, // unknown API error
  2, // API service temporarily unavailable
  131000, // something went wrong on Meta's side
  131016, // service unavailable
]);

export interface GraphFailureInput {
  readonly httpStatus: number;
  /** Null when the body was not Meta's error JSON (a proxy's HTML page, an empty body). */
  readonly error: GraphError | null;
  readonly retryAfterHeader: string | null;
  readonly now: Date;
}

export function graphFailure({ httpStatus, error, retryAfterHeader, now }: GraphFailureInput): ProviderError {
  const code = error?.code ?? null;
  const providerCode = code === null ? null : String(code);
  const detail = error ? `${error.message}${error.error_data?.details ? ` (${error.error_data.details})` : ""}` : `HTTP ${httpStatus}`;
  const message = `Graph API refused the call: ${detail}`;
  const throttleFallbackMs = code === null ? undefined : THROTTLE_FALLBACK_MS.get(code);
  if (httpStatus === 429 || throttleFallbackMs !== undefined) {
    const waitMs = retryAfterMs(retryAfterHeader, throttleFallbackMs ?? DEFAULT_THROTTLE_MS, now);
    return new ProviderError("whatsapp", { kind: "rate_limited", retryAfterMs: waitMs }, message, providerCode);
  }
  if (httpStatus === 401 || (code !== null && AUTH_CODES.has(code))) return new ProviderError("whatsapp", { kind: "auth" }, message, providerCode);
  if (code === REENGAGEMENT_CODE) return new ProviderError("whatsapp", { kind: "permanent" }, message, providerCode);
  if (httpStatus >= 500 || (code !== null && TRANSIENT_CODES.has(code))) return new ProviderError("whatsapp", { kind: "transient" }, message, providerCode);
  return new ProviderError("whatsapp", { kind: "permanent" }, message, providerCode ?? `http_${httpStatus}`);
}

/** Whether a failure is WhatsApp's "outside the 24-hour window" refusal. */
export function isReengagementError(error: unknown): boolean {
  return error instanceof ProviderError && error.provider === "whatsapp" && error.providerCode === String(REENGAGEMENT_CODE);
}
