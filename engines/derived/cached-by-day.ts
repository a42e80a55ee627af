/**
 * Runs an analysis over complete local days once per workspace and day: the first call computes and
 * stores the result (db/repositories/derived-results.ts), later calls the same day read it back,
 * validated by its schema, until a writer changes one of the days it read. Failures (a typed error
 * result) are returned as they are and never stored.
 */
import type { z } from "zod";
import type { DbOrTrx } from "../../db/database.ts";
import { readDerivedResult, writeDerivedResult } from "../../db/repositories/derived-results.ts";
import { ok, type Result } from "../../lib/result.ts";

export interface ByDaySpec<T, E> {
  /** What is computed and with which settings; bump its version suffix when the result's shape or method changes. */
  readonly key: string;
  /** The local day the result is for (its inputs end the day before). */
  readonly asOf: string;
  /** The first local day the computation reads. */
  readonly windowStart: string;
  /** Validates what is read back and turns the stored form into the result. */
  readonly schema: z.ZodType<T, unknown>;
  readonly compute: () => Promise<Result<T, E>>;
  /** The stored form of a result (default: the result itself), which `schema` must read back. */
  readonly store?: (value: T) => unknown;
}

export async function cachedByDay<T, E>(db: DbOrTrx, workspaceId: number, spec: ByDaySpec<T, E>): Promise<Result<T, E>> {
  const lookup = await readDerivedResult(db, workspaceId, spec.key, spec.asOf);
  if (lookup.found) {
    const parsed = spec.schema.safeParse(lookup.result);
    // A row that no longer parses (written by an older shape) is simply recomputed and replaced.
    if (parsed.success) return ok(parsed.data);
  }
  const computed = await spec.compute();
  if (!computed.ok) return computed;
  await writeDerivedResult(db, { workspaceId, key: spec.key, asOf: spec.asOf, windowStart: spec.windowStart, generation: lookup.generation, result: spec.store ? spec.store(computed.value) : computed.value });
  return computed;
}
