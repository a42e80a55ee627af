/**
 * Matched observations into competitor_prices, for one workspace, in one transaction. An
 * observation is (product, variant, competitor, time): the unique index competitor_prices_observation
 * makes a repeat a no-op, so importing the same file or feed twice adds nothing, and the counts say
 * how many were new.
 */
import { sql } from "kysely";
import type { Db, DbOrTrx } from "../../db/database.ts";
import type { CompetitorObservation } from "./observation.ts";

export interface MatchedObservation {
  readonly observation: CompetitorObservation;
  readonly productId: number;
  readonly variantId: number | null;
}

/** What makes two observations the same one (the unique index's columns). */
export function observationKey(row: MatchedObservation): string {
  return `${row.productId}|${row.variantId ?? 0}|${row.observation.competitor}|${row.observation.observedAt.getTime()}`;
}

/** Rows per statement: 9 parameters each, far below PostgreSQL's 65,535. */
const BATCH_ROWS = 1000;

const CONFLICT_TARGET = sql`workspace_id, product_id, coalesce(variant_id, 0), competitor, observed_at`;

/** Inserts the rows the workspace does not have yet; returns how many were new. */
export async function writeObservations(db: Db, workspaceId: number, rows: readonly MatchedObservation[]): Promise<number> {
  if (rows.length === 0) return 0;
  return db.transaction().execute(async (trx) => {
    let written = 0;
    for (let start = 0; start < rows.length; start += BATCH_ROWS) {
      const batch = rows.slice(start, start + BATCH_ROWS);
      const inserted = await trx
        .insertInto("competitor_prices")
        .values(
          batch.map(({ observation, productId, variantId }) => ({
            workspace_id: workspaceId,
            product_id: productId,
            variant_id: variantId,
            competitor: observation.competitor,
            url: observation.url,
            price_cents: observation.priceCents,
            currency: observation.currency,
            in_stock: observation.inStock,
            observed_at: observation.observedAt,
          })),
        )
        .onConflict((conflict) => conflict.expression(CONFLICT_TARGET).doNothing())
        .returning("id")
        .execute();
      written += inserted.length;
    }
    return written;
  });
}

/** The competitor names the workspace already tracks. */
export async function readCompetitorNames(db: DbOrTrx, workspaceId: number): Promise<string[]> {
  const rows = await db.selectFrom("competitor_prices").select("competitor").distinct().where("workspace_id", "=", workspaceId).orderBy("competitor").execute();
  return rows.map((row) => row.competitor);
}

/** How many of the rows the workspace already has (what a dry run reports as duplicates). */
export async function countExistingObservations(db: DbOrTrx, workspaceId: number, rows: readonly MatchedObservation[]): Promise<number> {
  let existing = 0;
  for (let start = 0; start < rows.length; start += BATCH_ROWS) {
    const batch = rows.slice(start, start + BATCH_ROWS);
    const result = await sql<{ n: number }>`
      select count(*)::int as n
      from unnest(${batch.map((r) => r.productId)}::bigint[], ${batch.map((r) => r.variantId ?? 0)}::bigint[],
                  ${batch.map((r) => r.observation.competitor)}::text[], ${batch.map((r) => r.observation.observedAt.toISOString())}::timestamptz[])
           as k(product_id, variant_id, competitor, observed_at)
      where exists (
        select 1 from competitor_prices c
        where c.workspace_id = ${workspaceId} and c.product_id = k.product_id and coalesce(c.variant_id, 0) = k.variant_id
          and c.competitor = k.competitor and c.observed_at = k.observed_at
      )`.execute(db);
    existing += Number(result.rows[0]?.n ?? 0);
  }
  return existing;
}
