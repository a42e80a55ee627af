/**
 * Local days on the hand-computed fixture: Mexico City (UTC−06:00) around a month end, Tokyo
 * (UTC+09:00, yen) around local midnight, and New York across both 2026 DST changes. The clock is
 * 2026-11-20T18:00Z: Nov 20 in Mexico City and New York, already Nov 21 in Tokyo.
 */
import { expect, it } from "vitest";
import { describeDatabase } from "../../../test/database.ts";
import { queryBoth, seriesOf, valuesOf } from "../../../test/fixtures/metrics-query.ts";
import { seedMetricsStore } from "../../../test/fixtures/metrics-store.ts";

describeDatabase("metrics fixture: time zones", ({ db }) => {
  it("puts an order at 23:30 on Oct 31 in Mexico City in October, though it is November in UTC", async () => {
    const { store } = await seedMetricsStore(db());
    const days = await queryBoth(db(), store, { metrics: ["net_sales", "orders"], range: "2026-10-30..2026-11-01", grain: "day" });
    // O13 (Oct 31 23:30 local = Nov 1 05:30 UTC) 25000; O14 (Nov 1 00:30 local) 10000.
    expect(seriesOf(days, "net_sales")).toEqual([["2026-10-30", 0], ["2026-10-31", 25_000], ["2026-11-01", 10_000]]);
    expect(seriesOf(days, "orders")).toEqual([["2026-10-30", 0], ["2026-10-31", 1], ["2026-11-01", 1]]);

    const months = await queryBoth(db(), store, { metrics: ["net_sales", "orders"], range: "since 2026-09-01", grain: "month" });
    // October's 271000 includes O13; November's 130000 starts with O14 (see the e-commerce tests).
    expect(seriesOf(months, "net_sales")).toEqual([["2026-09-01", 45_000], ["2026-10-01", 271_000], ["2026-11-01", 130_000]]);
  });

  it("reads today, yesterday and the last 7 days in the workspace's zone", async () => {
    const { store, tokyo } = await seedMetricsStore(db());
    const today = await queryBoth(db(), store, { metrics: ["net_sales", "orders"], range: "today" });
    // O18 at 09:00 today (Nov 20)
    expect(today.range).toMatchObject({ start: "2026-11-20", end: "2026-11-21" });
    expect(valuesOf(today.totals)).toEqual({ net_sales: 10_000, orders: 1 });

    // 7 full days ending yesterday: Nov 13–19, only O17 (Nov 18) 25000; today's O18 is left out.
    const week = await queryBoth(db(), store, { metrics: ["net_sales", "orders"], range: "last 7 days" });
    expect(week.range).toMatchObject({ start: "2026-11-13", end: "2026-11-20", label: "last 7 days (Nov 13 – 19, 2026)" });
    expect(valuesOf(week.totals)).toEqual({ net_sales: 25_000, orders: 1 });

    // In Tokyo it is already Nov 21 (03:00): today holds T4 (01:00 local, Nov 20 16:00 UTC).
    const tokyoToday = await queryBoth(db(), tokyo, { metrics: ["gross_sales", "orders"], range: "today" });
    expect(tokyoToday.range).toMatchObject({ start: "2026-11-21", end: "2026-11-22" });
    expect(valuesOf(tokyoToday.totals)).toEqual({ gross_sales: 1_000, orders: 1 });
    const tokyoYesterday = await queryBoth(db(), tokyo, { metrics: ["gross_sales", "orders"], range: "yesterday" });
    expect(tokyoYesterday.range).toMatchObject({ start: "2026-11-20", end: "2026-11-21" });
    expect(valuesOf(tokyoYesterday.totals)).toEqual({ gross_sales: 0, orders: 0 });
  });

  it("cuts Tokyo's days at its own midnight, east of UTC, in whole yen", async () => {
    const { tokyo } = await seedMetricsStore(db());
    const days = await queryBoth(db(), tokyo, { metrics: ["gross_sales"], range: "2026-10-31..2026-11-02", grain: "day" });
    // T1 Oct 31 23:50 (14:50 UTC) 3000 · T2 Nov 1 00:10 (Oct 31 15:10 UTC) 5000 · T3 Nov 2 08:30 (Nov 1 23:30 UTC) 1001
    expect(seriesOf(days, "gross_sales")).toEqual([["2026-10-31", 3_000], ["2026-11-01", 5_000], ["2026-11-02", 1_001]]);

    const october = await queryBoth(db(), tokyo, { metrics: ["gross_sales", "orders", "units"], range: "october 2026" });
    expect(october.currency).toBe("JPY");
    expect(valuesOf(october.totals)).toEqual({ gross_sales: 3_000, orders: 1, units: 3 });

    const twoDays = await queryBoth(db(), tokyo, {
      metrics: ["gross_sales", "aov", "new_customers", "returning_customer_sales", "gross_profit", "gross_margin"],
      range: "2026-11-01..2026-11-02",
    });
    expect(valuesOf(twoDays.totals)).toEqual({
      gross_sales: 6_001, // 5000 + 1001
      aov: 3_001, // 6001 / 2 = 3000.5, rounded half away from zero to a whole yen
      new_customers: 1, // yuki; kenji's first order (T1) was in October
      returning_customer_sales: 1_001,
      gross_profit: 3_601, // 6001 − (5 + 1) × 400
      gross_margin: 0.600067, // 3601 / 6001 = 0.6000667
    });
  });

  it("counts New York's MRR changes on their local day across the November DST change", async () => {
    const { saas } = await seedMetricsStore(db());
    // S8 at 04:30 UTC Nov 1 = 00:30 EDT Nov 1 (still daylight time); S9 at 04:30 UTC Nov 2 = 23:30 EST Nov 1.
    // Nov 1 is 25 hours long (04:00 UTC to 05:00 UTC next day), so both fall on it.
    const days = await queryBoth(db(), saas, { metrics: ["new_mrr", "mrr"], range: "2026-11-01..2026-11-02", grain: "day" });
    expect(seriesOf(days, "new_mrr")).toEqual([["2026-11-01", 6_000], ["2026-11-02", 0]]);
    expect(seriesOf(days, "mrr")).toEqual([["2026-11-01", 28_000], ["2026-11-02", 28_000]]);

    // With a fixed EST offset S8 would land on Oct 31; October's new MRR is S5 10000 + S7 1000 only.
    const october = await queryBoth(db(), saas, { metrics: ["new_mrr"], range: "october 2026" });
    expect(valuesOf(october.totals)).toEqual({ new_mrr: 11_000 });
  });

  it("counts New York's MRR changes on their local day across the March DST change", async () => {
    const { saas } = await seedMetricsStore(db());
    // S0 new at 04:30 UTC Mar 8 = 23:30 EST Mar 7; churn at 04:30 UTC Mar 9 = 00:30 EDT Mar 9.
    const days = await queryBoth(db(), saas, { metrics: ["new_mrr", "churned_mrr", "mrr", "active_subscriptions"], range: "2026-03-07..2026-03-09", grain: "day" });
    expect(days.series?.map((point) => [point.bucket.start, valuesOf(point.values)])).toEqual([
      ["2026-03-07", { new_mrr: 1_000, churned_mrr: 0, mrr: 1_000, active_subscriptions: 1 }],
      // the 23-hour day: nothing happens on it
      ["2026-03-08", { new_mrr: 0, churned_mrr: 0, mrr: 1_000, active_subscriptions: 1 }],
      ["2026-03-09", { new_mrr: 0, churned_mrr: 1_000, mrr: 0, active_subscriptions: 0 }],
    ]);
  });
});
