/**
 * Dates and ranges in words per language: "Nov 1–7, 2026" / "1–7 nov 2026", "November 2026" /
 * "noviembre de 2026" / "novembro de 2026", "Q3 2026" / "T3 2026". Ranges are local dates, end exclusive.
 */
import { addDays, daysBetween, daysInMonth, parseIsoDate } from "../../../lib/calendar-date.ts";
import { offsetMinutesAt } from "../../../lib/zoned-time.ts";
import type { Language } from "../../shared/language.ts";

const SHORT_MONTHS: Readonly<Record<Language, readonly string[]>> = {
  en: ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"],
  es: ["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic"],
  pt: ["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"],
};

const LONG_MONTHS: Readonly<Record<Language, readonly string[]>> = {
  en: ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"],
  es: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
  pt: ["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"],
};

export function shortMonth(month: number, language: Language): string {
  return SHORT_MONTHS[language][month - 1] ?? String(month);
}

export function longMonth(month: number, language: Language): string {
  return LONG_MONTHS[language][month - 1] ?? String(month);
}

/** "Nov 21, 2026" / "21 nov 2026"; without the year when `withYear` is false. */
export function formatDate(date: string, language: Language, withYear = true): string {
  const { year, month, day } = parseIsoDate(date);
  const name = shortMonth(month, language);
  if (language === "en") return withYear ? `${name} ${day}, ${year}` : `${name} ${day}`;
  return withYear ? `${day} ${name} ${year}` : `${day} ${name}`;
}

/** "November 2026" / "noviembre de 2026" / "novembro de 2026". */
export function formatMonth(year: number, month: number, language: Language): string {
  const name = longMonth(month, language);
  return language === "en" ? `${name} ${year}` : `${name} de ${year}`;
}

/** A 'YYYY-MM' month key as "Nov 2026" / "nov 2026". */
export function formatMonthKey(key: string, language: Language): string {
  const [year, month] = key.split("-").map(Number);
  return `${shortMonth(month ?? 1, language)} ${year ?? ""}`;
}

function wholeMonth(start: string, last: string): boolean {
  const s = parseIsoDate(start);
  const l = parseIsoDate(last);
  return s.day === 1 && s.year === l.year && s.month === l.month && l.day === daysInMonth(l.year, l.month);
}

function wholeQuarter(start: string, last: string): number | null {
  const s = parseIsoDate(start);
  const l = parseIsoDate(last);
  if (s.day !== 1 || (s.month - 1) % 3 !== 0 || s.year !== l.year || l.month !== s.month + 2 || l.day !== daysInMonth(l.year, l.month)) return null;
  return (s.month - 1) / 3 + 1;
}

/** Whether a span [start, end) is one calendar day, month, quarter or year, or just a span of days. */
export function spanKind(start: string, end: string): "day" | "month" | "quarter" | "year" | "days" {
  const last = addDays(end, -1);
  if (daysBetween(start, end) <= 1) return "day";
  const s = parseIsoDate(start);
  const l = parseIsoDate(last);
  if (s.month === 1 && s.day === 1 && l.month === 12 && l.day === 31 && s.year === l.year) return "year";
  if (wholeQuarter(start, last) !== null) return "quarter";
  return wholeMonth(start, last) ? "month" : "days";
}

/** A span of local days [start, end) in words. `withYear` false drops the year when it is obvious from the context. */
export function formatRange(start: string, end: string, language: Language, withYear = true): string {
  const last = addDays(end, -1);
  if (daysBetween(start, end) <= 1) return formatDate(start, language, withYear);
  const s = parseIsoDate(start);
  const l = parseIsoDate(last);
  if (s.month === 1 && s.day === 1 && l.month === 12 && l.day === 31 && s.year === l.year) return String(s.year);
  const quarter = wholeQuarter(start, last);
  if (quarter !== null) return `${language === "en" ? "Q" : "T"}${quarter} ${s.year}`;
  if (wholeMonth(start, last)) return withYear ? formatMonth(s.year, s.month, language) : longMonth(s.month, language);
  const year = withYear ? ` ${l.year}` : "";
  if (s.year !== l.year) return `${formatDate(start, language)} – ${formatDate(last, language)}`;
  if (language === "en") {
    const tail = withYear ? `, ${l.year}` : "";
    return s.month === l.month ? `${shortMonth(s.month, language)} ${s.day}–${l.day}${tail}` : `${formatDate(start, language, false)} – ${formatDate(last, language, false)}${tail}`;
  }
  return s.month === l.month ? `${s.day}–${l.day} ${shortMonth(s.month, language)}${year}` : `${formatDate(start, language, false)} – ${formatDate(last, language, false)}${year}`;
}

/** The local date and wall time of an instant in a zone. */
export function localParts(instant: string, timeZone: string): { date: string; hour: number; minute: number } {
  const ms = new Date(instant).getTime();
  // The zone's wall clock as a UTC date (offsets come from lib/zoned-time's cached formatters).
  const wall = new Date(ms + offsetMinutesAt(ms, timeZone) * 60_000);
  return { date: wall.toISOString().slice(0, 10), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
}

/** "Nov 21, 2026 2:05 PM" / "21 nov 2026, 14:05" in the zone. */
export function formatDateTime(instant: string, timeZone: string, language: Language): string {
  const { date, hour, minute } = localParts(instant, timeZone);
  const mm = String(minute).padStart(2, "0");
  if (language === "en") return `${formatDate(date, language)} ${hour % 12 === 0 ? 12 : hour % 12}:${mm} ${hour < 12 ? "AM" : "PM"}`;
  return `${formatDate(date, language)}, ${String(hour).padStart(2, "0")}:${mm}`;
}
