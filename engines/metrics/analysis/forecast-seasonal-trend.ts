/**
 * The robust seasonal-trend forecast: the anomaly detector's baseline (Theil–Sen trend × day-of-week
 * profile, see series-baseline.ts) fitted on the last `windowDays` days and extrapolated, with the trend
 * slope damped beyond the window: level(h) = level(0) + slope·(φ + φ² + … + φʰ).
 */
import { evaluateBaseline, fitSeasonalBaseline, type SeasonalBaseline } from "./series-baseline.ts";

/** Days the seasonal-trend model is fitted on (12 of each weekday). */
export const SEASONAL_TREND_WINDOW = 84;
/** Per-day damping of the extrapolated slope. */
export const SEASONAL_TREND_DAMPING = 0.98;

/** Point forecasts for the `horizon` days after `values` (day numbers firstDay, firstDay + 1, …); null with under 7 values. */
export function forecastSeasonalTrend(values: readonly number[], firstDay: number, horizon: number, windowDays = SEASONAL_TREND_WINDOW): number[] | null {
  const from = Math.max(0, values.length - windowDays);
  const history = values.slice(from).map((value, i) => ({ day: firstDay + from + i, value }));
  const baseline = fitSeasonalBaseline(history);
  if (baseline === null) return null;
  const lastDay = firstDay + values.length - 1;
  const out: number[] = [];
  let damped = 0;
  for (let h = 1; h <= horizon; h++) {
    damped += SEASONAL_TREND_DAMPING ** h;
    out.push(dampedValue(baseline, lastDay, h, damped));
  }
  return out;
}

function dampedValue(baseline: SeasonalBaseline, lastDay: number, h: number, damped: number): number {
  const at = evaluateBaseline(baseline, lastDay + h);
  const level = evaluateBaseline(baseline, lastDay).level + baseline.trend.slope * damped;
  switch (baseline.mode) {
    case "multiplicative":
      return Math.max(0, level) * at.weekdayEffect;
    case "additive": {
      const raw = level + at.weekdayEffect;
      return baseline.nonNegative ? Math.max(0, raw) : raw;
    }
  }
}
