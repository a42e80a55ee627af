/**
 * The time of a question, read out of the whole sentence: its range (a RangeSpec, plus text that
 * parseRangeText reads back, for tools whose range is text), a comparison, a trend grain and a future
 * horizon. Date phrases are found by trying parseRangeText on every run of words, longest first, and
 * by calendar-phrases.ts for holidays, weekdays and weekends.
 */
import { dayNumber, daysInMonth } from "../../../../lib/calendar-date.ts";
import { localDate } from "../../../../lib/zoned-time.ts";
import { parseRangeText } from "../../../../engines/metrics/time/parse-range-text.ts";
import { resolveRange } from "../../../../engines/metrics/time/resolve-range.ts";
import type { RangeSpec } from "../../../../engines/metrics/time/range-spec.ts";
import { NUMBER_WORDS } from "../../../../engines/metrics/time/range-vocabulary.ts";
import type { Comparison, Grain } from "../../../../engines/metrics/time/types.ts";
import type { WorkspaceContext } from "../../../shared/workspace-context.ts";
import { readDayBeforeYesterday, readDaysAgo, readHolidays, readWeekdays, readWeekends, type FoundRange } from "./calendar-phrases.ts";
import { findPhrases, firstPhrase, hasPhrase } from "./phrases.ts";
import {
  AMBIGUOUS_MONTH_WORDS,
  COMPARISON_MARKERS,
  DAY_UNITS,
  GRAIN_PHRASES,
  HORIZON_LEADS,
  HORIZON_PHRASES,
  LAST_YEAR_PHRASES,
  MONTH_PREPOSITIONS,
  PREVIOUS_PHRASES,
  YEAR_WORDS,
} from "./vocabulary/time.ts";
import { FOLLOW_UP_LEADS } from "./vocabulary/follow-up-words.ts";

export interface TimeReading {
  /** The question's range, or null when it names none. */
  readonly range: RangeSpec | null;
  readonly comparison: Comparison | null;
  /** undefined: no trend asked; null: a trend without a unit (pick one from the range). */
  readonly grain: Grain | null | undefined;
  /** Days ahead for forecasts and stock ("next week" → 7). */
  readonly horizonDays: number | null;
  /** A date-looking phrase we could not read ("15/10", "32 de octubre"). */
  readonly unreadable: string | null;
  /** Words that belong to time phrases. */
  readonly taken: readonly boolean[];
}

const MAX_WINDOW = 8;

/** Today in the workspace's time zone. */
export function todayOf(context: WorkspaceContext): string {
  return localDate(new Date(context.now), context.workspace.timeZone);
}

/** How many days a spec covers (at least 1), resolved against the workspace's calendar. */
export function rangeDays(spec: RangeSpec, context: WorkspaceContext): number {
  const resolved = resolveRange(spec, { timeZone: context.workspace.timeZone, weekStart: context.workspace.weekStart }, new Date(context.now));
  return resolved.ok ? Math.max(1, resolved.value.days) : 30;
}

/** Days from the range's first day through today (for "what happened on Tuesday" lookbacks). */
export function daysSinceStart(spec: RangeSpec, context: WorkspaceContext): number {
  const resolved = resolveRange(spec, { timeZone: context.workspace.timeZone, weekStart: context.workspace.weekStart }, new Date(context.now));
  if (!resolved.ok) return 14;
  return Math.max(1, dayNumber(todayOf(context)) - dayNumber(resolved.value.start) + 1);
}

