/**
 * How insights are ordered: by money at stake, how sure the detector is, and how serious it is,
 * then lowered for a member by their own "not useful" feedback.
 *
 * score = severity weight × confidence × log10(10 + impact in major units)
 * - severity weight: info 1, warning 2, critical 3 — a critical finding outranks a warning with up
 *   to ~10× more money at stake, since critical means "act now";
 * - confidence (0–1) scales it linearly: a half-sure finding counts half;
 * - impact enters as a logarithm so one large estimate cannot bury everything else, and an insight
 *   with no estimate (null, e.g. a failed sync) still counts log10(10) = 1; major units keep
 *   currencies with and without minor units comparable.
 * The score is stored with the insight (detectInsights scores every candidate).
 *
 * Member penalty, applied when listing for a member (db/repositories/insights.ts feedbackPenalty,
 * which the listing query uses and is re-exported here): their latest verdict on the same type and
 * subject being "not_useful" → × 0.2; any other "not_useful" on the same type → × 0.7.
 */
import type { InsightSeverity } from "../../db/schema/operations.ts";
import { currencyMinorDigits } from "../../lib/money.ts";
import type { InsightCandidate } from "./types.ts";

export { feedbackPenalty, SAME_SUBJECT_PENALTY, SAME_TYPE_PENALTY, type FeedbackEntry } from "../../db/repositories/insights.ts";

export const SEVERITY_WEIGHTS: Readonly<Record<InsightSeverity, number>> = { info: 1, warning: 2, critical: 3 };

export interface Scorable {
  readonly severity: InsightSeverity;
  readonly confidence: number;
  readonly impactCents: number | null;
}

/** A candidate with its ranking score. */
export type ScoredCandidate = InsightCandidate & { readonly score: number };

export function insightScore(insight: Scorable, currency: string): number {
  const major = Math.max(0, insight.impactCents ?? 0) / 10 ** currencyMinorDigits(currency);
  const confidence = Math.min(1, Math.max(0, insight.confidence));
  return Math.round(SEVERITY_WEIGHTS[insight.severity] * confidence * Math.log10(10 + major) * 1e4) / 1e4;
}

/** Candidates with their scores, highest first (ties by fingerprint, so the order is stable). */
export function scoreCandidates(candidates: readonly InsightCandidate[], currency: string): ScoredCandidate[] {
  return candidates
    .map((candidate) => ({ ...candidate, score: insightScore(candidate, currency) }))
    .sort((a, b) => b.score - a.score || (a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0));
}
