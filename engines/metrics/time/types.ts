/**
 * The calendar vocabulary of the metrics engine. Every range is a span of whole local days in the
 * workspace's time zone: `start` inclusive, `end` exclusive, both 'YYYY-MM-DD'.
 */
import type { WeekStart } from "../../../db/schema/core.ts";

export type { WeekStart };

/** A local calendar date, 'YYYY-MM-DD'. */
export type LocalDate = string;

export const GRAINS = ["day", "week", "month", "quarter", "year"] as const;
export type Grain = (typeof GRAINS)[number];

/** How a workspace reads time: its IANA zone and the day its weeks start. */
export interface WorkspaceCalendar {
  readonly timeZone: string;
  readonly weekStart: WeekStart;
}

/** Which calendar periods a resolved range is made of, so comparisons can follow the calendar. */
export interface RangeAlignment {
  /** The period the range is counted in ("day" for arbitrary spans). */
  readonly unit: Grain;
  /** Whole periods covered (for a partial period, 1). */
  readonly count: number;
  /** True for period-to-date ranges (MTD, "this week", "today"…) that end before their period ends. */
  readonly toDate: boolean;
}

/** A range resolved against a clock and a calendar. */
export interface ResolvedRange {
  readonly start: LocalDate;
  /** Exclusive. */
  readonly end: LocalDate;
  /** Number of local days, end − start. */
  readonly days: number;
  /** Human label in English, e.g. "Oct 2026", "last 30 days (Oct 22 – Nov 20, 2026)". */
  readonly label: string;
  readonly alignment: RangeAlignment;
}

/** One bucket of a grain inside a range; buckets at the edges are clipped to the range. */
export interface TimeBucket {
  readonly start: LocalDate;
  /** Exclusive. */
  readonly end: LocalDate;
  /** The bucket's own period start (before clipping), used as its key: '2026-10-01', '2026-W44'… */
  readonly key: string;
  readonly label: string;
  /** True when clipping cut the bucket short of its whole period. */
  readonly partial: boolean;
}

export const COMPARISONS = ["previous", "last_year"] as const;
export type Comparison = (typeof COMPARISONS)[number];
