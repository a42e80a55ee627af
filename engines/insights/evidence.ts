/**
 * The evidence each insight type stores, as zod schemas: detectors build it (typed by these
 * schemas' outputs), and readers (agents/answers/insights/insight-text.ts, digests, alerts) parse
 * the stored jsonb back with them. Money is in the workspace currency's minor units (…Cents, with
 * `currency` alongside), dates are local ISO dates (YYYY-MM-DD), ratios are fractions (0.15 = 15%).
 * Only add optional fields to an existing schema: stored rows must keep parsing.
 */
import { z } from "zod";
import { assertNever } from "../../lib/assert-never.ts";
import { isInsightType, type InsightType } from "./types.ts";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const cents = z.number().int();

export const metricAnomalyEvidence = z.object({
  metric: z.string(),
  /** The metric's English label ("Net sales"). */
  label: z.string(),
  unit: z.enum(["money", "count", "ratio", "multiple"]),
  currency: z.string(),
  date: isoDate,
  actual: z.number(),
  expected: z.number(),
  /** (actual − expected) ÷ expected × 100, e.g. −58 for 58% below; null when expected is 0. */
  deviationPct: z.number().nullable(),
  direction: z.enum(["up", "down"]),
  /** The detector's own grading of the day. */
  anomalySeverity: z.enum(["low", "medium", "high"]),
  /** The members of the most telling dimension that drove it (deviation in the metric's unit). */
  drivers: z
    .object({
      dimension: z.string(),
      members: z.array(z.object({ member: z.string(), label: z.string(), actual: z.number(), expected: z.number(), deviation: z.number(), share: z.number() })),
    })
    .nullable(),
  /** For a drop: the day's net sales shortfall (money metrics: expected − actual; counts: × average order value). */
  shortfallCents: cents.nullable().optional(),
  /** For a conversion drop: the day's traffic was ordinary but few visits bought. */
  conversion: z
    .object({
      sessions: z.number(),
      /** Orders the web analytics tool counted that day. */
      webConversions: z.number().optional(),
      /** Median sessions of the days before. */
      usualSessions: z.number(),
      /** Orders ÷ sessions that day, and the usual (median) rate before it. */
      rate: z.number(),
      usualRate: z.number(),
    })
    .optional(),
});
export type MetricAnomalyEvidence = z.infer<typeof metricAnomalyEvidence>;

export const stockoutRiskEvidence = z.object({
  productId: z.number().int(),
  title: z.string(),
  currency: z.string(),
  /** Rank by units sold over the last 30 days (1 = best seller). */
  salesRank: z.number().int(),
  outOfStock: z.boolean(),
  /** First local date from which every variant is at 0 on hand (null when not out of stock yet). */
  outOfStockSince: isoDate.nullable(),
  onHand: z.number(),
  variantIds: z.array(z.number().int()),
  /** Units per day expected (the demand forecast, stock-outs excluded). */
  dailyDemand: z.number(),
  daysOfStock: z.number().nullable(),
  projectedStockoutDate: isoDate.nullable(),
  leadTimeDays: z.number().int(),
  unitsSoldLast30Days: z.number(),
  priceCents: cents,
  /** Expected sales lost per day while out of stock (daily demand × price). */
  lostSalesPerDayCents: cents,
  /** Days without stock until a reorder placed today arrives. */
  daysWithoutStock: z.number(),
});
export type StockoutRiskEvidence = z.infer<typeof stockoutRiskEvidence>;

export const overstockEvidence = z.object({
  productId: z.number().int(),
  title: z.string(),
  currency: z.string(),
  onHand: z.number(),
  dailyDemand: z.number(),
  daysOfStock: z.number().nullable(),
  thresholdDays: z.number(),
  excessUnits: z.number(),
  /** The excess valued at cost, or at price when the cost is unknown. */
  excessValueCents: cents,
  valuedAt: z.enum(["cost", "price"]),
});
export type OverstockEvidence = z.infer<typeof overstockEvidence>;

