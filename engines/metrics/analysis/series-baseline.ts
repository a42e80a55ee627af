/**
 * The seasonality-aware baseline shared by anomaly detection, contribution analysis and the
 * seasonal-trend forecast: a robust trend times (or plus) a day-of-week profile, fitted on a window of
 * history only, then evaluated at any day (including days after the window: the trend is extrapolated).
 *
 * Fit, on history points (xₜ = day number − last history day, yₜ, weekday wₜ):
 *   1. robust level L = mean over weekdays of median(y | weekday).
 *   2. mode: multiplicative when every value is ≥ 0 and L > 0, else additive (level ~0 or signed data).
 *   3. weekday profile from per-weekday medians (fₘ = median_w / L, or oₘ = median_w − L), then twice:
 *      trend = Theil–Sen line of the deseasonalised values (y/f or y − o) on x; profile = per-weekday
 *      median of y/trend (or y − trend), normalised so the factors average 1 (offsets average 0).
 *   4. noise σ = MAD of same-weekday week-over-week differences of the deseasonalised values, ÷ √2
 *      (differences cancel the profile, MAD about their median cancels a linear trend, and unlike in-sample
 *      residuals they are not shrunk by the fit: with 4–8 days per weekday in-sample residuals understate
 *      the noise by 30–50%). Fewer than 7 such pairs: MAD of the in-sample residuals.
 * Evaluate at day d: expected = max(0, trend(d))·f_w(d) (additive: trend(d) + o_w(d)), clamped at 0 when
 * the history is non-negative; predictive σ_d = σ·f_w(d)·√(1 + π/(2k)) (additive: without f_w), where
 * k = history days of that weekday and π/(2k) is the variance of a median of k values relative to σ²:
 * the day's own noise plus the uncertainty of its weekday estimate. Weekdays seen fewer than twice get
 * f = 1 / o = 0.
 */
import { lineAt, mad, mean, median, theilSen, type Line } from "./robust-stats.ts";
import { dayNumber, isNonNegative, weekdayOfDayNumber } from "./series-types.ts";

/** How the weekday profile combines with the trend. */
export type BaselineMode = "multiplicative" | "additive";

/** One history observation: its day number (see `dayNumber`) and value. Gaps are allowed (excluded days). */
export interface HistoryPoint {
  readonly day: number;
  readonly value: number;
}

/** A fitted baseline; evaluate it with {@link evaluateBaseline}. */
export interface SeasonalBaseline {
  readonly mode: BaselineMode;
  /** Trend line on x = day − anchorDay, in deseasonalised units. */
  readonly trend: Line;
  readonly anchorDay: number;
  /** Per weekday (0 = Sunday): multiplicative factors (mean 1) or additive offsets (mean 0). */
  readonly profile: readonly number[];
  /** Robust noise σ in deseasonalised units (see the module comment). */
  readonly sigma: number;
  /** History days per weekday (0 = Sunday). */
  readonly weekdayCounts: readonly number[];
  /** Number of history points the fit used. */
  readonly historyPoints: number;
  /** True when every history value is ≥ 0: expectations are then clamped at 0. */
  readonly nonNegative: boolean;
}

/** The baseline at one day. */
export interface BaselineValue {
  readonly expected: number;
  /** Predictive σ at that day, σ·f_w·√(1 + π/(2k)) (additive: σ·√(1 + π/(2k))), before any floor. */
  readonly sigma: number;
  /** Trend level at that day (deseasonalised). */
  readonly level: number;
  /** The weekday's factor (multiplicative) or offset (additive). */
  readonly weekdayEffect: number;
}

/** Fewest points a baseline is fitted on; below this {@link fitSeasonalBaseline} returns null. */
export const MIN_BASELINE_POINTS = 7;
/** Factors below this are treated as "closed day" and left out of deseasonalised fits. */
const MIN_FACTOR = 0.1;
const PROFILE_PASSES = 2;

/** Fits the baseline on history points (any order, gaps allowed); null with fewer than 7 points. */
export function fitSeasonalBaseline(history: readonly HistoryPoint[]): SeasonalBaseline | null {
  if (history.length < MIN_BASELINE_POINTS) return null;
  const anchorDay = Math.max(...history.map((p) => p.day));
  const xs = history.map((p) => p.day - anchorDay);
  const ys = history.map((p) => p.value);
  const weekdays = history.map((p) => weekdayOfDayNumber(p.day));
  const nonNegative = isNonNegative(ys);
  const byWeekday = (values: readonly number[]): number[][] => {
    const groups: number[][] = [[], [], [], [], [], [], []];
    values.forEach((v, i) => groups[weekdays[i] ?? 0]?.push(v));
    return groups;
  };
  const weekdayMedians = byWeekday(ys).filter((g) => g.length > 0).map(median);
  const level = mean(weekdayMedians);
  const mode: BaselineMode = nonNegative && level > 0 ? "multiplicative" : "additive";
  const fit = mode === "multiplicative" ? fitMultiplicative : fitAdditive;
  const { trend, profile, residuals } = fit(xs, ys, weekdays, byWeekday, level);
  const sigma = weeklyDifferenceSigma(history, profile, mode) ?? mad(residuals);
  const weekdayCounts = byWeekday(ys).map((g) => g.length);
  return { mode, trend, anchorDay, profile, sigma, weekdayCounts, historyPoints: history.length, nonNegative };
}

