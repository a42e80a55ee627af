/**
 * Edge cases on the hand-computed fixture: a range with no data at all (zeros, or null with a
 * reason, never NaN) and the typed errors of queries that cannot run.
 */
import { expect, it } from "vitest";
import { describeDatabase } from "../../../test/database.ts";
import { allNumbersFinite } from "../../../test/fixtures/analysis/store.ts";
import { queryBoth, queryError } from "../../../test/fixtures/metrics-query.ts";
import { queryMetrics } from "./execute.ts";
import { FIXTURE_CLOCK, seedMetricsStore } from "../../../test/fixtures/metrics-store.ts";

/** June 2026: no order, refund, ad or session in the store. */
const EMPTY = "2026-06-01..2026-06-30";

describeDatabase("metrics fixture: edge cases", ({ db }) => {
  it("returns zeros, and null with a reason where a division has nothing to divide by, for an empty range", async () => {
    const { store } = await seedMetricsStore(db());
    const sums = await queryBoth(db(), store, { metrics: ["gross_sales", "discounts", "refunds", "net_sales", "shipping", "taxes", "orders", "units"], range: EMPTY });
    expect(sums.totals).toEqual({
      gross_sales: { value: 0 },
      discounts: { value: 0 },
      refunds: { value: 0 },
      net_sales: { value: 0 },
      shipping: { value: 0 },
      taxes: { value: 0 },
      orders: { value: 0 },
      units: { value: 0 },
    });

    const customers = await queryBoth(db(), store, {
      metrics: ["aov", "customers", "new_customers", "returning_customers", "new_customer_sales", "returning_customer_sales", "repeat_purchase_rate", "revenue_per_customer"],
      range: EMPTY,
    });
    expect(customers.totals).toEqual({
      aov: { value: null, reason: "no orders in the range" },
      customers: { value: 0 },
      new_customers: { value: 0 },
      returning_customers: { value: 0 },
      new_customer_sales: { value: 0 },
      returning_customer_sales: { value: 0 },
      repeat_purchase_rate: { value: null, reason: "no customers in the range" },
      revenue_per_customer: { value: null, reason: "no customers in the range" },
    });

    const ratios = await queryBoth(db(), store, { metrics: ["gross_profit", "gross_margin", "refund_rate", "ctr", "cpc", "cpa", "roas", "mer"], range: EMPTY });
    expect(ratios.totals).toEqual({
      gross_profit: { value: null, reason: "no cost data for the lines in this range" },
      gross_margin: { value: null, reason: "no cost data for the lines in this range" },
      refund_rate: { value: null, reason: "no gross sales in the range" },
      ctr: { value: null, reason: "no impressions in the range" },
      cpc: { value: null, reason: "no clicks in the range" },
      cpa: { value: null, reason: "no conversions in the range" },
      roas: { value: null, reason: "no ad spend in the range" },
      mer: { value: null, reason: "no ad spend in the range" },
    });

    const rest = await queryBoth(db(), store, { metrics: ["ad_spend", "impressions", "clicks", "ad_conversions", "cac", "sessions", "users", "conversion_rate"], range: EMPTY, grain: "week" });
    expect(rest.totals).toEqual({
      ad_spend: { value: 0 },
      impressions: { value: 0 },
      clicks: { value: 0 },
      ad_conversions: { value: 0 },
      cac: { value: null, reason: "no new customers in the range" },
      sessions: { value: 0 },
      users: { value: 0 },
      conversion_rate: { value: null, reason: "no sessions in the range" },
    });
    // Jun 1, 2026 is a Monday: 4 whole weeks and Jun 29–30.
    expect(rest.series?.map((point) => [point.bucket.start, point.bucket.partial, point.values.conversion_rate?.value])).toEqual([
      ["2026-06-01", false, null],
      ["2026-06-08", false, null],
      ["2026-06-15", false, null],
      ["2026-06-22", false, null],
      ["2026-06-29", true, null],
    ]);
    for (const result of [sums, customers, ratios, rest]) expect(allNumbersFinite(result)).toBe(true);
  });

  it("gives an empty breakdown and compares an empty range without dividing by zero", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, { metrics: ["net_sales", "aov"], range: EMPTY, comparison: "previous", breakdown: { dimension: "category" } });
    expect(result.breakdown).toMatchObject({ members: 0, rows: [] });
    // May 2–31 (the 30 days before) is empty too.
    expect(result.comparison?.range).toMatchObject({ start: "2026-05-02", end: "2026-06-01" });
    expect(result.totals).toEqual({
      net_sales: { value: 0, previous: { value: 0 }, change: 0, changePct: null, changeReason: "the previous value was 0" },
      aov: {
        value: null,
        reason: "no orders in the range",
        previous: { value: null, reason: "no orders in the range" },
        change: null,
        changePct: null,
        changeReason: "no current value",
      },
    });
    expect(allNumbersFinite(result)).toBe(true);
  });

  it("rejects an unknown metric, suggesting a close one", async () => {
    const { store } = await seedMetricsStore(db());
    const close = await queryError(db(), store, { metrics: ["gross_sales_mxn"], range: "october 2026" });
    expect(close.code).toBe("unknown_metric");
    expect(close.message).toContain('Unknown metric "gross_sales_mxn". Did you mean gross_sales?');
    const far = await queryError(db(), store, { metrics: ["net_sales", "happiness"], range: "october 2026" });
    expect(far).toEqual({ code: "unknown_metric", message: 'Unknown metric "happiness". Run `bizos metrics --list` for the catalog.' });
    // Aliases in any of our languages are not errors.
    const alias = await queryBoth(db(), store, { metrics: ["ventas"], range: "october 2026" });
    expect(alias.totals).toEqual({ net_sales: { value: 271_000 } });
  });

  it("rejects dimensions that do not exist or that a metric does not support", async () => {
    const { store } = await seedMetricsStore(db());
    expect(await queryError(db(), store, { metrics: ["shipping"], range: "october 2026", breakdown: { dimension: "product" } })).toEqual({
      code: "unsupported_dimension",
      message: "shipping cannot be filtered or broken down by product (it allows source_channel, country, state, city, customer_type, attr.*).",
    });
    expect(await queryError(db(), store, { metrics: ["ad_spend"], range: "october 2026", filters: [{ dimension: "source_channel", values: ["instagram"] }] })).toMatchObject({
      code: "unsupported_dimension",
    });
    expect(await queryError(db(), store, { metrics: ["net_sales"], range: "october 2026", breakdown: { dimension: "color" } })).toMatchObject({ code: "unknown_dimension" });
    expect(await queryError(db(), store, { metrics: ["net_sales"], range: "october 2026", breakdown: { dimension: "product", sortBy: "units" } })).toMatchObject({
      code: "unknown_metric",
      message: 'sortBy "units" must be one of the queried metrics (net_sales).',
    });
  });

  it("rejects a filter on a product the store does not have", async () => {
    const { store } = await seedMetricsStore(db());
    expect(await queryError(db(), store, { metrics: ["net_sales"], range: "october 2026", filters: [{ dimension: "product", values: ["chiapas", "Té verde"] }] })).toEqual({
      code: "unknown_member",
      message: 'No product matches "Té verde".',
    });
    // The Tokyo store's Matcha is not the Mexican store's product.
    expect(await queryError(db(), store, { metrics: ["net_sales"], range: "october 2026", filters: [{ dimension: "product", values: ["matcha"] }] })).toMatchObject({
      code: "unknown_member",
    });
  });

  it("rejects ranges it cannot read or that have not started", async () => {
    const { store } = await seedMetricsStore(db());
    const unreadable = await queryError(db(), store, { metrics: ["net_sales"], range: "the day after the apocalypse" });
    expect(unreadable.code).toBe("invalid_range");
    expect(unreadable.message).toContain('"the day after the apocalypse" is not a date range we can read');
    expect(await queryError(db(), store, { metrics: ["net_sales"], range: "2027-01-01..2027-01-31" })).toEqual({
      code: "invalid_range",
      message: "Jan 1 – 31, 2027 has not started yet: today is Nov 20, 2026 in America/Mexico_City. Ask for a range that starts on or before today.",
    });
    expect(await queryError(db(), store, { metrics: ["net_sales"], range: { kind: "between", start: "2026-10-31", end: "2026-10-01" } })).toMatchObject({ code: "invalid_range" });
  });

  it("reads the sources' freshness unless told not to, with the same figures either way", async () => {
    const { store } = await seedMetricsStore(db());
    const input = { metrics: ["net_sales", "conversion_rate"], range: "2026-10-01..2026-10-31" };
    const withFreshness = await queryMetrics(db(), store, input, { clock: FIXTURE_CLOCK });
    const without = await queryMetrics(db(), store, input, { clock: FIXTURE_CLOCK, freshness: false });
    if (!withFreshness.ok || !without.ok) throw new Error("the query was expected to run");
    expect(withFreshness.value.freshness.map((entry) => entry.source)).toEqual(["orders", "web"]);
    expect(withFreshness.value.freshness[0]?.latestData).not.toBeNull();
    expect(without.value.freshness).toEqual([]);
    expect(without.value.totals).toEqual(withFreshness.value.totals);
  });
});
