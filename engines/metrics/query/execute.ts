/**
 * Runs a metric query: plan, load every fact it needs (rollups where they cover the query), rank
 * the breakdown's members, fold the rest into "other", compare with the comparison range, and
 * assemble a typed result with freshness. Numbers only ever come from the facts.
 */
import type { DbOrTrx } from "../../../db/database.ts";
import type { Workspace } from "../../../db/schema/core.ts";
import type { Clock } from "../../../lib/clock.ts";
import { err, ok, type Result } from "../../../lib/result.ts";
import { measureKindOf, type FactName } from "../facts/measures.ts";
import type { FactPath, FactResult, FactRow, Levels, MetricScope } from "../facts/types.ts";
import { OTHER_MEMBER } from "../facts/types.ts";
import { bucketsOf, bucketStart } from "../time/buckets.ts";
import type { ResolvedRange, TimeBucket } from "../time/types.ts";
import { compare, type ComparedValue, type MetricValue } from "../values.ts";
import { FACT_SOURCES } from "./fact-sources.ts";
import { freshnessOf } from "./freshness.ts";
import { memberLabels } from "./members.ts";
import { planQuery, type MetricQueryError, type QueryPlan } from "./plan.ts";
import { metricQuerySchema, type MetricQueryInput } from "./query-schema.ts";
import type { BreakdownRow, MetricQueryResult, MetricValues, SeriesPoint } from "./result.ts";
import { computeSlice, indexSlices, membersOf, type SliceIndex } from "./slices.ts";

export interface QueryOptions {
  readonly clock: Clock;
  /** Read raw facts even where a rollup covers the query (benchmarks and consistency tests). */
  readonly forceRaw?: boolean;
  /**
   * Read the sources' freshness (default true). A caller that runs several queries over the same
   * sources reads it once with the first and passes false to the others, whose result then has none.
   */
  readonly freshness?: boolean;
}

export type MetricWorkspace = Pick<Workspace, "id" | "currency" | "timezone" | "week_start">;

async function loadFacts(db: DbOrTrx, plan: QueryPlan, range: ResolvedRange, keep: readonly string[] | null, levels: Levels, forceRaw: boolean) {
  const results = new Map<FactName, FactResult>();
  for (const [fact, measures] of plan.measures) {
    const request = { scope: plan.scope, start: range.start, end: range.end, grain: plan.grain, breakdown: plan.breakdown?.dimension ?? null, keepMembers: keep, filters: plan.filters, measures, levels, forceRaw };
    results.set(fact, await FACT_SOURCES[fact].load(db, request));
  }
  return results;
}

function compareAll(current: Readonly<Record<string, MetricValue>>, previous: Readonly<Record<string, MetricValue>> | null): MetricValues {
  const values: Record<string, ComparedValue> = {};
  for (const [name, value] of Object.entries(current)) values[name] = previous ? compare(value, previous[name] ?? { value: null, reason: "no data" }) : value;
  return values;
}

/** A series bucket, its comparison bucket at the same position, and both keys (their period starts). */
interface BucketPair {
  readonly bucket: TimeBucket;
  readonly key: string;
  readonly comparisonBucket: TimeBucket | null;
  readonly comparisonKey: string | null;
}

/** The buckets of the range paired with the comparison range's, computed once per query. */
function bucketPairs(plan: QueryPlan): BucketPair[] | null {
  const grain = plan.grain;
  if (grain === null) return null;
  const keyOf = (bucket: TimeBucket) => bucketStart(bucket.start, grain, plan.scope.weekStart);
  const previous = plan.comparison ? bucketsOf(plan.comparison.range, grain, plan.scope.weekStart) : [];
  return bucketsOf(plan.range, grain, plan.scope.weekStart).map((bucket, position) => {
    const comparisonBucket = previous[position] ?? null;
    return { bucket, key: keyOf(bucket), comparisonBucket, comparisonKey: comparisonBucket ? keyOf(comparisonBucket) : null };
  });
}

function seriesOf(plan: QueryPlan, pairs: readonly BucketPair[] | null, current: SliceIndex, previous: SliceIndex | null, member: string | null): SeriesPoint[] | null {
  if (pairs === null) return null;
  return pairs.map(({ bucket, key, comparisonBucket, comparisonKey }) => {
    const values = computeSlice(plan.metrics, plan.context, current, key, member);
    const before = previous && comparisonKey !== null ? computeSlice(plan.metrics, plan.context, previous, comparisonKey, member) : null;
    return { bucket, comparisonBucket, values: compareAll(values, previous ? before : null) };
  });
}

function rank(plan: QueryPlan, index: SliceIndex, members: readonly string[]): string[] {
  const breakdown = plan.breakdown!;
  const valued = members.map((member) => ({ member, value: computeSlice([breakdown.sortBy], plan.context, index, null, member)[breakdown.sortBy.name]!.value }));
  const sign = breakdown.direction === "desc" ? -1 : 1;
  valued.sort((a, b) => {
    if (a.value === null || b.value === null) return a.value === null ? (b.value === null ? a.member.localeCompare(b.member) : 1) : -1;
    return a.value === b.value ? a.member.localeCompare(b.member) : sign * (a.value - b.value);
  });
  return valued.map((entry) => entry.member);
}

function allSums(plan: QueryPlan): boolean {
  return [...plan.measures].every(([fact, measures]) => measures.every((measure) => measureKindOf(fact, measure) === "sum"));
}

