/**
 * The metric queries behind the digest and the weekly report: which KPIs a workspace's vertical
 * headlines, one query for a span of days (totals, or a daily series), the comparison of two spans
 * with the engine's own `compare`, and the freshness of the sources the shown KPIs read. Our
 * queries are fixed, so an engine refusal is a bug and throws.
 */
import type { DbOrTrx } from "../../db/database.ts";
import type { Vertical, Workspace } from "../../db/schema/core.ts";
import { addDays, type IsoDate } from "../../lib/calendar-date.ts";
import type { Clock } from "../../lib/clock.ts";
import { assertNever } from "../../lib/assert-never.ts";
import { metricByName } from "../metrics/definitions/registry.ts";
import { splitMeasure } from "../metrics/facts/measures.ts";
import { queryMetrics } from "../metrics/query/execute.ts";
import { FRESHNESS_SOURCES, freshnessSourceOf, type Freshness, type FreshnessSource } from "../metrics/query/freshness.ts";
import type { MetricQueryInput } from "../metrics/query/query-schema.ts";
import type { MetricQueryResult, MetricSummary, MetricValues } from "../metrics/query/result.ts";
import { compare, type MetricValue } from "../metrics/values.ts";
import type { DaySpan, DigestWorkspace, KpiFact, PeriodKpis, SeriesFact } from "./types.ts";

/** The workspace fields the digest reads. */
export type DigestWorkspaceRow = Pick<Workspace, "id" | "name" | "vertical" | "currency" | "timezone" | "week_start">;

const ECOMMERCE_KPIS = ["net_sales", "orders", "aov", "conversion_rate"] as const;
const SAAS_KPIS = ["mrr", "new_mrr", "expansion_mrr", "churned_mrr", "active_subscriptions"] as const;

/** The KPIs a digest headlines, main metric first: store sales, SaaS revenue, or the main ones of both (at most 5). */
export function kpiMetricsFor(vertical: Vertical): readonly string[] {
  switch (vertical) {
    case "ecommerce":
      return ECOMMERCE_KPIS;
    case "saas":
      return SAAS_KPIS;
    case "both":
      return ["net_sales", "orders", "aov", "mrr", "net_new_mrr"];
    default:
      return assertNever(vertical, "vertical");
  }
}

/** The metric the chart draws: net sales, or MRR for a SaaS business. */
export function mainMetricFor(vertical: Vertical): "net_sales" | "mrr" {
  return vertical === "saas" ? "mrr" : "net_sales";
}

export function digestWorkspace(workspace: DigestWorkspaceRow): DigestWorkspace {
  return { id: workspace.id, name: workspace.name, vertical: workspace.vertical, currency: workspace.currency, timeZone: workspace.timezone };
}

/** A span of `days` local days ending with `last` (inclusive). */
export function spanEndingOn(last: IsoDate, days: number): DaySpan {
  return { start: addDays(last, 1 - days), end: addDays(last, 1) };
}

/** The same span `days` days earlier. */
export function shiftSpan(span: DaySpan, days: number): DaySpan {
  return { start: addDays(span.start, days), end: addDays(span.end, days) };
}

export interface SpanQuery {
  readonly metrics: readonly string[];
  readonly span: DaySpan;
  readonly grain?: "day" | null;
  readonly comparison?: "previous" | null;
  readonly breakdown?: { readonly dimension: string; readonly top: number } | null;
  /** Read the sources' freshness with this query (default true; the same metrics' second query need not). */
  readonly freshness?: boolean;
}

/** Runs one metric query over a span of local days; throws when the engine refuses it. */
export async function querySpan(db: DbOrTrx, workspace: DigestWorkspaceRow, query: SpanQuery, clock: Clock): Promise<MetricQueryResult> {
  const input: MetricQueryInput = {
    metrics: [...query.metrics],
    range: { kind: "between", start: query.span.start, end: addDays(query.span.end, -1) },
    grain: query.grain ?? null,
    comparison: query.comparison ?? null,
    breakdown: query.breakdown ? { dimension: query.breakdown.dimension, top: query.breakdown.top } : null,
  };
  const result = await queryMetrics(db, workspace, input, { clock, freshness: query.freshness ?? true });
  if (!result.ok) throw new Error(`digest metric query refused (${result.error.code}): ${result.error.message}`);
  return result.value;
}

function kpiFact(metric: MetricSummary, current: MetricValue | undefined, previous: MetricValue | undefined): KpiFact {
  const compared = compare(current ?? { value: null }, previous ?? { value: null });
  return {
    metric: metric.name,
    label: metric.label,
    unit: metric.unit,
    higherIsBetter: metric.higherIsBetter,
    value: compared.value,
    previous: compared.previous?.value ?? null,
    change: compared.change ?? null,
    changePct: compared.changePct ?? null,
  };
}

/**
 * KPIs of `current` against `previous` for the metrics of `metrics` (in their order), leaving out
 * the ones with no value in either span (conversion rate without web analytics, MRR without
 * subscriptions).
 */
export function periodKpis(metrics: readonly MetricSummary[], span: DaySpan, current: MetricValues, comparison: DaySpan, previous: MetricValues): PeriodKpis {
  const kpis = metrics.map((metric) => kpiFact(metric, current[metric.name], previous[metric.name])).filter((kpi) => kpi.value !== null || kpi.previous !== null);
  return { span, comparison, kpis };
}

/** A daily or weekly series of one metric from a query's series points. */
export function seriesFact(result: MetricQueryResult, metricName: string, grain: "day" | "week"): SeriesFact | null {
  const metric = result.metrics.find((candidate) => candidate.name === metricName);
  const points = result.series ?? [];
  if (metric === undefined || points.length < 2) return null;
  return { metric: metric.name, label: metric.label, unit: metric.unit, grain, points: points.map((point) => ({ date: point.bucket.start, value: point.values[metric.name]?.value ?? null })) };
}

function sourcesOf(metricNames: Iterable<string>): Set<FreshnessSource> {
  const sources = new Set<FreshnessSource>();
  for (const name of metricNames) {
    const metric = metricByName(name);
    if (metric === undefined) continue;
    for (const ref of metric.measures({ lineGrain: false })) sources.add(freshnessSourceOf(splitMeasure(ref).fact));
  }
  return sources;
}

/**
 * The freshness of the sources the shown metrics read, one entry per source in FRESHNESS_SOURCES
 * order; when two queries disagree the older point wins (never claim more than every figure covers).
 */
export function freshnessFor(results: readonly MetricQueryResult[], shownMetrics: Iterable<string>): Freshness[] {
  const wanted = sourcesOf(shownMetrics);
  const bySource = new Map<FreshnessSource, Freshness>();
  for (const entry of results.flatMap((result) => result.freshness)) {
    if (!wanted.has(entry.source)) continue;
    const seen = bySource.get(entry.source);
    if (seen === undefined || entry.latestData === null || (seen.latestData !== null && entry.latestData < seen.latestData)) bySource.set(entry.source, entry);
  }
  return FRESHNESS_SOURCES.flatMap((source) => bySource.get(source) ?? []);
}
