import { describe, expect, it } from "vitest";
import { backtest } from "./backtest.ts";
import { coverage, errorMetrics, seasonalNaive } from "./backtest-metrics.ts";
import { addDays } from "./series-types.ts";
import { nonFiniteNumbers, STORE_WEEK, syntheticSeries } from "./series-synthetic.ts";

describe("backtest metrics", () => {
  it("computes MAPE skipping zero actuals, WAPE, sMAPE and bias", () => {
    const m = errorMetrics([100, 0, 50, 200], [110, 5, 40, 200]);
    expect(m.mapeSkippedZeros).toBe(1);
    expect(m.mape).toBeCloseTo((0.1 + 0.2 + 0) / 3, 10);
    expect(m.wape).toBeCloseTo(25 / 350, 10);
    expect(m.bias).toBeCloseTo(5 / 350, 10);
    expect(m.smape).toBeCloseTo((20 / 210 + 2 + 20 / 90 + 0) / 4, 10);
    expect(errorMetrics([0, 0], [0, 0])).toEqual({ mape: null, mapeSkippedZeros: 2, wape: null, smape: null, bias: null, days: 2 });
  });

  it("measures coverage and repeats the last observed week as the seasonal-naive forecast", () => {
    expect(coverage([1, 5, 10], [0, 0, 0], [2, 4, 10])).toBeCloseTo(2 / 3, 10);
    expect(coverage([], [], [])).toBeNull();
    const train = [9, 9, 1, 2, 3, 4, 5, 6, 7];
    expect(seasonalNaive(train, 9)).toEqual([1, 2, 3, 4, 5, 6, 7, 1, 2]);
    expect(seasonalNaive([1, 2], 3)).toEqual([]);
  });
});

describe("backtest", () => {
  const series = syntheticSeries({ start: "2024-01-01", days: 420, level: 400_000, weekly: STORE_WEEK, growthPerDay: 0.0015, noise: 0.12, promoChance: 0.02, seed: 21 });

  it("beats seasonal-naive on weekly + trend + noise data, with calibrated-looking intervals", () => {
    const result = backtest(series);
    if (!result.ok) throw new Error(result.error.kind);
    const report = result.value;
    expect(report.folds).toHaveLength(4);
    const last = series[series.length - 1]!.date;
    expect(report.folds.map((f) => f.trainEnd)).toEqual([-112, -84, -56, -28].map((d) => addDays(last, d)));
    expect(report.folds.every((f) => f.horizon === 28 && f.method === "holt-winters")).toBe(true);
    expect(report.mape!).toBeLessThan(report.naiveSeasonalMape!);
    expect(report.wape!).toBeLessThan(report.naiveSeasonalWape!);
    expect(report.skill!).toBeGreaterThan(0.15);
    expect(report.coverage!).toBeGreaterThan(0.65);
    expect(report.coverage!).toBeLessThan(0.97);
    expect(report.mapeSkippedZeros).toBe(0);
    expect(nonFiniteNumbers(report)).toEqual([]);
  });

  it("uses the step between origins and drops folds without enough training data", () => {
    const short = series.slice(0, 80);
    const result = backtest(short, { horizonDays: 14, folds: 8, stepDays: 7 });
    if (!result.ok) throw new Error(result.error.kind);
    // Origins at days 31, 38, …, 66 (training ≥ 28 days); the two older ones (24 and 17 days) are dropped.
    expect(result.value.folds.map((f) => f.trainEnd)).toEqual(["2024-01-31", "2024-02-07", "2024-02-14", "2024-02-21", "2024-02-28", "2024-03-06"]);
    const tooShort = backtest(series.slice(0, 40), { horizonDays: 28 });
    expect(tooShort).toEqual({ ok: false, error: { kind: "no_folds", historyDays: 40, neededDays: 56 } });
  });

  it("reports skipped zero days and no NaN on a series with closed days", () => {
    const closedSundays = series.map((p, i) => (i % 7 === 3 ? { ...p, value: 0 } : p));
    const result = backtest(closedSundays, { folds: 2 });
    if (!result.ok) throw new Error(result.error.kind);
    expect(result.value.mapeSkippedZeros).toBe(8);
    expect(result.value.wape!).toBeLessThan(result.value.naiveSeasonalWape!);
    expect(nonFiniteNumbers(result)).toEqual([]);
    const zeros = backtest(syntheticSeries({ start: "2024-01-01", days: 90, level: 0 }), { folds: 2 });
    if (!zeros.ok) throw new Error(zeros.error.kind);
    expect(zeros.value).toMatchObject({ mape: null, wape: null, skill: null, mapeSkippedZeros: 56 });
    expect(nonFiniteNumbers(zeros)).toEqual([]);
  });
});