/** Member-level rows with every member outside `keep` summed into one OTHER_MEMBER row per fact. */
function foldOther(results: ReadonlyMap<FactName, FactResult>, keep: readonly string[]): Map<FactName, FactResult> {
  const kept = new Set(keep);
  const folded = new Map<FactName, FactResult>();
  for (const [fact, result] of results) {
    const rows: FactRow[] = [];
    const other: Record<string, number> = {};
    let hasOther = false;
    for (const row of result.rows) {
      if (row.member === null || kept.has(row.member)) {
        rows.push(row);
        continue;
      }
      hasOther = true;
      for (const [measure, value] of Object.entries(row.values)) other[measure] = (other[measure] ?? 0) + value;
    }
    if (hasOther) rows.push({ bucket: null, member: OTHER_MEMBER, values: other });
    folded.set(fact, { rows, path: result.path });
  }
  return folded;
}

function mergePaths(target: Partial<Record<FactName, FactPath>>, results: ReadonlyMap<FactName, FactResult>): void {
  for (const [fact, result] of results) target[fact] = target[fact] && target[fact] !== result.path ? "rollup+raw" : result.path;
}

/** Runs a metric query for a workspace. Bad queries come back as a typed error, never a throw. */
export async function queryMetrics(
  db: DbOrTrx,
  workspace: MetricWorkspace,
  input: MetricQueryInput,
  options: QueryOptions,
): Promise<Result<MetricQueryResult, MetricQueryError>> {
  const parsed = metricQuerySchema.safeParse(input);
  if (!parsed.success) return err({ code: "invalid_range", message: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ") });
  const scope: MetricScope = { workspaceId: workspace.id, timeZone: workspace.timezone, weekStart: workspace.week_start };
  const planned = await planQuery(db, scope, parsed.data, options.clock.now());
  if (!planned.ok) return planned;
  const plan = planned.value;
  const forceRaw = options.forceRaw ?? false;
  const bucketed = plan.grain !== null;
  const paths: Partial<Record<FactName, FactPath>> = {};

  let keep: readonly string[] | null = null;
  let memberCount = 0;
  let ranked: string[] = [];
  let current: ReadonlyMap<FactName, FactResult>;
  const finalLevels: Levels = { total: true, bucket: bucketed, member: plan.breakdown !== null, bucketMember: bucketed && plan.breakdown !== null };
  if (plan.breakdown) {
    const first = await loadFacts(db, plan, plan.range, null, { total: true, bucket: false, member: true, bucketMember: false }, forceRaw);
    mergePaths(paths, first);
    ranked = rank(plan, indexSlices(first), membersOf(first));
    memberCount = ranked.length;
    if (ranked.length > plan.breakdown.top) keep = ranked.slice(0, plan.breakdown.top);
    if (bucketed) current = await loadFacts(db, plan, plan.range, keep, finalLevels, forceRaw);
    else if (keep === null) current = first;
    // Sums of the members beyond the top N are the "other" row; distinct counts need their own statement.
    else current = allSums(plan) ? foldOther(first, keep) : await loadFacts(db, plan, plan.range, keep, finalLevels, forceRaw);
  } else {
    current = await loadFacts(db, plan, plan.range, null, finalLevels, forceRaw);
  }
  mergePaths(paths, current);
  const previous = plan.comparison ? await loadFacts(db, plan, plan.comparison.range, keep, finalLevels, forceRaw) : null;
  if (previous) mergePaths(paths, previous);

  const now = indexSlices(current);
  const pairs = bucketPairs(plan);
  const before = previous ? indexSlices(previous) : null;
  const totalsNow = computeSlice(plan.metrics, plan.context, now, null, null);
  const totals = compareAll(totalsNow, before ? computeSlice(plan.metrics, plan.context, before, null, null) : null);

  let breakdown: MetricQueryResult["breakdown"] = null;
  if (plan.breakdown) {
    const shown = keep === null ? ranked : [...keep, OTHER_MEMBER];
    const labels = await memberLabels(db, scope.workspaceId, plan.breakdown.dimension, shown);
    const sort = plan.breakdown.sortBy;
    const shareable = (sort.unit === "money" || sort.unit === "count") && sort.aggregation === "flow";
    const total = totalsNow[sort.name]?.value ?? null;
    const rows: BreakdownRow[] = shown.map((member) => {
      const values = computeSlice(plan.metrics, plan.context, now, null, member);
      const value = values[sort.name]?.value ?? null;
      return {
        member,
        label: labels.get(member) ?? member,
        other: member === OTHER_MEMBER,
        values: compareAll(values, before ? computeSlice(plan.metrics, plan.context, before, null, member) : null),
        share: shareable && value !== null && total !== null && total !== 0 ? Math.round((value / total) * 1e6) / 1e6 : null,
        series: seriesOf(plan, pairs, now, before, member),
      };
    });
    breakdown = { dimension: plan.breakdown.dimension, sortBy: sort.name, direction: plan.breakdown.direction, top: plan.breakdown.top, members: memberCount, rows };
  }

  return ok({
    workspaceId: workspace.id,
    currency: workspace.currency,
    timeZone: workspace.timezone,
    range: plan.range,
    comparison: plan.comparison,
    grain: plan.grain,
    metrics: plan.metrics.map(({ name, label, domain, unit, formula, higherIsBetter }) => ({ name, label, domain, unit, formula, higherIsBetter })),
    totals,
    series: seriesOf(plan, pairs, now, before, null),
    breakdown,
    freshness: options.freshness === false ? [] : await freshnessOf(db, scope.workspaceId, plan.measures.keys()),
    paths,
  });
}
