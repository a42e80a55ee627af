/** Tool-result summaries: one English line per call, with the names and figures recall needs, and never longer than the limit. */
import { describe, expect, it } from "vitest";
import type { InventoryItemData } from "../../tools/commerce-ops/inventory-data.ts";
import type { InventoryStatusData } from "../../tools/commerce-ops/inventory-status.ts";
import type { PriceSuggestionsData, ProposalData, ProposePriceChangeData } from "../../tools/commerce-ops/pricing-data.ts";
import type { BudgetReallocationData } from "../../tools/marketing/budget-reallocation.ts";
import type { ForecastMetricData } from "../../tools/analytics/forecast-metric.ts";
import type { RecallData } from "../../tools/memory/memory-data.ts";
import { ANALYTICS_TOOLS, COMMERCE_TOOLS, MARKETING_TOOLS, MEMORY_TOOLS, NOTIFICATION_TOOLS } from "../../tools/tool-names.ts";
import { toolError } from "../../tools/tool-outcome.ts";
import { call, METRICS, metricResult, range, row, value } from "./test-support.ts";
import { SUMMARY_MAX_CHARS, toolSummaries, toolSummary } from "./tool-summaries.ts";

const MX = { currency: "MXN", timeZone: "America/Mexico_City" } as const;
const WEEK = range("2026-11-14", "2026-11-21", "week");

function proposal(parts: Partial<ProposalData> = {}): ProposalData {
  return {
    code: "4F2K", kind: "change", status: "pending_approval", productId: 10, title: "Playera Básica Negro", sku: null, currency: "MXN",
    currentPriceCents: 29900, proposedPriceCents: 27900, changePct: -0.0669, rule: null, marginBefore: null, marginAfter: null,
    undoOf: null, requestedBy: "Ana", decidedBy: null, createdAt: "2026-11-21T15:00:00Z", expiresAt: "2026-11-21T23:00:00Z", decidedAt: null, appliedAt: null, error: null,
    ...parts,
  };
}

const ITEM: InventoryItemData = {
  variantId: 370, productId: 118, sku: "MN-SUD-0118-M", productTitle: "Sudadera oversize Terracota", variantTitle: "M", category: "Sudaderas",
  priceCents: 89900, onHand: 0, stockDate: "2026-11-20", outOfStock: true, dailyDemand: 1.4, demandOverHorizon: 19.6, daysOfStock: 0, stockoutProbability: 1,
  projectedStockoutDate: "2026-11-21", unitsSoldLast30Days: 23, sellThrough: 1, safetyStock: 6, reorderPoint: 26, reorderQuantity: 71, reorderNow: true,
  overstock: false, excessUnits: 0, excessValueCents: 0,
};

