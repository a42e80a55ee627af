/**
 * Conversion drops (pure): days when traffic was ordinary but far fewer visits than usual bought —
 * the signature of a broken checkout or payment page. The metric engine's anomaly detector judges
 * each series alone (and its absolute scale floor of 1 hides a fall from 4 orders to 1); this check
 * judges orders against the day's own sessions.
 *
 * For each of the last `lookbackDays` days, against the `historyDays` days before it (days already
 * flagged left out, as in anomaly-detection.ts):
 * - usual rate = median of orders ÷ sessions over history days with sessions;
 * - traffic ordinary: sessions ≥ MIN_TRAFFIC_RATIO × the median sessions of the history;
 * - expected orders = usual rate × the day's sessions;
 * - a drop when the day's rate is at most MAX_RATE_RATIO × usual, below every history day's rate, and
 *   at least MIN_MISSING_ORDERS short of expected.
 * Confidence = 0.6 (lower than every one of ≥ 28 history days: already rare) + 0.4 × (1 − P), where
 * P = Poisson(expected) probability of so few orders or fewer.
 */
import { median } from "../metrics/analysis/robust-stats.ts";

export const MIN_TRAFFIC_RATIO = 0.7;
export const MAX_RATE_RATIO = 0.5;
export const MIN_MISSING_ORDERS = 1;
const MIN_HISTORY_DAYS = 28;

export interface TrafficDay {
  readonly date: string;
  readonly orders: number;
  readonly sessions: number;
  readonly netSalesCents: number;
  /** Orders the web analytics tool counted (online store sessions that bought). */
  readonly webConversions: number;
}

export interface ConversionDrop {
  readonly date: string;
  readonly orders: number;
  readonly expectedOrders: number;
  readonly sessions: number;
  readonly usualSessions: number;
  readonly rate: number;
  readonly usualRate: number;
  readonly netSalesCents: number;
  readonly webConversions: number;
  /** Net sales ÷ orders over the history days. */
  readonly averageOrderCents: number;
  /** (expected − actual orders) × average order value. */
  readonly shortfallCents: number;
  readonly confidence: number;
}

export function findConversionDrops(days: readonly TrafficDay[], lookbackDays = 14, historyDays = 56): ConversionDrop[] {
  const flagged = new Set<number>();
  const drops: ConversionDrop[] = [];
  for (let i = Math.max(0, days.length - lookbackDays); i < days.length; i++) {
    const day = days[i]!;
    const history = days.slice(Math.max(0, i - historyDays), i).filter((d, k) => !flagged.has(Math.max(0, i - historyDays) + k) && d.sessions > 0);
    if (history.length < MIN_HISTORY_DAYS || day.sessions <= 0) continue;
    const rates = history.map((d) => d.orders / d.sessions);
    const usualRate = median(rates);
    const usualSessions = median(history.map((d) => d.sessions));
    if (usualRate <= 0 || day.sessions < MIN_TRAFFIC_RATIO * usualSessions) continue;
    const rate = day.orders / day.sessions;
    const expectedOrders = usualRate * day.sessions;
    if (rate > MAX_RATE_RATIO * usualRate || rate >= Math.min(...rates) || expectedOrders - day.orders < MIN_MISSING_ORDERS) continue;
    flagged.add(i);
    const historyOrders = history.reduce((sum, d) => sum + d.orders, 0);
    const averageOrderCents = historyOrders > 0 ? history.reduce((sum, d) => sum + d.netSalesCents, 0) / historyOrders : 0;
    drops.push({
      date: day.date,
      orders: day.orders,
      expectedOrders,
      sessions: day.sessions,
      usualSessions,
      rate,
      usualRate,
      netSalesCents: day.netSalesCents,
      webConversions: day.webConversions,
      averageOrderCents,
      shortfallCents: Math.max(0, Math.round((expectedOrders - day.orders) * averageOrderCents)),
      confidence: Math.round((0.6 + 0.4 * (1 - poissonCdf(day.orders, expectedOrders))) * 1000) / 1000,
    });
  }
  return drops;
}

/** P(X ≤ k) for X ~ Poisson(λ). */
export function poissonCdf(k: number, lambda: number): number {
  if (lambda <= 0) return 1;
  let term = Math.exp(-lambda);
  let sum = term;
  for (let i = 1; i <= Math.floor(k); i++) {
    term *= lambda / i;
    sum += term;
  }
  return Math.min(1, sum);
}
