/**
 * "What would be normal on this day?": the anomaly detector's baseline for one date, with its band, for
 * explaining an anomaly or answering "what do we usually sell on a Tuesday".
 */
import { resolveAnomalyOptions, type AnomalyOptions } from "./anomaly-detection.ts";
import { flooredScale } from "./anomaly-scoring.ts";
import { evaluateBaseline, fitSeasonalBaseline, type BaselineMode, type HistoryPoint } from "./series-baseline.ts";
import { dayNumber, validateSeries, weekdayOf, type DailySeries, type Weekday } from "./series-types.ts";

/** The baseline of one date. */
export interface ExpectedValue {
  readonly date: string;
  readonly weekday: Weekday;
  readonly expected: number;
  /** expected ∓ threshold·scale, the band outside which the day would be flagged (lower clamped at 0 for non-negative series). */
  readonly lower: number;
  readonly upper: number;
  /** Trend level at the date, before the weekday effect. */
  readonly level: number;
  /** Weekday factor (multiplicative: 1.2 = 20% above the level) or offset (additive, in the series' units). */
  readonly weekdayEffect: number;
  readonly mode: BaselineMode;
  /** History days the baseline used. */
  readonly historyDays: number;
}

/**
 * The expected value of `date` from the `historyDays` days of the series strictly before it (the date may
 * lie inside the series or after its end, in which case the trend is extrapolated; days in `exclude` are
 * left out of the history). Null when fewer than `minHistoryDays` history days are available.
 */
export function expectedFor(series: DailySeries, date: string, options?: AnomalyOptions & { readonly exclude?: readonly string[] }): ExpectedValue | null {
  const opts = resolveAnomalyOptions(options);
  const start = validateSeries(series);
  const day = dayNumber(date);
  const excluded = new Set((options?.exclude ?? []).map(dayNumber));
  const history: HistoryPoint[] = [];
  series.forEach((point, i) => {
    const d = start + i;
    if (d < day && d >= day - opts.historyDays && !excluded.has(d)) history.push({ day: d, value: point.value });
  });
  if (history.length < opts.minHistoryDays) return null;
  const baseline = fitSeasonalBaseline(history);
  if (baseline === null) return null;
  const at = evaluateBaseline(baseline, day);
  const halfWidth = opts.threshold * flooredScale(at.sigma, at.expected, opts.scaleFloorFraction, opts.scaleFloorAbsolute);
  const lower = at.expected - halfWidth;
  return {
    date,
    weekday: weekdayOf(date),
    expected: at.expected,
    lower: baseline.nonNegative ? Math.max(0, lower) : lower,
    upper: at.expected + halfWidth,
    level: at.level,
    weekdayEffect: at.weekdayEffect,
    mode: baseline.mode,
    historyDays: history.length,
  };
}