export const competitorUndercutEvidence = z.object({
  productId: z.number().int(),
  variantId: z.number().int().nullable(),
  title: z.string(),
  currency: z.string(),
  competitor: z.string(),
  /** Local date of their first price below ours. */
  date: isoDate,
  previousPriceCents: cents,
  priceCents: cents,
  ourPriceCents: cents,
  /** Their price − ours, ÷ ours (−0.15 = 15% cheaper than us). */
  gapPct: z.number(),
  stillBelow: z.boolean(),
  latestPriceCents: cents,
  /** Our revenue from the product over the last 30 days, and its rank among products (1 = best). */
  revenue30dCents: cents,
  salesRank: z.number().int(),
  /** Share of that revenue assumed lost while they stay below us. */
  shareAtRisk: z.number(),
});
export type CompetitorUndercutEvidence = z.infer<typeof competitorUndercutEvidence>;

export const pricingOpportunityEvidence = z.object({
  productId: z.number().int(),
  variantId: z.number().int(),
  title: z.string(),
  variantTitle: z.string().nullable(),
  currency: z.string(),
  /** The suggestion's short code (approve it in chat). */
  code: z.string(),
  currentPriceCents: cents,
  suggestedPriceCents: cents,
  direction: z.enum(["up", "down"]),
  /** In percent (5.2 = +5.2%). */
  changePct: z.number(),
  /** Expected 30-day gain: gross profit when the cost is known, else revenue. */
  gain30dCents: cents,
  gainBasis: z.enum(["gross_profit", "revenue"]),
  strategy: z.string(),
  lowestCompetitorCents: cents.nullable(),
});
export type PricingOpportunityEvidence = z.infer<typeof pricingOpportunityEvidence>;

export const campaignEfficiencyEvidence = z.object({
  campaignId: z.string(),
  campaign: z.string(),
  platform: z.string().nullable(),
  currency: z.string(),
  /** The recent window and the one before it, local dates [start, end). */
  start: isoDate,
  end: isoDate,
  previousStart: isoDate,
  previousEnd: isoDate,
  spendCents: cents,
  previousSpendCents: cents,
  roas: z.number(),
  previousRoas: z.number(),
  /** (roas − previous) ÷ previous: −0.5 = half. */
  roasChangePct: z.number(),
  conversions: z.number(),
  previousConversions: z.number(),
  /** Conversion value the window's spend would have brought at the previous ROAS, minus what it brought. */
  lostValueCents: cents,
});
export type CampaignEfficiencyEvidence = z.infer<typeof campaignEfficiencyEvidence>;

const account = z.object({ customer: z.string(), mrrCents: cents, status: z.string(), fromMrrCents: cents.optional() });

export const churnRiskEvidence = z.object({
  currency: z.string(),
  windowDays: z.number().int(),
  /** Subscriptions whose payment failed and are in dunning now. */
  pastDueCount: z.number().int(),
  pastDueMrrCents: cents,
  /** Contractions inside the window and the MRR they removed. */
  contractionCount: z.number().int(),
  contractionMrrCents: cents,
  totalMrrCents: cents,
  /** The largest accounts at risk, biggest first. */
  accounts: z.array(account),
});
export type ChurnRiskEvidence = z.infer<typeof churnRiskEvidence>;

export const expansionEvidence = z.object({
  currency: z.string(),
  windowDays: z.number().int(),
  expansionCount: z.number().int(),
  expansionMrrCents: cents,
  /** Same window before: to show the momentum. */
  previousExpansionCount: z.number().int(),
  previousExpansionMrrCents: cents,
  totalMrrCents: cents,
  /** Accounts that expanded, biggest MRR gain first. */
  accounts: z.array(account),
});
export type ExpansionEvidence = z.infer<typeof expansionEvidence>;

export const syncFailedEvidence = z.object({
  connectorId: z.number().int(),
  provider: z.string(),
  account: z.string(),
  status: z.string(),
  lastError: z.string().nullable(),
  /** ISO instants. */
  lastSyncAt: z.string().nullable(),
  lastFailedAt: z.string().nullable(),
  /** Failed runs since the last successful one. */
  failedRuns: z.number().int(),
});
export type SyncFailedEvidence = z.infer<typeof syncFailedEvidence>;

