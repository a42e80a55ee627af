import { describe, expect, it } from "vitest";
import type { Cohort } from "../../../engines/metrics/analysis/cohorts.ts";
import { RFM_SEGMENT_INFO, RFM_SEGMENTS } from "../../../engines/metrics/analysis/rfm.ts";
import type { CohortAnalysisData } from "../../../tools/analytics/cohort-analysis.ts";
import type { ExplainAnomaliesData } from "../../../tools/analytics/explain-anomalies.ts";
import type { ForecastMetricData } from "../../../tools/analytics/forecast-metric.ts";
import type { RfmSegmentsData } from "../../../tools/analytics/rfm-segments.ts";
import { LANGUAGES } from "../../shared/language.ts";
import { answerText, composeAnswer } from "../index.ts";
import { checkNumbers } from "../number-check.ts";
import { answerContext, call } from "../test-support.ts";
import type { ToolCallRecord } from "../types.ts";

function cohort(month: string, customers: number, retention: readonly number[], revenuePerCustomerCents: number): Cohort {
  let cumulative = 0;
  return {
    month,
    customers,
    ages: retention.map((share, age) => {
      const active = Math.round(share * customers);
      cumulative += revenuePerCustomerCents * active;
      return { age, month, activeCustomers: active, retention: share, nullReason: null, revenueCents: revenuePerCustomerCents * active, cumulativeRevenueCents: cumulative, cumulativeRevenuePerCustomerCents: Math.round(cumulative / customers), complete: true };
    }),
  };
}

const cohorts: CohortAnalysisData = {
  workspaceId: 1,
  timeZone: "America/Argentina/Buenos_Aires",
  asOf: "2026-11-10T15:00:00Z",
  asOfMonth: "2026-11",
  months: 3,
  maxAge: 2,
  cohorts: [cohort("2026-09", 120, [1, 0.18, 0.12], 45_000_00), cohort("2026-10", 140, [1, 0.15], 43_000_00), cohort("2026-11", 40, [1], 41_000_00)],
  averageRetention: [
    { age: 0, cohorts: 2, customers: 260, activeCustomers: 260, retention: 1, cumulativeRevenuePerCustomerCents: 44_000_00, nullReason: null },
    { age: 1, cohorts: 2, customers: 260, activeCustomers: 43, retention: 0.165385, cumulativeRevenuePerCustomerCents: 51_200_00, nullReason: null },
  ],
  retentionRanking: { ok: true, value: { metric: "retention", age: 1, criterion: "retention in month 1", compared: ["2026-09", "2026-10"], best: { month: "2026-09", customers: 120, value: 0.18 }, worst: { month: "2026-10", customers: 140, value: 0.15 } } },
  lifetimeValueRanking: { ok: false, error: "not enough complete months" },
  totals: { customers: 300, revenueCents: 14_321_000_00 },
  excludedGuestOrders: 12,
};

const segments = RFM_SEGMENTS.map((segment) => {
  const filled = segment === "champions" ? [40, 0.1, 9_876_543_21, 0.31] : segment === "at_risk" ? [60, 0.15, 4_321_000_00, 0.14] : null;
  return {
    segment,
    ...RFM_SEGMENT_INFO[segment],
    customers: filled ? filled[0]! : 0,
    customerShare: filled ? filled[1]! : 0,
    revenueCents: filled ? filled[2]! : 0,
    revenueShare: filled ? filled[3]! : 0,
    avgRecencyDays: filled ? 12.4 : null,
    avgFrequency: filled ? 3.25 : null,
    avgMonetaryCents: filled ? 246_913_58 : null,
  };
});
const rfmReport: RfmSegmentsData["report"] = {
  workspaceId: 1,
  timeZone: "America/Argentina/Buenos_Aires",
  asOf: "2026-11-10T15:00:00Z",
  asOfDate: "2026-11-10",
  lookbackDays: 365,
  windowStart: "2025-11-11",
  segments,
  thresholds: { recencyDays: [], frequency: [], monetaryCents: [] },
  totals: { customers: 400, orders: 1100, revenueCents: 31_000_000_00 },
  excludedGuestOrders: 3,
};
const rfmAll: RfmSegmentsData = { report: rfmReport, focus: null, customers: null };
const rfmFocus: RfmSegmentsData = {
  report: rfmReport,
  focus: "at_risk",
  customers: [{ customerId: 7, name: "Lucía Pérez", email: null, segment: "at_risk", lastOrderDate: "2026-06-02", recencyDays: 161, frequency: 1, monetaryCents: 512_345_00, scores: { r: 2, f: 3, m: 5, fm: 4 } }],
};

