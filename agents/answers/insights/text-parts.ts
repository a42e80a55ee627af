/** Shared pieces of the insight texts: the per-type evidence type, phrases and small formatters. */
import type { ParsedEvidence } from "../../../engines/insights/evidence.ts";
import type { Language } from "../../shared/language.ts";
import { formatDate } from "../format/dates.ts";
import { money } from "../format/numbers.ts";
import type { AnswerContext } from "../types.ts";

export type Phrases = Readonly<Record<Language, string>>;
/** A title in every language (the caller picks one) and the explanation already in the asker's language. */
export type Text = { readonly title: Phrases; readonly explanation: string };
export type Evidence<T extends ParsedEvidence["type"]> = Extract<ParsedEvidence, { type: T }>["evidence"];

/** "Nov 15" / "15 nov". */
export const day = (date: string, c: AnswerContext) => formatDate(date, c.language, false);
export const signedMoney = (cents: number, c: AnswerContext) => `${cents < 0 ? "−" : "+"}${money(Math.abs(cents), c)}`;

export function rankPhrase(rank: number, c: AnswerContext): string {
  if (rank === 1) return { en: "your best seller", es: "tu producto más vendido", pt: "seu produto mais vendido" }[c.language];
  return { en: `your #${rank} best seller`, es: `tu producto #${rank} en ventas`, pt: `seu produto nº ${rank} em vendas` }[c.language];
}

/** Whole days between two ISO dates. */
export function days(start: string, end: string): number {
  return Math.round((Date.parse(`${end}T00:00:00Z`) - Date.parse(`${start}T00:00:00Z`)) / 86_400_000);
}
