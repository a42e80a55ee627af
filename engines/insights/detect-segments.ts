/**
 * segment_shift insights: an RFM customer segment (the metric engine's rfmAnalysis, as the weekly
 * report reads it) that moved the wrong way against PERIOD_DAYS before — the best customers
 * (champions, loyal) shrinking, or good customers who stopped buying (at risk, cannot lose them)
 * growing. Both segmentations score the 365 days ending with their date, so the same customer can
 * move between segments as their last order ages. Moves the right way are good news, not insights.
 *
 * A shift needs |change| ≥ MIN_CHANGE of the segment's customers, against at least MIN_PREVIOUS of
 * them before, and a move of at least Z_MIN·√previous customers (beyond a Poisson count's noise).
 *
 * Impact = the customers who moved × the segment's average revenue per customer over its 365 days
 * (before, for a shrinking segment: what those who left used to be worth; now, for a growing one:
 * what those who slipped in spent) × 90/365 — a quarter of their yearly spend, the money a win-back
 * or a retention push over the next 90 days works for.
 * Severity: warning when the segment holds at least WARNING_REVENUE_SHARE of the customers' revenue
 * (now or before), else info; never urgent: segments move over weeks, not overnight.
 * Confidence = min(0.8, 0.4 + 0.1·z), z = |moved| ÷ √previous, × √min(1, scored customers ÷ 200):
 * RFM scores are quintiles, coarse with few customers, and a segment is a proxy for intent.
 */
import { addDays } from "../../lib/calendar-date.ts";
import { rfmAnalysis, type RfmReport, type RfmSegment, type RfmSegmentSummary } from "../metrics/analysis/rfm.ts";
import { localMidnightUtc } from "../metrics/time/utc-bounds.ts";
import { question } from "./action-text.ts";
import { amount, rounded, type Detector, type DetectorContext } from "./detector.ts";
import type { SegmentShiftEvidence } from "./evidence.ts";
import type { InsightCandidate, LocalizedText } from "./types.ts";

export const PERIOD_DAYS = 30;
export const MIN_CHANGE = 0.2;
export const MIN_PREVIOUS = 10;
export const Z_MIN = 2;
export const HORIZON_DAYS = 90;
const SCORING_DAYS = 365;
const WARNING_REVENUE_SHARE = 0.1;
const FULL_CUSTOMERS = 200;

type Way = "shrinking" | "growing";

/** The watched segments, the way each one moving is bad news, and what to ask about it. */
const WATCHED: readonly { readonly segment: RfmSegment; readonly way: Way; readonly ask: LocalizedText }[] = [
  { segment: "champions", way: "shrinking", ask: { en: "Which of my champion customers stopped buying?", es: "¿Qué clientes campeones dejaron de comprar?", pt: "Quais clientes campeões pararam de comprar?" } },
  { segment: "loyal", way: "shrinking", ask: { en: "Which of my loyal customers stopped buying?", es: "¿Qué clientes leales dejaron de comprar?", pt: "Quais clientes leais pararam de comprar?" } },
  { segment: "at_risk", way: "growing", ask: { en: "Who are my at-risk customers?", es: "¿Quiénes son mis clientes en riesgo?", pt: "Quem são meus clientes em risco?" } },
  { segment: "cannot_lose_them", way: "growing", ask: { en: "Which good customers have not come back?", es: "¿Qué buenos clientes no han vuelto?", pt: "Quais bons clientes não voltaram?" } },
];

/** The last instant of the local day before `date`. */
function endOfDayBefore(date: string, timeZone: string): Date {
  return new Date(localMidnightUtc(date, timeZone).getTime() - 1);
}

const perCustomer = (s: RfmSegmentSummary): number => (s.customers > 0 ? s.revenueCents / s.customers : 0);

function shift({ segment, way, ask }: (typeof WATCHED)[number], now: RfmReport, before: RfmReport, currency: string): InsightCandidate | null {
  const current = now.segments.find((s) => s.segment === segment);
  const previous = before.segments.find((s) => s.segment === segment);
  if (!current || !previous || previous.customers < MIN_PREVIOUS) return null;
  const moved = current.customers - previous.customers;
  const change = moved / previous.customers;
  const z = Math.abs(moved) / Math.sqrt(previous.customers);
  if ((way === "growing" ? moved <= 0 : moved >= 0) || Math.abs(change) < MIN_CHANGE || z < Z_MIN) return null;
  const worth = way === "growing" ? perCustomer(current) : perCustomer(previous);
  const impactCents = Math.round(Math.abs(moved) * worth * (HORIZON_DAYS / SCORING_DAYS));
  const share = Math.max(current.revenueShare ?? 0, previous.revenueShare ?? 0);
  const evidence: SegmentShiftEvidence = {
    segment,
    currency,
    customers: current.customers,
    previousCustomers: previous.customers,
    revenueCents: current.revenueCents,
    changePct: rounded(change, 3),
    asOf: now.asOfDate,
    previousAsOf: before.asOfDate,
    previousRevenueCents: previous.revenueCents,
    revenueShare: current.revenueShare === null ? null : rounded(current.revenueShare, 3),
    previousRevenueShare: previous.revenueShare === null ? null : rounded(previous.revenueShare, 3),
  };
  const coverage = Math.sqrt(Math.min(1, now.totals.customers / FULL_CUSTOMERS));
  return {
    type: "segment_shift",
    severity: share >= WARNING_REVENUE_SHARE ? "warning" : "info",
    fingerprint: `segment_shift:${segment}:${way}`,
    subject: `segment:${segment}`,
    impactCents,
    confidence: rounded(Math.min(0.8, 0.4 + 0.1 * z) * coverage, 3),
    title: `${current.label} customers ${way === "growing" ? "up" : "down"} ${Math.round(Math.abs(change) * 100)}% in ${PERIOD_DAYS} days (${previous.customers} → ${current.customers})`,
    summary: `${current.label} has ${current.customers} customers as of ${now.asOfDate} against ${previous.customers} on ${before.asOfDate}; ${Math.abs(moved)} customers worth about ${amount(Math.round(worth), currency)} a year each ${way === "growing" ? "slipped in" : "left"} (about ${amount(impactCents, currency)} over ${HORIZON_DAYS} days).`,
    evidence,
    action: question(ask),
    urgent: false,
  };
}

export const segmentDetector: Detector = {
  name: "segments",
  types: ["segment_shift"],
  verticals: ["ecommerce"],
  detect: async (ctx: DetectorContext) => {
    const scope = { workspaceId: ctx.workspace.id, timeZone: ctx.workspace.timezone };
    // Complete days only: as of the end of yesterday, and PERIOD_DAYS before that.
    const now = await rfmAnalysis(ctx.db, scope, { asOf: endOfDayBefore(ctx.today, scope.timeZone), lookbackDays: SCORING_DAYS });
    const before = await rfmAnalysis(ctx.db, scope, { asOf: endOfDayBefore(addDays(ctx.today, -PERIOD_DAYS), scope.timeZone), lookbackDays: SCORING_DAYS });
    const candidates: InsightCandidate[] = [];
    for (const watched of WATCHED) {
      const found = shift(watched, now, before, ctx.workspace.currency);
      if (found) candidates.push(found);
    }
    return candidates;
  },
};
