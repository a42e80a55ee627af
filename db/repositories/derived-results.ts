/**
 * Derived results: what an analysis over complete local days computed (per-SKU demand forecasts,
 * anomaly findings), kept so the same question on the same day reads it instead of recomputing.
 *
 * Staleness. A result for day D read the days [window_start, D). Writers of facts call
 * {@link forgetDerivedResults} with the local days they touched (the rollup refresh does it for every
 * order import or sync), in their own transaction. That deletes the results whose window holds one of
 * those days and, when a day before the workspace's local today changed, bumps the workspace's
 * generation, which makes every stored result of the workspace stale: a result is read back only at
 * the generation it was computed under, so a computation that started before a writer committed and
 * stored its result after is never served. Facts about today (a webhook's new order) touch no
 * window, bump nothing and keep every result; late or back-filled history recomputes everything once.
 */
import { sql } from "kysely";
import type { DbOrTrx } from "../database.ts";

export interface DerivedLookup {
  /** The workspace's generation now: pass it to {@link writeDerivedResult} after computing. */
  readonly generation: number;
  /** The stored result for this key and day at this generation (unvalidated JSON), or null. */
  readonly result: unknown;
  readonly found: boolean;
}

/** The stored result of `key` for `asOf`, if it is still valid, with the current generation; one round trip. */
export async function readDerivedResult(db: DbOrTrx, workspaceId: number, key: string, asOf: string): Promise<DerivedLookup> {
  const rows = await sql<{ generation: number | string; result: unknown; found: boolean }>`
    select g.generation, r.result, r.key is not null as found
    from (select coalesce((select generation from derived_generations where workspace_id = ${workspaceId}), 0) as generation) g
    left join derived_results r on r.workspace_id = ${workspaceId} and r.key = ${key} and r.as_of = ${asOf}::date and r.generation = g.generation`.execute(db);
  const row = rows.rows[0];
  return { generation: Number(row?.generation ?? 0), result: row?.result ?? null, found: row?.found === true };
}

export interface DerivedWrite {
  readonly workspaceId: number;
  readonly key: string;
  readonly asOf: string;
  readonly windowStart: string;
  /** The generation read before computing. */
  readonly generation: number;
  readonly result: unknown;
}

/**
 * Stores a result unless the workspace's generation moved while it was computed (then the result
 * may be built on data that has since changed, and nothing is stored). True when stored.
 */
export async function writeDerivedResult(db: DbOrTrx, write: DerivedWrite): Promise<boolean> {
  const result = await sql`
    insert into derived_results (workspace_id, key, as_of, window_start, generation, result)
    select ${write.workspaceId}, ${write.key}, ${write.asOf}::date, ${write.windowStart}::date, ${write.generation}, ${JSON.stringify(write.result)}::jsonb
    where coalesce((select generation from derived_generations where workspace_id = ${write.workspaceId}), 0) = ${write.generation}
    on conflict (workspace_id, key) do update
      set as_of = excluded.as_of, window_start = excluded.window_start, generation = excluded.generation, result = excluded.result, computed_at = now()`.execute(db);
  return Number(result.numAffectedRows ?? 0) > 0;
}

/**
 * Forgets what was derived from the given local days of a workspace (or from all of them): run it in
 * the writer's transaction, after writing facts about those days.
 */
export async function forgetDerivedResults(db: DbOrTrx, workspaceId: number, days: Iterable<string> | "all"): Promise<void> {
  if (days === "all") {
    await sql`delete from derived_results where workspace_id = ${workspaceId}`.execute(db);
    await bumpGeneration(db, workspaceId, sql`true`);
    return;
  }
  const sorted = [...days].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (first === undefined || last === undefined) return;
  await sql`delete from derived_results where workspace_id = ${workspaceId} and window_start <= ${last}::date and as_of > ${first}::date`.execute(db);
  await bumpGeneration(db, workspaceId, sql`${first}::date < (now() at time zone w.timezone)::date`);
}

async function bumpGeneration(db: DbOrTrx, workspaceId: number, when: ReturnType<typeof sql>): Promise<void> {
  await sql`
    insert into derived_generations (workspace_id, generation)
    select w.id, 1 from workspaces w where w.id = ${workspaceId} and ${when}
    on conflict (workspace_id) do update set generation = derived_generations.generation + 1`.execute(db);
}
