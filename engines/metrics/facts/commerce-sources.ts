/**
 * The order- and line-grain commerce facts. Sums come from the daily rollups when every dimension
 * the request touches is one the rollup keeps; distinct counts (customers, orders containing a
 * product) and custom attributes always come from a raw scan of the same facts.
 */
import { sql, type RawBuilder } from "kysely";
import type { DbOrTrx } from "../../../db/database.ts";
import { attributeKey, isAttributeDimension, isLineDimension, isOrderDimension, type DimensionName } from "../definitions/dimensions.ts";
import { utcBounds } from "../time/utc-bounds.ts";
import { aggregate, type AggregateSource } from "./aggregate-sql.ts";
import { rawLineFacts, rawOrderFacts, type RawWindow } from "./commerce-sql.ts";
import { LINE_MEASURES, ORDER_MEASURES, type MeasureKind } from "./measures.ts";
import { rollupFor, type RollupTable } from "../rollups/tables.ts";
import { mergeRows } from "./merge-rows.ts";
import type { FactRequest, FactResult, FactRow, FactSource } from "./types.ts";

const SALES_AFTER_DISCOUNTS = (type: string) =>
  sql`sum(case when customer_type = ${type} then gross_sales_cents - discounts_cents else 0 end)`;

function orderMeasureSql(measure: string): RawBuilder<unknown> {
  switch (measure) {
    case "new_customers":
      return sql`sum(case when customer_type = 'new' then orders else 0 end)`;
    case "new_customer_sales_cents":
      return SALES_AFTER_DISCOUNTS("new");
    case "returning_customer_sales_cents":
      return SALES_AFTER_DISCOUNTS("returning");
    case "customers":
      return sql`count(distinct customer_id) filter (where orders > 0)`;
    case "repeat_customers":
      return sql`count(distinct customer_id) filter (where orders > 0 and customer_type = 'returning')`;
    default:
      return sql`sum(${sql.ref(measure)})`;
  }
}

function lineMeasureSql(measure: string): RawBuilder<unknown> {
  switch (measure) {
    case "new_customer_sales_cents":
      return SALES_AFTER_DISCOUNTS("new");
    case "returning_customer_sales_cents":
      return SALES_AFTER_DISCOUNTS("returning");
    case "orders":
      return sql`count(distinct order_id) filter (where lines > 0)`;
    case "customers":
      return sql`count(distinct customer_id) filter (where lines > 0)`;
    case "new_customers":
      return sql`count(distinct customer_id) filter (where lines > 0 and customer_type = 'new')`;
    case "repeat_customers":
      return sql`count(distinct customer_id) filter (where lines > 0 and customer_type = 'returning')`;
    default:
      return sql`sum(${sql.ref(measure)})`;
  }
}

function dimensionSql(name: DimensionName): RawBuilder<unknown> {
  if (isAttributeDimension(name)) return sql`coalesce(s.attributes ->> ${attributeKey(name)}, '')`;
  switch (name) {
    case "product":
      return sql`s.product_id::text`;
    case "variant":
      return sql`s.variant_id::text`;
    case "category":
    case "source_channel":
    case "country":
    case "state":
    case "city":
    case "customer_type":
      return sql.ref(`s.${name}`);
    case "platform":
    case "campaign":
    case "source":
    case "medium":
    case "source_medium":
      throw new Error(`commerce facts cannot split by ${name}`);
  }
}

interface CommerceFact {
  readonly name: "orders" | "lines";
  readonly kinds: Readonly<Record<string, MeasureKind>>;
  readonly supports: (dimension: DimensionName) => boolean;
  readonly raw: (window: RawWindow) => RawBuilder<unknown>;
  readonly measure: (measure: string) => RawBuilder<unknown>;
}

function touchedDimensions(request: FactRequest): DimensionName[] {
  return [...(request.breakdown === null ? [] : [request.breakdown]), ...request.filters.map((filter) => filter.dimension)];
}

function createSource(fact: CommerceFact): FactSource {
  const rawSource = (request: FactRequest): AggregateSource => {
    const { startUtc, endUtc } = utcBounds({ start: request.start, end: request.end }, request.scope.timeZone);
    const window = { workspaceId: request.scope.workspaceId, timeZone: request.scope.timeZone, fromUtc: startUtc, toUtc: endUtc };
    return { from: sql`${fact.raw(window)} as s`, dimension: dimensionSql, measure: fact.measure };
  };
  const rollupSource = (request: FactRequest, table: RollupTable): AggregateSource => ({
    from: sql`(select * from ${sql.table(table.name)} where workspace_id = ${request.scope.workspaceId}
      and day >= ${request.start}::date and day < ${request.end}::date) as s`,
    dimension: dimensionSql,
    measure: fact.measure,
  });

  return {
    name: fact.name,
    supports: fact.supports,
    async load(db: DbOrTrx, request: FactRequest): Promise<FactResult> {
      const sums = request.measures.filter((measure) => fact.kinds[measure] === "sum");
      const table = rollupFor(fact.name, touchedDimensions(request), sums);
      const distincts = request.measures.filter((measure) => fact.kinds[measure] !== "sum");
      if (request.forceRaw || table === null || sums.length === 0) {
        return { rows: await aggregate(db, rawSource(request), request, request.measures), path: "raw" };
      }
      const fromRollup = await aggregate(db, rollupSource(request, table), request, sums);
      if (distincts.length === 0) return { rows: fromRollup, path: "rollup" };
      const fromRaw: FactRow[] = await aggregate(db, rawSource(request), request, distincts);
      return { rows: mergeRows(fromRollup, fromRaw), path: "rollup+raw" };
    },
  };
}

export const orderFacts = createSource({
  name: "orders",
  kinds: ORDER_MEASURES,
  supports: isOrderDimension,
  raw: rawOrderFacts,
  measure: orderMeasureSql,
});

export const lineFacts = createSource({
  name: "lines",
  kinds: LINE_MEASURES,
  supports: (dimension) => isOrderDimension(dimension) || isLineDimension(dimension),
  raw: rawLineFacts,
  measure: lineMeasureSql,
});
