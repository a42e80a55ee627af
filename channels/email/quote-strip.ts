/**
 * What the person actually wrote in an email reply: the quoted history their mail program appends
 * (Gmail, Outlook, Apple Mail; in English, Spanish and Portuguese) and their signature are cut off
 * before the text is understood, so the assistant does not answer its own previous message again.
 */
import { htmlToText } from "./html-to-text.ts";

/**
 * "On Mon, Nov 21, 2026 at 10:00 AM Ana <a@b.c> wrote:", "El lun, 21 nov 2026 a las 10:00, Ana
 * (<a@b.c>) escribió:", "Em seg., 21 de nov. de 2026 às 10:00, Ana <a@b.c> escreveu:", and Apple
 * Mail's "On 21 Nov 2026, at 10:00, Ana <a@b.c> wrote:". Matched on up to three joined lines because
 * Gmail wraps long attributions.
 */
const ATTRIBUTION_START = /^(?:on|el|em)\s/i;
const ATTRIBUTION_END = /(?:wrote|escribi[óo]|escreveu)\s*:\s*$/i;
/** An attribution names a date or an address; a sentence like "On second thought he wrote:" has neither. */
const ATTRIBUTION_DETAIL = /\d|@/;

/** Outlook's separators: "-----Original Message-----", "-----Mensaje original-----", "-----Mensagem original-----". */
const ORIGINAL_MESSAGE = /^\s*-{2,}\s*(?:original message|mensaje original|mensagem original)\s*-{2,}\s*$/i;
/** The first line of Outlook's quoted header block ("From: Ana …" / "De: Ana …"), bold markers allowed. */
const HEADER_FROM = /^\s*\*?(?:from|de)\s*:\*?\s*\S/i;
/** A line of that block that dates it ("Sent:", "Enviado:", "Enviado el:", "Enviada em:", "Date:", "Fecha:", "Data:"). */
const HEADER_SENT = /^\s*\*?(?:sent|date|enviad[oa](?:\s+(?:el|em))?|fecha|data)\s*:\*?\s*\S/i;
/** Outlook draws a rule of underscores above the header block. */
const RULE = /^\s*_{10,}\s*$/;
/** RFC 3676 signature separator "-- " (some programs drop the trailing space). */
const SIGNATURE = /^--\s*$/;
/** One-line signatures phones add above the quoted history. */
const DEVICE_SIGNATURE =
  /^(?:sent from my \S.*|enviado desde mi \S.*|enviado do meu \S.*|enviado de meu \S.*|get outlook for \S.*|obtener outlook para \S.*|baixe o outlook para \S.*|obter o outlook para \S.*)$/i;

function isAttributionAt(lines: readonly string[], index: number): boolean {
  const first = lines[index]?.trim() ?? "";
  if (!ATTRIBUTION_START.test(first)) return false;
  let joined = "";
  for (let offset = 0; offset < 3; offset++) {
    const line = lines[index + offset];
    if (line === undefined) break;
    joined = `${joined} ${line.trim()}`.trim();
    if (ATTRIBUTION_END.test(joined)) return ATTRIBUTION_DETAIL.test(joined);
  }
  return false;
}

function isOutlookHeaderAt(lines: readonly string[], index: number): boolean {
  if (!HEADER_FROM.test(lines[index] ?? "")) return false;
  return lines.slice(index + 1, index + 4).some((line) => HEADER_SENT.test(line));
}

/** The index of the first line of quoted history or signature, or the number of lines when there is none. */
function cutIndex(lines: readonly string[]): number {
  for (let index = 0; index < lines.length; index++) {
    const line = lines[index] ?? "";
    if (SIGNATURE.test(line) || ORIGINAL_MESSAGE.test(line) || isAttributionAt(lines, index) || isOutlookHeaderAt(lines, index)) return index;
    if (RULE.test(line) && lines.slice(index + 1, index + 3).some((_, offset) => isOutlookHeaderAt(lines, index + 1 + offset))) return index;
  }
  return lines.length;
}

/** The reply without quoted history (">" lines, attributions, Outlook's original message), signature or phone footer. */
export function stripQuotedText(text: string): string {
  const lines = text.replace(/\r\n?/g, "\n").split("\n");
  const kept = lines.slice(0, cutIndex(lines)).filter((line) => !/^\s*>/.test(line));
  while (kept.length > 0 && (kept.at(-1)?.trim() === "" || DEVICE_SIGNATURE.test(kept.at(-1)?.trim() ?? ""))) kept.pop();
  return kept
    .map((line) => line.replace(/\s+$/, ""))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** The reply text of an email: its text part, or its HTML part converted when there is no text, stripped of quotes. */
export function replyText(body: { readonly text: string | null; readonly html: string | null }): string {
  const text = body.text?.trim() ? body.text : body.html ? htmlToText(body.html) : "";
  return stripQuotedText(text);
}
