/**
 * Every e-commerce metric of the catalog on the hand-computed fixture (test/fixtures/metrics-store-data.ts
 * has the order table), each checked from the rollups and from a raw scan (queryBoth).
 *
 * October 2026 (local): O5 O6 O7 O8 O9 O11 O12 O13 count; O10 is cancelled (its refund too); O12's
 * refund is dated Nov 3. Line-grain split of O7's 2000 coupon over line totals 40000 / 9000 / 20000
 * (Σ 69000): prensa ⌊1159.4⌋ = 1159, chocolate ⌊260.9⌋ = 260, chiapas ⌊579.7⌋ = 579, Σ 1998, the
 * remaining 2 to the largest line (prensa) → 1161. O5's 1000 coupon over 20000 / 15000: chiapas
 * ⌊571.4⌋ + 1 = 572, taza ⌊428.6⌋ = 428; its 5000 refund: chiapas ⌊2857.1⌋ + 1 = 2858, taza ⌊2142.9⌋ = 2142.
 */
import { expect, it } from "vitest";
import { describeDatabase } from "../../../test/database.ts";
import { queryBoth, valuesOf } from "../../../test/fixtures/metrics-query.ts";
import { FIXTURE_CLOCK, seedMetricsStore } from "../../../test/fixtures/metrics-store.ts";
import { queryMetrics } from "./execute.ts";

const OCTOBER = "october 2026";

