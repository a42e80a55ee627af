import { describe, expect, it } from "vitest";
import { detectAnomalies } from "./anomaly-detection.ts";
import { expectedFor } from "./anomaly-expected.ts";
import { confidenceOf, severityOf } from "./anomaly-scoring.ts";
import { weekdayOf, type DailyPoint } from "./series-types.ts";
import { nonFiniteNumbers, scaleDays, STORE_WEEK, syntheticSeries } from "./series-synthetic.ts";

const DAYS = 200;
const DROP_FROM = DAYS - 12;
const SPIKE_AT = DAYS - 3;

function store(seed: number, noise = 0.05): DailyPoint[] {
  return syntheticSeries({ start: "2025-01-01", days: DAYS, level: 500_000, weekly: STORE_WEEK, growthPerDay: 0.002, noise, seed });
}

/** A store series with a 5-day 40% drop and, later, a one-day ×2.5 spike inside the 14-day lookback. */
function withIncidents(seed: number): DailyPoint[] {
  return scaleDays(scaleDays(store(seed), DROP_FROM, 5, 0.6), SPIKE_AT, 1, 2.5);
}

describe("detectAnomalies", () => {
  it.each([1, 2, 3, 4, 5, 6, 7, 8])("finds every day of a 5-day 40 percent drop and a one-day spike, and nothing else (seed %i)", (seed) => {
    const series = withIncidents(seed);
    const report = detectAnomalies(series);
    expect(report.evaluatedDays).toBe(14);
    expect(report.skippedReason).toBeNull();
    const dropDates = series.slice(DROP_FROM, DROP_FROM + 5).map((p) => p.date);
    const found = new Map(report.anomalies.map((a) => [a.date, a]));
    for (const date of dropDates) {
      const anomaly = found.get(date);
      expect(anomaly?.direction, date).toBe("down");
      expect(anomaly!.deviationPct!).toBeLessThan(-25);
      expect(anomaly!.actual).toBeLessThan(anomaly!.lower);
    }
    const spike = found.get(series[SPIKE_AT]!.date);
    expect(spike?.direction).toBe("up");
    expect(spike!.severity).toBe("high");
    expect(spike!.actual).toBeGreaterThan(spike!.upper);
    expect(report.anomalies.map((a) => a.date).sort()).toEqual([...dropDates, series[SPIKE_AT]!.date].sort());
    expect(nonFiniteNumbers(report)).toEqual([]);
  });

  it("keeps the false-alarm rate of clean noisy series low", () => {
    let evaluated = 0;
    let alarms = 0;
    for (let seed = 1; seed <= 20; seed++) {
      const report = detectAnomalies(store(seed, 0.12), { lookbackDays: 28 });
      evaluated += report.evaluatedDays;
      alarms += report.anomalies.length;
    }
    expect(evaluated).toBe(20 * 28);
    expect(alarms / evaluated).toBeLessThan(0.02);
  });

  it("does not flag a weekday that is always low", () => {
    const week = [0.15, 1, 1.05, 1, 1.1, 1.3, 1.2];
    for (const seed of [11, 12, 13]) {
      const series = syntheticSeries({ start: "2025-03-01", days: 120, level: 80_000, weekly: week, growthPerDay: 0.001, noise: 0.06, seed });
      const report = detectAnomalies(series, { lookbackDays: 28 });
      expect(report.anomalies.filter((a) => weekdayOf(a.date) === 0)).toEqual([]);
      const sundays = report.evaluations.filter((e) => weekdayOf(e.date) === 0);
      expect(sundays).toHaveLength(4);
      for (const sunday of sundays) expect(sunday.expected / sunday.actual).toBeGreaterThan(0.8);
    }
  });

  it("evaluates only past data: the result for a day does not change with later days", () => {
    const series = withIncidents(3);
    const cut = series.slice(0, DROP_FROM + 2);
    const full = detectAnomalies(series, { lookbackDays: 14 });
    const partial = detectAnomalies(cut, { lookbackDays: 2 });
    const day = cut[cut.length - 1]!.date;
    expect(partial.evaluations.find((e) => e.date === day)).toEqual(full.evaluations.find((e) => e.date === day));
  });

  it("gives no anomalies, no NaN and a finite band for a flat zero series", () => {
    const zeros = syntheticSeries({ start: "2025-01-01", days: 90, level: 0 });
    expect(zeros.every((p) => p.value === 0)).toBe(true);
    const report = detectAnomalies(zeros);
    expect(report.anomalies).toEqual([]);
    expect(report.evaluatedDays).toBe(14);
    expect(report.evaluations.every((e) => e.expected === 0 && e.lower === 0 && e.score === 0)).toBe(true);
    expect(nonFiniteNumbers(report)).toEqual([]);
  });

  it("flags a first sale after a long zero stretch, and a jump in a perfectly constant series, without infinite scores", () => {
    const constant = syntheticSeries({ start: "2025-01-01", days: 70, level: 1000 });
    const jumped = scaleDays(constant, 69, 1, 1.5);
    const report = detectAnomalies(jumped);
    expect(report.anomalies).toHaveLength(1);
    expect(report.anomalies[0]!.score).toBeCloseTo(10, 6); // 500 / (5% of 1000)
    const zeros = syntheticSeries({ start: "2025-01-01", days: 70, level: 0 });
    const sale = zeros.map((p, i) => (i === 69 ? { ...p, value: 4999 } : p));
    expect(detectAnomalies(sale).anomalies[0]).toMatchObject({ direction: "up", deviationPct: null, expected: 0 });
    expect(nonFiniteNumbers([report, detectAnomalies(sale)])).toEqual([]);
  });

  it("handles signed series (net sales with refunds) additively", () => {
    const signed = syntheticSeries({ start: "2025-01-01", days: 100, level: 1000, weekly: STORE_WEEK, noise: 0.05, seed: 4 }).map((p, i) => ({ ...p, value: p.value - 900 + (i % 9 === 0 ? -400 : 0) }));
    const report = detectAnomalies(signed);
    expect(report.evaluatedDays).toBe(14);
    expect(report.evaluations.some((e) => e.lower < 0)).toBe(true);
    expect(nonFiniteNumbers(report)).toEqual([]);
  });

  it("needs a minimum history and says so", () => {
    expect(detectAnomalies([])).toMatchObject({ anomalies: [], evaluatedDays: 0, skippedReason: "empty_series" });
    const short = store(1).slice(0, 28);
    expect(detectAnomalies(short)).toMatchObject({ anomalies: [], evaluatedDays: 0, skippedReason: "insufficient_history" });
    expect(detectAnomalies(store(1).slice(0, 35)).evaluatedDays).toBe(7);
  });
});

