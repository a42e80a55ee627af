import { describe, expect, it } from "vitest";
import { evaluateBaseline, fitSeasonalBaseline, toHistoryPoints } from "./series-baseline.ts";
import { detectAnomalies } from "./anomaly-detection.ts";
import { stddev } from "./robust-stats.ts";
import { dayNumber } from "./series-types.ts";
import { STORE_WEEK, syntheticSeries } from "./series-synthetic.ts";

describe("seasonal baseline", () => {
  it("recovers an exact weekday profile and linear trend", () => {
    const series = syntheticSeries({ start: "2025-01-05", days: 56, level: 1, round: false }).map((p, i) => ({ ...p, value: (10_000 + 50 * i) * STORE_WEEK[i % 7]! }));
    const baseline = fitSeasonalBaseline(toHistoryPoints(series))!;
    expect(baseline.mode).toBe("multiplicative");
    const mean = STORE_WEEK.reduce((a, b) => a + b, 0) / 7;
    baseline.profile.forEach((f, w) => expect(f).toBeCloseTo(STORE_WEEK[w]! / mean, 4));
    const next = evaluateBaseline(baseline, dayNumber("2025-01-05") + 60); // a Thursday
    expect(next.expected / ((10_000 + 50 * 60) * STORE_WEEK[4]!)).toBeCloseTo(1, 4);
    expect(baseline.sigma / 10_000).toBeLessThan(1e-6);
  });

  it("estimates the noise level and switches to additive offsets for zero or signed data", () => {
    const noisy = syntheticSeries({ start: "2025-01-01", days: 56, level: 100_000, weekly: STORE_WEEK, noise: 0.1, seed: 8 });
    const baseline = fitSeasonalBaseline(toHistoryPoints(noisy))!;
    expect(baseline.sigma / 100_000).toBeGreaterThan(0.07);
    expect(baseline.sigma / 100_000).toBeLessThan(0.13);
    const zeros = fitSeasonalBaseline(toHistoryPoints(syntheticSeries({ start: "2025-01-01", days: 28, level: 0 })))!;
    expect(zeros.mode).toBe("additive");
    expect(evaluateBaseline(zeros, dayNumber("2025-02-01")).expected).toBe(0);
    expect(fitSeasonalBaseline(toHistoryPoints(noisy.slice(0, 6)))).toBeNull();
  });

  it("produces z-scores with roughly unit spread on clean data (calibrated scale)", () => {
    const scores: number[] = [];
    for (let seed = 1; seed <= 12; seed++) {
      const series = syntheticSeries({ start: "2025-01-01", days: 130, level: 250_000, weekly: STORE_WEEK, growthPerDay: 0.002, noise: 0.1, seed });
      scores.push(...detectAnomalies(series, { lookbackDays: 60, threshold: 1e9 }).evaluations.map((e) => e.score));
    }
    expect(stddev(scores)).toBeGreaterThan(0.85);
    expect(stddev(scores)).toBeLessThan(1.25);
  });
});
