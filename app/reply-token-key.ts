import { hkdfSync } from "node:crypto";

/** A separate key for email reply tokens, so the encryption key itself never signs anything that leaves the server. */
export function replyTokenKey(secretKey: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", secretKey, Buffer.alloc(0), "bizos email reply tokens v1", 32));
}
