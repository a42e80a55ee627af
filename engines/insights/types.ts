/**
 * What the insight engine finds. A detector turns an engine's analysis (anomalies, inventory,
 * competitor prices, pricing, campaigns, cohorts, MRR, syncs) into candidates; ranking orders them
 * by money at stake and confidence; the repository keeps one row per fingerprint (the same ongoing
 * problem, updated day after day). Evidence holds only numbers from the engines: channels and
 * answers render it in the member's language (agents/answers/insights/insight-text.ts).
 */
import type { InsightSeverity } from "../../db/schema/operations.ts";

export const INSIGHT_TYPES = [
  /** A metric (net sales, orders, conversion rate…) far off its expected value on a day, with drivers. */
  "metric_anomaly",
  /** A metric's recent level broke from its trend (a sustained change, not one day). */
  "trend_break",
  /** A top seller is out of stock or will run out within its lead time. */
  "stockout_risk",
  /** Stock far beyond demand: money tied up. */
  "overstock",
  /** A competitor prices a product we sell well below us. */
  "competitor_undercut",
  /** The pricing engine suggests a change worth making. */
  "pricing_opportunity",
  /** A campaign's efficiency (ROAS, cost per order) changed sharply. */
  "campaign_efficiency",
  /** A customer cohort or segment shifted (retention, at-risk customers). */
  "segment_shift",
  /** SaaS: revenue at risk of churning (past due, contraction, low usage). */
  "churn_risk",
  /** SaaS: accounts ready to expand. */
  "expansion",
  /** A data source failed to sync: answers may be stale. */
  "sync_failed",
] as const;
export type InsightType = (typeof INSIGHT_TYPES)[number];

/** What to do about it: a question to ask in chat, or a proposal to make (a price change…). */
export type InsightAction =
  | { readonly kind: "question"; readonly question: LocalizedText }
  | { readonly kind: "proposal"; readonly request: LocalizedText };

/** The same short text in each language we speak. */
export interface LocalizedText {
  readonly en: string;
  readonly es: string;
  readonly pt: string;
}

/** One finding, before it is stored. */
export interface InsightCandidate {
  readonly type: InsightType;
  readonly severity: InsightSeverity;
  /** Identifies the ongoing problem across days, e.g. "stockout_risk:product:42" (no date in it). */
  readonly fingerprint: string;
  /** What it is about, e.g. "product:42", "metric:orders", "campaign:7", "connector:3". */
  readonly subject: string;
  /** Money at stake in minor units (lost sales, margin, revenue at risk), null when not estimable. */
  readonly impactCents: number | null;
  /** 0–1. */
  readonly confidence: number;
  /** English one-liners for logs and the CLI. */
  readonly title: string;
  readonly summary: string;
  /** The numbers behind it (from the engines), enough to explain it in any language. */
  readonly evidence: Readonly<Record<string, unknown>>;
  readonly action: InsightAction;
  /** Worth an immediate alert (not only the digest). */
  readonly urgent: boolean;
}

const TYPE_SET: ReadonlySet<string> = new Set(INSIGHT_TYPES);

/** A stored type we know (rows written by an older or newer version may hold others). */
export function isInsightType(value: string): value is InsightType {
  return TYPE_SET.has(value);
}