describeDatabase("metrics fixture: e-commerce metrics", ({ db }) => {
  it("computes October's sales, discounts, refunds, shipping, taxes, orders and units", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, { metrics: ["gross_sales", "discounts", "refunds", "net_sales", "shipping", "taxes", "orders", "units"], range: OCTOBER });

    expect(result.range).toMatchObject({ start: "2026-10-01", end: "2026-11-01", days: 31, label: "Oct 2026" });
    expect(result.currency).toBe("MXN");
    expect(valuesOf(result.totals)).toEqual({
      // O5 35000 + O6 50000 + O7 70000 + O8 30000 + O9 30000 + O11 25000 + O12 20000 + O13 25000 (O10 cancelled)
      gross_sales: 285_000,
      // O5 coupon 1000 + O6 line 5000 + O7 line 1000 and coupon 2000
      discounts: 9_000,
      // O5's 5000 on Oct 20; O10's 80000 belongs to a cancelled order; O12's 10000 is dated Nov 3
      refunds: 5_000,
      // 285000 − 9000 − 5000
      net_sales: 271_000,
      // O5, O7, O9, O13: 4 × 5000
      shipping: 20_000,
      // O5 2000 + O6 3000 + O7 4000
      taxes: 9_000,
      // the pending O9 counts, the cancelled O10 does not
      orders: 8,
      // O5 2 + O6 2 + O7 3 + O8 3 + O9 2 + O11 1 + O12 1 + O13 1
      units: 15,
    });
    // Plain sums come from the rollups; the raw scan agreed (queryBoth).
    expect(result.paths).toEqual({ orders: "rollup", lines: "rollup" });
  });

  it("computes October's per-order and customer metrics", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, {
      metrics: ["aov", "customers", "new_customers", "returning_customers", "new_customer_sales", "returning_customer_sales", "repeat_purchase_rate", "revenue_per_customer"],
      range: OCTOBER,
    });
    expect(valuesOf(result.totals)).toEqual({
      // (285000 − 9000) / 8 orders
      aov: 34_500,
      // ana, beto, diego, elena, carla (the guest O8 and fer's cancelled O10 do not count)
      customers: 5,
      // diego (O7) and elena (O9, pending) placed their first orders in October
      new_customers: 2,
      // 5 − 2: ana (first order Oct 2025), beto and carla (September)
      returning_customers: 3,
      // O7 (70000 − 3000) + O9 30000
      new_customer_sales: 97_000,
      // O5 (35000 − 1000) + O6 (50000 − 5000) + O11 25000 + O12 20000 + O13 25000
      returning_customer_sales: 149_000,
      // ana, beto, carla and diego (O12 is his second order) placed a repeat order: 4 / 5
      repeat_purchase_rate: 0.8,
      // 271000 / 5
      revenue_per_customer: 54_200,
    });
    // Distinct counts always come from a raw scan, the sums from the rollup.
    expect(result.paths).toEqual({ orders: "rollup+raw" });
  });

  it("computes gross profit and margin on the lines with a known cost, with a coverage note", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, { metrics: ["gross_profit", "gross_margin", "refund_rate"], range: OCTOBER });
    // Sales after discounts: 276000. Only O7's prensa line has no cost: 40000 − 1161 = 38839, so the
    // costed sales are 276000 − 38839 = 237161, and 237161 / 276000 = 85.9% → "86%".
    // Cost: chiapas 3 × 8000 + oaxaca 4 × 10000 + taza 3 × 5000 + chocolate 4 × 4000 = 95000.
    const note = "cost known for 86% of sales; profit covers those lines only";
    expect(result.totals).toEqual({
      // 237161 − 95000
      gross_profit: { value: 142_161, note },
      // 142161 / 237161 = 0.5994282… → 0.599428
      gross_margin: { value: 0.599428, note },
      // 5000 / 285000 = 0.0175438… → 0.017544
      refund_rate: { value: 0.017544 },
    });
  });

  it("splits order discounts and refunds over lines exactly when a product is involved", async () => {
    const { store } = await seedMetricsStore(db());
    const chiapas = await queryBoth(db(), store, {
      metrics: ["gross_sales", "discounts", "refunds", "net_sales", "orders", "units", "aov", "gross_profit"],
      range: OCTOBER,
      filters: [{ dimension: "product", values: ["chiapas"] }],
    });
    expect(valuesOf(chiapas.totals)).toEqual({
      // O5, O7 and O12 each have one Café Chiapas line at 20000
      gross_sales: 60_000,
      // O5's share of the coupon 572 + O7's share 579
      discounts: 1_151,
      // O5's share of its 5000 refund
      refunds: 2_858,
      // 60000 − 1151 − 2858
      net_sales: 55_991,
      orders: 3,
      units: 3,
      // (60000 − 1151) / 3 = 19616.33
      aov: 19_616,
      // 58849 − 3 × 8000
      gross_profit: 34_849,
    });
  });

  it("counts a refund on its own day, in a later month than its order, and today's order in month to date", async () => {
    const { store } = await seedMetricsStore(db());
    const november = await queryBoth(db(), store, { metrics: ["gross_sales", "refunds", "net_sales", "orders", "customers", "new_customers"], range: "mtd" });
    expect(november.range).toMatchObject({ start: "2026-11-01", end: "2026-11-21", label: "month to date (Nov 1 – 20, 2026)" });
    expect(valuesOf(november.totals)).toEqual({
      // O14 10000 + O15 40000 + O16 55000 + O17 25000 + O18 10000 (placed today, 09:00)
      gross_sales: 140_000,
      // O12 (placed Oct 25) refunded 10000 on Nov 3
      refunds: 10_000,
      net_sales: 130_000,
      orders: 5,
      // elena, ana, gaby, beto, carla
      customers: 5,
      // gaby
      new_customers: 1,
    });

    // Nov 3 alone: a refund and no sale, so net sales are negative and per-order figures are null.
    const refundDay = await queryBoth(db(), store, { metrics: ["net_sales", "refunds", "orders", "aov", "refund_rate", "gross_profit"], range: "2026-11-03..2026-11-03" });
    expect(refundDay.totals).toEqual({
      net_sales: { value: -10_000 },
      refunds: { value: 10_000 },
      orders: { value: 0 },
      aov: { value: null, reason: "no orders in the range" },
      refund_rate: { value: null, reason: "no gross sales in the range" },
      gross_profit: { value: null, reason: "no cost data for the lines in this range" },
    });
  });

  it("reports profit and margin as unknown for a range whose lines have no cost", async () => {
    const { store } = await seedMetricsStore(db());
    // Nov 5: only O15, one Prensa francesa (no cost) at 40000.
    const result = await queryBoth(db(), store, { metrics: ["net_sales", "gross_profit", "gross_margin"], range: "2026-11-05..2026-11-05" });
    expect(result.totals).toEqual({
      net_sales: { value: 40_000 },
      gross_profit: { value: null, reason: "no cost data for the lines in this range" },
      gross_margin: { value: null, reason: "no cost data for the lines in this range" },
    });
  });

  it("reads raw facts with forceRaw, so it sees orders whose rollups were never rebuilt", async () => {
    const { store } = await seedMetricsStore(db(), { rollups: false });
    const input = { metrics: ["net_sales", "units"], range: OCTOBER };
    const fromRollups = await queryMetrics(db(), store, input, { clock: FIXTURE_CLOCK });
    const fromRaw = await queryMetrics(db(), store, input, { clock: FIXTURE_CLOCK, forceRaw: true });
    if (!fromRollups.ok || !fromRaw.ok) throw new Error("query failed");
    // Without rebuildRollups the rollup tables are empty: the documented reason writers must refresh them.
    expect(fromRollups.value.paths).toEqual({ orders: "rollup", lines: "rollup" });
    expect(valuesOf(fromRollups.value.totals)).toEqual({ net_sales: 0, units: 0 });
    expect(fromRaw.value.paths).toEqual({ orders: "raw", lines: "raw" });
    expect(valuesOf(fromRaw.value.totals)).toEqual({ net_sales: 271_000, units: 15 });
  });
});
