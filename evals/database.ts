/**
 * The database an eval run reads: by default a fresh in-memory PGlite, migrated and seeded with the
 * demo at a fixed seed and size up to the dataset's now; or the configured database as it is.
 */
import { getConfig } from "../config/index.ts";
import { checkConnection, openDatabase, openPglite, type DatabaseHandle } from "../db/connection.ts";
import { migrateToLatest } from "../db/migrate.ts";
import { seedDemo } from "../demo/index.ts";
import { silentProgress, type Progress } from "../lib/progress.ts";
import { localDate } from "../lib/zoned-time.ts";

export const EVAL_SEED = 42;
export const EVAL_ORDERS = 20_000;
/** The demo's data cut is local midnight in Mexico City: data runs up to the day before `now`. */
const DEMO_HOME_TIME_ZONE = "America/Mexico_City";

export type EvalDatabaseMode = "memory" | "configured";

export interface EvalDatabaseOptions {
  readonly mode: EvalDatabaseMode;
  /** The dataset's default now: the seed ends on its local date. */
  readonly now: string;
  readonly orders?: number;
  readonly seed?: number;
  readonly progress?: Progress;
}

/** Opens (and for "memory" seeds) the eval database; close the handle when done. */
export async function prepareEvalDatabase(options: EvalDatabaseOptions): Promise<DatabaseHandle> {
  if (options.mode === "configured") {
    const handle = await openDatabase(getConfig().database);
    await checkConnection(handle);
    return handle;
  }
  const handle = await openPglite({ dataDir: "memory://" });
  try {
    await migrateToLatest(handle.db);
    await seedDemo(handle.db, {
      orders: options.orders ?? EVAL_ORDERS,
      seed: options.seed ?? EVAL_SEED,
      end: localDate(new Date(options.now), DEMO_HOME_TIME_ZONE),
      progress: options.progress ?? silentProgress,
    });
    return handle;
  } catch (error) {
    await handle.close();
    throw error;
  }
}
