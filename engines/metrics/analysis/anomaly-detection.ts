/**
 * Anomaly detection on a daily business series: each of the last `lookbackDays` days is compared with a
 * seasonality-aware baseline (robust trend × day-of-week profile, see series-baseline.ts) fitted on the
 * `historyDays` days before it only — never the day itself or later days.
 *
 * Runs: days are evaluated oldest first and a day flagged as anomalous is left out of the history of
 * every later day, so a drop lasting several days is measured against the pre-drop normal on each of its
 * days instead of slowly becoming "the new normal". Days before the lookback window are never flagged and
 * stay in the history (the robust fit tolerates isolated outliers there). A genuine lasting level shift is
 * therefore reported on every day of the window it covers.
 */
import { evaluateBaseline, fitSeasonalBaseline, type HistoryPoint } from "./series-baseline.ts";
import { confidenceOf, deviationPercent, flooredScale, robustZ, severityOf, type AnomalySeverity } from "./anomaly-scoring.ts";
import { dateOfDayNumber, validateSeries, type DailySeries } from "./series-types.ts";

export type { AnomalySeverity };

/** Options of {@link detectAnomalies}; every field has a default. */
export interface AnomalyOptions {
  /** Days at the end of the series to evaluate (default 14). */
  readonly lookbackDays?: number;
  /** Days before an evaluated day its baseline is fitted on (default 56, i.e. 8 of each weekday). */
  readonly historyDays?: number;
  /** Fewest usable history days for a day to be evaluated (default 28). */
  readonly minHistoryDays?: number;
  /** |z| at or above which a day is anomalous (default 3.5). */
  readonly threshold?: number;
  /** Scale floor as a fraction of |expected| (default 0.05). */
  readonly scaleFloorFraction?: number;
  /** Absolute scale floor, in the series' units (default 1). */
  readonly scaleFloorAbsolute?: number;
}

/** One evaluated day with its baseline and normal band. */
export interface DayEvaluation {
  readonly date: string;
  readonly actual: number;
  readonly expected: number;
  /** expected − threshold·scale, clamped at 0 when the history and the day are non-negative. */
  readonly lower: number;
  /** expected + threshold·scale. */
  readonly upper: number;
  /** Robust z-score (actual − expected) / scale. */
  readonly score: number;
  /** Residual scale: max(MAD-based σ at that weekday, scaleFloorFraction·|expected|, scaleFloorAbsolute). */
  readonly scale: number;
  /** Usable history days the baseline was fitted on. */
  readonly historyDays: number;
  readonly anomalous: boolean;
}

/** An anomalous day. */
export interface Anomaly {
  readonly date: string;
  readonly actual: number;
  readonly expected: number;
  readonly lower: number;
  readonly upper: number;
  /** actual − expected. */
  readonly deviation: number;
  /** 100·(actual − expected)/|expected|, in percent (−40 = 40% below); null when expected is 0. */
  readonly deviationPct: number | null;
  /** Robust z-score. */
  readonly score: number;
  readonly direction: "up" | "down";
  /** See `severityOf`: the higher of the |z| rank and the |deviationPct| rank. */
  readonly severity: AnomalySeverity;
  /** See `confidenceOf`: (1 − 2^−(|z|/t)²)·√min(1, historyDays/historyDaysOption). */
  readonly confidence: number;
}

/** Why no day could be evaluated. */
export type AnomalySkipReason = "empty_series" | "insufficient_history";

/** The result of {@link detectAnomalies}. */
export interface AnomalyReport {
  /** Anomalous days, oldest first. */
  readonly anomalies: readonly Anomaly[];
  /** Every evaluated day (anomalous or not), oldest first: the expected value and band for charts. */
  readonly evaluations: readonly DayEvaluation[];
  readonly evaluatedDays: number;
  /** Set when no day was evaluated. */
  readonly skippedReason: AnomalySkipReason | null;
}

/** Options with their defaults applied. */
export type ResolvedAnomalyOptions = Required<AnomalyOptions>;

