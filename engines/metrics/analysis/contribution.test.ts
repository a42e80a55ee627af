import { describe, expect, it } from "vitest";
import { analyzeContributions } from "./contribution.ts";
import { contributionsFromSeries } from "./contribution-series.ts";
import { detectAnomalies } from "./anomaly-detection.ts";
import { nonFiniteNumbers, scaleDays, STORE_WEEK, syntheticSeries } from "./series-synthetic.ts";
import type { DailyPoint } from "./series-types.ts";

describe("analyzeContributions", () => {
  it("ranks members by share of the net deviation and marks the drivers", () => {
    const result = analyzeContributions([
      { member: "web", actual: 400, expected: 1000 },
      { member: "store", actual: 700, expected: 900 },
      { member: "app", actual: 550, expected: 500 },
      { member: "b2b", actual: 300, expected: 300 },
    ]);
    expect(result.direction).toBe("down");
    expect(result.basis).toBe("net");
    expect(result.totalDeviation).toBe(-750);
    expect(result.contributions.map((c) => c.member)).toEqual(["web", "store", "b2b", "app"]);
    expect(result.contributions.map((c) => c.movement)).toEqual(["with", "with", "flat", "against"]);
    expect(result.contributions[0]!.share).toBeCloseTo(0.8, 10);
    expect(result.contributions[0]!.deviationPct).toBeCloseTo(-60, 10);
    expect(result.contributions[3]!.share).toBeCloseTo(-50 / 750, 10);
    expect(result.drivers).toEqual(["web"]);
  });

  it("keeps adding drivers until their cumulative share reaches the target", () => {
    const members = [
      { member: "a", actual: 60, expected: 0 },
      { member: "b", actual: 30, expected: 0 },
      { member: "c", actual: 10, expected: 0 },
    ];
    expect(analyzeContributions(members).drivers).toEqual(["a", "b"]);
    expect(analyzeContributions(members, { driverShare: 0.95 }).drivers).toEqual(["a", "b", "c"]);
    expect(analyzeContributions(members).contributions[2]!.deviationPct).toBeNull();
  });

  it("falls back to the gross deviation when members net against the anomaly's direction", () => {
    const result = analyzeContributions(
      [
        { member: "a", actual: 80, expected: 100 },
        { member: "b", actual: 140, expected: 100 },
      ],
      { direction: "down" },
    );
    expect(result.basis).toBe("gross");
    expect(result.contributions[0]).toMatchObject({ member: "a", share: 1, driver: true });
    expect(result.contributions[1]).toMatchObject({ member: "b", share: -2, driver: false });
  });

  it("never divides by zero", () => {
    const flat = analyzeContributions([{ member: "a", actual: 5, expected: 5 }, { member: "b", actual: 0, expected: 0 }]);
    expect(flat.drivers).toEqual([]);
    expect(nonFiniteNumbers(flat)).toEqual([]);
    expect(analyzeContributions([]).contributions).toEqual([]);
  });
});

describe("contributionsFromSeries", () => {
  const DAYS = 150;
  function members(): Map<string, DailyPoint[]> {
    const names = ["shirts", "shoes", "bags", "hats"];
    const levels = [300_000, 200_000, 120_000, 60_000];
    return new Map(
      names.map((name, i) => {
        const series = syntheticSeries({ start: "2025-02-01", days: DAYS, level: levels[i]!, weekly: STORE_WEEK, growthPerDay: 0.001, noise: 0.06, seed: 100 + i });
        return [name, name === "shoes" ? scaleDays(series, DAYS - 3, 3, 0.2) : series];
      }),
    );
  }

  it("attributes a drop caused by one of four members to that member", () => {
    const bySeries = members();
    const total = Array.from({ length: DAYS }, (_, i) => {
      const points = [...bySeries.values()].map((s) => s[i]!);
      return { date: points[0]!.date, value: points.reduce((acc, p) => acc + p.value, 0) };
    });
    const report = detectAnomalies(total, { lookbackDays: 7 });
    const anomalous = report.anomalies.map((a) => a.date);
    expect(anomalous).toEqual(total.slice(DAYS - 3).map((p) => p.date));
    expect(report.anomalies.every((a) => a.direction === "down")).toBe(true);

    const result = contributionsFromSeries(bySeries, anomalous, { direction: "down" });
    expect(result.drivers).toEqual(["shoes"]);
    expect(result.contributions[0]!.member).toBe("shoes");
    expect(result.contributions[0]!.share).toBeGreaterThan(0.85);
    expect(result.contributions[0]!.share).toBeLessThan(1.15);
    expect(result.contributions[0]!.deviationPct!).toBeLessThan(-70);
    expect(result.shortHistoryMembers).toEqual([]);
    for (const other of result.contributions.slice(1)) expect(Math.abs(other.share)).toBeLessThan(0.1);
    expect(nonFiniteNumbers(result)).toEqual([]);
  });

  it("accepts a single date and members with too little history", () => {
    const bySeries = members();
    const last = bySeries.get("shoes")![DAYS - 1]!.date;
    const launch = bySeries.get("shoes")![DAYS - 10]!.date;
    bySeries.set("new-product", syntheticSeries({ start: launch, days: 10, level: 1000 }));
    const result = contributionsFromSeries(bySeries, last);
    expect(result.direction).toBe("down");
    expect(result.drivers[0]).toBe("shoes");
    expect(result.shortHistoryMembers).toEqual(["new-product"]);
    expect(result.contributions.find((c) => c.member === "new-product")).toMatchObject({ actual: 1000, expected: 1000, movement: "flat" });
    expect(() => contributionsFromSeries(bySeries, [])).toThrow(/at least one date/);
  });
});
