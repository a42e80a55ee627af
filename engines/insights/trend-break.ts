/**
 * Trend breaks (pure): a metric whose last `windowDays` days ran well off what the days before them
 * led to expect — a sustained change of level or slope, not one unusual day (those are the anomaly
 * detector's).
 *
 * A metric is a ratio of daily numerators and denominators: a flow (net sales, orders) has
 * denominator 1 a day, so its ratio over the window is its average per day; average order value is
 * sales ÷ orders and conversion rate conversions ÷ sessions, so the window's ratio weighs days by
 * their orders or sessions, as the metric engine does for any range.
 *
 * 1. History: the days before the window, from the first day with any data (a store that opened
 *    later is not a run of zeros).
 * 2. Expected: for a flow, the metric engine's robust seasonal-trend forecast from the history
 *    (Theil–Sen trend × day-of-week profile, forecast-seasonal-trend.ts: a promotion at the end of
 *    the history does not lift it the way it lifts Holt–Winters' level, which then reads the weeks
 *    after the sale as a collapse). For a ratio, the ratio of the sums of the last
 *    RATIO_HISTORY_DAYS: ratios rarely trend over a few months, and forecasting a skewed numerator
 *    (sales) from medians and a count (orders) apart would bias their quotient.
 * 3. change = actual ÷ expected − 1 over the window (a metric expected at 0 or below is not judged).
 * 4. Noise: the same comparison from origins every 7 days inside the history (each expectation from
 *    the days before its origin only, full windows only, as forecast-validation.ts runs them): σ =
 *    RMS of their relative gaps, as forecast-total.ts builds the interval of a total. It holds the
 *    series' noise and the model's own misses, so a noisy or badly fitted series needs a bigger
 *    change. A dozen past windows can miss how noisy a few events are, so σ is at least 1/√λ when
 *    the days count events (orders, conversions), λ the events a window usually holds (a Poisson
 *    count's relative noise); under MIN_WINDOW_EVENTS the metric is not judged at all. For a signed
 *    series (net new MRR, whose expected value can sit near 0) gaps are in the metric's own units
 *    instead, as forecast-intervals.ts does.
 * A break needs every one of:
 * - |change| ≥ MIN_CHANGE (material) and a gap ≥ Z_MIN·σ (outside a 95% band of past misses);
 * - the window's median day off its own expectation by at least MIN_CHANGE/2 the same way (for a
 *   signed series: on the same side), and the change still ≥ MIN_CHANGE with the single most
 *   extreme day left out: one day, or a few exceptional ones (a sale, an outage), cannot make a break;
 * - the last 7 days on the same side: the break is still going on, not over.
 * Confidence = (1 − 2^−(z/Z_MIN)²) · √min(1, runs/FULL_RUNS), z = gap/σ: ½ at the edge of the
 * band, near 1 far outside it, lower with fewer past windows to judge the noise by (the shape of
 * the anomaly detector's confidence, anomaly-scoring.ts).
 */
import { addDays, dayNumber } from "../../lib/calendar-date.ts";
import { forecastSeasonalTrend } from "../metrics/analysis/forecast-seasonal-trend.ts";
import { mean, median, sum } from "../metrics/analysis/robust-stats.ts";

export const WINDOW_DAYS = 14;
export const MIN_CHANGE = 0.15;
export const Z_MIN = 1.96;
/** Fewest past windows to judge the noise by: 21 training days + 5 steps of 7 + the window = 70 days of history. */
export const MIN_RUNS = 6;
/** Past windows at which the data counts as plenty (112 days of history give 12). */
export const FULL_RUNS = 12;
/**
 * Fewest events (orders, conversions) a window must usually hold to be judged: with fewer, a
 * 15–30% change is within the noise (1/√30 ≈ 18%) and the weekday medians of the forecast are
 * mostly zeros.
 */
export const MIN_WINDOW_EVENTS = 30;
/** Days of history a ratio's expected level is taken over (8 of each weekday). */
export const RATIO_HISTORY_DAYS = 56;
const LAST_DAYS = 7;
const MIN_TRAIN_DAYS = 21;
const STEP_DAYS = 7;

/** One day of a metric: a flow's value with denominator 1, or a ratio's numerator and denominator. */
export interface TrendDay {
  readonly date: string;
  readonly numerator: number;
  readonly denominator: number;
  /** The countable events behind the day's value (orders, conversions), when there are any: they set the noise floor. */
  readonly events: number | null;
}

