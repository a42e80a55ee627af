/**
 * competitor_undercut insights from the competition engine: a competitor whose in-stock price went
 * from at or above ours to below ours in the last UNDERCUT_LOOKBACK_DAYS and is still below (one
 * insight per product and competitor). An undercut stays open while it lasts, not only while it is
 * new; one older than the lookback is the competitor's regular price by then, which the pricing
 * suggestions weigh. Products we do not sell are left out.
 *
 * Impact = our revenue from the product over the last 30 days × the share assumed at risk while the
 * competitor stays below: SHARE_PER_GAP × the gap (a 15% cut puts 30% at risk), at most MAX_SHARE.
 * Urgent (critical) when the product is a top seller and the gap is at least URGENT_GAP; a cut of
 * less than MIN_GAP is left out. Confidence grows with the days they have stayed below us (a one-day
 * drop may be a flash sale): 0.5 + 0.1 a day, at most 0.9.
 */
import { competitionReport } from "../competition/competition-report.ts";
import type { Undercut } from "../competition/compare-prices.ts";
import { localMidnightUtc, todayIn } from "../metrics/time/utc-bounds.ts";
import { addDays, daysBetween } from "../../lib/calendar-date.ts";
import { proposal } from "./action-text.ts";
import { amount, rounded, type Detector, type DetectorContext } from "./detector.ts";
import type { CompetitorUndercutEvidence } from "./evidence.ts";
import { TOP_SELLERS, type ProductSales } from "./product-sales-sql.ts";
import type { InsightCandidate } from "./types.ts";

/** How far back a move below our price is looked for (it must still be below today). */
export const UNDERCUT_LOOKBACK_DAYS = 30;
export const SHARE_PER_GAP = 2;
export const MAX_SHARE = 0.5;
export const URGENT_GAP = 0.05;
export const MIN_GAP = 0.02;

function undercutCandidate(u: Undercut, sales: ProductSales, ctx: DetectorContext): InsightCandidate {
  const shareAtRisk = rounded(Math.min(MAX_SHARE, SHARE_PER_GAP * Math.abs(u.gapPct)), 3);
  const top = sales.rank <= TOP_SELLERS && Math.abs(u.gapPct) >= URGENT_GAP;
  const date = todayIn(new Date(u.observedAt), ctx.workspace.timezone);
  const daysBelow = Math.max(0, daysBetween(date, ctx.today));
  const evidence: CompetitorUndercutEvidence = {
    productId: u.productId,
    variantId: u.variantId,
    title: u.title,
    currency: ctx.workspace.currency,
    competitor: u.competitor,
    date,
    previousPriceCents: u.previousPriceCents,
    priceCents: u.priceCents,
    ourPriceCents: u.ourPriceCents,
    gapPct: rounded(u.gapPct, 4),
    stillBelow: u.stillBelow,
    latestPriceCents: u.latestPriceCents,
    revenue30dCents: sales.revenue30dCents,
    salesRank: sales.rank,
    shareAtRisk,
  };
  const pct = Math.round(Math.abs(u.gapPct) * 1000) / 10;
  const money = (cents: number) => amount(cents, ctx.workspace.currency);
  return {
    type: "competitor_undercut",
    severity: top ? "critical" : "warning",
    fingerprint: `competitor_undercut:product:${u.productId}:${u.competitor.toLowerCase()}`,
    subject: `product:${u.productId}`,
    impactCents: Math.round(sales.revenue30dCents * shareAtRisk),
    // The prices are observed; whether they last and take sales is the estimate.
    confidence: rounded(Math.min(0.9, 0.5 + 0.1 * daysBelow), 3),
    title: `${u.competitor} undercuts ${u.title} by ${pct}% (our #${sales.rank} seller)`,
    summary: `Since ${date} ${u.competitor} sells ${u.title} at ${money(u.priceCents)} (was ${money(u.previousPriceCents)}) against our ${money(u.ourPriceCents)}; ${money(sales.revenue30dCents)} of revenue in the last 30 days.`,
    evidence,
    action: proposal({
      en: `Suggest a price for ${u.title} against ${u.competitor}`,
      es: `Sugiere un precio para ${u.title} frente a ${u.competitor}`,
      pt: `Sugira um preço para ${u.title} frente a ${u.competitor}`,
    }),
    urgent: top,
  };
}

export const competitorDetector: Detector = {
  name: "competitors",
  types: ["competitor_undercut"],
  verticals: ["ecommerce"],
  detect: async (ctx) => {
    const window = { startUtc: localMidnightUtc(addDays(ctx.today, -UNDERCUT_LOOKBACK_DAYS), ctx.workspace.timezone), endUtc: ctx.clock.now() };
    const report = await competitionReport(ctx.db, ctx.workspace.id, window, { productIds: null, category: null, competitors: null });
    const live = report.undercuts.filter((u) => u.stillBelow && Math.abs(u.gapPct) >= MIN_GAP);
    if (live.length === 0) return [];
    const sales = await ctx.productSales();
    return live.flatMap((u) => {
      const productSales = sales.get(u.productId);
      return productSales && productSales.revenue30dCents > 0 ? [undercutCandidate(u, productSales, ctx)] : [];
    });
  },
};
