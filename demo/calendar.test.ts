import { describe, expect, it } from "vitest";
import { instantOf, localDays } from "./calendar.ts";
import { apportion, rngFor } from "./random.ts";
import { eventCalendar, planDemand } from "./seasonality.ts";

const windows = (market: "MX" | "BR", end: string, key: string) =>
  eventCalendar(market, localDays(end, 1461, "UTC"))
    .windows.filter((w) => w.key === key)
    .map((w) => `${w.start}..${w.end}`);

describe("retail calendar", () => {
  it("computes Mexico's events from their rules, year by year", () => {
    // Buen Fin: Friday to the Monday of the Revolution holiday (third Monday of November).
    expect(windows("MX", "2026-12-31", "buen_fin")).toEqual(["2023-11-17..2023-11-20", "2024-11-15..2024-11-18", "2025-11-14..2025-11-17", "2026-11-13..2026-11-16"]);
    // Hot Sale: nine days from the last Monday of May.
    expect(windows("MX", "2026-12-31", "hot_sale")).toEqual(["2023-05-29..2023-06-06", "2024-05-27..2024-06-04", "2025-05-26..2025-06-03", "2026-05-25..2026-06-02"]);
    // Black Friday (after the fourth Thursday) through Cyber Monday.
    expect(windows("MX", "2026-12-31", "black_friday")).toEqual(["2023-11-24..2023-11-27", "2024-11-29..2024-12-02", "2025-11-28..2025-12-01", "2026-11-27..2026-11-30"]);
  });

  it("computes Brazil's events, ending Dia das Mães on the second Sunday of May", () => {
    expect(windows("BR", "2026-12-31", "dia_das_maes").map((w) => w.slice(-10))).toEqual(["2023-05-14", "2024-05-12", "2025-05-11", "2026-05-10"]);
    expect(windows("BR", "2026-12-31", "black_friday").map((w) => w.slice(0, 10))).toEqual(["2023-11-20", "2024-11-25", "2025-11-24", "2026-11-23"]);
  });

  it("makes sale days busier than ordinary ones and puts the requested orders exactly", () => {
    const days = localDays("2026-12-01", 730, "America/Sao_Paulo");
    const plan = planDemand("BR", days, 10_000, rngFor(1, "test"));
    expect(plan.counts.reduce((a, b) => a + b, 0)).toBe(10_000);
    const blackFriday = days.findIndex((d) => d.date === "2025-11-28");
    const sorted = [...plan.counts].sort((a, b) => a - b);
    expect(plan.counts[blackFriday]).toBeGreaterThan(4 * sorted[365]!);
  });
});

describe("local days", () => {
  it("cut days in the workspace's zone, DST transitions included", () => {
    const days = localDays("2026-03-10", 3, "America/New_York");
    expect(days.map((d) => d.date)).toEqual(["2026-03-07", "2026-03-08", "2026-03-09"]);
    // March 8, 2026 has 23 hours in New York; 02:30 does not exist and moves to 03:30 EDT.
    expect((days[1]!.endMs - days[1]!.startMs) / 3_600_000).toBe(23);
    expect(new Date(instantOf(days[1]!, 2.5 * 3600, "America/New_York")).toISOString()).toBe("2026-03-08T07:30:00.000Z");
    expect(new Date(instantOf(days[2]!, 9 * 3600, "America/New_York")).toISOString()).toBe("2026-03-09T13:00:00.000Z");
    expect(new Date(instantOf(localDays("2026-01-02", 1, "America/Mexico_City")[0]!, 0, "America/Mexico_City")).toISOString()).toBe(
      "2026-01-01T06:00:00.000Z",
    );
  });
});

describe("random streams", () => {
  it("repeat for the same path and differ for another", () => {
    const draw = (seed: number, ...path: string[]) => Array.from({ length: 5 }, ((rng) => () => rng.u32())(rngFor(seed, ...path)));
    expect(draw(1, "demo", "orders")).toEqual(draw(1, "demo", "orders"));
    expect(draw(1, "demo", "orders")).not.toEqual(draw(2, "demo", "orders"));
    expect(draw(1, "demo", "orders")).not.toEqual(draw(1, "demo", "customers"));
  });

  it("apportion integers exactly in proportion", () => {
    expect(apportion(10, [1, 1, 1])).toEqual([4, 3, 3]);
    expect(apportion(7, [0, 2, 5])).toEqual([0, 2, 5]);
    expect(apportion(1000, [0.2, 0.3, 0.5]).reduce((a, b) => a + b, 0)).toBe(1000);
  });
});
