import { describe, expect, it } from "vitest";
import type { ProposalView } from "../../db/repositories/price-proposals.ts";
import type { Insight } from "../../db/schema/operations.ts";
import type { MetricQueryResult, MetricSummary } from "../metrics/query/result.ts";
import { actionFacts, insightFacts, parseInsightAction, pendingApproval } from "./insight-facts.ts";
import { freshnessFor, kpiMetricsFor, periodKpis } from "./kpi-queries.ts";
import { suggestedQuestion } from "./suggested-question.ts";
import type { KpiFact } from "./types.ts";

const at = new Date("2026-11-21T06:00:00Z");
const question = { en: "Why?", es: "¿Por qué?", pt: "Por quê?" };

function insight(id: number, action: Record<string, unknown>): Insight {
  return { id, workspace_id: 1, type: "stockout_risk", severity: "warning", fingerprint: `f${id}`, subject: "product:1", title: "t", summary: "s", impact_cents: 100, confidence: 0.8, score: 1, evidence: {}, action, status: "open", occurrences: 1, first_seen_at: at, last_seen_at: at, updated_at: at };
}

const NET_SALES: MetricSummary = { name: "net_sales", label: "Net sales", domain: "ecommerce", unit: "money", formula: "", higherIsBetter: true };
const CONVERSION: MetricSummary = { name: "conversion_rate", label: "Conversion rate", domain: "web", unit: "ratio", formula: "", higherIsBetter: true };
const span = { start: "2026-11-20", end: "2026-11-21" };
const before = { start: "2026-11-13", end: "2026-11-14" };

describe("digest facts parts", () => {
  it("keeps three insights, reads their actions and leaves malformed ones out", () => {
    const facts = insightFacts([insight(1, { kind: "question", question }), insight(2, { kind: "proposal" }), insight(3, { kind: "proposal", request: question }), insight(4, { kind: "question", question })]);
    expect(facts.map((fact) => fact.action?.kind ?? null)).toEqual(["question", null, "proposal"]);
    expect(actionFacts(facts).map((action) => action.insightId)).toEqual([1, 3]);
    expect(parseInsightAction("ask me")).toBeNull();
  });

  it("suggests the top insight's action, else a question that follows from the numbers", () => {
    const fell: KpiFact = { metric: "net_sales", label: "Net sales", unit: "money", higherIsBetter: true, value: 10, previous: 20, change: -10, changePct: -0.5 };
    expect(suggestedQuestion(insightFacts([insight(1, { kind: "question", question })]), fell, "yesterday")).toEqual(question);
    expect(suggestedQuestion([], fell, "yesterday").es).toBe("¿Por qué bajaron las ventas ayer?");
    expect(suggestedQuestion([], { ...fell, change: 10 }, "last_week").pt).toBe("Quais produtos mais venderam na semana passada?");
    expect(suggestedQuestion([], undefined, "yesterday").en).toBe("How did MRR change this month?");
  });

  it("compares two periods and leaves out KPIs with no value in either", () => {
    const kpis = periodKpis([NET_SALES, CONVERSION], span, { net_sales: { value: 439_400 }, conversion_rate: { value: null, reason: "no sessions in the range" } }, before, { net_sales: { value: 2_195_683 }, conversion_rate: { value: null } });
    expect(kpis.kpis).toEqual([{ metric: "net_sales", label: "Net sales", unit: "money", higherIsBetter: true, value: 439_400, previous: 2_195_683, change: -1_756_283, changePct: -0.79988 }]);
    expect(kpis.span).toEqual(span);
    expect(kpiMetricsFor("both")).toHaveLength(5);
  });

  it("dates the figures by the sources the shown KPIs read, the older point winning", () => {
    const result = (orders: string): MetricQueryResult =>
      ({ freshness: [{ source: "orders", latestData: orders, lastLoadedAt: null }, { source: "web", latestData: null, lastLoadedAt: null }] }) as Partial<MetricQueryResult> as MetricQueryResult;
    expect(freshnessFor([result("2026-11-21T05:00:00.000Z"), result("2026-11-20T05:00:00.000Z")], ["net_sales"])).toEqual([{ source: "orders", latestData: "2026-11-20T05:00:00.000Z", lastLoadedAt: null }]);
    expect(freshnessFor([result("2026-11-21T05:00:00.000Z")], ["net_sales", "conversion_rate"]).map((entry) => entry.source)).toEqual(["orders", "web"]);
  });

  it("names a pending proposal by its product, in its own currency", () => {
    const view = { code: "K7P2", kind: "change", product_title: null, variant_title: "Azul / M", variant_id: 9, current_price_cents: 100, proposed_price_cents: 90, currency: null, expires_at: at } as Partial<ProposalView> as ProposalView;
    expect(pendingApproval(view, "MXN")).toEqual({ code: "K7P2", kind: "change", product: "Azul / M", variant: null, currentPriceCents: 100, proposedPriceCents: 90, currency: "MXN", expiresAt: at.toISOString() });
  });
});