/** Applies the defaults of {@link AnomalyOptions}. */
export function resolveAnomalyOptions(options: AnomalyOptions = {}): ResolvedAnomalyOptions {
  return {
    lookbackDays: Math.max(0, Math.floor(options.lookbackDays ?? 14)),
    historyDays: Math.max(1, Math.floor(options.historyDays ?? 56)),
    minHistoryDays: Math.max(7, Math.floor(options.minHistoryDays ?? 28)),
    threshold: options.threshold ?? 3.5,
    scaleFloorFraction: options.scaleFloorFraction ?? 0.05,
    scaleFloorAbsolute: options.scaleFloorAbsolute ?? 1,
  };
}

/**
 * Scores a day against a baseline fitted on `history` (points before the day). Null when the history is
 * shorter than `minHistoryDays`.
 */
export function evaluateDay(history: readonly HistoryPoint[], day: number, actual: number, opts: ResolvedAnomalyOptions): DayEvaluation | null {
  if (history.length < opts.minHistoryDays) return null;
  const baseline = fitSeasonalBaseline(history);
  if (baseline === null) return null;
  const at = evaluateBaseline(baseline, day);
  const scale = flooredScale(at.sigma, at.expected, opts.scaleFloorFraction, opts.scaleFloorAbsolute);
  const score = robustZ(actual, at.expected, scale);
  const halfWidth = opts.threshold * scale;
  const clampAtZero = baseline.nonNegative && actual >= 0;
  return {
    date: dateOfDayNumber(day),
    actual,
    expected: at.expected,
    lower: clampAtZero ? Math.max(0, at.expected - halfWidth) : at.expected - halfWidth,
    upper: at.expected + halfWidth,
    score,
    scale,
    historyDays: history.length,
    anomalous: Math.abs(score) >= opts.threshold,
  };
}

/**
 * Finds anomalous days among the last `lookbackDays` of a contiguous daily series (oldest first).
 * Days with fewer than `minHistoryDays` usable history days are not evaluated; when none is,
 * `skippedReason` says why. Throws an InputError for a non-contiguous series or non-finite values.
 */
export function detectAnomalies(series: DailySeries, options?: AnomalyOptions): AnomalyReport {
  const opts = resolveAnomalyOptions(options);
  const start = validateSeries(series);
  if (series.length === 0) return { anomalies: [], evaluations: [], evaluatedDays: 0, skippedReason: "empty_series" };
  const flagged = new Set<number>();
  const evaluations: DayEvaluation[] = [];
  for (let i = Math.max(0, series.length - opts.lookbackDays); i < series.length; i++) {
    const history: HistoryPoint[] = [];
    for (let j = Math.max(0, i - opts.historyDays); j < i; j++) {
      const point = series[j];
      if (point !== undefined && !flagged.has(j)) history.push({ day: start + j, value: point.value });
    }
    const evaluation = evaluateDay(history, start + i, series[i]?.value ?? 0, opts);
    if (evaluation === null) continue;
    evaluations.push(evaluation);
    if (evaluation.anomalous) flagged.add(i);
  }
  const anomalies = evaluations.filter((e) => e.anomalous).map((e) => toAnomaly(e, opts));
  const skippedReason = evaluations.length === 0 ? "insufficient_history" : null;
  return { anomalies, evaluations, evaluatedDays: evaluations.length, skippedReason };
}

function toAnomaly(e: DayEvaluation, opts: ResolvedAnomalyOptions): Anomaly {
  const deviationPct = deviationPercent(e.actual, e.expected);
  return {
    date: e.date,
    actual: e.actual,
    expected: e.expected,
    lower: e.lower,
    upper: e.upper,
    deviation: e.actual - e.expected,
    deviationPct,
    score: e.score,
    direction: e.score >= 0 ? "up" : "down",
    severity: severityOf(e.score, deviationPct, opts.threshold),
    confidence: confidenceOf(e.score, opts.threshold, e.historyDays, opts.historyDays),
  };
}