export interface TrendBreak {
  /** The window, local dates [start, end). */
  readonly start: string;
  readonly end: string;
  /** The window's ratio (flows: average per day) and the one the history's forecast expected. */
  readonly actual: number;
  readonly expected: number;
  /** actual ÷ expected − 1 (−0.2 = 20% below). */
  readonly change: number;
  readonly direction: "up" | "down";
  /** The window's summed denominator (flows: its days; ratios: e.g. its orders or sessions). */
  readonly denominator: number;
  /** Consecutive days with data on the break's side of their forecast at the end of the window. */
  readonly daysOnSide: number;
  /** Days with data in the window (a ratio's days without orders or sessions have none). */
  readonly daysWithData: number;
  /** The median day's gap to its own expectation (relative; in units for a signed series). */
  readonly typicalDayGap: number;
  /** The noise σ (relative, or in the metric's units for a signed series), past windows behind it, and the gap ÷ σ. */
  readonly sigma: number;
  readonly runs: number;
  readonly z: number;
  readonly confidence: number;
}

interface Totals {
  readonly n: number;
  readonly d: number;
  readonly nHat: number;
  readonly dHat: number;
}

const ratioOf = (t: Totals): { actual: number; expected: number } => ({ actual: t.d > 0 ? t.n / t.d : 0, expected: t.dHat > 0 ? t.nHat / t.dHat : 0 });

/** The gap between actual and expected: relative (actual ÷ expected − 1), or in the metric's units; null when undefined. */
function gapOf(t: Totals, relative: boolean): number | null {
  if (t.d <= 0 || t.dHat <= 0) return null;
  const { actual, expected } = ratioOf(t);
  if (!relative) return actual - expected;
  return expected > 0 ? actual / expected - 1 : null;
}

function totals(days: readonly TrendDay[], nHat: readonly number[], dHat: readonly number[], keep: (i: number) => boolean = () => true): Totals {
  let n = 0;
  let d = 0;
  let nh = 0;
  let dh = 0;
  days.forEach((day, i) => {
    if (!keep(i)) return;
    n += day.numerator;
    d += day.denominator;
    nh += nHat[i] ?? 0;
    dh += dHat[i] ?? 0;
  });
  return { n, d, nHat: nh, dHat: dh };
}

/** The window's expected numerators and denominators, from the days before it only; null when they cannot be had. */
function expectations(train: readonly TrendDay[], next: readonly TrendDay[], ratio: boolean): { nHat: number[]; dHat: number[] } | null {
  if (ratio) {
    const recent = train.slice(-RATIO_HISTORY_DAYS);
    const d = sum(recent.map((day) => day.denominator));
    if (d <= 0) return null;
    const level = sum(recent.map((day) => day.numerator)) / d;
    return { nHat: next.map((day) => level * day.denominator), dHat: next.map((day) => day.denominator) };
  }
  const first = train[0];
  const nHat = first === undefined ? null : forecastSeasonalTrend(train.map((day) => day.numerator), dayNumber(first.date), next.length);
  return nHat === null ? null : { nHat, dHat: next.map(() => 1) };
}

/** The gaps of past windows inside the history: from origins every 7 days back from its end, each judged from the days before it. */
function pastGaps(history: readonly TrendDay[], windowDays: number, ratio: boolean, relative: boolean): number[] {
  const gaps: number[] = [];
  for (let origin = history.length - STEP_DAYS; origin >= MIN_TRAIN_DAYS; origin -= STEP_DAYS) {
    if (origin + windowDays > history.length) continue;
    const next = history.slice(origin, origin + windowDays);
    const expected = expectations(history.slice(0, origin), next, ratio);
    const gap = expected === null ? null : gapOf(totals(next, expected.nHat, expected.dHat), relative);
    if (gap !== null) gaps.push(gap);
  }
  return gaps;
}

/**
 * The break at the end of `days` (contiguous local days, oldest first, the window last), or null.
 * `ratio` false: a flow (denominators are ignored and count 1 a day).
 */
