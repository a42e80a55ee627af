/**
 * The WhatsApp short form's length budget. A digest on WhatsApp is read on a phone and, outside the
 * 24-hour window, travels as one template parameter of at most 1,024 characters (flattened to a
 * line): the text with its freshness line below must stay within 900. The message is built at
 * decreasing levels of detail (shorter insight lines, fewer of them, fewer approvals) until it
 * fits; the last resort drops whole lines from the end, never the headline figures at the top.
 */
import { whatsappText } from "../whatsapp/message-text.ts";

/** What the short form aims at: room under the template's 1,024 characters. */
export const WHATSAPP_SHORT_LIMIT = 900;

export interface ShortLevel {
  /** Characters an insight's one-liner may take. */
  readonly lineChars: number;
  readonly insights: number;
  readonly approvals: number;
}

export const SHORT_LEVELS: readonly ShortLevel[] = [
  { lineChars: 110, insights: 3, approvals: 3 },
  { lineChars: 80, insights: 3, approvals: 2 },
  { lineChars: 60, insights: 3, approvals: 1 },
  { lineChars: 50, insights: 2, approvals: 1 },
  { lineChars: 50, insights: 1, approvals: 1 },
];

function shown(text: string, freshness: string | null): number {
  return whatsappText({ text, freshness }).length;
}

/** The most detailed text that fits `limit` with its freshness line. */
export function fitShortText(build: (level: ShortLevel) => string, freshness: string | null, limit: number = WHATSAPP_SHORT_LIMIT): string {
  let text = "";
  for (const level of SHORT_LEVELS) {
    text = build(level);
    if (shown(text, freshness) <= limit) return text;
  }
  const lines = text.split("\n");
  while (lines.length > 1 && shown(lines.join("\n").trim(), freshness) > limit) lines.pop();
  const kept = lines.join("\n").trim();
  return shown(kept, freshness) <= limit ? kept : kept.slice(0, Math.max(1, limit - (freshness?.length ?? 0) - 8)).trimEnd() + "…";
}
