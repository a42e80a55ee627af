/**
 * The line under a data answer that touches something the team asked the assistant to keep in mind:
 * "📌 Keep in mind: “our cost for SKU 123 went up to 210” (Ana, Nov 12)". A fact bears on the answer
 * when one of the names it is about (a product, a SKU, a line, a campaign) appears, whole-word and
 * accent-folded, in the question or the answer. At most MAX_NOTED facts, newest first.
 */
import type { KeptFact } from "../shared/workspace-context.ts";
import { formatDate, localParts } from "./format/dates.ts";
import type { AnswerContext } from "./types.ts";

export const MAX_NOTED = 2;
/** Names shorter than this are too loose to match ("M", "CH"). */
const MIN_NAME_CHARS = 3;

function folded(text: string): string {
  return ` ${text
    .normalize("NFD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

/** The facts among `facts` that bear on these texts, newest first. */
export function factsBearingOn(facts: readonly KeptFact[], texts: readonly string[]): KeptFact[] {
  const haystack = folded(texts.join(" "));
  return facts
    .filter((fact) => fact.about.some((name) => folded(name).trim().length >= MIN_NAME_CHARS && haystack.includes(folded(name))))
    .sort((a, b) => b.at.localeCompare(a.at))
    .slice(0, MAX_NOTED);
}

export function keptFactsNote(facts: readonly KeptFact[], texts: readonly string[], context: AnswerContext): string | null {
  const bearing = factsBearingOn(facts, texts);
  if (bearing.length === 0) return null;
  const language = context.language;
  const lead = { en: "📌 Keep in mind", es: "📌 Ten en cuenta", pt: "📌 Lembre-se" }[language];
  const lines = bearing.map((fact) => {
    const when = formatDate(localParts(fact.at, context.timeZone).date, language, false);
    const who = [fact.saidBy, when].filter((part): part is string => part !== null).join(", ");
    return `“${fact.statement}” (${who})`;
  });
  return `${lead}: ${lines.join("; ")}`;
}
