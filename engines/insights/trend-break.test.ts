import { describe, expect, it } from "vitest";
import { addDays } from "../../lib/calendar-date.ts";
import { findTrendBreak, MIN_CHANGE, WINDOW_DAYS, type TrendDay } from "./trend-break.ts";

const FIRST = "2026-07-13";
const DAYS = 126;
const WINDOW_START = DAYS - WINDOW_DAYS;
/** Weekday shape of a store's day (Monday first, as FIRST is a Monday). */
const WEEK = [1.0, 0.95, 0.9, 1.0, 1.1, 1.25, 0.8];

/** A deterministic ±`spread` wobble (a small LCG), so tests see noise but never change from run to run. */
function wobble(seed: number, spread: number): (i: number) => number {
  const values: number[] = [];
  let state = seed;
  for (let i = 0; i < DAYS; i++) {
    state = (state * 1_103_515_245 + 12_345) % 2 ** 31;
    values.push(1 + spread * (2 * (state / 2 ** 31) - 1));
  }
  return (i) => values[i] ?? 1;
}

/** A flow: `level(i)` × weekday × wobble, with orders as its events (value ÷ 1,000 per order). */
function flow(level: (i: number) => number, noise = wobble(7, 0.1)): TrendDay[] {
  return Array.from({ length: DAYS }, (_, i) => {
    const value = Math.round(level(i) * (WEEK[i % 7] ?? 1) * noise(i));
    return { date: addDays(FIRST, i), numerator: value, denominator: 1, events: Math.round(value / 1000) };
  });
}

const inWindow = (i: number) => i >= WINDOW_START;
const windowOf = (days: readonly TrendDay[]) => days.slice(WINDOW_START);

describe("findTrendBreak", () => {
  it("finds a sustained drop in a flow, measured against the weekday-aware trend before it", () => {
    const days = flow((i) => (inWindow(i) ? 6000 : 10_000));
    const found = findTrendBreak(days, false);
    expect(found).not.toBeNull();
    const actual = windowOf(days).reduce((sum, d) => sum + d.numerator, 0) / WINDOW_DAYS;
    // Two whole weeks of the history's level: the forecast's daily mean is that level (the weekday shape averages 1.0).
    const plannedLevel = (10_000 * WEEK.reduce((a, b) => a + b, 0)) / 7;
    expect(found).toMatchObject({ start: addDays(FIRST, WINDOW_START), end: addDays(FIRST, DAYS), direction: "down", daysWithData: WINDOW_DAYS });
    expect(found!.actual).toBeCloseTo(actual, 6);
    expect(found!.expected / plannedLevel).toBeGreaterThan(0.95);
    expect(found!.expected / plannedLevel).toBeLessThan(1.05);
    expect(found!.change).toBeCloseTo(actual / found!.expected - 1, 9);
    expect(found!.daysOnSide).toBe(WINDOW_DAYS);
    expect(found!.confidence).toBeGreaterThan(0.9);
  });

  it("finds nothing in the same series without the drop", () => {
    expect(findTrendBreak(flow(() => 10_000), false)).toBeNull();
    // Nor in a steady growth: the trend carries on, so the window is what was expected.
    expect(findTrendBreak(flow((i) => 8000 + 30 * i), false)).toBeNull();
  });

  it("leaves one-day anomalies and short promotions to the anomaly detector", () => {
    const outage = flow((i) => (i === DAYS - 3 ? 0 : 10_000));
    expect(findTrendBreak(outage, false)).toBeNull();
    const spike = flow((i) => (i === DAYS - 5 ? 80_000 : 10_000));
    expect(findTrendBreak(spike, false)).toBeNull();
    // Four days at 3× lift the window by more than MIN_CHANGE, but most days were ordinary.
    const sale = flow((i) => (i >= DAYS - 9 && i < DAYS - 5 ? 30_000 : 10_000));
    const lift = windowOf(sale).reduce((sum, d) => sum + d.numerator, 0) / windowOf(flow(() => 10_000)).reduce((sum, d) => sum + d.numerator, 0) - 1;
    expect(lift).toBeGreaterThan(MIN_CHANGE);
    expect(findTrendBreak(sale, false)).toBeNull();
  });

  it("drops a break that is over: the last week back to normal", () => {
    const over = flow((i) => (inWindow(i) && i < DAYS - 7 ? 4000 : 10_000));
    expect(findTrendBreak(over, false)).toBeNull();
  });

  it("needs enough history and enough events to tell a break from noise", () => {
    const drop = flow((i) => (inWindow(i) ? 6000 : 10_000));
    // 70 days of history before the window: six past windows to judge the noise by.
    expect(findTrendBreak(drop.slice(-(70 + WINDOW_DAYS - 1)), false)).toBeNull();
    expect(findTrendBreak(drop.slice(-(70 + WINDOW_DAYS)), false)).not.toBeNull();
    // The same shape from about one order a day: ±40% two-week swings are ordinary there.
    const few = drop.map((d) => ({ ...d, events: d.events === null ? null : Math.round(d.events / 10) }));
    expect(findTrendBreak(few, false)).toBeNull();
  });

  it("judges a ratio (average order value) by its sums, weighing days by their orders", () => {
    const noise = wobble(11, 0.15);
    const days: TrendDay[] = Array.from({ length: DAYS }, (_, i) => {
      const orders = 4 + (i % 3);
      const perOrder = inWindow(i) ? 70_000 : 100_000;
      return { date: addDays(FIRST, i), numerator: Math.round(orders * perOrder * noise(i)), denominator: orders, events: orders };
    });
    const found = findTrendBreak(days, true);
    expect(found).not.toBeNull();
    const sums = (list: readonly TrendDay[]) => list.reduce((s, d) => s + d.numerator, 0) / list.reduce((s, d) => s + d.denominator, 0);
    const window = windowOf(days);
    expect(found!.actual).toBeCloseTo(sums(window), 6);
    // The expected value is the ratio of the sums of the 56 days before the window.
    expect(found!.expected).toBeCloseTo(sums(days.slice(WINDOW_START - 56, WINDOW_START)), 6);
    expect(found!.denominator).toBe(window.reduce((s, d) => s + d.denominator, 0));
    expect(found!.direction).toBe("down");
    const steady = days.map((d, i) => (inWindow(i) ? { ...d, numerator: Math.round((d.numerator * 100_000) / 70_000) } : d));
    expect(findTrendBreak(steady, true)).toBeNull();
  });

  it("judges a signed series (net new MRR) in its own units", () => {
    const noise = wobble(3, 1);
    const days: TrendDay[] = Array.from({ length: DAYS }, (_, i) => ({
      date: addDays(FIRST, i),
      numerator: Math.round((inWindow(i) ? 100 : 800) + 300 * (noise(i) - 1)),
      denominator: 1,
      events: null,
    }));
    expect(days.some((d) => d.numerator < 0)).toBe(true);
    const found = findTrendBreak(days, false);
    expect(found).not.toBeNull();
    expect(found!.direction).toBe("down");
    expect(found!.actual).toBeCloseTo(windowOf(days).reduce((s, d) => s + d.numerator, 0) / WINDOW_DAYS, 6);
    expect(findTrendBreak(days.map((d, i) => (inWindow(i) ? { ...d, numerator: d.numerator + 700 } : d)), false)).toBeNull();
  });
});
