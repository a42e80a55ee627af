/**
 * The one aggregation every fact runs, over a rollup table or a raw-scan subquery alike:
 * bucket the local day by grain, map the breakdown dimension to members (top-N kept, the rest
 * folded into OTHER_MEMBER), filter, and aggregate with GROUPING SETS so one statement returns
 * every level asked for (total, per bucket, per member, per bucket × member).
 */
import { sql, type RawBuilder } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import type { DimensionName } from "../definitions/dimensions.ts";
import type { Grain, WeekStart } from "../time/types.ts";
import { OTHER_MEMBER, type FactRequest, type FactRow } from "./types.ts";

const WEEK_START_DOW: Readonly<Record<WeekStart, number>> = { sunday: 0, monday: 1, saturday: 6 };

/** The SQL start date of the grain's period containing `day` (a date expression). */
export function bucketSql(day: RawBuilder<unknown>, grain: Grain, weekStart: WeekStart): RawBuilder<unknown> {
  switch (grain) {
    case "day":
      return day;
    case "week":
      return sql`(${day} - ((extract(dow from ${day})::int - ${sql.lit(WEEK_START_DOW[weekStart])} + 7) % 7))`;
    case "month":
    case "quarter":
    case "year":
      return sql`date_trunc(${sql.lit(grain)}, ${day}::timestamp)::date`;
  }
}

export interface AggregateSource {
  /** A FROM item aliased `s` exposing `day` and the columns the dimensions and measures use. */
  readonly from: RawBuilder<unknown>;
  /** The text expression of a dimension's member key over `s`. */
  readonly dimension: (name: DimensionName) => RawBuilder<unknown>;
  /** The aggregate expression of a measure over `s`. */
  readonly measure: (name: string) => RawBuilder<unknown>;
}

interface AggregateRow {
  readonly level: number;
  readonly bucket: string | null;
  readonly member: string | null;
  readonly [measure: string]: unknown;
}

function memberSql(source: AggregateSource, request: FactRequest): RawBuilder<unknown> {
  if (request.breakdown === null) return sql`null::text`;
  const column = source.dimension(request.breakdown);
  if (request.keepMembers === null) return column;
  return sql`case when ${column} = any(${[...request.keepMembers]}::text[]) then ${column} else ${OTHER_MEMBER} end`;
}

function filterSql(source: AggregateSource, request: FactRequest): RawBuilder<unknown> {
  const conditions = request.filters.map((filter) => {
    const test = sql`lower(${source.dimension(filter.dimension)}) = any(${filter.values.map((value) => value.toLowerCase())}::text[])`;
    return filter.operator === "in" ? test : sql`not ${test}`;
  });
  return conditions.length === 0 ? sql`true` : sql.join(conditions, sql` and `);
}

/** Whether any grouping set splits by bucket, and by member. */
function splits(request: FactRequest): { bucketed: boolean; split: boolean } {
  const { levels } = request;
  return {
    bucketed: request.grain !== null && (levels.bucket || (levels.bucketMember && request.breakdown !== null)),
    split: request.breakdown !== null && (levels.member || (levels.bucketMember && request.grain !== null)),
  };
}

function groupingSets(request: FactRequest): RawBuilder<unknown> {
  const sets: RawBuilder<unknown>[] = [];
  const { bucketed, split } = splits(request);
  if (request.levels.bucketMember && bucketed && split) sets.push(sql`(bucket, member)`);
  if (request.levels.bucket && bucketed) sets.push(sql`(bucket)`);
  if (request.levels.member && split) sets.push(sql`(member)`);
  if (request.levels.total) sets.push(sql`()`);
  if (sets.length === 0) throw new Error("a fact request must ask for at least one level");
  return sql.join(sets);
}

/** Runs the aggregation and returns one row per group, values as numbers (0 for empty sums). */
export async function aggregate(db: DbOrTrx, source: AggregateSource, request: FactRequest, measures: readonly string[]): Promise<FactRow[]> {
  if (measures.length === 0) return [];
  const bucket = request.grain === null ? sql`null::date` : bucketSql(sql`s.day`, request.grain, request.scope.weekStart);
  const selections = measures.map((measure) => sql`coalesce(${source.measure(measure)}, 0) as ${sql.ref(measure)}`);
  // Bit 1 set: bucket aggregated away; bit 0 set: member aggregated away. GROUPING() only accepts
  // expressions some grouping set uses, so a dimension the request does not split by counts as aggregated.
  const { bucketed, split } = splits(request);
  const bucketBit = bucketed ? sql`grouping(bucket)` : sql`1`;
  const memberBit = split ? sql`grouping(member)` : sql`1`;
  const query = sql<AggregateRow>`
    select ${bucketBit} * 2 + ${memberBit} as level,
      ${bucketed ? sql`bucket` : sql`null::date`} as bucket, ${split ? sql`member` : sql`null::text`} as member,
      ${sql.join(selections)}
    from (select ${bucket} as bucket, ${memberSql(source, request)} as member, s.* from ${source.from} where ${filterSql(source, request)}) s
    group by grouping sets (${groupingSets(request)})`;
  const result = await query.execute(db);
  return result.rows.map((row) => {
    const values: Record<string, number> = {};
    for (const measure of measures) {
      const value = row[measure];
      if (typeof value !== "number") throw new Error(`measure ${measure} came back as ${typeof value}`);
      values[measure] = value;
    }
    return { bucket: (row.level & 2) === 0 ? row.bucket : null, member: (row.level & 1) === 0 ? row.member : null, values };
  });
}
