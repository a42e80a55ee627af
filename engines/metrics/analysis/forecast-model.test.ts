import { describe, expect, it } from "vitest";
import { forecast, type ForecastMethod } from "./forecast-model.ts";
import { forecastTotal } from "./forecast-total.ts";
import { addDays, weekdayOf, type DailyPoint } from "./series-types.ts";
import { nonFiniteNumbers, STORE_WEEK, syntheticSeries } from "./series-synthetic.ts";

const METHODS: readonly ForecastMethod[] = ["holt-winters", "seasonal-trend"];

function noisyStore(seed: number, days = 400): DailyPoint[] {
  return syntheticSeries({ start: "2024-01-01", days, level: 300_000, weekly: STORE_WEEK, growthPerDay: 0.001, noise: 0.15, promoChance: 0.02, seed });
}

describe("forecast", () => {
  it.each([...METHODS, "auto" as const])("reproduces an exact weekly pattern within 1 percent (%s)", (method) => {
    const exact = syntheticSeries({ start: "2025-01-01", days: 120, level: 100_000, weekly: STORE_WEEK, round: false });
    const result = forecast(exact, 28, { method });
    if (!result.ok) throw new Error(result.error.kind);
    const { points, fittedDays } = result.value;
    expect(fittedDays).toBe(120);
    expect(points).toHaveLength(28);
    expect(points[0]!.date).toBe(addDays(exact[119]!.date, 1));
    for (const p of points) {
      const truth = 100_000 * STORE_WEEK[weekdayOf(p.date)]!;
      expect(Math.abs(p.value / truth - 1)).toBeLessThan(0.01);
      expect(p.lower).toBeLessThanOrEqual(p.value);
      expect(p.upper).toBeGreaterThanOrEqual(p.value);
    }
  });

  it("follows a linear trend with Holt–Winters", () => {
    const trend = syntheticSeries({ start: "2025-01-01", days: 120, level: 1, round: false }).map((p, i) => ({ ...p, value: (100_000 + 500 * i) * STORE_WEEK[weekdayOf(p.date)]! }));
    const result = forecast(trend, 28);
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.value.method).toBe("holt-winters");
    result.value.points.forEach((p, h) => {
      const truth = (100_000 + 500 * (120 + h)) * STORE_WEEK[weekdayOf(p.date)]!;
      expect(Math.abs(p.value / truth - 1)).toBeLessThan(0.01);
    });
  });

  it.each(METHODS)("gives 80 percent intervals holding about that share of held-out days on noisy data (%s)", (method) => {
    let inside = 0;
    let days = 0;
    for (let seed = 1; seed <= 6; seed++) {
      const series = noisyStore(seed);
      const result = forecast(series.slice(0, 344), 56, { method });
      if (!result.ok) throw new Error(result.error.kind);
      result.value.points.forEach((p, i) => {
        const actual = series[344 + i]!.value;
        days++;
        if (actual >= p.lower && actual <= p.upper) inside++;
      });
      expect(nonFiniteNumbers(result.value)).toEqual([]);
    }
    expect(inside / days).toBeGreaterThan(0.65);
    expect(inside / days).toBeLessThan(0.95);
  });

  it("widens intervals with the horizon and honours the interval level", () => {
    const series = noisyStore(9);
    const narrow = forecast(series, 56, { intervalLevel: 0.5 });
    const wide = forecast(series, 56, { intervalLevel: 0.95 });
    if (!narrow.ok || !wide.ok) throw new Error("forecast failed");
    const relWidth = (p: { value: number; lower: number; upper: number }): number => (p.upper - p.lower) / p.value;
    const points = wide.value.points;
    for (let h = 1; h < points.length; h++) {
      const here = (points[h]!.upper - points[h]!.value) / points[h]!.value;
      const before = (points[h - 1]!.upper - points[h - 1]!.value) / points[h - 1]!.value;
      expect(here).toBeGreaterThanOrEqual(before - 1e-12);
    }
    expect(relWidth(points[55]!)).toBeGreaterThan(relWidth(points[0]!));
    narrow.value.points.forEach((p, i) => expect(p.upper - p.lower).toBeLessThan(points[i]!.upper - points[i]!.lower));
    expect(wide.value.intervalLevel).toBe(0.95);
    expect(wide.value.intervalErrors).toBeGreaterThan(500);
  });

  it("never forecasts below zero for a non-negative series heading to zero", () => {
    const falling = syntheticSeries({ start: "2025-01-01", days: 90, level: 50_000, weekly: STORE_WEEK, growthPerDay: -0.03, noise: 0.1, seed: 3 });
    for (const method of METHODS) {
      const result = forecast(falling, 60, { method });
      if (!result.ok) throw new Error(result.error.kind);
      for (const p of result.value.points) {
        expect(p.value).toBeGreaterThanOrEqual(0);
        expect(p.lower).toBeGreaterThanOrEqual(0);
      }
    }
  });

  it("handles zero and signed series without NaN", () => {
    const zeros = syntheticSeries({ start: "2025-01-01", days: 60, level: 0 });
    const z = forecast(zeros, 14);
    if (!z.ok) throw new Error(z.error.kind);
    expect(z.value.points.every((p) => p.value === 0 && p.lower === 0 && p.upper === 0)).toBe(true);
    const signed = noisyStore(2, 120).map((p) => ({ ...p, value: p.value - 300_000 }));
    const s = forecast(signed, 14, { method: "auto" });
    if (!s.ok) throw new Error(s.error.kind);
    expect(s.value.points.some((p) => p.lower < 0)).toBe(true);
    expect(nonFiniteNumbers([z, s])).toEqual([]);
  });

  it("returns typed errors for short history and bad arguments", () => {
    const series = noisyStore(1, 27);
    expect(forecast(series, 7)).toEqual({ ok: false, error: { kind: "insufficient_history", historyDays: 27, minHistoryDays: 28 } });
    expect(forecast(noisyStore(1, 60), 0)).toEqual({ ok: false, error: { kind: "invalid_horizon", horizonDays: 0 } });
    expect(forecast(noisyStore(1, 60), 7, { intervalLevel: 1 })).toMatchObject({ ok: false, error: { kind: "invalid_interval_level" } });
    expect(forecast(noisyStore(1, 28), 7).ok).toBe(true);
  });
});

