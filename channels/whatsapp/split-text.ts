/**
 * Splits a long WhatsApp message into parts the API accepts (4,096 characters for a text message,
 * 1,024 for an interactive body), cutting where a reader would pause: after a sentence or a
 * paragraph, else at a line break, else between words. A word is cut only when it alone is longer
 * than the limit. Used by both transports (Cloud API and whatsapp-web.js).
 */

/** The Cloud API's limit for a text message body. */
export const WHATSAPP_TEXT_LIMIT = 4096;

/** The end of a sentence (with any closing quote, bracket or markup) before whitespace, or the end of a paragraph. */
const SENTENCE_END = /[.!?…。！？]["'”’»)\]*_~]*(?=\s)|\S(?=[ \t]*\n[ \t]*\n)/g;
const LINE_END = /\S(?=[ \t]*\n)/g;
const WORD_END = /\S(?=\s)/g;

/** Parts of at most `limit` characters (UTF-16 code units), trimmed, in order; none for blank text. */
export function splitText(text: string, limit: number = WHATSAPP_TEXT_LIMIT): string[] {
  if (!Number.isInteger(limit) || limit < 2) throw new RangeError(`splitText: limit must be an integer of at least 2, got ${limit}`);
  const parts: string[] = [];
  let rest = text.trim();
  while (rest.length > limit) {
    const cut = cutPoint(rest, limit);
    parts.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest.length > 0) parts.push(rest);
  return parts;
}

/**
 * Where to end the next part: the last sentence end in the window, unless that would leave the
 * part less than half full, then the last line end, then the last word end; a hard cut (never
 * inside a surrogate pair) when the window holds a single word.
 */
function cutPoint(text: string, limit: number): number {
  // One character past the limit: every boundary found is followed by whitespace inside the
  // window, so it ends at most `limit` characters in, and a boundary right at the limit counts.
  const window = text.slice(0, limit + 1);
  for (const pattern of [SENTENCE_END, LINE_END]) {
    const end = lastMatchEnd(window, pattern);
    if (end >= limit / 2) return end;
  }
  const wordEnd = lastMatchEnd(window, WORD_END);
  if (wordEnd > 0) return wordEnd;
  const code = text.charCodeAt(limit - 1);
  return code >= 0xd800 && code <= 0xdbff ? limit - 1 : limit;
}

/** Where the last match ends, or 0 without one. */
function lastMatchEnd(window: string, pattern: RegExp): number {
  let end = 0;
  for (const match of window.matchAll(pattern)) end = match.index + match[0].length;
  return end;
}
