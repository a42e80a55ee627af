/**
 * The approved template that carries a proactive message outside WhatsApp's 24-hour
 * customer-service window. It has one body parameter, and WhatsApp refuses template parameters with
 * line breaks, tabs or more than four consecutive spaces, so the text is flattened into one line
 * and cut to the parameter limit.
 */
import type { Language } from "../../agents/shared/language.ts";
import { assertNever } from "../../lib/assert-never.ts";
import type { WhatsAppOutgoingMessage } from "./graph-api.ts";

/** The longest body parameter we send (WhatsApp's limit for a template body). */
export const TEMPLATE_PARAMETER_LIMIT = 1024;

/** The template language for a member's language when WHATSAPP_TEMPLATE_LANGUAGE is not set. */
export function templateLanguageFor(language: Language): string {
  switch (language) {
    case "en":
      return "en_US";
    case "es":
      return "es_MX";
    case "pt":
      return "pt_BR";
    default:
      return assertNever(language, "language");
  }
}

/**
 * One line: each line break becomes a space after a sentence or a colon and " · " elsewhere (list
 * items stay apart, without their bullets), runs of whitespace become one space; then cut at a
 * word with an ellipsis.
 */
export function templateParameter(text: string, limit: number = TEMPLATE_PARAMETER_LIMIT): string {
  const lines = text
    .split(/\n/)
    // Bullets are dropped: the " · " between items already sets them apart.
    .map((line) => line.replace(/\s+/g, " ").trim().replace(/^[-•] /, ""))
    .filter((line) => line.length > 0);
  let flat = "";
  for (const line of lines) {
    if (flat === "") flat = line;
    else flat += /[.!?…:;,]["'”’)*_~]*$/.test(flat) ? ` ${line}` : ` · ${line}`;
  }
  return truncate(flat, limit);
}

function truncate(text: string, limit: number): string {
  if (text.length <= limit) return text;
  const room = text.slice(0, limit - 1);
  const lastSpace = room.lastIndexOf(" ");
  // Cut at a word unless that would throw away more than a fifth of the room.
  let cut = lastSpace >= room.length * 0.8 ? room.slice(0, lastSpace) : room;
  const last = cut.charCodeAt(cut.length - 1);
  if (last >= 0xd800 && last <= 0xdbff) cut = cut.slice(0, -1);
  return `${cut.replace(/[\s·]+$/, "")}…`;
}

export function templateMessage(to: string, template: { readonly name: string; readonly languageCode: string }, text: string): WhatsAppOutgoingMessage {
  return {
    to,
    type: "template",
    template: {
      name: template.name,
      language: { code: template.languageCode },
      components: [{ type: "body", parameters: [{ type: "text", text: templateParameter(text) }] }],
    },
  };
}
