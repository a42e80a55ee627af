/**
 * Fact rows indexed by (bucket, member), and metric values computed for one slice from them.
 */
import type { MetricDefinition, MeasureContext } from "../definitions/types.ts";
import { splitMeasure, type FactName, type MeasureRef } from "../facts/measures.ts";
import type { FactResult } from "../facts/types.ts";
import type { MetricValue } from "../values.ts";

export type SliceIndex = ReadonlyMap<FactName, ReadonlyMap<string, Readonly<Record<string, number>>>>;

export function sliceKey(bucket: string | null, member: string | null): string {
  return `${bucket ?? "*"}|${member ?? "*"}`;
}

export function indexSlices(results: ReadonlyMap<FactName, FactResult>): SliceIndex {
  const index = new Map<FactName, Map<string, Readonly<Record<string, number>>>>();
  for (const [fact, result] of results) {
    const rows = new Map<string, Readonly<Record<string, number>>>();
    for (const row of result.rows) rows.set(sliceKey(row.bucket, row.member), row.values);
    index.set(fact, rows);
  }
  return index;
}

/** The members present at the member level of any fact. */
export function membersOf(results: ReadonlyMap<FactName, FactResult>): string[] {
  const members = new Set<string>();
  for (const result of results.values()) for (const row of result.rows) if (row.bucket === null && row.member !== null) members.add(row.member);
  return [...members];
}

export function computeSlice(
  metrics: readonly MetricDefinition[],
  context: MeasureContext,
  index: SliceIndex,
  bucket: string | null,
  member: string | null,
): Record<string, MetricValue> {
  const key = sliceKey(bucket, member);
  const read = (ref: MeasureRef): number => {
    const { fact, measure } = splitMeasure(ref);
    return index.get(fact)?.get(key)?.[measure] ?? 0;
  };
  const values: Record<string, MetricValue> = {};
  for (const metric of metrics) values[metric.name] = metric.compute(read, context);
  return values;
}
