/**
 * marketing_performance: ad results by platform or campaign (the platforms' own attribution) from
 * the metrics engine, plus blended MER and CAC over all ad spend for the range.
 */
import { queryMetrics } from "../../engines/metrics/query/execute.ts";
import type { Freshness } from "../../engines/metrics/query/freshness.ts";
import type { MetricQueryError } from "../../engines/metrics/query/plan.ts";
import type { MetricValues } from "../../engines/metrics/query/result.ts";
import type { ToolFactory } from "../tool-contract.ts";
import type { ToolName } from "../tool-names.ts";
import { toolData, toolError, type ToolOutcome } from "../tool-outcome.ts";
import { resolveAdNames } from "./ad-names.ts";
import type { marketingPerformanceSchema } from "./contracts.ts";

export interface AdMetricsData {
  readonly spendCents: number | null;
  readonly impressions: number | null;
  readonly clicks: number | null;
  /** clicks ÷ impressions (fraction). */
  readonly ctr: number | null;
  readonly cpcCents: number | null;
  /** Platform-reported conversions. */
  readonly conversions: number | null;
  readonly cpaCents: number | null;
  /** Platform conversion value ÷ spend. */
  readonly roas: number | null;
}

export interface AdChangesData {
  /** Relative changes against the comparison period (fractions), when comparing. */
  readonly spendChangePct: number | null;
  readonly conversionsChangePct: number | null;
  readonly cpaChangePct: number | null;
  readonly roasChangePct: number | null;
}

export interface AdRowData extends AdMetricsData, AdChangesData {
  /** Platform value (meta, google…) or campaign id. */
  readonly key: string;
  readonly label: string;
  /** The campaign's platform (by campaign), or the platform itself. */
  readonly platform: string | null;
  /** True for the row summing every member beyond the top N. */
  readonly other: boolean;
  /** Share of the total spend. */
  readonly spendShare: number | null;
  readonly previous: AdMetricsData | null;
}

export interface MarketingPerformanceData {
  readonly by: "platform" | "campaign";
  readonly range: { readonly start: string; readonly end: string; readonly label: string; readonly days: number };
  readonly comparison: { readonly kind: "previous" | "last_year"; readonly start: string; readonly end: string; readonly label: string } | null;
  /** Platforms asked for (resolved), empty for all. */
  readonly platforms: readonly string[];
  /** Campaigns asked for (resolved), empty for all. */
  readonly campaigns: readonly { readonly id: number; readonly name: string; readonly platform: string }[];
  /** Members with spend or data in the range, before the top-N cut. */
  readonly members: number;
  readonly rows: readonly AdRowData[];
  readonly totals: AdMetricsData & AdChangesData & { readonly previous: AdMetricsData | null };
  /** Over all ad spend and all store sales, whatever the filters (they have no platform split). */
  readonly blended: {
    readonly mer: number | null;
    readonly cacCents: number | null;
    readonly adSpendCents: number | null;
    readonly netSalesCents: number | null;
    readonly newCustomers: number | null;
    readonly merChangePct: number | null;
    readonly cacChangePct: number | null;
  };
}

const AD_METRICS = ["ad_spend", "impressions", "clicks", "ctr", "cpc", "ad_conversions", "cpa", "roas"] as const;
const BLENDED_METRICS = ["mer", "cac", "ad_spend", "net_sales", "new_customers"] as const;

export function metricError(tool: ToolName, error: MetricQueryError): ToolOutcome<never> {
  switch (error.code) {
    case "unknown_member":
      return toolError(tool, "not_found", error.message);
    case "invalid_range":
    case "unknown_metric":
    case "unknown_dimension":
    case "unsupported_dimension":
      return toolError(tool, "invalid_request", error.message);
  }
}

const valueOf = (values: MetricValues, name: string): number | null => values[name]?.value ?? null;
const changeOf = (values: MetricValues, name: string): number | null => values[name]?.changePct ?? null;
const previousOf = (values: MetricValues, name: string): number | null => values[name]?.previous?.value ?? null;

