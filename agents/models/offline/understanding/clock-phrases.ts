/**
 * Times of day in a message, for notification settings: "a las 7" → 07:00, "a las 7 de la tarde",
 * "7pm" → 19:00, "às 8h" → 08:00, "19:30"; spans for quiet hours ("22 to 7", "de 10pm a 7am",
 * "das 22h às 7h"), and their open ends ("after 10pm", "antes de las 8"). Read from the folded text
 * (colons kept), since the tokenizer splits "8:30".
 */
import { fold } from "./normalize.ts";

export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
  /** The message said am/pm or a part of the day. */
  readonly marked: boolean;
}

const T = String.raw`(\d{1,2})(?:\s*[:.h]\s*(\d{2}))?\s*(a\.?\s?m\.?|p\.?\s?m\.?|hrs|hs|h)?(?![\d])`;
const PART = String.raw`(?:\s*(de la manana|de la tarde|de la noche|de la madrugada|a la manana|a la tarde|a la noche|in the morning|in the afternoon|in the evening|at night|tonight|da manha|de manha|da tarde|a tarde|da noite|de noite|a noite|da madrugada))?`;
const LEAD = String.raw`(?:a las|a la|alas|at|as|for|para las|para as|pras|pra as|by|around|tipo|sobre las|como a las)`;

const AT = new RegExp(String.raw`(?:^|\s)${LEAD}\s+${T}${PART}`);
const MARKED = new RegExp(String.raw`(?:^|\s)(\d{1,2})(?:[:.](\d{2}))?\s*(a\.?m\.?|p\.?m\.?|hs|h)(?![\p{L}\d])${PART}`, "u");
const COLON = /(?:^|\s)(\d{1,2}):(\d{2})(?!\d)/;
const SPAN = new RegExp(
  String.raw`(?:^|\s)(?:from|de|desde|entre|between|das|da)?\s*(?:las\s+|the\s+)?${T}${PART}\s*(?:to|a|-|–|until|till|through|hasta|y|and|e|ate|as)\s+(?:las\s+|as\s+)?${T}${PART}`,
);
const SPAN_DASH = new RegExp(String.raw`(?:^|\s)(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|h)?\s*[-–]\s*(\d{1,2})(?:[:.](\d{2}))?\s*(am|pm|h)?(?![\d])`);
const AFTER = new RegExp(String.raw`(?:after|past|despues de las|despues de la|despues de|pasadas las|a partir de las|a partir de|depois das|depois da|depois de|apos as|a partir das)\s+${T}${PART}`);
const BEFORE = new RegExp(String.raw`(?:before|until|till|antes de las|antes de la|antes de|antes das|antes da|hasta las|ate as|ate)\s+${T}${PART}`);

const LATE = /p\.?\s?m|tarde|noche|noite|evening|night|tonight|afternoon/;
const EARLY = /a\.?\s?m|manana|manha|morning|madrugada/;

function clockOf(hourText: string | undefined, minuteText: string | undefined, marker: string | undefined, part: string | undefined): ClockTime | null {
  let hour = Number(hourText);
  const minute = minuteText === undefined ? 0 : Number(minuteText);
  const said = `${marker ?? ""} ${part ?? ""}`;
  const marked = LATE.test(said) || EARLY.test(said);
  if (!Number.isInteger(hour) || hour > 24 || minute > 59) return null;
  if (LATE.test(said)) {
    // "12 de la noche" is midnight; "a las 2 de la madrugada/noche" stays early.
    if (/noche|night|noite/.test(said) && (hour === 12 || hour <= 4)) hour = hour === 12 ? 0 : hour;
    else if (hour < 12) hour += 12;
  } else if (EARLY.test(said) && hour === 12) hour = 0;
  if (hour === 24) hour = 0;
  return { hour, minute, marked };
}

/** "07:00". */
export function clockText(time: ClockTime): string {
  return `${String(time.hour).padStart(2, "0")}:${String(time.minute).padStart(2, "0")}`;
}

/** The one time of day the message names ("a las 7", "7pm", "às 8h", "19:30"), or null. */
export function readClockTime(text: string): ClockTime | null {
  const folded = fold(text);
  for (const pattern of [AT, MARKED, COLON]) {
    const match = pattern.exec(folded);
    if (match === null) continue;
    const time = pattern === COLON ? clockOf(match[1], match[2], undefined, undefined) : clockOf(match[1], match[2], match[3], match[4]);
    if (time !== null) return time;
  }
  return null;
}

/** A night-time start said without am/pm ("from 10 to 7", "after 11"): the evening hour. */
const evening = (time: ClockTime): ClockTime => (!time.marked && time.hour >= 6 && time.hour <= 11 ? { ...time, hour: time.hour + 12 } : time);

export interface ClockSpan {
  readonly start: ClockTime | null;
  readonly end: ClockTime | null;
}

/** Quiet hours said in the message: a span ("22 to 7"), or one end ("after 10pm", "antes de las 8"); null when none. */
export function readClockSpan(text: string): ClockSpan | null {
  const folded = fold(text);
  const span = SPAN.exec(folded);
  if (span !== null) {
    const start = clockOf(span[1], span[2], span[3], span[4]);
    const end = clockOf(span[5], span[6], span[7], span[8]);
    if (start !== null && end !== null) return { start: evening(start), end };
  }
  const dash = SPAN_DASH.exec(folded);
  if (dash !== null) {
    const start = clockOf(dash[1], dash[2], dash[3], undefined);
    const end = clockOf(dash[4], dash[5], dash[6], undefined);
    if (start !== null && end !== null) return { start: evening(start), end };
  }
  const after = AFTER.exec(folded);
  const before = BEFORE.exec(folded);
  const start = after === null ? null : clockOf(after[1], after[2], after[3], after[4]);
  const end = before === null ? null : clockOf(before[1], before[2], before[3], before[4]);
  if (start === null && end === null) return null;
  return { start: start === null ? null : evening(start), end };
}