const anomalies: ExplainAnomaliesData = {
  metric: "net_sales",
  label: "Net sales",
  unit: "money",
  lookbackDays: 14,
  checked: { start: "2026-10-27", last: "2026-11-09" },
  window: { start: "2026-09-01", last: "2026-11-09" },
  evaluatedDays: 14,
  skippedReason: null,
  dimensionsExamined: ["source_channel"],
  anomalies: [
    {
      date: "2026-11-04",
      actual: 310_500_00,
      expected: 540_250_75.4,
      lower: 400_000_00,
      upper: 680_000_00,
      deviation: -229_750_75.4,
      deviationPct: -42.53,
      score: -5.1,
      direction: "down",
      severity: "high",
      confidence: 0.912,
      drivers: {
        dimension: "source_channel",
        labels: { instagram: "instagram" },
        result: {
          direction: "down",
          totalActual: 310_500_00,
          totalExpected: 540_250_75.4,
          totalDeviation: -229_750_75.4,
          basis: "net",
          drivers: ["instagram"],
          contributions: [{ member: "instagram", actual: 20_000_00, expected: 210_000_00, deviation: -190_000_00, share: 0.827, deviationPct: -90.48, movement: "with", driver: true }],
          shortHistoryMembers: [],
        },
      },
    },
  ],
};

const forecast: ForecastMetricData = {
  metric: "net_sales",
  label: "Net sales",
  unit: "money",
  history: { start: "2025-11-10", last: "2026-11-09" },
  forecast: {
    points: [
      { date: "2026-11-10", value: 500_123_45.6, lower: 420_000_00, upper: 580_000_00 },
      { date: "2026-11-11", value: 610_987_00.2, lower: 500_000_00, upper: 700_000_00 },
      { date: "2026-11-12", value: 480_000_00, lower: 400_000_00, upper: 560_000_00 },
    ],
    method: "holt-winters",
    intervalLevel: 0.8,
    fittedDays: 365,
    validationWape: 0.1834,
    intervalErrors: 40,
  },
  total: { startDate: "2026-11-10", endDate: "2026-11-12", days: 3, total: 1_591_110_45.8, lower: 1_400_000_00, upper: 1_790_500_00, method: "holt-winters", intervalLevel: 0.8, intervalSource: "rolling-origin-totals", intervalRuns: 12 },
};

const CALLS: readonly ToolCallRecord[] = [
  call("cohort_analysis", { months: 3, maxAge: 2 }, cohorts),
  call("rfm_segments", { lookbackDays: 365, segment: null }, rfmAll),
  call("rfm_segments", { lookbackDays: 365, segment: "at_risk" }, rfmFocus),
  call("explain_anomalies", { metric: "net_sales", lookbackDays: 14 }, anomalies),
  call("forecast_metric", { metric: "net_sales", horizonDays: 3 }, forecast),
];

describe("analysis answers", () => {
  it("pass the number checker in every language, and fail once a figure is invented", () => {
    for (const language of LANGUAGES) {
      for (const record of CALLS) {
        const context = answerContext(language, language === "pt" ? "BRL" : "ARS");
        const text = answerText(composeAnswer([record], context));
        expect(checkNumbers(text, [record], context), text).toEqual({ ok: true, unsupported: [] });
        const tampered = `${text}\n${language === "en" ? "That is R$ 98,765 more than usual." : "Eso es $ 98.765 más que lo habitual."}`;
        expect(checkNumbers(tampered, [record], context).ok, tampered).toBe(false);
      }
    }
  });

  it("read cohorts: size, revenue, average retention and the best and worst cohort", () => {
    const text = composeAnswer([CALLS[0]!], answerContext("es", "ARS")).text;
    expect(text).toContain("*Cohortes mensuales* sep 2026 – nov 2026: 300 clientes nuevos que generaron $ 14.321.000 en ventas netas.");
    expect(text).toContain("Retención promedio — mes 1: 16,5%");
    expect(text).toContain("Retención en el mes 1: mejor sep 2026 (18,0%), peor oct 2026 (15,0%)");
    expect(text).not.toContain("Ingreso por cliente");
  });

  it("read RFM segments, all of them or one with its best customers", () => {
    const all = composeAnswer([CALLS[1]!], answerContext("pt", "BRL"));
    expect(all.text).toContain("*Segmentos RFM* dos 400 clientes que compraram de 11 nov 2025 a 10 nov 2026:");
    expect(all.text).toContain("• Campeões: 40 clientes (10,0%), R$ 9.876.543 (31,0% das vendas)");
    expect(all.text).not.toContain("Perdidos");
    expect(all.suggestion).toBe("Quer ver quem são seus clientes em risco?");
    const focus = composeAnswer([CALLS[2]!], answerContext("en", "USD")).text;
    expect(focus).toContain("*At risk*");
    expect(focus).toContain("• Lucía Pérez: $512,345, 1 order, last on Jun 2, 2026");
  });

  it("explain an anomaly with its size, confidence and driver", () => {
    const text = composeAnswer([CALLS[3]!], answerContext("es", "ARS")).text;
    expect(text).toContain("*Ventas netas*: días fuera de lo normal del 27 oct al 9 nov 2026:");
    expect(text).toContain("4 nov 2026: $ 310.500 vs $ 540.251 esperado (▼ 43%); severidad alta, confianza 91%. Sobre todo por canal de venta: Instagram (−$ 190.000, 83% del desvío).");
  });

  it("give a forecast total with its interval and strongest day", () => {
    const text = composeAnswer([CALLS[4]!], answerContext("en", "USD")).text;
    expect(text).toContain("*Net sales forecast* for the next 3 days (Nov 10–12, 2026): about *$1,591,110* (80% range: $1,400,000 to $1,790,500).");
    expect(text).toContain("Strongest day: Nov 11, 2026 ($610,987).");
  });
});