function adMetrics(read: (name: string) => number | null): AdMetricsData {
  return {
    spendCents: read("ad_spend"),
    impressions: read("impressions"),
    clicks: read("clicks"),
    ctr: read("ctr"),
    cpcCents: read("cpc"),
    conversions: read("ad_conversions"),
    cpaCents: read("cpa"),
    roas: read("roas"),
  };
}

function changes(values: MetricValues): AdChangesData {
  return { spendChangePct: changeOf(values, "ad_spend"), conversionsChangePct: changeOf(values, "ad_conversions"), cpaChangePct: changeOf(values, "cpa"), roasChangePct: changeOf(values, "roas") };
}

export function mergeFreshness(...lists: readonly (readonly Freshness[])[]): Freshness[] {
  const seen = new Map<string, Freshness>();
  for (const list of lists) for (const entry of list) if (!seen.has(entry.source)) seen.set(entry.source, entry);
  return [...seen.values()];
}

export const createMarketingPerformanceTool: ToolFactory<typeof marketingPerformanceSchema, MarketingPerformanceData> = (deps) => async (args) => {
  const { db, workspace, clock } = deps;
  const tool = "marketing_performance";
  const names = await resolveAdNames(db, workspace.id, tool, args);
  if (!names.ok) return names.outcome;
  const { platforms, campaignPicks, campaigns } = names.selection;
  const filters = [
    ...(platforms.length > 0 ? [{ dimension: "platform", operator: "in" as const, values: [...platforms] }] : []),
    ...(campaignPicks.length > 0 ? [{ dimension: "campaign", operator: "in" as const, values: campaignPicks.map((c) => String(c.id)) }] : []),
  ];
  const ads = await queryMetrics(
    db,
    workspace,
    { metrics: [...AD_METRICS], range: args.range, filters, breakdown: { dimension: args.by, top: args.top, sortBy: "ad_spend", direction: "desc" }, comparison: args.comparison },
    { clock },
  );
  if (!ads.ok) return metricError(tool, ads.error);
  const blended = await queryMetrics(db, workspace, { metrics: [...BLENDED_METRICS], range: args.range, comparison: args.comparison }, { clock });
  if (!blended.ok) return metricError(tool, blended.error);

  const result = ads.value;
  const platformOf = new Map(campaigns.map((c) => [String(c.id), c.platform]));
  const rows = (result.breakdown?.rows ?? []).map((row): AdRowData => ({
    key: row.member,
    label: args.by === "campaign" ? (campaigns.find((c) => String(c.id) === row.member)?.name ?? row.label) : row.label,
    platform: row.other ? null : args.by === "platform" ? row.member : (platformOf.get(row.member) ?? null),
    other: row.other,
    spendShare: row.share,
    ...adMetrics((name) => valueOf(row.values, name)),
    ...changes(row.values),
    previous: result.comparison ? adMetrics((name) => previousOf(row.values, name)) : null,
  }));
  const totals = result.totals;
  const b = blended.value.totals;
  const data: MarketingPerformanceData = {
    by: args.by,
    range: { start: result.range.start, end: result.range.end, label: result.range.label, days: result.range.days },
    comparison: result.comparison ? { kind: result.comparison.kind, start: result.comparison.range.start, end: result.comparison.range.end, label: result.comparison.range.label } : null,
    platforms,
    campaigns: campaignPicks.map((c) => ({ id: c.id, name: c.name, platform: c.platform })),
    members: result.breakdown?.members ?? 0,
    rows,
    totals: { ...adMetrics((name) => valueOf(totals, name)), ...changes(totals), previous: result.comparison ? adMetrics((name) => previousOf(totals, name)) : null },
    blended: {
      mer: valueOf(b, "mer"),
      cacCents: valueOf(b, "cac"),
      adSpendCents: valueOf(b, "ad_spend"),
      netSalesCents: valueOf(b, "net_sales"),
      newCustomers: valueOf(b, "new_customers"),
      merChangePct: changeOf(b, "mer"),
      cacChangePct: changeOf(b, "cac"),
    },
  };
  return toolData(tool, data, mergeFreshness(result.freshness, blended.value.freshness));
};