describe("tool-result summaries", () => {
  it("say a metric's total with its span (last day inclusive) in exact money", () => {
    const data = metricResult({ currency: "MXN", range: WEEK, metrics: [METRICS.net_sales!], totals: { net_sales: value(12_345_670) } });
    expect(toolSummary(call("query_metrics", { metrics: ["net_sales"], range: "last week" }, data), MX)).toBe("query_metrics net_sales 2026-11-14..2026-11-20: 123,456.70 MXN");
  });

  it("name the filters, the comparison and the breakdown's top members", () => {
    const data = metricResult({
      currency: "MXN",
      range: WEEK,
      comparison: { kind: "previous", range: range("2026-11-07", "2026-11-14") },
      metrics: [METRICS.net_sales!, METRICS.orders!],
      totals: { net_sales: value(5_000_000, 4_000_000), orders: value(120, 100) },
      breakdown: {
        dimension: "campaign", sortBy: "net_sales", direction: "desc", top: 2, members: 3,
        rows: [row("1", "Buen Fin Meta", { net_sales: value(3_000_000) }, 0.6), row("2", "Search | Marca", { net_sales: value(1_500_000) }, 0.3), row("other", "Other", { net_sales: value(500_000) }, 0.1, true)],
      },
    });
    const args = { filters: [{ dimension: "product", operator: "in", values: ["Playera Básica"] }] };
    expect(toolSummary(call("query_metrics", args, data), MX)).toBe(
      "query_metrics net_sales, orders 2026-11-14..2026-11-20 vs previous period where product in Playera Básica: net_sales 50,000.00 MXN (+25.0%), orders 120 (+20.0%); by campaign: Buen Fin Meta 30,000.00 MXN, Search | Marca 15,000.00 MXN",
    );
  });

  it("say a price proposal with its product, prices, code and state", () => {
    const data: ProposePriceChangeData = { proposal: proposal(), approvers: [], askerCanApprove: true, warnings: [] };
    expect(toolSummary(call("propose_price_change", { product: "playera basica negra", priceCents: 27900 }, data, []), MX)).toBe("propose_price_change Playera Básica Negro: 299.00 → 279.00 MXN, code 4F2K, pending approval");
    const undo: ProposePriceChangeData = { proposal: proposal({ kind: "undo", code: "9XQD", sku: "PB-NEG-M", currentPriceCents: 27900, proposedPriceCents: 29900, undoOf: "4F2K" }), approvers: [{ name: "Luis", channel: "slack" }], askerCanApprove: false, warnings: [] };
    expect(toolSummary(call("undo_price_change", { code: "4F2K" }, undo, []), MX)).toBe("undo_price_change undoes 4F2K Playera Básica Negro · PB-NEG-M: 279.00 → 299.00 MXN, code 9XQD, pending approval; approvers Luis");
  });

  it("list price suggestions by code, and the SKUs at risk of running out", () => {
    const suggestions: PriceSuggestionsData = {
      view: "overpriced", category: null, currency: "MXN", considered: 40, total: 1, skipped: [],
      suggestions: [{
        code: "K7QD", rank: 1, productId: 10, variantId: 11, variantIds: [11], title: "Playera Básica Negro", sku: "PB-NEG-M", category: "Playeras",
        currentPriceCents: 29900, suggestedPriceCents: 27900, targetPriceCents: 27900, changePct: -0.0669, direction: "down",
        rule: { strategy: "match_lowest", percent: null, amountCents: null, marginPct: null, scope: "default" }, lowestCompetitorCents: 27900, averageCompetitorCents: 28900,
        competitors: [], ignoredCompetitors: [], marginBefore: null, marginAfter: null, constraints: [],
        expected: { windowDays: 30, unitsPerDayBefore: 1, unitsPerDayAfter: 1.2, revenue30dBeforeCents: 0, revenue30dAfterCents: 0, grossProfit30dBeforeCents: null, grossProfit30dAfterCents: null },
        elasticity: { value: -1.6, confidence: "low", source: "prior" },
      }],
    };
    expect(toolSummary(call("price_suggestions", {}, suggestions, []), MX)).toBe("price_suggestions overpriced: 1 suggestions of 40 variants; K7QD Playera Básica Negro · PB-NEG-M 299.00 → 279.00 MXN (−6.7%)");
    const inventory: InventoryStatusData = {
      view: "stockout_risk", today: "2026-11-21", horizonDays: 14, historyDays: 84, sellThroughDays: 30, leadTimeDays: 14, reviewPeriodDays: 30, overstockThresholdDays: 132, serviceLevel: 0.95,
      category: null, skusAssessed: 812, matching: 1, items: [ITEM], totals: { outOfStock: 1, atRisk: 1, overstocked: 0, excessValueCents: 0 },
    };
    expect(toolSummary(call("inventory_status", {}, inventory, []), MX)).toBe(
      "inventory_status stockout_risk, next 14 days: 1 at risk, 1 out of stock, 0 overstocked of 812 SKUs; Sudadera oversize Terracota (M) · MN-SUD-0118-M 0 on hand, 0 days of stock",
    );
  });

  it("say a budget move and a forecast with their figures", () => {
    const budget: BudgetReallocationData = {
      by: "platform", range: { start: "2026-10-22", end: "2026-11-21", label: "last 30 days", days: 30 }, shiftPercent: 20, basis: "roas", totalSpendCents: 7_500_000, averageRoas: 3.35,
      movedCents: 600_000, expectedConversionsChange: 8.26, expectedRevenueChangeCents: 1_050_000, lines: [],
      transfers: [{ from: "meta", to: "google", amountCents: 600_000 }],
      assumptions: { receiverMarginalEfficiency: 0.7, donorLossEfficiency: 1, maxReceiverIncrease: 0.5, attribution: "platform" },
    };
    expect(toolSummary(call("budget_reallocation", {}, budget), MX)).toBe(
      "budget_reallocation by platform 2026-10-22..2026-11-20, spend 75,000.00 MXN: move 6,000.00 MXN (6,000.00 MXN Meta → Google); expected +8.3 conversions, +10,500.00 MXN revenue",
    );
    const forecast: ForecastMetricData = {
      metric: "orders", label: "Orders", unit: "count", history: { start: "2025-11-21", last: "2026-11-20" },
      forecast: { points: [], method: "holt-winters", intervalLevel: 0.8, fittedDays: 365, validationWape: null, intervalErrors: 0 },
      total: { startDate: "2026-11-21", endDate: "2026-12-20", days: 30, total: 1234.4, lower: 1000.2, upper: 1500.7, method: "holt-winters", intervalLevel: 0.8, intervalSource: "rolling-origin-totals", intervalRuns: 10 },
    };
    expect(toolSummary(call("forecast_metric", {}, forecast), MX)).toBe("forecast_metric orders 2026-11-21..2026-12-20: 1,234 expected (80% interval 1,000 to 1,501)");
  });

  it("say a failed call with its code, message and suggestions", () => {
    const outcome = toolError("inventory_status", "not_found", 'No product matches "Playera Roja".', ["Playera Básica Rojo", "Playera Cuello V Rojo"]);
    expect(toolSummary({ name: "inventory_status", args: { products: ["Playera Roja"] }, outcome }, MX)).toBe(
      'inventory_status failed: not_found No product matches "Playera Roja". (suggestions: Playera Básica Rojo, Playera Cuello V Rojo)',
    );
  });

  it("keep recalled memories out of a recall's line", () => {
    const recalled: RecallData = {
      query: "Buen Fin discount", range: null,
      memories: [{ kind: "message", text: "We agreed no discount on the Classic line", speaker: "member", speakerName: "Ana", byAsker: false, channel: "whatsapp", at: "2026-11-12T18:00:00Z", private: false, subjects: [] }],
    };
    const line = toolSummary(call("recall_memory", { query: "Buen Fin discount" }, recalled, []), MX);
    expect(line).toBe('recall_memory "Buen Fin discount": 1 memories (whatsapp)');
    expect(line).not.toContain("Classic");
  });

  it("give every tool a line, even for data in a shape it does not know, and never a line over the limit", () => {
    const tools = [...ANALYTICS_TOOLS, ...MARKETING_TOOLS, ...COMMERCE_TOOLS, ...NOTIFICATION_TOOLS, ...MEMORY_TOOLS];
    const odd = toolSummaries(tools.map((tool) => call(tool, {}, { surprise: true }, [])), MX);
    expect(odd).toEqual(tools.map((tool) => `${tool} ok (result in an unexpected shape, not summarised)`));
    const long = toolError("query_metrics", "not_found", `Unknown metric "${"x".repeat(400)}".`);
    const line = toolSummary({ name: "query_metrics", args: {}, outcome: long }, MX);
    expect(line).toHaveLength(SUMMARY_MAX_CHARS);
    expect(line.endsWith("…")).toBe(true);
  });
});
