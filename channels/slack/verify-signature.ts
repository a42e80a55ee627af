/**
 * Checks that a request really comes from Slack: Slack signs every request it sends (events,
 * interactivity, slash commands) with the app's signing secret. A request that fails this check
 * must not run anything.
 * https://api.slack.com/authentication/verifying-requests-from-slack
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** Slack's own window: a timestamp further than this from now may be a replayed request. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;

export type SignatureRejection = "missing_headers" | "stale_timestamp" | "bad_signature";

export type SignatureCheck = { readonly ok: true } | { readonly ok: false; readonly reason: SignatureRejection };

export interface SlackSignatureInput {
  readonly signingSecret: string;
  /** X-Slack-Request-Timestamp: seconds since the epoch. */
  readonly timestampHeader: string | null | undefined;
  /** X-Slack-Signature: "v0=" and a hex HMAC. */
  readonly signatureHeader: string | null | undefined;
  /** The body exactly as received: re-serialising parsed JSON would change the bytes. */
  readonly rawBody: Buffer | string;
  readonly now: Date;
}

/** "v0=" + hex HMAC-SHA256(secret, "v0:<timestamp>:<body>"), the value Slack puts in X-Slack-Signature. */
export function slackSignature(signingSecret: string, timestamp: string, rawBody: Buffer | string): string {
  const hmac = createHmac("sha256", signingSecret);
  hmac.update(`v0:${timestamp}:`);
  hmac.update(rawBody);
  return `v0=${hmac.digest("hex")}`;
}

export function verifySlackSignature(input: SlackSignatureInput): SignatureCheck {
  const timestamp = input.timestampHeader?.trim();
  const signature = input.signatureHeader?.trim();
  if (!timestamp || !signature) return { ok: false, reason: "missing_headers" };
  if (!/^\d{1,12}$/.test(timestamp)) return { ok: false, reason: "stale_timestamp" };
  if (Math.abs(input.now.getTime() - Number(timestamp) * 1000) > MAX_SIGNATURE_AGE_MS) return { ok: false, reason: "stale_timestamp" };
  const expected = Buffer.from(slackSignature(input.signingSecret, timestamp, input.rawBody), "utf8");
  const given = Buffer.from(signature, "utf8");
  // timingSafeEqual throws on different lengths; the length of a well-formed signature is public anyway.
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: "bad_signature" };
  return { ok: true };
}
