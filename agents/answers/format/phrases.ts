/** Small helpers for writing the same sentence in each language. */
import type { Language } from "../../shared/language.ts";

export type Phrases = Readonly<Record<Language, string>>;

/** Bullet lines render the same in a terminal, Slack and WhatsApp. */
export const BULLET = "• ";

export function bullets(lines: readonly string[]): string {
  return lines.map((line) => `${BULLET}${line}`).join("\n");
}

/** "a, b and c" / "a, b y c" / "a, b e c". */
export function listInWords(items: readonly string[], language: Language, conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items[0] ?? "";
  const word = conjunction === "and" ? { en: "and", es: "y", pt: "e" }[language] : { en: "or", es: "o", pt: "ou" }[language];
  return `${items.slice(0, -1).join(", ")} ${word} ${items[items.length - 1]!}`;
}

/** "Want to see …?" / "¿Quieres ver …?" / "Quer ver …?" with the rest of the question per language. */
export function wantToSee(rest: Phrases, language: Language): string {
  return { en: `Want to see ${rest.en}?`, es: `¿Quieres ver ${rest.es}?`, pt: `Quer ver ${rest.pt}?` }[language];
}
