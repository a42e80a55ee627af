/**
 * The input of every statistical function in this folder: a daily series of contiguous local days,
 * oldest first, one finite number per day (the caller fills days without activity with 0).
 */
import { dayNumber as calendarDayNumber, InvalidDateError, isoFromDayNumber } from "../../../lib/calendar-date.ts";
import { InputError } from "../../../lib/input-error.ts";

/** One day of a daily series: a local date 'YYYY-MM-DD' and its value (e.g. net sales in cents, orders). */
export interface DailyPoint {
  readonly date: string;
  readonly value: number;
}

/** A daily series: contiguous local days, oldest first. */
export type DailySeries = readonly DailyPoint[];

/** Weekday of a date, 0 = Sunday … 6 = Saturday (the convention of `Date#getUTCDay`). */
export type Weekday = 0 | 1 | 2 | 3 | 4 | 5 | 6;

/**
 * Days since 1970-01-01 of a local date (lib/calendar-date arithmetic, never the machine's zone).
 * Throws an InputError for anything that is not a real calendar date.
 */
export function dayNumber(date: string): number {
  try {
    return calendarDayNumber(date);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new InputError(error.message);
    throw error;
  }
}

/** The local date 'YYYY-MM-DD' of a day number (inverse of {@link dayNumber}). */
export const dateOfDayNumber = isoFromDayNumber;

/** The date `days` days after `date` (negative goes back). */
export function addDays(date: string, days: number): string {
  return isoFromDayNumber(dayNumber(date) + days);
}

/** Weekday of a day number: 1970-01-01 was a Thursday (4). */
export function weekdayOfDayNumber(day: number): Weekday {
  const weekday = (((day + 4) % 7) + 7) % 7;
  return toWeekday(weekday);
}

/** Weekday of a local date, 0 = Sunday … 6 = Saturday, computed from the date string alone. */
export function weekdayOf(date: string): Weekday {
  return weekdayOfDayNumber(dayNumber(date));
}

function toWeekday(n: number): Weekday {
  switch (n) {
    case 0:
    case 1:
    case 2:
    case 3:
    case 4:
    case 5:
    case 6:
      return n;
    default:
      throw new Error(`Weekday out of range: ${n}`);
  }
}

/**
 * Checks that a series is contiguous, oldest first, with finite values; throws an InputError naming the
 * first offending point. Returns the day number of the first date (NaN-free; 0 for an empty series).
 */
export function validateSeries(series: DailySeries, what = "series"): number {
  const first = series[0];
  if (first === undefined) return 0;
  const start = dayNumber(first.date);
  series.forEach((point, i) => {
    if (!Number.isFinite(point.value)) {
      throw new InputError(`${what}: value on ${point.date} is not a finite number (${String(point.value)})`);
    }
    if (i > 0 && dayNumber(point.date) !== start + i) {
      throw new InputError(`${what}: dates must be contiguous days, oldest first; ${point.date} is at position ${i} after ${first.date}`);
    }
  });
  return start;
}

/** True when no value of the series is negative (then bands, forecasts and intervals are clamped at 0). */
export function isNonNegative(values: readonly number[]): boolean {
  return values.every((v) => v >= 0);
}