export const trendBreakEvidence = z.object({
  metric: z.string(),
  label: z.string(),
  unit: z.enum(["money", "count", "ratio", "multiple"]),
  currency: z.string(),
  /** The recent window [start, end) and its average per day, against the forecast from before it. */
  start: isoDate,
  end: isoDate,
  actualPerDay: z.number(),
  expectedPerDay: z.number(),
  changePct: z.number(),
  direction: z.enum(["up", "down"]),
  /** Consecutive days on the same side of the forecast at the end of the window. */
  daysOnSide: z.number().int(),
  /**
   * How actualPerDay and expectedPerDay read: "per_day" (when absent) an average per day; "window"
   * the metric over the whole window, for ratios (average order value, conversion rate).
   */
  aggregate: z.enum(["per_day", "window"]).optional(),
});
export type TrendBreakEvidence = z.infer<typeof trendBreakEvidence>;

export const segmentShiftEvidence = z.object({
  segment: z.string(),
  currency: z.string(),
  customers: z.number().int(),
  previousCustomers: z.number().int(),
  /** Their revenue over the scoring history (what a win-back can recover part of). */
  revenueCents: cents,
  changePct: z.number(),
  asOf: isoDate,
  previousAsOf: isoDate,
  /** The segment's revenue over its scoring history as of previousAsOf. */
  previousRevenueCents: cents.optional(),
  /** Its share of all scored customers' revenue, now and then (null when that revenue was not positive). */
  revenueShare: z.number().nullable().optional(),
  previousRevenueShare: z.number().nullable().optional(),
});
export type SegmentShiftEvidence = z.infer<typeof segmentShiftEvidence>;

/** The schema of each type's evidence. */
export const EVIDENCE_SCHEMAS = {
  metric_anomaly: metricAnomalyEvidence,
  trend_break: trendBreakEvidence,
  stockout_risk: stockoutRiskEvidence,
  overstock: overstockEvidence,
  competitor_undercut: competitorUndercutEvidence,
  pricing_opportunity: pricingOpportunityEvidence,
  campaign_efficiency: campaignEfficiencyEvidence,
  segment_shift: segmentShiftEvidence,
  churn_risk: churnRiskEvidence,
  expansion: expansionEvidence,
  sync_failed: syncFailedEvidence,
} as const satisfies Record<InsightType, z.ZodType>;

/** A type's evidence, parsed: the discriminated union readers switch over. */
export type ParsedEvidence = { [T in InsightType]: { readonly type: T; readonly evidence: z.infer<(typeof EVIDENCE_SCHEMAS)[T]> } }[InsightType];

function parsed<T extends InsightType, S extends z.ZodType>(type: T, schema: S, evidence: unknown): { readonly type: T; readonly evidence: z.infer<S> } | null {
  const result = schema.safeParse(evidence);
  return result.success ? { type, evidence: result.data } : null;
}

/** Parses stored evidence for its type; null for an unknown type or evidence that does not fit. */
export function parseEvidence(type: string, evidence: unknown): ParsedEvidence | null {
  if (!isInsightType(type)) return null;
  switch (type) {
    case "metric_anomaly":
      return parsed(type, metricAnomalyEvidence, evidence);
    case "trend_break":
      return parsed(type, trendBreakEvidence, evidence);
    case "stockout_risk":
      return parsed(type, stockoutRiskEvidence, evidence);
    case "overstock":
      return parsed(type, overstockEvidence, evidence);
    case "competitor_undercut":
      return parsed(type, competitorUndercutEvidence, evidence);
    case "pricing_opportunity":
      return parsed(type, pricingOpportunityEvidence, evidence);
    case "campaign_efficiency":
      return parsed(type, campaignEfficiencyEvidence, evidence);
    case "segment_shift":
      return parsed(type, segmentShiftEvidence, evidence);
    case "churn_risk":
      return parsed(type, churnRiskEvidence, evidence);
    case "expansion":
      return parsed(type, expansionEvidence, evidence);
    case "sync_failed":
      return parsed(type, syncFailedEvidence, evidence);
    default:
      return assertNever(type, "insight type");
  }
}

const localized = z.object({ en: z.string(), es: z.string(), pt: z.string() });
export const insightActionSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("question"), question: localized }),
  z.object({ kind: z.literal("proposal"), request: localized }),
]);