/** The spec as text parseRangeText reads back to the same spec, for tools that take text. */
export function rangeText(spec: RangeSpec): string {
  switch (spec.kind) {
    case "today":
      return "today";
    case "yesterday":
      return "yesterday";
    case "last":
      return `last ${spec.n} ${spec.unit}${spec.n === 1 ? "" : "s"}`;
    case "this":
      return `this ${spec.unit}`;
    case "previous":
      return `last ${spec.unit}`;
    case "month": {
      const year = spec.year ?? null;
      if (spec.fromDay === undefined && spec.toDay === undefined) return year === null ? monthName(spec.month) : `${year}-${String(spec.month).padStart(2, "0")}`;
      const from = spec.fromDay ?? 1;
      const to = spec.toDay ?? (year === null ? 31 : daysInMonth(year, spec.month));
      return year === null ? `${monthName(spec.month)} ${from} to ${monthName(spec.month)} ${to}` : `${iso(year, spec.month, from)}..${iso(year, spec.month, to)}`;
    }
    case "quarter":
      return spec.year === undefined ? `q${spec.quarter}` : `q${spec.quarter} ${spec.year}`;
    case "year":
      return String(spec.year);
    case "between":
      return `${spec.start}..${spec.end}`;
    case "since":
      if (spec.start !== undefined) return `since ${spec.start}`;
      return `since ${monthName(spec.month ?? 1)}${spec.year === undefined ? "" : ` ${spec.year}`}`;
  }
}

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"] as const;
const monthName = (month: number): string => MONTHS[month - 1] ?? "january";
const iso = (year: number, month: number, day: number) => `${year}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;

function countOf(word: string | undefined): number | undefined {
  if (word === undefined) return undefined;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS.get(word);
}

/** "la semana que viene" → 7, "próximos 10 días" → 10, "fin de mes" → days left in the month. */
function readHorizon(words: readonly string[], taken: boolean[], today: string): number | null {
  const phrase = findPhrases(words, HORIZON_PHRASES, taken)[0];
  if (phrase !== undefined) {
    if (phrase.value === -1) return Math.max(1, daysInMonth(Number(today.slice(0, 4)), Number(today.slice(5, 7))) - Number(today.slice(8, 10)));
    if (phrase.value === -2) return Math.max(1, dayNumber(`${today.slice(0, 4)}-12-31`) - dayNumber(today));
    return phrase.value;
  }
  for (const lead of findPhrases(words, HORIZON_LEADS, [...taken], false)) {
    let at = lead.end;
    if (["los", "las", "os", "as", "the"].includes(words[at] ?? "")) at++;
    const count = countOf(words[at]);
    const unit = DAY_UNITS.get(words[at + 1] ?? "");
    if (count === undefined || unit === undefined || taken[at] === true) continue;
    for (let k = lead.start; k <= at + 1; k++) taken[k] = true;
    return count * unit;
  }
  return null;
}

function acceptable(window: readonly string[], spec: RangeSpec): boolean {
  const last = window[window.length - 1] ?? "";
  if (window.length === 1 && /^\d+$/.test(last) && !/^(19|20)\d{2}$/.test(last)) return false;
  if (spec.kind === "year" && (spec.year < 2000 || spec.year > 2100)) return false;
  const content = window.filter((word) => !MONTH_PREPOSITIONS.has(word));
  if (content.length === 1 && AMBIGUOUS_MONTH_WORDS.has(content[0] ?? "") && window.length === 1) return false;
  return true;
}

/** Every run of free words that parseRangeText reads, longest first, without overlaps. */
function readWindows(words: readonly string[], taken: boolean[]): { found: FoundRange[]; unreadable: string | null } {
  const found: FoundRange[] = [];
  let unreadable: string | null = null;
  for (let size = Math.min(MAX_WINDOW, words.length); size >= 1; size--) {
    for (let start = 0; start + size <= words.length; start++) {
      if (taken.slice(start, start + size).some(Boolean)) continue;
      const window = words.slice(start, start + size);
      const parsed = parseRangeText(window.join(" "));
      if (!parsed.ok) {
        if (parsed.error.code === "unrecognized_text" || !window.some((word) => /\d/.test(word))) continue;
        unreadable ??= window.join(" ");
        if (parsed.error.code === "invalid_date") for (let k = start; k < start + size; k++) taken[k] = true;
        continue;
      }
      if (!acceptable(window, parsed.value)) continue;
      found.push({ spec: parsed.value, start, end: start + size });
      for (let k = start; k < start + size; k++) taken[k] = true;
    }
  }
  return { found: found.sort((a, b) => a.start - b.start), unreadable };
}

/** "noviembre del año pasado", "q3 of last year": a month or quarter with the previous year. */
function mergeLastYear(found: FoundRange[], words: readonly string[], today: string): FoundRange[] {
  const result: FoundRange[] = [];
  for (let i = 0; i < found.length; i++) {
    const current = found[i];
    const next = found[i + 1];
    if (current === undefined) continue;
    const gap = next === undefined ? [] : words.slice(current.end, next.start);
    const joinable = next !== undefined && gap.length <= 1 && gap.every((word) => ["de", "del", "do", "of", "da"].includes(word));
    if (joinable && next.spec.kind === "previous" && next.spec.unit === "year" && (current.spec.kind === "month" || current.spec.kind === "quarter") && current.spec.year === undefined) {
      result.push({ spec: { ...current.spec, year: Number(today.slice(0, 4)) - 1 }, start: current.start, end: next.end });
      i++;
      continue;
    }
    result.push(current);
  }
  return result;
}

/** Slash dates ("15/10", "10/15/2026") are ambiguous between day-first and month-first: ask. */
function slashDate(words: readonly string[], taken: readonly boolean[]): string | null {
  const at = words.findIndex((word, index) => taken[index] !== true && /^\d{1,2}\/\d{1,2}(\/\d{2,4})?$/.test(word));
  return at < 0 ? null : (words[at] ?? null);
}

/** Reads the time of a message from its (spelling-corrected) words; `blocked` marks member names. */
export function readTime(words: readonly string[], context: WorkspaceContext, blocked: readonly boolean[]): TimeReading {
  const taken = words.map((_, index) => blocked[index] === true);
  const today = todayOf(context);
  const horizonDays = readHorizon(words, taken, today);
  const lastYear = findPhrases(words, LAST_YEAR_PHRASES, taken).length > 0;
  const grains = findPhrases(words, GRAIN_PHRASES, taken);
  const grain = grains.length === 0 ? undefined : (grains.find((match) => match.value !== null)?.value ?? null);
  const marker = firstPhrase(words, COMPARISON_MARKERS, taken);
  const previousWords = findPhrases(words, PREVIOUS_PHRASES, taken).length > 0;
  const slash = slashDate(words, taken);
  const calendar = [
    ...readHolidays(words, taken, today),
    ...readDayBeforeYesterday(words, taken, today),
    ...readDaysAgo(words, taken, today),
    ...readWeekends(words, taken, today),
    ...readWeekdays(words, taken, today),
  ];
  const windows = readWindows(words, taken);
  const found = mergeLastYear([...calendar, ...windows.found].sort((a, b) => a.start - b.start), words, today);
  // "compare this year with last year": a marker before every range leads the sentence; the first range is the main one.
  const leading = marker !== undefined && found.length >= 2 && found.every((range) => range.start >= marker.end);
  const main = leading ? found.slice(0, 1) : found.filter((range) => marker === undefined || range.start < marker.start);
  const after = marker === undefined ? [] : leading ? words.slice(found[1]?.start ?? marker.end) : words.slice(marker.end);
  let comparison: Comparison | null = null;
  if (lastYear) comparison = "last_year";
  else if (marker !== undefined) comparison = hasPhrase(after, YEAR_WORDS) || after.some((word) => /^(19|20)\d{2}$/.test(word)) ? "last_year" : "previous";
  else if (previousWords) comparison = "previous";
  // "more or less than last month", "vs last week" with no range of its own: this period against the one named.
  const subject = marker === undefined ? [] : words.slice(0, marker.start).filter((word) => !hasPhrase([word], FOLLOW_UP_LEADS));
  const compared = marker === undefined || leading || subject.length === 0 ? undefined : found.find((range) => range.start >= marker.end)?.spec;
  const range = main[0]?.spec ?? (compared?.kind === "previous" ? { kind: "this", unit: compared.unit } : null);
  const unreadable = range === null ? (slash ?? windows.unreadable) : null;
  return { range, comparison, grain, horizonDays, unreadable, taken };
}

/** The default grain of a trend over a range: days up to a month, weeks up to half a year, then months. */
export function grainFor(spec: RangeSpec, context: WorkspaceContext): Grain {
  const days = rangeDays(spec, context);
  if (days <= 31) return "day";
  if (days <= 190) return "week";
  return "month";
}

/** The default range of a trend with this grain and no range ("ventas mensuales" → last 12 months). */
export function defaultRangeForGrain(grain: Grain | null | undefined): RangeSpec {
  switch (grain) {
    case "week":
      return { kind: "last", n: 12, unit: "week" };
    case "month":
      return { kind: "last", n: 12, unit: "month" };
    case "quarter":
      return { kind: "last", n: 4, unit: "quarter" };
    case "year":
      return { kind: "last", n: 3, unit: "year" };
    case "day":
    case null:
    case undefined:
      return { kind: "last", n: 30, unit: "day" };
  }
}