describe("forecastTotal", () => {
  it("sums the daily forecast and brackets the actual total on most held-out months", () => {
    let inside = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const series = noisyStore(seed);
      const train = series.slice(0, 372);
      const total = forecastTotal(train, 28);
      const daily = forecast(train, 28);
      if (!total.ok || !daily.ok) throw new Error("forecast failed");
      expect(total.value.total).toBeCloseTo(daily.value.points.reduce((acc, p) => acc + p.value, 0), 6);
      expect(total.value).toMatchObject({ startDate: daily.value.points[0]!.date, endDate: daily.value.points[27]!.date, days: 28, intervalSource: "rolling-origin-totals" });
      expect(total.value.lower).toBeLessThan(total.value.total);
      expect(total.value.upper).toBeGreaterThan(total.value.total);
      const actual = series.slice(372).reduce((acc, p) => acc + p.value, 0);
      if (actual >= total.value.lower && actual <= total.value.upper) inside++;
      expect(nonFiniteNumbers(total)).toEqual([]);
    }
    expect(inside).toBeGreaterThanOrEqual(6);
  });

  it("falls back to the sum of daily bounds when few runs cover the horizon", () => {
    const series = noisyStore(4, 70);
    const total = forecastTotal(series, 60);
    const daily = forecast(series, 60);
    if (!total.ok || !daily.ok) throw new Error("forecast failed");
    expect(total.value.intervalSource).toBe("sum-of-daily-bounds");
    expect(total.value.upper).toBeCloseTo(daily.value.points.reduce((acc, p) => acc + p.upper, 0), 6);
    expect(forecastTotal(noisyStore(1, 10), 30)).toMatchObject({ ok: false });
  });
});
