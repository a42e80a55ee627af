/**
 * Breakdowns (top N + Other, shares, ranking) and filters on the hand-computed fixture
 * (test/fixtures/metrics-store-data.ts), each from the rollups and a raw scan alike.
 *
 * October net sales per product, at line grain (see metrics-fixture-ecommerce.test.ts for the splits):
 *   Café Oaxaca   O6 (50000 − 5000) + O11 25000 + O13 25000                  = 95000   units 4
 *   Café Chiapas  60000 − discounts (572 + 579) − O5 refund share 2858        = 55991   units 3
 *   Taza de barro O5 (15000 − 428 − 2142 refund share) + O9 30000            = 42430   units 3
 *   Prensa        O7 40000 − 1161                                             = 38839   units 1
 *   Chocolate     O7 (10000 − 1000 − 260) + O8 30000                          = 38740   units 4
 *   total 271000, the same as at order grain.
 */
import { expect, it } from "vitest";
import { describeDatabase } from "../../../test/database.ts";
import { queryBoth, rowsOf } from "../../../test/fixtures/metrics-query.ts";
import { seedMetricsStore } from "../../../test/fixtures/metrics-store.ts";
import { OTHER_MEMBER } from "../facts/types.ts";

const OCTOBER = "october 2026";

describeDatabase("metrics fixture: breakdowns and filters", ({ db }) => {
  it("lists the top products, folds the rest into Other and gives each row its share", async () => {
    const { store, productIds } = await seedMetricsStore(db());
    const top = await queryBoth(db(), store, { metrics: ["net_sales", "units"], range: OCTOBER, breakdown: { dimension: "product", top: 2 } });
    expect(top.breakdown).toMatchObject({ dimension: "product", sortBy: "net_sales", direction: "desc", top: 2, members: 5 });
    expect(top.breakdown?.rows.map((row) => [row.member, row.other])).toEqual([
      [String(productIds.get("oaxaca")), false],
      [String(productIds.get("chiapas")), false],
      [OTHER_MEMBER, true],
    ]);
    expect(rowsOf(top, "net_sales")).toEqual([
      ["Café Oaxaca", 95_000, 0.350554], // 95000 / 271000
      ["Café Chiapas", 55_991, 0.206609], // 55991 / 271000
      ["Other", 120_009, 0.442838], // taza 42430 + prensa 38839 + chocolate 38740
    ]);
    // Other's units: taza 3 + prensa 1 + chocolate 4
    expect(rowsOf(top, "units").map(([label, units]) => [label, units])).toEqual([["Café Oaxaca", 4], ["Café Chiapas", 3], ["Other", 8]]);

    // Ascending: the smallest first (chocolate 38740 just below prensa 38839).
    const bottom = await queryBoth(db(), store, { metrics: ["net_sales"], range: OCTOBER, breakdown: { dimension: "product", top: 2, direction: "asc" } });
    expect(rowsOf(bottom, "net_sales")).toEqual([
      ["Chocolate de mesa", 38_740, 0.142952],
      ["Prensa francesa", 38_839, 0.143317],
      ["Other", 193_421, 0.713731], // 95000 + 55991 + 42430
    ]);
  });

  it("ranks members with no value last and gives ratio metrics no share", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, { metrics: ["gross_profit", "gross_margin"], range: OCTOBER, breakdown: { dimension: "product" } });
    const rows = result.breakdown?.rows ?? [];
    expect(rows.map((row) => [row.label, row.values.gross_profit?.value, row.values.gross_margin?.value, row.share])).toEqual([
      // profit = sales after discounts − cost; margin = profit ÷ those sales; share of the 142161 total
      ["Café Oaxaca", 55_000, 0.578947, 0.386885], // 95000 − 4 × 10000; 55000 / 95000
      ["Café Chiapas", 34_849, 0.592177, 0.245138], // 58849 − 3 × 8000; 34849 / 58849
      ["Taza de barro", 29_572, 0.663466, 0.208018], // 44572 − 3 × 5000; 29572 / 44572
      ["Chocolate de mesa", 22_740, 0.58699, 0.159959], // 38740 − 4 × 4000; 22740 / 38740
      ["Prensa francesa", null, null, null], // no cost: ranked last
    ]);
    expect(rows[4]?.values.gross_profit).toEqual({ value: null, reason: "no cost data for the lines in this range" });
  });

  it("breaks down by category and by customer type", async () => {
    const { store } = await seedMetricsStore(db());
    const categories = await queryBoth(db(), store, { metrics: ["net_sales", "units", "orders"], range: OCTOBER, breakdown: { dimension: "category" } });
    expect(categories.breakdown?.rows.map((row) => [row.label, row.values.net_sales?.value, row.values.units?.value, row.values.orders?.value, row.share])).toEqual([
      // chiapas 55991 + oaxaca 95000; units 3 + 4; orders containing one: O5 O6 O7 O11 O12 O13
      ["Café", 150_991, 7, 6, 0.557162],
      // taza 42430 + prensa 38839; units 3 + 1; O5 O7 O9
      ["Accesorios", 81_269, 4, 3, 0.299886],
      // chocolate; units 1 + 3; O7 O8
      ["Dulces", 38_740, 4, 2, 0.142952],
    ]);

    const types = await queryBoth(db(), store, { metrics: ["net_sales", "customers"], range: OCTOBER, breakdown: { dimension: "customer_type" } });
    expect(types.breakdown?.rows.map((row) => [row.member, row.label, row.values.net_sales?.value, row.values.customers?.value, row.share])).toEqual([
      // O5 (34000 − 5000 refund) + O6 45000 + O11 25000 + O12 20000 + O13 25000; ana, beto, carla, diego
      ["returning", "Returning customers", 144_000, 4, 0.531365],
      // O7 67000 + O9 30000; diego, elena
      ["new", "New customers", 97_000, 2, 0.357934],
      // O8: guests are not customers
      ["guest", "Guests", 30_000, 0, 0.110701],
    ]);
  });

  it("breaks down by sales channel with a comparison, Other's change having no percentage when it was 0", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, { metrics: ["net_sales"], range: OCTOBER, comparison: "previous", breakdown: { dimension: "source_channel", top: 2 } });
    expect(result.breakdown?.members).toBe(4);
    expect(rowsOf(result, "net_sales")).toEqual([
      ["online_store", 146_000, 0.538745], // O5 29000 + O7 67000 + O11 25000 + O13 25000
      ["instagram", 75_000, 0.276753], // O6 45000 + O9 30000
      ["Other", 50_000, 0.184502], // marketplace O8 30000 + whatsapp O12 20000
    ]);
    // September: online_store O3 20000 + O4 (15000 − 15000 refunded); instagram O2 25000; nothing else.
    expect(result.breakdown?.rows.map((row) => row.values.net_sales)).toEqual([
      { value: 146_000, previous: { value: 20_000 }, change: 126_000, changePct: 6.3 },
      { value: 75_000, previous: { value: 25_000 }, change: 50_000, changePct: 2 },
      { value: 50_000, previous: { value: 0 }, change: 50_000, changePct: null, changeReason: "the previous value was 0" },
    ]);
  });

  it("breaks down by a custom attribute, orders without it being '(none)'", async () => {
    const { store } = await seedMetricsStore(db());
    const all = await queryBoth(db(), store, { metrics: ["orders", "units"], range: OCTOBER, breakdown: { dimension: "attr.device" } });
    expect(all.breakdown?.rows.map((row) => [row.member, row.label, row.values.orders?.value, row.values.units?.value, row.share])).toEqual([
      ["mobile", "mobile", 4, 7, 0.5], // O5 O6 O9 O12; units 2 + 2 + 2 + 1
      ["desktop", "desktop", 3, 5, 0.375], // O7 O11 O13; units 3 + 1 + 1
      ["", "(none)", 1, 3, 0.125], // O8
    ]);
    // Custom attributes are not in the rollups: always a raw scan.
    expect(all.paths).toEqual({ orders: "raw", lines: "raw" });

    const top = await queryBoth(db(), store, { metrics: ["net_sales"], range: OCTOBER, breakdown: { dimension: "attr.device", top: 1 } });
    expect(rowsOf(top, "net_sales")).toEqual([
      ["mobile", 124_000, 0.457565], // O5 29000 + O6 45000 + O9 30000 + O12 20000
      ["Other", 147_000, 0.542435], // desktop 117000 + (none) 30000
    ]);
  });

  it("filters by members in and not in a list, and products by title", async () => {
    const { store } = await seedMetricsStore(db());
    const channels = await queryBoth(db(), store, { metrics: ["net_sales", "orders"], range: OCTOBER, filters: [{ dimension: "source_channel", values: ["instagram", "WhatsApp"] }] });
    // O6 45000 + O9 30000 + O12 20000 (values match case-insensitively)
    expect(channels.totals).toEqual({ net_sales: { value: 95_000 }, orders: { value: 3 } });

    const notOnline = await queryBoth(db(), store, { metrics: ["net_sales", "orders"], range: OCTOBER, filters: [{ dimension: "source_channel", operator: "not_in", values: ["online_store"] }] });
    // instagram 75000 + marketplace 30000 + whatsapp 20000; O6 O9 O8 O12
    expect(notOnline.totals).toEqual({ net_sales: { value: 125_000 }, orders: { value: 4 } });

    // "CAFÉ" is part of both coffees' titles: Chiapas 55991 + Oaxaca 95000.
    const coffee = await queryBoth(db(), store, { metrics: ["net_sales"], range: OCTOBER, filters: [{ dimension: "product", values: ["CAFÉ"] }] });
    expect(coffee.totals).toEqual({ net_sales: { value: 150_991 } });

    const noPress = await queryBoth(db(), store, { metrics: ["net_sales", "orders", "units"], range: OCTOBER, filters: [{ dimension: "product", operator: "not_in", values: ["Prensa francesa"] }] });
    // 271000 − 38839; every October order has another product (O7 too); 15 − 1 units
    expect(noPress.totals).toEqual({ net_sales: { value: 232_161 }, orders: { value: 8 }, units: { value: 14 } });
  });

  it("combines a filter with a breakdown of another dimension", async () => {
    const { store } = await seedMetricsStore(db());
    const result = await queryBoth(db(), store, {
      metrics: ["net_sales", "units", "customers", "new_customer_sales", "returning_customer_sales"],
      range: OCTOBER,
      filters: [{ dimension: "category", values: ["café"] }],
      breakdown: { dimension: "customer_type" },
    });
    // Coffee lines: O5 chiapas 16570 (ana) · O6 45000 (beto) · O7 chiapas 19421 (diego, new) ·
    // O11 25000 (carla) · O12 20000 (diego) · O13 25000 (beto).
    expect(result.breakdown?.rows.map((row) => [row.member, row.values.net_sales?.value, row.values.units?.value, row.values.customers?.value, row.share])).toEqual([
      ["returning", 131_570, 6, 4, 0.871376], // 16570 + 45000 + 25000 + 20000 + 25000; ana beto carla diego
      ["new", 19_421, 1, 1, 0.128624], // diego's first order
    ]);
    expect(result.totals).toEqual({
      net_sales: { value: 150_991 },
      units: { value: 7 },
      customers: { value: 4 },
      new_customer_sales: { value: 19_421 },
      // after discounts, before refunds: 131570 + O5's refund share 2858
      returning_customer_sales: { value: 134_428 },
    });
  });
});
