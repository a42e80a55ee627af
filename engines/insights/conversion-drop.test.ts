import { describe, expect, it } from "vitest";
import { addDays } from "../../lib/calendar-date.ts";
import { findConversionDrops, poissonCdf, type TrafficDay } from "./conversion-drop.ts";

function days(count: number, day: (i: number) => Partial<TrafficDay>): TrafficDay[] {
  return Array.from({ length: count }, (_, i) => ({ date: addDays("2026-09-01", i), orders: 4, sessions: 130, netSalesCents: 400_000, webConversions: 3, ...day(i) }));
}

describe("findConversionDrops", () => {
  it("finds a day with ordinary traffic and far fewer orders, with its shortfall", () => {
    const series = days(70, (i) => (i === 60 ? { orders: 1, netSalesCents: 100_000, webConversions: 0 } : i % 3 === 0 ? { orders: 3, netSalesCents: 300_000 } : {}));
    const drops = findConversionDrops(series);
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ date: addDays("2026-09-01", 60), orders: 1, sessions: 130, webConversions: 0 });
    expect(drops[0]!.expectedOrders).toBeCloseTo(4, 5);
    expect(drops[0]!.shortfallCents).toBe(Math.round(3 * drops[0]!.averageOrderCents));
    expect(drops[0]!.confidence).toBeGreaterThan(0.9);
  });

  it("ignores days when traffic fell too, days within the usual spread, and short histories", () => {
    expect(findConversionDrops(days(70, (i) => (i === 60 ? { orders: 1, sessions: 40 } : {})))).toEqual([]);
    expect(findConversionDrops(days(70, (i) => (i === 60 || i % 7 === 0 ? { orders: 1 } : {})))).toEqual([]);
    expect(findConversionDrops(days(20, (i) => (i === 19 ? { orders: 0 } : {})))).toEqual([]);
  });

  it("poissonCdf", () => {
    expect(poissonCdf(0, 2)).toBeCloseTo(Math.exp(-2), 10);
    expect(poissonCdf(1, 2)).toBeCloseTo(3 * Math.exp(-2), 10);
    expect(poissonCdf(3, 0)).toBe(1);
  });
});
