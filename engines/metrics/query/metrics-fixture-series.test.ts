/**
 * Time series (with partial buckets) and comparisons on the hand-computed fixture
 * (test/fixtures/metrics-store-data.ts). Net sales per order, after discounts, before refunds:
 * O1 20000 (2025-10-10) · O2 25000 · O3 20000 · O4 15000 (refunded Sep 25) · O5 34000 (5000
 * refunded Oct 20) · O6 45000 · O7 67000 · O8 30000 · O9 30000 · O11 25000 · O12 20000 (10000
 * refunded Nov 3) · O13 25000 · O14 10000 · O15 40000 · O16 55000 · O17 25000 · O18 10000.
 */
import { expect, it } from "vitest";
import { describeDatabase } from "../../../test/database.ts";
import { queryBoth, seriesOf } from "../../../test/fixtures/metrics-query.ts";
import { seedMetricsStore } from "../../../test/fixtures/metrics-store.ts";

describeDatabase("metrics fixture: series and comparisons", ({ db }) => {
  it("splits a range into Monday weeks, clipping the first to the range", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, { metrics: ["net_sales"], range: "2026-10-01..2026-10-18", grain: "week" });
    // Oct 1, 2026 is a Thursday: its week starts Monday Sep 28.
    expect(result.series?.map((point) => [point.bucket.key, point.bucket.start, point.bucket.end, point.bucket.partial])).toEqual([
      ["2026-09-28", "2026-10-01", "2026-10-05", true],
      ["2026-10-05", "2026-10-05", "2026-10-12", false],
      ["2026-10-12", "2026-10-12", "2026-10-19", false],
    ]);
    expect(seriesOf(result, "net_sales")).toEqual([
      ["2026-10-01", 34_000], // O5 (its refund is on Oct 20, after the range)
      ["2026-10-05", 142_000], // O6 45000 + O7 67000 + O8 30000
      ["2026-10-12", 55_000], // O9 30000 + O11 25000 (O10 cancelled)
    ]);
    expect(result.totals).toEqual({ net_sales: { value: 231_000 } });
  });

  it("gives each member of a breakdown its own monthly series, the current month partial", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, { metrics: ["net_sales"], range: "since 2026-09-01", grain: "month", breakdown: { dimension: "product", top: 2 } });
    expect(result.range).toMatchObject({ start: "2026-09-01", end: "2026-11-21", label: "Sep 1 – Nov 20, 2026 (to date)" });
    expect(result.series?.map((point) => point.bucket.partial)).toEqual([false, false, true]);
    // Sep 45000 (20000 + 25000 + 15000 − 15000) · Oct 271000 · Nov 140000 − 10000 (O12's refund)
    expect(seriesOf(result, "net_sales")).toEqual([["2026-09-01", 45_000], ["2026-10-01", 271_000], ["2026-11-01", 130_000]]);
    const rows = result.breakdown?.rows ?? [];
    expect(rows.map((row) => [row.label, row.values.net_sales?.value, row.share, row.series?.map((point) => point.values.net_sales?.value)])).toEqual([
      // Sep O2 · Oct 95000 · Nov O17
      ["Café Oaxaca", 145_000, 0.325112, [25_000, 95_000, 25_000]],
      // Oct 55991 · Nov O16 2 × 20000 − O12's 10000 refund (O12 is one Chiapas line)
      ["Café Chiapas", 85_991, 0.192805, [0, 55_991, 30_000]],
      // Sep O3 20000 + O4 0 · Oct 120009 · Nov O14 10000 + O15 40000 + O16 taza 15000 + O18 10000
      ["Other", 215_009, 0.482083, [20_000, 120_009, 75_000]],
    ]);
  });

  it("compares a month with the previous one and the same month last year", async () => {
    const { store } = await seedMetricsStore(db());
    const previous = await queryBoth(db(), store, { metrics: ["net_sales", "orders", "discounts", "aov"], range: "october 2026", comparison: "previous" });
    expect(previous.comparison).toMatchObject({ kind: "previous", range: { start: "2026-09-01", end: "2026-10-01", label: "Sep 2026" } });
    expect(previous.totals).toEqual({
      // September: 60000 − 15000 refunded; 226000 / 45000 = 5.0222222
      net_sales: { value: 271_000, previous: { value: 45_000 }, change: 226_000, changePct: 5.022222 },
      // 5 / 3
      orders: { value: 8, previous: { value: 3 }, change: 5, changePct: 1.666667 },
      // nothing discounted in September: no percentage
      discounts: { value: 9_000, previous: { value: 0 }, change: 9_000, changePct: null, changeReason: "the previous value was 0" },
      // 60000 / 3 = 20000; 14500 / 20000
      aov: { value: 34_500, previous: { value: 20_000 }, change: 14_500, changePct: 0.725 },
    });

    const lastYear = await queryBoth(db(), store, { metrics: ["net_sales", "orders"], range: "october 2026", comparison: "last_year" });
    expect(lastYear.comparison).toMatchObject({ kind: "last_year", range: { start: "2025-10-01", end: "2025-11-01" } });
    expect(lastYear.totals).toEqual({
      // Oct 2025: O1 20000; 251000 / 20000
      net_sales: { value: 271_000, previous: { value: 20_000 }, change: 251_000, changePct: 12.55 },
      orders: { value: 8, previous: { value: 1 }, change: 7, changePct: 7 },
    });
  });

  it("compares a period to date with the same days of the previous period", async () => {
    const { store } = await seedMetricsStore(db());
    const mtd = await queryBoth(db(), store, { metrics: ["net_sales", "gross_sales", "refunds", "orders"], range: "mtd", comparison: "previous" });
    // Nov 1–20 against Oct 1–20.
    expect(mtd.comparison?.range).toMatchObject({ start: "2026-10-01", end: "2026-10-21" });
    expect(mtd.totals).toEqual({
      // Oct 1–20: 240000 − 9000 − 5000 = 226000; −96000 / 226000 = −0.4247788
      net_sales: { value: 130_000, previous: { value: 226_000 }, change: -96_000, changePct: -0.424779 },
      // O5 35000 + O6 50000 + O7 70000 + O8 30000 + O9 30000 + O11 25000 = 240000
      gross_sales: { value: 140_000, previous: { value: 240_000 }, change: -100_000, changePct: -0.416667 },
      // O12's 10000 on Nov 3 vs O5's 5000 on Oct 20
      refunds: { value: 10_000, previous: { value: 5_000 }, change: 5_000, changePct: 1 },
      orders: { value: 5, previous: { value: 6 }, change: -1, changePct: -0.166667 },
    });

    // Week to date: Mon Nov 16 – Fri Nov 20 (O17 25000 + O18 10000) vs Nov 9–13 (O16 55000).
    const wtd = await queryBoth(db(), store, { metrics: ["net_sales", "orders"], range: "this week", comparison: "previous" });
    expect(wtd.range).toMatchObject({ start: "2026-11-16", end: "2026-11-21" });
    expect(wtd.comparison?.range).toMatchObject({ start: "2026-11-09", end: "2026-11-14" });
    expect(wtd.totals).toEqual({
      net_sales: { value: 35_000, previous: { value: 55_000 }, change: -20_000, changePct: -0.363636 },
      orders: { value: 2, previous: { value: 1 }, change: 1, changePct: 1 },
    });
  });

  it("compares each bucket of a series with the same bucket last year", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, { metrics: ["net_sales"], range: "2026", grain: "quarter", comparison: "last_year" });
    // 2026 to date (Jan 1 – Nov 20) against Jan 1 – Nov 20, 2025, whose only order is O1.
    expect(result.comparison?.range).toMatchObject({ start: "2025-01-01", end: "2025-11-21" });
    const points = result.series ?? [];
    expect(points.map((point) => [point.bucket.key, point.bucket.partial, point.comparisonBucket?.key])).toEqual([
      ["2026-Q1", false, "2025-Q1"],
      ["2026-Q2", false, "2025-Q2"],
      ["2026-Q3", false, "2025-Q3"],
      ["2026-Q4", true, "2025-Q4"],
    ]);
    expect(points.map((point) => point.values.net_sales)).toEqual([
      { value: 0, previous: { value: 0 }, change: 0, changePct: null, changeReason: "the previous value was 0" },
      { value: 0, previous: { value: 0 }, change: 0, changePct: null, changeReason: "the previous value was 0" },
      // September's 45000 (Q3 2025 had nothing)
      { value: 45_000, previous: { value: 0 }, change: 45_000, changePct: null, changeReason: "the previous value was 0" },
      // Oct 271000 + Nov 130000 vs O1 20000: 381000 / 20000
      { value: 401_000, previous: { value: 20_000 }, change: 381_000, changePct: 19.05 },
    ]);
  });
});