export function findTrendBreak(days: readonly TrendDay[], ratio: boolean, windowDays = WINDOW_DAYS): TrendBreak | null {
  const series = ratio ? days : days.map((d) => ({ ...d, denominator: 1 }));
  const first = series.findIndex((d) => d.numerator !== 0 || (ratio && d.denominator !== 0));
  if (first < 0) return null;
  const history = series.slice(first, series.length - windowDays);
  const window = series.slice(-windowDays);
  if (window.length < windowDays || history.length < MIN_TRAIN_DAYS + STEP_DAYS * (MIN_RUNS - 1) + windowDays) return null;
  const events = usualEvents(history, windowDays);
  if (events !== null && events < MIN_WINDOW_EVENTS) return null;
  const forecast = expectations(history, window, ratio);
  if (forecast === null) return null;
  const { nHat, dHat } = forecast;

  // Relative gaps for non-negative series (sales, rates); in the metric's units for signed ones (net new MRR).
  const relative = history.every((d) => d.numerator >= 0 && d.denominator >= 0);
  const all = totals(window, nHat, dHat);
  const { actual, expected } = ratioOf(all);
  const change = expected > 0 && all.d > 0 ? actual / expected - 1 : null;
  if (change === null || Math.abs(change) < MIN_CHANGE) return null;
  const gaps = pastGaps(history, windowDays, ratio, relative);
  if (gaps.length < MIN_RUNS) return null;
  const sigma = Math.max(Math.sqrt(mean(gaps.map((g) => g * g))), relative ? eventFloor(history, windowDays) : 0);
  const gap = relative ? change : actual - expected;
  const z = sigma > 0 ? Math.abs(gap) / sigma : Number.POSITIVE_INFINITY;
  if (z < Z_MIN) return null;

  const sign = Math.sign(change);
  // Each day against its own forecast ratio, in numerator units: + above, − below.
  const excess = window.map((d, i) => {
    const dayRatio = (dHat[i] ?? 0) > 0 ? (nHat[i] ?? 0) / dHat[i]! : expected;
    return d.numerator - dayRatio * d.denominator;
  });
  const withData = window.map((d) => d.denominator > 0);
  const onSide = excess.map((e, i) => withData[i]! && Math.sign(e) === sign);
  const daysWithData = withData.filter(Boolean).length;
  // The typical day: its gap relative to its own expectation (signed series: in units, only its side counts).
  const dailyGaps = window.flatMap((d, i) => {
    const scale = relative ? (nHat[i] ?? 0) * (d.denominator / (dHat[i] || 1)) : 1;
    return withData[i] && scale > 0 ? [excess[i]! / scale] : [];
  });
  const typical = median(dailyGaps);
  if (relative ? sign * typical < MIN_CHANGE / 2 : sign * typical <= 0) return null;
  let extreme = 0;
  for (let i = 1; i < excess.length; i++) if (sign * excess[i]! > sign * excess[extreme]!) extreme = i;
  const withoutExtreme = gapOf(totals(window, nHat, dHat, (i) => i !== extreme), true);
  if (withoutExtreme === null || sign * withoutExtreme < MIN_CHANGE) return null;
  const lastDays = gapOf(totals(window, nHat, dHat, (i) => i >= windowDays - LAST_DAYS), relative);
  if (lastDays === null || sign * lastDays <= 0) return null;

  let daysOnSide = 0;
  for (let i = windowDays - 1; i >= 0; i--) {
    if (!withData[i]) continue;
    if (!onSide[i]) break;
    daysOnSide++;
  }
  const runsFactor = Math.sqrt(Math.min(1, gaps.length / FULL_RUNS));
  const confidence = Math.round((1 - 2 ** -((z / Z_MIN) ** 2)) * runsFactor * 1000) / 1000;
  return {
    start: window[0]!.date,
    end: addDays(window[window.length - 1]!.date, 1),
    actual,
    expected,
    change,
    direction: change > 0 ? "up" : "down",
    denominator: all.d,
    daysOnSide,
    daysWithData,
    typicalDayGap: typical,
    sigma,
    runs: gaps.length,
    z,
    confidence,
  };
}

/**
 * The relative noise a window of counted events has at the least: 1/√λ, λ = the events a window
 * usually holds (their mean over the last 28 history days × the window's days), as for a Poisson
 * count. 0 when the days carry no event counts.
 */
function eventFloor(history: readonly TrendDay[], windowDays: number): number {
  const lambda = usualEvents(history, windowDays);
  return lambda === null ? 0 : 1 / Math.sqrt(lambda);
}

/** The events a window usually holds (mean of the last 28 history days × its days); null without event counts. */
function usualEvents(history: readonly TrendDay[], windowDays: number): number | null {
  const recent = history.slice(-28);
  if (recent.some((d) => d.events === null)) return null;
  return mean(recent.map((d) => d.events ?? 0)) * windowDays;
}
