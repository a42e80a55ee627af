/**
 * The text a WhatsApp message shows, on both transports: the answer's text (its *bold* is
 * WhatsApp's own markup, so it stays as written) with the data-freshness line below it in italics,
 * unless the answer already says it. KPIs are part of the text already and are not repeated.
 */
import type { OutboundMessage } from "../outbound/outbound-message.ts";

export function whatsappText(message: Pick<OutboundMessage, "text" | "freshness">): string {
  const text = message.text.trim();
  const freshness = message.freshness?.trim();
  if (!freshness || text.includes(freshness)) return text;
  return `${text}\n\n_${freshness}_`;
}