const MIN_DIFFERENCE_PAIRS = 7;

/** MAD of week-over-week differences of deseasonalised values ÷ √2; null with fewer than 7 pairs. */
function weeklyDifferenceSigma(history: readonly HistoryPoint[], profile: readonly number[], mode: BaselineMode): number | null {
  const deseasonalised = new Map<number, number>();
  for (const p of history) {
    const effect = profile[weekdayOfDayNumber(p.day)] ?? 0;
    if (mode === "additive") deseasonalised.set(p.day, p.value - effect);
    else if (effect >= MIN_FACTOR) deseasonalised.set(p.day, p.value / effect);
  }
  const differences: number[] = [];
  for (const [day, value] of deseasonalised) {
    const weekBefore = deseasonalised.get(day - 7);
    if (weekBefore !== undefined) differences.push(value - weekBefore);
  }
  return differences.length >= MIN_DIFFERENCE_PAIRS ? mad(differences) / Math.SQRT2 : null;
}

interface Fit {
  readonly trend: Line;
  readonly profile: number[];
  readonly residuals: number[];
}
type Grouper = (values: readonly number[]) => number[][];

function fitMultiplicative(xs: readonly number[], ys: readonly number[], weekdays: readonly number[], byWeekday: Grouper, level: number): Fit {
  let profile = byWeekday(ys).map((g) => (g.length >= 2 ? median(g) / level : 1));
  let trend: Line = { slope: 0, intercept: level };
  for (let pass = 0; pass <= PROFILE_PASSES; pass++) {
    const fx: number[] = [];
    const fy: number[] = [];
    ys.forEach((y, i) => {
      const f = profile[weekdays[i] ?? 0] ?? 1;
      if (f >= MIN_FACTOR) {
        fx.push(xs[i] ?? 0);
        fy.push(y / f);
      }
    });
    trend = fx.length >= 2 ? theilSen(fx, fy) : trend;
    if (pass === PROFILE_PASSES) break;
    const ratios = ys.map((y, i) => {
      const t = lineAt(trend, xs[i] ?? 0);
      return t > 0 ? y / t : Number.NaN;
    });
    const groups = byWeekday(ratios).map((g) => g.filter((r) => Number.isFinite(r)));
    const raw = groups.map((g) => (g.length >= 2 ? median(g) : Number.NaN));
    const seen = raw.filter((f) => Number.isFinite(f));
    const norm = mean(seen);
    profile = raw.map((f) => (Number.isFinite(f) && norm > 0 ? f / norm : 1));
  }
  const residuals: number[] = [];
  ys.forEach((y, i) => {
    const f = profile[weekdays[i] ?? 0] ?? 1;
    if (f >= MIN_FACTOR) residuals.push(y / f - lineAt(trend, xs[i] ?? 0));
  });
  return { trend, profile: profile.map((f) => Math.max(0, f)), residuals };
}

function fitAdditive(xs: readonly number[], ys: readonly number[], weekdays: readonly number[], byWeekday: Grouper, level: number): Fit {
  let profile = byWeekday(ys).map((g) => (g.length >= 2 ? median(g) - level : 0));
  let trend: Line = { slope: 0, intercept: level };
  for (let pass = 0; pass <= PROFILE_PASSES; pass++) {
    trend = theilSen(xs, ys.map((y, i) => y - (profile[weekdays[i] ?? 0] ?? 0)));
    if (pass === PROFILE_PASSES) break;
    const groups = byWeekday(ys.map((y, i) => y - lineAt(trend, xs[i] ?? 0)));
    const raw = groups.map((g) => (g.length >= 2 ? median(g) : Number.NaN));
    const center = mean(raw.filter((o) => Number.isFinite(o)));
    profile = raw.map((o) => (Number.isFinite(o) ? o - center : 0));
  }
  const residuals = ys.map((y, i) => y - lineAt(trend, xs[i] ?? 0) - (profile[weekdays[i] ?? 0] ?? 0));
  return { trend, profile, residuals };
}

/** The baseline at a day number (inside or after the fitted window). */
export function evaluateBaseline(baseline: SeasonalBaseline, day: number): BaselineValue {
  const weekdayEffect = baseline.profile[weekdayOfDayNumber(day)] ?? (baseline.mode === "multiplicative" ? 1 : 0);
  const level = lineAt(baseline.trend, day - baseline.anchorDay);
  const seen = Math.max(1, baseline.weekdayCounts[weekdayOfDayNumber(day)] ?? 1);
  const sigma = baseline.sigma * Math.sqrt(1 + Math.PI / (2 * seen));
  switch (baseline.mode) {
    case "multiplicative":
      return { expected: Math.max(0, level) * weekdayEffect, sigma: sigma * weekdayEffect, level, weekdayEffect };
    case "additive": {
      const raw = level + weekdayEffect;
      return { expected: baseline.nonNegative ? Math.max(0, raw) : raw, sigma, level, weekdayEffect };
    }
  }
}

/** History points of a series: (day number, value) for each point, with `dayNumber` of its date. */
export function toHistoryPoints(series: readonly { readonly date: string; readonly value: number }[]): HistoryPoint[] {
  return series.map((p) => ({ day: dayNumber(p.date), value: p.value }));
}
