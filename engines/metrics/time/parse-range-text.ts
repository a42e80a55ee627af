/**
 * Reads the date ranges people type ("last 30 days", "el mes pasado", "desde setembro", "q3 2025",
 * "2026-10-01..2026-10-15") into a RangeSpec, in English, Spanish and Portuguese, ignoring case and
 * accents. The clock is not needed: relative phrases stay relative until resolveRange.
 */
import { err, ok, type Result } from "../../../lib/result.ts";
import { combineEnds, completeDate, parseDateRef } from "./parse-date-text.ts";
import { rangeError, specIssuesError, type RangeError } from "./range-error.ts";
import { rangeSpecSchema, type RangeSpec } from "./range-spec.ts";
import { NUMBER_WORDS, QUARTER_ORDINALS, UNIT_WORDS, alternation, lookup, normalizeRangeText } from "./range-vocabulary.ts";
import type { Grain } from "./types.ts";

type Parsed = Result<RangeSpec, RangeError>;
/** Reads normalized text, or returns undefined when the text is not its kind of phrase. */
type Reader = (text: string) => Parsed | undefined;

const UNIT = `(${alternation(UNIT_WORDS)})`;
const NUMBER = `(\\d+|${alternation(NUMBER_WORDS)})`;
const ORDINAL = `(${alternation(QUARTER_ORDINALS)})`;
const OF_YEAR = "(?: (?:of |de |del |do )?(\\d{4}))?";
const TO_DATE_WORDS = "(?:to date|so far|a la fecha|hasta la fecha|hasta hoy|hasta ahora|ate hoje|ate agora|ate a data)";

const TO_DATE_LETTERS: ReadonlyMap<string, Grain> = new Map([
  ["w", "week"],
  ["m", "month"],
  ["q", "quarter"],
  ["y", "year"],
]);

const regex = (source: string) => new RegExp(`^${source}$`);

/** A unit from the tables; "day" stands for today/yesterday where a period is meant. */
const unitOf = (word: string | undefined): Grain => lookup(UNIT_WORDS, word);

function thisPeriod(unit: Grain): RangeSpec {
  return unit === "day" ? { kind: "today" } : { kind: "this", unit };
}

function previousPeriod(unit: Grain): RangeSpec {
  return unit === "day" ? { kind: "yesterday" } : { kind: "previous", unit };
}

const withYear = (text: string | undefined): { year?: number } => (text === undefined ? {} : { year: Number(text) });

const PATTERNS: ReadonlyArray<readonly [RegExp, (m: RegExpExecArray) => RangeSpec]> = [
  [/^(?:today|hoy|hoje)$/, () => ({ kind: "today" })],
  [/^(?:yesterday|ayer|ontem)$/, () => ({ kind: "yesterday" })],
  [/^([wmqy])td$/, (m) => thisPeriod(lookup(TO_DATE_LETTERS, m[1]))],
  [regex(`(?:the )?(?:this|current) ${UNIT}(?: ${TO_DATE_WORDS})?`), (m) => thisPeriod(unitOf(m[1]))],
  [regex(`(?:est[ea]|ess[ea]|nest[ea]|ness[ea]) ${UNIT}(?: ${TO_DATE_WORDS})?`), (m) => thisPeriod(unitOf(m[1]))],
  [regex(`${UNIT} ${TO_DATE_WORDS}`), (m) => thisPeriod(unitOf(m[1]))],
  [regex(`(?:en )?lo que va (?:del|de la) ${UNIT}`), (m) => thisPeriod(unitOf(m[1]))],
  [
    regex(`(?:(?:the|los|las|os|as) )?(?:last|past|previous|ultim[oa]s|pasad[oa]s|passad[oa]s) ${NUMBER} ${UNIT}`),
    (m) => ({ kind: "last", n: /^\d+$/.test(m[1] ?? "") ? Number(m[1]) : lookup(NUMBER_WORDS, m[1]), unit: unitOf(m[2]) }),
  ],
  [regex(`(?:the )?(?:last|previous|prior|past) ${UNIT}`), (m) => previousPeriod(unitOf(m[1]))],
  [regex(`(?:(?:el|la|o|a) )?${UNIT} (?:pasad[oa]|passad[oa]|anterior)`), (m) => previousPeriod(unitOf(m[1]))],
  [regex(`(?:(?:el|la|o|a) )?ultim[oa] ${UNIT}`), (m) => previousPeriod(unitOf(m[1]))],
  [regex(`[qt]([1-4])(?:-| )?(?:(?:of |de |del )?(\\d{4}))?`), (m) => ({ kind: "quarter", quarter: Number(m[1]), ...withYear(m[2]) })],
  [/^(\d{4})(?:-| )?[qt]([1-4])$/, (m) => ({ kind: "quarter", quarter: Number(m[2]), year: Number(m[1]) })],
  [regex(`([1-4])[qt]${OF_YEAR}`), (m) => ({ kind: "quarter", quarter: Number(m[1]), ...withYear(m[2]) })],
  [regex(`(?:(?:the|el|o) )?${ORDINAL} (?:quarter|trimestre)${OF_YEAR}`), (m) => ({ kind: "quarter", quarter: lookup(QUARTER_ORDINALS, m[1]), ...withYear(m[2]) })],
  [regex(`(?:quarter|trimestre) ([1-4])${OF_YEAR}`), (m) => ({ kind: "quarter", quarter: Number(m[1]), ...withYear(m[2]) })],
  [/^(?:(?:the |el |o )?(?:year|ano) (?:de )?)?(\d{4})$/, (m) => ({ kind: "year", year: Number(m[1]) })],
];

