/**
 * The recommended actions detectors attach, as short chat questions (or proposal requests) in each
 * language. Dates in them are written as people say them ("Nov 11" / "11 nov"); richer formatting of
 * the insight itself is agents/answers/insights/insight-text.ts's job.
 */
import { parseIsoDate, type IsoDate } from "../../lib/calendar-date.ts";
import type { InsightAction, LocalizedText } from "./types.ts";

const MONTHS = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  es: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
  pt: ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
} as const;

/** "Nov 11" / "11 nov" / "11 nov". */
export function shortDate(date: IsoDate): LocalizedText {
  const { month, day } = parseIsoDate(date);
  const index = month - 1;
  return { en: `${MONTHS.en[index] ?? month} ${day}`, es: `${day} ${MONTHS.es[index] ?? month}`, pt: `${day} ${MONTHS.pt[index] ?? month}` };
}

export function question(text: LocalizedText): InsightAction {
  return { kind: "question", question: text };
}

export function proposal(text: LocalizedText): InsightAction {
  return { kind: "proposal", request: text };
}
