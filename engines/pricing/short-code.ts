/**
 * Short codes people type back on a channel ("SI 4F2K"): a few characters from an alphabet without
 * look-alikes (no 0/O, 1/I/L), derived deterministically from a seed so the same suggestion always
 * gets the same code. Price suggestions use it, and approvals reuse it for proposal codes.
 */
import { createHash } from "node:crypto";

/** Digits 2–9 and capital letters without I, L and O: 31 symbols. */
export const SHORT_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

/** A `length`-character code (4 by default) from a SHA-256 hash of the seed; the same seed, the same code. */
export function shortCode(seed: string, length = 4): string {
  if (!Number.isInteger(length) || length < 1 || length > 12) throw new RangeError(`shortCode: length must be 1–12, got ${length}`);
  const digest = createHash("sha256").update(seed).digest();
  const base = BigInt(SHORT_CODE_ALPHABET.length);
  // 64 bits of the hash, read as one number and written in base 31: every symbol is (nearly) uniform.
  let value = digest.readBigUInt64BE(0);
  let code = "";
  for (let i = 0; i < length; i++) {
    code += SHORT_CODE_ALPHABET[Number(value % base)];
    value /= base;
  }
  return code;
}
