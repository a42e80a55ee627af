/**
 * campaign_efficiency insights: campaigns whose ROAS (platform conversion value ÷ spend) over the
 * last 7 complete days fell by at least ROAS_DROP against the 7 days before, from the metric engine.
 * Only campaigns that were worth something (previous ROAS ≥ MIN_PREVIOUS_ROAS, MIN_PREVIOUS_CONVERSIONS
 * conversions) and still spend are judged.
 *
 * Impact = what the window's spend would have brought at the previous ROAS minus what it brought:
 * spend × (previous ROAS − ROAS). Critical (urgent) when ROAS at least halved on a campaign with
 * at least URGENT_SPEND_SHARE of the ad spend.
 */
import { addDays } from "../../lib/calendar-date.ts";
import { queryMetrics } from "../metrics/query/execute.ts";
import type { MetricValues } from "../metrics/query/result.ts";
import { question } from "./action-text.ts";
import { amount, clamp01, rounded, type Detector, type DetectorContext } from "./detector.ts";
import type { CampaignEfficiencyEvidence } from "./evidence.ts";
import type { InsightCandidate } from "./types.ts";

export const WINDOW_DAYS = 7;
export const ROAS_DROP = -0.4;
const MIN_PREVIOUS_ROAS = 1;
const MIN_PREVIOUS_CONVERSIONS = 3;
const URGENT_DROP = -0.5;
const URGENT_SPEND_SHARE = 0.1;
const CAMPAIGNS_READ = 50;

const value = (values: MetricValues, name: string): number | null => values[name]?.value ?? null;
const previous = (values: MetricValues, name: string): number | null => values[name]?.previous?.value ?? null;

export const campaignDetector: Detector = {
  name: "campaigns",
  types: ["campaign_efficiency"],
  verticals: ["ecommerce"],
  detect: async (ctx: DetectorContext) => {
    const start = addDays(ctx.today, -WINDOW_DAYS);
    const last = addDays(ctx.today, -1);
    const result = await queryMetrics(
      ctx.db,
      ctx.workspace,
      { metrics: ["ad_spend", "roas", "ad_conversions"], range: `${start}..${last}`, breakdown: { dimension: "campaign", top: CAMPAIGNS_READ, sortBy: "ad_spend", direction: "desc" }, comparison: "previous" },
      { clock: ctx.clock },
    );
    if (!result.ok) throw new Error(`campaign efficiency: ${result.error.message}`);
    const totalSpend = value(result.value.totals, "ad_spend") ?? 0;
    const comparison = result.value.comparison?.range;
    if (totalSpend <= 0 || !comparison) return [];
    const candidates: InsightCandidate[] = [];
    for (const row of result.value.breakdown?.rows ?? []) {
      if (row.other) continue;
      const spend = value(row.values, "ad_spend") ?? 0;
      const roas = value(row.values, "roas");
      const previousRoas = previous(row.values, "roas");
      const previousConversions = previous(row.values, "ad_conversions") ?? 0;
      if (spend <= 0 || roas === null || previousRoas === null || previousRoas < MIN_PREVIOUS_ROAS || previousConversions < MIN_PREVIOUS_CONVERSIONS) continue;
      const change = (roas - previousRoas) / previousRoas;
      if (change > ROAS_DROP) continue;
      const lostValueCents = Math.max(0, Math.round(spend * (previousRoas - roas)));
      const share = spend / totalSpend;
      const critical = change <= URGENT_DROP && share >= URGENT_SPEND_SHARE;
      const evidence: CampaignEfficiencyEvidence = {
        campaignId: row.member,
        campaign: row.label,
        platform: null,
        currency: ctx.workspace.currency,
        start,
        end: ctx.today,
        previousStart: comparison.start,
        previousEnd: comparison.end,
        spendCents: Math.round(spend),
        previousSpendCents: Math.round(previous(row.values, "ad_spend") ?? 0),
        roas: rounded(roas, 2),
        previousRoas: rounded(previousRoas, 2),
        roasChangePct: rounded(change, 3),
        conversions: value(row.values, "ad_conversions") ?? 0,
        previousConversions,
        lostValueCents,
      };
      candidates.push({
        type: "campaign_efficiency",
        severity: critical ? "critical" : "warning",
        fingerprint: `campaign_efficiency:campaign:${row.member}:roas_down`,
        subject: `campaign:${row.member}`,
        impactCents: lostValueCents,
        // Firmer with more conversions behind the previous ROAS.
        confidence: rounded(clamp01(0.5 + previousConversions / 40), 3),
        title: `ROAS of ${row.label} fell ${Math.round(-change * 100)}% (${rounded(previousRoas, 2)}× → ${rounded(roas, 2)}×)`,
        summary: `${row.label} spent ${amount(spend, ctx.workspace.currency)} in the last ${WINDOW_DAYS} days at ${rounded(roas, 2)}× ROAS against ${rounded(previousRoas, 2)}× the ${WINDOW_DAYS} days before.`,
        evidence,
        action: question({ en: `Why did ${row.label}'s ROAS fall?`, es: `¿Por qué cayó el ROAS de ${row.label}?`, pt: `Por que o ROAS de ${row.label} caiu?` }),
        urgent: critical,
      });
    }
    return candidates;
  },
};
