/**
 * How an evaluated day is scored against its baseline: the floored residual scale, the robust z-score,
 * the normal band, and the severity and confidence labels of an anomaly.
 */

/** Severity of an anomaly, for sorting and wording. */
export type AnomalySeverity = "low" | "medium" | "high";

const SEVERITY_RANK: Record<AnomalySeverity, number> = { low: 0, medium: 1, high: 2 };

/**
 * Residual scale with floors, so a perfectly flat history never gives infinite scores:
 * scale = max(σ, floorFraction·|expected|, floorAbsolute).
 */
export function flooredScale(sigma: number, expected: number, floorFraction: number, floorAbsolute: number): number {
  const raw = Number.isFinite(sigma) ? sigma : 0;
  return Math.max(raw, floorFraction * Math.abs(expected), floorAbsolute, Number.MIN_VALUE);
}

/** Robust z-score (actual − expected) / scale (scale > 0 by construction). */
export function robustZ(actual: number, expected: number, scale: number): number {
  return (actual - expected) / scale;
}

/** Percentage deviation 100·(actual − expected)/|expected|, null when expected is 0. */
export function deviationPercent(actual: number, expected: number): number | null {
  return expected === 0 ? null : (100 * (actual - expected)) / Math.abs(expected);
}

/**
 * Severity = the higher of two ranks, so a day is "high" when it is either statistically extreme or
 * large in business terms:
 *   by |z| (t = threshold): < 1.5t low, < 2.5t medium, ≥ 2.5t high;
 *   by |deviationPct|: < 25 low, < 50 medium, ≥ 50 high (ignored when deviationPct is null).
 * With the defaults (t = 3.5, scale floor 5% of expected) every anomaly is at least 17.5% off expected.
 */
export function severityOf(score: number, deviationPct: number | null, threshold: number): AnomalySeverity {
  const z = Math.abs(score);
  const byZ: AnomalySeverity = z >= 2.5 * threshold ? "high" : z >= 1.5 * threshold ? "medium" : "low";
  if (deviationPct === null) return byZ;
  const pct = Math.abs(deviationPct);
  const byPct: AnomalySeverity = pct >= 50 ? "high" : pct >= 25 ? "medium" : "low";
  return SEVERITY_RANK[byPct] > SEVERITY_RANK[byZ] ? byPct : byZ;
}

/**
 * Confidence in [0, 1], increasing in |z| and in the history the baseline used:
 *   confidence = (1 − 2^−(|z|/t)²) · √min(1, historyPoints / fullHistory)
 * so an anomaly just at the threshold with a full history scores 0.5, at twice the threshold 0.94, and a
 * baseline built on half the full history multiplies it by 0.71. Rounded to 3 decimals.
 */
export function confidenceOf(score: number, threshold: number, historyPoints: number, fullHistory: number): number {
  const zPart = 1 - 2 ** -((Math.abs(score) / threshold) ** 2);
  const historyPart = Math.sqrt(Math.min(1, Math.max(0, historyPoints) / Math.max(1, fullHistory)));
  const confidence = zPart * historyPart;
  return Number.isFinite(confidence) ? Math.round(confidence * 1000) / 1000 : 0;
}