describe("expectedFor", () => {
  it("explains what is normal on a weekday, from the history before the date only", () => {
    const series = store(2);
    const sunday = series.findLast((p) => weekdayOf(p.date) === 0)!;
    const saturday = series.findLast((p) => weekdayOf(p.date) === 6)!;
    const sun = expectedFor(series, sunday.date)!;
    const sat = expectedFor(series, saturday.date)!;
    expect(sun.weekday).toBe(0);
    expect(sun.mode).toBe("multiplicative");
    expect(sun.weekdayEffect).toBeGreaterThan(0.45);
    expect(sun.weekdayEffect).toBeLessThan(0.65);
    expect(sat.expected / sun.expected).toBeGreaterThan(1.8);
    expect(Math.abs(sun.expected - sunday.value) / sunday.value).toBeLessThan(0.15);
    expect(sun.lower).toBeLessThan(sun.expected);
    expect(sun.upper).toBeGreaterThan(sun.expected);
    expect(expectedFor(series, series[10]!.date)).toBeNull();
  });
});

describe("scoring", () => {
  it("ranks severity by the larger of the z and percentage bands", () => {
    expect(severityOf(-4, -30, 3.5)).toBe("medium");
    expect(severityOf(4, 20, 3.5)).toBe("low");
    expect(severityOf(9, 20, 3.5)).toBe("high");
    expect(severityOf(4, 60, 3.5)).toBe("high");
    expect(severityOf(6, null, 3.5)).toBe("medium");
  });

  it("makes confidence grow with |z| and with history", () => {
    expect(confidenceOf(3.5, 3.5, 56, 56)).toBe(0.5);
    expect(confidenceOf(7, 3.5, 56, 56)).toBeCloseTo(0.938, 3);
    expect(confidenceOf(-7, 3.5, 28, 56)).toBeLessThan(confidenceOf(-7, 3.5, 56, 56));
    expect(confidenceOf(5, 3.5, 56, 56)).toBeGreaterThan(confidenceOf(4, 3.5, 56, 56));
  });
});
