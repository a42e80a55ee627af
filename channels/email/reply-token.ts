/**
 * Signed reply tokens: every email we send carries Reply-To "<mailbox>+<token>@<domain>", where the
 * token names the conversation the reply belongs to. The token is the conversation id in base32
 * followed by an 80-bit HMAC-SHA256 tag, all in lower-case letters and digits, because mail systems
 * may lower-case or otherwise mangle the local part of an address; verification is case-insensitive.
 * A token that does not verify names nothing: the reply starts a new conversation.
 */
import { createHmac, timingSafeEqual } from "node:crypto";

/** base32hex (RFC 4648 §7) in lower case: the same digits Number#toString(32) writes. */
const ALPHABET = "0123456789abcdefghijklmnopqrstuv";
/** 80 bits of tag: 16 base32 characters, far beyond guessing by sending mail. */
const TAG_BYTES = 10;
const TAG_CHARS = (TAG_BYTES * 8) / 5;
/** The HMAC input is bound to this purpose, so a tag made for something else with the same key never passes. */
const PURPOSE = "bizos:email-reply-token:v1:";
const MIN_KEY_BYTES = 16;

export interface ReplyTokens {
  /** The token for a conversation: base32 id then tag, e.g. "1a" + 16 characters for conversation 42. */
  sign(conversationId: number): string;
  /** The conversation a token names, or null when it is malformed or its tag does not match. */
  verify(token: string): number | null;
}

export function createReplyTokens(key: Buffer): ReplyTokens {
  if (key.length < MIN_KEY_BYTES) throw new Error(`reply tokens need a key of at least ${MIN_KEY_BYTES} bytes, got ${key.length}`);
  const tagOf = (conversationId: number): string =>
    base32(createHmac("sha256", key).update(`${PURPOSE}${conversationId}`).digest().subarray(0, TAG_BYTES));

  return {
    sign(conversationId) {
      if (!Number.isSafeInteger(conversationId) || conversationId <= 0) throw new Error(`conversation id must be a positive integer, got ${conversationId}`);
      return `${conversationId.toString(32)}${tagOf(conversationId)}`;
    },
    verify(token) {
      const normalised = token.trim().toLowerCase();
      if (!/^[0-9a-v]+$/.test(normalised) || normalised.length <= TAG_CHARS || normalised.length > TAG_CHARS + 11) return null;
      const idPart = normalised.slice(0, -TAG_CHARS);
      const conversationId = parseInt(idPart, 32);
      // One spelling per id: no leading zeros, nothing past the safe integers.
      if (!Number.isSafeInteger(conversationId) || conversationId <= 0 || conversationId.toString(32) !== idPart) return null;
      const expected = Buffer.from(tagOf(conversationId), "ascii");
      const given = Buffer.from(normalised.slice(-TAG_CHARS), "ascii");
      return timingSafeEqual(expected, given) ? conversationId : null;
    },
  };
}

function base32(bytes: Buffer): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function splitAddress(address: string): { local: string; domain: string } {
  const at = address.lastIndexOf("@");
  if (at <= 0 || at === address.length - 1) throw new Error(`"${address}" is not an email address`);
  return { local: address.slice(0, at), domain: address.slice(at + 1) };
}

/** "bot@x.com" and a token → "bot+<token>@x.com": the mailbox still receives it (sub-addressing). */
export function replyAddress(replyMailbox: string, token: string): string {
  const { local, domain } = splitAddress(replyMailbox.trim());
  return `${local}+${token}@${domain}`;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * The first reply token addressed to our mailbox in any of these header values (To, Cc,
 * Delivered-To, X-Original-To…; bare addresses or "Name <address>" lists), lower-cased; null when
 * none is. Addresses at other mailboxes are ignored, whatever their "+tag".
 */
export function findReplyToken(addresses: readonly string[], replyMailbox: string): string | null {
  const { local, domain } = splitAddress(replyMailbox.trim());
  const pattern = new RegExp(`(?:^|[\\s<,;:"'(])${escapeRegExp(local)}\\+([a-z0-9]+)@${escapeRegExp(domain)}(?=$|[\\s>,;"')])`, "i");
  for (const value of addresses) {
    const match = pattern.exec(value);
    if (match?.[1]) return match[1].toLowerCase();
  }
  return null;
}
