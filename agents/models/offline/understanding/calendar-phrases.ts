/**
 * Date phrases parseRangeText does not read, turned into explicit dates against the workspace's
 * "now": holidays ("el último Black Friday"), weekdays ("qué pasó el martes"), weekends, "anteayer",
 * "hace 3 días". Each reader finds its phrase in the words, marks them taken, and returns a spec.
 */
import { addDays, dayNumber, isoFromDayNumber, nthWeekday, weekdayOf } from "../../../../lib/calendar-date.ts";
import type { RangeSpec } from "../../../../engines/metrics/time/range-spec.ts";
import { NUMBER_WORDS } from "../../../../engines/metrics/time/range-vocabulary.ts";
import { findPhrases, hasPhrase } from "./phrases.ts";
import {
  AGO_LEADS,
  DAY_BEFORE_YESTERDAY,
  HOLIDAY_PHRASES,
  LAST_WORDS,
  PT_WEEKDAY_LEADS,
  PT_WEEKDAY_ORDINALS,
  THIS_WORDS,
  WEEKDAY_PHRASES,
  WEEKEND_PHRASES,
  type Holiday,
} from "./vocabulary/time.ts";

export interface FoundRange {
  readonly spec: RangeSpec;
  readonly start: number;
  readonly end: number;
}

const between = (start: string, end: string): RangeSpec => ({ kind: "between", start, end });
const day = (date: string): RangeSpec => between(date, date);

function holidayDate(holiday: Holiday, year: number): string {
  switch (holiday) {
    case "black_friday":
      return isoFromDayNumber(nthWeekday(year, 11, 5, 4));
    case "cyber_monday":
      return isoFromDayNumber(nthWeekday(year, 11, 5, 4) + 3);
    case "christmas":
      return `${year}-12-25`;
  }
}

function yearAt(words: readonly string[], index: number): number | undefined {
  const word = words[index];
  return word !== undefined && /^(19|20)\d{2}$/.test(word) ? Number(word) : undefined;
}

/** "Black Friday", "el último Cyber Monday", "Navidad 2025": the latest one on or before today unless a year is given. */
export function readHolidays(words: readonly string[], taken: boolean[], today: string): FoundRange[] {
  const found: FoundRange[] = [];
  for (const match of findPhrases(words, HOLIDAY_PHRASES, taken)) {
    const explicit = yearAt(words, match.end) ?? (words[match.end] === "de" || words[match.end] === "of" ? yearAt(words, match.end + 1) : undefined);
    let end = match.end;
    if (explicit !== undefined) end = words[match.end] === "de" || words[match.end] === "of" ? match.end + 2 : match.end + 1;
    for (let k = match.end; k < end; k++) taken[k] = true;
    let year = explicit ?? Number(today.slice(0, 4));
    if (explicit === undefined && holidayDate(match.value, year) > today) year -= 1;
    found.push({ spec: day(holidayDate(match.value, year)), start: match.start, end });
  }
  return found;
}

/** "anteayer", "anteontem", "the day before yesterday". */
export function readDayBeforeYesterday(words: readonly string[], taken: boolean[], today: string): FoundRange[] {
  return findPhrases(words, DAY_BEFORE_YESTERDAY, taken).map((match) => ({ spec: day(addDays(today, -2)), start: match.start, end: match.end }));
}

function countOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word);
}

const DAY_WORDS = new Set(["day", "days", "dia", "dias"]);

/** "hace 3 días", "há 3 dias", "faz 3 dias", "3 days ago": that one day. */
export function readDaysAgo(words: readonly string[], taken: boolean[], today: string): FoundRange[] {
  const found: FoundRange[] = [];
  for (let i = 0; i + 2 < words.length + 1; i++) {
    if (taken[i] === true) continue;
    const lead = AGO_LEADS.has(words[i] ?? "") ? countOf(words[i + 1]) : undefined;
    if (lead !== undefined && DAY_WORDS.has(words[i + 2] ?? "")) {
      found.push({ spec: day(addDays(today, -lead)), start: i, end: i + 3 });
      for (let k = i; k < i + 3; k++) taken[k] = true;
      continue;
    }
    const count = countOf(words[i]);
    if (count !== undefined && DAY_WORDS.has(words[i + 1] ?? "") && words[i + 2] === "ago") {
      found.push({ spec: day(addDays(today, -count)), start: i, end: i + 3 });
      for (let k = i; k < i + 3; k++) taken[k] = true;
    }
  }
  return found;
}

function nearby(words: readonly string[], start: number, end: number, table: typeof THIS_WORDS): boolean {
  return hasPhrase(words.slice(Math.max(0, start - 2), Math.min(words.length, end + 2)), table);
}

/** "this weekend", "el finde pasado", "fim de semana passado": Saturday and Sunday, never past today. */
export function readWeekends(words: readonly string[], taken: boolean[], today: string): FoundRange[] {
  const found: FoundRange[] = [];
  for (const match of findPhrases(words, WEEKEND_PHRASES, taken)) {
    const weekday = weekdayOf(today);
    const inWeekend = weekday === 6 || weekday === 0;
    const lastSaturday = dayNumber(today) - ((weekday + 1) % 7);
    const wantsLast = nearby(words, match.start, match.end, LAST_WORDS);
    const wantsThis = nearby(words, match.start, match.end, THIS_WORDS);
    let saturday = lastSaturday;
    if (inWeekend && wantsLast && !wantsThis) saturday = lastSaturday - 7;
    const start = isoFromDayNumber(saturday);
    const end = isoFromDayNumber(Math.min(saturday + 1, dayNumber(today)));
    found.push({ spec: between(start, end), start: match.start, end: match.end });
  }
  return found;
}

/** "el martes", "last tuesday", "na terça-feira": the latest such day before today ("hoy" is today). */
export function readWeekdays(words: readonly string[], taken: boolean[], today: string): FoundRange[] {
  const found: FoundRange[] = [];
  for (const match of findPhrases(words, WEEKDAY_PHRASES, [...taken], false)) {
    const word = words[match.start] ?? "";
    if (match.end - match.start === 1 && PT_WEEKDAY_ORDINALS.has(word)) {
      const before = words[match.start - 1] ?? "";
      if (!PT_WEEKDAY_LEADS.has(before)) continue;
    }
    const back = ((weekdayOf(today) - match.value + 7) % 7) || 7;
    for (let k = match.start; k < match.end; k++) taken[k] = true;
    found.push({ spec: day(addDays(today, -back)), start: match.start, end: match.end });
  }
  return found;
}
