/**
 * Headline figures of a turn as KPI fields (Slack section fields, an email table): the totals of a
 * query_metrics outcome without a series or breakdown, and the totals of a marketing_performance
 * outcome. Labels, values and changes come from the answers' formatters, so each field says the
 * same as the text ("Ventas netas" · "$1,193,346" · "▲ 85.1% vs la semana anterior ($644,651)").
 */
import { isQueryMetricsData } from "../../agents/answers/analytics/outcome-data.ts";
import { labelOf } from "../../agents/answers/analytics/metric-text.ts";
import { isMarketingPerformanceData } from "../../agents/answers/marketing/outcome-data.ts";
import { formatRange } from "../../agents/answers/format/dates.ts";
import { capitalise, metricLabel } from "../../agents/answers/format/labels.ts";
import { metricValue, percent } from "../../agents/answers/format/numbers.ts";
import { changeInWords, comparisonInWords } from "../../agents/answers/format/periods.ts";
import { metricByName } from "../../engines/metrics/definitions/registry.ts";
import type { MetricUnit } from "../../engines/metrics/definitions/types.ts";
import type { Language } from "../../agents/shared/language.ts";
import type { MarketingPerformanceData } from "../../tools/marketing/marketing-performance.ts";
import type { QueryMetricsData } from "../../tools/analytics/query-metrics.ts";
import type { ToolOutcome } from "../../tools/tool-outcome.ts";
import type { KpiField } from "./outbound-message.ts";
import { outcomeContext, type FormatContext } from "./from-turn-context.ts";

/** Fields a message carries at most (the contract's limit; Slack shows ten fields per section). */
export const MAX_KPIS = 10;

function metricTotals(data: QueryMetricsData, context: FormatContext): KpiField[] {
  const against = data.comparison ? comparisonInWords(data.comparison.kind, data.range, context.language) : null;
  return data.metrics.map((metric) => {
    const total = data.totals[metric.name];
    return {
      label: capitalise(labelOf(metric, context.language)),
      value: metricValue(total?.value ?? null, metric.unit, context),
      change: against === null || total?.value === null || total?.value === undefined ? null : changeInWords(total, metric.unit, against, context),
    };
  });
}

/**
 * A field's label as the marketing answer names it: spend and conversions in the asker's language,
 * the ratios by their acronyms (the same in every language; the registry's English label would
 * add "(blended ROAS)").
 */
function adLabel(name: string, context: FormatContext): string {
  const metric = metricByName(name);
  if (metric === undefined || /^[A-Z]{2,}/.test(metric.label)) return name.toUpperCase();
  return capitalise(metricLabel(metric.name, metric.label, context.language));
}

/** "▲ 12.3% vs Sep 1–30, 2026", as the marketing answer marks changes, with the period it compares. */
function adChange(changePct: number | null, data: MarketingPerformanceData, context: FormatContext): string | null {
  if (changePct === null || data.comparison === null) return null;
  const arrow = changePct > 0 ? "▲" : changePct < 0 ? "▼" : "=";
  return `${arrow} ${percent(Math.abs(changePct), context)} vs ${formatRange(data.comparison.start, data.comparison.end, context.language)}`;
}

function adTotals(data: MarketingPerformanceData, context: FormatContext): KpiField[] {
  const totals = data.totals;
  // The answer says there was no spend and nothing else: no figures to headline.
  if (totals.spendCents === null || totals.spendCents === 0) return [];
  const blended = data.blended;
  const fields: readonly [metric: string, value: number | null, unit: MetricUnit, changePct: number | null][] = [
    ["ad_spend", totals.spendCents, "money", totals.spendChangePct],
    ["ad_conversions", totals.conversions, "count", totals.conversionsChangePct],
    ["cpa", totals.cpaCents, "money", totals.cpaChangePct],
    ["roas", totals.roas, "multiple", totals.roasChangePct],
    ["mer", blended.mer, "multiple", blended.merChangePct],
    ["cac", blended.cacCents, "money", blended.cacChangePct],
  ];
  return fields.map(([metric, value, unit, changePct]) => ({ label: adLabel(metric, context), value: metricValue(value, unit, context), change: value === null ? null : adChange(changePct, data, context) }));
}

function fieldsOf(outcome: ToolOutcome, context: FormatContext): KpiField[] {
  if (!outcome.ok) return [];
  const data = outcome.data;
  if (outcome.tool === "query_metrics" && isQueryMetricsData(data) && data.series === null && data.breakdown === null) return metricTotals(data, context);
  if (outcome.tool === "marketing_performance" && isMarketingPerformanceData(data)) return adTotals(data, context);
  // Trends go in a chart; other tools' answers are lists, rankings or explanations whose figures stay in the text.
  return [];
}

/** The KPI fields of a turn's outcomes, in the order they ran, at most ten. */
export function kpiFields(outcomes: readonly ToolOutcome[], language: Language, workspaceCurrency: string): KpiField[] {
  return outcomes.flatMap((outcome) => fieldsOf(outcome, outcomeContext(outcome, language, workspaceCurrency))).slice(0, MAX_KPIS);
}
