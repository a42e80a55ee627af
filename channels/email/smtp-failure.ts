/**
 * SMTP failures as ProviderError: the one place that reads nodemailer's errors (an error code such
 * as EAUTH or ESOCKET, the server's reply code and text) and decides whether delivery should wait
 * and retry (rate_limited, transient) or stop and tell a person (auth, permanent).
 */
import { z } from "zod";
import { ProviderError, type ProviderFailure } from "../../lib/provider-error.ts";

/** SMTP replies carry no Retry-After: how long to wait when a server says we send too fast. */
export const SMTP_RATE_LIMIT_FALLBACK_MS = 60_000;

const PROVIDER = "smtp";

/** The fields nodemailer puts on its errors (NodemailerError), all optional: anything else may be thrown too. */
const smtpErrorSchema = z.object({
  message: z.string().optional(),
  code: z.string().optional(),
  /** The system error under nodemailer's own code, e.g. ECONNREFUSED under ESOCKET. */
  originalCode: z.string().optional(),
  responseCode: z.number().int().optional(),
  response: z.string().optional(),
});

/** Errors of the connection rather than of the message: the same message may go through later. */
const CONNECTION_CODES = new Set(["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ETLS", "ECONNREFUSED", "ECONNRESET", "EPIPE", "EHOSTUNREACH", "ENETUNREACH", "ENOTFOUND", "EAI_AGAIN"]);
const AUTH_CODES = new Set(["EAUTH", "ENOAUTH", "EOAUTH2"]);
/** Servers word throttling differently ("421 4.7.28 … rate limited", "451 Too many messages, slow down"). */
const RATE_LIMIT_TEXT = /\brate\b|rate[- ]?limit|too many (?!recipients)|throttl|slow down/i;
/** 530 authentication required, 534 mechanism too weak, 535 credentials invalid. */
const AUTH_REPLY_CODES = new Set([530, 534, 535]);

function failureOf(error: z.infer<typeof smtpErrorSchema>): ProviderFailure {
  const { code, originalCode, responseCode, response = "" } = error;
  // Every 4xx is temporary by definition (RFC 5321), even "454 Temporary authentication failure".
  if (responseCode !== undefined && responseCode >= 400 && responseCode < 500) {
    return RATE_LIMIT_TEXT.test(response) ? { kind: "rate_limited", retryAfterMs: SMTP_RATE_LIMIT_FALLBACK_MS } : { kind: "transient" };
  }
  if ((code !== undefined && AUTH_CODES.has(code)) || (responseCode !== undefined && AUTH_REPLY_CODES.has(responseCode))) return { kind: "auth" };
  // 503 is a bad command sequence on this connection, not a refusal of the message (RFC 5321).
  if (responseCode !== undefined && responseCode >= 500 && responseCode < 600 && responseCode !== 503) return { kind: "permanent" };
  if ((code !== undefined && CONNECTION_CODES.has(code)) || (originalCode !== undefined && CONNECTION_CODES.has(originalCode))) return { kind: "transient" };
  // Nodemailer refusing the message before any server saw it: sending it again changes nothing.
  if (code === "EENVELOPE" || code === "EMESSAGE" || code === "ECONFIG" || code === "EMAXRECIPIENTS") return { kind: "permanent" };
  return { kind: "transient" };
}

/** A nodemailer failure (or anything thrown while sending) as a ProviderError; the reply code, when any, is its providerCode. */
export function smtpProviderError(thrown: unknown): ProviderError {
  if (thrown instanceof ProviderError) return thrown;
  const parsed = smtpErrorSchema.safeParse(thrown);
  const error = parsed.success ? parsed.data : {};
  const failure = failureOf(error);
  const providerCode = error.responseCode !== undefined ? String(error.responseCode) : (error.originalCode ?? error.code ?? null);
  const detail = error.response ?? error.message ?? String(thrown);
  return new ProviderError(PROVIDER, failure, detail, providerCode);
}