const readPattern: Reader = (text) => {
  for (const [pattern, build] of PATTERNS) {
    const match = pattern.exec(text);
    if (match) return ok(build(match));
  }
  return undefined;
};

const readSlashDate: Reader = (text) => {
  const match = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/.exec(text);
  if (!match) return undefined;
  return err(rangeError("ambiguous_text", `Write dates as YYYY-MM-DD: "${match[0]}" could be read day-first or month-first.`));
};

/** A single date ("2026-10-05", "5 de octubre de 2026") is that day; a month ("octubre de 2025", "2026-10") is that month. */
const readDateOrMonth: Reader = (text) => {
  const ref = parseDateRef(text);
  if (ref?.month === undefined) return undefined;
  if (ref.day === undefined) {
    if (ref.month < 1 || ref.month > 12) return undefined;
    return ok({ kind: "month", month: ref.month, ...(ref.year === undefined ? {} : { year: ref.year }) });
  }
  const date = completeDate(ref, text);
  if (date === undefined) return ok({ kind: "month", month: ref.month, fromDay: ref.day, toDay: ref.day });
  return date.ok ? ok({ kind: "between", start: date.value, end: date.value }) : date;
};

const readSince: Reader = (text) => {
  const match = /^(?:since|starting|starting from|from|beginning|desde|a partir de|a partir del) (.+)$/.exec(text);
  const ref = match?.[1] === undefined ? undefined : parseDateRef(match[1]);
  if (ref?.month === undefined || ref.month < 1 || ref.month > 12) return undefined;
  if (ref.day === undefined) return ok({ kind: "since", month: ref.month, ...(ref.year === undefined ? {} : { year: ref.year }) });
  const date = completeDate(ref, text);
  if (date === undefined) return err(rangeError("ambiguous_text", `"${text}" needs a year: write it like "since 2026-09-01" or "desde 1 de septiembre de 2026".`));
  return date.ok ? ok({ kind: "since", start: date.value }) : date;
};

const SEPARATORS = /\s*\.\.\s*| - | (?:to|through|thru|until|till|and|a|al|ao|hasta|ate|y|e) /g;
const LEFT_PREFIX = /^(?:from|between|de|del|desde|entre|do|da|dos|das) /;

/** "A to B" with any separator we know; each separator position is tried until both ends read as dates. */
const readBetween: Reader = (text) => {
  for (const match of text.matchAll(SEPARATORS)) {
    const left = parseDateRef(text.slice(0, match.index).replace(LEFT_PREFIX, ""));
    const right = parseDateRef(text.slice(match.index + match[0].length));
    if (left === undefined || right === undefined) continue;
    const combined = combineEnds(left, right, text);
    if (combined !== undefined) return combined;
  }
  return undefined;
};

const READERS: readonly Reader[] = [readSlashDate, readPattern, readDateOrMonth, readSince, readBetween];

const LEADING_FILLER = /^(?:in|during|for|over|en|em|durante|no|na|nos|nas) /;

/**
 * The RangeSpec a phrase names, or an error whose message shows what we accept. Relative phrases
 * ("last month", "mês passado") and months or quarters without a year stay relative: resolveRange
 * fixes them against the clock.
 */
export function parseRangeText(text: string): Result<RangeSpec, RangeError> {
  let normalized = normalizeRangeText(text);
  while (LEADING_FILLER.test(normalized)) normalized = normalized.replace(LEADING_FILLER, "");
  for (const read of READERS) {
    const result = read(normalized);
    if (result === undefined) continue;
    if (!result.ok) return result;
    const checked = rangeSpecSchema.safeParse(result.value);
    return checked.success ? ok(checked.data) : err(specIssuesError(checked.error.issues));
  }
  return err(
    rangeError(
      "unrecognized_text",
      `"${text.trim()}" is not a date range we can read. Try "today", "yesterday", "last 30 days", "this month", "last month", "october 2025", "q3 2025", "2025", "2026-10-01..2026-10-15" or "since 2026-09-01" (Spanish and Portuguese work too: "últimos 7 días", "mes pasado", "desde setembro").`,
    ),
  );
}

/** A short help text listing the range phrases parseRangeText accepts, for CLI --help. */
export function describeRangeSyntax(): string {
  return [
    "Date ranges (English, Spanish or Portuguese; case and accents do not matter):",
    "  today, yesterday                      hoy, ayer / hoje, ontem",
    "  last 30 days, last 2 weeks            últimos 30 días / últimos 30 dias (complete periods, up to yesterday)",
    "  this week|month|quarter|year          esta semana, este mes / este mês; also wtd, mtd, qtd, ytd (up to today)",
    "  last week|month|quarter|year          la semana pasada, el mes pasado / semana passada, mês passado",
    "  october, oct 2025                     octubre de 2025 / outubro (without a year: the latest one that has started)",
    "  q3, q3 2025, third quarter            3er trimestre / terceiro trimestre",
    "  2025                                  a whole year",
    "  2026-10-01..2026-10-15                also 'from A to B', 'del 1 al 15 de octubre'; both ends included",
    "  since 2026-09-01, since september     desde 2026-09-01 / desde setembro (up to today)",
    "Weeks start on the workspace's week start; ranges never go past today.",
  ].join("\n");
}
