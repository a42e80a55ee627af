/**
 * Meta signs every webhook POST with the app secret: X-Hub-Signature-256 is "sha256=" and the
 * hex HMAC-SHA256 of the raw body. Checked in constant time before anything reads the body.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

export function whatsappSignature(appSecret: string, rawBody: Buffer | string): string {
  return `sha256=${createHmac("sha256", appSecret).update(rawBody).digest("hex")}`;
}

export function isValidWhatsAppSignature(appSecret: string, rawBody: Buffer, header: string | undefined): boolean {
  if (header === undefined) return false;
  return safeEqual(header, whatsappSignature(appSecret, rawBody));
}

/** Constant-time comparison of two strings (different lengths are simply unequal). */
export function safeEqual(given: string, expected: string): boolean {
  const a = Buffer.from(given, "utf8");
  const b = Buffer.from(expected, "utf8");
  return a.length === b.length && timingSafeEqual(a, b);
}
