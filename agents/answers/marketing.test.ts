import { describe, expect, it } from "vitest";
import type { BudgetReallocationData } from "../../tools/marketing/budget-reallocation.ts";
import type { AdMetricsData, AdRowData, MarketingPerformanceData } from "../../tools/marketing/marketing-performance.ts";
import { toolData, toolError } from "../../tools/tool-outcome.ts";
import type { Language } from "../shared/language.ts";
import { marketingComposers } from "./marketing.ts";
import { checkNumbers } from "./number-check.ts";
import type { AnswerContext, ToolCallRecord } from "./types.ts";

const context = (language: Language, currency = "MXN"): AnswerContext => ({ language, currency, timeZone: "America/Mexico_City", now: "2026-11-21T18:00:00Z", workspaceName: "Moda Norte" });

const METRICS: AdMetricsData = { spendCents: 4_500_000, impressions: 900_000, clicks: 10_000, ctr: 0.011111, cpcCents: 450, conversions: 120, cpaCents: 37_500, roas: 2.84 };
const row = (key: string, extra: Partial<AdRowData> = {}): AdRowData => ({
  key, label: key, platform: key, other: false, spendShare: 0.6, previous: null, spendChangePct: 0.123, conversionsChangePct: null, cpaChangePct: null, roasChangePct: null, ...METRICS, ...extra,
});

const PERFORMANCE: MarketingPerformanceData = {
  by: "platform", range: { start: "2026-10-22", end: "2026-11-21", label: "last 30 days", days: 30 }, comparison: { kind: "previous", start: "2026-09-22", end: "2026-10-22", label: "" },
  platforms: [], campaigns: [], members: 2,
  rows: [row("meta"), row("google", { spendCents: 3_000_000, spendShare: 0.4, roas: 4.1, conversions: 95, cpaCents: 31_579, spendChangePct: -0.04 })],
  totals: { ...METRICS, spendCents: 7_500_000, conversions: 215, cpaCents: 34_884, roas: 3.35, spendChangePct: 0.05, conversionsChangePct: 0.1, cpaChangePct: null, roasChangePct: null, previous: null },
  blended: { mer: 6.42, cacCents: 51_200, adSpendCents: 7_500_000, netSalesCents: 48_150_000, newCustomers: 146, merChangePct: -0.021, cacChangePct: null },
};

const BUDGET: BudgetReallocationData = {
  by: "campaign", range: { start: "2026-10-22", end: "2026-11-21", label: "last 30 days", days: 30 }, shiftPercent: 20, basis: "roas", totalSpendCents: 7_500_000, averageRoas: 3.35,
  movedCents: 600_000, expectedConversionsChange: 8.26, expectedRevenueChangeCents: 1_050_000,
  lines: [
    { key: "4", label: "Awareness | Reels colección", platform: "meta", role: "donor", spendCents: 3_000_000, newSpendCents: 2_400_000, changeCents: -600_000, conversions: 20, roas: 1.6, cpaCents: 150_000, expectedConversionsChange: -4, expectedRevenueChangeCents: -960_000 },
    { key: "5", label: "Search | Marca", platform: "google", role: "receiver", spendCents: 4_500_000, newSpendCents: 5_100_000, changeCents: 600_000, conversions: 290, roas: 5.8, cpaCents: 15_517, expectedConversionsChange: 12.26, expectedRevenueChangeCents: 2_010_000 },
  ],
  transfers: [{ from: "Awareness | Reels colección", to: "Search | Marca", amountCents: 600_000 }],
  assumptions: { receiverMarginalEfficiency: 0.7, donorLossEfficiency: 1, maxReceiverIncrease: 0.5, attribution: "platform" },
};

function composed(record: ToolCallRecord, ctx: AnswerContext) {
  const part = marketingComposers[record.name as "marketing_performance" | "budget_reallocation"](record, ctx);
  expect(checkNumbers(`${part.text}\n${part.suggestion ?? ""}`, [record], ctx).unsupported, part.text).toEqual([]);
  return part;
}

describe("marketing composers", () => {
  it("write ad performance with blended MER and CAC", () => {
    const record: ToolCallRecord = { name: "marketing_performance", args: { comparison: "previous" }, outcome: toolData("marketing_performance", PERFORMANCE, []) };
    const es = composed(record, context("es"));
    expect(es.text).toContain("*Anuncios, 22 oct – 20 nov 2026*: $75,000 ▲ 5.0% invertidos, 215 conversiones, CPA $348.84, ROAS 3.35×");
    expect(es.text).toContain("• Meta: $45,000 (60%) ▲ 12.3%, 120 conv.");
    expect(es.text).toContain("MER 6.42× ▼ 2.1%, CAC $512");
    const pt = composed(record, context("pt", "BRL"));
    expect(pt.text).toContain("R$ 75.000");
    expect(pt.text).toContain("ROAS 4,1×");
  });

  it("write the budget move, its effect and assumptions", () => {
    const record: ToolCallRecord = { name: "budget_reallocation", args: { shiftPercent: 20 }, outcome: toolData("budget_reallocation", BUDGET, []) };
    const es = composed(record, context("es"));
    expect(es.text).toContain("Mover *$6,000* (hasta 20% del presupuesto de las campañas más débiles) podría sumar unas 8.3 conversiones y $10,500 en ingresos");
    expect(es.text).toContain("• Awareness | Reels colección (ROAS 1.6×) → Search | Marca (ROAS 5.8×): $6,000");
    expect(es.text).toContain("al 70% del promedio");
    const pt = composed(record, context("pt", "BRL"));
    expect(pt.text).toContain("R$ 10.500");
    const balanced = composed({ ...record, outcome: toolData("budget_reallocation", { ...BUDGET, movedCents: 0, transfers: [] }, []) }, context("en"));
    expect(balanced.text).toContain("average ROAS 3.35×");
  });

  it("explain failures", () => {
    const none = composed({ name: "marketing_performance", args: {}, outcome: toolError("marketing_performance", "no_data", "no ads") }, context("pt"));
    expect(none.text).toMatch(/anúncios/);
    const unknown = composed({ name: "marketing_performance", args: {}, outcome: toolError("marketing_performance", "not_found", "no tiktok", ["google", "meta"]) }, context("es"));
    expect(unknown.suggestion).toContain("google o meta");
  });
});
