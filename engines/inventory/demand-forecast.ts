/**
 * Daily demand per SKU from its recent sales, aware of the day of the week.
 *
 * The method (deliberately simple, robust for small stores with sparse sales):
 * 1. Only days the SKU could sell count: a day that opened and closed with nothing on hand and sold
 *    nothing is a stockout, not zero demand (the demand is censored), so it is left out.
 * 2. Weekday factors: each weekday's mean units over the overall mean, shrunk towards 1 with
 *    WEEKDAY_PRIOR_DAYS pseudo-days (a weekday seen 12 times moves 75% of the way to its own
 *    ratio), then rescaled to average exactly 1.
 * 3. Level: the exponentially weighted mean of the de-seasonalised units (units ÷ weekday factor),
 *    each day weighted 0.5^(age / LEVEL_HALF_LIFE_DAYS): simple exponential smoothing in closed
 *    form, so the last four weeks count as much as everything before them.
 * 4. Forecast for a date: level × its weekday factor. Variability: the standard deviation of the
 *    residuals (units − forecast) on the days used, never below √level (Poisson noise) when fewer
 *    than MIN_DAYS_FOR_SPREAD days are known.
 */
import { dayNumber, weekdayOf, type IsoDate } from "../../lib/calendar-date.ts";

export const LEVEL_HALF_LIFE_DAYS = 28;
export const WEEKDAY_PRIOR_DAYS = 4;
export const MIN_DAYS_FOR_SPREAD = 14;

/** Units sold on one local day, and whether there was stock to sell that day. */
export interface DailySales {
  readonly date: IsoDate;
  readonly units: number;
  readonly available: boolean;
}

export interface DemandForecast {
  /** Units per day, before weekday factors. */
  readonly levelPerDay: number;
  /** Factor per weekday, 0 = Sunday … 6 = Saturday; their mean is 1. */
  readonly weekdayFactors: readonly number[];
  /** Standard deviation of daily units around the forecast. */
  readonly sigmaPerDay: number;
  /** Days the estimate is built on (available days in the window). */
  readonly observedDays: number;
  /** Days left out as stockouts. */
  readonly censoredDays: number;
}

/** Forecasts daily demand from a window of daily sales (any order; dates must be distinct). */
export function forecastDemand(history: readonly DailySales[]): DemandForecast {
  const used: { readonly units: number; readonly day: number; readonly weekday: number }[] = [];
  for (const sales of history) {
    if (!sales.available && sales.units <= 0) continue;
    const day = dayNumber(sales.date);
    used.push({ units: sales.units, day, weekday: weekdayOf(day) });
  }
  const censoredDays = history.length - used.length;
  if (used.length === 0) return { levelPerDay: 0, weekdayFactors: [1, 1, 1, 1, 1, 1, 1], sigmaPerDay: 0, observedDays: 0, censoredDays };

  const mean = used.reduce((sum, day) => sum + day.units, 0) / used.length;
  const factors = weekdayFactorsOf(used, mean);
  const newest = used.reduce((latest, day) => Math.max(latest, day.day), used[0]!.day);
  let weighted = 0;
  let weights = 0;
  for (const day of used) {
    const weight = 0.5 ** ((newest - day.day) / LEVEL_HALF_LIFE_DAYS);
    weighted += (weight * day.units) / factors[day.weekday]!;
    weights += weight;
  }
  const level = weighted / weights;

  let squares = 0;
  for (const day of used) {
    const residual = day.units - level * factors[day.weekday]!;
    squares += residual * residual;
  }
  const spread = used.length > 1 ? Math.sqrt(squares / (used.length - 1)) : 0;
  const sigmaPerDay = used.length < MIN_DAYS_FOR_SPREAD ? Math.max(spread, Math.sqrt(level)) : spread;
  return { levelPerDay: level, weekdayFactors: factors, sigmaPerDay, observedDays: used.length, censoredDays };
}

function weekdayFactorsOf(used: readonly { readonly units: number; readonly weekday: number }[], mean: number): number[] {
  if (mean <= 0) return [1, 1, 1, 1, 1, 1, 1];
  const sums = [0, 0, 0, 0, 0, 0, 0];
  const counts = [0, 0, 0, 0, 0, 0, 0];
  for (const day of used) {
    sums[day.weekday]! += day.units;
    counts[day.weekday]! += 1;
  }
  const raw = sums.map((sum, weekday) => {
    const n = counts[weekday]!;
    const own = n > 0 ? sum / n / mean : 1;
    const trust = n / (n + WEEKDAY_PRIOR_DAYS);
    return trust * own + (1 - trust);
  });
  const average = raw.reduce((a, b) => a + b, 0) / 7;
  // A weekday that never sells gets a small floor so de-seasonalising never divides by zero.
  return raw.map((factor) => Math.max(factor / average, 0.05));
}

/** Expected units on each of the `days` local days from `start` (inclusive). */
export function demandOver(forecast: DemandForecast, start: IsoDate, days: number): number {
  const first = weekdayOf(start);
  let total = 0;
  for (let offset = 0; offset < days; offset++) total += forecast.levelPerDay * (forecast.weekdayFactors[(first + offset) % 7] ?? 1);
  return total;
}
