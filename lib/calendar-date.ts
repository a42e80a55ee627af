/**
 * Calendar dates as 'YYYY-MM-DD' strings, with arithmetic on day numbers (days since 1970-01-01 in
 * the proleptic Gregorian calendar). Nothing here reads the machine's time zone: a date is a date,
 * and turning one into an instant is zoned-time.ts's job.
 */

/** A calendar date, 'YYYY-MM-DD'. */
export type IsoDate = string;

/** The parts of a calendar date; `month` is 1–12. */
export interface CalendarDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** A string that is not a 'YYYY-MM-DD' calendar date; the message quotes it. */
export class InvalidDateError extends Error {
  override readonly name = "InvalidDateError";
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True in Gregorian leap years (every 4th year, except centuries not divisible by 400). */
export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month (`month` 1–12): daysInMonth(2024, 2) is 29. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  const days = MONTH_DAYS[month - 1];
  if (days === undefined) throw new InvalidDateError(`month ${month} is not 1–12`);
  return days;
}

function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(month) && Number.isInteger(day) && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The parts of a 'YYYY-MM-DD' date; throws InvalidDateError for another shape or a day that does not exist. */
export function parseIsoDate(value: string): CalendarDate {
  const match = ISO_DATE.exec(value);
  if (!match) throw new InvalidDateError(`"${value}" is not a date in YYYY-MM-DD form`);
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) throw new InvalidDateError(`"${value}" is not a calendar date`);
  return { year, month, day };
}

/** True when `value` is a 'YYYY-MM-DD' date that exists ('2026-02-30' does not). */
export function isValidIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/** 'YYYY-MM-DD' from parts; throws InvalidDateError when the day does not exist. */
export function isoDateOf(year: number, month: number, day: number): IsoDate {
  if (!isCalendarDate(year, month, day) || year < 0 || year > 9999) throw new InvalidDateError(`${year}-${month}-${day} is not a calendar date`);
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(day).padStart(2, "0")}`;
}

/** Days since 1970-01-01 of a date given by parts (the parts are not validated; day 0 is the previous month's last). */
export function dayNumberOf(year: number, month: number, day: number): number {
  // Howard Hinnant's days_from_civil: years counted from March so the leap day comes last.
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const monthFromMarch = (month + 9) % 12;
  const dayOfYear = Math.floor((153 * monthFromMarch + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}

/** Days since 1970-01-01 (negative before it); throws InvalidDateError for a bad date. */
export function dayNumber(date: IsoDate): number {
  const { year, month, day } = parseIsoDate(date);
  return dayNumberOf(year, month, day);
}

/** The parts of the date a day number falls on. */
export function partsFromDayNumber(n: number): CalendarDate {
  // Hinnant's civil_from_days, the inverse of dayNumberOf.
  const z = n + 719468;
  const era = Math.floor(z / 146097);
  const dayOfEra = z - era * 146097;
  const yearOfEra = Math.floor((dayOfEra - Math.floor(dayOfEra / 1460) + Math.floor(dayOfEra / 36524) - Math.floor(dayOfEra / 146096)) / 365);
  const dayOfYear = dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const monthFromMarch = Math.floor((5 * dayOfYear + 2) / 153);
  const day = dayOfYear - Math.floor((153 * monthFromMarch + 2) / 5) + 1;
  const month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
  return { year: yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day };
}

/** The 'YYYY-MM-DD' date of a day number. */
export function isoFromDayNumber(n: number): IsoDate {
  const { year, month, day } = partsFromDayNumber(n);
  return isoDateOf(year, month, day);
}

/** The date `days` days after `date` (before it when negative). */
export function addDays(date: IsoDate, days: number): IsoDate {
  return isoFromDayNumber(dayNumber(date) + days);
}

/**
 * The same day of the month `months` months later (earlier when negative), clamped to the end of a
 * shorter month: addMonths('2026-01-31', 1) is '2026-02-28'.
 */
export function addMonths(date: IsoDate, months: number): IsoDate {
  const { year, month, day } = parseIsoDate(date);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = index - targetYear * 12 + 1;
  return isoDateOf(targetYear, targetMonth, Math.min(day, daysInMonth(targetYear, targetMonth)));
}

/** The same date `years` years later (earlier when negative); Feb 29 becomes Feb 28 in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * 12);
}

/** Day of the week, 0 = Sunday … 6 = Saturday, of a day number or a 'YYYY-MM-DD' date. */
export function weekdayOf(day: number | IsoDate): number {
  const n = typeof day === "number" ? day : dayNumber(day);
  // 1970-01-01 was a Thursday.
  return (((n + 4) % 7) + 7) % 7;
}

/** Days from `start` to `end`: 0 for the same date, negative when `end` is earlier. */
export function daysBetween(start: IsoDate, end: IsoDate): number {
  return dayNumber(end) - dayNumber(start);
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return dayNumber(a) <= dayNumber(b) ? a : b;
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return dayNumber(a) >= dayNumber(b) ? a : b;
}

/** The day number of the n-th (1-based) given weekday of a month: nthWeekday(2025, 11, 4, 4) is Thanksgiving. */
export function nthWeekday(year: number, month: number, weekday: number, n: number): number {
  const first = dayNumberOf(year, month, 1);
  const offset = (weekday - weekdayOf(first) + 7) % 7;
  return first + offset + (n - 1) * 7;
}

/** The day number of the last given weekday of a month. */
export function lastWeekday(year: number, month: number, weekday: number): number {
  const last = dayNumberOf(year, month, daysInMonth(year, month));
  return last - ((weekdayOf(last) - weekday + 7) % 7);
}
