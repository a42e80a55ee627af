import { describe, expect, it } from "vitest";
import { addDays, weekdayOf } from "../../lib/calendar-date.ts";
import { demandOver, forecastDemand, type DailySales } from "./demand-forecast.ts";

function weeks(count: number, unitsOf: (date: string) => number, start = "2026-01-04"): DailySales[] {
  return Array.from({ length: count * 7 }, (_, i) => {
    const date = addDays(start, i);
    return { date, units: unitsOf(date), available: true };
  });
}

describe("forecastDemand", () => {
  it("learns a weekday pattern, shrunk towards flat by the prior", () => {
    // Saturdays sell 6, other days 1: mean 12/7. Saturday's ratio 3.5 and the others' 7/12 are
    // shrunk by 12/(12+4) = 0.75: 0.75 × 3.5 + 0.25 = 2.875 and 0.75 × 7/12 + 0.25 = 0.6875 (mean 1).
    const forecast = forecastDemand(weeks(12, (date) => (weekdayOf(date) === 6 ? 6 : 1)));
    expect(forecast.weekdayFactors[6]).toBeCloseTo(2.875, 10);
    expect(forecast.weekdayFactors[2]).toBeCloseTo(0.6875, 10);
    expect(forecast.observedDays).toBe(84);
    // De-seasonalised days are 6/2.875 and 1/0.6875, so the level lies between them.
    expect(forecast.levelPerDay).toBeGreaterThan(1 / 0.6875);
    expect(forecast.levelPerDay).toBeLessThan(6 / 2.875);
    expect(demandOver(forecast, "2026-03-29", 7)).toBeCloseTo(forecast.levelPerDay * 7, 10);
  });

  it("weights recent weeks more: a doubled last month lifts the level above the window mean", () => {
    const history = weeks(12, (date) => (date >= "2026-02-28" ? 4 : 2));
    const forecast = forecastDemand(history);
    const mean = history.reduce((sum, day) => sum + day.units, 0) / history.length;
    expect(forecast.levelPerDay).toBeGreaterThan(mean);
    expect(forecast.levelPerDay).toBeLessThan(4);
  });

  it("ignores stockout days and has no demand without sales", () => {
    const history = weeks(4, () => 2).map((day, i) => (i >= 21 ? { ...day, units: 0, available: false } : day));
    const forecast = forecastDemand(history);
    expect(forecast.levelPerDay).toBeCloseTo(2, 10);
    expect(forecast.censoredDays).toBe(7);
    // Fewer than 14 days would floor σ at √level; 21 days use the residuals (0 here).
    expect(forecast.sigmaPerDay).toBeCloseTo(0, 10);
    const none = forecastDemand(weeks(2, () => 0));
    expect(none.levelPerDay).toBe(0);
    expect(none.sigmaPerDay).toBe(0);
  });

  it("floors the spread at Poisson noise on short histories", () => {
    const forecast = forecastDemand(weeks(1, () => 4));
    expect(forecast.sigmaPerDay).toBeCloseTo(2, 10);
  });
});
